"""What makes pages quick to read and follow: citations, evidence folding, articles to check,
the build history behind "Recently added" and the Atom feed, the graph data, the vendored script."""

from __future__ import annotations

import hashlib
import html
import json
import re
import textwrap
from pathlib import Path
from xml.etree import ElementTree

import markdown
import pytest
from test_pages_fixture import sample_kb, sample_problems

from kb.curation import CurationError, apply_curation, load_curation
from kb.model import Event, Evidence, KnowledgeBase, Person, Role, Source
from kb.pages import additions, cite, write_pages
from kb.pages.attention import needs_attention
from kb.pages.evidence import evidence_markdown, group, near_duplicate, words
from kb.pages.graph_data import around, whole_site
from kb.pages.markup import lang
from kb.pages.person_box import office_span
from kb.pages.site import Site, announced, on_timeline

REPO = Path(__file__).resolve().parents[1]
ATOM = "{http://www.w3.org/2005/Atom}"
CYTOSCAPE_SHA256 = "71fa9ebec21a7ca2c40cff6aacc30d1f6464e363662ad4b2c197e1adc770cd94"  # 3.35.0, see README


# ---------------------------------------------------------------- citations
def test_a_citation_reads_outlet_date_headline() -> None:
    s = Source(id="a", file="a.txt", title="Navies meet", outlet="PTI", published="2025-03")
    assert cite.citation(s) == "PTI, March 2025 — Navies meet"
    bare = Source(id="b", file="b_story.txt", title="  ", outlet=None, published=None)
    assert cite.citation(bare) == "unknown, date unknown — b_story.txt"


def test_reported_by_counts_outlets() -> None:
    def src(i: int, outlet: str | None) -> Source:
        return Source(id=str(i), file=f"{i}.txt", outlet=outlet)

    assert cite.reported_by([src(1, "PTI"), src(2, "ANI")]) == "2 outlets: ANI, PTI"
    assert cite.reported_by([src(1, "PTI"), src(2, "PTI"), src(3, None)]) == \
        "1 outlet: PTI — 3 articles, 1 of unknown outlet"
    assert cite.reported_by([src(1, None)]) == "1 article of unknown outlet"


# ---------------------------------------------------------------- evidence
WIRE = "Defence Minister Asha Verma on Monday met her Italian counterpart Marco Bellini in Rome and held talks."
EDITED = "Defence Minister Asha Verma on Monday met Italian counterpart Marco Bellini in Rome and held talks on ties."


def three_outlets_kb() -> KnowledgeBase:
    sources = {sid: Source(id=sid, file=f"{sid}.txt", title=f"Story {sid}", outlet=outlet, published=day,
                           text=f"{WIRE} {EDITED} Other news.")
               for sid, outlet, day in (("a", "ANI", "2023-10-10"), ("b", "PTI", "2023-10-09"), ("c", None, None))}
    evidence = [Evidence("a", WIRE), Evidence("b", EDITED), Evidence("c", WIRE), Evidence("a", "Other news.")]
    people = {"v": Person("v", "Asha Verma", country="India"), "b": Person("b", "Marco Bellini", country="Italy")}
    event = Event("e", "Verma meets Bellini", "meeting", "2023-10-09", place="Rome", participants=["v", "b"],
                  evidence=evidence, sources=["a", "b", "c"], date_basis="text")
    return KnowledgeBase(people=people, events={"e": event}, sources=sources)


def test_near_duplicate_sentences_are_shown_once_under_the_earliest_article() -> None:
    assert near_duplicate(words(WIRE), words(EDITED))
    assert not near_duplicate(words(WIRE), words("Other news."))
    site = Site(three_outlets_kb())
    groups = group(site, site.events["e"].evidence)
    assert [g.source for g in groups] == ["b", "a"]  # earliest published first; c only repeats b
    assert [q.evidence.quote for q in groups[0].quotes] == [EDITED]
    assert [e.source for e in groups[0].quotes[0].also] == ["a", "c"]
    assert [q.evidence.quote for q in groups[1].quotes] == ["Other news."]
    text = evidence_markdown(site, site.events["e"].evidence, "events", ("event", "e"))
    assert text.count("> Defence Minister") == 1 and "Also in 2 other articles" in text
    assert "unknown, date unknown — Story c" in text


def test_event_page_says_who_met_whom_where_and_when_first(tmp_path: Path) -> None:
    write_pages(three_outlets_kb(), tmp_path, [])
    page = (tmp_path / "events/e.md").read_text(encoding="utf-8")
    body = page.split("\n---\n", 1)[1]
    assert body.index("A meeting held on 9 October 2023 in Rome with Asha Verma (India) and Marco Bellini "
                      "(Italy).") < body.index("Participants\n:   [Asha Verma]") < body.index("Evidence")
    assert "Reported by\n:   2 outlets: ANI, PTI — 3 articles, 1 of unknown outlet" in body
    assert "Status\n:   happened" in body and "Date\n:   9 October 2023 (day; stated in the article)" in body


