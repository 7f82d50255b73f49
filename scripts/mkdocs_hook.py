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

Under `mkdocs serve` it never leaves the server hanging: a build that fails (a
mistake in curation.yml, a bug) is logged, every page request is answered at
once with an error page that reloads itself, and the next good save serves
the site again. `mkdocs build` stops with the error instead.

`mkdocs serve --dirty` re-renders only the pages `kb build` changed; pages of
entities that are gone are removed from the served site here, since MkDocs
leaves them there.

After the build it indexes the site for search with Pagefind (kb/search.py);
under `mkdocs serve` in the background, so a page never waits for the index.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import os
import resource
import threading
import time
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.hooks.kb")
STAMP = Path(".kb-cache") / "mkdocs-hook.json"
SKIP_ENV = "KB_SKIP_BUILD"


class _State:
    serving = False  # under `mkdocs serve`: errors become an error page, the index is built in the background
    rendered = 0  # pages MkDocs rendered in this build (with --dirty, only the changed ones)
    error: str | None = None  # why the last build failed, while it stays failed
    removed: list[str] = []  # generated files the last kb build removed (paths inside docs/)


_state = _State()


def on_startup(command: str, dirty: bool = False, **_: Any) -> None:
    _state.serving = command == "serve"


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
        report = _build(seeds, out)
    except PluginError as exc:
        if not _state.serving:
            raise
        _state.error = str(exc)
        log.error("%s\n(the site shows this error until a build succeeds)", exc)
        return
    _state.error = None
    _report(report)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(json.dumps({"fingerprint": current}), encoding="utf-8")


def _build(seeds: Path, out: Path) -> Any:
    try:
        from kb.build import build
        from kb.curation import CurationError
        from kb.pages import BuildLocked
    except ImportError as exc:
        raise PluginError(f"kb build is not available ({exc}); install the project with `pip install -e .`") from exc
    try:
        return build(seeds, out)  # finds curation.yml beside seeds/ itself
    except (BuildLocked, CurationError) as exc:
        # An error message, not a traceback; `mkdocs serve` keeps running and retries on the next change.
        raise PluginError(f"kb build: {exc}") from exc
    except Exception as exc:
        if not _state.serving:
            raise
        raise PluginError(f"kb build failed:\n{traceback.format_exc()}") from exc


def _report(report: Any) -> None:
    for problem in report.problems:
        log.info("kb: unreadable article %s: %s", problem.file, problem.reason)
    written = report.written
    if written is None:
        return
    _state.removed = list(written.removed)
    log.info("kb: %d articles; %s", report.articles, written.summary())
    refused = set(written.refused)
    for note in written.warnings:
        # A file left alone is a warning, so `mkdocs build --strict` stops rather than
        # publish a site missing that page; dropped references are the extractor's business.
        level = logging.WARNING if note.split(":", 1)[0] in refused else logging.INFO
        log.log(level, "kb: %s", note)


# ---------------------------------------------------------------- mkdocs serve
def on_serve(server: Any, config: Any, builder: Any, **_: Any) -> Any:
    # `watch:` in mkdocs.yml may only name paths that exist; the curation file is optional.
    for path in _curation_files(_root(config)):
        server.watch(str(path))
    if hasattr(server, "get_app") and hasattr(server, "set_app"):  # wsgiref's WSGIServer
        server.set_app(ErrorPage(server.get_app()))
    return server


WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class ErrorPage:
    """While the last build failed, answer page requests at once with the error.

    MkDocs' server holds every request until a build succeeds, so without this a
    reader's browser waits until the mistake is fixed. The page reloads itself
    every two seconds; once a build succeeds the site is served again.
    """

    def __init__(self, app: WSGIApp) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        error = _state.error
        path = str(environ.get("PATH_INFO", ""))
        last = path.rsplit("/", 1)[-1]
        is_page = last == "" or last.endswith(".html") or "." not in last
        if error is None or path.startswith("/livereload/") or not is_page:
            return self.app(environ, start_response)
        body = error_page(error).encode("utf-8")
        start_response("500 Internal Server Error", [("Content-Type", "text/html; charset=utf-8"),
                                                     ("Content-Length", str(len(body))), ("Cache-Control", "no-store")])
        return [body]


def error_page(message: str) -> str:
    return ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta http-equiv=\"refresh\" content=\"2\"><title>kb build failed</title>"
            "<style>body{font:16px/1.5 system-ui,sans-serif;margin:2em auto;max-width:60em;padding:0 1em}"
            "pre{background:#f6f6f6;padding:1em;overflow-x:auto;white-space:pre-wrap}</style></head>"
            "<body><h1>The site could not be rebuilt</h1>"
            "<p>Fix this and save; this page reloads by itself and shows the site once a build succeeds.</p>"
            f"<pre id=\"kb-build-error\">{html.escape(message)}</pre></body></html>")


# ---------------------------------------------------------------- search index
def on_page_content(page_html: str, page: Any, **_: Any) -> str:
    from kb.search import index_html

    _state.rendered += 1
    return index_html(page_html, page.meta or {})


def _remove_stale_pages(config: Any) -> None:
    """Pages of entities the last kb build removed: MkDocs leaves their HTML in the site when --dirty."""
    site = Path(config.site_dir)
    for rel in _state.removed:
        if not rel.endswith(".md"):
            continue
        stem = rel[:-3]
        for html_rel in (f"{stem}.html", f"{stem}/index.html"):
            target = site / html_rel
            if target.is_file():
                target.unlink()
    _state.removed = []


def on_post_build(config: Any, **_: Any) -> None:
    from kb.search import build_index, indexed_pages, query_forms

    _remove_stale_pages(config)
    site = Path(config.site_dir)
    (site / "assets").mkdir(parents=True, exist_ok=True)
    (site / "assets/kb-search-terms.json").write_text(json.dumps(query_forms()), encoding="utf-8")
    if _state.serving:
        # The rebuild that kb's own writes to docs/ set off renders nothing: the index is right.
        if _state.rendered or not (site / "pagefind").is_dir():
            _indexer.request(site)
        _state.rendered = 0
        return
    t0, c0 = time.perf_counter(), _children_cpu()
    done = build_index(site)
    if done.returncode != 0:
        raise PluginError(f"search index not built (pagefind): {done.stderr or done.stdout}")
    log.info("kb: search index of %d pages built in %.1f s wall, %.1f s CPU", indexed_pages(site),
             time.perf_counter() - t0, _children_cpu() - c0)


def _children_cpu() -> float:
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return kids.ru_utime + kids.ru_stime


class _Indexer:
    """One Pagefind run at a time in the background; a request during a run starts another after it."""

    DELAY = 3.0  # seconds without a new request before a run starts

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.running = False
        self.again: Path | None = None

    def request(self, site: Path) -> None:
        with self.lock:
            if self.running:
                self.again = site
                return
            self.running = True
        threading.Thread(target=self._run, args=(site,), daemon=True).start()

    def _run(self, site: Path) -> None:
        from kb.search import build_index

        while True:
            time.sleep(self.DELAY)  # the rebuild that kb's writes set off comes first: a reader waits for it
            with self.lock:
                if self.again is not None:
                    site, self.again = self.again, None
                    continue
            done = build_index(site)
            if done.returncode != 0:
                log.error("kb: search index not built (pagefind): %s", done.stderr or done.stdout)
            else:
                log.info("kb: search index updated")
            with self.lock:
                if self.again is None:
                    self.running = False
                    return
                site, self.again = self.again, None


_indexer = _Indexer()
