"""Events across articles: one page per real happening, visits holding their programme.

Reports are read oldest article first. Each joins the happening its evidence
fits best (`identity.affinity`), found through blocking keys (the people it
names, the distinctive words of its title, its kind) on the days it may have
been on, so a report meets only the few happenings it could be. A report
without a day (a month, a year, nothing) joins only the one happening it fits.
Ids come from the report that founded a happening, so later articles never
move a page. Then: visits and named summits take the events within their span
and place as their programme (`part_of`); where reports disagree on a date or
a place, each version is kept with its sources; an article with no date of
its own takes the day of the happenings it reports (`corroborated`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from .dates import parse_iso
from .identity import (
    DAY,
    Profile,
    Verdict,
    affinity,
    date_rank,
    holds,
    name_of,
    name_words,
    place_key,
    place_words,
    precision_of,
    related_kinds,
    title_words,
    umbrella_span,
    weights,
    window,
)
from .ids import slug, unique
from .model import Agreement, Event, Extraction, KnowledgeBase, Variant
from .names import is_full_name
from .offices import office_key

_EXACT = {"text", "curated"}
VAGUE_LIMIT = 30  # happenings a report without a day may be: beyond that it stands alone


@dataclass
class _Report:
    """One article's report of a happening, as resolution keeps it."""

    source: str
    kind: str
    date: str | None
    end_date: str | None
    basis: str | None
    place: str | None


@dataclass
class _Happening:
    event: Event
    profile: Profile
    reports: list[_Report]
    id_base: str  # from the founding report: later articles never change it
    kinds: Counter[str] = field(default_factory=Counter)
    places: Counter[str] = field(default_factory=Counter)
    agreements: list[Agreement] = field(default_factory=list)
    keys: set[tuple[str, str]] = field(default_factory=set)  # (entity, month) it is filed under


# ---------------------------------------------------------------- profiles
def secondary_people(kb: KnowledgeBase) -> set[str]:
    """People every office of whom accompanies rather than leads (an ambassador, a spokesperson)."""
    offices = weights()["secondary_offices"]

    def secondary(title: str) -> bool:
        key = office_key(title)
        return any(key == o or key.endswith(" " + o) or key.startswith(o + " ") for o in offices)

    return {pid for pid, p in kb.people.items() if p.roles and all(secondary(r.title) for r in p.roles)}


def profile_of(ev: Event, local_names: list[str], secondary: set[str]) -> Profile:
    """The identity of one report; `local_names`: its participants' names as the article wrote them."""
    span = window(ev.kind, ev.date, ev.end_date, ev.date_basis)
    # Words of the people's names (as written, and in their ids) and of the place say nothing more.
    ids = frozenset(w for p in ev.participants for w in p.split("-"))
    words, ordinals = title_words(ev.title, name_words(local_names) | ids | place_words(ev.place))
    exact = parse_iso(ev.date) if ev.date and len(ev.date) == 10 and ev.date_basis in _EXACT else None
    place = place_key(ev.place)
    # Those who lead; when everyone named only accompanies (a ship's captain calling on officers), them.
    principals = {p for p in ev.participants if p not in secondary} or set(ev.participants)
    return Profile(
        kind=ev.kind, start=span[0] if span else None, end=span[1] if span else None,
        day=exact[0] if exact else None, basis=ev.date_basis, precision=precision_of(ev.date),
        places={place} if place else set(),
        principals=principals, others=set(ev.participants) - principals,
        words=set(words), ordinals=set(ordinals), named=bool(words), statuses={ev.status}, sources=set(ev.sources),
        names={name_of(ev.title)} - {frozenset()}, month=ev.date if ev.date and len(ev.date) == 7 else None)


def _absorb_profile(into: Profile, p: Profile) -> None:
    if date_rank(p.basis, p.precision) < date_rank(into.basis, into.precision):
        into.start, into.end, into.day, into.basis, into.precision = p.start, p.end, p.day, p.basis, p.precision
        into.month = p.month
    for attr in ("places", "principals", "others", "words", "ordinals", "statuses", "sources", "names"):
        getattr(into, attr).update(getattr(p, attr))
    into.named = into.named or p.named


