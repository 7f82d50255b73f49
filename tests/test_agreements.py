from kb.extract.agreements import find_agreements
from kb.extract.doc import doc_of_text
from kb.extract.organisations import find_organisations
from kb.extract.people import find_people


def agreements(text: str, home: str | None = None):
    doc = doc_of_text(text, home=home)
    orgs = find_organisations(doc)
    return find_agreements(doc, find_people(doc, orgs), orgs)


def test_lowercase_instrument_gets_a_title_from_its_topic():
    r = agreements("India and Italy signed a memorandum of understanding on space cooperation on Monday.")
    [a] = r.agreements
    assert (a.title, a.kind, a.parties) == ("Memorandum of Understanding on Space Cooperation", "mou",
                                            ["India", "Italy"])
    assert r.concluded_in == {0: [0]}


def test_repeated_mentions_are_one_agreement_with_all_evidence():
    r = agreements("The two sides signed a Letter of Intent between Alfa Systems Limited (ASL) and the "
                   "Italian firm Vela. The Letter of Intent was signed by ASL Chairman Mr Ravi Menon.")
    [a] = r.agreements
    assert a.title == "Letter of Intent between ASL and Vela" and a.kind == "declaration"
    assert a.signatories == ["ravi-menon"]
    assert len(a.evidence) == 2


def test_agreed_to_conclude_is_not_concluded():
    r = agreements("The sides agreed to conclude a Memorandum of Understanding on Military Training.")
    [a] = r.agreements
    assert a.title == "Memorandum of Understanding on Military Training" and r.concluded_in == {}


def test_a_named_plan_and_an_ordinary_word_agreement():
    r = agreements("Both were in agreement on the need to implement the Joint Strategic Action Plan 2025-2029.")
    assert [a.title for a in r.agreements] == ["Joint Strategic Action Plan 2025-2029"]
    assert r.agreements[0].kind == "action-plan"


def test_an_unnamed_instrument_between_nobody_is_skipped():
    assert agreements("An agreement is possible, officials said.").agreements == []


def test_a_table_heading_of_instrument_words_is_no_agreement():
    r = agreements("Agreements/MoUs exchanged\n\nS.No.\tName of Agreement/MoU\tIndian signatory\n\n"
                   "1.\tMemorandum of Understanding on Military Medicine\tShri Anil Iyer, Secretary")
    assert [a.title for a in r.agreements] == ["Memorandum of Understanding on Military Medicine"]


def test_an_agreement_recalled_after_following_the_adoption_of_is_not_concluded_there():
    r = agreements("The minister welcomed the momentum following the adoption of the India-Italy Joint Strategic "
                   "Action Plan 2025-2029.")
    [a] = r.agreements
    assert a.kind == "action-plan" and r.concluded_in == {}


# ---------------------------------------------------------------- names
def test_a_plan_named_with_its_years_keeps_name_and_years():
    r = agreements("The two armies exchanged the Joint Army Training Plan 2027-28 during the talks.")
    [a] = r.agreements
    assert (a.title, a.kind) == ("Joint Army Training Plan 2027-28", "action-plan")


def test_a_plan_for_years_after_its_name():
    r = agreements("A Bilateral Naval Cooperation Plan for 2027-28 was adopted by the two navies.")
    assert [a.title for a in r.agreements] == ["Bilateral Naval Cooperation Plan for 2027-28"]


def test_a_plan_to_do_something_is_no_instrument():
    assert agreements("India and Italy have announced a plan to cooperate on energy.").agreements == []
    assert agreements("The firms discussed the Make in Asia programme.").agreements == []


def test_lower_case_modifiers_name_an_instrument():
    r = agreements("India and Italy signed a maritime security cooperation agreement on Monday.")
    [a] = r.agreements
    assert a.title == "Maritime Security Cooperation Agreement" and r.concluded_in == {0: [0]}


