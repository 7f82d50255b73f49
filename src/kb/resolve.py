"""Step 5: merge what the articles say into one page per real entity.

People merge on spelling variants of one full name (a one-letter slip in a
long surname, initials for given names) when their countries agree; a person
known in an article only by title and surname joins the one full name that
fits. Events merge when they are of one kind, on compatible dates, and share
a participant (or, with no participants, a place). Agreements merge on their
kind and the words of their titles. Articles are read oldest first, so ids
and canonical names do not move when newer articles arrive.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from .dates import parse_iso
from .ids import slug, unique
from .lexicon import countries, sides
from .model import Agreement, Event, Extraction, KnowledgeBase, Organisation, Person
from .names import is_full_name, name_key, name_tokens, particles, same_name, short_form_of, surname_key

# First and last day of a date, parsed once: each date is compared with many others.
_span = lru_cache(maxsize=2**16)(parse_iso)

_STOP = {"of", "on", "in", "the", "for", "and", "between", "to", "a", "an"}


@dataclass
class _PersonCluster:
    person: Person
    names: Counter[str] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)
    guessed: bool = True  # every country seen so far was an article's assumption


def _order(extractions: list[Extraction]) -> list[Extraction]:
    return sorted(extractions, key=lambda x: (x.source.published or "9999", x.source.file))


def _countries_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


# ---------------------------------------------------------------- people
def _full_keys(name: str) -> set[str]:
    """Index keys of a full name: spellings that may be one name share a surname or a given name."""
    toks = [t for t in name_tokens(name) if t not in particles()]
    keys = {"s:" + surname_key(name)}
    if len(toks) > 1:
        keys.add("g:" + toks[0])
    return keys


def _word_keys(name: str) -> set[str]:
    """Index keys of the words a short form may be ("Singh", "Della Rocca" -> "rocca")."""
    return {"w:" + t for t in name_tokens(name)[1:] if t not in particles()}


class _People:
    """People clusters, indexed by name keys so that a name meets few others."""

    def __init__(self) -> None:
        self.clusters: list[_PersonCluster] = []
        self.index: dict[str, set[int]] = defaultdict(set)

    def near(self, keys: set[str]) -> list[int]:
        return sorted(set().union(*(self.index[k] for k in keys)))

    def match_full(self, p: Person) -> int | None:
        """The cluster of a spelling of the same full name whose country does not contradict this one's."""
        variants = [p.name, *p.aliases]
        near = self.near({k for v in variants for k in _full_keys(v)})
        return next((i for i in near if any(same_name(v, n) for v in variants for n in self.clusters[i].names)
                     and _may_be_one(self.clusters[i], p)), None)

    def match_short(self, p: Person) -> int | None:
        """The one cluster whose full name the short form ("Meloni", "Gen Ferri") shortens; countries decide
        between several."""
        last = name_tokens(p.name)[-1:] or ("",)
        cands = [i for i in self.near({"w:" + last[0]})
                 if any(short_form_of(p.name, n) for n in self.clusters[i].names if is_full_name(n))]
        if len(cands) > 1:
            cands = [i for i in cands if _countries_agree(self.clusters[i].person.country, p.country)]
        return cands[0] if len(cands) == 1 else None

    def add(self, p: Person, sid: str, match: int | None) -> int:
        if match is None:
            self.clusters.append(_PersonCluster(Person(id="", name=p.name, country=p.country,
                                                       country_guessed=p.country_guessed)))
            match = len(self.clusters) - 1
        c = self.clusters[match]
        full = is_full_name(p.name)
        for v in [p.name, *p.aliases]:
            if is_full_name(v) or not full:
                c.names[v] += 1 if v == p.name else 0
                if is_full_name(v):
                    for k in _full_keys(v) | _word_keys(v):
                        self.index[k].add(match)
        if p.country and not p.untitled:
            # A country an article only assumed counts for less than one it stated.
            c.countries[p.country] += 1 if p.country_guessed else 2
            c.guessed = c.guessed and p.country_guessed
        c.person.roles.extend(p.roles)
        if sid not in c.person.sources:
            c.person.sources.append(sid)
        return match


def _may_be_one(c: _PersonCluster, p: Person) -> bool:
    """One full name is one person unless two countries were stated for it; the two sides of the pair
    are not two countries here, as an envoy's host country is easily read as his own."""
    if p.untitled or _countries_agree(c.person.country, p.country) or _same_office(c.person, p) \
            or _guessed_apart(c, p):
        return True
    same = any(name_key(p.name) == name_key(n) for n in c.names)
    return same and {c.person.country, p.country} == set(sides().pair)


