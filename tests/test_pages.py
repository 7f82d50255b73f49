"""The page writer (kb.pages): page contract, links, escaping, exports and safe writing."""

from __future__ import annotations

import csv
import dataclasses
import fcntl
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from test_pages_fixture import NASTY_NAME, sample_kb, sample_problems

from kb.model import Event, Evidence, KnowledgeBase, Person, Source
from kb.pages import BuildLocked, WriteReport, write_pages
from kb.pages import entities as entities_module
from kb.pages.frontmatter import dump
from kb.pages.frontmatter import read as read_front_matter
from kb.pages.markup import article_markdown, date_range, human_date, inline
from kb.pages.writer import LOCK, MANIFEST, STAGING

FOLDERS = {"people": "person", "events": "event", "agreements": "agreement",
           "organisations": "organisation", "sources": "source"}
REQUIRED = {
    "person": {"name", "aliases", "country", "roles", "events", "sources"},
    "event": {"kind", "date", "end_date", "place", "participants", "organisations", "agreements", "evidence",
              "sources"},
    "agreement": {"kind", "date", "parties", "signatories", "events", "evidence", "sources", "status", "instrument"},
    "organisation": {"name", "acronym", "country", "kind", "sources"},
    "source": {"file", "outlet", "published", "published_basis", "url"},
}
ID_LISTS = {"participants": "people", "signatories": "people", "organisations": "organisations",
            "agreements": "agreements", "events": "events", "sources": "sources"}


def front_matter(path: Path) -> dict:
    """Parsed the way eval/score.py does: up to the first line starting with ---."""
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---")
    head = text.split("\n---", 1)[0][3:]
    data = yaml.safe_load(head)
    assert isinstance(data, dict), path
    return data


def entity_pages(out: Path) -> dict[str, dict[str, dict]]:
    return {folder: {p.stem: front_matter(p) for p in sorted((out / folder).glob("*.md")) if p.stem != "index"}
            for folder in FOLDERS}


