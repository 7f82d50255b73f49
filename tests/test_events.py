"""Event extraction through the whole per-article step, on short invented articles."""

from event_helpers import by_kind, extract, names


def test_weekday_resolves_against_publication_and_place_is_read(tmp_path):
    # 2024-05-10 is a Friday: "on Wednesday" is 2024-05-08.
    ex = extract(tmp_path, "Defence Minister Arun Bhatia on Wednesday met his Italian counterpart "
                           "Silvia Marchi in Naples and held talks on naval cooperation.")
    [ev] = ex.events
    assert (ev.kind, ev.date, ev.place, ev.date_basis) == ("meeting", "2024-05-08", "Naples", "text")
    assert names(ex, ev) == ["Arun Bhatia", "Silvia Marchi"]
    assert ev.evidence[0].quote in ex.source.text


def test_two_calls_in_one_sentence_are_two_meetings(tmp_path):
    ex = extract(tmp_path, "On Tuesday, Secretary Neha Rao met Italy's Director General Piero Conti "
                           "and also called on Admiral Bruno Vitale in Rome.")
    meetings = by_kind(ex, "meeting")
    assert sorted(tuple(names(ex, e)) for e in meetings) == [("Bruno Vitale", "Neha Rao"), ("Neha Rao", "Piero Conti")]
    assert {e.date for e in meetings} == {"2024-05-07"}


def test_later_sentences_about_the_same_people_join_the_event(tmp_path):
    ex = extract(tmp_path, "Army chief General Manoj Tiwari met Lt Gen Fabio Greco in Rome on May 8. "
                           "\"We discussed training,\" General Tiwari said after meeting Lt Gen Greco.")
    [ev] = by_kind(ex, "meeting")
    assert ev.date == "2024-05-08" and len(ev.evidence) == 2


def test_a_reference_adds_a_date_to_the_event_it_refers_to(tmp_path):
    ex = extract(tmp_path, "Indian frigate INS Vega and Italian destroyer ITS Caio Duilio carried out a "
                           "partnership exercise in the Ligurian Sea. The exercise on May 4 and 5 covered air defence.")
    [ev] = by_kind(ex, "exercise")
    assert (ev.date, ev.end_date, ev.place) == ("2024-05-04", "2024-05-05", "Ligurian Sea")
    assert "INS Vega" in ev.title


def test_generic_future_plans_are_not_events(tmp_path):
    ex = extract(tmp_path, "Military exercises will also be deepened and expanded. "
                           "More joint exercises on disaster relief were pointed out.")
    assert ex.events == []


def test_background_event_with_its_own_date(tmp_path):
    ex = extract(tmp_path, "Prime Minister Ravi Kapoor met Italian Prime Minister Anna Ferri in Rome "
                           "in November 2021, officials recalled.")
    [ev] = ex.events
    assert ev.date == "2021-11" and ev.background


def test_third_country_event_is_kept_but_not_bilateral(tmp_path):
    ex = extract(tmp_path, "Defence Minister Arun Bhatia will hold the annual dialogue with French Minister "
                           "of Armed Forces Paul Girard in Paris next week.")
    [ev] = ex.events
    assert ev.kind == "dialogue" and not ev.bilateral


def test_agreement_signed_during_a_meeting_takes_its_date_and_link(tmp_path):
    ex = extract(tmp_path, "Defence Minister Arun Bhatia met Italian Defence Minister Silvia Marchi in Rome "
                           "on Thursday and signed an agreement on defence cooperation between India and Italy.")
    [agr] = ex.agreements
    [ev] = ex.events
    assert agr.date == "2024-05-09" and ev.agreements == [agr.id]


def test_no_publication_date_leaves_relative_dates_unknown(tmp_path):
    ex = extract(tmp_path, "Defence Minister Arun Bhatia met Italian Defence Minister Silvia Marchi "
                           "on Thursday in Rome.", published=None)
    assert ex.source.published is None
    assert [e.date for e in ex.events] == [None]


