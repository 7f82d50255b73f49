"""Whether two reports are one happening, decided in one place from all the evidence.

A report (or a group of reports already judged one happening) is reduced to a
Profile: kind, the days it may have been on, place, who took part (principals
apart from those who accompany), the distinctive words of its title, status,
sources. `affinity(a, b)` weighs each piece of evidence with the weights of
`lexicon/identity.yml` and says yes when they reach the threshold, with the
reasons (for `kb check`). `holds(umbrella, part)` says whether a visit or a
named summit holds an event in its programme.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from .dates import parse_iso as _parse_iso
from .ids import slug
from .lexicon import _load, countries
from .names import ascii_fold, name_tokens

VETO = float("-inf")
parse_iso = lru_cache(maxsize=2**16)(_parse_iso)  # each date is compared many times
DAY = dt.timedelta(days=1)
_BASIS_RANK = {"curated": 0, "text": 1, "context": 2, "corroborated": 2, "publication": 3, None: 4}
_ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                  "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "maiden": 1, "inaugural": 1}


@cache
def weights() -> dict[str, Any]:
    return _load("identity")


@cache
def _generic() -> frozenset[str]:
    return frozenset(weights()["generic"]) | countries().words


@cache
def _place_names() -> dict[str, str]:
    """Folded place name -> the one name used for comparing."""
    out = {}
    for canon, others in weights()["place_names"].items():
        for name in [canon, *others]:
            out[name] = canon
    return out


@cache
def _kind_relation() -> dict[tuple[str, str], float]:
    """(kind, kind) -> the weight of their being one happening; absent pairs never are."""
    w = weights()["kinds"]
    rel: dict[tuple[str, str], float] = {}
    for group in w["alike_groups"]:
        for a in group:
            for b in group:
                rel[a, b] = w["same"] if a == b else w["alike"]
    for a, b in w["weak"]:
        rel[a, b] = rel[b, a] = 0.0
    return rel


@lru_cache(maxsize=1_000)
def kind_weight(a: str, b: str) -> float:
    w = weights()["kinds"]
    if a == b:
        return w["same"]
    if a in w["any"] or b in w["any"]:
        return w["any_weight"]
    return _kind_relation().get((a, b), VETO)


@lru_cache(maxsize=100)
def related_kinds(kind: str) -> tuple[str, ...]:
    """Kinds a report of `kind` may be one happening with (itself included)."""
    known = set(weights()["lasting"]) | {k for pair in _kind_relation() for k in pair} | set(weights()["kinds"]["any"])
    return tuple(sorted(k for k in known | {kind} if kind_weight(kind, k) != VETO))


# ---------------------------------------------------------------- profiles
@dataclass
class Profile:
    """What identifies a happening, for one report or a group of them."""

    kind: str
    start: dt.date | None = None  # the days it may have been on, slack included
    end: dt.date | None = None
    day: dt.date | None = None  # the one day a report gives from its text, if it does
    basis: str | None = None
    precision: int = 0  # 3 day, 2 month, 1 year, 0 none
    places: set[str] = field(default_factory=set)
    principals: set[str] = field(default_factory=set)
    others: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    ordinals: set[int] = field(default_factory=set)
    named: bool = False  # the title names the happening ("Raisina Dialogue", "G20 Summit")
    names: set[frozenset[str]] = field(default_factory=set)  # words of titles taken from the text
    month: str | None = None  # "2024-06" when a report gives only the month
    statuses: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)

    @property
    def people(self) -> set[str]:
        return self.principals | self.others


def precision_of(date: str | None) -> int:
    return {10: 3, 7: 2, 4: 1}.get(len(date or ""), 0)


def date_rank(basis: str | None, precision: int) -> tuple[int, int]:
    """Lower is better: how a date was found, then how precise it is."""
    return _BASIS_RANK.get(basis, 4), -precision


def window(kind: str, date: str | None, end_date: str | None, basis: str | None) -> tuple[dt.date, dt.date] | None:
    """The days a report's date allows: its span, the slack of how it was found, the days a visit lasts."""
    span = parse_iso(date) if date else None
    if span is None:
        return None
    last = parse_iso(end_date)[1] if end_date and parse_iso(end_date) else span[1]
    before, after = weights()["slack"].get(basis, weights()["slack"]["text"])
    if last == span[0] and not end_date:
        after += weights()["lasting"].get(kind, 0)
    return span[0] - before * DAY, max(last, span[0]) + after * DAY


