"""Surviving bad input: a hostile folder of articles through the real `kb build` and `mkdocs build --strict`.

The corpus is generated into tmp_path (nothing big is committed). Every
good article must still be built (its source page and its people exist),
every bad one is named on stderr with its reason, and nothing an article
says can become live markup in the Markdown or in the HTML.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from kb.cli import main as kb_main
from kb.ingest import MAX_BYTES, RawArticle, read_article, read_folder, source_id

REPO = Path(__file__).resolve().parents[1]
HAND_WRITTEN = ("overrides", "assets", "about.md", "tags.md")  # what docs/ holds in git

MEETING = "Defence Minister Arun Bhatia met Italian Defence Minister Silvia Marchi in Rome on Monday."
XSS = f"""NEW DELHI, March 4, 2024 (ANI): {MEETING}

<script>alert(1)</script>

<img src=x onerror=alert(1)> The ministers spoke for an hour. <svg onload=alert(2)>

Read the [communique](javascript:alert(1)) or ![x](javascript:alert(3)) or <javascript:alert(4)>.

[ref]: javascript:alert(5)
See [the ref][ref] and {{{{ jinja }}}} and {{% raw %}} and {{% endraw %}} and {{: onclick="alert(6)" }}.

<a href="javascript:alert(7)">click</a> <iframe src="javascript:alert(8)"></iframe>

