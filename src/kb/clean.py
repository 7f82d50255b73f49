"""Step 2: keep the article, drop what is not it.

Web copies of news stories carry furniture: "Also Read | ..." lines, lists of
other headlines after "LATEST NEWS", agency disclaimers, bare links, language
switches, editor initials, photo credits. Whole lines are dropped and lines
are never rewritten inside, except for a leading header or a trailing agency
tag, so every sentence of the cleaned text is still a substring of the
original and evidence quotes stay exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from .lexicon import boilerplate, outlets

_URL_LINE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)
_MONTH = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?")
# A short line near the top that only dates the page: "February 27, 2026 7:29 PM हिंदी".
_DATE_HEADER = re.compile(
    rf"^\s*(?:\w+day,?\s+)?(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
    r"(?:[\s,|]+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)?(?:\s*(?:IST|CET|CEST|GMT|UTC))?[\s|]*\S{0,12}\s*$",
    re.IGNORECASE,
)
# "date 2021-07-08 " glued in front of the first sentence.
_DATE_PREFIX = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}\s+", re.IGNORECASE)
# A quotation with its speaker ("“...” Jane Roe") above the story, in a box with the speaker's office and a
# date (a site's testimonial): none of it is the story, its headline or its date.
_QUOTE_BOX = re.compile(r"[\"“«„].{20,}[\"”»]\s*[-–—,]?\s*(?:[A-ZÀ-Ý][\w'’.-]*\s*){1,5}")
# Danda and the ideographic full stop end sentences too: without them every
# Hindi paragraph looked like a headline and all but the last were dropped.
_SENTENCE_END = re.compile(r"[.!?:;\"'”’)।॥。]\s*$")


@dataclass
class Cleaned:
    text: str  # kept paragraphs, joined by blank lines
    paragraphs: list[str]
    headline: str | None = None
    removed: list[str] = field(default_factory=list)


def signoff_patterns() -> list[str]:
    """Lines that only sign a story off: the lexicon's sign-offs, and an outlet's name alone ("(ANSA).", "PTI")."""
    return [*boilerplate()["signoffs"], rf"\(?(?i:{outlets().pattern})\)?\.?\s*"]


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    bp = boilerplate()
    lines = re.compile("|".join(f"(?:{p})" for p in bp["lines"]), re.IGNORECASE)
    trailing = re.compile(r"^\s*(?:" + "|".join(bp["trailing_headers"]) + r")\s*[:|]?\s*$", re.IGNORECASE)
    signoff = re.compile(r"^\s*(?:" + "|".join(f"(?:{p})" for p in signoff_patterns()) + r")$")
    return lines, trailing, signoff


@cache
def _trailing_tag() -> re.Pattern[str]:
    """ "... to the Mediterranean. PTI ABC DEF": an agency's tag with editors' initials.

    `(?<!\\s)`: try each run of spaces once, from its start; without it a long run of spaces inside a paragraph
    took quadratic time (a minute for 50 kB).
    """
    acronyms = sorted((n for n in outlets().home if re.fullmatch(r"[A-Z]{2,6}", n)), key=len, reverse=True)
    return re.compile(rf"(?<!\s)\s+(?:{'|'.join(acronyms)})(?:\s+[A-Z]{{2,4}})+\s*$")


def is_furniture(line: str) -> bool:
    """A line `clean` drops wherever it stands: "Also Read ...", a byline, a desk's "(Updates with ...)"."""
    line_pat, _, signoff_pat = _patterns()
    line = line.strip()
    return bool(line_pat.match(line) or signoff_pat.match(line) or _URL_LINE.match(line))


def _headline_like(line: str) -> bool:
    """A short line that does not end a sentence: a headline, caption or subhead."""
    return len(line.split()) <= 25 and not _SENTENCE_END.search(line)


def quote_box(lines: list[str]) -> set[int]:
    """Indexes of the lines of a quotation box at the top: the quotation and up to three short lines under it."""
    for i, line in enumerate(lines[:3]):
        if _QUOTE_BOX.fullmatch(line.strip()):
            box = {i}
            for j in range(i + 1, min(i + 4, len(lines))):
                if len(lines[j].split()) > 6:
                    break
                box.add(j)
            return box
    return set()


def clean(body: str) -> Cleaned:
    line_pat, trailing_pat, signoff_pat = _patterns()
    removed: list[str] = []
    kept: list[str] = []
    box = quote_box([ln.strip() for ln in body.split("\n") if ln.strip()])
    n = -1  # index among the non-empty lines
    for raw in body.split("\n"):
        line = raw.strip()
        if not line:
            kept.append("")
            continue
        n += 1
        if n in box:
            removed.append(line)
            continue
        if trailing_pat.match(line):
            removed.append(line)
            break  # everything after belongs to other stories
        if line_pat.match(line) or signoff_pat.match(line) or _URL_LINE.match(line):
            removed.append(line)
            continue
        if not any(kept) and _DATE_HEADER.match(line):
            removed.append(line)
            continue
        if not any(c.isalnum() for c in line):
            # Rules and ornaments ("---", "* * *", "• • •") hold no sentence; kept,
            # they became the article's headline.
            removed.append(line)
            continue
        kept.append(line)

    paragraphs = [p for p in kept if p]
    # Repeated lines (a headline printed twice) are kept once.
    deduped: list[str] = []
    for p in paragraphs:
        if deduped and deduped[-1] == p:
            removed.append(p)
            continue
        deduped.append(p)
    paragraphs = deduped

    headline = None
    while paragraphs and _headline_like(paragraphs[0]) and len(paragraphs) > 1:
        line = paragraphs.pop(0)
        removed.append(line)
        headline = headline or line
    # A trailing run of headline-like lines or captions is a list of other stories.
    if paragraphs:
        paragraphs[-1] = _trailing_tag().sub("", paragraphs[-1])
    while len(paragraphs) > 1 and (_headline_like(paragraphs[-1]) or "photo credit" in paragraphs[-1].lower()):
        removed.append(paragraphs.pop())
    # Captions elsewhere ("... on Friday. Photo credit: IANS").
    paragraphs = [p for p in paragraphs if not re.search(r"photo credit\s*:", p, re.IGNORECASE)]

    if paragraphs:
        paragraphs[0] = _DATE_PREFIX.sub("", paragraphs[0])
    return Cleaned(text="\n\n".join(paragraphs), paragraphs=paragraphs, headline=headline, removed=removed)
