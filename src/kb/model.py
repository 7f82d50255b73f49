"""The data model shared by every step of the pipeline.

Extraction fills these classes for one article, with ids local to that
article; resolution merges them across articles and gives them their final,
site-wide ids. References between entities are always by id.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass
class Evidence:
    """A sentence copied exactly from a source's text."""

    source: str
    quote: str


@dataclass
class Variant:
    """One version of a fact on which sources disagree, and the sources that give it."""

    value: str
    sources: list[str] = field(default_factory=list)


@dataclass
class Role:
    """A post a person held on a date, as one source states it."""

    title: str
    country: str | None = None
    date: str | None = None
    source: str | None = None


@dataclass
class Source:
    """One article file, read, cleaned and dated."""

    id: str
    file: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_basis: str = "unknown"
    url: str | None = None
    language: str | None = None
    text: str = ""  # the cleaned article text that quotes are copied from
    warnings: list[str] = field(default_factory=list)
    valid_until: str | None = None  # the last build day the extraction holds for (a later one may date it otherwise)


@dataclass
class Person:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    roles: list[Role] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    curated: bool = False
    # The country is only the article's default for officials it names without nationality.
    country_guessed: bool = False
    # Named in an article without a title, a verb of speech or anything else that makes the name a
    # person's: kept only where another article introduces the same person.
    untitled: bool = False


@dataclass
class Organisation:
    id: str
    name: str
    acronym: str | None = None
    country: str | None = None
    kind: str = "other"
    sources: list[str] = field(default_factory=list)
    curated: bool = False


@dataclass
class Agreement:
    id: str
    title: str
    kind: str = "agreement"
    date: str | None = None
    parties: list[str] = field(default_factory=list)
    signatories: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    curated: bool = False
    # What the articles say became of it: signed (concluded, or referred to as existing), planned
    # (announced, under negotiation, to be signed), cancelled, or in-force.
    status: str = "signed"
    # For kind other: what the instrument is (deal, contract, arrangement, statement), else None.
    instrument: str | None = None
    # How the date was found: text (stated), context (the story's event), publication, or None.
    date_basis: str | None = None


@dataclass
class Event:
    id: str
    title: str
    kind: str = "other"
    date: str | None = None
    end_date: str | None = None
    place: str | None = None
    participants: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    agreements: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    # False for happenings mentioned in passing that are not India–Italy
    # relations (another country's dialogue, say): kept, but off the timeline.
    bilateral: bool = True
    # True for background mentions ("elevated ... in March 2023").
    background: bool = False
    # How the date was found: text (a date phrase of the sentence), context
    # (the date of the story the sentence continues), publication (only the
    # article's date was known), curated, or None when unknown.
    date_basis: str | None = None
    # Whether it took place: happened, planned (announced, expected, scheduled), proposed,
    # postponed or cancelled. Only what happened is on the timeline.
    status: str = "happened"
    # The visit or summit whose programme this event is part of (its id), if any.
    part_of: str | None = None
    # Facts the sources give differently ("date", "place") -> each version with its sources.
    disagreements: dict[str, list[Variant]] = field(default_factory=dict)
    curated: bool = False


@dataclass
class Extraction:
    """Everything drawn from one article; ids are local to it."""

    source: Source
    people: list[Person] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


@dataclass
class KnowledgeBase:
    """The resolved, site-wide entities, each keyed by its final id."""

    people: dict[str, Person] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    agreements: dict[str, Agreement] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    # Merges made while resolving, as (variant seen, canonical name), for reports.
    merges: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Problem:
    """An article that could not be used, and why."""

    file: str
    reason: str


# ---------------------------------------------------------------- (de)serialising
# The extraction cache stores Extractions as plain JSON; these two functions
# turn the nested dataclasses into dicts and back.

def to_dict(obj: Any) -> Any:
    return dataclasses.asdict(obj)


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _build(cls: type[T], data: dict[str, Any]) -> T:
    return cls(**{name: data[name] for name in _field_names(cls) if name in data})  # type: ignore[arg-type]


def extraction_from_dict(data: dict[str, Any]) -> Extraction:
    def person(d: dict[str, Any]) -> Person:
        p = _build(Person, d)
        p.roles = [_build(Role, r) for r in d.get("roles", [])]
        return p

    def with_evidence(cls: type[T], d: dict[str, Any]) -> T:
        obj = _build(cls, d)
        obj.evidence = [_build(Evidence, e) for e in d.get("evidence", [])]  # type: ignore[attr-defined]
        return obj

    return Extraction(
        source=_build(Source, data["source"]),
        people=[person(p) for p in data.get("people", [])],
        organisations=[_build(Organisation, o) for o in data.get("organisations", [])],
        agreements=[with_evidence(Agreement, a) for a in data.get("agreements", [])],
        events=[with_evidence(Event, e) for e in data.get("events", [])],
    )