@pytest.fixture
def out(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    report = write_pages(sample_kb(), docs, sample_problems())
    assert not report.refused
    return docs


def render_html(md_text: str) -> str:
    """Markdown to HTML with the extensions mkdocs.yml enables."""
    body = md_text.split("\n---\n", 1)[1]
    return markdown.markdown(body, extensions=["admonition", "attr_list", "md_in_html", "tables", "toc"])


class TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def html_tags(html_text: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = TagCollector()
    parser.feed(html_text)
    return parser.tags


# ---------------------------------------------------------------- page contract
def test_front_matter_has_the_schema_keys(out: Path) -> None:
    pages = entity_pages(out)
    kb = sample_kb()
    assert set(pages["people"]) == set(kb.people)
    assert set(pages["events"]) == set(kb.events)
    assert set(pages["sources"]) == set(kb.sources)
    for folder, kind in FOLDERS.items():
        for stem, fm in pages[folder].items():
            assert fm["type"] == kind and fm["id"] == stem and fm["title"]
            missing = REQUIRED[kind] - set(fm)
            assert not missing, f"{folder}/{stem}.md lacks {missing}"
            assert ("sources" in fm) == (kind != "source")


def test_roles_and_evidence_are_lists_of_mappings(out: Path) -> None:
    asha = front_matter(out / "people/asha-verma.md")
    assert asha["roles"][-1] == {"title": "Defence Minister", "country": "India", "date": "2023-10-09",
                                 "source": "000-aaa"}
    meeting = front_matter(out / "events/2023-10-09-verma-meets-bellini.md")
    assert meeting["evidence"] == [{"source": "000-aaa",
                                    "quote": "The ministers signed an agreement on defence cooperation."}]
    assert meeting["date"] == "2023-10-09" and meeting["end_date"] is None


def test_every_listed_id_points_at_an_existing_page(out: Path) -> None:
    pages = entity_pages(out)
    checked = 0
    for folder in FOLDERS:
        for fm in pages[folder].values():
            for key, target in ID_LISTS.items():
                for ident in fm.get(key) or []:
                    assert ident in pages[target], f"{fm['id']}: {key} -> {ident}"
                    checked += 1
            for ev in fm.get("evidence") or []:
                assert ev["source"] in pages["sources"]
            for role in fm.get("roles") or []:
                assert role["source"] is None or role["source"] in pages["sources"]
    assert checked > 20


def test_section_indexes_are_not_entities(out: Path) -> None:
    for folder in FOLDERS:
        fm = front_matter(out / folder / "index.md")
        assert "type" not in fm  # score.py counts every page with a `type` as an entity
    for name in ("index.md", "timeline.md", "graph.md"):
        assert "type" not in front_matter(out / name)


def test_dangling_references_and_unsafe_ids_are_dropped(tmp_path: Path) -> None:
    kb = sample_kb()
    kb.events["2024-naval-exercise"].participants.append("ghost")
    kb.events["2024-naval-exercise"].evidence.append(Evidence("no-such-source", "A quote."))
    kb.people["../../escape"] = Person(id="../../escape", name="Climber")
    kb.people["index"] = Person(id="index", name="Shadow of the index page")
    report = write_pages(kb, tmp_path / "docs", [])
    fm = front_matter(tmp_path / "docs/events/2024-naval-exercise.md")
    assert "ghost" not in fm["participants"]
    assert all(ev["source"] != "no-such-source" for ev in fm["evidence"])
    assert any("ghost" in w for w in report.warnings)
    assert any("escape" in w for w in report.warnings)
    assert not (tmp_path / "escape.md").exists() and not list(tmp_path.rglob("escape.md"))
    assert "type" not in front_matter(tmp_path / "docs/people/index.md")


def test_the_callers_kb_is_not_modified(tmp_path: Path) -> None:
    kb = sample_kb()
    before = dataclasses.asdict(kb)
    write_pages(kb, tmp_path / "docs", [])
    assert dataclasses.asdict(kb) == before


# ---------------------------------------------------------------- links and content
def test_relative_links_resolve(out: Path) -> None:
    link = re.compile(r"\]\(([^)\s]+)\)")
    seen = 0
    for page in out.rglob("*.md"):
        body = page.read_text(encoding="utf-8").split("\n---\n", 1)[1]  # front matter holds raw data
        for target in link.findall(body):
            assert not re.match(r"[a-z]+:", target), f"{page}: unexpected absolute link {target}"
            assert (page.parent / target.split("#")[0]).resolve().is_file(), f"{page}: broken link {target}"
            seen += 1
    assert seen > 100


def test_person_page(out: Path) -> None:
    text = (out / "people/asha-verma.md").read_text(encoding="utf-8")
    history = text.split("## Role history", 1)[1].split("##", 1)[0]
    assert history.index("Defence Secretary") < history.index("Defence Minister")  # oldest first
    assert "| Defence Minister | India | 9 October 2023 | 9 October 2023 | 1 report, latest: <span " \
           "data-search-exclude>[ANI, 10 October 2023 — Verma meets Bellini in Rome](../sources/000-aaa.md)</span> |" \
        in history
    events = text.split("## Events", 1)[1].split("##", 1)[0]
    order = [events.index(e) for e in ("2024-naval-exercise", "2023-10-09-verma-meets-bellini", "undated-dialogue")]
    assert order == sorted(order), "events newest first, undated last"
    met = text.split("## People met most", 1)[1].split("##", 1)[0]
    assert "| [Marco Bellini](marco-bellini.md) | [9 October 2023](../events/2023-10-09-verma-meets-bellini.md" in met
    mentioned = text.split("## Mentioned on", 1)[1]
    assert "Agreement: [Agreement on Defence Cooperation]" in mentioned
    assert "Event: [Asha Verma meets Marco Bellini in Rome]" in mentioned


def test_event_page_shows_date_precision_and_evidence(out: Path) -> None:
    exercise = (out / "events/2024-naval-exercise.md").read_text(encoding="utf-8")
    assert "Date\n:   2024 (year only; the article's date: the text does not date the event)\n" in exercise
    assert front_matter(out / "events/2024-naval-exercise.md")["date_basis"] == "publication"
    assert "Date\n:   March 2023 (month only" in (out / "events/2023-03-strategic-partnership.md").read_text(
        encoding="utf-8")
    undated = (out / "events/undated-dialogue.md").read_text(encoding="utf-8")
    assert "Date\n:   unknown\n" in undated and "Not among the held events of the timeline" in undated
    assert "the date is not known." in undated
    meeting = (out / "events/2023-10-09-verma-meets-bellini.md").read_text(encoding="utf-8")
    # grouped by article: the citation, then what it says
    assert '<p class="kb-cite" data-search-exclude markdown="span">[ANI, 10 October 2023 — Verma meets Bellini in ' \
           'Rome](../sources/000-aaa.md)</p>\n\n> The ministers signed an agreement on defence cooperation.' in meeting


def test_a_quoted_sentence_is_searchable_on_one_page_and_its_citation_on_none(out: Path) -> None:
    """The search index gets one copy of each quote: the event's; the agreement quoting the
    same sentence shows it but keeps it out, and no citation (a source title) is indexed."""
    quote = "The ministers signed an agreement on defence cooperation."

    def quote_paragraphs(page: str) -> list[tuple[bool, str]]:
        html_text = render_html((out / page).read_text(encoding="utf-8"))
        paragraphs = re.findall(r"<p([^>]*)>(.*?)</p>", html_text, re.S)
        return [("data-search-exclude" in attrs, text) for attrs, text in paragraphs
                if quote in text or "sources/000-aaa" in text]

    event = quote_paragraphs("events/2023-10-09-verma-meets-bellini.md")
    agreement = quote_paragraphs("agreements/2023-10-09-agreement-on-defence-cooperation.md")
    assert [excluded for excluded, text in event if quote in text] == [False]
    assert [excluded for excluded, text in agreement if quote in text] == [True]
    cites = [excluded for excluded, text in event + agreement if "sources/000-aaa" in text]
    assert cites and all(cites)


def test_human_dates() -> None:
    assert human_date("2023-03-09") == "9 March 2023"
    assert human_date("2023-03") == "March 2023"
    assert human_date("2023") == "2023"
    assert human_date(None) == "unknown"
    assert date_range("2025-04-14", "2025-04-15") == "14 April 2025 – 15 April 2025"
    assert date_range("2025-04-14", None) == "14 April 2025"


def test_agreement_and_organisation_pages(out: Path) -> None:
    mou = (out / "agreements/2023-mou-industry.md").read_text(encoding="utf-8")
    assert front_matter(out / "agreements/2023-mou-industry.md")["status"] == "signed"
    assert "[Society of Indian Defence Manufacturers (SIDM)](../organisations/sidm.md)" in mou  # party as a link
    leonardo = (out / "organisations/leonardo.md").read_text(encoding="utf-8")
    assert "[Giulia Conti](../people/giulia-conti.md) — role names it" in leonardo
    assert "Agreement: [MoU on defence industrial cooperation]" in leonardo.split("## Mentioned on")[1]


def test_source_page_highlights_evidence_and_lists_what_was_drawn(out: Path) -> None:
    text = (out / "sources/000-aaa.md").read_text(encoding="utf-8")
    assert "<mark>The ministers signed an agreement on defence cooperation.</mark>" in text
    drawn = text.split("## Drawn from this article", 1)[1].split("## Article text", 1)[0]
    for name in ("Asha Verma", "Marco Bellini", "Agreement on Defence Cooperation", "Leonardo Spa"):
        assert name in drawn
    undated = front_matter(out / "sources/001-bbb.md")
    assert undated["published"] is None and undated["published_basis"] == "unknown"
    assert "Published\n:   unknown (not found)" in (out / "sources/001-bbb.md").read_text(encoding="utf-8")


def test_quote_across_a_line_break_is_highlighted() -> None:
    text = "First paragraph.\n\nThe sides signed a memorandum\nof understanding. Then lunch."
    md = article_markdown(text, ["The sides signed a memorandum\nof understanding."])
    assert "<mark>The sides signed a memorandum of understanding.</mark> Then lunch." in md


def test_timeline_keeps_background_and_third_country_events_apart(out: Path) -> None:
    text = (out / "timeline.md").read_text(encoding="utf-8")
    main, aside = text.split("## Background and other countries", 1)
    assert "2024-naval-exercise" in main and "2023-10-09-verma-meets-bellini" in main
    assert "2023-03-strategic-partnership" not in main and "undated-dialogue" not in main
    assert "2023-03-strategic-partnership" in aside and "undated-dialogue" in aside
    assert main.index("## 2024") < main.index("## 2023")  # newest first
    assert 'data-kind="meeting" data-year="2023" data-countries="|India|Italy|"' in main


def test_tags_and_jsonld_in_front_matter(out: Path) -> None:
    meeting = front_matter(out / "events/2023-10-09-verma-meets-bellini.md")
    assert meeting["tags"] == ["meeting", "India", "Italy", "2023"]
    assert meeting["jsonld"]["@type"] == "Event" and meeting["jsonld"]["location"]["name"] == "Rome"
    assert front_matter(out / "people/asha-verma.md")["jsonld"]["jobTitle"] == "Defence Minister"
    assert front_matter(out / "agreements/2023-mou-industry.md")["jsonld"]["@type"] == "Legislation"
    assert front_matter(out / "organisations/sidm.md")["jsonld"]["@type"] == "Organization"


def test_graph_links_people_who_shared_events(out: Path) -> None:
    text = (out / "graph.md").read_text(encoding="utf-8")
    assert text.count('<line class="kb-edge"') == 4  # verma-bellini, verma-conti, bellini-conti, verma-ohara
    assert '<a href="people/asha-verma.html"' in text
    assert "&lt;script&gt;" in text and "<script>" not in text


# ---------------------------------------------------------------- untrusted text
def test_hostile_strings_render_as_text(out: Path) -> None:
    for rel in ("people/ohara.md", "sources/001-bbb.md", "events/undated-dialogue.md", "index.md",
                "people/index.md", "timeline.md", "graph.md", "agreements/index.md"):
        html_text = render_html((out / rel).read_text(encoding="utf-8"))
        for tag, attrs in html_tags(html_text):
            assert tag not in ("script", "img", "iframe", "object"), f"{rel}: <{tag}> from data"
            assert not any(k.startswith("on") for k in attrs), f"{rel}: event handler {attrs}"
            assert not (attrs.get("href") or "").lower().startswith("javascript"), f"{rel}: {attrs}"
            assert "onclick" not in attrs
        assert "<h1" in html_text and html_text.count("<h1") == 1, rel  # no heading smuggled in
    source = render_html((out / "sources/001-bbb.md").read_text(encoding="utf-8"))
    assert "&lt;script&gt;alert('article')&lt;/script&gt;" in source
    assert 'class="admonition' not in source and "<li>not a list" not in source
    assert "<mark>The two sides signed a memorandum of understanding on defence industrial cooperation.</mark>" \
        in source


def test_page_titles_carry_no_markup(out: Path) -> None:
    # Material prints the title unescaped in the header and unescapes it in <title>.
    title = front_matter(out / "people/ohara.md")["title"]
    assert "<" not in title and ">" not in title
    assert front_matter(out / "people/ohara.md")["name"] == NASTY_NAME


def test_article_url_is_only_linked_when_http() -> None:
    from kb.pages.markup import external_link
    assert external_link("javascript:alert(1)") == "javascript:alert(1)"
    assert external_link('https://x.example/a?b=1&c="2"').startswith('<a href="https://x.example/a?b=1&amp;c=&quot;2')


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_inline_never_lets_markup_through(value: str) -> None:
    html_text = markdown.markdown(f"- {inline(value)}", extensions=["attr_list", "md_in_html", "tables"])
    tags = [t for t, _ in html_tags(html_text)]
    assert tags[:2] == ["ul", "li"] and set(tags) <= {"ul", "li"}


# ---------------------------------------------------------------- YAML
def test_nasty_names_round_trip(out: Path) -> None:
    fm = front_matter(out / "people/ohara.md")
    assert fm["name"] == NASTY_NAME
    assert fm["aliases"] == ["--- \n---\nfoo: bar", "'quoted'"]
    text = (out / "people/ohara.md").read_text(encoding="utf-8")
    assert "&id" not in text and "*id" not in text  # no YAML anchors


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(min_size=1), st.one_of(st.text(), st.lists(st.text()), st.none()), max_size=4))
def test_any_string_round_trips_and_never_ends_the_front_matter_early(meta: dict) -> None:
    dumped = dump({"title": "x", **meta})
    assert not re.search(r"^(---|\.\.\.)", dumped, re.MULTILINE)
    assert yaml.safe_load(dumped) == {"title": "x", **meta}
    assert read_front_matter(f"---\n{dumped}---\n\nbody\n") == {"title": "x", **meta}


