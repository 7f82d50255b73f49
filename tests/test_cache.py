"""The extraction cache, parallel extraction and the progress display."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import json
import os
import shutil
import sys
import time
from pathlib import Path

import pytest

import kb.cache as cache_module
from kb.build import BuildReport, build, extract_all
from kb.cache import ExtractionCache, Progress, extract_articles, extractor_key, source_digest
from kb.ingest import RawArticle, read_folder
from kb.model import Extraction
from kb.resolve import resolve

ROOT = Path(__file__).resolve().parent.parent
KEY = "test-key"


@pytest.fixture(autouse=True)
def _fresh_process_state(monkeypatch: pytest.MonkeyPatch) -> None:
    # As if this process had not built before: tests change lexicons and versions on purpose.
    monkeypatch.setattr(cache_module, "_LOADED", None)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """60 synthetic articles, made once for this module."""
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "scripts" / "make_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_corpus"] = module
    spec.loader.exec_module(module)
    out = tmp_path_factory.mktemp("corpus")
    module.make_corpus(60, out, seed=5)
    return out


@pytest.fixture
def seeds(tmp_path: Path, corpus: Path) -> Path:
    """Eight of them in a folder of the test's own, to change freely."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    for p in sorted(corpus.iterdir())[:8]:
        shutil.copy(p, folder / p.name)
    return folder


def _articles(folder: Path) -> list[RawArticle]:
    articles, problems = read_folder(folder)
    assert not problems
    return articles


# ---------------------------------------------------------------- hits and misses
def test_second_run_reads_everything_from_the_cache(tmp_path: Path, seeds: Path) -> None:
    arts = _articles(seeds)
    first = ExtractionCache(tmp_path / "c", key=KEY)
    a = extract_articles(arts, first)
    assert first.hits == 0 and len(list(first.dir.glob("*.json"))) == len(arts)
    second = ExtractionCache(tmp_path / "c", key=KEY)
    b = extract_articles(arts, second)
    assert second.hits == len(arts)
    assert a == b and all(isinstance(x, Extraction) for x in b)


def test_adding_one_article_extracts_only_that_one(tmp_path: Path, seeds: Path, corpus: Path) -> None:
    report = BuildReport()
    extract_all(seeds, report, cache_dir=tmp_path / "c")
    assert report.cached == 0
    new = sorted(corpus.iterdir())[20]
    shutil.copy(new, seeds / new.name)
    report = BuildReport()
    extractions = extract_all(seeds, report, cache_dir=tmp_path / "c")
    assert report.cached == 8 and report.articles == 9 == len(extractions)


def test_changed_text_or_file_name_is_a_miss(tmp_path: Path, seeds: Path) -> None:
    arts = _articles(seeds)
    extract_articles(arts, ExtractionCache(tmp_path / "c", key=KEY))
    first, second = sorted(seeds.iterdir())[:2]
    first.write_text(first.read_text(encoding="utf-8") + "\nThe talks ended on a positive note.\n", encoding="utf-8")
    second.rename(second.with_name("renamed-" + second.name))
    c = ExtractionCache(tmp_path / "c", key=KEY)
    results = extract_articles(_articles(seeds), c)
    assert c.hits == len(arts) - 2
    renamed = next(r for r in results if isinstance(r, Extraction) and r.source.file.startswith("renamed-"))
    assert renamed.source.id.startswith("renamed-")  # not the cached result of the old name