def test_vague_words_and_numbers_are_no_part_of_a_name():
    r = agreements("India and Italy adopted an ambitious three-year action plan on clean energy.")
    [a] = r.agreements
    assert a.title == "Action Plan on Clean Energy"


def test_a_short_and_a_long_name_are_one_instrument_with_the_fuller_title():
    r = agreements("The leaders unveiled a joint strategic action plan 2027-31. The action plan 2027-31 covers "
                   "space. The India-Italy Joint Strategic Action Plan 2027-31 will guide ties.")
    [a] = r.agreements
    assert a.title == "India-Italy Joint Strategic Action Plan 2027-31" and len(a.evidence) == 3


def test_plans_of_other_years_are_other_instruments():
    r = agreements("The Navy Cooperation Plan 2024-25 was reviewed. The Navy Cooperation Plan 2026-27 was signed.")
    assert len(r.agreements) == 2


def test_defense_is_spelt_defence_in_titles():
    r = agreements("India and Italy signed a defense industrial agreement.")
    assert [a.title for a in r.agreements] == ["Defence Industrial Agreement"]


def test_a_process_named_after_an_instrument_is_no_instrument():
    assert agreements("Officials met for the Defence Industrial Roadmap talks in Delhi.").agreements == []


# ---------------------------------------------------------------- parties
def test_a_company_signing_with_another_has_both_as_parties():
    r = agreements("On Tuesday, Orsa Aeronautics Limited (OAL) signed a teaming agreement with Turin-based "
                   "Velamare Dinamica for rotor blades.")
    [a] = r.agreements
    assert a.parties == ["OAL", "Velamare Dinamica"]
    assert a.title == "Teaming Agreement between OAL and Velamare Dinamica"


def test_a_company_with_an_apposition_after_with():
    r = agreements("Earlier this year, Corvina signed a supply deal with a Pune-based firm, Taral Components, "
                   "to build hulls.")
    [a] = r.agreements
    assert a.parties == ["Corvina", "Taral Components"] and a.kind == "other" and a.instrument == "deal"


def test_associations_named_by_acronym_are_parties():
    r = agreements("A memorandum was signed by the Federazione Cantieri Navali (FCN) and the Indian Shipyards "
                   "Forum (ISF).")
    [a] = r.agreements
    assert set(a.parties) == {"FCN", "ISF"} and a.kind == "mou"


def test_a_third_country_instrument_is_not_kept():
    assert agreements("India and France signed an agreement on submarine rescue.").agreements == []


# ---------------------------------------------------------------- status
def test_a_promise_to_sign_a_vague_instrument_is_an_announcement_not_an_agreement():
    r = agreements("Several agreements and MoUs are under finalisation and will be signed during the visit. "
                   "India and Italy will soon sign an MoU.")
    assert r.agreements == [] and r.promised_in == [0, 1]


def test_a_named_instrument_to_be_signed_is_planned():
    r = agreements("The two countries are in talks to sign a naval logistics agreement.")
    [a] = r.agreements
    assert (a.title, a.status) == ("Naval Logistics Agreement", "planned") and r.concluded_in == {}
    assert r.promised_in == [0]


def test_a_signed_instrument_is_signed_and_a_cancelled_deal_cancelled():
    r = agreements("India and Italy signed an agreement on space cooperation. In 2030 India cancelled the "
                   "Orlando Avionics radar deal.")
    assert [(a.title, a.status) for a in r.agreements] == [("Agreement on Space Cooperation", "signed"),
                                                           ("Orlando Avionics Radar Deal", "cancelled")]


def test_a_deal_or_contract_without_a_verb_or_name_is_an_ordinary_word():
    assert agreements("Business deals matter, and a deal is possible, officials said.").agreements == []


def test_a_contract_awarded_is_concluded():
    r = agreements("The Army awarded a contract for the supply of 40 mountain guns to Brenta Armi.")
    [a] = r.agreements
    assert a.kind == "other" and a.instrument == "contract" and a.status == "signed" and r.concluded_in == {0: [0]}