def _resolve_people(extractions: list[Extraction], kb: KnowledgeBase) -> dict[tuple[str, str], str]:
    """Full names first, oldest article first (so ids do not move); then names given in short, which join
    the one full name they fit; then names articles gave without a title, which join a person introduced
    elsewhere or are dropped."""
    book = _People()
    local: dict[tuple[str, str], int] = {}
    everyone = [(ex.source.id, p) for ex in extractions for p in ex.people]
    for sid, p in everyone:
        if not p.untitled and is_full_name(p.name):
            local[sid, p.id] = book.add(p, sid, book.match_full(p))
    for sid, p in everyone:
        if not p.untitled and not is_full_name(p.name):
            local[sid, p.id] = book.add(p, sid, book.match_short(p))
    for sid, p in everyone:
        match = (book.match_full(p) if is_full_name(p.name) else book.match_short(p)) if p.untitled else None
        if match is not None:
            local[sid, p.id] = book.add(p, sid, match)
    taken: set[str] = set()
    ids = [_finish_person(c, kb, taken) for c in book.clusters]
    return {key: ids[i] for key, i in local.items()}


def _finish_person(c: _PersonCluster, kb: KnowledgeBase, taken: set[str]) -> str:
    person = c.person
    full_names = [n for n in c.names if is_full_name(n)] or list(c.names)
    # The most frequent spelling; on a tie the one seen first, so ids stay put as articles arrive.
    person.name = max(full_names, key=lambda n: c.names[n])
    person.aliases = sorted(n for n in c.names if n != person.name)
    person.country = c.countries.most_common(1)[0][0] if c.countries else None
    person.country_guessed = c.guessed and person.country is not None
    person.id = unique(slug(person.name), taken)
    for alias in person.aliases:
        if name_key(alias) != name_key(person.name) and is_full_name(alias):
            kb.merges.append((alias, person.name))
    kb.people[person.id] = person
    return person.id


def _guessed_apart(c: _PersonCluster, p: Person) -> bool:
    """The same full name where one side's country was only assumed: one person, not two namesakes."""
    return (c.guessed or p.country_guessed) and any(name_key(p.name) == name_key(n) for n in c.names)


def _same_office(a: Person, b: Person) -> bool:
    """One name, one office: the same person even if an article got the country wrong."""
    return bool({r.title.lower() for r in a.roles} & {r.title.lower() for r in b.roles})


# ---------------------------------------------------------------- organisations
def _resolve_organisations(extractions: list[Extraction], kb: KnowledgeBase) -> dict[tuple[str, str], str]:
    by_key: dict[str, Organisation] = {}
    out: dict[tuple[str, str], str] = {}
    taken: set[str] = set()
    for ex in extractions:
        for o in ex.organisations:
            keys = [k for k in ((o.acronym or "").lower(), f"{o.name.lower()}|{o.country}") if k]
            found = next((by_key[k] for k in keys if k in by_key), None)
            if found is None:
                found = Organisation(id="", name=o.name, acronym=o.acronym, country=o.country, kind=o.kind)
                base = slug(o.acronym or o.name)
                if base in taken and o.country:
                    base = slug(f"{o.acronym or o.name} {o.country}")
                found.id = unique(base, taken)
                kb.organisations[found.id] = found
            found.acronym = found.acronym or o.acronym
            found.country = found.country or o.country
            if found.kind == "other":
                found.kind = o.kind
            if ex.source.id not in found.sources:
                found.sources.append(ex.source.id)
            for k in keys:
                by_key.setdefault(k, found)
            out[ex.source.id, o.id] = found.id
    return out


# ---------------------------------------------------------------- agreements
def _title_words(title: str) -> set[str]:
    """Words that tell titles apart: not small words, numbers, or the names of the two sides."""
    return {w for w in slug(title, 40).split("-")
            if w not in _STOP and not w.isdigit() and countries().country_of(w) not in sides()}


def _dates_agree(a: str | None, b: str | None, slack: int) -> bool:
    if not a or not b:
        return True
    sa, sb = _span(a), _span(b)
    if not sa or not sb:
        return a == b
    d = dt.timedelta(days=slack)
    return sa[0] <= sb[1] + d and sb[0] <= sa[1] + d


def _same_agreement(a: Agreement, b: Agreement) -> bool:
    if a.kind != b.kind or not _dates_agree(a.date, b.date, 3):
        return False
    wa, wb = _title_words(a.title), _title_words(b.title)
    if not wa or not wb:
        return False
    orgs_a = {p.lower() for p in a.parties if p not in sides()}
    orgs_b = {p.lower() for p in b.parties if p not in sides()}
    if orgs_a and orgs_b and not orgs_a & orgs_b:
        return False
    return wa <= wb or wb <= wa or len(wa & wb) / len(wa | wb) >= 0.6