def test_an_extraction_dated_against_today_is_not_reused_after_the_day_it_holds_for(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "seeds"
    folder.mkdir()
    # A year-less dateline: the year depends on which Octobers 10 are already past on the day of the build.
    (folder / "wire.txt").write_text("Lisbon, October 10 (ANI): The two navies met on Friday in Lisbon.\n",
                                     encoding="utf-8")
    arts = _articles(folder)
    first = ExtractionCache(tmp_path / "c", key=KEY)
    (ex,) = extract_articles(arts, first)
    assert isinstance(ex, Extraction) and ex.source.valid_until is not None
    assert ExtractionCache(tmp_path / "c", key=KEY).get(arts[0]) is not None

    monkeypatch.setattr(cache_module, "_today", lambda: ex.source.valid_until)
    assert ExtractionCache(tmp_path / "c", key=KEY).get(arts[0]) is not None
    day_after = (dt.date.fromisoformat(ex.source.valid_until) + dt.timedelta(days=1)).isoformat()
    monkeypatch.setattr(cache_module, "_today", lambda: day_after)
    assert ExtractionCache(tmp_path / "c", key=KEY).get(arts[0]) is None


def test_a_new_extractor_version_invalidates(tmp_path: Path, seeds: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    digest = source_digest()
    assert extractor_key(digest, "1") != extractor_key(digest, "2")
    report = BuildReport()
    extract_all(seeds, report, cache_dir=tmp_path / "c")
    extract_all(seeds, report := BuildReport(), cache_dir=tmp_path / "c")
    assert report.cached == 8
    monkeypatch.setattr(cache_module, "EXTRACTOR_VERSION", "999-test")
    extract_all(seeds, report := BuildReport(), cache_dir=tmp_path / "c")
    assert report.cached == 0


def test_a_changed_lexicon_invalidates(tmp_path: Path, seeds: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lexicon = tmp_path / "lexicon"
    shutil.copytree(cache_module.LEXICON_DIR, lexicon)
    monkeypatch.setattr(cache_module, "LEXICON_DIR", lexicon)
    extract_all(seeds, BuildReport(), cache_dir=tmp_path / "c")
    extract_all(seeds, report := BuildReport(), cache_dir=tmp_path / "c")
    assert report.cached == 8
    with (lexicon / "titles.yml").open("a", encoding="utf-8") as f:
        f.write("\n# a new comment is a change like any other\n")
    monkeypatch.setattr(cache_module, "_LOADED", None)  # a fresh process, which would load the new lexicon
    extract_all(seeds, report := BuildReport(), cache_dir=tmp_path / "c")
    assert report.cached == 0


def test_a_lexicon_changed_under_a_running_process_is_not_cached(tmp_path: Path, seeds: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """`mkdocs serve` keeps the lexicons it loaded: its results must not pass for the new lexicon's."""
    lexicon = tmp_path / "lexicon"
    shutil.copytree(cache_module.LEXICON_DIR, lexicon)
    monkeypatch.setattr(cache_module, "LEXICON_DIR", lexicon)
    extract_all(seeds, BuildReport(), cache_dir=tmp_path / "c")
    (lexicon / "events.yml").write_text((lexicon / "events.yml").read_text() + "\n# edited\n")
    report = BuildReport()
    extract_all(seeds, report, cache_dir=tmp_path / "c")
    assert report.articles == 8 and report.cached == 0
    assert any("changed since this process started" in w for w in report.warnings)
    c = ExtractionCache(tmp_path / "c")
    assert not c.writable and not c.dir.exists()


def test_code_outside_extraction_does_not_invalidate(tmp_path: Path) -> None:
    code = tmp_path / "kb"
    shutil.copytree(cache_module.PACKAGE_DIR, code, ignore=shutil.ignore_patterns("__pycache__"))
    before = source_digest(code_dir=code)
    (code / "resolve.py").write_text("# resolution does not change what one article says\n")
    (code / "pages" / "site.py").write_text("# neither do pages\n")
    assert source_digest(code_dir=code) == before
    (code / "extract" / "people.py").write_text("# but extraction does\n")
    assert source_digest(code_dir=code) != before


# ---------------------------------------------------------------- damage
@pytest.mark.parametrize("damage", [
    b"", b"{not json", b"\x00\xff\xfe", b"[]", b'{"key": "test-key"}',
    b'{"format": 1, "key": "test-key", "digest": "x", "file": "y", "extraction": {}}',
])
def test_a_corrupt_entry_is_re_extracted_and_rewritten(tmp_path: Path, seeds: Path, damage: bytes) -> None:
    arts = _articles(seeds)
    good = extract_articles(arts, ExtractionCache(tmp_path / "c", key=KEY))
    c = ExtractionCache(tmp_path / "c", key=KEY)
    c.path(arts[3]).write_bytes(damage)
    again = extract_articles(arts, c)
    assert again == good and c.hits == len(arts) - 1
    assert json.loads(c.path(arts[3]).read_bytes())["digest"] == arts[3].digest


def test_an_entry_of_another_article_is_not_used(tmp_path: Path, seeds: Path) -> None:
    arts = _articles(seeds)
    c = ExtractionCache(tmp_path / "c", key=KEY)
    extract_articles(arts, c)
    c.path(arts[1]).write_bytes(c.path(arts[0]).read_bytes())  # a name clash, or a copy by hand
    c = ExtractionCache(tmp_path / "c", key=KEY)
    results = extract_articles(arts, c)
    assert c.hits == len(arts) - 1
    assert isinstance(results[1], Extraction) and results[1].source.file == arts[1].file


def test_an_unwritable_cache_is_a_warning(tmp_path: Path, seeds: Path) -> None:
    blocker = tmp_path / "c"
    blocker.write_text("a file where the cache folder should be")
    report = build(seeds, tmp_path / "docs", cache_dir=blocker)
    assert report.articles == 8 and not report.problems
    assert sum("not writable" in w for w in report.warnings) == 1


def test_no_cache_writes_nothing(tmp_path: Path, seeds: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    report = build(seeds, tmp_path / "docs", cache_dir=None)
    assert report.articles == 8 and report.cached == 0
    assert not (tmp_path / ".kb-cache").exists()


def test_the_default_cache_is_kb_cache_in_the_working_folder(tmp_path: Path, seeds: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    build(seeds, tmp_path / "docs")
    assert len(list((tmp_path / ".kb-cache" / "extract").glob("*/*.json"))) == 8


# ---------------------------------------------------------------- pruning
def test_prune_drops_old_unused_entries_and_old_keys(tmp_path: Path, seeds: Path) -> None:
    arts = _articles(seeds)
    for i in range(5):  # five older extractor versions
        extract_articles(arts[:1], ExtractionCache(tmp_path / "c", key=f"old{i}"))
        os.utime(tmp_path / "c" / "extract" / f"old{i}", (1000 + i, 1000 + i))
    c = ExtractionCache(tmp_path / "c", key=KEY)
    extract_articles(arts, c)
    stale = c.dir / "0123456789abcdef.json"  # an article no longer in the folder
    stale.write_text("{}")
    old = time.time() - (cache_module.PRUNE_AFTER_DAYS + 1) * 86400
    os.utime(stale, (old, old))
    recent = c.dir / "fedcba9876543210.json"
    recent.write_text("{}")
    c = ExtractionCache(tmp_path / "c", key=KEY)
    extract_articles(arts, c)
    c.prune()
    assert not stale.exists() and recent.exists()
    assert len(list(c.dir.glob("*.json"))) == len(arts) + 1
    keys = sorted(p.name for p in (tmp_path / "c" / "extract").iterdir())
    assert keys == sorted([KEY, "old3", "old4"])  # the newest KEEP_KEYS - 1 others stay


# ---------------------------------------------------------------- parallel
def test_parallel_and_serial_give_the_same_knowledge_base(tmp_path: Path, corpus: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    arts = _articles(corpus)
    serial = extract_articles(arts, None, jobs=1)
    monkeypatch.setattr(cache_module, "PARALLEL_MIN", 10)
    c = ExtractionCache(tmp_path / "c", key=KEY)
    parallel = extract_articles(arts, c, jobs=2, progress=False)
    assert [r.source.file for r in parallel if isinstance(r, Extraction)] == [a.file for a in arts]
    assert parallel == serial
    assert resolve([r for r in parallel if isinstance(r, Extraction)]) == \
        resolve([r for r in serial if isinstance(r, Extraction)])
    # The workers filled the cache.
    again = ExtractionCache(tmp_path / "c", key=KEY)
    assert extract_articles(arts, again) == serial and again.hits == len(arts)


def test_one_failing_article_is_that_articles_problem(seeds: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    real = cache_module.extract_article
    victim = sorted(seeds.iterdir())[2].name

    def flaky(raw: RawArticle) -> Extraction:
        if raw.file == victim:
            raise ValueError("a bug that only this article finds")
        return real(raw)

    monkeypatch.setattr(cache_module, "extract_article", flaky)
    report = build(seeds, tmp_path / "docs", cache_dir=tmp_path / "c")
    assert report.articles == 7
    assert [(p.file, p.reason) for p in report.problems] == [
        (victim, "extraction failed: ValueError: a bug that only this article finds")]
    assert len(list((tmp_path / "c").rglob("*.json"))) == 7  # failures are not cached


def test_a_broken_pool_falls_back_to_this_process(seeds: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from concurrent.futures.process import BrokenProcessPool

    def broken(*_: object, **__: object) -> list[object]:
        raise BrokenProcessPool("a worker was killed")

    monkeypatch.setattr(cache_module, "PARALLEL_MIN", 2)
    monkeypatch.setattr(cache_module, "ProcessPoolExecutor", broken)
    arts = _articles(seeds)
    results = extract_articles(arts * 3, None, jobs=2, progress=False)  # enough for two workers
    assert len(results) == 3 * len(arts) and all(isinstance(r, Extraction) for r in results)
    assert "going on in this process" in capsys.readouterr().err


# ---------------------------------------------------------------- progress
class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_a_bar_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    out = _Tty()
    bar = Progress(4, stream=out)
    for _ in range(4):
        bar.update()
    bar.close()
    text = out.getvalue()
    assert "\rextracting 4/4 [" in text and "100%" in text and text.endswith("\n")


def test_progress_is_plain_lines_on_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    out = _Tty()
    bar = Progress(1000, cached=5, processes=2, stream=out)
    bar.LOG_EVERY = 0.0
    for _ in range(3):
        bar.update()
    bar.close()
    lines = out.getvalue().splitlines()
    assert "\r" not in out.getvalue()
    assert lines[0] == "kb: extracting 1000 articles in 2 processes (5 cached)"
    assert lines[1].startswith("kb: extracted 1/1000") and lines[-1].startswith("kb: extracted 3 articles in")


def test_small_builds_are_quiet(seeds: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    extract_articles(_articles(seeds), None)
    assert capsys.readouterr().err == ""
