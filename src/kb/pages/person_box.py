"""The infobox a person's page opens with: who they are and how they are connected, at a glance."""

from __future__ import annotations

from ..model import Person
from .markup import date_range, human_date, inline, sort_date
from .site import Site

MET_IN_BOX = 3  # people named in the infobox; the page's table lists more


def shared_events(site: Site, a: str, b: str) -> list[str]:
    """Events both people took part in, newest first."""
    ids = [e for e in site.people[a].events if b in site.events[e].participants]
    return site.newest_first("event", ids)


def event_links(site: Site, ids: list[str], here: str) -> str:
    """Shared events as short links labelled by date (the title is the link's tooltip)."""
    links = []
    for eid in ids:
        e = site.events[eid]
        label = inline(human_date(e.date) if e.date else "date unknown")
        links.append(f'[{label}]({site.path("event", eid, here)} "{_tooltip(e.title)}")')
    return ", ".join(links)


def _tooltip(text: str) -> str:
    # A Markdown link title ends at a double quote; none may be left in it.
    return inline(text).replace('"', "&quot;")


def _unsearched(markdown: str) -> str:
    """Inline Markdown shown but kept out of the search index (links to other pages, dates)."""
    return f"<span data-search-exclude>{markdown}</span>"


def office_span(site: Site, p: Person) -> tuple[str, str, str] | None:
    """(label, office title, span of dates it was reported in): the current office, or, when the
    person was last reported in an office long before the newest article, the latest one."""
    term, label = site.current_term(p.id), "Current office"
    if term is None:
        term, label = site.latest_term(p.id), "Latest office"
    if term is None:
        return None
    span = date_range(term.first, term.last) if term.first and term.first != term.last else human_date(term.last)
    return label, term.title, span


def reported(site: Site, p: Person) -> tuple[str, str] | None:
    """Ids of the earliest and latest dated articles that name the person."""
    dated = sorted((sort_date(site.sources[s].published), s) for s in p.sources if site.sources[s].published)
    return (dated[0][1], dated[-1][1]) if dated else None


def infobox_rows(site: Site, p: Person, here: str) -> list[tuple[str, str]]:
    rows = [("Country", inline(p.country or "unknown"))]
    office = office_span(site, p)
    if office:
        label, title, dates = office
        rows.append((label, f"{inline(title)} (reported {dates})"))
    org = site.person_org.get(p.id)
    if org:
        rows.append(("Organisation", site.link("organisation", org, here)))
    if p.aliases:
        rows.append(("Also written", "; ".join(inline(a) for a in p.aliases)))
    first_last = reported(site, p)
    if first_last:
        first, last = (site.sources[s] for s in first_last)
        rows.append(("First reported", _unsearched(f"[{human_date(first.published)}]"
                                                   f"({site.path('source', first.id, here)})")))
        if last.id != first.id:
            rows.append(("Last reported", _unsearched(f"[{human_date(last.published)}]"
                                                      f"({site.path('source', last.id, here)})")))
    n = len(p.events)
    rows.append(("Events", _unsearched(f"{n} (listed below)" if n else "none recorded")))
    met = most_met(site, p.id)[:MET_IN_BOX]
    if met:
        rows.append(("Met most", _unsearched("; ".join(
            f"{site.link('person', q, here)} ({n}: {event_links(site, shared_events(site, p.id, q), here)})"
            for q, n in met))))
    return rows


def most_met(site: Site, pid: str) -> list[tuple[str, int]]:
    """(person, number of shared events), most first, then by name."""
    met = site.met.get(pid, {})
    return sorted(met.items(), key=lambda qn: (-qn[1], site.title("person", qn[0])))
