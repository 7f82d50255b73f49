"""Helpers for the browser tests: build a site in a temporary project, serve it, drive Chromium.

The browser is Debian's Chromium at /usr/bin/chromium (scripts/test.sh installs it
with apt-get on CI); Playwright's own browser download is never used.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
# What docs/ holds in git: everything else in it is written by `kb build`.
HAND_WRITTEN = ("overrides", "assets", "about.md", "tags.md", "SCHEMA.md")
ARTIFACTS = REPO / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
LOCAL_HOSTS = {"127.0.0.1"}


# ---------------------------------------------------------------- the project
@dataclass
class Project:
    root: Path
    kb_build: subprocess.CompletedProcess[str]
    mkdocs_build: subprocess.CompletedProcess[str]

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def docs(self) -> Path:
        return self.root / "docs"


def make_project(root: Path, article_files: Iterable[Path]) -> Path:
    """A copy of the project's MkDocs set-up, its hand-written docs and the given articles; returns seeds/."""
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "scripts", root / "scripts")  # the build hook mkdocs.yml names
    if (REPO / "curation.yml").is_file():
        shutil.copy(REPO / "curation.yml", root / "curation.yml")
    docs = root / "docs"
    docs.mkdir()
    for name in HAND_WRITTEN:
        src = REPO / "docs" / name
        if src.exists():
            (shutil.copytree if src.is_dir() else shutil.copy)(src, docs / name)
    seeds = root / "seeds"
    seeds.mkdir(exist_ok=True)
    for path in article_files:
        shutil.copy(path, seeds / path.name)
    return seeds


def build_project(root: Path, timeout: float = 600, env: dict[str, str] | None = None,
                  mkdocs: bool = True) -> Project:
    """`kb build` then (unless not `mkdocs`) `mkdocs build --strict`, run in the project as a user
    would; `env` adds environment variables (SOURCE_DATE_EPOCH, say)."""
    bin_dir = Path(sys.executable).parent
    # SITE_URL as the Pages workflow sets it: 404.html then links its assets under the prefix.
    env = {**os.environ, "KB_SKIP_BUILD": "1", "NO_MKDOCS_2_WARNING": "1", "CI": "true",
           "SITE_URL": f"http://127.0.0.1{PREFIX}", **(env or {})}
    kb = subprocess.run([str(bin_dir / "kb"), "build", "--seeds", "seeds", "--out", "docs"], cwd=root, env=env,
                        capture_output=True, text=True, timeout=timeout)
    if kb.returncode != 0 or not mkdocs:
        return Project(root, kb, subprocess.CompletedProcess([], -1 if kb.returncode else 0, "", "not run"))
    mk = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root, env=env,
                        capture_output=True, text=True, timeout=timeout)
    return Project(root, kb, mk)


# ---------------------------------------------------------------- the server
# GitHub Pages serves a project's site under /<repository>/, so the tests do too: a link that
# only works at the root of a host (href="/assets/...") is broken there, and is caught here.
PREFIX = "/india-italy-kb/"


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Files of the site under PREFIX; anything missing gets the site's 404.html with status 404,
    as on GitHub Pages."""

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass

    def _in_site(self) -> bool:
        path = urlsplit(self.path).path
        if not path.startswith(PREFIX):
            return False
        self.path = "/" + self.path[len(PREFIX):]
        return True

    def do_GET(self) -> None:
        if self._in_site():
            super().do_GET()
        else:
            self.send_error(404)

    def do_HEAD(self) -> None:
        if self._in_site():
            super().do_HEAD()
        else:
            self.send_error(404)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve `directory` under PREFIX on 127.0.0.1 on a free port, in a thread; yields the
    site's base URL (ending in /)."""
    handler = functools.partial(PagesHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


# ---------------------------------------------------------------- the browser
def launch(playwright: Any) -> Any:
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


@dataclass
class Watch:
    """What a browser context did that it should not: requests to other hosts, console errors."""

    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return ([f"request to another host (aborted): {u}" for u in self.blocked]
                + [f"console error: {e}" for e in self.errors])


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or parts.hostname in LOCAL_HOSTS


def watched_context(browser: Any, **options: Any) -> tuple[Any, Watch]:
    """A fresh browser context that aborts and records any request not to 127.0.0.1, and records
    console errors and uncaught exceptions of every page opened in it."""
    context = browser.new_context(**options)
    watch = Watch()

    def route(r: Any) -> None:
        if is_local(r.request.url):
            r.continue_()
        else:
            watch.blocked.append(r.request.url)
            r.abort("blockedbyclient")

    def on_page(page: Any) -> None:
        page.on("console", lambda m: m.type == "error" and watch.errors.append(f"{page.url}: {m.text}"))
        page.on("pageerror", lambda e: watch.errors.append(f"{page.url}: uncaught {e}"))

    context.route("**/*", route)
    context.on("page", on_page)
    return context, watch


def screenshot(page: Any, name: str, full_page: bool = True) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    # Material fades the navigation tabs in after load; a shot taken at once shows them blank.
    page.wait_for_timeout(800)
    page.screenshot(path=str(path), full_page=full_page)
    return path


# ---------------------------------------------------------------- Material's search box
SEARCH_INPUT = "input.md-search__input"
SEARCH_RESULT = ".md-search-result__item"
SEARCH_LINK = ".md-search-result__link"


def search(page: Any, query: str, timeout_ms: float = 20_000) -> list[str]:
    """Type `query` into the header's search box as a user would; the result links' paths, in order."""
    page.click(SEARCH_INPUT)
    page.keyboard.type(query)
    page.wait_for_selector(SEARCH_RESULT, timeout=timeout_ms)
    return [urlsplit(a.get_attribute("href") or "").path for a in page.query_selector_all(SEARCH_LINK)]
