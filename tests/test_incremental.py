"""Rendering only the pages whose inputs changed (kb/pages/incremental.py): a build after a change
must write exactly what a fresh process would."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest
from test_pages_fixture import sample_kb, sample_problems

from kb.model import Event, Evidence, KnowledgeBase, Role
from kb.pages import incremental, write_pages
from kb.pages.entities import entity_page_makers
from kb.pages.site import Site


@pytest.fixture(autouse=True)
def same_build_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every build at one time: the feed dates its entries by the build that added them."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.startswith(".")}


def rename(kb: KnowledgeBase) -> None:
    kb.people["marco-bellini"] = dataclasses.replace(kb.people["marco-bellini"], name="Marco A. Bellini")


def new_role(kb: KnowledgeBase) -> None:
    kb.people["giulia-conti"].roles.append(Role("Ambassador", "Italy", "2025-01-02", "002-ccc"))


def new_event(kb: KnowledgeBase) -> None:
    kb.events["2025-01-02-conti-visits-delhi"] = Event(
        id="2025-01-02-conti-visits-delhi", title="Giulia Conti visits New Delhi", kind="visit", date="2025-01-02",
        place="New Delhi", participants=["giulia-conti", "asha-verma"],
        evidence=[Evidence("002-ccc", "Verma said ties were elevated in March 2023.")], sources=["002-ccc"])


def drop_source(kb: KnowledgeBase) -> None:
    del kb.sources["002-ccc"]  # what only it supported loses its evidence and sources


def retitle_source(kb: KnowledgeBase) -> None:
    kb.sources["000-aaa"] = dataclasses.replace(kb.sources["000-aaa"], title="Ministers meet in Rome")


CHANGES: list[Callable[[KnowledgeBase], None]] = [rename, new_role, new_event, drop_source, retitle_source]


@pytest.mark.parametrize("change", CHANGES, ids=lambda f: f.__name__)
def test_a_rebuild_after_a_change_writes_what_a_fresh_build_writes(tmp_path: Path, change: Callable) -> None:
    served, fresh = tmp_path / "served", tmp_path / "fresh"
    write_pages(sample_kb(), served, sample_problems())  # the process now remembers what each page read
    kb = sample_kb()
    change(kb)
    report = write_pages(kb, served, sample_problems())
    # The same two builds into `fresh`, the second by a process that remembers nothing (what is
    # "recently added" depends on the folder's earlier builds, so both folders get the same ones).
    write_pages(sample_kb(), fresh, sample_problems())
    incremental.forget(fresh)
    write_pages(kb, fresh, sample_problems())
    assert files(served) == files(fresh)
    assert report.written  # something changed on disk


def test_a_rebuild_with_no_change_renders_no_entity_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_pages(sample_kb(), tmp_path, sample_problems())
    site = Site(sample_kb())
    rendered: list[str] = []
    makers = [(path, own, lambda make=make, path=path: rendered.append(path) or make())
              for path, own, make in entity_page_makers(site)]
    out = list(incremental.render(site, tmp_path, makers))
    assert len(out) == len(makers) and rendered == []


def test_a_change_renders_the_pages_that_read_it_and_no_other(tmp_path: Path) -> None:
    write_pages(sample_kb(), tmp_path, sample_problems())
    kb = sample_kb()
    rename(kb)
    site = Site(kb)
    rendered: list[str] = []
    makers = [(path, own, lambda make=make, path=path: rendered.append(path) or make())
              for path, own, make in entity_page_makers(site)]
    list(incremental.render(site, tmp_path, makers))
    assert "people/marco-bellini.md" in rendered
    assert "events/2023-10-09-verma-meets-bellini.md" in rendered  # lists him as a participant
    assert "people/ohara.md" not in rendered and "sources/002-ccc.md" not in rendered
    assert len(rendered) < len(makers) / 2


def test_each_output_folder_is_remembered_apart(tmp_path: Path) -> None:
    write_pages(sample_kb(), tmp_path / "a", sample_problems())
    kb = sample_kb()
    rename(kb)
    write_pages(kb, tmp_path / "b", sample_problems())
    write_pages(kb, tmp_path / "a", sample_problems())
    assert files(tmp_path / "a") == files(tmp_path / "b")
