"""Step 1: read article files, decode them and split metadata from body.

An article is a `.txt` file, a `.md` file whose YAML front matter may give
`title`, `url`, `outlet`, `published`, `language`, or a saved web page
(`.html`, or any article file that is a whole HTML document), read as its
text. Anything that cannot be read as text is reported as a Problem with its
reason; it never stops the other articles.

The body handed on is normalised text: decoded, one kind of line break, no
control or invisible formatting characters, NFC, and no line so long that
later steps (which scan line by line) would take minutes over it. Every later
step quotes from this body, so the normalisation is safe for evidence.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import yaml

from .lexicon import languages
from .model import Problem

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
HTML_SUFFIXES = {".html", ".htm"}
# A news article is a few kB and a long feature under 100 kB; a file of 1 MB
# is a dump of many pages, a book or data, and extraction time grows faster
# than linearly with length, so it is refused before it is even read.
MAX_BYTES = 1_000_000
META_KEYS = ("title", "url", "outlet", "published", "language")
MAX_META_CHARS = 500  # a title longer than this is a paragraph pasted in by mistake
# Lines longer than this are cut into paragraphs (see _split_long_lines). No
# real paragraph is this long; whole articles on one line are.
LONG_LINE = 3000
PARAGRAPH_TARGET = 1000
# A NUL in the first block is how binary formats (images, PDF, Office) show.
BINARY_SNIFF = 8192

# Line breaks of every convention become "\n": later steps split on "\n" only.
_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# Control characters, and invisible characters that can hide or reorder text
# (zero-width spaces, bidi overrides and isolates). ZWJ/ZWNJ stay: Indic
# scripts need them.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069]")
_YAML_NULLS = {"", "~", "null", "Null", "NULL"}
_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)
_RESERVED_IDS = {"index", "tags"}  # page names the site keeps for its own index pages
MAX_ID = 80


class ArticleError(Exception):
    """The file is not a usable article; the message says why."""


@dataclass
class RawArticle:
    file: str  # name inside the seeds folder
    source_id: str
    body: str  # decoded text without front matter
    meta: dict[str, str | None] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    digest: str = ""  # hash of the file's bytes: the cache key


def _short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def source_id(file_name: str) -> str:
    """`000_b859554c56ab1284.txt` -> `000-b859554c56ab1284`.

    Accents are folded ("notizia è" -> "notizia-e"). A name with nothing
    left ("रक्षा.txt", "---.txt") gets `article-<hash of the name>`, so two
    such files do not clash. The id is only ever [a-z0-9-], so it cannot
    climb out of a folder whatever the file is called (`..evil.txt`).
    """
    stem = Path(file_name).stem
    folded = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    if not slug:
        return f"article-{_short_hash(file_name)}"
    if len(slug) > MAX_ID:  # file systems and the page writer limit name length
        slug = f"{slug[:MAX_ID].rstrip('-')}-{_short_hash(file_name)}"
    if slug in _RESERVED_IDS:
        slug = f"{slug}-article"
    return slug


# ---------------------------------------------------------------- decoding
_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a byte-order mark: every other byte is NUL."""
    if len(data) < 8 or len(data) % 2:
        return None
    sample = data[:BINARY_SNIFF]
    for enc, zeros in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if zeros.count(0) >= 0.9 * len(zeros):
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                return None
    return None