def _resolve_agreements(extractions: list[Extraction], kb: KnowledgeBase, people: dict[tuple[str, str], str],
                        orgs: dict[tuple[str, str], str]) -> dict[tuple[str, str], Agreement]:
    merged: list[Agreement] = []
    index: dict[tuple[str, str], set[int]] = defaultdict(set)  # (kind, title word) -> agreements
    out: dict[tuple[str, str], Agreement] = {}
    for ex in extractions:
        sid = ex.source.id
        for a in ex.agreements:
            parties = [orgs.get((sid, slug(p)), p) if p not in sides() else p for p in a.parties]
            parties = [_org_id_for(p, sid, ex, orgs) for p in parties]
            signatories = [people[sid, s] for s in a.signatories if (sid, s) in people]
            words = _title_words(a.title)
            near = sorted(set().union(*(index[a.kind, w] for w in words)))
            target = next((merged[i] for i in near if _same_agreement(merged[i], a)), None)
            if target is None:
                target = Agreement(id="", title=a.title, kind=a.kind, date=a.date)
                merged.append(target)
                for w in words:
                    index[a.kind, w].add(len(merged) - 1)
            elif a.date and (not target.date or len(a.date) > len(target.date)):
                target.date = a.date
            target.parties = list(dict.fromkeys(target.parties + parties))
            target.signatories = list(dict.fromkeys(target.signatories + signatories))
            target.evidence.extend(a.evidence)
            if sid not in target.sources:
                target.sources.append(sid)
            out[sid, a.id] = target
    taken: set[str] = set()
    for a in merged:
        a.id = unique(f"{a.date + '-' if a.date else ''}{slug(a.title)}", taken)
        kb.agreements[a.id] = a
    return out


def _org_id_for(party: str, sid: str, ex: Extraction, orgs: dict[tuple[str, str], str]) -> str:
    """A party named by acronym or name becomes its organisation's id."""
    for o in ex.organisations:
        if party in {o.acronym, o.name}:
            return orgs.get((sid, o.id), party)
    return party


# ---------------------------------------------------------------- events
def _same_event(a: Event, b: Event, a_named: bool, b_named: bool) -> bool:
    if a.kind != b.kind:
        return False
    if not _dates_agree(a.date, b.date, 1):
        return False
    if a.date is None or b.date is None:
        return False
    pa, pb = set(a.participants), set(b.participants)
    if a.place and b.place and a.place != b.place and not (pa & pb):
        return False
    if pa and pb:
        if a.kind == "meeting":
            return len(pa & pb) >= 2 or pa <= pb or pb <= pa
        return bool(pa & pb)
    if pa or pb:
        # A mention that names no one ("the visit of the Italian Prime Minister") joins a same-day account.
        same_place = a.place == b.place or not (a.place and b.place)
        return a.kind in {"visit", "exercise", "summit", "conference"} and same_place
    return a.place == b.place or (a_named and b_named and _title_words(a.title) == _title_words(b.title))


_BASIS_RANK = {"curated": 0, "text": 1, "context": 2, "publication": 3, None: 4}


def _resolve_events(extractions: list[Extraction], kb: KnowledgeBase, people: dict[tuple[str, str], str],
                    orgs: dict[tuple[str, str], str], agreements: dict[tuple[str, str], Agreement]) -> None:
    merged: list[Event] = []
    buckets = _EventBuckets()
    links: dict[int, list[Agreement]] = {}  # id(event) -> agreements, until both have final ids
    for ex in extractions:
        sid = ex.source.id
        for e in ex.events:
            ev = Event(id="", title=e.title, kind=e.kind, date=e.date, end_date=e.end_date, place=e.place,
                       participants=[people[sid, p] for p in e.participants if (sid, p) in people],
                       organisations=[orgs[sid, o] for o in e.organisations if (sid, o) in orgs],
                       evidence=list(e.evidence), sources=[sid], bilateral=e.bilateral,
                       background=e.background, date_basis=e.date_basis)
            target = None
            if ev.date:  # undated events never merge
                target = next((merged[i] for i in buckets.near(ev)
                               if _same_event(merged[i], ev, _named(merged[i]), _named(ev))), None)
            if target is None:
                merged.append(ev)
                target = ev
                if ev.date:
                    buckets.add(ev, len(merged) - 1)
            else:
                before = target.date
                _absorb(target, ev)
                if target.date != before:
                    buckets.move(target, buckets.position(target), before)
            linked = links.setdefault(id(target), [])
            for a in e.agreements:
                agr = agreements.get((sid, a))
                if agr is not None and agr not in linked:
                    linked.append(agr)
    taken: set[str] = set()
    for ev in merged:
        ev.title = _canonical_title(ev, kb)
        ev.id = unique(f"{ev.date + '-' if ev.date else ''}{slug(ev.title)}", taken)
        ev.agreements = [a.id for a in links.get(id(ev), [])]
        for a in links.get(id(ev), []):
            if ev.id not in a.events:
                a.events.append(ev.id)
        kb.events[ev.id] = ev


