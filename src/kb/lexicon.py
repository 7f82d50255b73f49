"""The lexicons in `lexicon/*.yml`, loaded once and shaped for lookup.

They hold knowledge of the domain (titles, ranks, countries, event words,
boilerplate), never facts of particular articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

# libyaml's parser when PyYAML has it: every process (each extraction worker too) loads the lexicons.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load(name: str) -> Any:
    text = resources.files("kb").joinpath("lexicon", f"{name}.yml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader


def _norm(word: str) -> str:
    return word.lower().strip(".").replace("’", "'")


def _norm_words(phrase: str) -> tuple[str, ...]:
    """Lower-case words of a phrase as the tokenizer cuts them: "d'Armata" is "d'" and "armata"."""
    low = re.sub(r"(?<![\w'])([a-z]+')(?=\w)", r"\1 ", phrase.lower().replace("’", "'").replace("-", " "))
    return tuple(w.strip(".").rstrip("'") for w in low.split())


@dataclass(frozen=True)
class Titles:
    ranks: tuple[tuple[tuple[str, ...], str], ...]  # (words as written, rank), longest first
    rank_english: dict[str, str]  # "Contrammiraglio" -> "Rear Admiral": ranks of other languages
    rank_words: frozenset[str]  # every word of any rank
    postnominals: frozenset[str]  # as written: "VC", "PVSM"
    service_tags: dict[str, str | None]  # as written: "IN" in "Capt (IN)" -> the service's country
    honorifics: frozenset[str]
    honorific_country: dict[str, str]  # "shri" -> "India": honorifics of one country only
    office_heads: frozenset[str]
    role_nouns: frozenset[str]
    counterparts: frozenset[str]
    office_words: frozenset[str]
    fillers: frozenset[str]
    abbreviations: dict[str, str]  # "PM" -> "Prime Minister", as written
    translated_offices: tuple[tuple[tuple[str, ...], str], ...]  # (words, English office or body), longest first
    translated_starts: frozenset[str]  # first words of those offices
    translated_qualifiers: dict[str, str]  # "vicario" -> "Acting"
    unit_offices: dict[str, str]  # "task group" -> "Commander of the": the office of a unit's leader
    unit_cues: tuple[tuple[str, ...], ...]  # "led by", "under the command of", as words
    office_country: dict[str, tuple[str, ...]]  # country -> offices only its officials hold

    def rank_of(self, words: list[str]) -> tuple[str, int] | None:
        """The rank that the words start with, and how many words it takes."""
        if not words:
            return None
        low = tuple(_norm(w).rstrip("'") for w in words)
        if low[0] not in self.rank_words:
            return None
        for form, canon in self.ranks:
            if low[: len(form)] == form:
                return canon, len(form)
        return None

    def english_office(self, words: list[str]) -> tuple[str, int] | None:
        """The English form of the Italian office the words start with, and how many words it takes."""
        low = tuple(_norm(w).rstrip("'") for w in words)
        if not low or low[0] not in self.translated_starts:
            return None
        for form, english in self.translated_offices:
            if low[: len(form)] == form:
                return english, len(form)
        return None


@cache
def titles() -> Titles:
    data = _load("titles")
    ranks: list[tuple[tuple[str, ...], str]] = []
    for service in data["ranks"].values():
        for r in service:
            for form in [r["name"], *r.get("short", [])]:
                ranks.append((_norm_words(form), r["name"]))
    ranks.sort(key=lambda fr: -len(fr[0]))
    phrases = {**data["translated_bodies"], **data["translated_offices"]}
    offices = sorted(((_norm_words(k), v) for k, v in phrases.items()), key=lambda kv: -len(kv[0]))
    abbreviations = {str(k): v for k, v in data["abbreviations"].items()}
    return Titles(
        ranks=tuple(ranks),
        rank_english={r["name"]: r["en"] for service in data["ranks"].values() for r in service if "en" in r},
        rank_words=frozenset(w for form, _ in ranks for w in form),
        postnominals=frozenset(data["postnominals"]),
        service_tags=dict(data["service_tags"]),
        honorifics=frozenset(_norm(h) for h in data["honorifics"]),
        honorific_country={_norm(h): country for country, hs in data["honorific_country"].items() for h in hs},
        office_heads=frozenset(_norm(h) for h in [*data["office_heads"], *abbreviations]),
        role_nouns=frozenset(_norm(w) for w in data["role_nouns"]),
        counterparts=frozenset(_norm(w) for w in data["counterpart_words"]),
        office_words=frozenset(_norm(w) for w in data["office_words"]),
        fillers=frozenset(_norm(w).rstrip("'") for w in data["role_fillers"]),
        abbreviations=abbreviations,
        translated_offices=tuple(offices),
        translated_starts=frozenset(form[0] for form, _ in offices),
        translated_qualifiers={k.lower(): v for k, v in data["translated_qualifiers"].items()},
        unit_offices={unit: office for office, units in data["unit_offices"].items() for unit in units},
        unit_cues=tuple(sorted((tuple(c.split()) for c in data["unit_cues"]), key=len, reverse=True)),
        office_country={c: tuple(offs) for c, offs in data["office_country"].items()},
    )


@dataclass(frozen=True)
class Countries:
    by_word: dict[str, str]  # "italian" / "italy" / "italy's" -> "Italy"
    place_country: dict[str, str]  # "rome" -> "Italy"
    places: dict[str, str]  # "rome" -> "Rome" (as written in the lexicon)
    words: frozenset[str]  # every single word of any country name, demonym or place
    by_language: dict[str, str]  # "it" -> the country whose own press writes in that language
    demonyms: frozenset[str]  # "indian", "indiano": adjectives of a country, not its names
    also_names: frozenset[str]  # country words that are also personal names ("bharat")

    def country_of(self, word: str) -> str | None:
        w = word.lower().strip(".").replace("’", "'")
        w = re.sub(r"'s$", "", w)
        return self.by_word.get(w)


@cache
def countries() -> Countries:
    data = _load("countries")
    by_word: dict[str, str] = {}
    place_country: dict[str, str] = {}
    places: dict[str, str] = {}
    words: set[str] = set()
    by_language: dict[str, str] = {}
    demonyms = {d.lower() for info in data.values() for d in info.get("demonyms", [])}
    also_names = {n.lower() for info in data.values() for n in info.get("also_names", [])}
    for country, info in data.items():
        if info.get("language"):
            by_language[info["language"]] = country
        for n in [country, *info.get("names", []), *info.get("demonyms", [])]:
            by_word[n.lower()] = country
            words.update(n.lower().split())
        for p in info.get("places", []):
            place_country[p.lower()] = country
            places[p.lower()] = p
            words.update(p.lower().split())
    return Countries(by_word, place_country, places, frozenset(words), by_language, frozenset(demonyms),
                     frozenset(also_names))


@dataclass(frozen=True)
class Sides:
    """The country pair the knowledge base follows (lexicon/sides.yml)."""

    pair: tuple[str, str]

    def __contains__(self, country: object) -> bool:
        return country in self.pair

    def other(self, country: str | None) -> str | None:
        """The other side of the pair, or None for a third country."""
        if country == self.pair[0]:
            return self.pair[1]
        if country == self.pair[1]:
            return self.pair[0]
        return None

    @property
    def label(self) -> str:
        """ "India–Italy": how the site names the relationship."""
        return "–".join(self.pair)


@cache
def sides() -> Sides:
    a, b = _load("sides")["sides"]
    return Sides((str(a), str(b)))


@cache
def languages() -> dict[str, Any]:
    return _load("languages")


@cache
def date_words() -> dict[str, Any]:
    """Months, weekdays, relative days and tense cues of every language covered (lexicon/dates.yml)."""
    return _load("dates")


@cache
def places() -> dict[str, Any]:
    return _load("places")


@dataclass(frozen=True)
class Kinds:
    """Trigger patterns by kind, compiled."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    precedence: tuple[str, ...]
    extra: dict[str, Any]
    any: re.Pattern[str]  # matches where any of the patterns does: a cheap first test