def test_the_verb_belongs_to_the_instrument_it_governs():
    r = agreements("The sides inked 12 pacts and adopted a four-year action plan on trade.")
    [a] = r.agreements
    assert a.title == "Action Plan on Trade" and r.concluded_in == {0: [0]}


def test_the_agreements_exchanged_are_those_just_listed():
    r = agreements("1.\tMemorandum of Understanding on Military Music\n\n2.\tTechnical Arrangement on Map Data\n\n"
                   "The agreements were exchanged in Rome on May 5.")
    last = len(r.by_sentence) and max(r.by_sentence)
    assert len(r.agreements) == 2 and r.concluded_in == {0: [last], 1: [last]}


# ---------------------------------------------------------------- signatories
def test_signatories_after_signed_by_and_not_witnesses():
    r = agreements("The MoU on hydrography was signed by Rear Admiral Paolo Verdi and Commodore Arun Nair in the "
                   "presence of Defence Minister Ravi Kumar.")
    [a] = r.agreements
    assert a.signatories == ["paolo-verdi", "arun-nair"]


def test_signatories_who_signed_as_subjects():
    r = agreements("Defence Secretary Anil Mehta and Italian Secretary General Marco Fabbri signed an MoU on "
                   "military medicine.")
    [a] = r.agreements
    assert a.signatories == ["anil-mehta", "marco-fabbri"]


def test_people_in_whose_presence_an_instrument_is_exchanged_are_not_signatories():
    r = agreements("In the presence of Prime Minister Ravi Kumar, a Memorandum of Understanding on cyber security "
                   "was exchanged.")
    [a] = r.agreements
    assert a.signatories == []


# ---------------------------------------------------------------- Italian
def test_an_italian_instrument_gets_an_english_title():
    r = agreements("Il ministro ha ricordato l'Accordo di cooperazione nel settore della difesa tra Italia e India.")
    [a] = r.agreements
    assert (a.title, a.kind, a.parties) == ("Agreement on Cooperation in the Field of Defence", "agreement",
                                            ["Italy", "India"])


def test_an_italian_memorandum_signed_between_associations():
    r = agreements("È stato firmato un memorandum d'intesa tra la Lega Cantieri Adriatici (LCA) e la "
                   "Indian Marine Federation (IMF).")
    [a] = r.agreements
    assert a.title == "Memorandum of Understanding between LCA and IMF" and a.parties == ["LCA", "IMF"]


def test_an_italian_contract_won_gets_an_english_title():
    r = agreements("La società Brenta Armi si è aggiudicata una commessa per la fornitura di siluri pesanti.")
    [a] = r.agreements
    assert a.title == "Contract for the Supply of Heavyweight Torpedoes" and a.status == "signed"


def test_an_italian_name_that_does_not_translate_keeps_its_words():
    r = agreements("Le parti hanno firmato un accordo di gemellaggio.")
    [a] = r.agreements
    assert a.title == "Accordo di gemellaggio"


def test_an_italian_promise_to_sign_is_planned():
    r = agreements("Italia e India firmeranno presto un accordo sulla cooperazione spaziale.")
    assert r.promised_in == [0] and [a.status for a in r.agreements] == ["planned"]


# ---------------------------------------------------------------- deals and contracts
def test_a_cancelled_purchase_from_a_seller():
    r = agreements("The Indian Navy has cancelled the purchase of 12 landing craft from the Italian yard Cantiere "
                   "Lagunare, ordered in 2024.")
    [a] = r.agreements
    assert (a.kind, a.instrument, a.status) == ("other", "deal", "cancelled")
    assert a.parties == ["India", "Cantiere Lagunare"]
    assert a.title == "Purchase of 12 Landing Craft between India and Cantiere Lagunare"


