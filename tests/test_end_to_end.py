"""Build the project's own articles and check the pages against the page contract (SCHEMA.md).

The evaluation script in ../shared/eval scores the seeds against an analyst's
gold annotations; when it is there (as in CI), the bars must hold.
"""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml

from kb.build import build

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

FOLDERS = {"people": "person", "events": "event", "agreements": "agreement", "organisations": "organisation",
           "sources": "source"}
KEYS = {
    "person": {"name", "aliases", "country", "roles", "events", "sources"},
    "event": {"kind", "date", "end_date", "place", "participants", "organisations", "agreements", "evidence",
              "sources"},
    "agreement": {"kind", "date", "parties", "signatories", "events", "evidence", "sources"},
    "organisation": {"name", "acronym", "country", "kind", "sources"},
    "source": {"file", "outlet", "published", "published_basis", "url"},
}
DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), path
    return yaml.safe_load(text.split("\n---", 1)[0][4:])


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("docs")
    report = build(ROOT / "seeds", out)
    assert report.problems == []
    return out


def test_every_page_keeps_the_contract(built: Path):
    pages = {folder: {p.stem: front_matter(p) for p in (built / folder).glob("*.md") if p.name != "index.md"}
             for folder in FOLDERS}
    assert len(pages["sources"]) == len(list((ROOT / "seeds").iterdir()))
    for folder, kind in FOLDERS.items():
        for pid, fm in pages[folder].items():
            assert fm["type"] == kind and fm["id"] == pid and fm["title"], (folder, pid)
            assert KEYS[kind] <= set(fm), (folder, pid, KEYS[kind] - set(fm))
            if kind != "source":
                assert fm["sources"] and set(fm["sources"]) <= set(pages["sources"]), (folder, pid)
            for key in ("date", "end_date", "published"):
                if fm.get(key) is not None:
                    assert DATE.match(str(fm[key])), (folder, pid, key, fm[key])
    # Every list of ids points at pages that exist.
    refs = {"participants": "people", "organisations": "organisations", "agreements": "agreements",
            "events": "events", "signatories": "people"}
    for folder in ("people", "events", "agreements"):
        for pid, fm in pages[folder].items():
            for key, target in refs.items():
                for ref in fm.get(key) or []:
                    assert ref in pages[target], (folder, pid, key, ref)
    # Evidence is copied exactly from its article.
    def squash(text: str) -> str:
        return " ".join(text.split())

    articles = {fm["id"]: squash((ROOT / "seeds" / fm["file"]).read_text(encoding="utf-8"))
                for fm in pages["sources"].values()}
    for folder in ("events", "agreements"):
        for fm in pages[folder].values():
            for ev in fm["evidence"]:
                assert squash(ev["quote"]) in articles[ev["source"]], ev


def test_publication_dates_and_their_basis(built: Path):
    sources = {p.stem: front_matter(p) for p in (built / "sources").glob("*.md") if p.name != "index.md"}
    for fm in sources.values():
        assert fm["published"] is not None, fm["file"]
        assert fm["published_basis"] in {"front-matter", "header", "dateline", "text", "post-id"}


def _score(docs: Path, seeds: Path, gold: Path) -> dict:
    script = SHARED / "eval" / "score.py"
    out = docs.parent / f"score-{gold.stem}.json"
    subprocess.run([sys.executable, str(script), "--docs", str(docs), "--seeds", str(seeds), "--gold", str(gold),
                    "--json", str(out)], check=True, capture_output=True)
    import json
    return json.loads(out.read_text())["summary"]


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="the evaluation set is not beside the repo")
def test_seed_score_meets_the_bars(built: Path):
    s = _score(built, ROOT / "seeds", SHARED / "eval" / "seeds-gold.yml")
    assert s["macro_f1"] >= 0.85 and s["people"]["f1"] >= 0.90, s
    assert s["published_dates"] == 1.0
    assert s["noise_leaks"] == 0 and s["bad_quotes"] == 0 and s["duplicate_people"] == 0


@pytest.mark.skipif(not (SHARED / "eval" / "synthetic").exists(), reason="the evaluation set is not beside the repo")
def test_synthetic_development_set(tmp_path: Path):
    docs = tmp_path / "docs"
    build(SHARED / "eval" / "synthetic", docs)
    s = _score(docs, SHARED / "eval" / "synthetic", SHARED / "eval" / "synthetic-gold.yml")
    assert s["macro_f1"] >= 0.85 and s["bad_quotes"] == 0 and s["noise_leaks"] == 0, s


