"""Turning untrusted strings into Markdown that renders as plain text.

Everything an article or the extractor produced (names, titles, quotes, the
article text itself) goes through `inline` or `article_html` before it reaches
a page. Markdown and HTML metacharacters become numeric character references:
Python-Markdown passes those through untouched whatever extensions are on, so
no link, image, emphasis, attribute list or raw HTML can be smuggled in.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterable

# Characters that start Markdown or HTML syntax inline. Quotes, `(`, `)`, `.`,
# `-`, `:` are harmless once `[`, `<` and line starts are neutralised, and stay
# readable in names like O'Hara.
_INLINE_SPECIAL = {c: f"&#{ord(c)};" for c in "&<>\\`*_[]{}|#!~^"}
_INLINE_SPECIAL["&"] = "&amp;"
_INLINE_SPECIAL["<"] = "&lt;"
_INLINE_SPECIAL[">"] = "&gt;"
# Line starts that open a block (the rest, like `#`, `>`, `*`, are entities already).
_BLOCK_START = set("-+=?:")
_INLINE_RE = re.compile("[" + re.escape("".join(_INLINE_SPECIAL)) + "]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029]")
_SPACE = re.compile(r"\s+")

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def one_line(value: object) -> str:
    """Whitespace collapsed, control characters dropped: safe for one table cell or list item."""
    return _SPACE.sub(" ", _CONTROL.sub(" ", str(value))).strip()


def _escape(text: str) -> str:
    return _INLINE_RE.sub(lambda m: _INLINE_SPECIAL[m.group()], text)


def _safe_line_start(escaped: str) -> str:
    """Escaped text that may start a line or list item: no list, rule, heading, quote or admonition."""
    if escaped[:1] in _BLOCK_START:
        escaped = f"&#{ord(escaped[0])};{escaped[1:]}"
    return re.sub(r"^(\d+)\.", r"\1&#46;", escaped)  # "2023. foo" would start an ordered list


def inline(value: object) -> str:
    """An untrusted string as Markdown that shows exactly that text and nothing else, wherever it goes."""
    return _safe_line_start(_escape(one_line(value)))


def attr(value: object) -> str:
    """Text for raw HTML we write ourselves (attribute values, SVG labels)."""
    # Brackets too: were the HTML ever read as Markdown, no link could form.
    return html.escape(one_line(value), quote=True).replace("[", "&#91;").replace("]", "&#93;")


# The language the site's own words are in (mkdocs.yml theme.language); text in another is marked.
SITE_LANGUAGE = "en"
_LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


def lang(language: str | None) -> str:
    """The language tag to mark text of an article written in `language` with: "" for the site's own
    language, an unknown one, or anything that is not a well-formed tag."""
    if not language or language == SITE_LANGUAGE or not _LANGUAGE_TAG.fullmatch(language):
        return ""
    return language


def safe_title(value: object) -> str:
    """A page title MkDocs themes can print unescaped: no tags, no entities.

    Material prints `page.title` raw in the header and strips tags then
    unescapes it in <title>, so neither raw nor escaped markup is safe there.
    """
    text = one_line(value).replace("<", "‹").replace(">", "›")
    return re.sub(r"&(?=#?\w+;)", "＆", text) or "untitled"


def tag(value: object) -> str:
    """A tag for the Material tags plugin, which prints tags unescaped."""
    return re.sub(r"[^\w .,'()–-]+", " ", one_line(value)).strip()


def external_link(url: str | None) -> str:
    """A plain <a> to an article's web address; anything but http(s) is shown as text only."""
    if not url:
        return "none"
    url = one_line(url)
    if not re.match(r"https?://[^\s]+$", url, re.IGNORECASE):
        return inline(url)
    return f'<a href="{html.escape(url, quote=True)}" rel="nofollow noopener noreferrer">{inline(url)}</a>'


# ---------------------------------------------------------------- dates
def human_date(value: str | None) -> str:
    """ISO date with its precision visible: `2023-03` is "March 2023", None is "unknown"."""
    if not value:
        return "unknown"
    m = ISO_DATE.fullmatch(str(value))
    if not m:
        return inline(value)
    year, month, day = m.groups()
    if month and 1 <= int(month) <= 12:
        name = MONTHS[int(month) - 1]
        return f"{int(day)} {name} {year}" if day else f"{name} {year}"
    return year


def date_range(start: str | None, end: str | None) -> str:
    if end and end != start:
        return f"{human_date(start)} – {human_date(end)}"
    return human_date(start)


