"""Data exports written by every build into `<out>/data/`.

CSV files are flat (one value per cell, lists joined with "; ") so that
`pandas.read_csv` loads them as they are; JSON files keep the nesting.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from .site import Site

SEP = "; "


def _csv(columns: list[str], rows: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(row.get(k)) for k in columns})
    return buf.getvalue()


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return SEP.join(str(v) for v in value)
    return "" if value is None else value


def _json(rows: list[dict[str, Any]]) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"


def tables(site: Site) -> dict[str, list[dict[str, Any]]]:
    """Row dicts per export; nested values only in the JSON-only keys."""
    people, roles = [], []
    for pid, p in sorted(site.people.items()):
        current = site.current_term(pid)
        people.append({"id": pid, "name": p.name, "aliases": p.aliases, "country": p.country,
                       "current_role": current.title if current else None,
                       "current_role_date": current.last if current else None,
                       "organisation": site.person_org.get(pid), "events": p.events, "sources": p.sources,
                       "curated": p.curated})
        roles += [{"person": pid, "name": p.name, "title": r.title, "country": r.country, "date": r.date,
                   "source": r.source} for r in p.roles]
    events = [{"id": eid, "title": e.title, "kind": e.kind, "date": e.date, "end_date": e.end_date,
               "place": e.place, "participants": e.participants, "organisations": e.organisations,
               "agreements": e.agreements, "sources": e.sources, "bilateral": e.bilateral,
               "background": e.background, "part_of": e.part_of, "curated": e.curated}
              for eid, e in sorted(site.events.items())]
    agreements = [{"id": aid, "title": a.title, "kind": a.kind, "instrument": a.instrument, "status": a.status,
                   "date": a.date, "parties": a.parties,
                   "signatories": a.signatories, "events": a.events, "sources": a.sources, "curated": a.curated}
                  for aid, a in sorted(site.agreements.items())]
    organisations = [{"id": oid, "name": o.name, "acronym": o.acronym, "country": o.country, "kind": o.kind,
                      "sources": o.sources, "curated": o.curated} for oid, o in sorted(site.organisations.items())]
    sources = [{"id": sid, "file": s.file, "title": s.title, "outlet": s.outlet, "published": s.published,
                "published_basis": s.published_basis, "url": s.url, "language": s.language,
                "warnings": s.warnings} for sid, s in sorted(site.sources.items())]
    evidence = [{"type": kind, "id": ident, "source": ev.source, "quote": ev.quote}
                for kind, items in (("event", site.events), ("agreement", site.agreements))
                for ident, obj in sorted(items.items()) for ev in obj.evidence]
    return {"people": people, "roles": roles, "events": events, "agreements": agreements,
            "organisations": organisations, "sources": sources, "evidence": evidence}


# Columns of each CSV, fixed so an empty KB still yields loadable files with headers.
COLUMNS = {
    "people": ["id", "name", "aliases", "country", "current_role", "current_role_date", "organisation",
               "events", "sources", "curated"],
    "roles": ["person", "name", "title", "country", "date", "source"],
    "events": ["id", "title", "kind", "date", "end_date", "place", "participants", "organisations",
               "agreements", "sources", "bilateral", "background", "part_of", "curated"],
    "agreements": ["id", "title", "kind", "instrument", "status", "date", "parties", "signatories", "events",
                   "sources", "curated"],
    "organisations": ["id", "name", "acronym", "country", "kind", "sources", "curated"],
    "sources": ["id", "file", "title", "outlet", "published", "published_basis", "url", "language", "warnings"],
    "evidence": ["type", "id", "source", "quote"],
}


def export_files(site: Site) -> Iterator[tuple[str, str]]:
    data = tables(site)
    for name, rows in data.items():
        yield f"data/{name}.csv", _csv(COLUMNS[name], rows)
    # JSON with the full nesting: roles inside people, evidence inside events and agreements.
    by_id = {"people": site.people, "events": site.events, "agreements": site.agreements}
    for name in ("people", "events", "agreements", "organisations", "sources"):
        rows = data[name]
        if name == "people":
            rows = [{**r, "roles": [{"title": x.title, "country": x.country, "date": x.date, "source": x.source}
                                    for x in by_id[name][r["id"]].roles]} for r in rows]
        elif name in by_id:
            rows = [{**r, "evidence": [{"source": x.source, "quote": x.quote} for x in by_id[name][r["id"]].evidence]}
                    for r in rows]
        yield f"data/{name}.json", _json(rows)