@lru_cache(maxsize=100_000)
def title_words(title: str, drop: frozenset[str] = frozenset()) -> tuple[frozenset[str], frozenset[int]]:
    """Distinctive words of a title (not generic, not a country or place, not in `drop`), and its ordinals."""
    text = ascii_fold(title).lower()
    text = re.sub(r"\bg[- ]?(\d+)\b", r"g\1", text)  # "G-20", "G 20" and "G20" are one name
    words, ordinals = set(), set()
    for w in slug(text, 40).split("-"):
        m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", w)
        if m or w in _ORDINAL_WORDS:
            ordinals.add(int(m.group(1)) if m else _ORDINAL_WORDS[w])
        elif len(w) > 2 and not w.isdigit() and w not in _generic() and w not in drop:
            words.add(w)
    return frozenset(words), frozenset(ordinals)


@cache
def _generated() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in weights()["generated_titles"]), re.IGNORECASE)


@lru_cache(maxsize=100_000)
def name_of(title: str) -> frozenset[str]:
    """The words of a title the text gave ("India-Italy Joint Defence Committee (JDC)" -> joint, defence,
    committee), without countries, ordinals, acronyms in brackets; empty for a made-up title."""
    if not title or _generated().search(title):
        return frozenset()
    text = re.sub(r"\([^)]*\)", " ", ascii_fold(title).lower())
    drop = set(weights()["name_fillers"]) | countries().words
    return frozenset(w for w in slug(text, 40).split("-")
                     if w not in drop and not w[:1].isdigit() and w not in _ORDINAL_WORDS)


def place_key(place: str | None) -> str | None:
    if not place:
        return None
    key = re.sub(r"^the ", "", ascii_fold(place).lower().strip())
    return _place_names().get(key, key)


@lru_cache(maxsize=10_000)
def _parent(place: str) -> str | None:
    within = weights()["place_within"]
    if place in within:
        return within[place]
    country = countries().place_country.get(place)
    return country.lower() if country else None


def place_weight(a: set[str], b: set[str]) -> float:
    """Same place, one inside the other, or different; nothing when either is unknown."""
    w = weights()["place"]
    if not a or not b:
        return 0.0
    if a & b:
        return w["same"]
    if any(_parent(x) in b for x in a) or any(_parent(y) in a for y in b):
        return w["within"]
    return w["different"]


def place_words(place: str | None) -> frozenset[str]:
    return frozenset(slug(place).split("-")) if place else frozenset()


def name_words(names: list[str]) -> frozenset[str]:
    """Words of people's names, which a title repeats and which say nothing beyond its participants."""
    return frozenset(t for n in names for t in name_tokens(n))


# ---------------------------------------------------------------- the evidence
@dataclass
class Verdict:
    score: float
    reasons: list[tuple[str, float]]

    @property
    def same(self) -> bool:
        return self.score >= weights()["threshold"]


def affinity(a: Profile, b: Profile) -> Verdict:
    """How strongly the evidence says `a` and `b` are one happening."""
    reasons: list[tuple[str, float]] = []
    for check in (_kinds, _status, _dates, _ordinals, _participants, _places, _names, _words, _source):
        got = check(a, b)
        if got is None:
            continue
        reasons.append(got)
        if got[1] == VETO:
            return Verdict(VETO, reasons)
    return Verdict(sum(w for _, w in reasons), reasons)


Evidence = tuple[str, float] | None


def _kinds(a: Profile, b: Profile) -> Evidence:
    if a.kind != b.kind and "summit" in (a.kind, b.kind):
        summit = a if a.kind == "summit" else b
        if summit.named:  # a named summit holds bilateral meetings; it is not one
            return "a named summit is not a meeting on its sidelines", VETO
    w = kind_weight(a.kind, b.kind)
    if w == VETO:
        return f"{a.kind} is not {b.kind}", VETO
    return ("same kind" if a.kind == b.kind else f"{a.kind} and {b.kind} may be one happening"), w


def _status(a: Profile, b: Profile) -> Evidence:
    for x, y in weights()["status"]["apart"]:
        if (x in a.statuses and y in b.statuses) or (y in a.statuses and x in b.statuses):
            if not (a.statuses & b.statuses):
                return f"one is {x}, the other {y}", VETO
    return None


