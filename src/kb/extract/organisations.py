"""Organisations of one article: acronym definitions, names with an
organisation head word ("Ministry of ...", "... Limited", "Indian Navy"), and
companies introduced as such ("the Italian firm X")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..lexicon import countries, organisations, titles
from ..model import Organisation
from .doc import ArticleDoc

_CAP = r"[A-Z][\w&'’.-]*"
_LINK = r"(?:of|for|and|the|&|de|di|del|della|per|in|on)"
# A capitalised phrase, possibly with linking words and commas inside ("..., Defence and Security").
_PHRASE = rf"{_CAP}(?:(?:\s+|,\s+)(?:{_LINK}\s+)*{_CAP})*"
# A name without an acronym: no commas, and "and" only inside ("Ministry of Commerce and Industry").
_NAMED = re.compile(rf"{_CAP}(?:\s+(?:(?:of|for|the|&|and)\s+)*{_CAP})*")
_ACRONYM_DEF = re.compile(rf"({_PHRASE})\s*\(([A-Z][A-Za-z&]{{1,9}})\)")
_NOT_ORG_NOUNS = {"memorandum", "agreement", "exercise", "dialogue", "declaration", "letter", "plan", "summit",
                  "seminar", "conference", "roundtable", "partnership", "network", "treaty", "arrangement",
                  "initiative", "programme", "program", "exercises", "statement", "protocol", "mou"}


@dataclass
class ArticleOrganisations:
    organisations: list[Organisation] = field(default_factory=list)
    # per sentence index: organisation indexes mentioned there
    by_sentence: dict[int, list[int]] = field(default_factory=dict)

    def full_name(self, acronym: str) -> str | None:
        return next((o.name for o in self.organisations if o.acronym == acronym), None)

    def country_of(self, name: str) -> str | None:
        low = name.lower()
        for o in self.organisations:
            if low in {o.name.lower(), (o.acronym or "").lower()} or low in o.name.lower():
                return o.country
        return None


@cache
def _heads() -> list[tuple[str, re.Pattern[str]]]:
    """One pattern per kind of organisation, in the lexicon's order of precedence."""
    out = []
    for kind, words in organisations()["heads"].items():
        alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        out.append((kind, re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])")))
    return out


def _kind_of(name: str) -> str | None:
    return next((kind for kind, pat in _heads() if pat.search(name)), None)


def _country_in(name: str) -> str | None:
    words = re.findall(r"[\w'’]+", name)
    for i, w in enumerate(words):
        c = countries().country_of(w)
        if c and not (i > 0 and words[i - 1].lower() == "in"):
            return c
    return None


def _possessive_country(text: str, start: int) -> str | None:
    """ "India's SIDM", "Italy's defence industry major Fincantieri": the country owning what follows."""
    m = re.search(r"([A-Z][a-z]+)['’]s\s+(?:[a-z-]+\s+){0,3}$", text[:start])
    return countries().country_of(m.group(1)) if m else None


def _trim(name: str) -> str:
    # "On Wednesday, Hindustan Aeronautics Limited": a sentence opener is not part of the name.
    name = re.sub(r"^(?:On|In|At|During|After|Before|Last|Earlier|Later|Meanwhile|Separately)\b[^,]*,\s*", "",
                  name.strip(" ,"))
    name = re.sub(r"^(?:(?:the|The|of|and|between|by|with|from)\s+)+", "", name)
    # A leading "India's" belongs to the sentence, not the name.
    name = re.sub(r"^[A-Z][a-z]+['’]s\s+", "", name)
    # "Meenal Dutt of the Chanakya Forum": a person's name before the body she belongs to.
    before, of, after = name.partition(" of the ")
    if of and not _kind_of(before) and _kind_of(after):
        return after
    return name


def _initials_match(name: str, acronym: str) -> bool:
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", name) if w[0].isupper())
    return acronym.upper() in initials.upper() or initials.upper().startswith(acronym.upper()[:2])


def _has_office(name: str) -> bool:
    heads = titles().office_heads
    return any(w.lower() in heads for w in re.findall(r"[\w-]+", name))


