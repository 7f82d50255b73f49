"""People extraction on short texts of shapes the seed articles lack."""

from kb.extract.doc import doc_of_text, parse_article
from kb.extract.organisations import find_organisations
from kb.extract.people import find_people
from kb.extract.text import split_sentences
from kb.ingest import RawArticle
from kb.model import Person


def people(text: str, home: str | None = None) -> dict[str, tuple[str | None, list[str], list[str]]]:
    found = find_people(doc_of_text(text, home=home))
    return {p.name: (p.country, [r.title for r in p.roles], p.aliases) for p in found.people if not p.untitled}


def test_title_before_name_gives_role_and_country():
    got = people("Italian Defence Minister Marco Bellini met Raksha Mantri Shri Ajay Varma in Delhi.")
    assert got["Marco Bellini"][:2] == ("Italy", ["Defence Minister"])
    assert got["Ajay Varma"][:2] == ("India", ["Raksha Mantri"])


def test_rank_and_office_are_both_read():
    got = people("Chief of Naval Staff Admiral R K Dhawan received Vice Admiral Enrico Sala, "
                 "Commander of the Italian Fleet, in Mumbai.")
    assert got["R K Dhawan"][1] == ["Chief of Naval Staff"]
    assert got["Enrico Sala"] == ("Italy", ["Commander of the Italian Fleet"], [])


def test_appositive_role_after_the_name():
    got = people("The talks were led by Paola Ricci, Secretary General of Defence, and others.")
    assert got["Paola Ricci"][1] == ["Secretary General of Defence"]


def test_untitled_capitalised_words_are_not_people():
    got = people("The Trans Regional Maritime Network met in New Delhi. Rafale Marine jets flew over Rome.")
    assert got == {}


def test_ship_names_are_not_people():
    got = people("Indian Navy frigate INS Kaveri sailed with ITS Giuseppe Garibaldi off Naples.")
    assert got == {}


def test_names_of_exercises_and_operations_are_not_people():
    text = ("The navies held Exercise Blue Kite off Goa, and the air forces flew Ex Desert Lark with "
            "Operation Sea Shield under way. Commodore Anil Rao led it.")
    found = find_people(doc_of_text(text))
    assert [p.name for p in found.people] == ["Anil Rao"]


def test_units_and_monuments_are_not_people():
    text = ("Soldiers of the Dogra Light Infantry and the 3rd Jat Rifles marched to the Altare della Patria and "
            "the Sacrario Militare with Colonel Vikas Rana.")
    doc = doc_of_text(text)
    found = find_people(doc, find_organisations(doc))
    assert [p.name for p in found.people] == ["Vikas Rana"]


def test_a_surname_that_is_also_an_abbreviated_title_is_a_surname():
    got = people("Air Marshal Deepak Sen met Captain Arun Bose in Kochi.")
    assert set(got) == {"Deepak Sen", "Arun Bose"}


def test_a_full_name_after_accompanied_by_is_a_person():
    found = find_people(doc_of_text("The minister was accompanied by Chiara Valenti and met Orio Lanza."))
    assert {p.name: p.untitled for p in found.people} == {"Chiara Valenti": False, "Orio Lanza": True}


def test_short_forms_resolve_and_two_people_of_one_surname_stay_apart():
    text = ("Air Marshal Vikram Singh met Minister of State Meena Singh on Monday. "
            "Air Marshal Singh praised the talks. Ms Singh thanked him. Singh left.")
    found = find_people(doc_of_text(text))
    names = sorted(p.name for p in found.people)
    assert names == ["Meena Singh", "Vikram Singh"]
    by_sentence = {m.sentence: found.people[m.person].name for m in found.mentions if m.name == "Singh"}
    assert by_sentence[1] == "Vikram Singh" and by_sentence[2] == "Meena Singh"


def test_a_misspelt_surname_is_an_alias_of_the_same_person():
    got = people("Minister Guglielmo Ferrante arrived. Later Minister Guglielmo Ferrrante spoke. "
                 "Defence Minister Guglielmo Ferrante left.")
    assert list(got) == ["Guglielmo Ferrante"]
    assert got["Guglielmo Ferrante"][2] == ["Guglielmo Ferrrante"]


def test_counterpart_takes_the_office_and_the_other_side_gets_the_other_country():
    got = people("Defence Minister Anand Kulkarni held talks with his Italian counterpart Sara Longo.")
    assert got["Sara Longo"][:2] == ("Italy", ["Defence Minister"])
    assert got["Anand Kulkarni"][0] == "India"


