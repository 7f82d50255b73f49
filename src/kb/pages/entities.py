"""One page per entity: front matter per SCHEMA.md, then a readable body."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from ..lexicon import sides
from ..model import Agreement, Event, Evidence, Organisation, Person, Source
from . import cite, graph_data, jsonld, person_box
from .blocks import bullet_list, facts_box, summary
from .evidence import evidence_markdown
from .frontmatter import GENERATOR, page
from .markup import (
    article_markdown,
    bullets,
    date_range,
    external_link,
    human_date,
    inline,
    lang,
    safe_title,
    sort_date,
    table,
    tag,
    year_of,
)
from .site import FOLDERS, PLURAL, SINGULAR, Site, on_timeline
from .summary import agreement_sentence, event_sentence


def entity_pages(site: Site) -> Iterator[tuple[str, str]]:
    """(path inside out, page text) for every entity."""
    for path, _, render in entity_page_makers(site):
        yield path, render()


def entity_page_makers(site: Site) -> Iterator[tuple[str, tuple[str, str], Callable[[], str]]]:
    """(path inside out, (Site table, id) of the entity, the page's renderer) for every entity:
    kb.pages.incremental calls the renderer only when what the page reads has changed."""
    for pid, p in site.people.items():
        yield f"people/{pid}.md", ("people", pid), partial(person_page, site, p)
    for eid, e in site.events.items():
        yield f"events/{eid}.md", ("events", eid), partial(event_page, site, e)
    for aid, a in site.agreements.items():
        yield f"agreements/{aid}.md", ("agreements", aid), partial(agreement_page, site, a)
    for oid, o in site.organisations.items():
        yield f"organisations/{oid}.md", ("organisations", oid), partial(organisation_page, site, o)
    for sid, s in site.sources.items():
        yield f"sources/{sid}.md", ("sources", sid), partial(source_page, site, s)


def _tags(*values: str | None) -> list[str]:
    return list(dict.fromkeys(t for t in (tag(v) for v in values if v) if t))


def _extras(tags: list[str], ld: dict[str, Any]) -> dict[str, Any]:
    """Keys beyond SCHEMA.md: tags for the tags plugin, JSON-LD for the template, our marker."""
    return {"tags": tags, "jsonld": ld, "generator": GENERATOR}


def _evidence(ev: list[Evidence]) -> list[dict[str, str]]:
    return [{"source": e.source, "quote": e.quote} for e in ev]


def _section(title: str, body: str, searchable: bool = False) -> str:
    """A level-2 section. Link lists repeat other pages' titles, so only sections
    that help finding a page (roles, evidence) go into the search index: on a
    synthetic 5,000-article site the index is 3 MB (200 kB gzipped) instead of 13."""
    return f"## {title}{'' if searchable else ' { data-search-exclude }'}\n\n{body}"


def _unsearched(markdown: str) -> str:
    """Inline text kept out of the search index (a source title repeated in a table)."""
    return f"<span data-search-exclude>{markdown}</span>"


def _links(site: Site, kind: str, ids: list[str], here: str, empty: str = "None recorded.") -> str:
    return bullets((site.link(kind, i, here) for i in ids), empty)


def _event_line(site: Site, eid: str, here: str) -> str:
    e = site.events[eid]
    where = f", {inline(e.place)}" if e.place else ""
    return f"{date_range(e.date, e.end_date)} — {site.link('event', eid, here)} ({inline(e.kind)}{where})"


def _evidence_section(site: Site, evidence: list[Evidence], here: str, owner: tuple[str, str]) -> str:
    """The quotes, grouped by article, right under the facts, in the page's first search entry: an
    HTML heading without an id does not start an entry of its own (one per page instead of two keeps a
    large site's search quick to load)."""
    return f'<h2 class="kb-evidence">Evidence</h2>\n\n{evidence_markdown(site, evidence, here, owner)}'


def _mentioned_on(site: Site, kind: str, ident: str, here: str) -> str:
    # The id last: pages of one title (a series of talks) keep one order from build to build.
    refs = sorted(site.backlinks.get((kind, ident), ()),
                  key=lambda r: (list(FOLDERS).index(r[0]), site.title(*r).lower(), r[1]))
    items = [f"{SINGULAR[k]}: {site.link(k, i, here)}" for k, i in refs]
    return _section("Mentioned on", bullet_list(items, "No other page links here."))


def _sources(site: Site, ids: list[str], here: str) -> str:
    newest = sorted(ids, key=lambda s: (sort_date(site.sources[s].published), s), reverse=True)
    return _section("Sources", bullet_list(site.link("source", s, here) for s in newest))


def _reported_by(site: Site, ids: list[str]) -> str:
    return inline(cite.reported_by([site.sources[s] for s in ids])) if ids else "no article"


def _joined(site: Site, kind: str, ids: list[str], here: str) -> str:
    return ", ".join(site.link(kind, i, here) for i in ids)


# ---------------------------------------------------------------- person
def person_page(site: Site, p: Person) -> str:
    here = "people"
    meta: dict[str, Any] = {
        "type": "person", "id": p.id, "title": safe_title(p.name), "name": p.name, "aliases": p.aliases,
        "country": p.country,
        "roles": [{"title": r.title, "country": r.country, "date": r.date, "source": r.source} for r in p.roles],
        "terms": [{"title": t.title, "country": t.country, "first": t.first, "last": t.last,
                   "reports": len(t.sources)} for t in site.terms[p.id]],
        "events": p.events, "sources": p.sources, "curated": p.curated,
        # Searching a name should find the person before the events titled with it.
        "search": {"boost": 2},
        **_extras(_tags(p.country), jsonld.person(site, p)),
    }
    role_rows = [[inline(t.title), inline(t.country or ""), human_date(t.first) if t.first else "undated",
                  human_date(t.last) if t.last else "undated", _term_reports(site, t.sources, here)]
                 for t in site.terms[p.id]]
    met_rows = [[site.link("person", q, here), person_box.event_links(site, person_box.shared_events(site, p.id, q),
                                                                     here)]
                for q, _ in person_box.most_met(site, p.id)[:20]]
    body = [
        f"# {inline(p.name)}",
        # searchable, as the facts were before the box: aliases and offices find a person
        facts_box(person_box.infobox_rows(site, p, here), "kb-facts kb-infobox", searchable=True),
        _section("Role history", '<div class="kb-roles" markdown>\n\n'
                 + table(["Office", "Country", "First reported", "Last reported", "Reports"], role_rows)
                 + "\n\n</div>" if role_rows else "*No role recorded.*", searchable=True),
        _section("Events", bullet_list(_event_line(site, e, here) for e in site.newest_first("event", p.events))),
        _section("People met most", table(["Person", "Shared events"], met_rows)
                 if met_rows else "*No shared events recorded.*"),
        graph_data.local(site, "person", p.id),
        _section("Agreements signed", bullet_list(
            site.link("agreement", a, here) for a in site.newest_first("agreement", site.signed[p.id]))),
        _sources(site, p.sources, here),
        _mentioned_on(site, "person", p.id, here),
    ]
    return page(meta, "\n\n".join(b for b in body if b))


# ---------------------------------------------------------------- event
# How a shown event date was found.
_DATE_BASIS = {
    "text": "stated in the article",
    "context": "from the story the sentence continues",
    "publication": "the article's date: the text does not date the event",
    "curated": "set by hand in curation.yml",
}
_PRECISION = {10: "day", 7: "month only", 4: "year only"}


def date_fact(date: str | None, end: str | None, basis: str | None) -> str:
    """'8 July 2021 (day; stated in the article)': the date with its precision and how it was found."""
    if not date:
        return "unknown"
    why = [_PRECISION.get(len(date), ""), _DATE_BASIS.get(basis or "", "")]
    notes = "; ".join(w for w in why if w)
    return date_range(date, end) + (f" ({notes})" if notes else "")


def _part_of(site: Site, e: Event, here: str) -> str:
    """The visit or summit whose programme the event is part of, if any."""
    return site.link("event", e.part_of, here) if e.part_of else ""


def event_page(site: Site, e: Event) -> str:
    here = "events"
    countries = site.countries_of_event(e)
    meta: dict[str, Any] = {
        "type": "event", "id": e.id, "title": safe_title(e.title), "kind": e.kind, "date": e.date,
        "end_date": e.end_date, "date_basis": e.date_basis if e.date else None, "status": e.status,
        "place": e.place,
        "participants": e.participants,
        "organisations": e.organisations, "agreements": e.agreements, "evidence": _evidence(e.evidence),
        "sources": e.sources, "bilateral": e.bilateral, "background": e.background, "curated": e.curated,
        "part_of": e.part_of,
        **({"disagreements": {fact: [{"value": v.value, "sources": v.sources} for v in versions]
                              for fact, versions in e.disagreements.items()}} if e.disagreements else {}),
        **_extras(_tags(e.kind, *countries, year_of(e.date)), jsonld.event(site, e)),
    }
    facts = [("Kind", inline(e.kind)), ("Status", inline(e.status)),
             ("Date", date_fact(e.date, e.end_date, e.date_basis)),
             ("Place", inline(e.place) if e.place else "unknown"),
             *_disagreement_facts(e),
             ("Participants", _joined(site, "person", e.participants, here) or "none recorded"),
             ("Organisations", _joined(site, "organisation", e.organisations, here)),
             ("Part of", _part_of(site, e, here)),
             ("Agreements", _joined(site, "agreement", e.agreements, here)),
             ("Countries", ", ".join(inline(c) for c in countries)),
             ("Reported by", _reported_by(site, e.sources))]
    # The facts stay out of the search index: the title names the place and people, the
    # tags the kind and countries, and a large site has thousands of event pages.
    body = [f"# {inline(e.title)}", summary(event_sentence(site, e)), facts_box(facts)]
    why = [text for text, applies in (("mentioned as background", e.background),
                                      (f"not {sides().label} relations", not on_timeline(site, e)
                                       and not e.background and e.status == "happened"),
                                      (f"{e.status}, not held", e.status != "happened")) if applies]
    if why:
        body.append(f'!!! note "Not among the held events of the timeline"\n\n    This event is '
                    f'{" and ".join(why)}; it is kept for reference.')
    if site.parts.get(e.id):
        body.append(_section("Programme", _programme(site, site.parts[e.id], here)))
    body += [
        _evidence_section(site, e.evidence, here, ("event", e.id)),
        graph_data.local(site, "event", e.id),
        _sources(site, e.sources, here),
        _mentioned_on(site, "event", e.id, here),
    ]
    return page(meta, "\n\n".join(b for b in body if b))


def _disagreement_facts(e: Event) -> list[tuple[str, str]]:
    """ "Sources disagree on the date: 9 October 2023: 3 reports · 10 October 2023: 1 report"."""
    rows = []
    for fact, versions in e.disagreements.items():
        shown = [f"{human_date(v.value) if fact == 'date' else inline(v.value)}: {_reports(len(v.sources))}"
                 for v in versions]
        rows.append((f"Sources disagree on the {fact}", " · ".join(shown)))
    return rows


def _term_reports(site: Site, sources: list[str], here: str) -> str:
    """ "3 reports, latest: [article]": how many articles name the person in the office, and where to read it."""
    if not sources:
        return "curated"
    latest = max(sources, key=lambda s: (sort_date(site.sources[s].published), s) if s in site.sources else ("", s))
    link = site.link("source", latest, here) if latest in site.sources else inline(latest)
    return f"{_reports(len(sources))}, latest: {_unsearched(link)}"


def _reports(n: int) -> str:
    return f"{n} report{'s' if n != 1 else ''}"


def _programme(site: Site, parts: list[str], here: str) -> str:
    """The events of a visit or summit, day by day."""
    by_day: dict[str, list[str]] = {}
    for eid in sorted(parts, key=lambda i: (sort_date(site.events[i].date), site.title("event", i))):
        by_day.setdefault(site.events[eid].date or "", []).append(eid)
    return "\n\n".join(f"**{human_date(day) if day else 'Undated'}**\n\n" + bullets(
        f"{site.link('event', eid, here)} ({inline(site.events[eid].kind)})" for eid in ids)
        for day, ids in by_day.items())


# ---------------------------------------------------------------- agreement
def agreement_page(site: Site, a: Agreement) -> str:
    here = "agreements"
    countries = site.countries_of_agreement(a)
    meta: dict[str, Any] = {
        "type": "agreement", "id": a.id, "title": safe_title(a.title), "kind": a.kind,
        "instrument": a.instrument, "status": a.status, "date": a.date, "parties": a.parties,
        "signatories": a.signatories, "events": a.events,
        "evidence": _evidence(a.evidence), "sources": a.sources, "curated": a.curated,
        **_extras(_tags(a.kind, *countries, year_of(a.date)), jsonld.agreement(site, a)),
    }
    events = site.newest_first("event", a.events)
    facts = [("Kind", inline(a.instrument or a.kind)), ("Status", inline(a.status)),
             ("Date", date_fact(a.date, None, None)),
             ("Parties", ", ".join(site.party(x, here) for x in a.parties) or "unknown"),
             ("Signatories", _joined(site, "person", a.signatories, here) or "none recorded"),
             ("Events", _joined(site, "event", events, here)),
             ("Reported by", _reported_by(site, a.sources))]
    body = [
        f"# {inline(a.title)}",
        summary(agreement_sentence(site, a)),
        # Out of the search index like an event's: the title and tags name the parties, and a
        # result then shows the quoted sentence rather than the list of facts.
        facts_box(facts),
        _evidence_section(site, a.evidence, here, ("agreement", a.id)),
        _section("Events", bullet_list(_event_line(site, e, here) for e in events)),
        _sources(site, a.sources, here),
        _mentioned_on(site, "agreement", a.id, here),
    ]
    return page(meta, "\n\n".join(body))


# ---------------------------------------------------------------- organisation
def organisation_page(site: Site, o: Organisation) -> str:
    here = "organisations"
    meta: dict[str, Any] = {
        "type": "organisation", "id": o.id, "title": safe_title(site.title("organisation", o.id)),
        "name": o.name, "acronym": o.acronym, "country": o.country, "kind": o.kind, "sources": o.sources,
        "curated": o.curated, **_extras(_tags(o.kind, o.country), jsonld.organisation(site, o)),
    }
    events = site.newest_first("event", site.org_events[o.id])
    agreements = site.newest_first("agreement", site.org_agreements[o.id])
    staff = site.staff[o.id]
    seen = [p for e in events for p in site.events[e].participants]
    seen += [p for a in agreements for p in site.agreements[a].signatories]
    people = sorted(set(staff) | set(seen), key=lambda pid: site.title("person", pid))
    facts = [("Name", inline(o.name)), ("Acronym", inline(o.acronym or "none")),
             ("Country", inline(o.country or "unknown")), ("Kind", inline(o.kind))]
    body = [
        f"# {inline(site.title('organisation', o.id))}",
        facts_box(facts, searchable=True),
        _section("People", bullets(
            (site.link("person", pid, here) + (" — role names it" if pid in staff else "") for pid in people),
            "No person linked yet.")),
        _section("Events", bullets(_event_line(site, e, here) for e in events)),
        _section("Agreements", _links(site, "agreement", agreements, here)),
        _sources(site, o.sources, here),
        _mentioned_on(site, "organisation", o.id, here),
    ]
    return page(meta, "\n\n".join(body))


# ---------------------------------------------------------------- source
BASIS = {
    "front-matter": "from the article file's front matter",
    "header": "from the article's header",
    "dateline": "from the dateline",
    "text": "from a date in the text",
    "post-id": "from the post id in the URL",
    "corroborated": "the day of the events it reports, as other articles date them",
    "unknown": "not found",
}


def _lang_attr(code: str) -> str:
    return f' lang="{code}"' if code else ""


def source_page(site: Site, s: Source) -> str:
    here = "sources"
    meta: dict[str, Any] = {
        "type": "source", "id": s.id, "title": safe_title(s.title or s.file), "file": s.file,
        "outlet": s.outlet, "published": s.published, "published_basis": s.published_basis, "url": s.url,
        "language": s.language, "warnings": s.warnings,
        "jsonld": jsonld.source(site, s), "generator": GENERATOR,
    }
    basis = BASIS.get(s.published_basis, inline(s.published_basis))
    facts = [("File", inline(s.file)),
             ("Outlet", inline(s.outlet or "unknown")),
             ("Published", f"{human_date(s.published)} ({basis})"),
             ("Web address", external_link(s.url))]
    if s.language:
        facts.append(("Language", inline(s.language)))
    drawn = site.drawn_from.get(s.id, {})
    lists = []
    for kind in ("person", "event", "agreement", "organisation"):
        ids = drawn.get(kind, [])
        if ids:
            ordered = site.newest_first(kind, ids) if kind in ("event", "agreement") else \
                sorted(ids, key=lambda i, k=kind: site.title(k, i).lower())
            lists.append(f"### {PLURAL[kind]} {{ data-search-exclude }}\n\n" + _links(site, kind, ordered, here))
    code = lang(s.language)
    body = [
        f"# {inline(s.title or s.file)}" + (f" {{{_lang_attr(code)} }}" if code else ""),
        # the title is what finds an article; its details need not be indexed
        facts_box(facts),
        _section("Warnings", bullets((inline(w) for w in s.warnings), "None.")),
        _section("Drawn from this article", "\n\n".join(lists) or "*Nothing extracted yet.*"),
        # Article bodies are bulky and repeat what the entity pages say; keep them
        # out of the search index so a large site's index stays small.
        "## Article text { data-search-exclude }\n\nSentences used as evidence are <mark>highlighted</mark>.\n\n"
        f'<div class="kb-article"{_lang_attr(code)} data-search-exclude markdown>\n\n'
        + (article_markdown(s.text, site.quotes.get(s.id, [])) or "*No text.*")
        + "\n\n</div>",
    ]
    return page(meta, "\n\n".join(body))
