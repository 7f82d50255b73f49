"""Date expressions in a sentence, resolved to ISO dates.

News copy dates things in many ways: "October 10, 2023", "14 JAN 2025",
"from April 14 to 15", "in November last year", "on Thursday", "last week".
`find_dates` finds them with one regular expression per shape, keeps the
longest non-overlapping matches and resolves each one; anything without a
stated year needs the article's publication day (the anchor). Relative
weekdays and bare months look back from the anchor unless the clause around
them is in the future tense ("will", "is scheduled", "due in", ...).

Precision follows the words: "2025-04-14" for a day, "2025-04" for a month,
"2025" for a year.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import date_words


@dataclass
class DateMention:
    start: int  # char offsets into the text passed in
    end: int
    text: str  # the matched words
    value: str  # ISO: "2025-04-14", or "2025-04" / "2025" when only month/year is known
    end_value: str | None = None  # last day of a range ("April 14-15, 2025" -> "2025-04-15")
    relative: bool = False  # resolved against the anchor (weekday, "last December", "yesterday")
    month_first: str | None = None  # "on 7/10": the value read month first, when either order makes a date


# ---------------------------------------------------------------- words
_LEX = date_words()


def _lookup(entries: list[dict[str, list[str]]], keys: tuple[str, ...] = ("names", "short")) -> dict[str, int]:
    return {w.lower(): i for i, e in enumerate(entries) for k in keys for w in e.get(k, [])}


_MONTH_NUMBER = {w: i + 1 for w, i in _lookup(_LEX["months"]).items()}
_WEEKDAY_NUMBER = _lookup(_LEX["weekdays"])  # monday = 0, as date.weekday()
_NUMBER_WORDS: dict[str, int] = _LEX["number_words"]
_UNIT_OF = {w.lower(): unit for unit, forms in _LEX["units"].items() for ws in forms.values() for w in ws}
_MODIFIER_OF = {w.lower(): kind for group in ("modifiers", "name_modifiers") for kind, words in _LEX[group].items()
                for w in words}
_RANGE_KIND = {re.sub(r"\s+", " ", w.lower()): kind for group in ("range_from", "range_to")
               for kind, words in _LEX[group].items() for w in words}
_DAY_OFFSET = {w.lower().replace("’", "'"): n for w, n in _LEX["relative_days"].items()}
# Weekday names written in lower case (Italian): in title case before another capitalised word they are a
# given name ("Domenica Rossi"), not a day.
_LOWER_WEEKDAYS = {w for e in _LEX["weekdays"] for w in e["names"] if w.islower()}


def month_number(word: str) -> int | None:
    """1-12 for a month name or its abbreviation ("Sept.", "JAN", "october", "ott"), else None."""
    return _MONTH_NUMBER.get(word.strip().rstrip(".").lower())


def weekday_number(word: str) -> int | None:
    """0 (Monday) to 6 for a weekday's name or abbreviation ("Thursday", "giovedì", "Thu."), else None."""
    return _WEEKDAY_NUMBER.get(word.strip().rstrip(".").lower())


def _cased(words: list[str]) -> str:
    """Alternatives for `words`: a capitalised word in title or upper case only ("march" and "may" are also
    verbs), a lower-case word (Italian months and weekdays) in any case. Longest first."""
    forms: set[str] = set()
    for w in words:
        if w[:1].isupper():
            forms |= {re.escape(w.title()), re.escape(w.upper())}
        else:
            forms.add(f"(?i:{re.escape(w)})")
    return "|".join(sorted(forms, key=lambda f: (-len(f), f)))


def _words(words: list[str]) -> str:
    """Case-insensitive alternatives for lexicon phrases: spaces match any run of spaces, either apostrophe
    matches, and a phrase ending in a letter must end a word."""
    alts = []
    for w in sorted(set(words), key=len, reverse=True):
        body = r"\s+".join(re.escape(part) for part in w.replace("’", "'").split())
        body = body.replace("'", "['’]")
        alts.append(body + (r"(?!\w)" if w[-1].isalnum() else ""))
    return "(?i:" + "|".join(alts) + ")"


def _names(group: str, key: str) -> list[str]:
    return [w for e in _LEX[group] for w in e.get(key, [])]


# A space, or none after an elided article or word ("l'8 luglio", "quest'anno").
_GAP = r"(?:\s+|(?<=['’]))"
_FULL_MONTHS = _cased(_names("months", "names"))
_ABBR_MONTHS = _cased([a for a in _names("months", "short") if a.lower() not in {n.lower() for n in
                                                                                 _names("months", "names")}])