def test_untitled_full_name_with_a_verb_of_speech():
    got = people('"We are ready," said Francesca Moretti after the meeting.')
    assert "Francesca Moretti" in got


def test_employer_of_a_company_role():
    got = people("The deal was signed by Leonardo's chief executive officer Carlo Fontana.")
    assert got["Carlo Fontana"][1] == ["Chief Executive Officer, Leonardo"]


def test_home_country_for_unqualified_officials():
    got = people("Prime Minister Kavya Nair met Italian Prime Minister Luca Greco.", home="India")
    assert got["Kavya Nair"][0] == "India" and got["Luca Greco"][0] == "Italy"


def test_lowercase_titles_count_but_lowercase_ranks_do_not():
    got = people("then Italian prime minister Roberta Gallo spoke. The defence industry major Finmar grew.")
    assert got["Roberta Gallo"][1] == ["Prime Minister"]
    assert "Finmar" not in got


def test_a_rank_word_inside_an_appositive_office_stays_in_the_office():
    got = people("The MoU was signed by Lt Gen Arvind Rao, Director General, Armed Forces Medical Services.")
    assert got["Arvind Rao"][1] == ["Director General, Armed Forces Medical Services"]


def test_an_italian_surname_with_lo_is_a_short_form_not_another_person():
    text = ("Italy's Chief of Defence Staff, Admiral Mario Lo Presti, postponed his visit. "
            "Lo Presti, a former fleet commander, will travel in March.")
    got = people(text)
    assert list(got) == ["Mario Lo Presti"]


def test_cells_of_a_table_row_keep_each_signatory_to_their_own_office():
    text = ("1.\tLetter of Intent on Unmanned Vehicles\tShri Anil Iyer, Secretary (Defence Production)\t"
            "Gen. Marco Lanza, National Armaments Director")
    got = people(text)
    assert got["Anil Iyer"][:2] == ("India", ["Secretary (Defence Production)"])
    assert got["Marco Lanza"][:2] == ("Italy", ["National Armaments Director"])


def test_a_country_taken_from_the_articles_home_is_marked_as_assumed():
    found = find_people(doc_of_text("Admiral Paolo Neri met Italian Defence Minister Marco Bellini.", home="India"))
    by_name = {p.name: p for p in found.people}
    assert by_name["Paolo Neri"].country == "India" and by_name["Paolo Neri"].country_guessed
    assert by_name["Marco Bellini"].country == "Italy" and not by_name["Marco Bellini"].country_guessed


def test_table_cells_are_sentences_of_their_own_and_slices_of_the_text():
    text = "S.No.\tAgreement\tIndian signatory\n\n1.\tMoU on Medicine\tShri Anil Iyer | Gen. Marco Lanza"
    got = [s.text for s in split_sentences(text)]
    assert got == ["S.No.", "Agreement", "Indian signatory", "1.", "MoU on Medicine", "Shri Anil Iyer",
                   "Gen. Marco Lanza"]
    assert all(text[s.start:s.start + len(s.text)] == s.text for s in split_sentences(text))


def test_an_office_after_an_initialled_name_stays_with_it_and_the_next_rank_opens_the_next_person():
    text = ("The delegation included Commodore R.S. Pillai, Assistant Chief of Air Staff (Plans & Training) "
            "and Colonel Manpreet Kaur Sandhu, Deputy Director (Logistics).")
    got = people(text)
    assert got["R.S. Pillai"][1] == ["Assistant Chief of Air Staff (Plans & Training)"]
    assert got["Manpreet Kaur Sandhu"][1] == ["Deputy Director (Logistics)"]


def test_the_body_after_an_appositive_office_and_a_second_comma_is_the_employer():
    text = ("The arrangement was signed by Captain Elena Ricci, Director, Italian Army Geographic Institute, "
            "and Shri Vivek Nair, Deputy Director General, National Hydrographic Office.")
    got = people(text)
    assert got["Elena Ricci"][1] == ["Director, Italian Army Geographic Institute"]
    assert got["Vivek Nair"][1] == ["Deputy Director General, National Hydrographic Office"]
    got = people("The MoU was signed by Mr Anil Rao, Director, Mr Paolo Neri, Chairman.")
    assert got["Anil Rao"][1] == ["Director"]


