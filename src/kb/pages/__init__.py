"""Step 6: write the knowledge base as Markdown pages, section indexes and data exports.

    write_pages(kb, out, problems) -> WriteReport

Page formats follow SCHEMA.md. Modules: `site` (the checked KB and reverse
lookups), `entities` (one page per entity), `indexes` (home, timeline,
registers, graph), `exports` (CSV/JSON), `writer` (manifest, lock, atomic
writes), `markup` (escaping untrusted text), `frontmatter`, `jsonld`, `graph`
(the build-time drawing), `graph_data` (the interactive graphs' data), `cite`
(citations), `blocks` (facts box, folded lists), `summary` (one-sentence
summaries), `evidence` (quotes grouped by article), `person_box` (a person's
infobox), `attention` (articles to check), `additions` and `news` (what each
build added, the Atom feed), `incremental` (rendering again only what changed,
in a long-running process).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain
from pathlib import Path

from ..model import KnowledgeBase, Problem
from . import additions, incremental
from .entities import entity_page_makers
from .exports import export_files
from .indexes import index_pages
from .news import FEED, atom_feed, recently_added_page
from .site import Site
from .writer import BuildLocked, WriteReport, write_files

# Hand-written pages the home page links to when they are there.
OPTIONAL_PAGES = ("about.md", "tags.md")


def write_pages(kb: KnowledgeBase, out: Path, problems: list[Problem]) -> WriteReport:
    """Write every page and export into `out`; see `writer` for what is and is not touched.

    Raises BuildLocked when another build is writing to the same folder.
    """
    out = Path(out)
    site = Site(kb)
    present = [p for p in OPTIONAL_PAGES if (out / p).is_file()]
    # Entity pages whose inputs did not change since this process last wrote `out` are not rendered again.
    entities = incremental.render(site, out, entity_page_makers(site))
    history = additions.update(additions.load(out), site, additions.build_time())
    files = chain(entities, index_pages(site, problems, present), export_files(site), news_files(site, history))
    report = write_files(out, files)
    report.warnings[:0] = site.warnings
    return report


def news_files(site: Site, history: additions.History) -> Iterator[tuple[str, str]]:
    """What is new: the history itself, the "Recently added" page and the Atom feed."""
    yield additions.HISTORY, history.to_json()
    yield "recent.md", recently_added_page(site, history)
    yield FEED, atom_feed(site, history)


__all__ = ["BuildLocked", "WriteReport", "write_pages"]
