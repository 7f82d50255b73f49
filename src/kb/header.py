"""What the top and the foot of an article say about it: its headline and its outlet.

Web copies of news carry much above the story: dates, menus ("Left Menu",
"Home / India News / ..."), image credits and captions, bylines and desk
credits ("Tribune News Service", "Written by PTI"). The headline is the first
line above the story that is none of these (front matter aside), else the
story's first sentence, whole. The outlet is read from what credits the copy:
the dateline's agency, a credit line or byline of an outlet, an update line
("PTIUpdated: ..."), a sign-off ("(ANSA).", "--IANS", "(With inputs from
PIB)"); never from an image credit or from the text of the story.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from . import dates
from .clean import is_furniture
from .lexicon import boilerplate, outlets

_DATE_PREFIX = re.compile(r"^\s*date\s*:?\s+\d{4}-\d{2}(?:-\d{2})?(?![\d-])\s*", re.IGNORECASE)
_NAV_NUMBER = re.compile(r"^\d{1,2}\.\s+(?=\S)")  # "4. Army chief visits ..." in a list of links
_CRUMBS = re.compile(r"\s+[/›»>]\s+")  # "Home / India News / Minister closes G7 summit"
_CAPTION = re.compile(r"\((?:photo|image|picture|foto|immagine)\b|\b(?:photo|image|foto)\s*(?:credit)?\s*[:|-]\s",
                      re.IGNORECASE)
_TRAILING_CREDIT = re.compile(r"\s*\[(?:foto|photo|video|fotogallery|gallery)\b[^\]]*\]\s*$", re.IGNORECASE)
_SLUG = re.compile(r"^[A-Z]{3,}(?:\s+\d+)?-(?=[A-Z])")  # "UPDATE 2-Italy, India ..."
_HANDLE = re.compile(r"[@#]\w[\w .]*")
_DOMAIN = re.compile(r"[\w.-]+\.(?:com|in|it|org|net|co\.in|co\.uk|news)\b\S*", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"'”’»)]*\s*$")
_ANY_DAY = dt.date(2000, 1, 1)  # resolves dates without a year, to find them
# Where a story's first sentence begins after a dateline the parser did not take ("Mumbai: Italy's ...").
_PLACE_COLON = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}\s*:\s+(?=[A-Z\"“‘])")
# An image's credit run into the end of a paragraph: "... their military ties. HT Image".
_IMAGE_TAIL = re.compile(r"(?<=[.!?\"”’])\s+(?:[A-Z]{2,6}\s+)?(?:Image|Photo|File Photo|Picture)\s*$")
HEADLINE_MAX = 25  # words: a longer line above the story is a paragraph of it
TITLE_WORDS = 40  # a first sentence longer than this is cut at a clause before CUT_WORDS
CUT_WORDS = 30


@cache
def _menu_words() -> frozenset[str]:
    return frozenset(w.lower() for w in boilerplate()["menu_words"])


@cache
def _kicker_prefix() -> re.Pattern[str]:
    words = "|".join(re.escape(k).replace("\\ ", r"\s+") for k in boilerplate()["kickers"])
    return re.compile(rf"^(?:{words})\s*[-:–—|]\s+", re.IGNORECASE)


@cache
def _release_header() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A press release's sender line ("Ministry of Defence", "Embassy of India, Rome") and label line."""
    bp = boilerplate()
    senders = "|".join(re.escape(w).replace("\\ ", r"\s+") for w in bp["release_senders"])
    labels = "|".join(re.escape(w).replace("\\ ", r"\s+") for w in bp["release_labels"])
    return (re.compile(rf"(?:the\s+)?(?:{senders})\b[^.!?:;]{{0,80}}", re.IGNORECASE),
            re.compile(rf"(?:{labels})\s*[:.]?", re.IGNORECASE))


def release_sender(lines: list[str], story_start: int) -> str | None:
    """The sender named at the top of a press release, when a label or a sender line opens the page."""
    sender, label = _release_header()
    top = lines[:min(story_start, 4)]
    names = [line for line in top if sender.fullmatch(line) and len(line.split()) <= 10]
    if names and (any(label.fullmatch(line) for line in top) or top and top[0] == names[0]):
        name = names[0]
        return " ".join(w if w.lower() in {"of", "for", "and"} else w.capitalize() for w in name.lower().split()) \
            if name.isupper() else name
    return None


