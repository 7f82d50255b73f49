"""People extraction on short texts of shapes the seed articles lack."""

from kb.extract.doc import doc_of_text
from kb.extract.people import find_people
from kb.extract.text import split_sentences


def people(text: str, home: str | None = None) -> dict[str, tuple[str | None, list[str], list[str]]]:
    found = find_people(doc_of_text(text, home=home))
    return {p.name: (p.country, [r.title for r in p.roles], p.aliases) for p in found.people}


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
