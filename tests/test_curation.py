"""curation.yml: every operation, reference rewriting, and mistakes reported with their line."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from kb.curation import CurationError, apply_curation, default_curation, distinct_people, load_curation
from kb.model import Agreement, Event, Evidence, KnowledgeBase, Organisation, Person, Role, Source

S1_TEXT = ("Rome, October 10 (ANI): Defence Minister Rajnath Singh met his Italian counterpart Guido Crisetto "
           "in Rome.\n\nThe two ministers signed an agreement on defence cooperation.")
S2_TEXT = "Rome, October 11 (PTI): Rajnath Singh and Guido Crosetto reviewed the work of the SIDM and AIAD."


def sample_kb() -> KnowledgeBase:
    """Two spellings of one minister on two pages, as resolve leaves them when a slip is too big to merge."""
    kb = KnowledgeBase()
    kb.sources = {"s1": Source(id="s1", file="s1.txt", published="2023-10-10", text=S1_TEXT),
                  "s2": Source(id="s2", file="s2.txt", published=None, text=S2_TEXT)}
    kb.people = {
        "rajnath-singh": Person("rajnath-singh", "Rajnath Singh", country="India", sources=["s1", "s2"],
                                roles=[Role("Defence Minister", "India", "2023-10-10", "s1")]),
        "guido-crisetto": Person("guido-crisetto", "Guido Crisetto", country="Italy", sources=["s1"],
                                 roles=[Role("Defence Minister", "Italy", "2023-10-10", "s1")]),
        "guido-crosetto": Person("guido-crosetto", "Guido Crosetto", country="Italy", sources=["s2"]),
    }
    kb.organisations = {"sidm": Organisation("sidm", "Society of Indian Defence Manufacturers", "SIDM", "India",
                                             sources=["s2"]),
                        "aiad": Organisation("aiad", "AIAD", "AIAD", None, sources=["s2"])}
    kb.agreements = {"2023-10-10-agreement": Agreement(
        "2023-10-10-agreement", "Agreement on Defence Cooperation", date="2023-10-10",
        parties=["India", "Italy", "aiad"],
        signatories=["rajnath-singh", "guido-crisetto"], events=["2023-10-10-meeting"],
        evidence=[Evidence("s1", "The two ministers signed an agreement on defence cooperation.")], sources=["s1"])}
    kb.events = {
        "2023-10-10-meeting": Event("2023-10-10-meeting", "Rajnath Singh meets Guido Crisetto in Rome", "meeting",
                                    "2023-10-10", place="Rome", participants=["rajnath-singh", "guido-crisetto"],
                                    agreements=["2023-10-10-agreement"], sources=["s1"], date_basis="text",
                                    evidence=[Evidence("s1", S1_TEXT.split("\n")[0])]),
        "2023-10-10-meeting-2": Event("2023-10-10-meeting-2", "Rajnath Singh meets Guido Crosetto", "meeting",
                                      "2023-10-10", participants=["rajnath-singh", "guido-crosetto"],
                                      organisations=["sidm", "aiad"], sources=["s2"], date_basis="publication",
                                      evidence=[Evidence("s2", S2_TEXT)]),
        "review": Event("review", "Review of the SIDM", "meeting", None, participants=["guido-crosetto"],
                        sources=["s2"]),
    }
    for p in kb.people.values():
        p.events = [e.id for e in kb.events.values() if p.id in e.participants]
    return kb


def curate(tmp_path: Path, yml: str, kb: KnowledgeBase | None = None) -> KnowledgeBase:
    kb = kb or sample_kb()
    path = tmp_path / "curation.yml"
    path.write_text(textwrap.dedent(yml), encoding="utf-8")
    apply_curation(kb, load_curation(path))
    return kb


def mistakes(tmp_path: Path, yml: str) -> list[str]:
    with pytest.raises(CurationError) as caught:
        curate(tmp_path, yml)
    return caught.value.problems


def assert_no_dangling(kb: KnowledgeBase) -> None:
    """Every list of ids points at an entity that is there, and person.events mirrors participants."""
    for e in kb.events.values():
        assert set(e.participants) <= set(kb.people), e
        assert set(e.organisations) <= set(kb.organisations), e
        assert set(e.agreements) <= set(kb.agreements), e
        for a in e.agreements:
            assert e.id in kb.agreements[a].events
    for a in kb.agreements.values():
        assert set(a.signatories) <= set(kb.people), a
        assert set(a.events) <= set(kb.events), a
        assert not [p for p in a.parties if p in {"guido-crisetto"}]
    for p in kb.people.values():
        assert set(p.events) == {e.id for e in kb.events.values() if p.id in e.participants}, p


# ---------------------------------------------------------------- finding and reading the file
def test_default_file_is_beside_the_seeds_folder(tmp_path: Path):
    (tmp_path / "seeds").mkdir()
    assert default_curation(tmp_path / "seeds") is None
    (tmp_path / "curation.yml").write_text("people: {}\n")
    assert default_curation(tmp_path / "seeds") == (tmp_path / "curation.yml").resolve()


def test_no_file_and_a_file_of_comments_change_nothing(tmp_path: Path):
    kb = sample_kb()
    apply_curation(kb, load_curation(None))
    assert kb == sample_kb()
    assert curate(tmp_path, "# nothing yet\n") == sample_kb()


# ---------------------------------------------------------------- people
def test_person_fields_are_corrected_and_marked_curated(tmp_path: Path):
    kb = curate(tmp_path, """\
        people:
          guido-crosetto:
            name: Guido Crosetto Jr
            aliases: [G. Crosetto]
            country: Italy
            roles:
              - {title: Defence Minister, date: 2022-10-22, source: s2}
        """)
    p = kb.people["guido-crosetto"]
    assert p.id == "guido-crosetto", "ids do not move when a name is corrected"
    assert p.name == "Guido Crosetto Jr" and p.aliases == ["Guido Crosetto", "G. Crosetto"]
    assert p.roles == [Role("Defence Minister", "Italy", "2022-10-22", "s2")]
    assert p.curated and not kb.people["rajnath-singh"].curated


def test_merging_people_keeps_the_first_id_and_rewrites_every_reference(tmp_path: Path):
    kb = curate(tmp_path, """\
        people:
          merge:
            - [guido-crosetto, guido-crisetto]
        """)
    assert "guido-crisetto" not in kb.people
    p = kb.people["guido-crosetto"]
    assert p.curated and p.aliases == ["Guido Crisetto"] and set(p.sources) == {"s1", "s2"}
    assert len(p.roles) == 1 and p.roles[0].source == "s1"
    assert kb.events["2023-10-10-meeting"].participants == ["rajnath-singh", "guido-crosetto"]
    assert kb.agreements["2023-10-10-agreement"].signatories == ["rajnath-singh", "guido-crosetto"]
    assert set(p.events) == {"2023-10-10-meeting", "2023-10-10-meeting-2", "review"}
    assert ("Guido Crisetto", "Guido Crosetto") in kb.merges
    assert_no_dangling(kb)


def test_dropping_a_person_removes_them_from_events_and_agreements(tmp_path: Path):
    kb = curate(tmp_path, "people:\n  drop: [guido-crisetto]\n")
    assert "guido-crisetto" not in kb.people
    assert kb.events["2023-10-10-meeting"].participants == ["rajnath-singh"]
    assert kb.agreements["2023-10-10-agreement"].signatories == ["rajnath-singh"]
    assert_no_dangling(kb)


def test_people_marked_distinct_are_read_for_kb_check(tmp_path: Path):
    path = tmp_path / "curation.yml"
    path.write_text("people:\n  distinct:\n    - [guido-crosetto, guido-crisetto]\n")
    cur = load_curation(path)
    apply_curation(sample_kb(), cur)
    assert distinct_people(cur) == {frozenset({"guido-crosetto", "guido-crisetto"})}


# ---------------------------------------------------------------- events and agreements
def test_event_fields_replace_lists_and_keep_links_both_ways(tmp_path: Path):
    kb = curate(tmp_path, """\
        events:
          review:
            date: 2023-10-11
            place: New Delhi
            title: Review of industrial cooperation
            kind: dialogue
            participants: [rajnath-singh, guido-crosetto]
            agreements: [2023-10-10-agreement]
        """)
    ev = kb.events["review"]
    assert (ev.date, ev.date_basis, ev.place, ev.kind) == ("2023-10-11", "curated", "New Delhi", "dialogue")
    assert ev.title == "Review of industrial cooperation" and ev.curated
    assert "review" in kb.people["rajnath-singh"].events
    assert "review" in kb.agreements["2023-10-10-agreement"].events
    assert_no_dangling(kb)


def test_unlinking_an_agreement_from_an_event_removes_the_back_reference(tmp_path: Path):
    kb = curate(tmp_path, "events:\n  2023-10-10-meeting: {agreements: []}\n")
    assert kb.agreements["2023-10-10-agreement"].events == []
    assert_no_dangling(kb)


def test_merging_events_unions_their_evidence_and_rewrites_references(tmp_path: Path):
    kb = curate(tmp_path, """\
        events:
          merge: [[2023-10-10-meeting, 2023-10-10-meeting-2]]
          drop: [review]
        """)
    assert set(kb.events) == {"2023-10-10-meeting"}
    ev = kb.events["2023-10-10-meeting"]
    assert {e.source for e in ev.evidence} == {"s1", "s2"} and ev.sources == ["s1", "s2"]
    assert set(ev.participants) == {"rajnath-singh", "guido-crisetto", "guido-crosetto"}
    assert ev.organisations == ["sidm", "aiad"] and ev.curated
    assert kb.people["guido-crosetto"].events == ["2023-10-10-meeting"]
    assert_no_dangling(kb)


def test_agreement_fields_and_drop(tmp_path: Path):
    kb = curate(tmp_path, """\
        agreements:
          2023-10-10-agreement: {date: 2023-10-09, kind: mou, signatories: [rajnath-singh]}
        """)
    a = kb.agreements["2023-10-10-agreement"]
    assert (a.date, a.kind, a.signatories, a.curated) == ("2023-10-09", "mou", ["rajnath-singh"], True)
    kb = curate(tmp_path, "agreements:\n  drop: [2023-10-10-agreement]\n")
    assert kb.agreements == {} and kb.events["2023-10-10-meeting"].agreements == []
    assert_no_dangling(kb)


def test_merging_organisations_rewrites_events_and_agreement_parties(tmp_path: Path):
    kb = curate(tmp_path, "organisations:\n  merge: [[sidm, aiad]]\n  sidm: {country: India, kind: industry}\n")
    assert set(kb.organisations) == {"sidm"} and kb.organisations["sidm"].kind == "industry"
    assert kb.events["2023-10-10-meeting-2"].organisations == ["sidm"]
    assert kb.agreements["2023-10-10-agreement"].parties == ["India", "Italy", "sidm"]


# ---------------------------------------------------------------- sources and facts
def test_source_metadata_is_corrected(tmp_path: Path):
    kb = curate(tmp_path, "sources:\n  s2: {published: 2023-10-11, outlet: Hindustan Times}\n")
    s = kb.sources["s2"]
    assert (s.published, s.published_basis, s.outlet) == ("2023-10-11", "curated", "Hindustan Times")


def test_a_fact_adds_an_event_backed_by_an_exact_quote(tmp_path: Path):
    kb = curate(tmp_path, """\
        facts:
          - type: event
            kind: signing
            date: 2023-10-10
            title: Signing of the defence agreement
            participants: [rajnath-singh, guido-crisetto]
            agreements: [2023-10-10-agreement]
            source: s1
            quote: "The two ministers signed an agreement on defence cooperation."
        """)
    ev = kb.events["2023-10-10-signing-of-the-defence-agreement"]
    assert ev.curated and ev.kind == "signing" and ev.date_basis == "curated"
    assert ev.evidence == [Evidence("s1", "The two ministers signed an agreement on defence cooperation.")]
    assert ev.sources == ["s1"]
    assert ev.id in kb.people["guido-crisetto"].events
    assert ev.id in kb.agreements["2023-10-10-agreement"].events
    assert_no_dangling(kb)


def test_a_fact_about_an_existing_id_adds_evidence(tmp_path: Path):
    quote = "Rajnath Singh and Guido Crosetto reviewed the work of the SIDM and AIAD."
    kb = curate(tmp_path, f"facts:\n  - {{type: event, id: review, source: s2, quote: '{quote}'}}\n")
    assert kb.events["review"].evidence == [Evidence("s2", quote)] and kb.events["review"].curated
    assert len(kb.events) == 3


# ---------------------------------------------------------------- mistakes, with their lines
def test_unknown_keys_fields_and_ids_are_reported_with_line_and_expectation(tmp_path: Path):
    problems = mistakes(tmp_path, """\
        people:
          guido-crosetto:
            nmae: Guido
          guido-crosettto: {country: Italy}
        peoples: {}
        events:
          review: {participants: [rajnath-singh, nobody]}
        """)
    assert problems == [
        f"{tmp_path / 'curation.yml'}:3: people.guido-crosetto: unknown field 'nmae'; "
        "expected one of name, aliases, country, roles, drop_roles",
        f"{tmp_path / 'curation.yml'}:4: people.guido-crosettto: unknown person id 'guido-crosettto'; "
        "did you mean guido-crosetto?",
        f"{tmp_path / 'curation.yml'}:5: top level: unknown key 'peoples'; "
        "expected one of people, organisations, agreements, events, sources, facts",
        f"{tmp_path / 'curation.yml'}:7: events.review.participants: unknown person id 'nobody'",
    ]


@pytest.mark.parametrize("date", ["2022-13-22", "March 2023", "yesterday", "true"])
def test_bad_dates_are_refused(tmp_path: Path, date: str):
    [problem] = mistakes(tmp_path, f"events:\n  review:\n    date: {date}\n")
    assert ":3: events.review.date: expected a date like 2023-10-09, 2023-10 or 2023" in problem


def test_a_quote_not_in_its_source_is_refused(tmp_path: Path):
    [problem] = mistakes(tmp_path, """\
        facts:
          - type: agreement
            title: Pact
            source: s1
            quote: Rajnath Singh signed a pact.
        """)
    assert ":5: facts[1].quote: not found in the text of source s1" in problem


def test_a_quote_that_differs_only_in_line_breaks_says_so(tmp_path: Path):
    [problem] = mistakes(tmp_path, """\
        facts:
          - {type: event, title: X, source: s1, quote: "in Rome. The two ministers"}
        """)
    assert ":2: " in problem and "differs only in spaces or line breaks" in problem


def test_an_id_used_after_it_was_merged_away_points_at_the_survivor(tmp_path: Path):
    [problem] = mistakes(tmp_path, """\
        people:
          merge: [[guido-crosetto, guido-crisetto]]
          guido-crisetto: {country: Italy}
        """)
    assert ":3: people.guido-crisetto: person 'guido-crisetto' was merged into guido-crosetto; use that id" in problem


def test_an_id_in_two_merge_groups_is_refused(tmp_path: Path):
    [problem] = mistakes(tmp_path, """\
        people:
          merge:
            - [guido-crosetto, guido-crisetto]
            - [rajnath-singh, guido-crisetto]
        """)
    assert ":4: people.merge: guido-crisetto is already in the group on line 3" in problem


def test_yaml_mistakes_are_reported_with_their_line(tmp_path: Path):
    path = tmp_path / "curation.yml"
    path.write_text("people:\n  guido-crosetto: {country: Italy}\n  guido-crosetto: {country: India}\n")
    with pytest.raises(CurationError, match=r"curation.yml:3: key 'guido-crosetto' given twice \(first on line 2\)"):
        load_curation(path)
    path.write_text("people:\n  merge: [[a, b]\nsources: {}\n")
    with pytest.raises(CurationError, match=r"curation.yml:3: not valid YAML"):
        load_curation(path)
    path.write_text("- people\n")
    with pytest.raises(CurationError, match=r"curation.yml:1: expected a mapping with keys people"):
        load_curation(path)


def test_a_role_needs_its_source(tmp_path: Path):
    [problem] = mistakes(tmp_path, """\
        people:
          guido-crosetto:
            roles:
              - {title: Defence Minister}
        """)
    assert ":4: people.guido-crosetto.roles: a role needs title" in problem


def test_every_mistake_is_listed_in_line_order(tmp_path: Path):
    problems = mistakes(tmp_path, """\
        sources:
          s3: {outlet: ANI}
        people:
          drop: [nobody]
        events:
          review: {kind: chat}
        """)
    assert [p.split(":")[1] for p in problems] == ["2", "4", "6"]
    assert "expected one of meeting, visit" in problems[2]