# ---------------------------------------------------------------- blocking
def _months(start: dt.date | None, end: dt.date | None) -> list[str]:
    """Month buckets of the days a report may be on ("U": it has no date)."""
    if start is None or end is None:
        return ["U"]
    out, (y, m) = [], (start.year, start.month)
    while (y, m) <= (end.year, end.month):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _entity_keys(p: Profile, query: bool) -> list[str]:
    """Keys a happening is filed under (`query` False) or a report looks under, by kind (a report
    looks under every kind it may be one happening with).

    A report naming two principals looks for happenings with both (pp:) or with one principal alone
    (p1:): one with a different counterpart is another meeting. A report naming one looks at all of
    that person's (p:); one naming no principal at every happening of its kind (k1:). Happenings
    naming no one (k0:) and sharing a distinctive word (w:) are looked at by all.
    """
    if not query:
        return _filed_under(p)
    people, words = sorted(p.principals), sorted(p.words)
    pairs = [f"{x}|{y}" for x, y in _pairs(people)]
    keys: list[str] = []
    for kind in related_kinds(p.kind):
        keys += [f"w:{kind}:{w}" for w in words] + [f"k0:{kind}"]
        if len(people) >= 2:
            keys += [f"pp:{kind}:{xy}" for xy in pairs] + [f"p1:{kind}:{x}" for x in people]
        elif people:
            keys.append(f"p:{kind}:{people[0]}")
        else:
            keys.append(f"k1:{kind}")
    return keys


def _filed_under(p: Profile) -> list[str]:
    kind, people = p.kind, sorted(p.principals)
    keys = [f"w:{kind}:{w}" for w in sorted(p.words)] + [f"p:{kind}:{x}" for x in people] + [f"k1:{kind}"]
    keys += [] if people else [f"k0:{kind}"]
    keys += [f"p1:{kind}:{x}" for x in people if len(people) == 1]
    return keys + [f"pp:{kind}:{x}|{y}" for x, y in _pairs(people)]


def _pairs(people: list[str]) -> list[tuple[str, str]]:
    few = people[:6]  # a long list of names is rare; its first six are enough to find it
    return [(x, y) for i, x in enumerate(few) for y in few[i + 1:]]


class _Index:
    """Happenings by person / word / kind, then by month: a report meets only those it could be."""

    def __init__(self) -> None:
        self.buckets: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))

    def add(self, h: _Happening, i: int) -> None:
        months = _months(h.profile.start, h.profile.end)
        for key in {(e, m) for e in _entity_keys(h.profile, query=False) for m in months} - h.keys:
            self.buckets[key[0]][key[1]].append(i)
            h.keys.add(key)

    def near(self, p: Profile) -> list[int]:
        found: set[int] = set()
        entities = [e for e in _entity_keys(p, query=True) if e in self.buckets]
        if p.precision >= 2:
            months = _months(p.start, p.end)
            for e in entities:
                by_month = self.buckets[e]
                for m in months:
                    found.update(by_month.get(m, ()))
            return sorted(found)
        # A year or no date at all: every happening of its keys, unless so many could be it
        # that it could not be told which (a pair of ministers who met twenty times).
        for e in entities:
            for ids in self.buckets[e].values():
                found.update(ids)
                if len(found) > VAGUE_LIMIT:
                    return []
        return sorted(found)


def _overlap(a: Profile, b: Profile) -> bool:
    """The days two reports may be on overlap (or one has no date): cheap, before weighing the rest."""
    return a.start is None or b.start is None or (a.start <= b.end and b.start <= a.end)  # type: ignore[operator]


# ---------------------------------------------------------------- clustering
def _choose(candidates: list[tuple[Verdict, int]], vague: bool) -> int | None:
    """The happening a report joins: the best fit; a report without a day joins only a clear one."""
    fits = sorted(((v.score, -i) for v, i in candidates if v.same), reverse=True)
    if not fits:
        return None
    if vague and len(fits) > 1 and fits[0][0] - fits[1][0] < 1.0:
        return None
    return -fits[0][1]


def cluster(reports: Iterator[tuple[Event, Profile]]) -> list[_Happening]:
    """Group reports, oldest article first, into happenings."""
    happenings: list[_Happening] = []
    index = _Index()
    for ev, prof in reports:
        scored = [(affinity(happenings[i].profile, prof), i) for i in index.near(prof)
                  if _overlap(happenings[i].profile, prof)]
        target = _choose(scored, vague=prof.precision < 3)
        if target is None:
            h = _Happening(ev, prof, [], id_base=f"{ev.date + '-' if ev.date else ''}{slug(ev.title)}")
            happenings.append(h)
            target = len(happenings) - 1
        else:
            h = happenings[target]
            _absorb(h.event, ev, h)
            _absorb_profile(h.profile, prof)
        h.reports.append(_Report(ev.sources[0], ev.kind, ev.date, ev.end_date, ev.date_basis, ev.place))
        h.kinds[ev.kind] += 1
        if ev.place:
            h.places[ev.place] += 1
        index.add(h, target)
    return happenings