def test_a_state_body_signing_a_contract_binds_its_state():
    r = agreements("In a separate development, the defence ministry on Tuesday signed a contract worth Rs 300 crore "
                   "with Lago Sistemi (LS) of Italy for the supply of sonar buoys.", home="India")
    [a] = r.agreements
    assert a.parties == ["India", "LS"] and a.title.startswith("Contract for the Supply of Sonar Buoys")


def test_an_instrument_only_described_and_mentioned_in_passing_is_no_agreement():
    assert agreements("Bids must include an integrity pact, the ministry said.").agreements == []
    assert agreements("Officials discussed a possible data-sharing arrangement.").agreements == []


def test_a_general_word_refers_back_to_a_named_instrument_of_another_kind():
    r = agreements("The navies signed a Memorandum of Understanding on mine countermeasures. The mine "
                   "countermeasures pact is modest.")
    [a] = r.agreements
    assert a.kind == "mou" and len(a.evidence) == 2


def test_a_topic_ends_at_a_place_of_several_words():
    r = agreements("They signed a Memorandum of Understanding on diving training in New Delhi on Friday.")
    assert [a.title for a in r.agreements] == ["Memorandum of Understanding on Diving Training"]


# ---------------------------------------------------------------- Italian word order and bodies
def test_italian_adjectives_after_the_instrument_go_before_it_in_english():
    r = agreements("I ministri hanno ricordato il Piano d'Azione Strategico Congiunto 2026-2030 tra Italia e India.")
    assert [a.title for a in r.agreements] == ["Joint Strategic Action Plan 2026-2030"]


def test_an_italian_implementing_arrangement_with_its_signatory():
    r = agreements("È stato firmato un accordo tecnico di attuazione sulla cooperazione nell'addestramento "
                   "militare congiunto, sottoscritto dal Generale Paolo Ferri.")
    [a] = r.agreements
    assert (a.title, a.kind, a.instrument) == ("Implementing Arrangement on Cooperation in Joint Military Training",
                                               "other", "arrangement")
    assert a.signatories == ["paolo-ferri"]


def test_an_italian_contract_signed_with_a_company_before_the_word():
    r = agreements("Il ministero aveva firmato con un'altra azienda, Lago Sistemi, un contratto da 40 milioni di "
                   "euro per la fornitura di siluri pesanti.")
    [a] = r.agreements
    assert "Lago Sistemi" in a.parties and a.title == "Contract for the Supply of Heavyweight Torpedoes"


def test_a_capitalised_name_with_of_inside_and_a_model_in_a_topic():
    r = agreements("India and Italy signed the Security of Information Agreement. The ministry later signed a deal "
                   "for 12 AV210 helicopters with Elicotteri Alpini.")
    assert [a.title for a in r.agreements] == ["Security of Information Agreement",
                                               "Deal for 12 AV210 Helicopters"]


def test_a_memorandum_of_agreement_is_a_memorandum():
    r = agreements("The two navies signed a Memorandum of Agreement on fleet support.")
    assert [(a.title, a.kind) for a in r.agreements] == [("Memorandum of Agreement on Fleet Support", "mou")]


def test_an_italian_framework_agreement():
    r = agreements("Italia e India hanno firmato un accordo quadro di cooperazione.")
    assert [a.title for a in r.agreements] == ["Framework Agreement on Cooperation"]


def test_two_companies_that_signed_are_the_parties():
    r = agreements("Corvina and Bharat Gears signed a Memorandum of Understanding to explore naval gearboxes.")
    [a] = r.agreements
    assert a.parties == ["Corvina", "Bharat Gears"]


def test_bodies_that_signed_after_by_are_the_parties():
    r = agreements("The deal, worth 1.5 billion euros, was signed in Rome by Corvina and the Indian Ministry of "
                   "Defence.")
    [a] = r.agreements
    assert a.parties == ["Corvina", "India"] and a.status == "signed"


def test_an_instrument_with_a_bloc_is_not_the_pairs():
    assert agreements("Italy backs an early conclusion of the free trade agreement between India and the EU. "
                      "Talks on the India-EU Free Trade Agreement went on.").agreements == []


