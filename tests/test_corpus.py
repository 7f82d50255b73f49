"""The synthetic corpus generator, the pipeline on its output, and a smoke run of the benchmark."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from kb.build import build

ROOT = Path(__file__).resolve().parent.parent


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def make_corpus() -> ModuleType:
    return _load("make_corpus", ROOT / "scripts" / "make_corpus.py")


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_same_seed_same_corpus_byte_for_byte(make_corpus: ModuleType, tmp_path: Path) -> None:
    make_corpus.make_corpus(40, tmp_path / "a", seed=7)
    make_corpus.make_corpus(40, tmp_path / "b", seed=7)
    make_corpus.make_corpus(40, tmp_path / "c", seed=8)
    a, b, c = _files(tmp_path / "a"), _files(tmp_path / "b"), _files(tmp_path / "c")
    assert len(a) == 40 and a == b
    assert a != c


def test_the_command_line_writes_n_articles(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_corpus.py"), "12", str(tmp_path / "out"),
                           "--seed", "3"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert len(list((tmp_path / "out").iterdir())) == 12


def test_the_corpus_looks_like_the_news(make_corpus: ModuleType, tmp_path: Path) -> None:
    paths = make_corpus.make_corpus(120, tmp_path, seed=1)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    joined = "\n".join(texts)
    for marker in ("(ANI):", "(PTI)", "(IANS)", "(Reuters) -", "(ANSA) -", "by PIB Delhi", "Also Read |",
                   "LATEST NEWS", "Memorandum of Understanding", "Maritime Partnership Exercise", "Joint Defence"):
        assert marker in joined, marker
    assert any(p.suffix == ".md" and p.read_text().startswith("---\ntitle:") for p in paths)
    # Invented people only.
    for real in make_corpus.REFUSED:
        assert real not in joined


def test_the_pipeline_finds_people_and_events_in_it(make_corpus: ModuleType, tmp_path: Path) -> None:
    make_corpus.make_corpus(40, tmp_path / "seeds", seed=2)
    report = build(tmp_path / "seeds", tmp_path / "docs", cache_dir=None)
    kb = report.kb
    assert kb is not None
    assert report.articles == 40 and not report.problems
    assert len(kb.people) >= 30
    assert len(kb.events) >= 40
    assert kb.agreements and kb.organisations
    # Office holders recur across articles, so some people are drawn from several of them.
    assert max(len(p.sources) for p in kb.people.values()) >= 3
    assert sum(1 for e in kb.events.values() if e.participants) >= 20


def test_benchmark_quick_smoke(tmp_path: Path) -> None:
    """benchmarks/run.py --quick runs end to end (N=50, mkdocs included) and reports its table."""
    json_out = tmp_path / "bench.json"
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--json", str(json_out),
                           "--workdir", str(tmp_path / "work")],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "| 50 |" in done.stdout
    import json

    data = json.loads(json_out.read_text())
    r = data["results"][0]
    assert r["cold"]["articles"] == 50 and r["cold"]["extracted"] == 50
    assert r["add_one"]["extracted"] == 1 and r["add_one"]["cached"] == 50
    assert "wall" in r["mkdocs"], r["mkdocs"]