_WORDS = st.sampled_from(["yes", "No", "null", "~", "", " a", "a ", "1", "2019-01-01", "@type", "a: b", "a #b",
                          "- a", "India's", "(PTI) Under Secretary", "São Paulo", "x" * 130, "a\nb", "’q’"])
_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.text(), _WORDS)
_VALUES = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=3)
                       | st.dictionaries(st.text() | _WORDS, inner, max_size=3), max_leaves=12)


@settings(max_examples=500, deadline=None)
@given(st.dictionaries(st.text() | _WORDS, _VALUES, min_size=1, max_size=4))
def test_front_matter_is_written_exactly_as_pyyaml_writes_it(meta: dict) -> None:
    from kb.pages import frontmatter

    assert dump(meta) == frontmatter._yaml_dump(meta)


# ---------------------------------------------------------------- exports
def test_exports_load_as_flat_tables(out: Path) -> None:
    data = out / "data"
    with open(data / "people.csv", encoding="utf-8", newline="") as f:
        people = {r["id"]: r for r in csv.DictReader(f)}
    assert set(people) == set(sample_kb().people)
    assert people["asha-verma"]["sources"] == "000-aaa; 002-ccc"
    assert people["asha-verma"]["current_role"] == "Defence Minister"
    assert people["ohara"]["name"] == NASTY_NAME
    with open(data / "roles.csv", encoding="utf-8", newline="") as f:
        assert len(list(csv.DictReader(f))) == sum(len(p.roles) for p in sample_kb().people.values())
    for name in ("events", "agreements", "organisations", "sources", "evidence"):
        with open(data / f"{name}.csv", encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        assert rows and all(None not in r for r in rows), name  # no ragged rows
    events = json.loads((data / "events.json").read_text(encoding="utf-8"))
    meeting = next(e for e in events if e["id"] == "2023-10-09-verma-meets-bellini")
    assert meeting["participants"] == ["asha-verma", "marco-bellini", "giulia-conti"]
    assert meeting["evidence"][0]["source"] == "000-aaa"
    people_json = json.loads((data / "people.json").read_text(encoding="utf-8"))
    assert next(p for p in people_json if p["id"] == "asha-verma")["roles"][0]["title"] == "Defence Secretary"
    sources = json.loads((data / "sources.json").read_text(encoding="utf-8"))
    assert next(s for s in sources if s["id"] == "001-bbb")["published"] is None


def test_empty_kb_still_builds(tmp_path: Path) -> None:
    report = write_pages(KnowledgeBase(), tmp_path / "docs", [])
    assert "index.md" in report.written and "data/people.csv" in report.written
    header = (tmp_path / "docs/data/people.csv").read_text(encoding="utf-8").splitlines()
    assert header[0].startswith("id,name,aliases") and len(header) == 1


# ---------------------------------------------------------------- writing safely
def test_second_build_writes_nothing_and_keeps_mtimes(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_pages(sample_kb(), docs, sample_problems())
    old = 1_000_000_000
    for f in docs.rglob("*"):
        if f.is_file():
            os.utime(f, (old, old))
    report = write_pages(sample_kb(), docs, sample_problems())
    assert report.written == [] and report.removed == []
    assert "people/asha-verma.md" in report.unchanged
    assert all(f.stat().st_mtime == old for f in docs.rglob("*") if f.is_file() and f.name != LOCK)


def test_only_changed_pages_are_rewritten(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_pages(sample_kb(), docs, [])
    kb = sample_kb()
    kb.organisations["sidm"].name = "Society of Indian Defence Makers"
    report = write_pages(kb, docs, [])
    assert "organisations/sidm.md" in report.written
    assert "people/marco-bellini.md" in report.unchanged  # nothing about SIDM on his page
    assert "events/2023-10-09-verma-meets-bellini.md" in report.unchanged


def test_stale_generated_page_is_removed(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_pages(sample_kb(), docs, [])
    assert (docs / "people/ohara.md").exists()
    kb = sample_kb()
    del kb.people["ohara"]
    kb.events["undated-dialogue"].participants.remove("ohara")
    report = write_pages(kb, docs, [])
    assert report.removed == ["people/ohara.md"]
    assert not (docs / "people/ohara.md").exists()
    assert "people/ohara.md" not in json.loads((docs / MANIFEST).read_text())["files"]


def test_hand_written_files_are_never_touched(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "people").mkdir(parents=True)
    (docs / "index.md").write_text("# My own home page\n", encoding="utf-8")
    (docs / "about.md").write_text("# About\n", encoding="utf-8")
    (docs / "people/notes.md").write_text("# Notes\n", encoding="utf-8")
    report = write_pages(sample_kb(), docs, [])
    assert report.refused == ["index.md"]
    assert any("index.md" in w and "not generated" in w for w in report.warnings)
    assert (docs / "index.md").read_text(encoding="utf-8") == "# My own home page\n"
    kb = sample_kb()
    kb.people.clear()
    for e in kb.events.values():
        e.participants.clear()
    for a in kb.agreements.values():
        a.signatories.clear()
    write_pages(kb, docs, [])
    assert (docs / "about.md").read_text(encoding="utf-8") == "# About\n"
    assert (docs / "people/notes.md").read_text(encoding="utf-8") == "# Notes\n"
    assert (docs / "index.md").read_text(encoding="utf-8") == "# My own home page\n"
    assert not (docs / "people/asha-verma.md").exists()


def test_generated_page_edited_by_hand_is_not_deleted_when_stale(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_pages(sample_kb(), docs, [])
    page = docs / "people/ohara.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nMy notes.\n", encoding="utf-8")
    kb = sample_kb()
    del kb.people["ohara"]
    report = write_pages(kb, docs, [])
    assert page.exists() and "people/ohara.md" in report.refused


def test_pages_of_a_build_whose_manifest_was_lost_are_still_ours(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_pages(sample_kb(), docs, [])
    (docs / MANIFEST).unlink()
    kb = sample_kb()
    kb.people["asha-verma"].country = "Republic of India"
    report = write_pages(kb, docs, [])
    assert "people/asha-verma.md" in report.written and "data/people.csv" in report.written
    assert not report.refused
    (docs / "data/people.csv").write_text("my,own,table\n", encoding="utf-8")
    (docs / MANIFEST).unlink()
    assert write_pages(kb, docs, []).refused == ["data/people.csv"]


def test_a_crash_while_rendering_leaves_the_old_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = tmp_path / "docs"
    write_pages(sample_kb(), docs, [])
    before = {p: p.read_bytes() for p in docs.rglob("*.md")}

    def broken(*_: object) -> str:
        raise RuntimeError("renderer bug")

    monkeypatch.setattr(entities_module, "source_page", broken)
    kb = sample_kb()
    kb.people["asha-verma"].name = "Asha Verma-Rao"  # would change several pages
    with pytest.raises(RuntimeError, match="renderer bug"):
        write_pages(kb, docs, [])
    assert {p: p.read_bytes() for p in docs.rglob("*.md")} == before
    assert not (docs / STAGING).exists()


def test_two_builds_cannot_write_at_once(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    with open(docs / LOCK, "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(BuildLocked, match=f"another kb build is running on {re.escape(str(docs))}"):
            write_pages(sample_kb(), docs, [])
    assert isinstance(write_pages(sample_kb(), docs, []), WriteReport)  # free again


def test_problems_are_listed_on_the_home_page(out: Path) -> None:
    home = (out / "index.md").read_text(encoding="utf-8")
    assert "| broken.txt | not read: binary file (contains NUL bytes), not a text article |" in home
    assert "| &lt;script&gt;x&lt;/script&gt;.txt | not read: empty file |" in home


def test_source_without_title_or_text(tmp_path: Path) -> None:
    kb = KnowledgeBase(sources={"x": Source(id="x", file="x.txt")},
                       events={"e": Event(id="e", title="Untitled", evidence=[Evidence("x", "gone")])})
    write_pages(kb, tmp_path, [])
    fm = front_matter(tmp_path / "sources/x.md")
    assert fm["title"] == "x.txt" and fm["published"] is None
    assert "*No text.*" in (tmp_path / "sources/x.md").read_text(encoding="utf-8")