def test_lower_case_office_after_or_before_the_name_is_the_role():
    got = people("Captain Paolo Serra, commanding officer of ITS Luigi di Savoia, met Ravi Anand, "
                 "the Indian naval attache in Rome. The Italian defence attache in New Delhi, "
                 "Colonel Anna Verdi, attended.", home="India")
    assert got["Paolo Serra"][1] == ["Commanding Officer of ITS Luigi di Savoia"]
    assert got["Ravi Anand"][:2] == ("India", ["Naval Attache in Rome"])
    assert got["Anna Verdi"][:2] == ("Italy", ["Defence Attache in New Delhi"])


def test_service_after_the_name_gives_the_country_and_the_office_follows():
    got = people("Rear Admiral Jeanne Marceau of the French Navy, commander of the French forces "
                 "in the Pacific Ocean, called on the admiral.", home="India")
    assert got["Jeanne Marceau"][:2] == ("France", ["Commander of the French forces in the Pacific Ocean"])


def test_a_visit_named_after_another_person_says_nothing_of_the_subject():
    got = people("Vice Admiral Ravi Menon held talks with the commander of the Japanese task group, "
                 "Rear Admiral Kenji Sato, on a possible Japanese submarine visit to Kochi.", home="India")
    assert got["Ravi Menon"][0] == "India"
    assert got["Kenji Sato"][0] == "Japan"


def test_its_commanding_officer_is_the_officer_of_the_ship_named_before():
    got = people("The Italian Navy has sent the patrol vessel ITS Luigi di Savoia. On Tuesday, its commanding "
                 "officer, Captain Marco Verdi, called on Vice Admiral Ravi Menon.", home="India")
    assert got["Marco Verdi"][:2] == ("Italy", ["Commanding Officer of ITS Luigi di Savoia"])
    assert got["Ravi Menon"][0] == "India"


def test_other_nationalities_come_from_the_service_the_country_or_the_ship():
    got = people("Colonel Omar Haddad of the Egyptian Army attended, with Minister Anna Berg of Sweden. "
                 "Commodore Li Wen, commander of the Chinese escort group, and Captain Paul Hart, "
                 "commanding officer of HMS Kent, were there.", home="Italy")
    assert got["Omar Haddad"][0] == "Egypt"
    assert got["Anna Berg"][0] == "Sweden"
    assert got["Li Wen"][:2] == ("China", ["Commander of the Chinese escort group"])
    assert got["Paul Hart"][0] == "United Kingdom"


def test_commanded_by_names_the_commanding_officer_of_the_ship_told_before():
    got = people("Indian Navy frigate INS Tabar and Italian destroyer ITS Caio Duilio began the drill. "
                 "The Indian ship, commanded by Captain Ravi Rao, arrived on Monday. "
                 "The Duilio, commanded by Commander Marco Verdi, left.", home="India")
    assert got["Ravi Rao"][:2] == ("India", ["Commanding Officer of INS Tabar"])
    assert got["Marco Verdi"][:2] == ("Italy", ["Commanding Officer of ITS Caio Duilio"])


# ---------------------------------------------------------------- classes of phrasing
def article_people(body: str, **meta: str) -> dict[str, Person]:
    found = find_people(parse_article(RawArticle("x.txt", "x", body, dict(meta))))
    return {p.name: p for p in found.people if not p.untitled}


def test_other_ranks_and_decorations_after_the_name():
    got = people("The memorial honours Havildar Ramesh Patil and Lance Naik Sunil Pawar, VC, who fell in 1944. "
                 "Lt Gen Anil Menon, PVSM, AVSM, VSM, Director General of Infantry, laid a wreath.")
    assert got["Ramesh Patil"][1] == ["Havildar"]
    assert got["Sunil Pawar"][1] == ["Lance Naik"]
    assert got["Anil Menon"][1] == ["Director General of Infantry"]


def test_names_listed_after_a_plural_title_share_it():
    got = people("The summit was attended by Prime Ministers Arvind Rao, Carla Neri and Lucia Ferri.")
    assert {n: r for n, (_, r, _) in got.items()} == {n: ["Prime Minister"] for n in
                                                      ("Arvind Rao", "Carla Neri", "Lucia Ferri")}


def test_earlier_holders_named_after_an_ordinal_office():
    got = people("Lucia Ferri is the second Italian Prime Minister to travel to Japan since Marco Bianchi in 2014 "
                 "and Paolo Verdi in 2019.")
    for name in ("Lucia Ferri", "Marco Bianchi", "Paolo Verdi"):
        assert got[name][:2] == ("Italy", ["Prime Minister"])


