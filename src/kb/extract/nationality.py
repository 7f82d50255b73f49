"""A person's country, from what the article states and no further.

A title states a country ("Italian Defence Minister", "ministro della Difesa
indiano", "Shri", "of the French Navy"); some phrasings only rule one out:
"her Indian counterpart" says the subject is not Indian, "on a visit to Italy"
and "Ambassador to Italy" that the person is not Italian. What the text does
not state is assumed, and marked as assumed: the country whose officials the
article names without nationality (its home), else the country it was filed
from, else the one side of the pair that was not ruled out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Protocol

from ..lexicon import boilerplate, countries, sides, titles
from .doc import ArticleDoc


class _Mention(Protocol):
    sentence: int
    start: int
    end: int
    person: int | None
    host: str | None


@cache
def _counterpart() -> re.Pattern[str]:
    words = "|".join(sorted(titles().counterparts, key=len, reverse=True))
    return re.compile(rf"\b(?:his|her|their|its|suo|sua|loro)\s+(?:(\w+)\s+)?(?:{words})\b(?:\s+(\w+))?",
                      re.IGNORECASE)


_VISITING = re.compile(r"\b(?:visit(?:ing|ed|s)?|tour(?:ing|ed)?|arrived in|arrives in|in visita|visita|permanenza|"
                       r"missione)\s+(?:to\s+)?(?:[\w-]+\s+){0,3}?(?:to|in|a)?\s*([A-Z][\w-]+(?:\s[A-Z][\w-]+)?)")


def _country_of_place(place: str) -> str | None:
    return countries().country_of(place) or countries().place_country.get(place.lower())


def _ruled_out(text: str, subject: _Mention, here: Sequence[_Mention]) -> str | None:
    """The country a sentence rules out for its subject: "X and her Indian counterpart", "X, on a visit to Italy"."""
    cp = _counterpart().search(text)
    if cp and cp.start() > subject.start:
        c = countries().country_of(cp.group(1) or "") or countries().country_of(cp.group(2) or "")
        if c:
            return c
    for v in _VISITING.finditer(text):
        if v.start() < subject.end:
            continue
        if any(subject.end <= m.start < v.start() for m in here if m.person != subject.person):
            return None  # "X held talks with Y on ... a visit to Z": the visit is not X's
        return _country_of_place(v.group(1))
    return None


def exclusions(doc: ArticleDoc, mentions: Sequence[_Mention], stated: Sequence[str | None]) -> dict[int, set[str]]:
    """Per person (index into `stated`), the countries the article rules out."""
    out: dict[int, set[str]] = {}
    for m in mentions:
        if m.person is not None and m.host:
            out.setdefault(m.person, set()).add(m.host)
    for s_index, sent in enumerate(doc.sentences):
        here = [m for m in mentions if m.sentence == s_index and m.person is not None]
        if not here:
            continue
        subject = min(here, key=lambda m: m.start)
        if stated[subject.person]:  # type: ignore[index]
            continue
        c = _ruled_out(sent.text, subject, here)
        if c:
            out.setdefault(subject.person, set()).add(c)  # type: ignore[arg-type]
    return out


def _dateline_country(doc: ArticleDoc) -> str | None:
    return _country_of_place(doc.dateline.place) if doc.dateline and doc.dateline.place else None


def assumed_home(doc: ArticleDoc) -> str | None:
    """The country of the officials the article names without nationality: its outlet's, else that of a third
    country it was filed from, else the side its text treats as its own, else that of its language's press."""
    outlet_home = boilerplate()["outlets"].get(doc.source.outlet or "")
    if outlet_home in sides():
        return outlet_home
    filed = _dateline_country(doc)
    if filed and filed not in sides():
        return filed
    return doc.home or countries().by_language.get(doc.language or "")


def decide_country(stated: str | None, excluded: set[str], home: str | None,
                   doc: ArticleDoc) -> tuple[str | None, bool]:
    """The person's country and whether it was only assumed."""
    if stated:
        return stated, False
    if home and home not in excluded:
        return home, True
    filed = _dateline_country(doc)
    if filed and filed not in excluded:
        return filed, True
    left = [c for c in sides().pair if c not in excluded]
    if excluded & set(sides().pair) and len(left) == 1:
        return left[0], True
    return None, False