# ---------------------------------------------------------------- person infobox
def test_the_infobox_names_the_current_office_or_else_the_latest() -> None:
    kb = KnowledgeBase(sources={
        "old": Source(id="old", file="old.txt", published="2020-03-01"),
        "new": Source(id="new", file="new.txt", published="2024-06-01")},
        people={
        "now": Person("now", "Ravi Tandon", country="India", roles=[
            Role("Navy Chief", "India", "2023-11-02", "old"), Role("Navy Chief", "India", "2024-05-30", "new")]),
        "was": Person("was", "Elena Fabbri", country="Italy", roles=[Role("Defence Minister", "Italy", "2020-03-01",
                                                                          "old")])})
    site = Site(kb)
    assert office_span(site, site.people["now"]) == ("Current office", "Navy Chief", "2 November 2023 – 30 May 2024")
    assert office_span(site, site.people["was"]) == ("Latest office", "Defence Minister", "1 March 2020")


# ---------------------------------------------------------------- quotes in their own language
ITALIAN = "Il ministro Marco Bellini ha incontrato a Roma la collega indiana Asha Verma."


def test_a_quote_from_an_italian_article_is_marked_italian_in_the_html(tmp_path: Path) -> None:
    kb = three_outlets_kb()
    kb.sources["i"] = Source(id="i", file="i.txt", title="Bellini incontra Verma", outlet="ANSA",
                             published="2023-10-09", language="it", text=ITALIAN)
    kb.events["e"].evidence.append(Evidence("i", ITALIAN))
    kb.events["e"].sources.append("i")
    write_pages(kb, tmp_path, [])
    extensions = ["attr_list", "md_in_html"]
    event = markdown.markdown((tmp_path / "events/e.md").read_text(encoding="utf-8").split("\n---\n", 1)[1],
                              extensions=extensions)
    assert f'<p lang="it">{ITALIAN}</p>' in event
    assert 'lang="en"' not in event and event.count("lang=") == 1  # English quotes take the page's language
    source = markdown.markdown((tmp_path / "sources/i.md").read_text(encoding="utf-8").split("\n---\n", 1)[1],
                               extensions=extensions)
    assert '<h1 lang="it">Bellini incontra Verma</h1>' in source
    assert re.search(r'<div class="kb-article"[^>]* lang="it"[^>]*>\s*<p><mark>Il ministro', source), source


def test_only_well_formed_language_tags_mark_text() -> None:
    assert [lang(x) for x in ("it", "en", None, "", "pt-BR", 'it" onclick="x', "IT")] == \
        ["it", "", "", "", "pt-BR", "", ""]


# ---------------------------------------------------------------- timeline membership
def test_a_meeting_of_both_sides_abroad_is_on_the_timeline_and_a_plan_is_announced() -> None:
    kb = three_outlets_kb()
    abroad = kb.events["e"]
    abroad.bilateral, abroad.place = False, "Johannesburg"
    third = Event("f", "Verma meets a French minister", "meeting", "2023-10-09", participants=["v", "x"],
                  bilateral=False, sources=["a"])
    kb.people["x"] = Person("x", "Claire Martin", country="France")
    plan = Event("p", "Bellini to visit Delhi", "visit", "2024-01", participants=["b"], status="planned",
                 sources=["a"])
    kb.events.update({"f": third, "p": plan})
    site = Site(kb)
    assert on_timeline(site, site.events["e"]) and not on_timeline(site, site.events["f"])
    assert not on_timeline(site, site.events["p"]) and announced(site, site.events["p"])


# ---------------------------------------------------------------- home: articles to check
def test_articles_to_check_name_the_reason() -> None:
    kb = KnowledgeBase(sources={
        "ok": Source(id="ok", file="ok.txt", published="2024-01-02", published_basis="dateline", language="en"),
        "it": Source(id="it", file="it.txt", published="2024-01-02", language="it"),
        "hi": Source(id="hi", file="hi.txt", published="2024-01-02", language="hi"),
        "nd": Source(id="nd", file="nd.txt", language="en"),
        "gy": Source(id="gy", file="gy.txt", published="2024-01-02", published_basis="dateline", language="en",
                     warnings=["dateline gives January 2 without a year; 2024 inferred from the weekday"]),
        "tx": Source(id="tx", file="tx.txt", published="2024-01-02", published_basis="text", language="en")})
    found = {a.file: a.reason for a in needs_attention(Site(kb), sample_problems())}
    assert "ok.txt" not in found
    assert "it.txt" not in found  # Italian is read
    assert found["hi.txt"].startswith("not read: the language is 'hi'")
    assert found["nd.txt"].startswith("no publication date")
    assert found["gy.txt"].startswith("date guessed (2024-01-02): dateline gives")
    assert found["tx.txt"] == "date guessed (2024-01-02): publication date read from a date in the text"
    assert found["broken.txt"].startswith("not read: binary file")


