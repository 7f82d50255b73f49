"""The built site: `mkdocs build --strict` on generated pages, what the HTML loads, and the build hook."""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import shutil
import subprocess
import sys
import types
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from test_pages_fixture import NASTY_NAME, sample_kb, sample_problems

from kb.pages import write_pages
from kb.pages.writer import LOCK

REPO = Path(__file__).resolve().parents[1]
HAND_WRITTEN = ("overrides", "assets", "about.md", "tags.md")  # what docs/ holds in git
ARTICLE_HOST = "news.example.com"  # the fixture's one http(s) article address


@dataclass
class Built:
    root: Path
    proc: subprocess.CompletedProcess[str]

    @property
    def site(self) -> Path:
        return self.root / "site"

    def pages(self) -> list[Path]:
        return sorted(self.site.rglob("*.html"))


def make_project(root: Path) -> Path:
    """A copy of the project's MkDocs setup around a docs folder written from the fixture KB."""
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "scripts", root / "scripts")
    (root / "seeds").mkdir()
    docs = root / "docs"
    docs.mkdir()
    for name in HAND_WRITTEN:
        src = REPO / "docs" / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, docs / name)
    return docs


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("project")
    docs = make_project(root)
    report = write_pages(sample_kb(), docs, sample_problems())
    assert not report.refused
    env = {**os.environ, "KB_SKIP_BUILD": "1", "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)  # set, it adds canonical links to that host; CI sets it for Pages
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=600)
    return Built(root, proc)


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[tuple[dict[str, str], str]] = []
        self._script: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.elements.append((tag, a))
        if tag == "script":
            self._script = a
            self.scripts.append((a, ""))

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            a, text = self.scripts[-1]
            self.scripts[-1] = (a, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None


def parse(page: Path) -> Elements:
    parser = Elements()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def is_external(url: str) -> bool:
    return url.startswith("//") or bool(urlsplit(url).scheme and urlsplit(url).scheme not in ("data", "mailto"))


# ---------------------------------------------------------------- the build
def test_strict_build_passes_without_warnings(built: Built) -> None:
    assert built.proc.returncode == 0, built.proc.stderr
    assert "WARNING" not in built.proc.stderr
    assert "not included in the" not in built.proc.stderr  # entity pages are out of the nav, quietly
    assert (built.site / "people/asha-verma.html").is_file()
    assert (built.site / "data/people.csv").is_file()


class ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as data; `!ENV [NAME, default]` reads as its default."""


ConfigLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def test_nav_holds_the_section_pages_only() -> None:
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=ConfigLoader)
    assert config["site_url"] == ""
    assert [next(iter(item)) for item in config["nav"]] == [
        "Home", "Timeline", "People", "Events", "Agreements", "Organisations", "Sources", "Graph", "Recently added"]
    assert config["theme"]["font"] is False
    assert config["plugins"] == ["tags"]  # search: Pagefind, run by the build hook
    assert all((REPO / p).exists() for p in config["watch"])


def test_no_resource_is_loaded_from_another_host(built: Built) -> None:
    external_links = set()
    for page in built.pages():
        for tag, attrs in parse(page).elements:
            for key in ("src", "srcset", "poster", "data", "action", "formaction"):
                assert not is_external(attrs.get(key, "")), f"{page}: <{tag} {key}={attrs[key]}>"
            if tag == "link":
                assert not is_external(attrs.get("href", "")), f"{page}: <link href={attrs['href']}>"
            if tag == "a" and is_external(attrs.get("href", "")):
                external_links.add(urlsplit(attrs["href"]).hostname)
    # Plain links are fine, but the only ones should be to the articles themselves.
    assert external_links == {ARTICLE_HOST}
    for css in built.site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert "@import url(http" not in text and "url(http" not in text.replace("url(https://", "url(http"), css


def test_no_markup_from_the_data_reaches_the_html(built: Built) -> None:
    for page in built.pages():
        parsed = parse(page)
        for tag, attrs in parsed.elements:
            assert not any(k.startswith("on") for k in attrs), f"{page}: event handler on <{tag}>"
            assert not attrs.get("href", "").lower().startswith("javascript:"), f"{page}: {attrs}"
            assert not (tag == "img" and attrs.get("src") == "x"), f"{page}: injected image"
        for attrs, text in parsed.scripts:
            if attrs.get("type") == "application/ld+json":
                json.loads(text)  # valid JSON, so nothing broke out of the string
                assert "</" not in text
            else:
                assert "alert(" not in text, f"{page}: script from article text"


def test_jsonld_describes_each_entity(built: Built) -> None:
    def jsonld(rel: str) -> dict:
        scripts = [t for a, t in parse(built.site / rel).scripts if a.get("type") == "application/ld+json"]
        assert len(scripts) == 1, rel
        return json.loads(scripts[0])

    assert jsonld("people/ohara.html")["name"] == NASTY_NAME
    assert jsonld("people/asha-verma.html")["@type"] == "Person"
    assert jsonld("events/2023-10-09-verma-meets-bellini.html")["@type"] == "Event"
    assert jsonld("agreements/2023-mou-industry.html")["@type"] == "Legislation"
    assert jsonld("organisations/sidm.html")["@type"] == "Organization"


def test_every_internal_link_and_asset_resolves(built: Built) -> None:
    checked = 0
    for page in built.pages():
        for tag, attrs in parse(page).elements:
            for key in ("href", "src"):
                url = attrs.get(key, "")
                if not url or is_external(url) or url.startswith(("#", "data:", "mailto:")):
                    continue
                path = unquote(urlsplit(url).path)
                target = (built.site / path.lstrip("/")) if path.startswith("/") else (page.parent / path)
                if path.endswith("/"):
                    target = target / "index.html"
                assert target.resolve().exists(), f"{page.relative_to(built.site)}: <{tag} {key}={url}>"
                checked += 1
    assert checked > 500


def test_graph_nodes_link_to_person_pages(built: Built) -> None:
    hrefs = [a["href"] for t, a in parse(built.site / "graph.html").elements if t == "a" and "kb-node" in
             a.get("class", "")]
    assert len(hrefs) == 4
    assert all((built.site / h).is_file() for h in hrefs)


def _indexed(html_text: str) -> str:
    """The part of a page Pagefind reads: inside data-pagefind-body, before anything ignored."""
    assert html_text.count("data-pagefind-body") == 1
    return html_text.split("data-pagefind-body", 1)[1]


def test_search_index_is_built_with_the_site(built: Built) -> None:
    entry = json.loads((built.site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert sum(lang["page_count"] for lang in entry["languages"].values()) > 10
    assert (built.site / "pagefind/pagefind.js").is_file()
    assert not (built.site / "search/search_index.json").exists()  # Material's own search is off


def test_search_reads_titles_and_quotes_but_not_article_bodies(built: Built) -> None:
    source = _indexed((built.site / "sources").glob("*.html").__next__().read_text(encoding="utf-8"))
    assert 'class="kb-article" data-search-exclude data-pagefind-ignore' in source
    event = _indexed((built.site / "events/2023-10-09-verma-meets-bellini.html").read_text(encoding="utf-8"))
    assert '<span data-pagefind-meta="kind" data-pagefind-ignore hidden>Event</span>' in event
    assert "signed an agreement on defence cooperation" in event
    person = _indexed((built.site / "people/asha-verma.html").read_text(encoding="utf-8"))
    assert "Defence Secretary" in person and "A. Verma" in person
    # Link lists repeat other pages' titles: their sections are kept out whole.
    assert '<div data-pagefind-ignore><h2 data-search-exclude data-pagefind-ignore id="mentioned-on"' in person
    for name in ("timeline.html", "tags.html"):
        assert "data-pagefind-body" not in (built.site / name).read_text(encoding="utf-8"), name


def test_the_header_has_a_search_box_served_by_this_site(built: Built) -> None:
    html_text = (built.site / "index.html").read_text(encoding="utf-8")
    assert 'class="md-search kb-search"' in html_text and "md-search__input" in html_text
    assert 'src="assets/kb-search.js"' in html_text
    terms = json.loads((built.site / "assets/kb-search-terms.json").read_text(encoding="utf-8"))
    assert terms["IN"] == "Indian Navy"


def test_tags_link_to_the_tags_page(built: Built) -> None:
    html_text = (built.site / "events/2023-10-09-verma-meets-bellini.html").read_text(encoding="utf-8")
    assert 'href="../tags.html#tag:meeting"' in html_text


def test_pages_workflow_builds_strictly_and_deploys() -> None:
    workflow = (REPO / ".github/workflows/pages.yml").read_text(encoding="utf-8")
    for step in ("pip install .", "kb build", "mkdocs build --strict", "actions/upload-pages-artifact",
                 "actions/deploy-pages", "SITE_URL: ${{ steps.pages.outputs.base_url }}/"):
        assert step in workflow
    steps = yaml.safe_load(workflow)["jobs"]["build"]["steps"]
    order = [next((i for i, s in enumerate(steps) if text in json.dumps(s)), -1)
             for text in ("pip install .", "kb build", "configure-pages", "mkdocs build", "upload-pages-artifact")]
    assert -1 not in order and order == sorted(order)


# ---------------------------------------------------------------- the hook
@pytest.fixture
def hook(monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    spec = importlib.util.spec_from_file_location("kb_mkdocs_hook", REPO / "scripts/mkdocs_hook.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.delenv("KB_SKIP_BUILD", raising=False)
    return module


Project = tuple[types.SimpleNamespace, list[Path]]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    """A project folder, a stand-in mkdocs config, and a fake `kb.build` that records its calls."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds/a.txt").write_text("An article.", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    calls: list[Path] = []

    def build(seeds: Path, out: Path) -> types.SimpleNamespace:
        calls.append(seeds)
        written = write_pages(sample_kb(), out, sample_problems())
        return types.SimpleNamespace(articles=1, problems=sample_problems(), written=written)

    monkeypatch.setitem(sys.modules, "kb.build", types.SimpleNamespace(build=build))
    config = types.SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"), docs_dir=str(tmp_path / "docs"))
    return config, calls


def test_hook_builds_once_then_only_when_inputs_change(hook: types.ModuleType, project: Project) -> None:
    config, calls = project
    hook.on_pre_build(config)
    assert len(calls) == 1 and (Path(config.docs_dir) / "people/asha-verma.md").is_file()
    hook.on_pre_build(config)
    hook.on_pre_build(config)
    assert len(calls) == 1  # nothing changed: no build, so `mkdocs serve` does not loop
    seed = Path(config.config_file_path).parent / "seeds/a.txt"
    seed.write_text("An edited article.", encoding="utf-8")
    hook.on_pre_build(config)
    assert len(calls) == 2
    (Path(config.docs_dir) / "people/ohara.md").unlink()
    hook.on_pre_build(config)
    assert len(calls) == 3  # a deleted page is rebuilt


def test_hook_can_be_switched_off(hook: types.ModuleType, project: Project,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    config, calls = project
    monkeypatch.setenv("KB_SKIP_BUILD", "1")
    hook.on_pre_build(config)
    assert calls == []


def test_hook_warns_about_a_hand_written_page_in_the_way(hook: types.ModuleType, project: Project,
                                                         caplog: pytest.LogCaptureFixture) -> None:
    config, calls = project
    Path(config.docs_dir).mkdir()
    (Path(config.docs_dir) / "timeline.md").write_text("# Mine\n", encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="mkdocs.hooks.kb"):
        hook.on_pre_build(config)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings and "timeline.md" in warnings[0]


def test_hook_reports_a_running_build(hook: types.ModuleType, project: Project,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    import fcntl

    from mkdocs.exceptions import PluginError

    config, _ = project
    out = Path(config.docs_dir)
    out.mkdir()
    with open(out / LOCK, "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(PluginError, match="another kb build is running"):
            hook.on_pre_build(config)


def test_hook_reports_a_broken_curation_file(hook: types.ModuleType, project: Project,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs.exceptions import PluginError

    from kb.curation import CurationError

    config, _ = project

    def build(seeds: Path, out: Path) -> None:
        raise CurationError(["curation.yml:3: unknown person 'nobody'"])

    monkeypatch.setitem(sys.modules, "kb.build", types.SimpleNamespace(build=build))
    with pytest.raises(PluginError, match="curation.yml:3: unknown person"):
        hook.on_pre_build(config)


def test_hook_watches_the_curation_file_when_there(hook: types.ModuleType, project: Project) -> None:
    config, _ = project
    watched: list[str] = []
    server = types.SimpleNamespace(watch=watched.append)
    hook.on_serve(server, config=config, builder=None)
    assert watched == []
    curation = Path(config.config_file_path).parent / "curation.yml"
    curation.write_text("people: {}\n", encoding="utf-8")
    hook.on_serve(server, config=config, builder=None)
    assert watched == [str(curation)]


def test_under_serve_a_failed_build_becomes_an_error_page_until_a_build_succeeds(
        hook: types.ModuleType, project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    from kb.curation import CurationError

    config, _ = project
    good = sys.modules["kb.build"]

    def bad(seeds: Path, out: Path) -> None:
        raise CurationError(["curation.yml:3: unknown person 'nobody'"])

    def app(environ: dict[str, str], start_response: object) -> list[bytes]:
        return [b"the site"]

    def get(path: str) -> tuple[str, bytes]:
        status: list[str] = []
        body = b"".join(wrapped({"PATH_INFO": path}, lambda s, headers: status.append(s)))
        return (status or ["200 OK"])[0], body

    hook.on_startup(command="serve", dirty=True)
    served = types.SimpleNamespace(watch=lambda path: None, app=app)
    served.get_app = lambda: served.app
    served.set_app = lambda a: setattr(served, "app", a)
    hook.on_serve(served, config=config, builder=None)
    wrapped = served.app

    monkeypatch.setitem(sys.modules, "kb.build", types.SimpleNamespace(build=bad))
    hook.on_pre_build(config)  # no exception: the server must go on answering
    status, body = get("/people/asha-verma.html")
    assert status.startswith("500") and b"unknown person &#x27;nobody&#x27;" in body and b'http-equiv="refresh"' in body
    assert get("/assets/kb.css")[1] == b"the site"  # assets and the reload poll pass through
    assert get("/livereload/1/2")[1] == b"the site"

    monkeypatch.setitem(sys.modules, "kb.build", good)
    hook.on_pre_build(config)
    assert get("/people/asha-verma.html") == ("200 OK", b"the site")


def test_under_build_a_failed_build_still_stops_mkdocs(hook: types.ModuleType, project: Project,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    config, _ = project

    def broken(seeds: Path, out: Path) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setitem(sys.modules, "kb.build", types.SimpleNamespace(build=broken))
    hook.on_startup(command="build", dirty=False)
    with pytest.raises(RuntimeError, match="a bug"):
        hook.on_pre_build(config)
    hook.on_startup(command="serve", dirty=False)
    hook.on_pre_build(config)
    assert "RuntimeError: a bug" in (hook._state.error or "")