def _dates(a: Profile, b: Profile) -> Evidence:
    w = weights()["dates"]
    if a.start is None or b.start is None or a.end is None or b.end is None:
        return None
    if a.start > b.end or b.start > a.end:
        return "dates too far apart", VETO
    if a.day and b.day:
        if a.day == b.day:
            return "same day", w["same_day"]
        if abs((a.day - b.day).days) <= 1:
            return "days a day apart", w["close"]
    if a.precision == 3 and b.precision == 3:
        return "days close", w["close"]
    if a.month and a.month == b.month:
        return "same month", w["same_month"]
    return "dates overlap", w["overlap"]


def _ordinals(a: Profile, b: Profile) -> Evidence:
    if a.ordinals and b.ordinals and not a.ordinals & b.ordinals:
        return "different editions", VETO
    return None


def _participants(a: Profile, b: Profile) -> Evidence:
    w = weights()["participants"]
    if not (a.principals or a.others) or not (b.principals or b.others):
        return None
    a_all, b_all = a.people, b.people
    shared_p = a.principals & b.principals
    shared_o = (a_all & b_all) - shared_p
    score = w["principal"] * len(shared_p) + w["secondary"] * len(shared_o)
    if a.principals and b.principals and not shared_p:
        return "no principal in common", score + w["no_one_in_common"]
    if shared_p and a.principals - b_all and b.principals - a_all:
        return "other counterparts", score + w["other_counterparts"]
    if not score:
        return None
    return f"{len(shared_p)} principal(s) and {len(shared_o)} other(s) in common", score


def _places(a: Profile, b: Profile) -> Evidence:
    w = place_weight(a.places, b.places)
    if not w:
        return None
    return ("same place" if w > 0 else "different places"), w


def _names(a: Profile, b: Profile) -> Evidence:
    for x in a.names:
        for y in b.names:
            if x and y and (x <= y or y <= x):
                return f"one name ({' '.join(sorted(x & y))})", weights()["names"]["same"]
    return None


def _words(a: Profile, b: Profile) -> Evidence:
    w = weights()["words"]
    if not a.words or not b.words:
        return None
    shared = a.words & b.words
    if not shared:
        return "differently named", w["different"]
    return f"named alike ({', '.join(sorted(shared))})", w["shared"] * min(len(shared), w["shared_cap"])


def _source(a: Profile, b: Profile) -> Evidence:
    if a.sources & b.sources:
        return "one article tells them apart", weights()["same_source"]
    return None


# ---------------------------------------------------------------- programmes
def umbrella_span(kind: str, date: str | None, end_date: str | None,
                  basis: str | None) -> tuple[dt.date, dt.date] | None:
    """The days a visit or a named summit may cover (see `window`), with the umbrella's own slack."""
    u = weights()["umbrellas"].get(kind)
    if u is None or precision_of(date) < 3:
        return None  # a visit known only by its month holds nothing for sure
    span = window(kind, date, end_date, basis)
    return (span[0] - u["before"] * DAY, span[1] + u["after"] * DAY) if span else None


def holds(umbrella: Profile, span: tuple[dt.date, dt.date], part: Profile, part_day: dt.date | None) -> float | None:
    """How well `umbrella` (a visit, a named summit, a meeting) holds `part` in its programme; None if not."""
    u = weights()["umbrellas"].get(umbrella.kind)
    if u is None or part.kind not in u["holds"] or part_day is None or not span[0] <= part_day <= span[1]:
        return None
    if umbrella.kind == "summit" and not umbrella.named:
        return None  # a summit of two leaders is their meeting
    shared = umbrella.principals & part.people
    if umbrella.principals and not shared:
        return None
    place = place_weight(umbrella.places, part.places)
    if place < 0 and _elsewhere(umbrella.places, part.places):
        return None
    return len(shared) + max(place, 0.0)


def _elsewhere(a: set[str], b: set[str]) -> bool:
    """Places known to lie in different countries or seas (a town the lexicon does not know may be anywhere)."""
    ca = {_parent(x) or x for x in a if _parent(x) or x in _parents()}
    cb = {_parent(y) or y for y in b if _parent(y) or y in _parents()}
    return bool(ca and cb and not ca & cb)


@cache
def _parents() -> frozenset[str]:
    """Places that contain others: countries and seas."""
    return frozenset(c.lower() for c in countries().place_country.values()) | frozenset(
        weights()["place_within"].values())
