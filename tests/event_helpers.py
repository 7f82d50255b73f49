"""Helpers of the event tests: one invented article extracted, its events of a kind, their participants' names."""

from pathlib import Path

from kb.extract import extract_article
from kb.ingest import read_article
from kb.model import Event, Extraction


def extract(tmp_path: Path, text: str, published: str | None = "2024-05-10", language: str | None = None) -> Extraction:
    """`text` as an article with front matter giving its publication day (and language, when given)."""
    meta = ([f"published: {published}"] if published else []) + ([f"language: {language}"] if language else [])
    p = tmp_path / "a.md"
    p.write_text(("---\n" + "\n".join(meta) + "\n---\n" if meta else "") + text)
    return extract_article(read_article(p))


def by_kind(ex: Extraction, kind: str) -> list[Event]:
    return [e for e in ex.events if e.kind == kind]


def names(ex: Extraction, event: Event) -> list[str]:
    by_id = {p.id: p.name for p in ex.people}
    return sorted(by_id[i] for i in event.participants)