def test_lower_case_role_nouns_and_the_head_of_a_named_body():
    got = people("The deal is overdue, said defence analyst Kiran Shah. The mayor of Lucca, Marta Bini, "
                 "welcomed the sailors. Tomas Berg, a senior fellow at the Nordic Policy Institute, disagreed.")
    assert got["Kiran Shah"][1] == ["Defence Analyst"]
    assert got["Marta Bini"][1] == ["Mayor of Lucca"]
    assert got["Tomas Berg"][1] == ["Senior Fellow, Nordic Policy Institute"]


def test_an_office_after_a_dash_or_an_acronym_title_before_the_name():
    got = people("Rohan Desai -- Director (Technical) of Coastal Dynamics Limited -- spoke first. "
                 "The file went to DG Acquisitions, MoD Pankaj Verma.")
    assert got["Rohan Desai"][1] == ["Director (Technical) of Coastal Dynamics Limited"]
    assert got["Pankaj Verma"][1] == ["Director General Acquisitions, MoD"]


def test_interviewers_named_in_the_text_are_people():
    got = people("In an interview with Neha Kapoor, the admiral spoke of the drills.")
    assert "Neha Kapoor" in got


def test_places_and_facilities_named_like_people_are_not_people():
    got = people("On arrival at Pratola Airport, the Raksha Mantri was received by officials. "
                 "Talks were held at Palazzo Verdi, the ministry's seat.")
    assert got == {}


def test_abbreviated_offices_are_written_out_and_outlets_are_not_employers():
    got = people("PM Arvind Rao spoke. PIB Delhi Raksha Mantri Shri Anil Kapoor left for Rome.")
    assert got["Arvind Rao"][1] == ["Prime Minister"]
    assert got["Anil Kapoor"][1] == ["Raksha Mantri"]


def test_a_ships_officer_keeps_the_office_not_only_the_rank():
    got = people("Captain Marco Neri, Commanding Officer of ITS Aquila, called on the port.")
    assert got["Marco Neri"][:2] == ("Italy", ["Commanding Officer of ITS Aquila"])


# ---------------------------------------------------------------- nationality from what the text states
def test_a_counterpart_rules_a_country_out_and_does_not_name_the_other_side():
    paris = article_people("PARIS (Reuters) - Defence Minister Claire Dubois held talks with her Indian "
                           "counterpart Arun Mehra on Tuesday.")
    assert paris["Claire Dubois"].country == "France" and paris["Claire Dubois"].country_guessed
    assert paris["Arun Mehra"].country == "India" and not paris["Arun Mehra"].country_guessed
    tokyo = article_people("TOKYO (Reuters) - Defence Minister Kenji Sato met his Italian counterpart Lia Moro.")
    assert tokyo["Kenji Sato"].country == "Japan" and tokyo["Lia Moro"].country == "Italy"


def test_each_side_of_the_pair_from_counterparts_and_home():
    delhi = article_people("NEW DELHI (PTI) - Defence Minister Arun Mehra held talks with his Italian "
                           "counterpart Lia Moro.")
    assert delhi["Arun Mehra"].country == "India" and delhi["Lia Moro"].country == "Italy"
    rome = article_people("ROME (ANSA) - Defence Minister Lia Moro held talks with her Indian counterpart "
                          "Arun Mehra.")
    assert rome["Lia Moro"].country == "Italy" and rome["Arun Mehra"].country == "India"
    stated = article_people("PARIS (PTI) - French Defence Minister Claire Dubois met her Indian counterpart.")
    assert stated["Claire Dubois"].country == "France" and not stated["Claire Dubois"].country_guessed


def test_an_envoy_serves_the_country_of_the_title_not_the_host():
    got = people("Dr Meera Nair, Ambassador of India in Italy, attended. The Ambassador to India Paolo Sala "
                 "spoke.", home="India")
    assert got["Meera Nair"][0] == "India"
    assert got["Paolo Sala"][0] == "Italy"


# ---------------------------------------------------------------- Italian
def italian(text: str) -> dict[str, tuple[str | None, list[str], list[str]]]:
    doc = doc_of_text(text)
    doc.source.language = "it"
    return {p.name: (p.country, [r.title for r in p.roles], p.aliases)
            for p in find_people(doc).people if not p.untitled}


def test_italian_lower_case_titles_ranks_and_demonyms():
    got = italian("Il ministro della Difesa indiano Arun Mehra ha incontrato l'ammiraglio di squadra Paolo Sala "
                  "e il capo di Stato maggiore della Marina, ammiraglio Lia Moro. Erano presenti il primo "
                  "ministro indiano, Ravi Kapur, e il sindaco di Lucca, Marta Bini.")
    assert got["Arun Mehra"][:2] == ("India", ["Defence Minister"])
    assert got["Paolo Sala"][1] == ["Vice Admiral"]
    assert got["Lia Moro"][1] == ["Chief of Naval Staff"]
    assert got["Ravi Kapur"][:2] == ("India", ["Prime Minister"])
    assert got["Marta Bini"][1] == ["Mayor of Lucca"]


