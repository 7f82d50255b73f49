"""Where a happening took place: the place a clause names.

A sea or region ("in the Tyrrhenian Sea"), a facility with its place ("the
plant at Vergiate", "the Amendola air base"), a place after a prefix ("the
town of Cassino") or a known city after a preposition ("met in Rome"). Seas
named in what was discussed or in a person's office are a topic or a post,
not a venue. Places are given their English names (lexicon data).
"""

from __future__ import annotations

import re
from functools import cache

from ..lexicon import countries, event_words, places, titles


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = places()

    def alts(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    heads = alts(list(titles().office_heads))
    topics = event_words().words("topics").pattern
    return {
        "seas": re.compile(rf"\b(?:{alts(lex['seas'])})\b", re.IGNORECASE),
        "water": re.compile(rf"\b([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+({alts(lex['water_suffixes'])})\b"),
        "facility": re.compile(rf"\b(?:{alts(lex['facilities'])})\s+(?:at|in)\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)"),
        "base": re.compile(rf"\b([A-Z][a-z]+)\s+(?:{alts(lex['named_bases'])})\b"),
        "prefix": re.compile(rf"\b(?i:{alts(lex['prefixes'])})\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)"),
        "before": re.compile(rf"\b(?:{alts(lex['before_place'])})\s+(?:the\s+)?"
                             r"([A-Z][a-z]+(?:\s(?:(?:di|de|da|del|della)\s)?[A-Z][a-z]+){0,2})"),
        "topic": re.compile(rf"(?:{topics})[^;]*"),
        "office": re.compile(rf"(?:^|,\s|\b(?:the|its|his|her|their)\s)(?:[\w'’-]+\s){{0,3}}?(?:{heads})\s+"
                             r"(?:of|in|at)\s[^,;.()]*(?=,)", re.IGNORECASE),
    }


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    for a, b in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def _office_spans(text: str) -> list[tuple[int, int]]:
    """Offices in apposition to a name: "X, commander of the Red Sea task force, met ...",
    "the commander of the French forces in the Indian Ocean, Rear Admiral X": their places are posts, not venues."""
    spans = []
    for m in _patterns()["office"].finditer(text):
        after = text[m.end() + 1:].lstrip()
        if m.group().startswith(",") or after[:1].isupper():
            spans.append(m.span())
    return spans


def _found(text: str) -> list[tuple[int, str]]:
    """(position, place) of every place the text names."""
    pat = _patterns()
    c = countries()
    found: list[tuple[int, str]] = []
    # Seas and regions in what was talked about or in an office are a topic or a post; a city there
    # ("the defence attache in New Delhi, who called on ...") may still be the venue.
    seas_text = _blank(text, [m.span() for m in pat["topic"].finditer(text)] + _office_spans(text))
    found += [(m.start(), _sea_name(m.group())) for m in pat["seas"].finditer(seas_text)]
    found += [(m.start(), f"{m.group(1)} {m.group(2)}") for m in pat["water"].finditer(seas_text)]
    found += [(m.start(1), m.group(1)) for m in pat["facility"].finditer(text)]
    not_places = set(places()["not_places"])
    found += [(m.start(1), m.group(1)) for m in pat["base"].finditer(text)
              if m.group(1).lower() not in not_places and not c.country_of(m.group(1))]
    found += [(m.start(1), m.group(1)) for m in pat["prefix"].finditer(text)]
    for m in pat["before"].finditer(text):
        words = m.group(1).split()
        for cand in (" ".join(words[:n]) for n in range(len(words), 0, -1)):
            if cand.lower() in c.place_country:
                found.append((m.start(1), c.places[cand.lower()]))
                break
    return found


def _sea_name(written: str) -> str:
    """The lexicon's spelling of a sea matched case-insensitively."""
    return next((s for s in places()["seas"] if s.lower() == written.lower()), written)


def english_place(name: str | None) -> str | None:
    """A place as the pages give it: its English name ("Napoli" -> "Naples", "Mar Ligure" -> "Ligurian Sea")."""
    if not name:
        return name
    return _english_names().get(name.lower(), name)


@cache
def _english_names() -> dict[str, str]:
    return {k.lower(): v for k, v in (places().get("english_names") or {}).items()}


def place_in(text: str, near: int | None = None) -> str | None:
    """The place `text` names, in English: the first one, or with `near` (a trigger's offset) the nearest
    after it, else the nearest before it."""
    found = _found(text)
    if not found:
        return None
    if near is None:
        return english_place(found[0][1])
    after = [f for f in found if f[0] >= near]
    pick = min(after, key=lambda f: f[0]) if after else max(found, key=lambda f: f[0])
    return english_place(pick[1])


def country_named(text: str) -> str | None:
    """The country a clause sends a happening to ("a visit to Italy", "talks in India"): a country's name,
    not its demonym, after a word that introduces a place."""
    c = countries()
    pat = _patterns()
    for m in pat["before"].finditer(_blank(text, [m.span() for m in pat["topic"].finditer(text)])):
        if m.group().lower().startswith("from"):
            continue  # "arrived from India": where someone came from, not where it happened
        word = m.group(1).split()[0]
        if word.lower() not in c.demonyms and (country := c.country_of(word)):
            return country
    return None


def fits_place(place: str | None, clause: str) -> bool:
    """Whether a place told before (the dateline's, the story's) can be this clause's venue: not when the
    clause names another country ("NEW DELHI: ... is on a visit to Italy")."""
    named = country_named(clause)
    return named is None or country_of_place(place) in (None, named)


def country_of_place(place: str | None) -> str | None:
    if not place:
        return None
    c = countries()
    return c.country_of(place) or c.place_country.get(place.lower())


def is_sea(place: str | None) -> bool:
    """A sea, an ocean or a stretch of coast ("Ligurian Sea", "Konkan coast"): where ships are."""
    if not place:
        return False
    if place.lower() in {s.lower() for s in places()["seas"]}:
        return True
    return place.split()[-1] in places()["water_suffixes"]