def _named(ev: Event) -> bool:
    return bool(ev.title) and not ev.title.startswith(("Meeting of", "Visit", "Exercise in"))


def _absorb(target: Event, ev: Event, h: _Happening) -> None:
    """What a further report adds: a better date, more people, quotes and sources."""
    if date_rank(ev.date_basis, precision_of(ev.date)) < date_rank(target.date_basis, precision_of(target.date)):
        target.date, target.end_date, target.date_basis = ev.date, ev.end_date, ev.date_basis
        target.background = ev.background
    if len(ev.participants) > len(target.participants) and not _named(target):
        target.title = ev.title
    target.participants = list(dict.fromkeys(target.participants + ev.participants))
    target.organisations = list(dict.fromkeys(target.organisations + ev.organisations))
    target.evidence.extend(q for q in ev.evidence if q not in target.evidence)
    target.sources.extend(s for s in ev.sources if s not in target.sources)
    target.bilateral = target.bilateral or ev.bilateral
    if ev.status == "happened":
        target.status = "happened"


def _settle(h: _Happening) -> None:
    """The kind and place most reports give (the founder's on a tie)."""
    h.event.kind = h.kinds.most_common(1)[0][0]
    if h.places:
        h.event.place = h.places.most_common(1)[0][0]


# ---------------------------------------------------------------- programmes
def programmes(happenings: list[_Happening]) -> None:
    """Each event within a visit's or a named summit's span and place is part of it (the best fitting one)."""
    by_day: dict[tuple[dt.date, str], list[tuple[_Happening, tuple[dt.date, dt.date]]]] = defaultdict(list)
    for h in happenings:
        span = umbrella_span(h.event.kind, h.event.date, h.event.end_date, h.event.date_basis)
        if span is None:
            continue
        # Filed by day and principal: a part must share the umbrella's principal when it names one.
        for who in sorted(h.profile.principals) or ["*"]:
            for i in range((span[1] - span[0]).days + 1):
                by_day[span[0] + i * DAY, who].append((h, span))
    for part in happenings:
        day = _day_of(part.event)
        if day is None:
            continue
        near = [u for who in [*sorted(part.profile.principals | part.profile.others), "*"]
                for u in by_day.get((day, who), ())]
        best: tuple[float, int, _Happening] | None = None
        for n, (u, span) in enumerate(near):
            fit = holds(u.profile, span, part.profile, day) if u is not part else None
            if fit is not None and (best is None or fit > best[0]):
                best = (fit, -n, u)
        if best is not None:
            part.event.part_of = best[2].event.id


def _day_of(ev: Event) -> dt.date | None:
    span = parse_iso(ev.date) if ev.date and len(ev.date) == 10 else None
    return span[0] if span else None


# ---------------------------------------------------------------- disagreements
def disagreements(h: _Happening) -> dict[str, list[Variant]]:
    """Dates (as the texts give them) and places on which the reports differ, each with its sources."""
    out: dict[str, list[Variant]] = {}
    dates: dict[str, list[str]] = defaultdict(list)
    for r in h.reports:
        if r.date and len(r.date) == 10 and r.basis in _EXACT and r.source not in dates[r.date]:
            dates[r.date].append(r.source)
    if len(dates) > 1 and not _within_span(h.event, list(dates)):
        out["date"] = _variants(dates)
    places: dict[str, list[str]] = defaultdict(list)
    for r in h.reports:
        key = place_key(r.place)
        if key and r.source not in places[key]:
            places[key].append(r.source)
    if len(places) > 1:
        shown = {key: next(r.place for r in h.reports if place_key(r.place) == key) for key in places}
        out["place"] = _variants({shown[k]: v for k, v in places.items()})
    return out


def _within_span(ev: Event, dates: list[str]) -> bool:
    """Days of a visit's programme are not a disagreement about when the visit was."""
    if not ev.end_date or not ev.date:
        return False
    return all(ev.date <= d <= ev.end_date for d in dates)