def test_surnames_of_officials_are_no_parties():
    r = agreements("Defence Minister Marco Neri met Defence Minister Arun Rao. Neri and Rao signed an agreement "
                   "on cadet exchanges.")
    [a] = r.agreements
    assert a.parties == []


def test_an_italian_topic_ends_at_a_verb():
    r = agreements("Il contratto per la fornitura di siluri pesanti era stato annullato nel 2014.")
    assert [(a.title, a.status) for a in r.agreements] == [("Contract for the Supply of Heavyweight Torpedoes",
                                                            "cancelled")]


# ---------------------------------------------------------------- dates and parties of background mentions
def extracted(text: str, published: str = "2025-03-12"):
    from kb.extract import extract_doc
    return extract_doc(doc_of_text(text, published=published))


def test_a_month_of_another_clause_neither_dates_nor_joins_an_agreement():
    ex = extracted("The Pelagia Coast Guard and the Italian Coast Guard began staff talks in May 2021 and signed a "
                   "hydrography pact in August that year.")
    [a] = ex.agreements
    assert a.date == "2021-08" and "May" not in a.parties and "August" not in a.parties


def test_months_and_pronouns_are_no_parties():
    ex = extracted("He recalled drills held off Taranto in September, and the adoption of the Harbour Safety "
                   "Roadmap last month.")
    [a] = ex.agreements
    assert a.parties == [] and a.date == "2025-02"


def test_an_agreement_told_as_earlier_than_the_story_has_no_date_of_the_story():
    ex = extracted("Minister Arun Desai arrived in Rome on Tuesday. The visit comes weeks after the two countries "
                   "adopted a Lunar Science Roadmap.")
    [a] = ex.agreements
    assert a.date is None
    ex = extracted('"This builds on the Coastal Action Plan adopted by our governments," Desai said on Monday.')
    assert all(a.date is None for a in ex.agreements)


def test_a_follow_up_sentence_dates_the_agreement():
    ex = extracted("Orion Dynamics has signed a licence contract with Vesta Avionica. The contract was signed on "
                   "Friday in Pune.")
    [a] = ex.agreements
    assert (a.date, a.date_basis) == ("2025-03-07", "text")


def test_charting_a_roadmap_is_a_figure_of_speech():
    assert extracted("The ministers charted the roadmap for deeper industrial ties.").agreements == []
    assert extracted("Both sides mapped out a roadmap for joint research.").agreements == []


def test_honorifics_and_offices_of_signatories_are_no_parties():
    said = agreements("The memoranda were exchanged and a Letter of Intent on Sonar Research was exchanged "
                      "between Dr. Anil Rao and Ing. Paola Greco.")
    assert all(p not in {"Dr", "Ing"} for a in said.agreements for p in a.parties)


def test_a_date_that_opens_the_sentence_dates_every_clause():
    ex = extracted("Last year, the two countries held a summit and adopted an ambitious action plan.")
    [a] = ex.agreements
    assert a.date == "2024"


def test_parties_read_past_what_each_body_is_said_to_be():
    r = agreements("Italy's Vesta Cantieri, one of the largest builders of patrol boats in Europe, and Coastal "
                   "Shipbuilders Limited (CSL), a state-owned shipyard, on Monday signed a memorandum of "
                   "understanding to build fast attack craft.")
    [a] = r.agreements
    assert a.parties == ["Vesta Cantieri", "CSL"]


def test_an_instrument_named_by_its_parties_is_the_one_they_signed():
    ex = extracted("Orion Dynamics has signed a contract with Vesta Avionica for the supply of cockpit displays. "
                   "The Orion-Vesta contract was signed on Friday in Pune by Orion's Director of Programmes Anil "
                   "Kapoor.")
    [a] = ex.agreements
    assert a.parties == ["Orion Dynamics", "Vesta Avionica"] and a.date == "2025-03-07"
    assert a.title.startswith("Contract for the Supply of Cockpit Displays")