def test_a_pronoun_after_a_time_phrase_is_the_story_s_subject(tmp_path):
    ex = extract(tmp_path, "General Marco Tosi, on a visit to India, called on Defence Secretary Anil Rao on "
                           "Wednesday. On Thursday he laid a wreath at the war memorial in Pune.")
    [ceremony] = by_kind(ex, "ceremony")
    assert names(ex, ceremony) == ["Marco Tosi"] and ceremony.date == "2024-05-09"


def test_wreaths_laid_are_a_ceremony(tmp_path):
    ex = extract(tmp_path, "Ambassador Carla Neri laid wreaths at the war cemetery in Ortona on Wednesday.")
    [ceremony] = by_kind(ex, "ceremony")
    assert names(ex, ceremony) == ["Carla Neri"] and ceremony.place == "Ortona"


def test_a_facility_names_its_place(tmp_path):
    ex = extract(tmp_path, "On May 8 Defence Minister Arun Bhatia visited the Aerotek plant at Vergate, "
                           "officials said.")
    [visit] = by_kind(ex, "visit")
    assert visit.place == "Vergate"


def test_agreements_exchanged_in_the_presence_of_ministers_are_a_signing(tmp_path):
    ex = extract(tmp_path, "The agreements were exchanged in Rome on April 22, 2026 in the presence of Raksha "
                           "Mantri Shri Arun Bhatia and the Minister of Defence of Italy, Mr Marco Neri.", "2026-04-23")
    [ev] = by_kind(ex, "signing")
    assert (ev.date, ev.place) == ("2026-04-22", "Rome")
    assert names(ex, ev) == ["Arun Bhatia", "Marco Neri"]


def test_exchanged_views_is_still_a_meeting(tmp_path):
    ex = extract(tmp_path, "Defence Secretary Arun Bhatia exchanged views with Italy's Secretary General of "
                           "Defence Marco Neri in Rome on Monday.")
    assert [e.kind for e in ex.events] == ["meeting"]


def test_a_postponed_visit_keeps_its_status_and_talks_that_were_to_have_been_held_are_no_event(tmp_path):
    ex = extract(tmp_path, "The visit of Italy's Chief of Defence Staff, Admiral Marco Neri, to India, which was "
                           "scheduled to begin on Wednesday, has been postponed, officials said. Admiral Neri was to "
                           "have held talks with Chief of Defence Staff General Arun Bhatia in New Delhi. The "
                           "postponement was conveyed on Monday by Brigadier General Anna Rossi, who called on "
                           "Joint Secretary Ritu Rao.", "2025-11-25")
    assert sorted((e.kind, e.status, e.date or "") for e in ex.events) == [
        ("meeting", "happened", "2025-11-24"), ("visit", "postponed", "")]


def test_an_air_base_named_before_the_word_base_is_the_place(tmp_path):
    ex = extract(tmp_path, "Air Marshal Arun Bhatia visited the Italian Air Force's Amendola air base on "
                           "Tuesday.", "2025-11-25")
    [ev] = ex.events
    assert (ev.kind, ev.place, ev.date) == ("visit", "Amendola", "2025-11-25")


def test_who_acts_after_a_back_reference_is_the_subject_of_the_next_trigger(tmp_path):
    ex = extract(tmp_path, "Preparations for the visit had gathered pace last month, when a team led by Air "
                           "Marshal Arun Bhatia held preparatory talks with Italian officials in Rome.", "2025-11-25")
    [ev] = ex.events
    assert (ev.kind, ev.place, ev.date) == ("meeting", "Rome", "2025-10")
    assert names(ex, ev) == ["Arun Bhatia"]