def _token_regex(spec: dict[str, Any]) -> str:
    """One token spec of a Matcher-style pattern as a regular expression for one word."""
    if "REGEX" in spec:
        return f"(?:{spec['REGEX']})"
    if "TEXT" in spec:
        return f"(?-i:{re.escape(spec['TEXT'])})"
    value = spec.get("LOWER", spec.get("ORTH", ""))
    if isinstance(value, dict):
        return "(?:" + "|".join(re.escape(str(w)) for w in value["IN"]) + ")"
    return re.escape(str(value))


def _tokens_regex(specs: list[dict[str, Any]]) -> str:
    """Token specs joined by white space; OP "?", "*", "+" repeat a token as spaCy's Matcher does."""
    out, joined = "", False
    for spec in specs:
        word, op = _token_regex(spec), spec.get("OP", "")
        if joined:
            out += rf"(?:\s+{word}){op}"
        elif op:
            out += rf"(?:{word}\s+){op}"
        else:
            out += word
        joined = joined or not op
    return out


def pattern_regex(entry: str | dict[str, Any]) -> str:
    """The regular expression of one lexicon pattern: a phrase (itself a regular expression over words),
    or a mapping with `phrase:` or Matcher-style `tokens:`."""
    if isinstance(entry, str):
        return entry
    if "tokens" in entry:
        return _tokens_regex(entry["tokens"])
    return str(entry["phrase"])


