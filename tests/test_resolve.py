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
