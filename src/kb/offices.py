"""Offices and terms of office: the reports of one post, however worded, as one row.

    office_key("Ministro della Difesa") == office_key("Defence Minister") == "defence minister"
    offices_in("Deputy Prime Minister and Foreign Minister") -> both offices
    terms_of(roles) -> one Term per office (first and last date reported, sources)

The names of offices are data (`lexicon/offices.yml`): an Italian or Hindi
title maps to the English office, so the extraction of any language feeds one
history. Everything here is a pure function of its arguments.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache

from .dates import parse_iso
from .lexicon import _load, countries, titles
from .model import Person, Role
from .names import ascii_fold

# A term is "current" only when its last report is this recent, relative to the newest article.
CURRENT_WITHIN_DAYS = 365


@dataclass(frozen=True)
class _Offices:
    spellings: dict[str, str]
    fillers: frozenset[str]
    abbreviations: dict[str, str]
    synonyms: dict[str, str]


@cache
def _lexicon() -> _Offices:
    data = _load("offices")
    return _Offices(data["spellings"], frozenset(data["fillers"]), data["abbreviations"], data["synonyms"])


@cache
def _country_words() -> frozenset[str]:
    c = countries()
    return frozenset(w for w in c.by_word if " " not in w)


_PREPOSITIONS = {"of", "to", "in", "for", "at"}


@lru_cache(maxsize=50_000)
def office_key(title: str) -> str:
    """The office a title names, folded: one key for every wording and language of one post."""
    lex = _lexicon()
    text = ascii_fold(title).lower().replace("&", " and ")
    text = re.sub(r"[()\[\],;:]", " ", text)
    words = [lex.spellings.get(w, w) for w in re.findall(r"[a-z0-9'+-]+", text)]
    words = [w for w in (re.sub(r"'s$", "", w) for w in words) if w not in lex.fillers]
    words = _drop_countries(words)
    words = [part for w in words for part in lex.abbreviations.get(w, w).split()]
    key = " ".join(words)
    key = lex.synonyms.get(key, key)
    m = re.fullmatch(r"minister (?:of|for) (.+)", key)
    if m and not m.group(1).startswith("state"):
        key = f"{m.group(1)} minister"  # "minister of defence" is "defence minister"
    return lex.synonyms.get(key, key)


def _drop_countries(words: list[str]) -> list[str]:
    """Country names and demonyms: "of Italy" goes with its preposition, "of the Italian Army" keeps it."""
    names = _country_words()
    out: list[str] = []
    for i, w in enumerate(words):
        if w not in names:
            out.append(w)
            continue
        after = words[i + 1] if i + 1 < len(words) else None
        if after is None or after in _PREPOSITIONS:
            while out and out[-1] in _PREPOSITIONS:
                out.pop()
    return out


def offices_in(title: str) -> list[str]:
    """The offices of a title that names several ("Deputy Prime Minister and Minister of X")."""
    heads = titles().office_heads
    parts = re.split(r"\s+(?:and|&)\s+", title)
    out: list[str] = []
    for part in parts:
        has_head = any(w.lower().strip(".,") in heads for w in part.split())
        if out and not has_head:
            out[-1] = f"{out[-1]} and {part}"  # "Foreign Affairs and International Cooperation"
        else:
            out.append(part)
    return [p.strip() for p in out if p.strip()]


# ---------------------------------------------------------------- terms of office
@dataclass
class Term:
    """One office as the articles report a person in it."""

    title: str  # the wording most reports use
    country: str | None
    office: str  # office_key of the title
    first: str | None = None  # earliest and latest dated report
    last: str | None = None
    sources: list[str] = field(default_factory=list)


def terms_of(roles: list[Role]) -> list[Term]:
    """One term per office and country, oldest first; a title naming two offices counts for both."""
    groups: dict[tuple[str, str | None], list[tuple[str, Role]]] = defaultdict(list)
    for r in roles:
        for part in offices_in(r.title):
            groups[office_key(part) or part.lower(), r.country].append((part, r))
    terms = []
    for (office, country), reports in groups.items():
        dates = sorted(r.date for _, r in reports if r.date and parse_iso(r.date))
        wording = Counter(part for part, _ in reports)
        # The most used wording; on a tie the longest ("Chief of the Army Staff" over "Army Chief").
        title = max(wording, key=lambda t: (wording[t], len(t), t))
        sources = list(dict.fromkeys(r.source for _, r in reports if r.source))
        terms.append(Term(title, country, office, dates[0] if dates else None, dates[-1] if dates else None, sources))
    return sorted(terms, key=lambda t: (t.first or "9999", t.last or "", t.title))


def current_term(terms: list[Term], newest: str | None) -> Term | None:
    """The term last reported, if that report is recent relative to the newest article (`newest`)."""
    dated = [t for t in terms if t.last]
    if not dated or not newest:
        return None
    latest = max(dated, key=lambda t: (t.last or "", t.first or ""))
    return latest if is_recent(latest.last, newest) else None


@cache
def rank_keys() -> frozenset[str]:
    """Military ranks folded like offices: a rank is not an office with holders."""
    return frozenset(office_key(canon) for _, canon in titles().ranks)


@dataclass
class Holder:
    person: str  # person id
    term: Term


Office = tuple[str, str | None]  # (office key, country)


def office_holders(people: dict[str, Person], terms: dict[str, list[Term]]) -> dict[Office, list[Holder]]:
    """(office, country) -> its holders in the order they were first reported in it."""
    out: dict[Office, list[Holder]] = defaultdict(list)
    for pid in people:
        for t in terms.get(pid, []):
            out[t.office, t.country].append(Holder(pid, t))
    for holders in out.values():
        holders.sort(key=lambda h: (h.term.first or "9999", h.term.last or "", h.person))
    return dict(out)


def years(term: Term) -> str:
    """ "2020–2021", "2023", or "" when no report is dated."""
    first, last = (term.first or "")[:4], (term.last or "")[:4]
    if not first:
        return ""
    return first if first == last else f"{first}–{last}"


def is_recent(date: str | None, newest: str | None, days: int = CURRENT_WITHIN_DAYS) -> bool:
    """Whether `date` is at most `days` before `newest`."""
    a, b = parse_iso(date or ""), parse_iso(newest or "")
    return bool(a and b) and b[0] - a[1] <= dt.timedelta(days=days)