def words_regex(entries: list[Any]) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of the entries as whole words."""
    alts = sorted((pattern_regex(e) for e in entries), key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alts)})(?![\w-])", re.IGNORECASE)


def _compile_kinds(data: dict[str, Any]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    out = []
    for kind, pats in data["kinds"].items():
        for p in pats:
            out.append((kind, re.compile(rf"(?<![\w-])(?:{pattern_regex(p)})(?![\w-])", re.IGNORECASE)))
    return tuple(out)


def _any(patterns: tuple[tuple[str, re.Pattern[str]], ...]) -> re.Pattern[str]:
    return re.compile("|".join(p.pattern for _, p in patterns), re.IGNORECASE)


@dataclass(frozen=True)
class TriggerPattern:
    kind: str
    pattern: re.Pattern[str]
    title: str | None = None  # the verb an event title uses ("calls on"), when not "meets"


@dataclass(frozen=True)
class EventWords:
    """The events lexicon (lexicon/events.yml), compiled: trigger patterns by kind and the word lists around them."""

    triggers: tuple[TriggerPattern, ...]
    precedence: tuple[str, ...]
    any: re.Pattern[str]  # matches where any trigger does: a cheap first test
    references: tuple[re.Pattern[str], ...]  # clauses that only refer back to an event ("during the visit")
    lists: dict[str, re.Pattern[str]]  # each word list of the lexicon as one pattern
    data: dict[str, Any]

    def words(self, name: str) -> re.Pattern[str]:
        return self.lists[name]


@cache
def event_words() -> EventWords:
    data = _load("events")
    triggers = tuple(TriggerPattern(kind, re.compile(rf"(?<![\w-])(?:{pattern_regex(p)})(?![\w-])", re.IGNORECASE),
                                    p.get("title") if isinstance(p, dict) else None)
                     for kind, pats in data["kinds"].items() for p in pats)
    lists = {name: words_regex(value) for name, value in data.items()
             if isinstance(value, list) and name not in {"precedence", "references"}}
    references = tuple(re.compile(pattern_regex(r), re.IGNORECASE) for r in data["references"])
    return EventWords(triggers, tuple(data["precedence"]),
                      re.compile("|".join(t.pattern.pattern for t in triggers), re.IGNORECASE), references, lists, data)


@cache
def agreement_lexicon() -> dict[str, Any]:
    """Instrument words and the cues of signing, planning and cancelling (read by extract/instruments.py)."""
    return _load("agreements")


@cache
def organisations() -> dict[str, Any]:
    return _load("organisations")


@cache
def boilerplate() -> dict[str, Any]:
    return _load("boilerplate")


@dataclass(frozen=True)
class Outlets:
    """News outlets and agencies (boilerplate.yml `outlets` and `outlet_forms`)."""

    home: dict[str, str | None]  # name -> the country whose officials it names without nationality
    forms: dict[str, str]  # every form of a name, lower case -> the name

    def name_of(self, text: str | None) -> str | None:
        """The outlet `text` names ("Press Trust of India", "(ANSA)", "nova"), or None."""
        if not text:
            return None
        return self.forms.get(re.sub(r"\s+", " ", text.strip(" ()[]").lower()))

    @property
    def pattern(self) -> str:
        """Every form as a regular expression (longest first), to be used case-insensitively."""
        return "|".join(re.escape(f).replace("\\ ", r"\s+") for f in sorted(self.forms, key=len, reverse=True))


@cache
def outlets() -> Outlets:
    data = boilerplate()
    home = dict(data["outlets"])
    names = {name.lower(): name for name in home}
    forms = {form.lower(): names[name.lower()] for form, name in data["outlet_forms"].items() if name.lower() in names}
    return Outlets(home, forms | names)