# Any month form next to a day or a year ("Oct. 10", "14 JAN 2025", "Sept 5", "10 ott").
_MON = rf"(?<![A-Za-z])(?:{_FULL_MONTHS}|(?:{_ABBR_MONTHS})\.?)(?![A-Za-z])"
# A month on its own ("in March", "a luglio") must be spelt out or carry a period: "Jan" is also a word.
_MON_ALONE = rf"(?<![A-Za-z])(?:{_FULL_MONTHS}|(?:{_ABBR_MONTHS})\.|Sept)(?![A-Za-z])"
_WD_FULL = _cased(_names("weekdays", "names"))
_WD_ANY = rf"(?:{_WD_FULL}|(?:{_cased(_names('weekdays', 'short'))})\.?)"
_MODS = _words([w for ws in _LEX["modifiers"].values() for w in ws])
_NAME_MODS = _words([w for g in ("modifiers", "name_modifiers") for ws in _LEX[g].values() for w in ws])
_UNITS = _words(list(_UNIT_OF))
_UNIT_ONE = _words([w for forms in _LEX["units"].values() for w in forms["one"]])
_ARTICLES = _words(_LEX["day_articles"])
# For other modules: a weekday's full name, and the words before or after it that say which one is meant.
WEEKDAY_NAMES = _WD_FULL
NAME_MODIFIERS = _NAME_MODS


def _g(name: str, pattern: str) -> str:
    return f"(?P<{name}>{pattern})"


_ORDINAL = r"(?:st|nd|rd|th|°|º)?"  # "3rd", "1° luglio"


def _day(n: str) -> str:
    return rf"(?<![\d.,:/$£€₹])(?P<d{n}>3[01]|[12]\d|0?[1-9]){_ORDINAL}(?![\w:])"


def _year(n: str) -> str:
    # Not "2025-2029", "2025-26", "2025/26", "1990s", "2025.5" or "2024%" ("2023 / 10:32 AM" is a date and a time).
    return rf"(?P<y{n}>(?:19|20)\d\d)(?![\w%])(?!\s?[-–]\s?\d|/\d)(?!\.\d)"


def _mon(n: str) -> str:
    return _g(f"m{n}", _MON)


# Middle days of a list: the ", 21" of "20, 21 and 22 September".
_MORE_DAYS = rf"(?:,\s*(?:3[01]|[12]\d|0?[1-9]){_ORDINAL}(?![\w:]))*"
_SEP = rf"\s*(?P<sep>-|–|—|{_words([w for ws in _LEX['range_to'].values() for w in ws])}){_GAP}?\s*"
_PRE = rf"(?:(?P<pre>\b{_words([w for ws in _LEX['range_from'].values() for w in ws])}){_GAP})?"
_WD_PREFIX = rf"(?:(?P<wd>{_WD_ANY}),?\s+(?:{_ARTICLES}{_GAP})?)?"


def _md(n: str) -> str:
    return rf"{_mon(n)}\s+{_day(n)}"


def _dm(n: str) -> str:
    return rf"{_day(n)}(?:\s+of)?\s+{_mon(n)}"


def _yr(n: str) -> str:
    return rf"(?:,?\s+{_year(n)})"


def _range_kind(word: str | None) -> str:
    """ "from", "between", "to", "and" for a range word of any language; a dash is "-"."""
    if not word:
        return ""
    w = re.sub(r"\s+", " ", word.lower()).replace("’", "'")
    return _RANGE_KIND.get(w, "-" if w in {"-", "–", "—"} else w)


def _cue_pattern(kind: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _LEX["tense"][kind]), re.IGNORECASE)


# Cues that the clause speaks of the future; the rest is taken as past or present.
_FUTURE = _cue_pattern("future")
# Weaker: "said the talks would take place", "plans to visit" also occur in reports of past plans.
_FUTURE_WEAK = _cue_pattern("future_weak")
_WAS_BEFORE = re.compile(r"\b(?:was|were|had\s+been)\s+$", re.IGNORECASE)
_PAST = _cue_pattern("past")
# Tense words that are no participles. Any other past form right after an auxiliary takes the
# auxiliary's tense: "will be held" is future.
_PAST_MARKERS = frozenset(_LEX["tense"]["past_markers"])
_ED_WORD = re.compile(r"\b[a-z]{2,}(?<!e)ed\b")
# An auxiliary carries the tense of the participle after it ("will be followed").
_AUX_BEFORE = re.compile(
    r"\b(?:is|are|am|be|been|being|was|were|has|have|had|will|would|shall|to|get|gets|got|['’]s)\s+(?:\w+ly\s+)?$",
    re.IGNORECASE,
)
_NOT_VERBS = frozenset(_LEX["tense"]["not_verbs"])
_CLAUSE_BREAK = re.compile(
    rf";|[.!?]\s+(?=[A-Z\"“])|\s{_words(_LEX['tense']['clause_words'])}\s"
    rf"|,\s*{_words(_LEX['tense']['relative_words'])}\s"
)