def _canonical_title(ev: Event, kb: KnowledgeBase) -> str:
    """ "Silvia Marcheti meets ..." becomes "Silvia Marchetti meets ...": titles use each person's page name."""
    title = ev.title
    for pid in ev.participants:
        person = kb.people.get(pid)
        if person:
            for alias in sorted(person.aliases, key=len, reverse=True):
                if is_full_name(alias):
                    title = title.replace(alias, person.name)
    return title


class _EventBuckets:
    """Merged events by kind and month, so a new event meets only those it could be."""

    def __init__(self) -> None:
        self.buckets: dict[tuple[str, str], set[int]] = defaultdict(set)
        self.positions: dict[int, int] = {}  # id(event) -> its index in the merged list

    @staticmethod
    def _keys(kind: str, date: str | None, slack: int) -> set[tuple[str, str]]:
        span = _span(date) if date else None
        if span is None:
            return set()
        start, end = span[0] - dt.timedelta(days=slack), span[1] + dt.timedelta(days=slack)
        keys = {(kind, str(y)) for y in range(start.year, end.year + 1)}
        y, m = start.year, start.month
        while (y, m) <= (end.year, end.month):
            keys.add((kind, f"{y:04d}-{m:02d}"))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return keys

    def _own(self, ev: Event, date: str | None) -> set[tuple[str, str]]:
        """Where an event is filed: its month, or its year when that is all that is known."""
        if not date:
            return set()
        return {(ev.kind, date[:7] if len(date) >= 7 else date[:4])}

    def add(self, ev: Event, index: int) -> None:
        self.positions[id(ev)] = index
        for key in self._own(ev, ev.date):
            self.buckets[key].add(index)

    def position(self, ev: Event) -> int:
        return self.positions[id(ev)]

    def move(self, ev: Event, index: int, old_date: str | None) -> None:
        for key in self._own(ev, old_date):
            self.buckets[key].discard(index)
        self.add(ev, index)

    def near(self, ev: Event) -> list[int]:
        return sorted(set().union(*(self.buckets.get(k, set()) for k in self._keys(ev.kind, ev.date, 1))))


def _named(ev: Event) -> bool:
    return bool(ev.title) and not ev.title.startswith(("Meeting of", "Visit", "Exercise in"))


def _absorb(target: Event, ev: Event) -> None:
    better_date = _BASIS_RANK.get(ev.date_basis, 4) < _BASIS_RANK.get(target.date_basis, 4) or (
        ev.date_basis == target.date_basis and ev.date and target.date and len(ev.date) > len(target.date))
    if better_date:
        target.date, target.end_date, target.date_basis = ev.date, ev.end_date, ev.date_basis
        target.background = ev.background
    target.place = target.place or ev.place
    if len(ev.participants) > len(target.participants) and not _named(target):
        target.title = ev.title
    target.participants = list(dict.fromkeys(target.participants + ev.participants))
    target.organisations = list(dict.fromkeys(target.organisations + ev.organisations))
    target.evidence.extend(q for q in ev.evidence if q not in target.evidence)
    target.sources.extend(s for s in ev.sources if s not in target.sources)
    target.bilateral = target.bilateral or ev.bilateral


# ---------------------------------------------------------------- all together
def resolve(extractions: list[Extraction]) -> KnowledgeBase:
    kb = KnowledgeBase()
    ordered = _order(extractions)
    for ex in ordered:
        kb.sources[ex.source.id] = ex.source
    people = _resolve_people(ordered, kb)
    orgs = _resolve_organisations(ordered, kb)
    agreements = _resolve_agreements(ordered, kb, people, orgs)
    _resolve_events(ordered, kb, people, orgs, agreements)
    events_of: dict[str, list[str]] = defaultdict(list)
    for e in kb.events.values():
        for pid in e.participants:
            events_of[pid].append(e.id)
    for p in kb.people.values():
        p.events = sorted(events_of.get(p.id, []), key=lambda i: kb.events[i].date or "", reverse=True)
        p.roles.sort(key=lambda r: (r.date or "", r.title))
    return kb