def sort_date(value: str | None) -> str:
    """Key that orders ISO dates of any precision; unknown dates sort first (last when reversed)."""
    return str(value) if value and ISO_DATE.fullmatch(str(value)) else ""


def year_of(value: str | None) -> str | None:
    m = ISO_DATE.fullmatch(str(value or ""))
    return m.group(1) if m else None


def month_of(value: str | None) -> int | None:
    m = ISO_DATE.fullmatch(str(value or ""))
    return int(m.group(2)) if m and m.group(2) and 1 <= int(m.group(2)) <= 12 else None


# ---------------------------------------------------------------- blocks
def table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    """A Markdown table; cells must already be escaped (links, `inline`)."""
    head = list(header)
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(c or " " for c in row) + " |" for row in rows]
    return "\n".join(lines)


def bullets(items: Iterable[str], empty: str = "None recorded.") -> str:
    lines = [f"- {item}" for item in items]
    return "\n".join(lines) if lines else f"*{empty}*"


# attr_list line that keeps the paragraph above it out of the search index
NOT_SEARCHED = "{ data-search-exclude }"


def blockquote(quote: str, cite: str, searchable: bool = True) -> str:
    """A quote and its source; the citation (a source title repeated on many pages) is never
    indexed, the quote only when `searchable`."""
    return f"> {inline(quote)}\n" + ("" if searchable else f"> {NOT_SEARCHED}\n") + f">\n> — {cite}\n> {NOT_SEARCHED}"


# ---------------------------------------------------------------- article text
def find_spans(text: str, quotes: Iterable[str]) -> list[tuple[int, int]]:
    """Where each quote occurs in the text (whitespace-tolerant), merged and sorted."""
    # Search a copy with every run of whitespace squashed to one space (plain str.find:
    # a regex per quote costs more to compile than to run), and map hits back.
    squashed: list[str] = []
    origin: list[int] = []  # index in `text` of each character of the squashed copy
    for m in _WORD_OR_SPACE.finditer(text):
        if m.group(1) is not None:
            squashed.append(m.group(1))
            origin.extend(range(m.start(), m.end()))
        else:
            squashed.append(" ")
            origin.append(m.start())
    flat = "".join(squashed)
    spans: list[tuple[int, int]] = []
    for quote in dict.fromkeys(quotes):  # an event and its agreement often quote the same sentence
        needle = " ".join(quote.split())
        if not needle:
            continue
        at = flat.find(needle)
        while at >= 0:
            spans.append((origin[at], origin[at + len(needle) - 1] + 1))
            at = flat.find(needle, at + len(needle))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


_WORD_OR_SPACE = re.compile(r"(\S+)|\s+")


def article_markdown(text: str, quotes: Iterable[str]) -> str:
    """The article text as escaped paragraphs, with the quoted sentences in <mark>."""
    spans = find_spans(text, quotes)
    starts = [s for s, _ in spans]
    edges = [x for span in spans for x in span]  # sorted: spans are merged and ordered
    bounds = [0]
    for sep in re.finditer(r"\n[ \t]*\n", text):
        bounds += [sep.start(), sep.end()]
    bounds.append(len(text))
    out: list[str] = []
    for p_start, p_end in zip(bounds[::2], bounds[1::2], strict=True):
        inner = edges[bisect.bisect_right(edges, p_start):bisect.bisect_left(edges, p_end)]
        cuts = [p_start, *inner, p_end]
        pieces = []
        for a, b in zip(cuts, cuts[1:], strict=False):
            chunk = _escape(_SPACE.sub(" ", _CONTROL.sub(" ", text[a:b])))
            i = bisect.bisect_right(starts, a) - 1
            if i >= 0 and b <= spans[i][1] and chunk.strip():
                lead, trail = chunk[: len(chunk) - len(chunk.lstrip())], chunk[len(chunk.rstrip()):]
                chunk = f"{lead}<mark>{chunk.strip()}</mark>{trail}"
            pieces.append(chunk)
        body = "".join(pieces).strip()
        if body:
            # a line starting with <mark> is an ordinary paragraph; anything else is guarded
            out.append(body if body.startswith("<mark>") else _safe_line_start(body))
    return "\n\n".join(out)


__all__ = [
    "MONTHS", "NOT_SEARCHED", "article_markdown", "attr", "blockquote", "bullets", "date_range", "external_link",
    "find_spans", "human_date", "inline", "lang", "month_of", "one_line", "safe_title",
    "sort_date", "table", "tag", "year_of",
]
