"""schema.org descriptions of entities, emitted as JSON-LD by docs/overrides/main.html.

They travel in the `jsonld` front-matter key; the template serialises them
with Jinja's `tojson`, which escapes `<`, `>`, `&` and `'`, so no string in
them can close the <script> element.
"""

from __future__ import annotations

from typing import Any

from ..model import Agreement, Event, Organisation, Person, Source
from .site import Site

CONTEXT = "https://schema.org"


def _drop_empty(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v not in (None, "", [], {})}


def _person_ref(site: Site, pid: str) -> dict[str, Any]:
    return {"@type": "Person", "name": site.people[pid].name, "identifier": pid}


def person(site: Site, p: Person) -> dict[str, Any]:
    current = site.current_role(p)
    roles = [_drop_empty({"@type": "Role", "roleName": r.title, "startDate": r.date,
                          "hasOccupation": {"@type": "Occupation", "name": r.title}}) for r in p.roles]
    return _drop_empty({
        "@context": CONTEXT, "@type": "Person", "identifier": p.id, "name": p.name,
        "alternateName": p.aliases, "jobTitle": current.title if current else None,
        "nationality": {"@type": "Country", "name": p.country} if p.country else None,
        "hasOccupation": roles,
    })


def event(site: Site, e: Event) -> dict[str, Any]:
    return _drop_empty({
        "@context": CONTEXT, "@type": "Event", "identifier": e.id, "name": e.title,
        "startDate": e.date, "endDate": e.end_date,
        "location": {"@type": "Place", "name": e.place} if e.place else None,
        "attendee": [_person_ref(site, p) for p in e.participants]
        + [{"@type": "Organization", "name": site.organisations[o].name} for o in e.organisations],
        "keywords": e.kind,
    })


def agreement(site: Site, a: Agreement) -> dict[str, Any]:
    parties = [{"@type": "Organization", "name": site.organisations[p].name} if p in site.organisations
               else {"@type": "Country", "name": p} for p in a.parties]
    return _drop_empty({
        "@context": CONTEXT, "@type": "Legislation", "identifier": a.id, "name": a.title,
        "legislationType": a.kind, "legislationDate": a.date, "legislationPassedBy": parties,
        "legislationResponsible": [_person_ref(site, p) for p in a.signatories],
    })


def organisation(site: Site, o: Organisation) -> dict[str, Any]:
    return _drop_empty({
        "@context": CONTEXT, "@type": "Organization", "identifier": o.id, "name": o.name,
        "alternateName": o.acronym,
        "address": {"@type": "PostalAddress", "addressCountry": o.country} if o.country else None,
    })


def source(site: Site, s: Source) -> dict[str, Any]:
    web = s.url if s.url and s.url.startswith(("http://", "https://")) else None
    return _drop_empty({
        "@context": CONTEXT, "@type": "NewsArticle", "identifier": s.id, "headline": s.title or s.file,
        "datePublished": s.published, "url": web, "inLanguage": s.language,
        "publisher": {"@type": "Organization", "name": s.outlet} if s.outlet else None,
    })