def test_italian_offices_in_english_envoys_honorifics_and_services():
    got = italian("Luca Neri, ambasciatore d'Italia in India, era accompagnato dall'addetto per la Difesa "
                  "Marco Riva. Secondo Sara Conti, amministratore delegato e direttore generale di Navalia, "
                  "l'accordo è importante. Presente anche la dott.ssa Anna Gallo, il capo delegazione "
                  "capt (IN) Vikram Joshi e il sottosegretario di Stato alla Difesa, Piero Lodi.")
    assert got["Luca Neri"][:2] == ("Italy", ["Ambassador of Italy in India"])
    assert got["Marco Riva"][1] == ["Defence Attaché"]
    assert got["Sara Conti"][1] == ["Chief Executive Officer and Director General of Navalia"]
    assert "Anna Gallo" in got
    assert got["Vikram Joshi"][:2] == ("India", ["Head of Delegation"])
    assert got["Piero Lodi"][1] == ["Under Secretary of State for Defence"]


def test_the_leader_of_a_unit_or_ship_named_before_led_by_or_commanded_by():
    got = people("An Italian mine warfare group left Taranto. The group, which includes two minehunters, is "
                 "commanded by Rear Admiral Piero Galli. The Indian task group was led by Commodore Vivek Rana. "
                 "INS Sutlej is commanded by Captain Anil Joshi, while ITS Aquila, which sails with it, is under "
                 "the command of Capitano di Fregata Marta Serra.")
    assert got["Piero Galli"][:2] == ("Italy", ["Commander of the Italian mine warfare group"])
    assert got["Vivek Rana"][:2] == ("India", ["Commander of the Indian task group"])
    assert got["Anil Joshi"][:2] == ("India", ["Commanding Officer of INS Sutlej"])
    assert got["Marta Serra"][:2] == ("Italy", ["Commanding Officer of ITS Aquila"])


def test_an_office_after_the_name_wins_over_the_unit_led():
    got = people("The Italian delegation was led by Rear Admiral Piero Galli, Head of the Plans Department.")
    assert got["Piero Galli"][1] == ["Head of the Plans Department"]


def test_relative_clauses_possessive_bodies_and_a_body_after_the_name():
    got = people("Moro met Anil Rao, who is the Chief of Naval Staff. Sara Neri, the yard's chief executive, "
                 "spoke. Defence analyst Kiran Shah of the Delta Forum for Strategic Studies disagreed.")
    assert got["Anil Rao"][1] == ["Chief of Naval Staff"]
    assert got["Sara Neri"][1] == ["Chief Executive"]
    assert got["Kiran Shah"][1] == ["Defence Analyst, Delta Forum for Strategic Studies"]


def test_a_surname_with_an_office_is_a_person_and_a_misspelt_surname_is_its_short_form():
    got = people("Defence Minister Moro arrived. Captain Ravi Bhonsle hosted the visitors; Capt Bhonsale "
                 "showed them the bridge.")
    assert got["Moro"][1] == ["Defence Minister"]
    assert list(got) == ["Ravi Bhonsle", "Moro"] or sorted(got) == ["Moro", "Ravi Bhonsle"]


def test_italian_lists_of_officers_and_bodies_in_english():
    got = italian("Erano presenti il comandante della brigata, generale di brigata Paolo Sala, del comandante del "
                  "contingente indiano, brigadiere Ravi Kapur, e il comandante di nave Aquila, capitano di "
                  "fregata Lia Moro. Il contrammiraglio Marco Neri, capo dell'Ufficio Relazioni Internazionali "
                  "dello Stato Maggiore della Difesa, ha firmato. Si è conclusa la visita in India del Capo di "
                  "Stato Maggiore della Difesa, ammiraglio Piero Galli.")
    assert got["Paolo Sala"][1] == ["Commander of the brigata"]
    assert got["Ravi Kapur"][:2] == ("India", ["Commander of the contingente"])
    assert got["Lia Moro"][1] == ["Commanding Officer of Aquila"]
    assert got["Marco Neri"][1] == ["Head of the International Relations Office of the Defence General Staff"]
    assert got["Piero Galli"][0] != "India"
