from kb.extract.agreements import find_agreements
from kb.extract.doc import doc_of_text
from kb.extract.organisations import find_organisations
from kb.extract.people import find_people


def agreements(text: str):
    doc = doc_of_text(text)
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