def decode(data: bytes) -> tuple[str, list[str]]:
    """Bytes to text: BOMs first, then UTF-8, then Windows-1252 with a warning.

    Refuses binary data (NUL bytes early on, or many control characters).
    """
    warnings: list[str] = []
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(data.decode(enc)), warnings
            except UnicodeDecodeError as exc:
                raise ArticleError(f"starts with a {enc} byte-order mark but does not decode ({exc.reason})") from exc
    if b"\x00" in data[:BINARY_SNIFF]:
        text = _utf16_without_bom(data)
        if text is None:
            raise ArticleError("binary file (contains NUL bytes), not a text article")
        warnings.append("UTF-16 without a byte-order mark; read as UTF-16")
        return _check_text(text), warnings
    try:
        return _check_text(data.decode("utf-8")), warnings
    except UnicodeDecodeError:
        pass
    # Mostly UTF-8 with a few broken bytes (a bad copy, a truncated download):
    # replacing those beats reading every accent of the file as mojibake.
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for c in text if ord(c) > 127) - bad
    if good > bad:
        warnings.append(f"not valid UTF-8: {bad} broken byte sequence(s) replaced by �")
        return _check_text(text), warnings
    text = _check_text(data.decode("cp1252", errors="replace"))
    if text.count("\ufffd") > max(10, len(text) // 100):
        raise ArticleError("not decodable as UTF-8 or Windows-1252 text")
    warnings.append("not valid UTF-8; read as Windows-1252 (Latin-1)")
    return text, warnings


def _check_text(text: str) -> str:
    """Decoded text that is plainly not prose (control characters everywhere) is binary."""
    controls = len(_CONTROL.findall(text))
    if controls > max(8, len(text) // 100):
        raise ArticleError(f"binary file ({controls} control characters), not a text article")
    return text


def normalise(text: str) -> tuple[str, list[str]]:
    """One kind of line break, no control or invisible characters, NFC."""
    warnings: list[str] = []
    text = _BREAKS.sub("\n", text)
    removed = len(_CONTROL.findall(text)) + len(_INVISIBLE.findall(text.lstrip("\ufeff")))
    text = _INVISIBLE.sub("", _CONTROL.sub("", text))
    if removed:
        warnings.append(f"{removed} control or invisible character(s) removed")
    # One spelling per letter: "e" + combining accent and "é" must be the same name.
    text = unicodedata.normalize("NFC", text)
    return text, warnings


# A place to cut a long line: a sentence end after a lower-case word of three
# letters or more, or a number ("talks. The", "2023. The"; not "Capt. Singh",
# "U.S. Navy" or "p.m. Monday"), before a capital.
_CUT = re.compile(r"(?:(?<![A-Za-z.])[a-z]{3,}|\d)(?P<end>[.!?]+[)\"'”’]?)\s+(?=[\"“‘(]?[A-Z])")


def _split_long_lines(text: str) -> tuple[str, int]:
    """Cut lines over LONG_LINE characters into paragraphs of about PARAGRAPH_TARGET.

    Why: a whole article on one line, or a megabyte of words without a line
    break, makes the line-by-line steps (publication date, boilerplate)
    quadratic. Cuts go at sentence ends where possible, so sentences stay
    whole; a run with no sentence end is cut at a space, or anywhere as a
    last resort.
    """
    lines = text.split("\n")
    if all(len(line) <= LONG_LINE for line in lines):
        return text, 0
    out: list[str] = []
    split = 0
    for line in lines:
        if len(line) <= LONG_LINE:
            out.append(line)
            continue
        split += 1
        start = 0
        for m in _CUT.finditer(line):
            if m.end("end") - start >= PARAGRAPH_TARGET:
                out += [*_hard_wrap(line[start:m.end("end")]), ""]
                start = m.end()
        out += [*_hard_wrap(line[start:]), ""]
    return "\n".join(out), split


def _hard_wrap(piece: str) -> list[str]:
    """A piece still over LONG_LINE has no sentence end to cut at: cut at spaces."""
    chunks: list[str] = []
    while len(piece) > LONG_LINE:
        cut = piece.rfind(" ", PARAGRAPH_TARGET, LONG_LINE)
        if cut < 0:
            cut = LONG_LINE
        chunks.append(piece[:cut].rstrip())
        piece = piece[cut:].lstrip()
    chunks.append(piece)
    return [c for c in chunks if c]


# ---------------------------------------------------------------- front matter
class _MetaLoader(yaml.SafeLoader):
    """YAML without implicit types: `title: No` stays "No", `published: 2023-13-45`
    stays text for pubdate to judge (SafeLoader raises on it and loses the whole header)."""


# Keep the structure (mappings, sequences, anchors) but resolve no scalar to a
# bool, number, date or null: every scalar is a string.
_MetaLoader.yaml_implicit_resolvers = {}


def _meta_value(key: str, value: object, warnings: list[str]) -> str | None:
    if isinstance(value, dt.date):  # kept for callers passing already-parsed metadata
        return value.isoformat()[:10]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        # A list or mapping (or an alias bomb) is not a title: never str() it.
        warnings.append(f"front matter `{key}` is a {type(value).__name__}, not text; ignored")
        return None
    text = " ".join(value.split())
    if text in _YAML_NULLS:
        return None
    if len(text) > MAX_META_CHARS:
        warnings.append(f"front matter `{key}` is {len(text)} characters long; cut to {MAX_META_CHARS}")
        text = text[:MAX_META_CHARS].rstrip() + "…"
    if key == "language":
        return language_code(text)
    return text


def language_code(value: str) -> str:
    """`English`, `EN`, `en-GB`, `en_US` -> `en`; anything else lower-cased as given."""
    v = value.strip().lower()
    v = languages()["names"].get(v, v)
    m = re.fullmatch(r"([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*", v)
    return m.group(1) if m else v


def _looks_like_mapping(block: str) -> bool:
    """Front matter that is broken YAML, but plainly meant as `key: value` lines."""
    lines = [ln for ln in block.split("\n") if ln.strip() and not ln.lstrip().startswith("#")]
    keyed = sum(1 for ln in lines if re.match(r"[A-Za-z_][\w -]{0,40}:(?:\s|$)", ln))
    return bool(lines) and keyed >= max(1, len(lines) // 2)


def _yaml_reason(exc: Exception, offset: int) -> str:
    """`problem, line N` (of the file) for a YAML error, short enough for one line of a report."""
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem:
        mark = exc.problem_mark
        return f"{exc.problem}, line {mark.line + 1 + offset}" if mark else exc.problem
    return " ".join(str(exc).split())[:160]


_OPEN = re.compile(r"---[ \t]*(?:\n|$)")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


def split_front_matter(text: str) -> tuple[dict[str, str | None], str, list[str]]:
    """Front matter (known keys only, as text) and body. A broken header is a warning, not a failure.

    A header that is not YAML but is plainly `key: value` lines is dropped
    from the body (it is not article text); anything else after a first `---`
    line is read as text, since articles may open with a rule.
    """
    opening = _OPEN.match(text)
    if not opening:
        return {}, text, []
    closing = _CLOSE.search(text, opening.end())
    if not closing:
        return {}, text, ["starts with `---` but no closing `---` line ends the front matter; read as text"]
    block = text[opening.end():closing.start()]
    body = text[closing.end():].removeprefix("\n")
    try:
        data = yaml.load(block, Loader=_MetaLoader)  # a SafeLoader that resolves fewer types
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        reason = _yaml_reason(exc, text[:opening.end()].count("\n"))
        if _looks_like_mapping(block):
            return {}, body, [f"front matter is not valid YAML ({reason}); its keys were ignored"]
        return {}, text, [f"front matter is not valid YAML ({reason}); read as text"]
    if data is None:
        return {}, body, []
    if not isinstance(data, dict):
        return {}, text, ["starts with `---` but what follows is not `key: value` front matter; read as text"]
    warnings: list[str] = []
    meta = {k: _meta_value(k, data[k], warnings) for k in META_KEYS if k in data}
    return {k: v for k, v in meta.items() if v is not None}, body, warnings


def all_front_matter(text: str) -> dict[str, str]:
    """Every text-valued key of a file's front matter, unknown ones too (they are a person's notes).

    Raises yaml.YAMLError when the header is not valid YAML. Values are read
    as text (`title: No` stays "No"); lists, mappings and aliases are left out.
    """
    opening = _OPEN.match(text)
    closing = _CLOSE.search(text, opening.end()) if opening else None
    if not opening or not closing:
        return {}
    try:
        data = yaml.load(text[opening.end():closing.start()], Loader=_MetaLoader)
    except RecursionError as exc:
        raise yaml.YAMLError("nested too deeply") from exc
    if not isinstance(data, dict):
        return {}
    return {str(k): v for k, v in data.items() if isinstance(v, str)}


# ---------------------------------------------------------------- HTML
def is_html(text: str, suffix: str = "") -> bool:
    """A saved web page: by its suffix, or a text that is a whole HTML document."""
    return suffix.lower() in HTML_SUFFIXES or bool(_HTML_START.match(text[:4096]))


class _HTMLText(HTMLParser):
    """The readable text of a page: paragraphs for block elements, no scripts, styles or menus."""

    # Never article text. `structural` ones are dropped only when the page still has text without them.
    DROP = {"script", "style", "template", "noscript", "iframe", "object", "embed", "svg", "math", "canvas",
            "video", "audio", "select", "textarea", "button", "head"}
    STRUCTURAL = {"nav", "footer", "aside", "form", "menu", "dialog"}
    BLOCK = {"p", "div", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
             "tr", "table", "section", "article", "header", "main", "blockquote", "pre", "figure", "figcaption",
             "address", "details", "summary", "body", "html", "title"}
    VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "source", "track", "wbr", "embed"}

    def __init__(self, drop_structural: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.drop = self.DROP | (self.STRUCTURAL if drop_structural else set())
        self.stack: list[str] = []  # open elements whose content is dropped
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.title: list[str] = []
        self.in_title = False
        self.meta: dict[str, str] = {}

    def _flush(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.blocks.append(text)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "html" and a.get("lang"):
            self.meta.setdefault("language", a["lang"])
        if tag == "meta":
            self._meta(a)
        if tag == "link" and "canonical" in a.get("rel", "").lower().split() and a.get("href"):
            self.meta.setdefault("url", a["href"])
        if tag == "body":  # an unclosed <head> ends here
            self.stack = [t for t in self.stack if t != "head"]
        if tag == "title":
            self.in_title = True
            return
        if tag in self.drop and tag not in self.VOID:
            self.stack.append(tag)
        elif tag in self.BLOCK and not self.stack:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
            return
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass
        elif tag in self.BLOCK and not self.stack:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.stack:
            self.current.append(data)

    def _meta(self, a: dict[str, str]) -> None:
        name = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
        content = a.get("content", "")
        key = {"og:title": "title", "og:url": "url", "og:site_name": "outlet",
               "article:published_time": "published", "datepublished": "published", "date": "published",
               "pubdate": "published"}.get(name)
        if key and content.strip():
            self.meta.setdefault(key, content)

    def text(self) -> str:
        self._flush()
        return "\n\n".join(self.blocks)


def html_to_text(html: str) -> tuple[str, dict[str, str]]:
    """The text of an HTML page and what its head says (title, url, published, outlet, language).

    Scripts, styles and the like are dropped with their content; menus and
    footers too unless that leaves nothing. Entities are decoded: the text is
    plain text from here on, escaped again by the page writer.
    """
    for drop_structural in (True, False):
        parser = _HTMLText(drop_structural)
        try:
            parser.feed(html)
            parser.close()
        except (AssertionError, ValueError):  # html.parser's rare give-ups on malformed markup
            pass
        text = parser.text()
        if text.strip():
            break
    meta = dict(parser.meta)
    title = " ".join("".join(parser.title).split())
    if title:
        meta["title"] = title  # the page's own <title> beats og:title, which sites often pad
    return text, meta


# ---------------------------------------------------------------- files
def read_article(path: Path) -> RawArticle:
    """Read one article file; raises ArticleError with a reason a user can act on."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:  # checked before reading: a huge file costs nothing to refuse
            raise ArticleError(_too_large(size))
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)  # a file growing while we read is still bounded
    except OSError as exc:
        raise ArticleError(f"cannot be read ({exc.strerror or exc})") from exc
    if len(data) > MAX_BYTES:
        raise ArticleError(_too_large(len(data)))
    if not data.strip():
        raise ArticleError("empty file")
    text, warnings = decode(data)
    text, more = normalise(text)
    warnings += more
    if not text.strip():
        raise ArticleError("empty file")
    meta, body, fm_warnings = split_front_matter(text)
    warnings += fm_warnings
    if is_html(body, path.suffix):
        body, page_meta = html_to_text(body)
        warnings.append("HTML page: read as text, tags removed (scripts, styles and menus dropped)")
        page_warnings: list[str] = []
        for key, value in page_meta.items():
            if key not in meta:
                v = _meta_value(key, value, page_warnings)
                if v is not None:
                    meta[key] = v
        warnings += page_warnings
    if not body.strip():
        raise ArticleError("no text besides front matter" if text.lstrip().startswith("---")
                           else "no text once the HTML tags are removed")
    # After the HTML step: a minified page is one long line until its tags are gone.
    body, split = _split_long_lines(body)
    if split:
        warnings.append(f"{split} line(s) longer than {LONG_LINE} characters cut into paragraphs")
    return RawArticle(
        file=path.name,
        source_id=source_id(path.name),
        body=body,
        meta=meta,
        warnings=warnings,
        digest=hashlib.sha256(data).hexdigest(),
    )


def _too_large(size: int) -> str:
    return (f"{size / 1_000_000:.1f} MB is too large for a news article (limit {MAX_BYTES // 1_000_000} MB); "
            "give each article its own file")


def display_name(name: str) -> str:
    """A file name safe to print and to write into a page: undecodable bytes and control characters as "?"."""
    name = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return re.sub(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ufffd]", "?", name)


def _candidates(seeds: Path) -> list[tuple[Path, str | None]]:
    """Files with an article suffix, in a stable order, each with the reason it is skipped (or None)."""
    root = seeds.resolve()
    found: list[tuple[Path, str | None]] = []
    for p in sorted(seeds.iterdir()):
        if p.suffix.lower() not in ARTICLE_SUFFIXES:
            continue
        if display_name(p.name) != p.name:
            # The name is the article's identity on its page and in every report:
            # one that cannot be printed as it is (bytes that are not UTF-8, a
            # newline or a terminal escape) is refused rather than shown altered.
            found.append((p, "its file name has bytes that are not UTF-8 text or control characters; rename it"))
            continue
        if p.name.startswith("."):
            found.append((p, "hidden file (its name starts with a dot); rename it to build it"))
            continue
        if p.is_symlink():
            try:
                target = p.resolve(strict=True)
            except (OSError, RuntimeError):
                found.append((p, "a link to nothing (broken link)"))
                continue
            if root not in target.parents:
                found.append((p, "a link to a file outside the seeds folder; copy the article in instead"))
                continue
        if not p.is_file():  # a folder or a device named like an article: not ours to read
            continue
        found.append((p, None))
    return found


def article_paths(seeds: Path) -> list[Path]:
    """Article files in a folder, in a stable order; hidden files and links out of the folder are left out."""
    return [p for p, why in _candidates(seeds) if why is None]


def text_key(body: str) -> str:
    """What makes two files the same article: the words, whatever the encoding or line breaks."""
    return hashlib.sha256(" ".join(body.split()).encode("utf-8", "surrogatepass")).hexdigest()


def read_folder(seeds: Path,
                read: Callable[[Path], RawArticle] | None = None) -> tuple[list[RawArticle], list[Problem]]:
    """Every readable article of the folder, and a Problem (file, reason) for every other article file.

    `read` reads one file (default read_article; a long-running build passes one that remembers).
    """
    read = read or read_article
    articles: list[RawArticle] = []
    problems: list[Problem] = []
    texts: dict[str, str] = {}  # text key -> file, to report twins
    ids: dict[str, str] = {}  # source id -> file
    for path, why in _candidates(seeds):
        if why is not None:
            problems.append(Problem(display_name(path.name), why))
            continue
        try:
            art = read(path)
        except ArticleError as exc:
            problems.append(Problem(path.name, str(exc)))
            continue
        except Exception as exc:  # a bug on one odd file must not cost the other articles their pages
            problems.append(Problem(path.name, f"cannot be read: {type(exc).__name__}: {exc}"))
            continue
        key = text_key(art.body)
        if key in texts:
            problems.append(Problem(path.name, f"same text as {texts[key]}"))
            continue
        if art.source_id in ids:
            # Stable: the suffix depends on this file's own name only.
            taken = art.source_id
            art.source_id = f"{taken}-{_short_hash(path.name)}"
            art.warnings.append(f"page id {taken} is taken by {ids[taken]}; this article's id is {art.source_id}")
        texts[key] = ids[art.source_id] = path.name
        articles.append(art)
    return articles, problems
