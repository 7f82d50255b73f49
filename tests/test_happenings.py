"""Events and agreements across articles: one page per happening, programmes, disagreements, stable ids.

Extractions are built by hand (invented people, places and instruments), so these test resolution alone.
"""

import copy

from kb.model import Agreement, Event, Evidence, Extraction, Person, Role, Source
from kb.resolve import resolve

PEOPLE = {"am": ("Arjun Mehta", "India", "Defence Minister"), "lf": ("Lucia Ferraresi", "Italy", "Defence Minister"),
          "rk": ("Ravi Kapadia", "India", "Prime Minister"), "mg": ("Marco Galli", "Italy", "Chief of Defence Staff")}


def person(pid: str, sid: str, name: str | None = None) -> Person:
    full, country, title = PEOPLE[pid]
    return Person(id=pid, name=name or full, country=country, roles=[Role(title, country, None, sid)])


def event(sid: str, kind: str, title: str, date: str | None, people: list[str], basis: str = "text",
          place: str | None = "Pune", end: str | None = None) -> Event:
    return Event(id=f"{sid}-{title}", title=title, kind=kind, date=date, end_date=end, place=place,
                 participants=people, evidence=[Evidence(sid, f"{title}.")], sources=[sid],
                 date_basis=basis if date else None)


def article(sid: str, published: str | None, events: list[Event], people: list[str] = ("am", "lf"),
            agreements: list[Agreement] = (), names: dict[str, str] | None = None) -> Extraction:
    names = names or {}
    source = Source(id=sid, file=f"{sid}.txt", published=published,
                    published_basis="front-matter" if published else "unknown")
    return Extraction(source, [person(p, sid, names.get(p)) for p in people], [], list(agreements), list(events))


def by_title(kb, words: str) -> Event:
    [found] = [e for e in kb.events.values() if words in e.title]
    return found


def test_a_two_day_visit_holds_its_programme_each_part_once():
    kb = resolve([
        article("a", "2031-05-06", [event("a", "visit", "Lucia Ferraresi visits Pune", "2031-05-06", ["lf"],
                                          end="2031-05-07"),
                                    event("a", "meeting", "Arjun Mehta meets Lucia Ferraresi in Pune", "2031-05-06",
                                          ["am", "lf"])]),
        article("b", "2031-05-07", [event("b", "meeting", "Lucia Ferraresi holds talks with Arjun Mehta",
                                          "2031-05-06", ["lf", "am"]),
                                    event("b", "meeting", "Lucia Ferraresi calls on Ravi Kapadia in Pune", "2031-05-07",
                                          ["lf", "rk"])], people=["am", "lf", "rk"]),
        article("c", "2031-05-08", [event("c", "dialogue", "Talks with Arjun Mehta and Lucia Ferraresi",
                                          "2031-05-08", ["am", "lf"], basis="publication", place=None)]),
    ])
    visit = by_title(kb, "visits Pune")
    talks = by_title(kb, "Arjun Mehta meets")
    call = by_title(kb, "Ravi Kapadia")
    assert len(kb.events) == 3
    assert talks.sources == ["a", "b", "c"] and talks.part_of == visit.id and call.part_of == visit.id
    assert visit.part_of is None


def test_a_report_without_a_date_joins_the_one_happening_it_fits_and_dates_its_article():
    kb = resolve([
        article("a", "2031-05-06", [event("a", "meeting", "Arjun Mehta meets Lucia Ferraresi in Pune", "2031-05-06",
                                          ["am", "lf"])]),
        article("u", None, [event("u", "meeting", "Lucia Ferraresi meets Arjun Mehta", None, ["lf", "am"],
                                  place=None)]),
    ])
    [talks] = kb.events.values()
    assert talks.sources == ["a", "u"] and talks.date == "2031-05-06"
    assert kb.sources["u"].published == "2031-05-06" and kb.sources["u"].published_basis == "corroborated"
    assert {r.date for r in kb.people["lucia-ferraresi"].roles if r.source == "u"} == {"2031-05-06"}


def test_a_report_without_a_date_that_fits_two_happenings_stays_apart():
    kb = resolve([
        article("a", "2031-05-06", [event("a", "meeting", "Arjun Mehta meets Lucia Ferraresi", "2031-05-06",
                                          ["am", "lf"])]),
        article("b", "2031-09-06", [event("b", "meeting", "Arjun Mehta meets Lucia Ferraresi", "2031-09-06",
                                          ["am", "lf"])]),
        article("u", None, [event("u", "meeting", "Lucia Ferraresi meets Arjun Mehta", None, ["lf", "am"])]),
    ])
    assert len(kb.events) == 3 and kb.sources["u"].published is None


