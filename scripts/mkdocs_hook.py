"""MkDocs hook: regenerate the knowledge-base pages before every build.

`mkdocs build` and `mkdocs serve` run `kb.build.build(seeds/, docs_dir)` first,
so the site always shows the articles in `seeds/` (next to mkdocs.yml).

It stays cheap and cannot loop under `mkdocs serve`:
- a fingerprint of the inputs (article files, curation.yml, the kb package's
  code and lexicons: names, sizes, mtimes) is kept in `.kb-cache/mkdocs-hook.json`;
  when it matches and every generated file is still there, nothing runs;
- the build itself only writes files whose content changed, so the rebuild
  its own writes trigger finds the fingerprint unchanged and stops there.

Set KB_SKIP_BUILD=1 to use the pages as they are (CI runs `kb build` itself).

It also gives each generated entity page one entry in the search index instead of
one per indexed section (a person's role history, an event's evidence): the
browser builds the index each time a page opens, and on a large site its cost
grows with the number of entries more than with their words. See on_post_build.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.kb")
# Front-matter `type`s of the pages `kb build` writes one per entity (docs/SCHEMA.md).
ENTITY_TYPES = frozenset({"person", "event", "agreement", "organisation", "source"})
# URLs of the entity pages of the current build, gathered as pages are rendered.
_entity_pages: set[str] = set()
STAMP = Path(".kb-cache") / "mkdocs-hook.json"
SKIP_ENV = "KB_SKIP_BUILD"


def _root(config: Any) -> Path:
    return Path(config.config_file_path).resolve().parent


def _curation_files(root: Path) -> list[Path]:
    from kb.curation import CURATION_NAMES

    return [root / name for name in CURATION_NAMES if (root / name).is_file()]


def _inputs(root: Path, seeds: Path) -> list[Path]:
    import kb

    files = [p for p in seeds.iterdir() if p.is_file()] + _curation_files(root)
    package = Path(kb.__file__).resolve().parent
    files += [p for p in package.rglob("*") if p.suffix in (".py", ".yml", ".yaml") and p.is_file()]
    return sorted(files)


def fingerprint(root: Path, seeds: Path, out: Path) -> str:
    # File names as bytes: a name that is not UTF-8 must not stop the build.
    digest = hashlib.sha256(os.fsencode(out.resolve()))
    for path in _inputs(root, seeds):
        st = path.stat()
        digest.update(os.fsencode(path) + f"\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _outputs_intact(out: Path) -> bool:
    """The last build's files are all still there (someone may have deleted a page)."""
    from kb.pages.writer import MANIFEST, load_manifest

    files = load_manifest(out)
    return (out / MANIFEST).is_file() and all((out / rel).is_file() for rel in files)


def on_pre_build(config: Any, **_: Any) -> None:
    if os.environ.get(SKIP_ENV):
        log.info("kb: %s is set; using the pages in %s as they are", SKIP_ENV, config.docs_dir)
        return
    root, out = _root(config), Path(config.docs_dir)
    seeds = root / "seeds"
    if not seeds.is_dir():
        log.info("kb: no %s folder; pages not regenerated", seeds)
        return
    stamp = root / STAMP
    current = fingerprint(root, seeds, out)
    try:
        previous = json.loads(stamp.read_text(encoding="utf-8")).get("fingerprint")
    except (OSError, ValueError, AttributeError):
        previous = None
    if previous == current and _outputs_intact(out):
        log.info("kb: articles and code unchanged; pages are up to date")
        return

    try:
        from kb.build import build
        from kb.curation import CurationError
        from kb.pages import BuildLocked
    except ImportError as exc:
        raise PluginError(f"kb build is not available ({exc}); install the project with `pip install -e .`") from exc
    try:
        report = build(seeds, out)  # finds curation.yml beside seeds/ itself
    except (BuildLocked, CurationError) as exc:
        # An error message, not a traceback; `mkdocs serve` keeps running and retries on the next change.
        raise PluginError(f"kb build: {exc}") from exc

    for problem in report.problems:
        log.info("kb: unreadable article %s: %s", problem.file, problem.reason)
    written = report.written
    if written is not None:
        log.info("kb: %d articles; %s", report.articles, written.summary())
        refused = set(written.refused)
        for note in written.warnings:
            # A file left alone is a warning, so `mkdocs build --strict` stops rather than
            # publish a site missing that page; dropped references are the extractor's business.
            level = logging.WARNING if note.split(":", 1)[0] in refused else logging.INFO
            log.log(level, "kb: %s", note)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(json.dumps({"fingerprint": current}), encoding="utf-8")


def on_serve(server: Any, config: Any, builder: Any, **_: Any) -> Any:
    # `watch:` in mkdocs.yml may only name paths that exist; the curation file is optional.
    for path in _curation_files(_root(config)):
        server.watch(str(path))
    return server


def on_page_context(context: Any, page: Any, **_: Any) -> Any:
    if (page.meta or {}).get("type") in ENTITY_TYPES:
        _entity_pages.add(page.url)
    return context


def one_entry_per_page(entries: list[dict[str, Any]], pages: set[str]) -> list[dict[str, Any]]:
    """Search entries with the sections of each page in `pages` folded into the page's own entry.

    Material indexes every headed section of a page as an entry of its own. The words
    stay searchable and a result leads to the page rather than to one of its sections.
    """
    out: list[dict[str, Any]] = []
    heads: dict[str, dict[str, Any]] = {}
    for entry in entries:
        path, _, anchor = str(entry.get("location", "")).partition("#")
        head = heads.get(path)
        if anchor and head is not None and path in pages:
            head["text"] = " ".join(t for t in (head.get("text", ""), entry.get("text", "")) if t)
            continue
        if not anchor:
            heads[path] = entry
        out.append(entry)
    return out


@event_priority(100)  # before the search plugin writes the index in its own on_post_build
def on_post_build(config: Any, **_: Any) -> None:
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        if isinstance(getattr(index, "entries", None), list):
            index.entries = one_entry_per_page(index.entries, _entity_pages)