def _variants(found: dict[str, list[str]]) -> list[Variant]:
    return [Variant(v, s) for v, s in sorted(found.items(), key=lambda vs: (-len(vs[1]), vs[0]))]


# ---------------------------------------------------------------- all together
def resolve_events(extractions: list[Extraction], kb: KnowledgeBase, people: dict[tuple[str, str], str],
                   orgs: dict[tuple[str, str], str], agreements: dict[tuple[str, str], Agreement]) -> None:
    """Merge the events of `extractions` (oldest first) into `kb.events`, linked to their agreements."""
    secondary = secondary_people(kb)
    links: dict[int, list[tuple[str, str]]] = {}

    def reports() -> Iterator[tuple[Event, Profile]]:
        for ex in extractions:
            sid = ex.source.id
            names = {p.id: p.name for p in ex.people}
            for e in ex.events:
                ev = Event(id="", title=e.title, kind=e.kind, date=e.date, end_date=e.end_date, place=e.place,
                           participants=[people[sid, p] for p in e.participants if (sid, p) in people],
                           organisations=[orgs[sid, o] for o in e.organisations if (sid, o) in orgs],
                           evidence=list(e.evidence), sources=[sid], bilateral=e.bilateral,
                           background=e.background, date_basis=e.date_basis, status=e.status)
                links[id(ev)] = [(sid, a) for a in e.agreements]
                yield ev, profile_of(ev, [names.get(p, "") for p in e.participants], secondary)

    happenings = cluster(reports())
    taken: set[str] = set()
    for h in happenings:
        _settle(h)
        h.event.title = _canonical_title(h.event, kb)
        h.event.id = unique(h.id_base, taken)
        h.event.disagreements = disagreements(h)
        kb.events[h.event.id] = h.event
    programmes(happenings)
    _link_agreements(happenings, links, agreements)
    corroborate(kb)


def _link_agreements(happenings: list[_Happening], links: dict[int, list[tuple[str, str]]],
                     agreements: dict[tuple[str, str], Agreement]) -> None:
    for h in happenings:
        for key in links.get(id(h.event), []):
            agr = agreements.get(key)
            if agr is not None and agr.id not in h.event.agreements:
                h.event.agreements.append(agr.id)
                if h.event.id not in agr.events:
                    agr.events.append(h.event.id)


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


# ---------------------------------------------------------------- for kb check
def likely_duplicates(kb: KnowledgeBase, distinct: set[frozenset[str]]) -> list[tuple[str, str, Verdict]]:
    """Pairs of event pages whose evidence falls just short of one happening, with the evidence both ways."""
    secondary = secondary_people(kb)
    names = {pid: p.name for pid, p in kb.people.items()}
    events = sorted(kb.events.values(), key=lambda e: e.id)
    profiles = [profile_of(e, [names.get(p, "") for p in e.participants], secondary) for e in events]
    for p in profiles:
        p.sources = set()  # two pages from one article are still worth a look
    index, out = _Index(), []
    low = weights()["threshold"] - weights()["near_miss"]
    for i, (e, p) in enumerate(zip(events, profiles, strict=True)):
        for j in index.near(p):
            other = events[j]
            if e.part_of == other.id or other.part_of == e.id or frozenset((e.id, other.id)) in distinct:
                continue
            v = affinity(profiles[j], p)
            if low <= v.score < weights()["threshold"]:
                out.append((other.id, e.id, v))
        index.add(_Happening(e, p, [], id_base=e.id), i)
    return out


# ---------------------------------------------------------------- corroborated publication dates
def corroborate(kb: KnowledgeBase) -> None:
    """An article with no date of its own was published by the day of the latest happening it reports
    that other articles date from their text; its roles are dated so too."""
    days: dict[str, str] = {}
    for ev in kb.events.values():
        if not ev.date or len(ev.date) != 10 or ev.date_basis not in _EXACT | {"context"}:
            continue
        day = ev.end_date if ev.end_date and len(ev.end_date) == 10 else ev.date
        for sid in ev.sources:
            source = kb.sources.get(sid)
            if source is not None and not source.published and day > days.get(sid, ""):
                days[sid] = day
    for sid, day in days.items():
        # Copies: the extractions stay as they were (resolve is a pure function of them).
        kb.sources[sid] = dataclasses.replace(kb.sources[sid], published=day, published_basis="corroborated")
    for person in kb.people.values():
        person.roles = [dataclasses.replace(r, date=days[r.source]) if r.date is None and r.source in days else r
                        for r in person.roles]
