from kb.extract.doc import doc_of_text
from kb.extract.organisations import find_organisations


def orgs(text: str, home: str | None = None) -> dict[str, tuple[str | None, str | None, str]]:
    found = find_organisations(doc_of_text(text, home=home))
    return {o.name: (o.acronym, o.country, o.kind) for o in found.organisations}


def test_acronym_definitions_with_country_and_kind():
    got = orgs("India's Department of Military Affairs (DMA) and the Italian "
               "Association of Aerospace Firms (AAF) met.")
    assert got["Department of Military Affairs"] == ("DMA", "India", "government")
    assert got["Italian Association of Aerospace Firms"] == ("AAF", "Italy", "industry")


def test_instruments_and_exercises_in_brackets_are_not_organisations():
    got = orgs("They signed a Memorandum of Understanding (MoU) after the Passage Exercise (PASSEX).")
    assert got == {}


def test_companies_and_services_by_head_word_or_cue():
    got = orgs("The Italian firm Navaltek and Hindustan Shipyard Limited joined the Indian Navy drills.")
    assert got["Navaltek"] == (None, "Italy", "company")
    assert got["Hindustan Shipyard Limited"][2] == "company"
    assert got["Indian Navy"] == (None, "India", "military")


def test_a_ministry_without_a_country_belongs_to_the_home_country():
    assert orgs("The Ministry of Defence said so.", home="India")["Ministry of Defence"][1] == "India"


def test_plural_acronyms_are_not_organisations():
    assert orgs("Defence Public Sector Undertakings (PSUs) took part.") == {}