def test_named_talks_on_a_day_are_an_event_and_the_leaders_join_it(tmp_path):
    ex = extract(tmp_path, "Officials met in New Delhi on Tuesday for the fourth round of the India-Italy Defence "
                           "Industrial Roadmap talks. The Indian side was led by Joint Secretary Asha Rao, and the "
                           "Italian side by Brigadier General Marco Neri.", "2026-02-13")
    [ev] = ex.events
    assert (ev.kind, ev.date, ev.place) == ("meeting", "2026-02-10", "New Delhi")
    assert names(ex, ev) == ["Asha Rao", "Marco Neri"]


def test_toured_is_a_visit(tmp_path):
    ex = extract(tmp_path, "Admiral Arun Bhatia toured the submarine base at Taranto on Tuesday.", "2026-01-22")
    [ev] = ex.events
    assert (ev.kind, ev.date, ev.place) == ("visit", "2026-01-20", "Taranto")


def test_a_clause_of_time_tells_another_happening_with_its_own_subject(tmp_path):
    ex = extract(tmp_path, "Air Chief Marshal Vikram Desai arrived in Turin on Tuesday for a three-day visit. "
                           "Air Chief Marshal Desai's visit to Italy comes a week after Indian frigate INS Kavach "
                           "and Italian corvette ITS Sirio held a passage exercise in the Ligurian Sea.")
    [exercise] = by_kind(ex, "exercise")
    assert exercise.participants == [] and exercise.place == "Ligurian Sea"
    [visit] = by_kind(ex, "visit")
    assert (visit.place, names(ex, visit)) == ("Turin", ["Vikram Desai"])
    assert len(visit.evidence) == 2


def test_a_clause_of_time_without_its_own_subject_shares_the_sentences(tmp_path):
    ex = extract(tmp_path, "Defence Secretary Ravi Menon visited the Fincantieri shipyard at Monfalcone on "
                           "Wednesday after meeting Admiral Paolo Greco in Rome on Tuesday.")
    [meeting] = by_kind(ex, "meeting")
    assert names(ex, meeting) == ["Paolo Greco", "Ravi Menon"]


def test_two_verbs_on_two_days_are_two_happenings(tmp_path):
    # 2024-05-10 is a Friday: Monday is 2024-05-06, Tuesday 2024-05-07.
    ex = extract(tmp_path, "Vice Admiral Sunil Rao, who is on a week-long visit to Italy, toured the naval "
                           "academy at Livorno on Monday and met Defence Minister Carla Bruni on Tuesday.")
    [visit] = by_kind(ex, "visit")
    assert (visit.date, visit.place, names(ex, visit)) == ("2024-05-06", "Livorno", ["Sunil Rao"])
    [meeting] = by_kind(ex, "meeting")
    assert (meeting.date, names(ex, meeting)) == ("2024-05-07", ["Carla Bruni", "Sunil Rao"])
    assert meeting.place != "Livorno"


def test_a_vague_later_date_does_not_split_a_happening(tmp_path):
    ex = extract(tmp_path, "On Wednesday, Vice Admiral Sunil Rao held talks with Rear Admiral Marco Neri on "
                           "training and a possible submarine visit to Kochi later this year.")
    assert [e.kind for e in ex.events] == ["meeting"]


def test_words_under_a_negation_neither_name_the_kind_nor_make_an_event(tmp_path):
    ex = extract(tmp_path, "When the two delegations sat down in Rome on Tuesday for the third round of the "
                           "India-Italy Space Cooperation talks, there was no formal ceremony and no joint press "
                           "conference.")
    [ev] = ex.events
    assert (ev.kind, ev.date, ev.place) == ("meeting", "2024-05-07", "Rome")
    ex = extract(tmp_path, "Admiral Paolo Greco left Kochi without visiting the shipyard.")
    assert ex.events == []


def test_the_day_a_happening_ends_is_its_end_date_not_another_event(tmp_path):
    ex = extract(tmp_path, "Indian frigate INS Vega and Italian destroyer ITS Caio Duilio began a passage exercise "
                           "in the Ligurian Sea on May 6. The sea phase will include gunnery drills and will end on "
                           "May 12 in the Gulf of Genoa.", published="2024-05-08")
    [ev] = by_kind(ex, "exercise")
    assert (ev.date, ev.end_date, ev.place) == ("2024-05-06", "2024-05-12", "Ligurian Sea")