# The project's own invented articles (tests/articles, with an analyst's gold in gold.yml). The first
# articles keep the bars they had when they were the whole set, built alone as then; the whole set,
# built as one site, must not score lower than it did when the later articles were added.
OWN = ROOT / "tests" / "articles"
FIRST_ARTICLES = 23  # t01-t23
OWN_BARS = {  # per language of the articles: measured values, rounded down
    "en": {"people_f1": 0.98, "events_f1": 0.80, "agreements_f1": 0.95, "macro_f1": 0.92, "published_dates": 0.95,
           "people_precision": 1.0, "people_recall": 0.98, "wrong_dates": 1},
    "it": {"people_f1": 0.95, "events_f1": 0.60, "agreements_f1": 0.95, "macro_f1": 0.85, "published_dates": 0.85,
           "people_precision": 0.95, "people_recall": 0.95, "wrong_dates": 1},
}
OWN_BARS_ALL = {"duplicate_people": 0, "noise_leaks": 0, "bad_quotes": 0}  # the whole set, both languages
NO_SCORER = not (SHARED / "eval" / "score.py").exists()


def _own_gold() -> list[dict]:
    return yaml.safe_load((OWN / "gold.yml").read_text(encoding="utf-8"))


def _build_articles(files: list[Path], folder: Path) -> tuple[Path, Path]:
    """The given articles copied into `folder` and built; the articles and pages folders."""
    articles = folder / "articles"
    articles.mkdir()
    for f in files:
        (articles / f.name).write_bytes(f.read_bytes())
    docs = folder / "docs"
    build(articles, docs)
    return articles, docs


@pytest.fixture(scope="module")
def own_built(tmp_path_factory) -> tuple[Path, Path]:
    """tests/articles/t* (not its README or gold), built as one site."""
    return _build_articles(sorted(OWN.glob("t*")), tmp_path_factory.mktemp("own"))


@pytest.fixture(scope="module")
def first_built(tmp_path_factory) -> tuple[Path, Path]:
    """The first articles of tests/articles, built without the others."""
    files = [OWN / g["file"] for g in _own_gold()[:FIRST_ARTICLES]]
    return _build_articles(files, tmp_path_factory.mktemp("own-first"))


def _score_entries(built: tuple[Path, Path], entries: list[dict], name: str) -> dict:
    """The evaluation script's summary for some of the gold entries against a build."""
    articles, docs = built
    gold = docs.parent / f"gold-{name}.yml"
    gold.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return _score(docs, articles, gold)


def _language(entry: dict) -> str:
    return entry.get("language") or "en"


def _summary_line(name: str, s: dict) -> str:
    return (f"{name:9} macro F1 {s['macro_f1']:.3f} · people {s['people']['f1']:.2f} · events {s['events']['f1']:.2f}"
            f" · agreements {s['agreements']['f1']:.2f} · dates {s['published_dates']} · dup {s['duplicate_people']}"
            f" · split {s['split_events']} · noise {s['noise_leaks']} · badquotes {s['bad_quotes']}")


@pytest.mark.skipif(NO_SCORER, reason="the evaluation script is not beside the repo")
def test_own_first_articles_keep_their_bars(first_built: tuple[Path, Path]):
    s = _score_entries(first_built, _own_gold()[:FIRST_ARTICLES], "first")
    assert s["people"]["f1"] >= 0.9 and s["macro_f1"] >= 0.8, s
    assert s["noise_leaks"] == 0 and s["bad_quotes"] == 0 and s["duplicate_people"] == 0, s