@cache
def _credit_patterns() -> tuple[re.Pattern[str], ...]:
    """Lines that credit the copy to an outlet, each with the outlet's form in group `o`."""
    o = rf"(?P<o>(?i:{outlets().pattern}))"
    return (
        re.compile(rf"^\(?{o}\)?\.?\s*$"),  # "PTI" alone, "(ANSA)."
        re.compile(rf"^{o}(?=\s*(?i:updated|published|posted|last\s+updated)\b|(?:Updated|Published|Posted))"),
        re.compile(rf"^{o}(?:\s+[A-Z][\w.]*(?:\s+\([^)]*\))?)?\s*$"),  # "Press Trust of India Bari (Italy)"
        re.compile(rf"^\(?(?i:by|written\s+by|reported\s+by|source|author|fonte|di|a\s+cura\s+di)\s*:?\s*{o}\b"),
        re.compile(rf"\b(?i:by)\s+{o}\b(?!\s+(?i:on|in)\s+(?i:twitter|x|instagram|facebook))"),
        re.compile(rf"(?:--\s*|\((?i:with\s+inputs\s+from\s+)?){o}\)?\.?\s*$"),  # sign-offs
    )


def _outlet_of_line(line: str, *, header: bool) -> str | None:
    """The outlet a line credits: in the header any credit, at the foot a sign-off only."""
    if _CAPTION.search(line) or re.match(r"(?i)(?:image|photo|picture|photograph)\b", line):
        return None  # "Photograph: ANI on Twitter" credits a picture, not the story
    patterns = _credit_patterns()
    for pattern in (patterns if header else patterns[-1:]):
        if m := pattern.search(line):
            return outlets().name_of(m["o"])
    return None


def outlet_in(lines: list[str], story_start: int) -> str | None:
    """The outlet credited above the story or in its header lines, else by a sign-off at its foot."""
    for line in lines[:story_start + 2]:
        if found := _outlet_of_line(_DATE_PREFIX.sub("", line), header=True):
            return found
    for line in reversed(lines[-4:]):
        if found := _outlet_of_line(line, header=False):
            return found
    return None


# ---------------------------------------------------------------- headline
def _trimmed(line: str) -> str:
    """A header line without what surrounds a headline: a date glued before it, a kicker or a desk's slug
    ("UPDATE 2-"), a trail of links or crumbs, a gallery's credit."""
    text = _SLUG.sub("", _DATE_PREFIX.sub("", line).strip())
    parts = _CRUMBS.split(text)
    if len(parts) >= 3 or (len(parts) == 2 and parts[0].lower() in _menu_words()):
        text = parts[-1]
    text = _NAV_NUMBER.sub("", text)
    text = _kicker_prefix().sub("", text)
    return _TRAILING_CREDIT.sub("", text).strip(" -–—|:")


def _is_debris(line: str) -> bool:
    """A date line, a menu, a handle, a link, a credit, a byline or a caption: no headline."""
    words = line.split()
    if len(words) < 4 or (len(words) < 5 and not any(c.islower() for c in line)):
        return True
    if is_furniture(line) or _outlet_of_line(line, header=True) or _CAPTION.search(line):
        return True
    sender, label = _release_header()
    if (sender.fullmatch(line) and len(words) <= 10) or label.fullmatch(line):
        return True
    if all(w.lower().strip(".,:|·") in _menu_words() for w in words):
        return True
    if _HANDLE.fullmatch(line) or _DOMAIN.fullmatch(line):
        return True
    # A line that holds a full date with "·" or "|" between parts: a header ("press release · 30 April 2026").
    if re.search(r"[·|•]", line) and any(len(m.value) >= 7 for m in dates.find_dates(line, None)):
        return True
    return _is_date_line(line)


def _is_date_line(line: str) -> bool:
    """A place and a date, or a date and a time: "New Delhi, October 10", "Jul 07 2021, 21:50 IST"."""
    found = dates.find_dates(line, _ANY_DAY)
    if not found:
        return False
    rest = line
    for m in reversed(found):
        rest = rest[:m.start] + rest[m.end:]
    return len(re.findall(r"[^\W\d_]{3,}", rest)) <= 3


def headline_above(lines: list[str], story_start: int, skip: set[int]) -> str | None:
    """The first line above the story (index `story_start`) that is a headline, trimmed."""
    for i, line in enumerate(lines[:story_start]):
        if i in skip:
            continue
        text = _trimmed(line)
        # A sentence above the story is a standfirst or a caption; a question is a headline.
        if text and not _is_debris(text) and len(text.split()) <= HEADLINE_MAX \
                and (not _SENTENCE_END.search(text) or text.endswith("?")):
            return text
    return None


def first_sentence(sentence: str) -> str | None:
    """A story's first sentence as a title: whole, or cut at a clause when it runs long."""
    text = re.sub(r"^[\s\-–—:•*]+", "", sentence).strip()
    text = _IMAGE_TAIL.sub("", _PLACE_COLON.sub("", text))
    words = text.split()
    if len(words) < 3:
        return None
    if len(words) <= TITLE_WORDS:
        return text
    head = " ".join(words[:CUT_WORDS])
    cut = max(head.rfind(", "), head.rfind("; "), head.rfind(" – "), head.rfind(" — "))
    if cut > len(head) // 2:
        head = head[:cut]
    return head.rstrip(" ,;:–—") + "…"