def _cues(text: str) -> list[tuple[int, int, str]]:
    cues = []
    for rx, label in ((_FUTURE, "future"), (_FUTURE_WEAK, "future-weak")):
        for m in rx.finditer(text):
            if not _WAS_BEFORE.search(text[max(0, m.start() - 16):m.start()]):
                cues.append((m.start(), m.end(), label))
    for m in [*_PAST.finditer(text), *_ED_WORD.finditer(text)]:
        word = m.group().lower()
        if word in _NOT_VERBS or any(s <= m.start() < e for s, e, _ in cues):
            continue
        if word not in _PAST_MARKERS and _AUX_BEFORE.search(text[max(0, m.start() - 24):m.start()]):
            continue
        cues.append((m.start(), m.end(), "past"))
    return cues


def tense(text: str, start: int, end: int, clause_only: bool = False) -> str | None:
    """'future' or 'past' for the clause around text[start:end]; None without a cue.

    The nearest cue on the left wins ("met X on Monday", "will get underway
    Thursday"); with none, the nearest on the right ("On Thursday, they signed").
    The clause is looked at first, then (unless `clause_only`) the whole text.
    """
    found = _tense(text, start, end, clause_only)
    return "future" if found == "future-weak" else found


def _tense(text: str, start: int, end: int, clause_only: bool = False) -> str | None:
    """As `tense`, telling "future-weak" ("would", "plans to") from a plain "future"."""
    cs = 0
    ce = len(text)
    for m in _CLAUSE_BREAK.finditer(text):
        if m.end() <= start:
            cs = m.end()
        elif m.start() >= end:
            ce = m.start()
            break
    cues = [c for c in _cues(text) if not (start <= c[0] < end)]
    for lo, hi in ((cs, ce),) if clause_only else ((cs, ce), (0, len(text))):
        inside = [c for c in cues if lo <= c[0] and c[1] <= hi]
        left = [c for c in inside if c[1] <= start]
        if left:
            return max(left, key=lambda c: c[1])[2]
        right = [c for c in inside if c[0] >= end]
        if right:
            return min(right, key=lambda c: c[0])[2]
    return None


# ---------------------------------------------------------------- helpers
def _iso(d: dt.date) -> str:
    return d.isoformat()


