"""Classes of phrasing that report a happening, each on a short invented article."""

from event_helpers import by_kind, extract, names


def test_a_definite_first_mention_with_its_own_dates_is_an_event(tmp_path):
    ex = extract(tmp_path, "In a first for the two fleets, the navies of both countries carried out the maiden "
                           "exercise by their amphibious groups off the Malabar coast from May 2 to 5.")
    [ev] = by_kind(ex, "exercise")
    assert (ev.date, ev.end_date, ev.place) == ("2024-05-02", "2024-05-05", "Malabar coast")


def test_a_definite_mention_without_dates_of_its_own_stays_a_reference(tmp_path):
    ex = extract(tmp_path, "The exercise was announced during the visit of Defence Minister Arun Bhatia "
                           "to Rome in April.")
    assert not by_kind(ex, "exercise")


def test_expected_with_an_adverb_is_still_planned(tmp_path):
    ex = extract(tmp_path, "Prime Minister Arun Bhatia and Prime Minister Silvia Marchi are also expected to "
                           "share a stage at the Lakeside Dialogue in Pune.")
    assert all(e.status != "happened" for e in ex.events)


def test_talks_held_during_a_visit_are_a_meeting_of_their_own(tmp_path):
    ex = extract(tmp_path, "Defence Secretary Arun Bhatia visited Naples from May 6 to 7, during which he held "
                           "\"fruitful discussions\" with Admiral Bruno Vitale.")
    [visit] = by_kind(ex, "visit")
    [meeting] = by_kind(ex, "meeting")
    assert names(ex, meeting) == ["Arun Bhatia", "Bruno Vitale"]
    assert visit.date == meeting.date == "2024-05-06"


def test_a_visit_that_began_with_a_meeting_keeps_the_meeting_apart(tmp_path):
    ex = extract(tmp_path, "Defence Secretary Arun Bhatia arrived in Naples on May 6 for a two-day visit. "
                           "The visit began with a meeting between Arun Bhatia and Admiral Bruno Vitale.")
    [meeting] = by_kind(ex, "meeting")
    assert names(ex, meeting) == ["Arun Bhatia", "Bruno Vitale"]
    assert by_kind(ex, "visit")


def test_an_office_every_country_has_names_its_holder_with_the_country(tmp_path):
    ex = extract(tmp_path, "Italian Defence Minister Silvia Marchi received Defence Secretary Arun Bhatia in Naples "
                           "on May 6. Later the defence secretary was calling on the Defence Minister of Italy "
                           "at her office, where the Defence Minister of France joined them.")
    meetings = by_kind(ex, "meeting")
    assert meetings and all(names(ex, m) == ["Arun Bhatia", "Silvia Marchi"] for m in meetings)


def test_a_meeting_held_by_someone_on_a_visit_is_one_meeting(tmp_path):
    ex = extract(tmp_path, "Defence Minister Arun Bhatia, who is on an official visit to Italy, held a meeting "
                           "with his Italian counterpart Silvia Marchi in Naples on Wednesday.")
    [ev] = ex.events
    assert ev.kind == "meeting" and names(ex, ev) == ["Arun Bhatia", "Silvia Marchi"]


def test_a_ship_entering_a_port_is_a_port_call_at_that_port(tmp_path):
    ex = extract(tmp_path, "The Indian frigate INS Vega is on a deployment to the Mediterranean. The frigate "
                           "entered the Port of Livorno on May 3 and docked at the naval base for three days.")
    [ev] = by_kind(ex, "visit")
    assert (ev.date, ev.place) == ("2024-05-03", "Livorno")


def test_a_sea_is_not_where_people_meet_and_a_dateline_is_not_where_ships_exercise(tmp_path):
    ex = extract(tmp_path, "NAPLES: Indian frigate INS Vega exercised with ITS Caio Duilio this week. "
                           "INS Vega and ITS Caio Duilio carried out a partnership exercise in the Ligurian Sea on "
                           "May 4. Separately, Army chief General Manoj Tiwari is on a visit to Italy.")
    assert {e.place for e in by_kind(ex, "exercise")} <= {"Ligurian Sea", None}
    assert all(e.place != "Ligurian Sea" for e in by_kind(ex, "visit"))


def test_a_happening_dated_only_by_publication_is_the_one_dated_days_before(tmp_path):
    ex = extract(tmp_path, "Indian and Italian navies conduct a partnership exercise with INS Vega and ITS Caio "
                           "Duilio. INS Vega and ITS Caio Duilio held the partnership exercise from May 4 to 6 "
                           "in the Ligurian Sea.")
    [ev] = by_kind(ex, "exercise")
    assert ev.date == "2024-05-04"


def test_visiting_a_memorial_is_a_ceremony_and_whom_it_honours_takes_no_part(tmp_path):
    ex = extract(tmp_path, "Defence Minister Arun Bhatia on Wednesday visited a memorial recently built for "
                           "Havildar Ravi Kumar Sethi at Castelvecchio and other soldiers who fell there in 1944.")
    [ev] = by_kind(ex, "ceremony")
    assert names(ex, ev) == ["Arun Bhatia"] and ev.date == "2024-05-08"
    assert "Sethi" not in ev.title


def test_a_wreath_laid_by_an_office_named_with_its_country_is_its_holders(tmp_path):
    ex = extract(tmp_path, "Italian Defence Minister Silvia Marchi held talks with Defence Minister Arun Bhatia in "
                           "New Delhi on Wednesday. Prior to the meeting, the Italian Defence Minister laid a wreath "
                           "at the National War Memorial.")
    [ev] = by_kind(ex, "ceremony")
    assert names(ex, ev) == ["Silvia Marchi"]


def test_who_represented_a_country_at_a_ceremony_took_part_in_it(tmp_path):
    ex = extract(tmp_path, "A memorial to the soldiers of the Garhwal Rifles was unveiled in the town of Sorano "
                           "on Monday. Ambassador Meera Kapoor represented India during the ceremony.")
    [ev] = by_kind(ex, "ceremony")
    assert names(ex, ev) == ["Meera Kapoor"] and ev.date == "2024-05-06"


def test_two_named_bodies_meeting_in_one_week_are_two_events(tmp_path):
    ex = extract(tmp_path, "The two countries concluded the 5th edition of the Military Cooperation Group (MCG) in "
                           "Pune on Wednesday. Also, Defence Secretary Arun Bhatia and Secretary General Piero Conti "
                           "co-chaired the 7th India-Italy Joint Defence Committee in Pune.")
    assert len(by_kind(ex, "committee")) == 2
