"""The knowledge base as the pages see it: checked, cross-linked, with reverse lookups.

Pages promise that every id they list points at a page that exists, so
anything that would break that (an unsafe id, a reference to an entity that
is not in the KB) is dropped here, once, with a warning.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any, TypeVar

from ..dates import parse_iso
from ..lexicon import sides
from ..model import Agreement, Event, Evidence, KnowledgeBase, Organisation, Person, Role, Source
from ..offices import Term, current_term, office_holders, terms_of
from . import cite
from .markup import inline, sort_date

T = TypeVar("T")

# Page type -> folder, in the order pages list things.
FOLDERS = {
    "person": "people",
    "event": "events",
    "agreement": "agreements",
    "organisation": "organisations",
    "source": "sources",
}
PLURAL = {"person": "People", "event": "Events", "agreement": "Agreements",
          "organisation": "Organisations", "source": "Sources"}
SINGULAR = {"person": "Person", "event": "Event", "agreement": "Agreement",
            "organisation": "Organisation", "source": "Source"}
# Ids become file names: nothing that can climb out of a folder or shadow its index page.
SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,180}")
RESERVED_IDS = {"index", "tags"}

Ref = tuple[str, str]  # (page type, id)


def unique(items: Iterable[T]) -> list[T]:
    return list(dict.fromkeys(items))


def _date(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def on_timeline(site: Site, e: Event) -> bool:
    """Held happenings between the two sides: bilateral ones, and any both sides took part in
    wherever it was held (talks on a summit's sidelines abroad); not background mentions, not plans."""
    if e.background or e.status != "happened":
        return False
    return e.bilateral or set(sides().pair) <= set(site.countries_of_event(e))


def announced(site: Site, e: Event) -> bool:
    """Happenings between the two sides planned, proposed or postponed: announced, not (yet) held."""
    if e.background or e.status not in ("planned", "proposed", "postponed"):
        return False
    return e.bilateral or set(sides().pair) <= set(site.countries_of_event(e))


class Site:
    """Checked entities plus everything derived from references between them."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.warnings: list[str] = []
        self.sources: dict[str, Source] = self._safe("source", kb.sources)
        self.organisations: dict[str, Organisation] = self._safe("organisation", kb.organisations)
        self.people: dict[str, Person] = self._safe("person", kb.people)
        self.agreements: dict[str, Agreement] = self._safe("agreement", kb.agreements)
        self.events: dict[str, Event] = self._safe("event", kb.events)
        self._check_references()
        self._derive()

    # ------------------------------------------------------------ checking
    def _safe(self, kind: str, items: dict[str, T]) -> dict[str, T]:
        out: dict[str, T] = {}
        for key, obj in items.items():
            if not isinstance(key, str) or not SAFE_ID.fullmatch(key) or key.lower() in RESERVED_IDS:
                self.warnings.append(f"{kind} id {key!r} cannot be a file name; no page written")
                continue
            if getattr(obj, "id", key) != key:
                obj = dataclasses.replace(obj, id=key)  # type: ignore[type-var]
            out[key] = obj
        return out

    def _keep(self, where: str, ids: Iterable[str], known: dict[str, Any], what: str) -> list[str]:
        kept = []
        for i in unique(ids):
            if i in known:
                kept.append(i)
            else:
                self.warnings.append(f"{where}: dropped reference to unknown {what} {i!r}")
        return kept

    def _evidence(self, where: str, evidence: list[Evidence]) -> list[Evidence]:
        out = []
        for ev in evidence:
            if ev.source not in self.sources:
                self.warnings.append(f"{where}: dropped evidence from unknown source {ev.source!r}")
            elif ev.quote and ev.quote.strip():
                out.append(ev)
        return out

    def _check_references(self) -> None:
        self._check_agreements()
        self._check_events()
        self._link_agreements_and_events()
        self._check_people()
        for sid, s in self.sources.items():
            self.sources[sid] = dataclasses.replace(s, published=_date(s.published))

    def _check_agreements(self) -> None:
        src, org, ppl, agr, evt = self.sources, self.organisations, self.people, self.agreements, self.events
        for oid, o in org.items():
            org[oid] = dataclasses.replace(o, sources=self._keep(f"organisation {oid}", o.sources, src, "source"))
        for aid, a in agr.items():
            where = f"agreement {aid}"
            evidence = self._evidence(where, a.evidence)
            agr[aid] = dataclasses.replace(
                a, date=_date(a.date), parties=unique(str(p) for p in a.parties if str(p).strip()),
                signatories=self._keep(where, a.signatories, ppl, "person"),
                events=self._keep(where, a.events, evt, "event"), evidence=evidence,
                sources=unique(self._keep(where, a.sources, src, "source") + [e.source for e in evidence]))

    def _check_events(self) -> None:
        src, org, ppl, agr, evt = self.sources, self.organisations, self.people, self.agreements, self.events
        for eid, e in evt.items():
            where = f"event {eid}"
            evidence = self._evidence(where, e.evidence)
            part_of = e.part_of if e.part_of in evt and e.part_of != eid else None
            evt[eid] = dataclasses.replace(
                e, date=_date(e.date), end_date=_date(e.end_date), part_of=part_of,
                participants=self._keep(where, e.participants, ppl, "person"),
                organisations=self._keep(where, e.organisations, org, "organisation"),
                agreements=self._keep(where, e.agreements, agr, "agreement"), evidence=evidence,
                sources=unique(self._keep(where, e.sources, src, "source") + [x.source for x in evidence]))

    def _link_agreements_and_events(self) -> None:
        """References run both ways: an agreement signed at an event is on both pages."""
        agr, evt = self.agreements, self.events
        for eid, e in evt.items():
            for aid in e.agreements:
                if eid not in agr[aid].events:
                    agr[aid].events.append(eid)
        for aid, a in agr.items():
            for eid in a.events:
                if aid not in evt[eid].agreements:
                    evt[eid].agreements.append(aid)

    def _check_people(self) -> None:
        src, ppl, evt = self.sources, self.people, self.events
        attended: dict[str, list[str]] = defaultdict(list)
        for eid, e in evt.items():
            for pid in e.participants:
                attended[pid].append(eid)
        for pid, p in ppl.items():
            where = f"person {pid}"
            roles = []
            for r in p.roles:
                source = r.source
                if source is not None and source not in src:
                    self.warnings.append(f"{where}: role {r.title!r} cites unknown source {source!r}")
                    source = None
                roles.append(dataclasses.replace(r, date=_date(r.date), source=source))
            ppl[pid] = dataclasses.replace(
                p, roles=roles, aliases=unique(a for a in p.aliases if a and a != p.name),
                events=unique(self._keep(where, p.events, evt, "event") + attended[pid]),
                sources=unique(self._keep(where, p.sources, src, "source") + [r.source for r in roles if r.source]))

    # ------------------------------------------------------------ derived lookups
    def _derive(self) -> None:
        self._derive_quote_homes()
        self._derive_relations()
        dates = [s.published for s in self.sources.values() if s.published and parse_iso(s.published)]
        self.newest = max(dates, key=lambda d: parse_iso(d)[1]) if dates else None  # type: ignore[index]
        self.terms = {pid: terms_of(p.roles) for pid, p in self.people.items()}
        self.holders = office_holders(self.people, self.terms)
        self._derive_backlinks()
        self.person_org = self._guess_organisations()
        self.staff: dict[str, list[str]] = defaultdict(list)
        for pid, oid in self.person_org.items():
            if oid:
                self.staff[oid].append(pid)

    def _derive_quote_homes(self) -> None:
        # The one page whose copy of a quoted sentence goes into the search index: an event
        # and its agreement, or several events, often quote the same sentence, and every
        # copy in the index costs the browser time to load on a large site.
        self.quote_indexed_on: dict[tuple[str, str], tuple[str, str]] = {}
        for kind, items in (("event", self.events), ("agreement", self.agreements)):
            for ident in sorted(items):
                for ev in items[ident].evidence:
                    self.quote_indexed_on.setdefault((ev.source, ev.quote), (kind, ident))

    def _derive_relations(self) -> None:
        """Who met whom, who signed what, what each organisation took part in, each visit's programme."""
        self.met: dict[str, Counter[str]] = defaultdict(Counter)
        for e in self.events.values():
            for pid in e.participants:
                self.met[pid].update(q for q in e.participants if q != pid)
        self.signed: dict[str, list[str]] = defaultdict(list)
        self.org_events: dict[str, list[str]] = defaultdict(list)
        self.org_agreements: dict[str, list[str]] = defaultdict(list)
        for aid, a in self.agreements.items():
            for pid in a.signatories:
                self.signed[pid].append(aid)
            for party in a.parties:
                if party in self.organisations:
                    self.org_agreements[party].append(aid)
        self.parts: dict[str, list[str]] = defaultdict(list)  # a visit's or summit's programme
        for eid, e in self.events.items():
            for oid in e.organisations:
                self.org_events[oid].append(eid)
            if e.part_of:
                self.parts[e.part_of].append(eid)

    def _derive_backlinks(self) -> None:
        self.drawn_from: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        self.quotes: dict[str, list[str]] = defaultdict(list)
        self.backlinks: dict[Ref, set[Ref]] = defaultdict(set)
        for kind, items in self.entities():
            for ident, obj in items.items():
                for sid in getattr(obj, "sources", []):
                    self.drawn_from[sid][kind].append(ident)
                for ev in getattr(obj, "evidence", []):
                    self.quotes[ev.source].append(ev.quote)
                for target in self.refs(kind, obj):
                    if target != (kind, ident) and target[0] != "source":
                        self.backlinks[target].add((kind, ident))

    def entities(self) -> list[tuple[str, dict[str, Any]]]:
        """Non-source entities by page type (sources have their own listings)."""
        return [("person", self.people), ("event", self.events), ("agreement", self.agreements),
                ("organisation", self.organisations)]

    def refs(self, kind: str, obj: Any) -> list[Ref]:
        """The pages an entity's own data points at."""
        if kind == "person":
            return [("event", e) for e in obj.events] + [("source", s) for s in obj.sources]
        if kind == "event":
            return ([("person", p) for p in obj.participants] + [("organisation", o) for o in obj.organisations]
                    + ([("event", obj.part_of)] if obj.part_of else [])
                    + [("agreement", a) for a in obj.agreements] + [("source", s) for s in obj.sources])
        if kind == "agreement":
            return ([("organisation", p) for p in obj.parties if p in self.organisations]
                    + [("person", p) for p in obj.signatories] + [("event", e) for e in obj.events]
                    + [("source", s) for s in obj.sources])
        if kind == "organisation":
            return [("source", s) for s in obj.sources]
        return []

    def _guess_organisations(self) -> dict[str, str | None]:
        """Person id -> the organisation their latest role names, if any (`Chief of XYZ` -> xyz)."""
        by_label = {}
        for oid, org in sorted(self.organisations.items()):
            for label in (org.acronym, org.name):
                if label and len(label) > 2:
                    by_label.setdefault(label, oid)
        if not by_label:
            return {}
        # One pattern for all organisations, longest names first: a regex per pair is far too slow.
        pattern = re.compile(r"\b(" + "|".join(re.escape(x) for x in sorted(by_label, key=len, reverse=True))
                             + r")\b")
        found: dict[str, str | None] = {}
        for pid, person in self.people.items():
            role = self.current_role(person)
            m = pattern.search(role.title) if role else None
            found[pid] = by_label[m.group(1)] if m else None
        return found

    # ------------------------------------------------------------ helpers for pages
    def get(self, kind: str, ident: str) -> Any:
        return {"person": self.people, "event": self.events, "agreement": self.agreements,
                "organisation": self.organisations, "source": self.sources}[kind].get(ident)

    def title(self, kind: str, ident: str) -> str:
        obj = self.get(kind, ident)
        if obj is None:
            return ident
        if kind == "person":
            return obj.name
        if kind == "organisation":
            return f"{obj.name} ({obj.acronym})" if obj.acronym and obj.acronym != obj.name else obj.name
        if kind == "source":
            return cite.citation(obj)  # links to an article cite it: "Outlet, date — headline"
        return obj.title

    @staticmethod
    def path(kind: str, ident: str, here: str = "") -> str:
        """The relative path from a page in folder `here` ("" for the top level) to an entity page."""
        folder = FOLDERS[kind]
        return f"{ident}.md" if here == folder else f"{'../' if here else ''}{folder}/{ident}.md"

    def link(self, kind: str, ident: str, here: str = "") -> str:
        """A Markdown link from a page in folder `here` to an entity page."""
        return f"[{inline(self.title(kind, ident))}]({self.path(kind, ident, here)})"

    def party(self, party: str, here: str) -> str:
        """A party of an agreement: an organisation id becomes a link, a country stays text."""
        return self.link("organisation", party, here) if party in self.organisations else inline(party)

    def latest_term(self, pid: str) -> Term | None:
        """The office a person was last reported in, however long ago."""
        dated = [t for t in self.terms.get(pid, []) if t.last]
        return max(dated, key=lambda t: (t.last or "", t.first or "")) if dated else None

    def current_term(self, pid: str) -> Term | None:
        """The office a person holds now, as far as the articles tell: last reported recently."""
        return current_term(self.terms.get(pid, []), self.newest)

    @staticmethod
    def current_role(person: Person) -> Role | None:
        """The role with the latest date; undated roles count as older than dated ones."""
        if not person.roles:
            return None
        order = sorted(enumerate(person.roles), key=lambda ir: (sort_date(ir[1].date), ir[0]))
        return order[-1][1]

    def newest_first(self, kind: str, ids: Iterable[str]) -> list[str]:
        return sorted(ids, key=lambda i: (sort_date(self.get(kind, i).date), self.title(kind, i)), reverse=True)

    def countries_of_event(self, event: Event) -> list[str]:
        found = [self.people[p].country for p in event.participants]
        found += [self.organisations[o].country for o in event.organisations]
        return sorted({c for c in found if c})

    def countries_of_agreement(self, agreement: Agreement) -> list[str]:
        found = [self.organisations[p].country if p in self.organisations else p for p in agreement.parties]
        found += [self.people[p].country for p in agreement.signatories]
        return sorted({c for c in found if c})
