"""Offices and terms of office (invented people)."""

from pathlib import Path

import pytest

from kb.build import build
from kb.curation import apply_curation, load_curation
from kb.model import Extraction, Person, Role, Source
from kb.offices import current_term, office_holders, office_key, offices_in, terms_of
from kb.resolve import resolve


@pytest.mark.parametrize("title", ["Defence Minister", "Minister of Defence", "Defense Minister",
                                   "Italian Defence Minister", "Defence Minister of Italy", "Raksha Mantri",
                                   "Ministro della Difesa"])
def test_one_office_however_worded_or_in_whichever_language(title: str):
    assert office_key(title) == "defence minister"


def test_other_offices_stay_other():
    assert office_key("Chief of the Army Staff") == office_key("Army Chief") == office_key("Chief of Staff of the Army")
    assert office_key("Minister of State for Defence") != office_key("Defence Minister")
    assert office_key("Secretary (DP)") == office_key("Defence Production Secretary")
    assert offices_in("Deputy Prime Minister and Minister of Foreign Affairs and International Cooperation") == [
        "Deputy Prime Minister", "Minister of Foreign Affairs and International Cooperation"]


def roles(title: str, dates: list[str], country: str = "Italy") -> list[Role]:
    return [Role(title, country, d, f"s{i}") for i, d in enumerate(dates)]


def test_ten_reports_of_one_office_are_one_term_with_its_span():
    wordings = ["Defence Minister", "Minister of Defence"] * 5
    dated = [Role(w, "Italy", f"2030-0{1 + i % 9}-10", f"s{i}") for i, w in enumerate(wordings)]
    [term] = terms_of(dated)
    assert (term.first, term.last, len(term.sources)) == ("2030-01-10", "2030-09-10", 10)
    assert term.title in ("Defence Minister", "Minister of Defence")


def test_current_only_when_recently_reported():
    terms = terms_of(roles("Defence Minister", ["2030-02-01", "2030-06-01"]))
    assert current_term(terms, "2030-12-01") is not None
    assert current_term(terms, "2033-01-01") is None


def test_holders_of_one_office_in_turn_are_listed_in_order():
    people = {"bruno-esposito": Person("bruno-esposito", "Bruno Esposito"),
              "anna-verdini": Person("anna-verdini", "Anna Verdini")}
    terms = {"anna-verdini": terms_of(roles("Minister of Defence", ["2031-03-01", "2032-05-01"])),
             "bruno-esposito": terms_of(roles("Defence Minister", ["2029-01-01", "2030-11-01"]))}
    holders = office_holders(people, terms)[("defence minister", "Italy")]
    assert [h.person for h in holders] == ["bruno-esposito", "anna-verdini"]


def test_curation_drops_a_wrong_role(tmp_path: Path):
    person = Person("p", "Anna Verdini", country="Italy",
                    roles=[Role("Defence Minister", "Italy", "2031-01-01", "a"), Role("Consul", "Italy", None, "a")])
    kb = resolve([Extraction(Source("a", "a.txt", published="2031-01-01"), [person])])
    (tmp_path / "curation.yml").write_text("people:\n  anna-verdini:\n    drop_roles: [Consul]\n")
    apply_curation(kb, load_curation(tmp_path / "curation.yml"))
    assert [r.title for r in kb.people["anna-verdini"].roles] == ["Defence Minister"]


def test_a_person_page_has_one_row_per_office_and_the_offices_page_lists_holders(tmp_path: Path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for i, day in enumerate(["03", "10", "17"]):
        (seeds / f"a{i}.md").write_text(
            f"---\npublished: 2031-05-{day}\n---\nRome, May {int(day)}: Italian Defence Minister Anna Verdini "
            f"visited Pune on May {int(day)}, 2031 and held talks with Indian Defence Minister Arjun Mehta.\n")
    build(seeds, tmp_path / "docs", cache_dir=None)
    page = (tmp_path / "docs" / "people" / "anna-verdini.md").read_text()
    history = page.split("## Role history", 1)[1].split("##", 1)[0]
    assert history.count("| Defence Minister | Italy |") == 1 and "3 reports" in history
    assert "Current office\n:   Defence Minister" in page
    offices = (tmp_path / "docs" / "offices.md").read_text()
    assert "[Anna Verdini](people/anna-verdini.md) (reported 2031, 3 reports)" in offices
