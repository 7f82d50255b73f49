"""`mkdocs serve --dirty` on a small project, as a user runs it: a mistake in curation.yml is answered
with an error page within seconds (never a hanging request), fixing it serves the site again, and an
article added or removed shows on the served site."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from browser_helpers import make_project

REPO = Path(__file__).resolve().parents[1]
ARTICLES = REPO / "tests/articles"
GOOD = "# corrections\npeople: {}\n"
BAD = "people:\n  no-such-person: {country: Italy}\n"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(url: str, timeout: float = 120) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


def wait_for(check: Callable[[], bool], seconds: float, what: str) -> float:
    """Seconds until `check` held; fails after `seconds`."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        try:
            if check():
                return time.monotonic() - start
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.25)
    pytest.fail(f"{what}: not within {seconds} s")


def timeline_events(url: str) -> set[str]:
    return set(re.findall(r'href="events/([^"#]+)\.html"', get(url + "timeline.html")[1]))


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    make_project(tmp_path, [ARTICLES / "t01_reuters-jwg-new-delhi.txt", ARTICLES / "t02_rome-navy-staff-talks.txt"])
    (tmp_path / "curation.yml").write_text(GOOD, encoding="utf-8")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "KB_SKIP_BUILD"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    log = open(tmp_path / "serve.log", "w")  # noqa: SIM115 - closed below
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty",
                             "--dev-addr", f"127.0.0.1:{port}"], cwd=tmp_path, env=env, stdout=log,
                            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: get(url + "index.html", timeout=5)[0] == 200, 240, "the site served")
        yield url, tmp_path
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
        print((tmp_path / "serve.log").read_text(encoding="utf-8")[-3000:])


def test_a_curation_mistake_shows_an_error_page_and_fixing_it_serves_the_site(served: tuple[str, Path]) -> None:
    url, root = served
    (root / "curation.yml").write_text(BAD, encoding="utf-8")
    took = wait_for(lambda: get(url + "timeline.html", timeout=10)[0] == 500, 30, "the error page")
    status, body = get(url + "people/index.html", timeout=10)
    assert status == 500 and "no-such-person" in body and "kb-build-error" in body
    assert took < 15, took
    (root / "curation.yml").write_text(GOOD, encoding="utf-8")
    wait_for(lambda: get(url + "timeline.html", timeout=60)[0] == 200, 120, "the site served again")


def test_an_article_added_or_removed_shows_on_the_served_site(served: tuple[str, Path]) -> None:
    url, root = served
    before = timeline_events(url)
    new = root / "seeds/t03_mumbai-shipyard-teaming.txt"
    shutil.copy(ARTICLES / new.name, new)
    wait_for(lambda: len(timeline_events(url) - before) > 0, 120, "the new article's events on the timeline")
    source = url + "sources/t03-mumbai-shipyard-teaming.html"
    assert get(source)[0] == 200
    new.unlink()
    wait_for(lambda: get(source, timeout=60)[0] == 404, 120, "the removed article's page gone")
    assert timeline_events(url) == before