def test_sources_that_disagree_on_the_date_are_each_kept():
    kb = resolve([article(s, "2031-05-07", [event(s, "meeting", "Arjun Mehta meets Lucia Ferraresi", day,
                                                   ["am", "lf"])])
                  for s, day in (("a", "2031-05-06"), ("b", "2031-05-06"), ("c", "2031-05-05"))])
    [talks] = kb.events.values()
    assert [(v.value, v.sources) for v in talks.disagreements["date"]] == [("2031-05-06", ["a", "b"]),
                                                                         ("2031-05-05", ["c"])]


def test_a_newer_article_that_changes_a_spelling_or_a_date_moves_no_page():
    first = article("a", "2031-05-08", [event("a", "meeting", "Arjun Mehta meets Lucia Feraresi", "2031-05-08",
                                              ["am", "lf"], basis="publication")], names={"lf": "Lucia Feraresi"})
    later = [article(s, "2031-05-09", [event(s, "meeting", "Arjun Mehta meets Lucia Ferraresi", "2031-05-06",
                                             ["am", "lf"])]) for s in ("b", "c")]
    before = resolve([first])
    after = resolve([first, *later])
    assert set(before.people) <= set(after.people) and set(before.events) == set(after.events)
    [talks] = after.events.values()
    assert talks.date == "2031-05-06" and after.people["lucia-feraresi"].name == "Lucia Ferraresi"


def test_resolution_leaves_its_input_as_it_was():
    inputs = [article("a", "2031-05-06", [event("a", "meeting", "Arjun Mehta meets Lucia Ferraresi", "2031-05-06",
                                               ["am", "lf"])]),
              article("u", None, [event("u", "meeting", "Arjun Mehta meets Lucia Ferraresi", None, ["am", "lf"])])]
    kept = copy.deepcopy(inputs)
    resolve(inputs)
    assert inputs == kept


def test_meetings_of_one_minister_with_two_counterparts_on_one_day_stay_two():
    kb = resolve([article("a", "2031-05-06", [
        event("a", "meeting", "Arjun Mehta meets Lucia Ferraresi", "2031-05-06", ["am", "lf"]),
        event("a", "meeting", "Arjun Mehta calls on Marco Galli", "2031-05-06", ["am", "mg"])],
        people=["am", "lf", "mg"])])
    assert len(kb.events) == 2


# ---------------------------------------------------------------- agreements
def instrument(sid: str, title: str, date: str | None, kind: str = "mou") -> Agreement:
    return Agreement(id=f"{sid}-{title}", title=title, kind=kind, date=date, parties=["India", "Italy"],
                     evidence=[Evidence(sid, f"{title}.")])


def test_a_named_plan_and_its_short_form_are_one_instrument_but_not_a_plan_of_other_years():
    kb = resolve([
        article("a", "2030-02-01", [], agreements=[instrument("a", "Action Plan between the two countries", "2030",
                                                              "action-plan")]),
        article("b", "2031-05-07", [], agreements=[instrument("b", "Joint Coastal Action Plan 2032-36", "2031-05-06",
                                                              "action-plan")]),
        article("c", "2031-08-01", [], agreements=[instrument("c", "Joint Coastal Action Plan 2032-2036", None,
                                                              "action-plan")]),
    ])
    titles = sorted(a.title for a in kb.agreements.values())
    assert titles == ["Action Plan between the two countries", "Joint Coastal Action Plan 2032-36"]
    assert kb.agreements["2031-05-06-joint-coastal-action-plan-2032-36"].sources == ["b", "c"]


def test_a_generic_mou_does_not_absorb_instruments_of_other_years():
    kb = resolve([article(s, f"{year}-03-02", [], agreements=[instrument(s, "MoU on Hydrography", f"{year}-03-01")])
                  for s, year in (("a", 2029), ("b", 2031))]
                 + [article("c", "2031-06-05", [], agreements=[instrument("c", "MoU on Hydrography", None)])])
    assert not any({"a", "b"} <= set(a.sources) for a in kb.agreements.values())
    assert len(kb.agreements) == 3  # the undated one could be either: it stands alone


def test_curation_places_an_event_in_a_programme_and_merges_keep_it(tmp_path):
    from kb.curation import apply_curation, load_curation
    kb = resolve([
        article("a", "2031-05-06", [event("a", "visit", "Lucia Ferraresi visits Pune", "2031-05-06", ["lf"]),
                                    event("a", "ceremony", "Ceremony in Goa with Lucia Ferraresi", "2031-05-20",
                                          ["lf"], place="Goa")]),
    ])
    visit, ceremony = by_title(kb, "visits"), by_title(kb, "Ceremony")
    assert ceremony.part_of is None
    (tmp_path / "curation.yml").write_text(f"events:\n  {ceremony.id}: {{part_of: {visit.id}}}\n")
    apply_curation(kb, load_curation(tmp_path / "curation.yml"))
    assert kb.events[ceremony.id].part_of == visit.id and kb.events[ceremony.id].curated
