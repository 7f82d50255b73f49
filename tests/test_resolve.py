from kb.model import Event, Evidence, Extraction, Person, Role, Source
from kb.resolve import resolve


def article(sid: str, published: str, people: list[Person], events: list[Event] = ()) -> Extraction:
    return Extraction(Source(id=sid, file=f"{sid}.txt", published=published), list(people), [], [], list(events))


def person(name: str, country: str | None, title: str | None = None, pid: str | None = None) -> Person:
    roles = [Role(title=title, country=country)] if title else []
    return Person(id=pid or name.lower().replace(" ", "-"), name=name, country=country, roles=roles)


def test_spelling_variants_merge_into_one_page_with_aliases():
    kb = resolve([
        article("a", "2023-10-10", [person("Guido Crisetto", "Italy", "Defence Minister")]),
        article("b", "2024-01-01", [person("Guido Crosetto", "Italy", "Defence Minister")]),
        article("c", "2025-04-16", [person("Guido Crosetto", "Italy", "Defence Minister")]),
    ])
    [p] = kb.people.values()
    assert p.name == "Guido Crosetto" and p.aliases == ["Guido Crisetto"]
    assert p.sources == ["a", "b", "c"] and len(p.roles) == 3
    assert ("Guido Crisetto", "Guido Crosetto") in kb.merges


def test_initials_merge_with_full_given_names_but_not_other_people_of_that_surname():
    kb = resolve([
        article("a", "2021-07-08", [person("M M Naravane", "India")]),
        article("b", "2022-01-01", [person("Manoj Mukund Naravane", "India")]),
        article("c", "2022-01-02", [person("Rajnath Singh", "India"), person("Rajesh Kumar Singh", "India")]),
    ])
    assert sorted(p.name for p in kb.people.values()) == ["M M Naravane", "Rajesh Kumar Singh", "Rajnath Singh"] \
        or sorted(p.name for p in kb.people.values()) == ["Manoj Mukund Naravane", "Rajesh Kumar Singh",
                                                          "Rajnath Singh"]
    assert len(kb.people) == 3


def test_same_name_in_different_countries_stays_apart():
    kb = resolve([article("a", "2024-01-01", [person("Marco Rossi", "Italy")]),
                  article("b", "2024-02-01", [person("Marco Rossi", "Brazil")])])
    assert len(kb.people) == 2


def test_one_meeting_reported_by_two_outlets_is_one_event():
    def meeting(sid: str, date: str) -> Event:
        return Event(id="ev-0", title="A meets B", kind="meeting", date=date, place="Rome",
                     participants=["a", "b"], evidence=[Evidence(sid, "A met B.")], sources=[sid],
                     date_basis="text")
    people = [person("Anil Kumar Verma", "India", pid="a"), person("Bianca Neri", "Italy", pid="b")]
    kb = resolve([article("x", "2023-10-10", people, [meeting("x", "2023-10-09")]),
                  article("y", "2023-10-11", people, [meeting("y", "2023-10-10")])])
    [ev] = kb.events.values()
    assert ev.sources == ["x", "y"] and len(ev.evidence) == 2
    assert set(ev.participants) == {"anil-kumar-verma", "bianca-neri"}
    assert kb.people["bianca-neri"].events == [ev.id]


def test_ids_do_not_move_when_a_newer_article_arrives():
    a = article("a", "2023-10-10", [person("Guido Crosetto", "Italy")])
    b = article("b", "2025-01-01", [person("Guido Crisetto", "Italy")])
    assert list(resolve([a]).people) == list(resolve([a, b]).people) == ["guido-crosetto"]


def test_a_namesake_whose_country_was_only_assumed_is_the_same_person():
    guessed = person("Mario Lo Presti", "India", "Admiral")
    guessed.country_guessed = True
    kb = resolve([article("a", "2025-11-25", [person("Mario Lo Presti", "Italy", "Chief of Defence Staff")]),
                  article("b", "2025-12-04", [guessed])])
    [p] = kb.people.values()
    assert p.country == "Italy" and p.sources == ["a", "b"] and not p.country_guessed


def test_the_stated_country_outweighs_an_assumed_one_whatever_the_order():
    guessed = person("Mario Lo Presti", "India", "Admiral")
    guessed.country_guessed = True
    kb = resolve([article("a", "2025-11-25", [guessed]),
                  article("b", "2025-12-04", [person("Mario Lo Presti", "Italy", "Chief of Defence Staff")])])
    [p] = kb.people.values()
    assert p.country == "Italy"


def test_an_untitled_name_joins_the_person_another_article_introduced_or_is_dropped():
    untitled = [Person(id="u1", name="Lia Moro", untitled=True), Person(id="u2", name="Moro", untitled=True),
                Person(id="u3", name="Omnes Sole", untitled=True)]
    kb = resolve([article("a", "2024-01-01", untitled),
                  article("b", "2024-02-01", [person("Lia Moro", "Italy", "Defence Minister")])])
    [p] = kb.people.values()
    assert p.name == "Lia Moro" and p.sources == ["b", "a"]


def test_a_surname_with_a_title_joins_the_full_name_even_from_an_older_article():
    kb = resolve([article("a", "2023-01-01", [person("Moro", "Italy", "Prime Minister", pid="moro")]),
                  article("b", "2024-01-01", [person("Lia Moro", "Italy", "Prime Minister")])])
    [p] = kb.people.values()
    assert p.name == "Lia Moro" and p.sources == ["b", "a"]


def test_one_name_read_with_both_countries_of_the_pair_is_one_person():
    kb = resolve([article("a", "2023-10-10", [person("Meera Nair", "India", "Ambassador to Italy")]),
                  article("b", "2024-07-22", [person("Meera Nair", "Italy", "Ambassador of India in Italy")])])
    assert len(kb.people) == 1


def test_given_names_spelt_two_ways_are_one_person():
    kb = resolve([article("a", "2023-01-01", [person("Giorgina Valli", "Italy", "Prime Minister")]),
                  article("b", "2023-02-01", [person("Georgina Valli", "Italy", "Prime Minister")]),
                  article("c", "2023-03-01", [person("Yashpal Ghorpade", "India", "Naik"),
                                              person("Yespal Ghorpade", "India", "Naik", pid="y2")])])
    assert sorted(p.name for p in kb.people.values()) == ["Giorgina Valli", "Yashpal Ghorpade"]


def test_an_official_reported_in_italian_and_in_english_is_one_page_with_one_office():
    from kb.extract import extract_article
    from kb.ingest import RawArticle

    italian = RawArticle("it.txt", "it", "ROMA, 3 marzo 2025 - Il ministro della Difesa Lia Moro ha incontrato "
                         "oggi a Roma l'ambasciatore indiano in Italia, Meera Nair. Moro ha ricordato la "
                         "cooperazione tra le due marine.", {"language": "it", "published": "2025-03-03"})
    english = RawArticle("en.txt", "en", "NEW DELHI, March 10, 2025 (PTI) - Italian Defence Minister Lia Moro "
                         "met Defence Secretary Arun Mehra on Monday.", {"published": "2025-03-10"})
    kb = resolve([extract_article(italian), extract_article(english)])
    moro = next(p for p in kb.people.values() if p.name == "Lia Moro")
    assert len([p for p in kb.people.values() if "Moro" in p.name]) == 1
    assert moro.country == "Italy" and {r.title for r in moro.roles} == {"Defence Minister"}
    assert sorted(moro.sources) == ["en", "it"]
    nair = next(p for p in kb.people.values() if p.name == "Meera Nair")
    assert nair.country == "India" and nair.roles[0].title == "Ambassador in Italy"