def test_a_rank_alone_does_not_bring_its_holder_into_another_event(tmp_path):
    ex = extract(tmp_path, "Rear Admiral Anne Moreau of the French Navy called on the fleet commander on Monday. "
                           "On Wednesday, Vice Admiral Sunil Rao held talks with the commander of the Japanese "
                           "squadron, Rear Admiral Kenji Sato, in Kochi.")
    [talks] = [e for e in by_kind(ex, "meeting") if e.date == "2024-05-08"]
    assert names(ex, talks) == ["Kenji Sato", "Sunil Rao"]


def test_a_sea_in_an_office_or_a_topic_is_not_the_venue(tmp_path):
    ex = extract(tmp_path, "On Tuesday, Vice Admiral Ravi Menon met Rear Admiral Marco Verdi, commander of the "
                           "Red Sea task force, in Kochi.\n\nOn Wednesday in Mumbai, Captain Luca Neri called on "
                           "Admiral Menon, and the two discussed the safety of shipping in the Arabian Sea.")
    places = {tuple(names(ex, e)): e.place for e in by_kind(ex, "meeting")}
    assert places[("Marco Verdi", "Ravi Menon")] == "Kochi"
    assert places[("Luca Neri", "Ravi Menon")] == "Mumbai"


def test_trigger_patterns_may_be_written_as_token_specs():
    import re

    from kb.lexicon import pattern_regex

    spec = {"tokens": [{"LOWER": {"IN": ["held", "holds"]}}, {"LOWER": "bilateral", "OP": "?"}, {"LOWER": "talks"}]}
    pat = re.compile(pattern_regex(spec), re.IGNORECASE)
    assert pat.fullmatch("held talks") and pat.fullmatch("Holds  bilateral talks")
    assert not pat.fullmatch("held bilateral")


def test_an_expected_visit_is_kept_as_planned_with_its_own_date(tmp_path):
    ex = extract(tmp_path, "Italian Prime Minister Carla Fontana is expected to visit India in 2026, "
                           "officials said.", "2025-12-11")
    [ev] = ex.events
    assert (ev.kind, ev.status, ev.date, names(ex, ev)) == ("visit", "planned", "2026", ["Carla Fontana"])


def test_an_invitation_is_a_proposed_visit_of_the_one_invited(tmp_path):
    ex = extract(tmp_path, "Foreign Minister Luca Bernardi on Wednesday met Prime Minister Vikram Sethi in "
                           "New Delhi. Bernardi later said he had invited Prime Minister Vikram Sethi to visit "
                           "Italy next year.", "2025-12-11")
    planned = [e for e in ex.events if e.status != "happened"]
    assert [(e.kind, e.status, names(ex, e)) for e in planned] == [("visit", "proposed", ["Vikram Sethi"])]
    [met] = [e for e in ex.events if e.status == "happened"]
    assert met.kind == "meeting" and met.date == "2025-12-10"


def test_a_clause_in_the_future_does_not_make_the_sentence_a_plan(tmp_path):
    ex = extract(tmp_path, "Admiral Sara Conti, who will visit Kochi next month, met Vice Admiral "
                           "Rohan Iyer in Rome on May 6.")
    statuses = sorted((e.kind, e.status) for e in ex.events)
    assert statuses == [("meeting", "happened"), ("visit", "planned")]
    [met] = by_kind(ex, "meeting")
    assert (met.date, met.place) == ("2024-05-06", "Rome")


def test_a_cancelled_exercise_keeps_its_status(tmp_path):
    ex = extract(tmp_path, "The joint exercise of INS Vega and ITS Rizzo in the Arabian Sea, due on May 20, "
                           "has been called off.")
    [ev] = ex.events
    assert (ev.kind, ev.status) == ("exercise", "cancelled")


