"""Agreements across articles: one entry per instrument.

Reports merge when they are of one kind, their dates agree (within a few
days), their parties do not exclude each other, the years their titles name
agree, and their titles are one name or a short form of it ("the Action
Plan" of "the Joint Strategic Action Plan 2025-29"). Instruments are found
through the distinctive words of their titles and the months they may date
from, so a word such as "defence" does not make every agreement a candidate.
A report without a date joins only the one instrument it fits.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

from .identity import DAY, date_rank, parse_iso, precision_of, weights
from .ids import slug, unique
from .lexicon import countries, sides
from .model import Agreement, Extraction, KnowledgeBase

SLACK_DAYS = 3
VAGUE_LIMIT = 30  # instruments an undated report may be: beyond that it stands alone
_STOP = {"of", "on", "in", "the", "for", "and", "between", "to", "a", "an"}


@cache
def _generic() -> frozenset[str]:
    return frozenset(weights()["instruments"]["generic"]) | _STOP


def title_words(title: str) -> set[str]:
    """Words that tell titles apart: not small words, numbers, or the names of the two sides."""
    return {w for w in slug(title, 40).split("-")
            if w not in _STOP and not w.isdigit() and countries().country_of(w) not in sides()}


def distinctive(title: str) -> set[str]:
    """Words that name this instrument and not instruments in general."""
    return {w for w in title_words(title) if w not in _generic()}


def title_years(title: str) -> set[int]:
    """Years a title names: "2025-29" and "2025-2029" both name 2025 and 2029."""
    years = set()
    for m in re.finditer(r"\b((?:19|20)\d\d)(?:\s*[-–/]\s*(\d{2,4}))?\b", title):
        years.add(int(m.group(1)))
        if m.group(2):
            end = m.group(2)
            years.add(int(m.group(1)[:2] + end) if len(end) == 2 else int(end))
    return years


def _dates_agree(a: str | None, b: str | None, slack: int = SLACK_DAYS) -> bool:
    if not a or not b:
        return True
    sa, sb = parse_iso(a), parse_iso(b)
    if not sa or not sb:
        return a == b
    return sa[0] <= sb[1] + slack * DAY and sb[0] <= sa[1] + slack * DAY


def _years_fit(years: set[int], date: str | None) -> bool:
    """A plan for 2025-29 is signed at the earliest a couple of years before its first year."""
    span = parse_iso(date) if date else None
    return not years or span is None or min(years) - 2 <= span[0].year <= max(years)


def _told_later(a: Agreement, b: Agreement) -> bool:
    """One report dates a named instrument only by the day it came out, the other states an earlier day: the
    later report tells of the same signing."""
    for late, early in ((a, b), (b, a)):
        if late.date_basis == "publication" and early.date_basis == "text" and late.date and early.date \
                and early.date < late.date and distinctive(late.title) and distinctive(early.title):
            return True
    return False


def same_instrument(a: Agreement, b: Agreement) -> bool:
    if a.kind != b.kind or not (_dates_agree(a.date, b.date) or _told_later(a, b)):
        return False
    ya, yb = title_years(a.title), title_years(b.title)
    if (ya and yb and not ya & yb) or not _years_fit(ya, b.date) or not _years_fit(yb, a.date):
        return False
    wa, wb = title_words(a.title), title_words(b.title)
    if not wa or not wb:
        return False
    orgs_a = {p.lower() for p in a.parties if p not in sides()}
    orgs_b = {p.lower() for p in b.parties if p not in sides()}
    if orgs_a and orgs_b and not orgs_a & orgs_b:
        return False
    return wa <= wb or wb <= wa or len(wa & wb) / len(wa | wb) >= 0.6


# ---------------------------------------------------------------- blocking
def _months(date: str | None) -> list[str]:
    span = parse_iso(date) if date else None
    if span is None:
        return ["U"]
    start, end = span[0] - SLACK_DAYS * DAY, span[1] + SLACK_DAYS * DAY
    out, (y, m) = [], (start.year, start.month)
    while (y, m) <= (end.year, end.month):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


@dataclass
class _Index:
    """Instruments by kind and distinctive word ("g": titles with none, "all": every one), then month."""

    buckets: dict[str, dict[str, list[int]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(list)))

    def add(self, a: Agreement, i: int, words: set[str]) -> None:
        keys = [f"w:{a.kind}:{w}" for w in sorted(words)] + [f"all:{a.kind}"] + ([] if words else [f"g:{a.kind}"])
        # Dated by the day it was reported only: a report stating an earlier day may be of it.
        months = _months(a.date) + (["U"] if a.date_basis == "publication" and words else [])
        for key in keys:
            for month in months:
                if i not in self.buckets[key][month][-1:]:
                    self.buckets[key][month].append(i)

    def near(self, a: Agreement, words: set[str]) -> list[int]:
        """A named report meets instruments sharing a word or named by no word; a short form meets all."""
        keys = [f"w:{a.kind}:{w}" for w in sorted(words)] + [f"g:{a.kind}"] if words else [f"all:{a.kind}"]
        keys = [k for k in keys if k in self.buckets]
        found: set[int] = set()
        if a.date and parse_iso(a.date):
            for key in keys:
                for month in [*_months(a.date), "U"]:
                    found.update(self.buckets[key].get(month, ()))
            if a.date_basis == "publication" and words:  # it may be an instrument signed earlier
                for key in (k for k in keys if k.startswith("w:")):
                    found.update(i for month, ids in self.buckets[key].items() if month < a.date for i in ids)
            return sorted(found)
        for key in keys:
            for ids in self.buckets[key].values():
                found.update(ids)
                if len(found) > VAGUE_LIMIT:
                    return []
        return sorted(found)


# ---------------------------------------------------------------- all together
def resolve_agreements(extractions: list[Extraction], kb: KnowledgeBase, people: dict[tuple[str, str], str],
                       orgs: dict[tuple[str, str], str]) -> dict[tuple[str, str], Agreement]:
    """Merge the agreements of `extractions` (oldest first) into `kb.agreements`; (source, local id) -> merged."""
    merged: list[Agreement] = []
    founders: list[str] = []  # id of each from the report that founded it: later articles never move it
    index = _Index()
    out: dict[tuple[str, str], Agreement] = {}
    for ex in extractions:
        sid = ex.source.id
        for local in ex.agreements:
            a = Agreement(id="", title=local.title, kind=local.kind, date=local.date,
                          parties=_parties(local.parties, ex, orgs),
                          signatories=[people[sid, s] for s in local.signatories if (sid, s) in people],
                          evidence=list(local.evidence), sources=[sid], status=local.status,
                          instrument=local.instrument, date_basis=local.date_basis)
            words = distinctive(a.title)
            fits = [i for i in index.near(a, words) if same_instrument(merged[i], a)]
            if fits and (a.date or len(fits) == 1):
                target = merged[fits[0]]
                _absorb(target, a)
                index.add(target, fits[0], distinctive(target.title))
            else:
                target = a
                merged.append(a)
                founders.append(f"{a.date + '-' if a.date else ''}{slug(a.title)}")
                index.add(a, len(merged) - 1, words)
            out[sid, local.id] = target
    taken: set[str] = set()
    for a, base in zip(merged, founders, strict=True):
        a.id = unique(base, taken)
        kb.agreements[a.id] = a
    return out


def _absorb(target: Agreement, a: Agreement) -> None:
    """A later report adds to an instrument; its status is the newer news (planned, then signed)."""
    target.status = a.status
    target.instrument = target.instrument or a.instrument
    if a.date and (not target.date or date_rank(a.date_basis, precision_of(a.date))
                   < date_rank(target.date_basis, precision_of(target.date))):
        target.date, target.date_basis = a.date, a.date_basis  # a stated date over the day a report came out
    target.parties = list(dict.fromkeys(target.parties + a.parties))
    target.signatories = list(dict.fromkeys(target.signatories + a.signatories))
    target.evidence.extend(a.evidence)
    target.sources.extend(s for s in a.sources if s not in target.sources)


def _parties(parties: list[str], ex: Extraction, orgs: dict[tuple[str, str], str]) -> list[str]:
    """Countries stay names; a party named by an organisation's acronym or name becomes its id."""
    sid = ex.source.id
    out = []
    for p in parties:
        if p in sides():
            out.append(p)
            continue
        p = orgs.get((sid, slug(p)), p)
        out.append(next((orgs.get((sid, o.id), p) for o in ex.organisations if p in {o.acronym, o.name}), p))
    return out