Bhatia said the talks covered joint production of naval systems. PTI ABC DEF
"""

HTML_PAGE = """<!DOCTYPE html>
<html><head><title>Kochi port call</title><script>alert('head')</script>
<style>p { color: red }</style></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<script>document.write('<p>injected</p>')</script>
<p>KOCHI, June 19, 2025: Chief of Naval Staff Admiral Vikram Rao received Italian Navy chief
Admiral Paolo Greco at Kochi on Thursday.</p>
<p>The two admirals reviewed the &lt;b&gt;joint&lt;/b&gt; exercise &amp; discussed training.</p>
<p onclick="alert(9)">Greco said the visit <b>deepened</b> ties.</p>
</body></html>
"""

HINDI = ("नई दिल्ली, 4 मार्च (भाषा) रक्षा मंत्री अरुण भाटिया ने सोमवार को रोम में इटली की रक्षा मंत्री सिल्विया मार्ची से "
         "मुलाकात की। दोनों नेताओं ने रक्षा सहयोग पर चर्चा की।\n\nउन्होंने संयुक्त उत्पादन पर भी बात की।\n")

BOILERPLATE = """Also Read | Man Arrested For Theft In Ohio
ALSO READ: Storm hits coast
Advertisement
Follow us on Twitter
https://example.com/story/123
LATEST NEWS
PSG to meet Chelsea
Film star weds
"""

# Names that break YAML when written unquoted: colons, quotes, `---`, `#`, leading `*`, `&`, `!`.
YAML_TITLE = '--- *bold: "quoted" #hash &anchor !tag \'single\' --- ... [x](javascript:alert(1))'
YAML_FM = (f"---\ntitle: {yaml.safe_dump(YAML_TITLE, width=1000).splitlines()[0]}\noutlet: '&ANI: !x'\n"
           "published: 2024-05-02\nlanguage: English\n---\n"
           "ROME, May 2 (ANSA) - Defence Secretary Karan Joshi met Italian Secretary General of Defence "
           "General Marco Ferri in Rome on Thursday.\n")

BILLION_LAUGHS = ("---\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                  "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                  "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
                  "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\nh: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]\n"
                  "title: &t [*h, *h, *h, *h, *h, *h, *h, *h, *h, *h]\noutlet: *t\n---\n"
                  + MEETING.replace("Arun Bhatia", "Dev Malhotra").replace("Silvia Marchi", "Luca Bianchi") + "\n")


@dataclass(frozen=True)
class Good:
    """An article that must be built: its source page exists and these people are found."""

    file: str
    people: tuple[str, ...]
    warning: str | None = None  # a piece of the warning it must be named with on stderr


# file name -> piece of the reason it is skipped with
BAD = {
    "empty.txt": "empty file",
    "blank.md": "empty file",
    "image.txt": "binary",
    "noise.txt": "binary",
    "utf32-garbage.txt": "does not decode",
    "huge.txt": "too large",
    "..evil.txt": "hidden",
    ".hidden.md": "hidden",
    "xss_twin copy.txt": "same text as xss.txt",
    "xss_twin crlf.txt": "same text as xss.txt",
    "xss_twin utf16.txt": "same text as xss.txt",
    "escape.txt": "outside the seeds folder",
    "dangling.txt": "broken link",
    "only-front-matter.md": "no text besides front matter",
    "script-only.html": "no text once the HTML tags are removed",
    "bad? name.txt": "not UTF-8",  # shown with "?" for the byte that is not UTF-8
    "ctrl?[31mred.txt": "control characters",
}

GOOD = [
    Good("xss.txt", ("Arun Bhatia", "Silvia Marchi")),
    Good("latin1.txt", ("Rajiv Menon", "Niccolò Ferrè"), "Windows-1252"),
    Good("utf16.txt", ("Vikram Rao", "Paolo Greco")),
    Good("utf16-be.txt", ("Vikram Rao", "Paolo Greco")),
    Good("utf32.txt", ("Vikram Rao", "Paolo Greco")),
    Good("utf8-bom.txt", ("Vikram Rao", "Paolo Greco")),
    Good("utf16-no-bom.txt", ("Vikram Rao", "Paolo Greco"), "UTF-16 without a byte-order mark"),
    Good("mostly-utf8.txt", ("Rajiv Menon", "Niccolò Ferrè"), "broken byte"),
    Good("nul-late.txt", ("Anil Kapoor", "Marta Conte"), "control"),
    Good("invisible.txt", ("Anil Kapoor", "Marta Conte"), "invisible"),
    Good("page.html", ("Vikram Rao", "Paolo Greco"), "HTML"),
    Good("html-in.txt", ("Vikram Rao", "Paolo Greco"), "HTML"),
    Good("windows crlf.txt", ("Anil Kapoor", "Marta Conte")),
    Good("old mac.txt", ("Anil Kapoor", "Marta Conte")),
    Good("long lines.txt", ("Anil Kapoor", "Marta Conte")),
    Good("a b.txt", ("Arun Bhatia", "Silvia Marchi")),
    Good("a-b.txt", ("Arun Bhatia", "Silvia Marchi")),
    Good("notizia è – रक्षा.txt", ("Arun Bhatia", "Silvia Marchi")),
    Good("रक्षा.txt", ("Arun Bhatia", "Silvia Marchi")),
    Good("समाचार.txt", ("Arun Bhatia", "Silvia Marchi")),
    Good('#1: "q" *star &amp !bang ---.md', ("Karan Joshi", "Marco Ferri")),
    Good("---.txt", ("Arun Bhatia", "Silvia Marchi")),
    Good("broken-front-matter.md", ("Arun Bhatia", "Silvia Marchi"), "front matter"),
    Good("unclosed-front-matter.md", ("Arun Bhatia", "Silvia Marchi"), "front matter"),
    Good("list-front-matter.md", ("Arun Bhatia", "Silvia Marchi"), "front matter"),
    Good("python-tag.md", ("Arun Bhatia", "Silvia Marchi"), "front matter"),
    Good("deep-front-matter.md", ("Arun Bhatia", "Silvia Marchi"), "nested too deeply"),
    Good("index.txt", ("Arun Bhatia", "Silvia Marchi")),
    Good("billion-laughs.md", ("Dev Malhotra", "Luca Bianchi"), "title"),
    Good("published-yesterday.md", ("Arun Bhatia", "Silvia Marchi"), "published: yesterday"),
    Good("published-2023-13-45.md", ("Arun Bhatia", "Silvia Marchi"), "published: 2023-13-45"),
    Good("hindi.txt", (), "not one the lexicons cover"),
    Good("boilerplate.txt", (), "nothing left after removing boilerplate"),
]


def _meeting(who: str) -> str:
    """The meeting sentence with other names, so each article's people can be told apart."""
    return MEETING.replace("Arun Bhatia", who.split("|")[0]).replace("Silvia Marchi", who.split("|")[1])