def test_home_says_every_article_was_read_only_when_true(tmp_path: Path) -> None:
    kb = KnowledgeBase(sources={"ok": Source(id="ok", file="ok.txt", published="2024-01-02",
                                             published_basis="dateline", language="en")})
    write_pages(kb, tmp_path / "a", [])
    assert "Every article was read in full" in (tmp_path / "a/index.md").read_text(encoding="utf-8")
    write_pages(sample_kb(), tmp_path / "b", sample_problems())
    home = (tmp_path / "b/index.md").read_text(encoding="utf-8")
    assert "Every article" not in home and "| [001&#95;bbb.md](sources/001-bbb.md) | no publication date" in home


# ---------------------------------------------------------------- what is new
def test_history_records_what_each_build_added(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kb = sample_kb()
    later = kb.sources.pop("002-ccc")
    only_there = [i for i, e in kb.events.items() if e.sources == [later.id]]
    for ident in only_there:
        del kb.events[ident]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    write_pages(kb, tmp_path, [])
    first = additions.load(tmp_path)
    assert first is not None and len(first.builds) == 1 and first.builds[0].first
    assert first.builds[0].time == "2026-01-01T00:00:00Z"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767312000")
    report = write_pages(kb, tmp_path, [])  # nothing new: nothing rewritten
    assert not report.written and additions.load(tmp_path) == first
    kb = sample_kb()  # the article comes in, with the event only it reports
    assert later.id in kb.sources
    report = write_pages(kb, tmp_path, [])
    second = additions.load(tmp_path)
    assert second is not None
    assert [b.time for b in second.builds] == ["2026-01-02T00:00:00Z", "2026-01-01T00:00:00Z"]
    assert second.builds[0].added == {"002-ccc": {"event": only_there}} and not second.builds[0].first
    assert "2024-naval-exercise" in only_there
    recent = (tmp_path / "recent.md").read_text(encoding="utf-8")
    assert recent.index("## 2 January 2026, 00:00 UTC") < recent.index("Naval exercise in the") < \
        recent.index("## 1 January 2026, 00:00 UTC")
    feed = ElementTree.parse(tmp_path / "feed.xml").getroot()
    assert feed.find(f"{ATOM}updated").text == "2026-01-02T00:00:00Z"
    entries = feed.findall(f"{ATOM}entry")
    assert entries[0].find(f"{ATOM}id").text == "urn:kb-site:event:2024-naval-exercise"
    assert entries[0].find(f"{ATOM}link").get("href") == "events/2024-naval-exercise.html"
    assert {e.find(f"{ATOM}category").get("term") for e in entries} == {"event", "agreement"}


def test_feed_is_well_formed_whatever_the_titles(tmp_path: Path) -> None:
    write_pages(sample_kb(), tmp_path, [])
    feed = ElementTree.parse(tmp_path / "feed.xml").getroot()
    kb = sample_kb()
    titles = {e.find(f"{ATOM}title").text for e in feed.findall(f"{ATOM}entry")}
    assert titles == {x.title for x in [*kb.events.values(), *kb.agreements.values()]}


def test_a_damaged_history_starts_afresh(tmp_path: Path) -> None:
    (tmp_path / ".kb-history.json").write_text("{not json", encoding="utf-8")
    assert additions.load(tmp_path) is None


# ---------------------------------------------------------------- graphs
def test_graph_data_links_people_events_and_agreements() -> None:
    site = Site(sample_kb())
    data = whole_site(site)
    ids = {n["id"] for n in data["nodes"]}
    assert "person:asha-verma" in ids and "event:2023-10-09-verma-meets-bellini" in ids
    assert all(e["source"] in ids and e["target"] in ids for e in data["edges"])
    local = around(site, "person", "asha-verma")
    assert [n["id"] for n in local["nodes"] if n.get("centre")] == ["person:asha-verma"]
    assert all(n["href"].endswith(".html") for n in local["nodes"])


def test_graph_data_is_escaped_in_its_attribute(tmp_path: Path) -> None:
    write_pages(sample_kb(), tmp_path, [])
    graph = (tmp_path / "graph.md").read_text(encoding="utf-8")
    attribute = graph.split('data-kb-graph="', 1)[1].split('"', 1)[0]
    assert "<" not in attribute and "[" not in attribute
    assert json.loads(html.unescape(attribute))["nodes"]


def test_vendored_graph_script_is_the_pinned_release() -> None:
    data = (REPO / "docs/assets/vendor/cytoscape.min.js").read_bytes()
    assert hashlib.sha256(data).hexdigest() == CYTOSCAPE_SHA256
    assert (REPO / "docs/assets/vendor/cytoscape.LICENSE").is_file()


# ---------------------------------------------------------------- curation
def test_curation_sets_an_events_status(tmp_path: Path) -> None:
    kb = three_outlets_kb()
    path = tmp_path / "curation.yml"
    path.write_text(textwrap.dedent("""\
        events:
          e: {status: planned}
    """), encoding="utf-8")
    apply_curation(kb, load_curation(path))
    assert kb.events["e"].status == "planned" and kb.events["e"].curated
    path.write_text("events:\n  e: {status: maybe}\n", encoding="utf-8")
    with pytest.raises(CurationError, match="expected one of happened, planned"):
        apply_curation(three_outlets_kb(), load_curation(path))