def _month_iso(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + delta
    return n // 12, n % 12 + 1


def parse_iso(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day covered by "2023", "2023-03" or "2023-03-02"; None if not such a value."""
    if not isinstance(value, str):
        return None
    m = re.fullmatch(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*", value)
    if not m:
        return None
    year = int(m.group(1))
    if m.group(3):
        d = _safe_date(year, int(m.group(2)), int(m.group(3)))
        return (d, d) if d else None
    if m.group(2):
        month = int(m.group(2))
        if not 1 <= month <= 12 or year < 1:
            return None
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    if year < 1:
        return None
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _pick_year(anchor: dt.date, month: int, day: int, when: str | None, weekday: int | None = None) -> dt.date | None:
    """The day-month nearest the anchor, unless the tense rules it out."""
    cands = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _safe_date(y, month, day))]
    if weekday is not None:
        cands = [d for d in cands if d.weekday() == weekday] or cands
    if not cands:
        return None
    best = min(cands, key=lambda d: (abs((d - anchor).days), d))
    far = abs((best - anchor).days) > 31
    # "will" does not speak of a day over a week past (a few days: a late copy); weaker cues need a distant one.
    if (when == "future" and best < anchor - dt.timedelta(days=7)) or (far and when == "future-weak" and best < anchor):
        best = min((d for d in cands if d >= anchor), default=best)
    elif far and when == "past" and best > anchor:
        best = max((d for d in cands if d <= anchor), default=best)
    return best


def _month_near(anchor: dt.date, month: int, when: str | None) -> int:
    """Year of a bare month: the latest one not after the anchor's month, or the next in the future tense."""
    if when == "future":
        return anchor.year if month >= anchor.month else anchor.year + 1
    return anchor.year if month <= anchor.month else anchor.year - 1


def _weekday_near(anchor: dt.date, weekday: int, direction: str) -> dt.date:
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if direction == "before":  # strictly before: "last Monday"
        return anchor - dt.timedelta(days=back or 7)
    if direction == "after":  # strictly after: "next Monday"
        return anchor + dt.timedelta(days=ahead or 7)
    if direction == "on-or-after":
        return anchor + dt.timedelta(days=ahead)
    return anchor - dt.timedelta(days=back)


_UNIT_AFTER = re.compile(
    r"\s*(?:%|per\s?cent|percent|crore|lakh|million|billion|tonnes?|tons?|km|kilomet|met(?:re|er)s|miles|feet|"
    r"units|people|personnel|troops|soldiers|sailors|jobs|students|aircraft|vehicles|rounds|hours|dollars|"
    r"euros|rupees|rs\b|acres|hectares|kg|mw)",
    re.IGNORECASE,
)


def _year_ok(text: str, start: int, end: int) -> bool:
    """A bare four-digit number is a year unless money, a unit or a code sits next to it."""
    before = text[max(0, start - 4):start]
    if re.search(r"(?:[$€£₹#]|\b(?:Rs|INR|USD|EUR|No|FY)\.?)\s*$", before, re.IGNORECASE):
        return False
    return not _UNIT_AFTER.match(text, end)


# ---------------------------------------------------------------- patterns
Handler = Callable[[re.Match[str], str, "dt.date | None"], "DateMention | None"]
_HANDLERS: list[tuple[re.Pattern[str], Handler, str]] = []
# What a pattern cannot match without; each is looked for once per text, and most sentences lack most of them.
_NEEDS = {
    "digit": re.compile(r"\d"),
    "month": re.compile(_MON_ALONE),
    "weekday": re.compile(_WD_FULL),
    "unit": re.compile(rf"\b{_UNITS}"),
}


def _pattern(regex: str, needs: str = "") -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        _HANDLERS.append((re.compile(regex), fn, needs))
        return fn
    return register


def _mention(text: str, start: int, end: int, value: str, end_value: str | None = None,
             relative: bool = False) -> DateMention:
    return DateMention(start, end, text[start:end], value, end_value, relative)


def _int(m: re.Match[str], name: str) -> int | None:
    v = m.groupdict().get(name)
    return int(v) if v else None


def _month_of(m: re.Match[str], name: str) -> int | None:
    v = m.groupdict().get(name)
    return month_number(v) if v else None


@_pattern(r"(?<![\w/.-])(?P<y>(?:19|20)\d\d)(?P<s>[-/])(?P<mo>0?[1-9]|1[0-2])(?P=s)(?P<d>0?[1-9]|[12]\d|3[01])"
          r"(?![\d-])", "digit")
def _iso_date(m: re.Match[str], text: str, anchor: dt.date | None) -> DateMention | None:
    d = _safe_date(int(m["y"]), int(m["mo"]), int(m["d"]))
    return _mention(text, m.start(), m.end(), _iso(d)) if d else None


# Day first, as in India and Italy: "08/07/2021", "8.7.2021", and with two year digits "19/02/24" (not with
# dashes: "12-03-24" is as often a code).
@_pattern(r"(?<![\w/.,-])(?P<d>0?[1-9]|[12]\d|3[01])(?P<s>[./-])(?P<mo>0?[1-9]|1[0-2])(?P=s)"
          r"(?P<y>(?:19|20)\d\d|(?<=[./])\d\d)(?![\d-]|[./]\d)", "digit")
def _numeric_dmy(m: re.Match[str], text: str, anchor: dt.date | None) -> DateMention | None:
    year = int(m["y"]) if len(m["y"]) == 4 else 2000 + int(m["y"])
    d = _safe_date(year, int(m["mo"]), int(m["d"]))
    return _mention(text, m.start(), m.end(), _iso(d)) if d else None


def day_first(country: str | None) -> bool | None:
    """Whether a country's outlets write the day before the month in numeric dates; None if not known."""
    order = _LEX["numeric_order"]
    return True if country in order["day_first"] else False if country in order["month_first"] else None


# "on 7/10", "on 17/10": a day and a month without a year, after "on".
@_pattern(r"\b(?i:on)\s+(?P<a>[12]\d|3[01]|0?[1-9])/(?P<b>[12]\d|3[01]|0?[1-9])(?![\d/]|\.\d)", "digit")
def _day_slash_month(m: re.Match[str], text: str, anchor: dt.date | None) -> DateMention | None:
    if anchor is None:
        return None
    a, b = int(m["a"]), int(m["b"])
    when = _tense(text, m.start(), m.end(), clause_only=True)
    first = _pick_year(anchor, b, a, when) if b <= 12 else None
    second = _pick_year(anchor, a, b, when) if a <= 12 else None
    if first is None and second is None:
        return None
    start = m.start("a")
    if first is None or second is None:
        return _mention(text, start, m.end(), _iso(first or second), relative=True)  # type: ignore[arg-type]
    found = _mention(text, start, m.end(), _iso(first), relative=True)
    found.month_first = _iso(second)
    return found


def _single(m: re.Match[str], text: str, anchor: dt.date | None) -> DateMention | None:
    month, day, year = _month_of(m, "m1"), _int(m, "d1"), _int(m, "y1")
    if month is None or day is None:
        return None
    wd = weekday_number(m["wd"]) if m.groupdict().get("wd") else None
    end = m.end()
    if year is not None:
        if _year_ok(text, m.start("y1"), m.end("y1")):
            d = _safe_date(year, month, day)
            return _mention(text, m.start(), end, _iso(d)) if d else None
        end = m.end("m1") if m.end("m1") > m.end("d1") else m.end("d1")  # "October 10, 2000 soldiers"
    if anchor is None or _safe_date(2000, month, day) is None:  # 2000 is a leap year
        return None
    d = _pick_year(anchor, month, day, _tense(text, m.start(), end, clause_only=True), wd)
    return _mention(text, m.start(), end, _iso(d), relative=True) if d else None


_pattern(rf"{_WD_PREFIX}{_md('1')}{_yr('1')}?", "digit")(_single)
_pattern(rf"{_WD_PREFIX}{_dm('1')}{_yr('1')}?", "digit")(_single)


def _range(m: re.Match[str], text: str, anchor: dt.date | None) -> DateMention | None:
    """Two ends: a missing month is the other end's, a missing year is the other end's or the anchor's."""
    g = m.groupdict()
    sep, pre = _range_kind(g.get("sep")), _range_kind(g.get("pre"))
    m1, m2 = _month_of(m, "m1"), _month_of(m, "m2")
    d1, d2 = _int(m, "d1"), _int(m, "d2")
    y1, y2 = _int(m, "y1"), _int(m, "y2")
    if d1 is None or d2 is None:
        return None
    if sep == "and" and pre != "between" and m1 and m2:
        return None  # "on March 3 and April 5": two dates, not a span
    if pre == "between" and sep not in {"and", "-"}:
        return None
    m1 = m1 or m2
    m2 = m2 or m1
    if m1 is None or m2 is None:
        return None
    for y_name in ("y1", "y2"):
        if g.get(y_name) and not _year_ok(text, m.start(y_name), m.end(y_name)):
            return None
    forward = (m2, d2) > (m1, d1)
    if (m1, d1) == (m2, d2) or (m1 == m2 and not forward):
        return None  # "April 14-5" is no range
    relative = False
    if y1 is None and y2 is None:
        if anchor is None or _safe_date(2000, m1, d1) is None:
            return None
        first = _pick_year(anchor, m1, d1, _tense(text, m.start(), m.end(), clause_only=True))
        if first is None:
            return None
        y1 = first.year
        y2 = y1 if forward else y1 + 1
        relative = True
    elif y1 is None:
        assert y2 is not None
        y1 = y2 if forward else y2 - 1
    elif y2 is None:
        y2 = y1 if forward else y1 + 1
    a, b = _safe_date(y1, m1, d1), _safe_date(y2, m2, d2)
    if a is None or b is None or not 0 < (b - a).days <= 366:
        return None
    return _mention(text, m.start(), m.end(), _iso(a), _iso(b), relative)


# "April 14-15, 2025", "from April 14 to 15", "September 20 and 21"
_pattern(rf"{_PRE}{_md('1')}{_MORE_DAYS}{_SEP}{_day('2')}(?!\s+{_MON}){_yr('2')}?", "digit")(_range)
# "from 3 to 5 June", "between 3 and 5 June 2024", "20 and 21 September"
_pattern(rf"{_PRE}(?:{_ARTICLES}{_GAP})?{_day('1')}{_MORE_DAYS}{_SEP}{_dm('2')}{_yr('2')}?", "digit")(_range)
# "from March 30 to April 2", "December 30, 2024 to January 2, 2025"
_pattern(rf"{_PRE}{_md('1')}{_yr('1')}?{_SEP}{_md('2')}{_yr('2')}?", "digit")(_range)
# "30 March to 2 April 2025"
_pattern(rf"{_PRE}{_dm('1')}{_yr('1')}?{_SEP}{_dm('2')}{_yr('2')}?", "digit")(_range)


@_pattern(rf"{_PRE}{_g('m1', _MON_ALONE)}(?:,?\s+{_year('1')})?{_SEP}{_g('m2', _MON_ALONE)},?\s+{_year('2')}", "digit")
def _month_range(m: re.Match[str], text: str, anchor: dt.date | None) -> DateMention | None:
    """ "January-March 2024", "between October 2023 and March 2024"."""
    m1, m2, y2 = _month_of(m, "m1"), _month_of(m, "m2"), _int(m, "y2")
    if m1 is None or m2 is None or y2 is None or (_range_kind(m["sep"]) == "and" and not m["pre"]):
        return None
    y1 = _int(m, "y1") or (y2 if m1 < m2 else y2 - 1)
    if (y1, m1) >= (y2, m2) or not _year_ok(text, m.start("y2"), m.end("y2")):
        return None
    return _mention(text, m.start(), m.end(), _month_iso(y1, m1), _month_iso(y2, m2))


@_pattern(rf"{_mon('1')},?\s+(?:{_words(_LEX['month_year_links'])}\s+)?{_year('1')}", "digit")
def _month_year(m: re.Match[str], text: str, anchor: dt.date | None) -> DateMention | None:
    month = _month_of(m, "m1")
    if month is None or not _year_ok(text, m.start("y1"), m.end("y1")):
        return None
    return _mention(text, m.start(), m.end(), _month_iso(int(m["y1"]), month))


def _shift(kind: str) -> int:
    return {"last": -1, "next": 1}.get(kind, 0)


def _modifier(m: re.Match[str]) -> str:
    """ "last", "next" or "this" for the modifier of a match (group `rel` before the noun, `rel2` after)."""
    word = (m.groupdict().get("rel") or m.groupdict().get("rel2") or "").lower()
    word = re.sub(r"^the\s+", "", re.sub(r"\s+", " ", word)).replace("’", "'")
    return {"previous": "last", "following": "next"}.get(word) or _MODIFIER_OF.get(word, "this")


_YEAR_ONE = _words([w for w in _LEX["units"]["year"]["one"]])


# "(in) November last year", "nel novembre dell'anno scorso", "novembre dello scorso anno"
@_pattern(rf"{_g('m1', _MON_ALONE)},?\s+(?:of\s+|(?i:dell['’]|dello\s+))?"
          rf"(?:(?P<rel>{_MODS}|(?i:the\s+previous|the\s+following)){_GAP}{_YEAR_ONE}|{_YEAR_ONE}\s+(?P<rel2>{_MODS}))",
          "month")
def _month_rel_year(m: re.Match[str], text: str, anchor: dt.date | None) -> DateMention | None:
    month = _month_of(m, "m1")
    if anchor is None or month is None:
        return None
    return _mention(text, m.start(), m.end(), _month_iso(anchor.year + _shift(_modifier(m)), month), relative=True)


_THAT_YEAR = {re.sub(r"\s+", " ", w.lower()).replace("’", "'"): n for w, n in _LEX["that_year"].items()}
_STATED_YEAR = re.compile(r"(?<![\w/.-])((?:19|20)\d\d)(?![\w%])(?!\s?[-–]\s?\d|/\d)")


def _stated_year(text: str, before: int) -> int | None:
    """The last year written out in text[:before], the one "that year" refers to."""
    years = [m for m in _STATED_YEAR.finditer(text, 0, before) if _year_ok(text, m.start(), m.end())]
    return int(years[-1].group(1)) if years else None


# "in June that year", "in October of the same year", "the previous year", "later that year": a year counted
# from one stated earlier in the sentence. With none stated the mention has no value and is dropped, so that
# "June" is not taken for the nearest June.
@_pattern(rf"(?:{_g('m1', _MON_ALONE)},?\s+(?:of\s+)?)?(?P<ref>{_words(list(_LEX['that_year']))})(?!\w)")
def _that_year(m: re.Match[str], text: str, anchor: dt.date | None) -> DateMention | None:
    year = _stated_year(text, m.start())
    if year is None:
        return _mention(text, m.start(), m.end(), "")
    year += _THAT_YEAR.get(re.sub(r"\s+", " ", m["ref"].lower()).replace("’", "'"), 0)
    month = _month_of(m, "m1")
    return _mention(text, m.start(), m.end(), _month_iso(year, month) if month else str(year))


# "last December", "lo scorso dicembre", "dicembre scorso"
@_pattern(rf"\b(?P<rel>{_NAME_MODS})\s+{_g('m1', _MON_ALONE)}(?!\s*\d)"
          rf"|{_g('m2', _MON_ALONE)}\s+(?P<rel2>{_NAME_MODS})(?!\s+{_UNITS})", "month")
def _rel_month_name(m: re.Match[str], text: str, anchor: dt.date | None) -> DateMention | None:
    """The latest such month before the anchor's month ("last"), the next after it, or this year's."""
    month = _month_of(m, "m1") or _month_of(m, "m2")
    if anchor is None or month is None:
        return None
    kind = _modifier(m)
    if kind == "last":
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif kind == "next":
        year = anchor.year if month > anchor.month else anchor.year + 1
    else:
        year = anchor.year
    start, end = m.span()
    return _mention(text, start, end, _month_iso(year, month), relative=True)


_MONTH_QUALIFIERS = _words(_LEX["month_qualifiers"])


@_pattern(rf"(?:\b{_words(_LEX['month_prepositions'])}\s+(?:{_MONTH_QUALIFIERS}[\s-]+)?"
          r"|\b(?i:early|late|mid)[\s-]+|\bmid-)"
          rf"{_g('m1', _MON_ALONE)}(?![\s,]*\d)", "month")
def _month_alone(m: re.Match[str], text: str, anchor: dt.date | None) -> DateMention | None:
    """ "in November": the nearest November, back from the anchor unless the clause is in the future."""
    month = _month_of(m, "m1")
    if anchor is None or month is None:
        return None
    year = _month_near(anchor, month, tense(text, m.start("m1"), m.end("m1")))
    return _mention(text, m.start("m1"), m.end("m1"), _month_iso(year, month), relative=True)


# "from 2019 to 2021", "dal 2028 al 2030", "tra il 2028 e il 2030"
@_pattern(rf"\b(?P<pre>{_words([w for ws in _LEX['range_from'].values() for w in ws])}){_GAP}"
          rf"(?:{_ARTICLES}{_GAP})?(?P<y1>(?:19|20)\d\d)\s*"
          rf"(?P<sep>-|–|{_words([w for ws in _LEX['range_to'].values() for w in ws])}){_GAP}?\s*"
          rf"(?:{_ARTICLES}{_GAP})?(?P<y2>(?:19|20)\d\d)(?![\w%])", "digit")
def _year_range(m: re.Match[str], text: str, anchor: dt.date | None) -> DateMention | None:
    y1, y2 = int(m["y1"]), int(m["y2"])
    if not 0 < y2 - y1 <= 30 or not _year_ok(text, m.start("y1"), m.end("y2")):
        return None
    if _range_kind(m["pre"]) == "between" and _range_kind(m["sep"]) not in {"and", "-"}:
        return None
    return _mention(text, m.start(), m.end(), str(y1), str(y2))


# A bare year only after a preposition or "year": "in 2019", "since 2014", "in the year 2000", "nel 2019".
@_pattern(rf"(?:\b{_words(_LEX['year_prepositions'])}\s+(?:{_words(_LEX['year_qualifiers'])}[\s-]+)?"
          rf"|\b(?i:early|late|mid)[\s-]|\bmid-|\b{_YEAR_ONE}\s+)"
          + _year("1"), "digit")
def _bare_year(m: re.Match[str], text: str, anchor: dt.date | None) -> DateMention | None:
    if not _year_ok(text, m.start("y1"), m.end("y1")):
        return None
    return _mention(text, m.start("y1"), m.end("y1"), m["y1"])


_UNIT_ONE_ANY = _words([w for forms in _LEX["units"].values() for w in forms["one"]])


# "last year", "earlier this month", "next week", "by the end of the year", "l'anno scorso", "la scorsa settimana",
# "quest'anno"
@_pattern(rf"\b(?:(?i:earlier|later|early|late)\s+)?"
          rf"(?:(?P<rel>{_MODS}|(?i:the\s+end\s+of\s+(?:the|this))){_GAP}(?P<unit>{_UNIT_ONE_ANY})"
          rf"|(?P<unit2>{_UNIT_ONE_ANY})\s+(?P<rel2>{_MODS}))", "unit")
def _rel_unit(m: re.Match[str], text: str, anchor: dt.date | None) -> DateMention | None:
    """A year is given as a year, a month as its month; a week by its month, since which days it covers is
    not known."""
    unit = _UNIT_OF.get((m["unit"] or m["unit2"]).lower())
    if anchor is None or unit not in {"week", "month", "year"}:
        return None
    shift = _shift(_modifier(m))
    if unit == "year":
        value = str(anchor.year + shift)
    elif unit == "month":
        value = _month_iso(*_shift_month(anchor.year, anchor.month, shift))
    else:
        d = anchor + dt.timedelta(days=7 * shift)
        value = _month_iso(d.year, d.month)
    return _mention(text, m.start(), m.end(), value, relative=True)


@_pattern(rf"\b{_words(list(_LEX['relative_days']))}")
def _rel_day(m: re.Match[str], text: str, anchor: dt.date | None) -> DateMention | None:
    word = re.sub(r"\s+", " ", m.group()).lower().replace("’", "'")
    if anchor is None or word not in _DAY_OFFSET:
        return None
    # "India Today", "Italia Oggi" are names.
    if m.group()[0].isupper() and re.search(r"[A-Z]\w*\s+$", text[:m.start()]):
        return None
    d = anchor + dt.timedelta(days=_DAY_OFFSET[word])
    return _mention(text, m.start(), m.end(), _iso(d), relative=True)


@_pattern(rf"\b(?P<n>\d{{1,2}}|{_words(list(_NUMBER_WORDS))})\s+(?P<unit>{_UNITS})\s+{_words(_LEX['ago'])}", "unit")
def _ago(m: re.Match[str], text: str, anchor: dt.date | None) -> DateMention | None:
    if anchor is None:
        return None
    n = int(m["n"]) if m["n"].isdigit() else _NUMBER_WORDS[m["n"].lower()]
    unit = _UNIT_OF[re.sub(r"\s+", " ", m["unit"].lower())]
    if unit == "day":
        return _mention(text, m.start(), m.end(), _iso(anchor - dt.timedelta(days=n)), relative=True)
    if unit == "week":
        d = anchor - dt.timedelta(days=7 * n)
        return _mention(text, m.start(), m.end(), _month_iso(d.year, d.month), relative=True)
    if unit == "month":
        y, mo = _shift_month(anchor.year, anchor.month, -n)
        return _mention(text, m.start(), m.end(), _month_iso(y, mo), relative=True)
    return _mention(text, m.start(), m.end(), str(anchor.year - n), relative=True)


_HOLIDAY_BEFORE = re.compile(r"\b(?:Good|Black|Holy|Ash|Super|Cyber|Easter|Palm|Maundy|Shrove|Bloody)\s+$")


@_pattern(rf"(?:\b(?P<rel>{_NAME_MODS})\s+)?(?P<wd>{_WD_FULL})(?![\w])"
          rf"(?:\s+(?P<rel2>{_NAME_MODS})(?!\s+{_UNITS}))?"
          rf"(?:\s+(?P<tod>{_words(_LEX['day_parts'])}))?", "weekday")
def _weekday(m: re.Match[str], text: str, anchor: dt.date | None) -> DateMention | None:
    if anchor is None:
        return None
    before = text[:m.start()]
    if _HOLIDAY_BEFORE.search(before):
        return None
    # "The Sunday Guardian": a weekday inside a name.
    if re.search(r"\b[Tt]he\s+$", before) and re.match(r"\s+[A-Z]", text[m.end():]):
        return None
    wd_word = m["wd"]
    if wd_word.lower() in _LOWER_WEEKDAYS and wd_word.istitle() and re.match(r"\s+[A-Z][a-z]", text[m.end("wd"):]) \
            and not re.match(rf"\s+{_MON}", text[m.end("wd"):]):
        return None  # "Domenica Rossi": a given name
    weekday = weekday_number(wd_word)
    assert weekday is not None
    kind = _modifier(m) if (m["rel"] or m["rel2"]) else ""
    if kind == "last":
        direction = "before"
    elif kind == "next":
        direction = "after"
    else:
        future = tense(text, m.start(), m.end()) == "future"
        direction = "on-or-after" if future else "on-or-before"
    d = _weekday_near(anchor, weekday, direction)
    return _mention(text, m.start(), m.end(), _iso(d), relative=True)


# "on the 14th": a day of the anchor's month; not "on the 11th India-Italy committee".
@_pattern(r"\b(?i:on)\s+(?P<the>the)\s+(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\b"
          r"(?=\s*(?:[.,;:)!?]|$|\s(?:of\s+this\s+month|and|at|in|when|as|after|before|during|while|to|with|for|but"
          r"|itself|morning|evening|night|afternoon)\b))", "digit")
def _ordinal_day(m: re.Match[str], text: str, anchor: dt.date | None) -> DateMention | None:
    if anchor is None:
        return None
    d = _safe_date(anchor.year, anchor.month, int(m["d"]))
    if d is None:
        return None
    start, end = m.start("the"), m.end()
    tail = re.match(r"\s+of\s+this\s+month", text[end:])
    if tail:
        end += tail.end()
    return _mention(text, start, end, _iso(d), relative=True)


# ---------------------------------------------------------------- finder
def _candidates(text: str, anchor: dt.date | None) -> Iterator[DateMention]:
    present: dict[str, bool] = {}
    for regex, handler, needs in _HANDLERS:
        if needs:
            if needs not in present:
                present[needs] = _NEEDS[needs].search(text) is not None
            if not present[needs]:
                continue
        for m in regex.finditer(text):
            found = handler(m, text, anchor)
            if found is not None:
                yield found


def _stems() -> str:
    """The first letters of every word a date expression without digits must contain."""
    words = [*_names("months", "names"), *_names("months", "short"), *_names("weekdays", "names"),
             *_names("weekdays", "short"), *(w.split()[0] for w in _LEX["relative_days"]), *_UNIT_OF]
    return "|".join(sorted({re.escape(w.lower().replace("’", "'")[:3]) for w in words}))


# Every date expression has a digit or one of these words; most sentences have neither.
_MAYBE_DATE = re.compile(rf"\d|\b(?:{_stems()})", re.IGNORECASE)


def find_dates(text: str, anchor: dt.date | None, day_first: bool | None = None) -> list[DateMention]:
    """Date expressions of `text` in order, longest first where they overlap.

    With `anchor` None only mentions that state their year are returned. `day_first` is the order of numbers
    in the outlet's numeric dates ("on 7/10"); None when not known, and then such a date that could be read
    either way is left out.
    """
    if not _MAYBE_DATE.search(text):
        return []
    out = []
    for d in _find_dates(text, anchor):
        if d.month_first is not None:
            if day_first is None:
                continue
            if not day_first:
                d = DateMention(d.start, d.end, d.text, d.month_first, None, True)
        out.append(d)
    return out


@lru_cache(maxsize=4096)
def _find_dates(text: str, anchor: dt.date | None) -> tuple[DateMention, ...]:
    """The same sentence is read by several steps; it is resolved once."""
    chosen: list[DateMention] = []
    for cand in sorted(_candidates(text, anchor), key=lambda c: (-(c.end - c.start), c.start)):
        if all(cand.end <= c.start or cand.start >= c.end for c in chosen):
            chosen.append(cand)
    return tuple(sorted((c for c in chosen if c.value), key=lambda c: c.start))