def write_corpus(seeds: Path) -> None:
    seeds.mkdir(parents=True, exist_ok=True)

    def text(name: str, body: str) -> None:
        (seeds / name).write_text(body, encoding="utf-8")

    def data(name: str, body: bytes) -> None:
        (seeds / name).write_bytes(body)

    naval = ("NAPLES, June 19, 2025 (PTI) Chief of Naval Staff Admiral Vikram Rao met Italian Navy chief "
             "Admiral Paolo Greco in Naples on Thursday. The two admirals reviewed the joint exercise.\n")
    kapoor = _meeting("Anil Kapoor|Marta Conte")

    # --- bad files
    data("empty.txt", b"")
    data("blank.md", b"  \n\t\r\n")
    data("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256)) * 4)
    data("noise.txt", bytes((i * 131 + 7) % 256 for i in range(20_000)).replace(b"\x00", b"\x01"))
    data("utf32-garbage.txt", codecs.BOM_UTF32_LE + b"\xff\xff\xff\xff" * 10)
    with open(seeds / "huge.txt", "wb") as f:  # 50 MB of text
        chunk = (kapoor + "\n\n").encode() * 10_000
        while f.tell() < 50_000_000:
            f.write(chunk)
    text("..evil.txt", MEETING)
    text(".hidden.md", MEETING + " Hidden.")
    text("xss.txt", XSS)
    text("xss_twin copy.txt", XSS)
    data("xss_twin crlf.txt", XSS.replace("\n", "\r\n").encode())
    (seeds.parent / "outside.txt").write_text("Secret text outside the seeds folder.", encoding="utf-8")
    os.symlink(seeds.parent / "outside.txt", seeds / "escape.txt")
    text("only-front-matter.md", "---\ntitle: Nothing here\n---\n\n   \n")
    text("script-only.html", "<html><head><title>x</title></head><body><script>alert(1)</script></body></html>")
    os.symlink(seeds / "missing.txt", seeds / "dangling.txt")
    data("xss_twin utf16.txt", codecs.BOM_UTF16_LE + XSS.encode("utf-16-le"))
    with open(os.path.join(os.fsencode(seeds), b"bad\xff name.txt"), "wb") as f:
        f.write(MEETING.encode())
    text("ctrl\x1b[31mred.txt", MEETING + " Red.\n")
    (seeds / "folder.txt").mkdir()  # not a file: ignored without a word
    data("notes.pdf", b"%PDF-1.4\n\x00\x01")

    # --- good files, some with warnings
    data("latin1.txt", ("ROMA, 3 marzo 2024 - " + _meeting("Rajiv Menon|Niccolò Ferrè")
                        + " The ministers’ talks — on defence — went well.\n").encode("cp1252"))
    # Each with a word of its own: the same text in two encodings is one article.
    data("utf16.txt", codecs.BOM_UTF16_LE + (naval + "UTF-16.\n").encode("utf-16-le"))
    data("utf16-be.txt", codecs.BOM_UTF16_BE + (naval + "Big-endian.\n").encode("utf-16-be"))
    data("utf32.txt", codecs.BOM_UTF32_LE + (naval + "UTF-32.\n").encode("utf-32-le"))
    data("utf8-bom.txt", codecs.BOM_UTF8 + (naval + "BOM.\n").encode())
    data("utf16-no-bom.txt", naval.replace("reviewed", "inspected").encode("utf-16-le"))
    data("mostly-utf8.txt", (_meeting("Rajiv Menon|Niccolò Ferrè") + " Città.").encode() + b" \xff Again.\n")
    filler = "".join(f"Paragraph {i} of the story is here, with nothing much in it.\n" for i in range(150))
    data("nul-late.txt", f"{kapoor}\n{filler}".encode() + b"\x00" * 8 + b"End.\n")  # NULs past the first 8 kB
    text("invisible.txt", kapoor.replace("Anil", "An\u200bil").replace("met", "\u202emet\u202c") + "\n")
    text("page.html", HTML_PAGE)
    text("html-in.txt", HTML_PAGE.replace("Kochi port call", "Kochi call").replace("deepened", "improved"))
    data("windows crlf.txt", f"Headline: ministers meet\r\n\r\n{kapoor}\r\nThey talked.\r\n".encode())
    data("old mac.txt", f"Ministers meet\r\r{kapoor} They talked again.\r".encode())
    # A whole article on one line, a 100 kB line of words without a sentence end, a 100 kB token.
    story = " ".join(f"The delegation visited site {i} and the officials said the talks went well." for i in range(300))
    words = " ".join(f"word{i}" for i in range(12_000))
    text("long lines.txt", f"{kapoor} {story}\n\n{words}\n\n{'=' * 100_000}\n\n{'x' * 100_000}\n")
    text("a b.txt", MEETING + " The talks took an hour.\n")
    text("a-b.txt", MEETING + " The talks took two hours.\n")
    text("notizia è – रक्षा.txt", MEETING + " Notes from Rome.\n")
    text("रक्षा.txt", MEETING + " Notes from Delhi.\n")
    text("समाचार.txt", MEETING + " Notes from Mumbai.\n")
    text('#1: "q" *star &amp !bang ---.md', YAML_FM)
    text("---.txt", f"---\n{MEETING} The dashes were a rule.\n\n---\n\n& * ! # : - not a list\n")
    text("broken-front-matter.md", f"---\ntitle: [unclosed\nurl: 'x\n---\n{MEETING} Broken header.\n")
    text("unclosed-front-matter.md", f"---\ntitle: Never closed\n\n{MEETING} Unclosed header.\n")
    text("list-front-matter.md", f"---\n- a\n- b\n---\n{MEETING} List header.\n")
    text("deep-front-matter.md", f"---\ntitle: {'[' * 5000}\n---\n{MEETING} Deep.\n")
    text("index.txt", MEETING + " Indexed.\n")
    text("python-tag.md", f"---\ntitle: !!python/object/apply:os.system ['echo pwned']\n---\n{MEETING} Tag.\n")
    text("billion-laughs.md", BILLION_LAUGHS)
    text("published-yesterday.md", f"---\ntitle: Yesterday\npublished: yesterday\n---\n{MEETING} Again.\n")
    text("published-2023-13-45.md",
         f"---\ntitle: 'Garbage: date'\npublished: 2023-13-45\nurl: https://example.org/a\n---\n{MEETING} Once more.\n")
    text("hindi.txt", HINDI)
    text("boilerplate.txt", BOILERPLATE)


# ---------------------------------------------------------------- the build
@dataclass
class Run:
    seeds: Path
    out: Path
    code: int
    stdout: str
    stderr: str
    seconds: float  # CPU time of the build

    def md(self) -> dict[Path, str]:
        return {p: p.read_text(encoding="utf-8") for p in sorted(self.out.rglob("*.md"))}

    def page_meta(self, path: Path) -> dict:
        text = path.read_text(encoding="utf-8")
        return yaml.safe_load(text.split("\n---\n", 1)[0][4:])

    def sources(self) -> dict[str, dict]:
        """File name -> front matter of its source page."""
        metas = (self.page_meta(p) for p in (self.out / "sources").glob("*.md") if p.name != "index.md")
        return {m["file"]: m for m in metas}


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    root = tmp_path_factory.mktemp("hostile")
    seeds, out = root / "seeds", root / "docs"
    write_corpus(seeds)
    # CPU seconds of the build, not wall time: a loaded machine must not fail the test.
    start = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
    # cwd: the extraction cache goes into the folder the build runs from.
    proc = subprocess.run([sys.executable, "-c", "import sys; from kb.cli import main; sys.exit(main())",
                           "build", "--seeds", str(seeds), "--out", str(out)],
                          cwd=root, capture_output=True, text=True, timeout=600)
    (seeds / "huge.txt").unlink()  # pytest keeps recent tmp folders: do not leave 50 MB behind
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime - start
    return Run(seeds, out, proc.returncode, proc.stdout, proc.stderr, cpu)


def test_build_survives_and_is_fast(run: Run) -> None:
    assert run.code == 0, run.stderr
    assert "Traceback" not in run.stderr
    # Quadratic behaviour on a hostile file shows as minutes; the corpus builds in seconds.
    assert run.seconds < 60, f"kb build took {run.seconds:.0f} s of CPU"


def test_every_bad_file_is_named_with_its_reason(run: Run) -> None:
    skipped = dict(re.findall(r"^skipped (.+?): (.+)$", run.stderr, re.MULTILINE))
    for name, reason in BAD.items():
        assert name in skipped, f"{name} not reported:\n{run.stderr}"
        assert reason in skipped[name], (name, skipped[name])
    assert not set(skipped) - set(BAD), f"good articles skipped: {set(skipped) - set(BAD)}"


def test_every_good_article_is_built_with_its_people(run: Run) -> None:
    sources = run.sources()
    people = {run.page_meta(p)["name"] for p in (run.out / "people").glob("*.md") if p.name != "index.md"}
    for good in GOOD:
        assert good.file in sources, f"no source page for {good.file}"
        for name in good.people:
            assert name in people, f"{good.file}: {name} not found (people: {sorted(people)})"
        if good.warning:
            lines = [ln for ln in run.stderr.splitlines() if ln.startswith(f"warning: {good.file}: ")]
            assert any(good.warning in ln for ln in lines), (good.file, lines)
    assert set(sources) == {g.file for g in GOOD}


def test_the_huge_file_is_refused_quickly(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.truncate(50_000_000)  # sparse: the size check must come before reading
    start = time.process_time()  # CPU time: a loaded machine must not fail the test
    articles, problems = read_folder(tmp_path)
    assert time.process_time() - start < 1
    assert not articles and "too large" in problems[0].reason and f"{MAX_BYTES // 1_000_000} MB" in problems[0].reason


def test_source_ids_stay_inside_the_output_folder(run: Run) -> None:
    out = run.out.resolve()
    for path in run.out.rglob("*"):
        assert out in path.resolve().parents
        assert not path.name.startswith("..")
    assert not (run.out.parent / "evil.md").exists()
    ids = {m["id"] for m in run.sources().values()}
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9-]*", i) for i in ids), ids
    assert len(ids) == len(GOOD)  # no two articles share a page


def test_languages_and_empty_articles_keep_a_page_but_no_entities(run: Run) -> None:
    sources = run.sources()
    assert sources["hindi.txt"]["language"] == "hi"
    linked = set()
    for folder in ("people", "events", "agreements", "organisations"):
        for p in (run.out / folder).glob("*.md"):
            if p.name != "index.md":
                linked |= set(run.page_meta(p).get("sources") or [])
    assert sources["hindi.txt"]["id"] not in linked
    assert sources["boilerplate.txt"]["id"] not in linked
    hindi_page = (run.out / "sources" / f"{sources['hindi.txt']['id']}.md").read_text(encoding="utf-8")
    assert "रक्षा मंत्री" in hindi_page  # the text is still shown


def test_front_matter_values_survive(run: Run) -> None:
    sources = run.sources()
    yaml_src = sources['#1: "q" *star &amp !bang ---.md']
    assert yaml_src["published"] == "2024-05-02" and yaml_src["outlet"] == "&ANI: !x"
    assert yaml_src["title"].startswith("--- *bold: ")
    garbage = sources["published-2023-13-45.md"]
    assert garbage["published"] is None or garbage["published_basis"] != "front-matter"
    assert garbage["url"] == "https://example.org/a"  # the rest of the header is kept
    assert garbage["title"] == "Garbage: date"
    assert sources["billion-laughs.md"]["title"] != "" and len(str(sources["billion-laughs.md"])) < 2000


def test_no_markup_from_an_article_reaches_the_markdown(run: Run) -> None:
    for path, text in run.md().items():
        body = text.split("\n---\n", 1)[1]
        assert "<script" not in text.lower(), path
        assert not re.search(r"<(?:img|iframe|object|embed)\b", text, re.IGNORECASE), path
        assert not re.search(r"<[a-z][^>]*\son\w+\s*=", text, re.IGNORECASE), path
        assert not re.search(r"\]\(\s*<?\s*javascript:", body, re.IGNORECASE), path
        assert not re.search(r"^\s{0,3}\[[^\]]+\]:\s*javascript:", body, re.IGNORECASE | re.MULTILINE), path
        assert not re.search(r"<[a-z][^>]*href\s*=\s*[\"']?\s*javascript:", text, re.IGNORECASE), path
        assert not re.search(r"<javascript:", text, re.IGNORECASE), path
        assert "{{" not in body and "{%" not in body, path
    xss_id = run.sources()["xss.txt"]["id"]
    page = (run.out / "sources" / f"{xss_id}.md").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # the article text is shown, escaped


def test_html_is_read_as_text_without_its_scripts(run: Run) -> None:
    sources = run.sources()
    for name in ("page.html", "html-in.txt"):
        page = (run.out / "sources" / f"{sources[name]['id']}.md").read_text(encoding="utf-8")
        assert "alert(" not in page and "document.write" not in page and "color: red" not in page, name
        assert "Admiral Paolo Greco" in page
    assert sources["page.html"]["title"] == "Kochi port call"


# ---------------------------------------------------------------- the site
class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[tuple[str, str]] = []  # (type attribute, content)
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))
        if tag == "script":
            self._in_script = True
            self.scripts.append((dict(attrs).get("type") or "", ""))

    def handle_data(self, data: str) -> None:
        if self._in_script:
            kind, text = self.scripts[-1]
            self.scripts[-1] = (kind, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False


@pytest.fixture(scope="module")
def site(run: Run, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("site")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "scripts", root / "scripts")
    (root / "seeds").mkdir()
    shutil.copytree(run.out, root / "docs")
    for name in HAND_WRITTEN:
        src = REPO / "docs" / name
        if src.is_dir():
            shutil.copytree(src, root / "docs" / name, dirs_exist_ok=True)
        else:
            shutil.copy(src, root / "docs" / name)
    env = {**os.environ, "KB_SKIP_BUILD": "1", "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return root / "site"


def test_strict_site_has_no_live_script_from_an_article(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        parsed = Elements()
        parsed.feed(page.read_text(encoding="utf-8"))
        for tag, attrs in parsed.elements:
            assert not any(k.startswith("on") for k in attrs), f"{page}: event handler on <{tag}>"
            for key in ("href", "src", "action", "formaction", "data"):
                assert not attrs.get(key, "").strip().lower().startswith("javascript:"), f"{page}: <{tag} {attrs}>"
            assert tag not in ("iframe", "object", "embed"), f"{page}: <{tag}>"
            assert not (tag == "img" and attrs.get("src") == "x"), f"{page}: injected image"
        for kind, script in parsed.scripts:
            if kind == "application/ld+json":  # data, not code: article strings may be in it, as JSON strings
                json.loads(script)
                assert "</" not in script, f"{page}: JSON-LD could close its <script>"
            else:
                assert "alert(" not in script and "document.write" not in script, f"{page}: script from an article"


# ---------------------------------------------------------------- reading, unit by unit
def test_source_ids_are_unique_readable_and_safe() -> None:
    assert source_id("a b.txt") == "a-b"
    assert source_id("..evil.txt") == "evil"
    assert source_id("notizia è.txt") == "notizia-e"
    hindi, other = source_id("रक्षा.txt"), source_id("समाचार.txt")
    assert hindi != other and re.fullmatch(r"article-[0-9a-f]{8}", hindi)
    assert source_id("---.txt") != source_id("!!!.txt")


def test_the_same_text_in_another_encoding_is_a_twin(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(MEETING, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(codecs.BOM_UTF16_LE + MEETING.encode("utf-16-le"))
    articles, problems = read_folder(tmp_path)
    assert [a.file for a in articles] == ["a.txt"]
    assert problems[0].file == "b.txt" and "same text as a.txt" in problems[0].reason


def test_clashing_ids_get_distinct_stable_ids(tmp_path: Path) -> None:
    (tmp_path / "a b.txt").write_text(MEETING, encoding="utf-8")
    (tmp_path / "a-b.txt").write_text(MEETING + " Again.", encoding="utf-8")
    articles, problems = read_folder(tmp_path)
    assert not problems
    ids = [a.source_id for a in articles]
    assert ids[0] == "a-b" and ids[1].startswith("a-b-") and len(set(ids)) == 2
    assert any("a b.txt" in w for w in articles[1].warnings)


def test_language_names_in_front_matter_are_normalised(tmp_path: Path) -> None:
    for value, want in (("English", "en"), ("EN", "en"), ("en-GB", "en"), ("en_US", "en"), ("Italiano", "it"),
                        ("hindi", "hi"), ("", None)):
        p = tmp_path / "a.md"
        p.write_text(f"---\nlanguage: {value}\n---\nText.\n", encoding="utf-8")
        assert read_article(p).meta.get("language") == want, value


def test_yaml_1_1_surprises_stay_strings(tmp_path: Path) -> None:
    p = tmp_path / "a.md"
    p.write_text("---\ntitle: No\noutlet: 1e3\npublished: 2023-03-02 10:30:00\nurl: ~\n---\nText.\n",
                 encoding="utf-8")
    meta = read_article(p).meta
    assert meta["title"] == "No" and meta["outlet"] == "1e3" and meta["published"] == "2023-03-02 10:30:00"
    assert meta.get("url") is None


def test_cli_returns_zero_and_names_problems_in_process(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # the extraction cache is made in the working folder
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "good.txt").write_text(MEETING, encoding="utf-8")
    (seeds / "bad.txt").write_bytes(b"\x00\x01\x02")
    assert kb_main(["build", "--seeds", str(seeds), "--out", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert "skipped bad.txt: binary" in err


def test_a_header_that_is_meant_as_front_matter_is_not_article_text(tmp_path: Path) -> None:
    p = tmp_path / "a.md"
    p.write_text(f"---\ntitle: [unclosed\nurl: 'x\n---\n{MEETING}\n", encoding="utf-8")
    art = read_article(p)
    assert art.meta == {} and art.body == MEETING + "\n"
    assert "line 3" in art.warnings[0]  # where to look, counted in the file's lines
    p.write_text(f"---\n{MEETING}\n---\nMore text.\n", encoding="utf-8")  # rules around prose: all text
    assert MEETING in read_article(p).body


def test_html_head_gives_metadata_and_front_matter_wins(tmp_path: Path) -> None:
    page = ('<!-- saved --><!doctype html><html lang="en-GB"><head><title> Ships  call </title>'
            '<meta property="article:published_time" content="2025-06-19T10:00:00Z">'
            '<link rel="canonical" href="https://news.example.com/a"><meta property="og:site_name" content="ANI">'
            "</head><body><header><h1>Ships call at Kochi</h1></header><nav>Home | World</nav>"
            f"<article><p>{MEETING}</p><ul><li>one</li><li>two</li></ul></article>"
            "<footer>© 2025</footer></body></html>")
    p = tmp_path / "a.html"
    p.write_text(page, encoding="utf-8")
    art = read_article(p)
    assert art.meta == {"language": "en", "published": "2025-06-19T10:00:00Z", "url": "https://news.example.com/a",
                        "outlet": "ANI", "title": "Ships call"}
    assert art.body == f"Ships call at Kochi\n\n{MEETING}\n\none\n\ntwo"
    p = tmp_path / "b.md"
    p.write_text(f"---\ntitle: Mine\n---\n{page}", encoding="utf-8")
    assert read_article(p).meta["title"] == "Mine"
    p = tmp_path / "c.html"
    p.write_text("<html><body><nav><p>Only a menu, never closed", encoding="utf-8")
    assert read_article(p).body == "Only a menu, never closed"  # dropping menus must not lose everything


def test_long_lines_are_cut_between_sentences(tmp_path: Path) -> None:
    sentences = [f"Capt. Singh met Lt. Gen. Rao at 10 a.m. Monday in the U.S. Navy yard {i}." for i in range(200)]
    p = tmp_path / "a.txt"
    p.write_text(" ".join(sentences) + "\n\n" + "y" * 10_000, encoding="utf-8")
    art = read_article(p)
    lines = art.body.split("\n")
    assert max(len(line) for line in lines) <= 3000 and len(lines) > 10
    for s in sentences:  # no sentence is cut, not even after "Capt.", "a.m." or "U.S."
        assert any(s in line for line in lines), s
    assert "".join(art.body.split()) == "".join((" ".join(sentences) + "y" * 10_000).split())
    assert any("cut into paragraphs" in w for w in art.warnings)


def test_a_link_inside_the_seeds_folder_is_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(MEETING, encoding="utf-8")
    os.symlink("a.txt", tmp_path / "b.txt")
    articles, problems = read_folder(tmp_path)
    assert [a.file for a in articles] == ["a.txt"]
    assert [(p.file, p.reason) for p in problems] == [("b.txt", "same text as a.txt")]


# ---------------------------------------------------------------- bugs found here once, in other modules
def test_a_boilerplate_only_article_is_reported_as_such() -> None:
    from kb.extract import extract_article

    ex = extract_article(RawArticle("b.txt", "b", BOILERPLATE))
    assert not ex.people and not ex.events
    assert any("nothing left after removing boilerplate" in w for w in ex.source.warnings), ex.source.warnings
    assert not any("lexicons cover" in w for w in ex.source.warnings)


def _add(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, article: str) -> Path:
    """`kb add` one article file into an empty seeds folder; the path of its copy."""
    from kb.add import add

    monkeypatch.chdir(tmp_path)  # the extraction cache is made in the working folder
    (tmp_path / "seeds").mkdir()
    given = tmp_path / "given.md"
    given.write_text(article, encoding="utf-8")
    report = add([str(given)], tmp_path / "seeds", tmp_path / "docs", {})
    assert not report.refused and len(report.copied) == 1
    return tmp_path / "seeds" / report.copied[0].file


def test_kb_add_keeps_front_matter_text_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = _add(tmp_path, monkeypatch, f"---\ntitle: No\npublished: 2024-05-02\n---\n{MEETING}\n")
    assert read_article(copy).meta["title"] == "No"
    assert "false" not in copy.name


def test_kb_add_ignores_a_front_matter_title_that_is_not_text(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = "---\na: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\ntitle: [*b, *b]\n---\n"
    copy = _add(tmp_path, monkeypatch, bomb + MEETING + "\n")
    assert "x-x" not in copy.name


def test_the_mkdocs_hook_survives_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("kb_mkdocs_hook_hostile", REPO / "scripts/mkdocs_hook.py")
    assert spec and spec.loader
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    with open(os.path.join(os.fsencode(seeds), b"bad\xff.txt"), "wb") as f:
        f.write(MEETING.encode())
    assert hook.fingerprint(tmp_path, seeds, tmp_path / "docs")
