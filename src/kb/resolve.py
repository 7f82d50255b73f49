"""Step 5: merge what the articles say into one page per real entity.

People merge on spelling variants of one full name (a one-letter slip in a
long surname, initials for given names) when their countries agree; a person
known in an article only by title and surname joins the one full name that
fits. Events and agreements are merged in `happenings` and `instruments`.
Articles are read oldest first, and ids come from the first report of each
entity, so they do not move when newer articles arrive.

resolve() is a pure function of the extractions.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .happenings import resolve_events
from .ids import slug, unique
from .instruments import resolve_agreements
from .lexicon import sides
from .model import Extraction, KnowledgeBase, Organisation, Person
from .names import is_full_name, name_key, name_tokens, particles, same_name, short_form_of, surname_key


@dataclass
class _PersonCluster:
    person: Person
    names: Counter[str] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)
    guessed: bool = True  # every country seen so far was an article's assumption
    keys: set[str] = field(default_factory=set)  # name_key of every name seen
    offices: set[str] = field(default_factory=set)  # lower-case role titles
    sources: set[str] = field(default_factory=set)


def _order(extractions: list[Extraction]) -> list[Extraction]:
    return sorted(extractions, key=lambda x: (x.source.published or "9999", x.source.file))


def _countries_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


# ---------------------------------------------------------------- people
def _full_keys(name: str) -> set[str]:
    """Index keys of a full name: spellings that may be one name share a surname, or a given name and
    the surname's first letter (a slip in a long surname rarely hits its first letter)."""
    toks = [t for t in name_tokens(name) if t not in particles()]
    surname = surname_key(name)
    keys = {"s:" + surname}
    if len(toks) > 1:
        keys.add(f"g:{toks[0]}|{surname[:1]}")
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
        """The cluster of a spelling of the same full name whose country does not contradict this one's;
        one with this very spelling first (no fuzzy comparison needed)."""
        variants = [p.name, *p.aliases]
        fits = [i for i in self.near({k for v in variants for k in _full_keys(v)})
                if _may_be_one(self.clusters[i], p)]
        spelt = {name_key(v) for v in variants}
        exact = next((i for i in fits if self.clusters[i].keys & spelt), None)
        if exact is not None:
            return exact
        return next((i for i in fits if any(same_name(v, n) for v in variants for n in self.clusters[i].names)),
                    None)

    def match_short(self, p: Person) -> int | None:
        """The one cluster whose full name the short form ("Bellandi", "Gen Ferri") shortens; countries decide
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
                c.keys.add(name_key(v))
                if is_full_name(v):
                    for k in _full_keys(v) | _word_keys(v):
                        self.index[k].add(match)
        if p.country and not p.untitled:
            # A country an article only assumed counts for less than one it stated.
            c.countries[p.country] += 1 if p.country_guessed else 2
            c.guessed = c.guessed and p.country_guessed
        c.person.roles.extend(p.roles)
        c.offices.update(r.title.lower() for r in p.roles)
        if sid not in c.sources:  # a set beside the list: someone in thousands of articles stays cheap
            c.sources.add(sid)
            c.person.sources.append(sid)
        return match


def _may_be_one(c: _PersonCluster, p: Person) -> bool:
    """One full name is one person unless two countries were stated for it; the two sides of the pair
    are not two countries here, as an envoy's host country is easily read as his own."""
    if p.untitled or _countries_agree(c.person.country, p.country) or _same_office(c, p) \
            or _guessed_apart(c, p):
        return True
    return name_key(p.name) in c.keys and {c.person.country, p.country} == set(sides().pair)


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
    """Name, aliases and country from all reports; the id from the first full name seen, so it stays put."""
    person = c.person
    full_names = [n for n in c.names if is_full_name(n)] or list(c.names)
    # The most frequent spelling; on a tie the one seen first.
    person.name = max(full_names, key=lambda n: c.names[n])
    person.aliases = sorted(n for n in c.names if n != person.name)
    person.country = c.countries.most_common(1)[0][0] if c.countries else None
    person.country_guessed = c.guessed and person.country is not None
    person.id = unique(slug(full_names[0]), taken)
    for alias in person.aliases:
        if name_key(alias) != name_key(person.name) and is_full_name(alias):
            kb.merges.append((alias, person.name))
    kb.people[person.id] = person
    return person.id


def _guessed_apart(c: _PersonCluster, p: Person) -> bool:
    """The same full name where one side's country was only assumed: one person, not two namesakes."""
    return (c.guessed or p.country_guessed) and name_key(p.name) in c.keys


def _same_office(c: _PersonCluster, p: Person) -> bool:
    """One name, one office: the same person even if an article got the country wrong."""
    return bool(c.offices & {r.title.lower() for r in p.roles})


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


# ---------------------------------------------------------------- all together
def resolve(extractions: list[Extraction]) -> KnowledgeBase:
    kb = KnowledgeBase()
    ordered = _order(extractions)
    for ex in ordered:
        kb.sources[ex.source.id] = ex.source
    people = _resolve_people(ordered, kb)
    orgs = _resolve_organisations(ordered, kb)
    agreements = resolve_agreements(ordered, kb, people, orgs)
    resolve_events(ordered, kb, people, orgs, agreements)
    events_of: dict[str, list[str]] = defaultdict(list)
    for e in kb.events.values():
        for pid in e.participants:
            events_of[pid].append(e.id)
    for p in kb.people.values():
        p.events = sorted(events_of.get(p.id, []), key=lambda i: kb.events[i].date or "", reverse=True)
        p.roles.sort(key=lambda r: (r.date or "", r.title))
    return kb