class _Builder:
    """The organisations of one article as they are found, each once, with the sentences naming it."""

    def __init__(self) -> None:
        self.result = ArticleOrganisations()
        self.index: dict[str, int] = {}  # lower-case name or acronym -> organisation index

    def add(self, name: str, acronym: str | None, kind: str, country: str | None, s_index: int) -> None:
        key_a, key_n = (acronym or "").lower(), name.lower()
        idx = self.index.get(key_a) if key_a else None
        if idx is None:
            idx = self.index.get(key_n)
        orgs = self.result.organisations
        if idx is None:  # "Mazagon Dock" after "Mazagon Dock Shipbuilders Limited"
            idx = next((i for i, o in enumerate(orgs) if re.match(re.escape(key_n) + r"\b", o.name.lower())), None)
        if idx is None:
            orgs.append(Organisation(id="", name=name, acronym=acronym, country=country, kind=kind))
            idx = len(orgs) - 1
        org = orgs[idx]
        org.acronym = org.acronym or acronym
        org.country = org.country or country
        self.index[key_n] = idx
        if key_a:
            self.index[key_a] = idx
        self.named_in(idx, s_index)

    def named_in(self, idx: int, s_index: int) -> None:
        here = self.result.by_sentence.setdefault(s_index, [])
        if idx not in here:
            here.append(idx)


def _acronym_definitions(b: _Builder, text: str, s_index: int) -> None:
    """ "Society of Indian Defence Manufacturers (SIDM)"."""
    for m in _ACRONYM_DEF.finditer(text):
        name, acr = _trim(m.group(1)), m.group(2)
        if acr.endswith("s") and acr[:-1].isupper():
            continue  # "PSUs": a plural, a kind of body rather than one
        if {w.lower() for w in re.findall(r"\w+", name)} & _NOT_ORG_NOUNS:
            continue
        kind = _kind_of(name)
        if (not kind and not _initials_match(name, acr)) or _has_office(name):
            continue
        country = _country_in(name) or _possessive_country(text, m.start(1) + m.group(1).find(name))
        b.add(name, acr, kind or "other", country, s_index)


@cache
def _company_cue() -> re.Pattern[str]:
    cues = "|".join(organisations()["company_cues"])
    return re.compile(rf"\b(?:{cues})\s+({_CAP}(?:\s+{_CAP})*)")


def _companies(b: _Builder, text: str, s_index: int) -> None:
    """ "the Italian firm X"."""
    for m in _company_cue().finditer(text):
        name = m.group(1).rstrip(".")
        if countries().country_of(name) or name.split()[0].lower() in titles().office_words:
            continue
        before = text[max(0, m.start() - 40):m.start()]
        demonym = re.findall(r"([A-Z][a-z]+)(?:['’]s)?\s+(?:[a-z-]+\s+){0,3}$", before)
        country = countries().country_of(demonym[-1]) if demonym else None
        b.add(name, None, "company", country, s_index)


def _named(b: _Builder, text: str, s_index: int, home: str | None) -> None:
    """Names with an organisation's head word: "Ministry of Defence", "Mazagon Dock Shipbuilders Limited"."""
    for m in _NAMED.finditer(text):
        whole = re.sub(r"(?:['’]s?|\.)$", "", m.group())
        # "Fincantieri and India's Mazagon Dock ...": two names; "Ministry of Commerce and Industry": one.
        pieces = [whole] if re.search(r"\b(?:of|for)\b.*\band\b", whole) else whole.split(" and ")
        for piece in pieces:
            name = _trim(re.sub(r"['’]s$", "", piece))
            kind = _kind_of(name)
            if not kind or len(name.split()) < 2 or _has_office(name):
                continue
            if {w.lower() for w in re.findall(r"\w+", name)} & _NOT_ORG_NOUNS:
                continue
            at = m.start() + m.group().find(name)
            country = _country_in(name) or _possessive_country(text, at)
            if country is None and kind in {"government", "military"}:
                country = home  # "the Ministry of Defence" in a country's own press is its own
            b.add(name, None, kind, country, s_index)


def _later_mentions(b: _Builder, text: str, s_index: int) -> None:
    """Later mentions by acronym or full name."""
    for key, idx in list(b.index.items()):
        if key and re.search(rf"(?<![\w]){re.escape(key)}(?![\w])", text, re.IGNORECASE if len(key) > 6 else 0):
            if len(key) <= 6 and not re.search(rf"(?<![\w]){re.escape(key.upper())}(?![\w])", text):
                continue
            b.named_in(idx, s_index)


def find_organisations(doc: ArticleDoc) -> ArticleOrganisations:
    b = _Builder()
    for s_index, sent in enumerate(doc.sentences):
        _acronym_definitions(b, sent.text, s_index)
        _companies(b, sent.text, s_index)
        _named(b, sent.text, s_index, doc.home)
        _later_mentions(b, sent.text, s_index)
    return b.result