def test_a_happening_dated_after_publication_is_planned(tmp_path):
    ex = extract(tmp_path, "The navies of India and Italy hold a passage exercise with INS Vega and ITS Rizzo "
                           "off Goa on May 20.")
    [ev] = ex.events
    assert (ev.status, ev.date) == ("planned", "2024-05-20")


def test_an_envoys_promise_to_sign_is_an_announcement_not_a_signing(tmp_path):
    ex = extract(tmp_path, "Pune: Italy's Ambassador to India, Paolo Verdi, on Thursday said that the two "
                           "countries will soon sign a defence pact.")
    [ev] = ex.events
    assert (ev.kind, ev.status, ev.date, names(ex, ev)) == ("announcement", "happened", "2024-05-09", ["Paolo Verdi"])
    assert ev.title.startswith("Paolo Verdi says the two countries will soon sign")


def test_the_dateline_city_is_no_venue_once_the_story_goes_to_another_country(tmp_path):
    ex = extract(tmp_path, "KOLKATA, May 10: Air Marshal Deepak Sen is on a visit to Italy. On Thursday he called on "
                           "General Bruno Galli, the Italian Air Force chief. He later laid a wreath at a memorial.")
    [visit], [meeting], [ceremony] = by_kind(ex, "visit"), by_kind(ex, "meeting"), by_kind(ex, "ceremony")
    assert visit.place is None and meeting.place is None and ceremony.place is None
    assert names(ex, meeting) == ["Bruno Galli", "Deepak Sen"]


def test_he_stays_the_person_the_story_is_about_after_a_sentence_naming_another(tmp_path):
    ex = extract(tmp_path, "Air Marshal Deepak Sen arrived in Rome on Wednesday. On Thursday he called on General "
                           "Bruno Galli. He later laid a wreath at the war memorial.")
    [ceremony] = by_kind(ex, "ceremony")
    assert names(ex, ceremony) == ["Deepak Sen"]


def test_the_dateline_city_stays_the_venue_of_what_happens_there(tmp_path):
    ex = extract(tmp_path, "KOLKATA, May 10: Air Marshal Deepak Sen met General Bruno Galli of Italy on Thursday. "
                           "They discussed the situation in Italy and in the Red Sea.")
    [meeting] = by_kind(ex, "meeting")
    assert meeting.place == "Kolkata"


def test_a_body_to_be_set_up_is_no_happening(tmp_path):
    ex = extract(tmp_path, "Defence Minister Arun Bhatia and Italian Defence Minister Silvia Marchi agreed to set up a "
                           "joint working group on shipbuilding and to establish an annual maritime dialogue.")
    assert by_kind(ex, "committee") == [] and by_kind(ex, "dialogue") == []


def test_when_a_body_was_founded_is_not_when_it_met(tmp_path):
    ex = extract(tmp_path, "The Joint Working Group on Shipbuilding, set up in 2019, met in Rome on Wednesday under "
                           "Rear Admiral Paolo Sarti and Commodore Vivek Nair.")
    [committee] = by_kind(ex, "committee")
    assert committee.date == "2024-05-08"


def test_a_visit_to_a_country_names_it_in_its_title_without_a_city(tmp_path):
    ex = extract(tmp_path, "Air Marshal Deepak Sen, who flew in from Canada, is on an official visit to Italy "
                           "from May 8 to 10.")
    [visit] = by_kind(ex, "visit")
    assert visit.title == "Deepak Sen visits Italy" and visit.place is None


def test_in_the_passive_the_agent_is_who_acted(tmp_path):
    ex = extract(tmp_path, "Defence Minister Arun Bhatia was received by Italian Defence Minister Silvia Marchi in "
                           "Rome on Wednesday.")
    [meeting] = by_kind(ex, "meeting")
    assert meeting.title == "Silvia Marchi receives Arun Bhatia in Rome"