@pytest.mark.skipif(NO_SCORER, reason="the evaluation script is not beside the repo")
def test_own_articles_of_other_shapes(own_built: tuple[Path, Path]):
    """Invented articles of shapes the seeds lack, in English and Italian, built as one site. Prints the
    scores per language (see them with `pytest -rP -k own_articles_of_other_shapes`)."""
    gold = _own_gold()
    s = _score_entries(own_built, gold, "all")
    by_language = {lang: _score_entries(own_built, [g for g in gold if _language(g) == lang], lang)
                   for lang in sorted({_language(g) for g in gold})}
    print(_summary_line("all", s))
    for lang, ls in by_language.items():
        print(_summary_line(lang, ls))
    for key, most in OWN_BARS_ALL.items():
        assert s[key] <= most, (key, s)
    for lang, bars in OWN_BARS.items():
        ls = by_language[lang]
        for kind in ("people", "events", "agreements"):
            assert ls[kind]["f1"] >= bars[f"{kind}_f1"], (lang, kind, ls)
        assert ls["macro_f1"] >= bars["macro_f1"] and ls["published_dates"] >= bars["published_dates"], (lang, ls)


def _norm(name: str) -> str:
    """A name as letters and spaces, lower case, for comparing with the gold annotations."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z ]+", " ", ascii_name.lower().replace(".", " ")).split())


def _people_and_dates(built: tuple[Path, Path], gold: list[dict]) -> tuple[float, float, list]:
    """People of each article found by name or alias (precision, recall) and the publication dates
    that differ from the gold, checked without the evaluation script."""
    _, docs = built
    sources = {fm["file"]: fm for p in (docs / "sources").glob("*.md") if p.name != "index.md"
               for fm in [front_matter(p)]}
    people = [front_matter(p) for p in (docs / "people").glob("*.md") if p.name != "index.md"]
    found = missed = extra = 0
    wrong_dates = []
    for g in gold:
        source = sources[g["file"]]
        if g.get("published") is not None and str(source["published"]) != str(g["published"]):
            wrong_dates.append((g["file"], source["published"], g["published"]))
        on_page = [{_norm(n) for n in [p["name"], *p["aliases"]]} for p in people if source["id"] in p["sources"]]
        wanted = [{_norm(n) for n in [w["name"], *(w.get("aliases") or [])]} for w in g["people"]]
        hits = [any(w & names for names in on_page) for w in wanted]
        found, missed = found + sum(hits), missed + hits.count(False)
        extra += sum(1 for names in on_page if not any(names & w for w in wanted))
    return found / max(1, found + extra), found / max(1, found + missed), wrong_dates


def test_own_first_articles_people_and_dates(first_built: tuple[Path, Path]):
    precision, recall, wrong_dates = _people_and_dates(first_built, _own_gold()[:FIRST_ARTICLES])
    assert precision >= 0.9 and recall >= 0.9, (precision, recall)
    assert len(wrong_dates) <= 1, wrong_dates


def test_own_articles_people_and_dates_against_their_gold(own_built: tuple[Path, Path]):
    """The whole set, as above, per language: people by name or alias and publication dates."""
    for lang, bars in OWN_BARS.items():
        gold = [g for g in _own_gold() if _language(g) == lang]
        precision, recall, wrong_dates = _people_and_dates(own_built, gold)
        assert precision >= bars["people_precision"] and recall >= bars["people_recall"], (lang, precision, recall)
        assert len(wrong_dates) <= bars["wrong_dates"], (lang, wrong_dates)


def test_one_person_and_one_event_across_languages(tmp_path: Path):
    """The Italian Chief of Defence Staff's talks in New Delhi, reported by an English wire (t24) and an
    Italian one (t44): one page for him, one for his Indian counterpart and one for their talks, each
    citing both articles."""
    _, docs = _build_articles([OWN / "t24_ani-lo-bianco-new-delhi.txt", OWN / "t44_ansa-lo-bianco-nuova-delhi.txt"],
                              tmp_path)
    sources = {front_matter(p)["id"] for p in (docs / "sources").glob("*.md") if p.name != "index.md"}
    people = [front_matter(p) for p in (docs / "people").glob("*.md") if p.name != "index.md"]
    events = [front_matter(p) for p in (docs / "events").glob("*.md") if p.name != "index.md"]
    pages = {}
    for name in ("giuseppe lo bianco", "rajendra pal negi"):
        found = [p for p in people if name in {_norm(n) for n in [p["name"], *p["aliases"]]}]
        assert len(found) == 1 and set(found[0]["sources"]) == sources, (name, found)
        pages[name] = found[0]["id"]
    talks = [e for e in events if set(pages.values()) <= set(e["participants"]) and str(e["date"]) == "2026-03-17"]
    assert len(talks) == 1 and set(talks[0]["sources"]) == sources, talks
