"""Section pages: home, timeline, who's who, the registers and the graph.

They carry no `type` in their front matter: readers of the page contract
(eval/score.py) take every page in a folder that has one for an entity.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from ..lexicon import sides
from ..model import Event, Problem
from ..offices import Term, rank_keys
from ..offices import years as term_years
from . import graph
from .frontmatter import GENERATOR, page
from .markup import MONTHS, attr, bullets, date_range, human_date, inline, month_of, sort_date, table, year_of
from .site import Site

LATEST = 10
EXPORTS = ("people", "roles", "events", "agreements", "organisations", "sources", "evidence")


def index_pages(site: Site, problems: list[Problem], extra_pages: Iterable[str] = ()) -> Iterator[tuple[str, str]]:
    yield "index.md", home(site, problems, set(extra_pages))
    yield "timeline.md", timeline(site)
    yield "people/index.md", people_index(site)
    yield "offices.md", offices_page(site)
    yield "events/index.md", events_index(site)
    yield "agreements/index.md", agreements_index(site)
    yield "organisations/index.md", organisations_index(site)
    yield "sources/index.md", sources_index(site)
    yield "graph.md", graph_page(site)


# Register tables need the full width: the tabs already give the navigation.
WIDE = {"hide": ["navigation", "toc"]}


def _page(title: str, body: list[str], **meta: Any) -> str:
    return page({"title": title, **meta, "generator": GENERATOR}, "\n\n".join(b for b in body if b))


def _block(body: str, classes: str = "", sortable: bool = False) -> str:
    """Wrap generated listings: kept out of the search index (entity pages are indexed already).

    `body` must hold no <div>: Material's search parser would end the exclusion at its </div>.
    """
    cls = " ".join(c for c in (classes, "kb-sortable" if sortable else "") if c)
    return f'<div class="{cls}" data-search-exclude markdown>\n\n{body}\n\n</div>'


def _on_timeline(e: Event) -> bool:
    return e.bilateral and not e.background


def _event_summary(site: Site, eid: str, here: str = "") -> str:
    e = site.events[eid]
    place = f" · {inline(e.place)}" if e.place else ""
    return f"{date_range(e.date, e.end_date)} · {inline(e.kind)}{place} — {site.link('event', eid, here)}"


# ---------------------------------------------------------------- home
def home(site: Site, problems: list[Problem], extra: set[str]) -> str:
    bilateral = [i for i, e in site.events.items() if _on_timeline(e)]
    counts = [
        ("People", len(site.people), "people/index.md"),
        ("Events on the timeline", len(bilateral), "timeline.md"),
        ("All events", len(site.events), "events/index.md"),
        ("Agreements", len(site.agreements), "agreements/index.md"),
        ("Organisations", len(site.organisations), "organisations/index.md"),
        ("Articles read", len(site.sources), "sources/index.md"),
    ]
    body = [
        f"# {sides().label} Defence Ties",
        f"A knowledge base of defence relations between {' and '.join(sides().pair)} — ministers' meetings, visits, "
        "dialogues, exercises, industrial agreements — built from news articles. Every person, event and "
        "agreement links to the articles it was drawn from and quotes the sentences that say so.",
        table(["", "Count"], [[label, f"[{n}]({link})"] for label, n, link in counts]),
        "## Latest events\n\n" + bullets(
            (_event_summary(site, e) for e in site.newest_first("event", bilateral)[:LATEST]), "No events yet."),
        "## Latest agreements\n\n" + bullets(
            (f"{human_date(site.agreements[a].date)} · {inline(site.agreements[a].kind)} — "
             f"{site.link('agreement', a)}" for a in site.newest_first("agreement", site.agreements)[:LATEST]),
            "No agreements yet."),
        "## How to add an article\n\n"
        "1. Save the article as a text file in `seeds/`: plain `.txt`, or `.md` whose front matter may give "
        "`title`, `url`, `outlet`, `published` and `language`.\n"
        "2. Run `kb build --seeds seeds --out docs`, or keep `mkdocs serve` running: it rebuilds these pages "
        "when `seeds/` changes.\n"
        "3. Check the article's page under [Sources](sources/index.md): what was drawn from it, and the "
        "sentences quoted as evidence, highlighted in its text.",
        "## Unreadable articles\n\n" + (
            table(["File", "Reason"], [[inline(p.file), inline(p.reason)] for p in problems]) if problems
            else "*Every article could be read.*"),
        "## Data\n\nEvery build also writes tables for analysis (CSV lists are joined with `; `): "
        + ", ".join(f"[{n}.csv](data/{n}.csv)" for n in EXPORTS) + "; and JSON: "
        + ", ".join(f"[{n}.json](data/{n}.json)" for n in EXPORTS if n not in ("roles", "evidence")) + ".",
    ]
    more = [f"[{label}]({path})" for path, label in (("about.md", "About this site"), ("tags.md", "Tags"))
            if path in extra]
    if more:
        body.append("See also: " + " · ".join(more) + ".")
    return _page("Home", body)


# ---------------------------------------------------------------- timeline
def timeline(site: Site) -> str:
    shown = [i for i, e in site.events.items() if _on_timeline(e)]
    aside = site.newest_first("event", (i for i, e in site.events.items() if not _on_timeline(e)))
    by_year: dict[str, dict[int | None, list[str]]] = defaultdict(lambda: defaultdict(list))
    undated = []
    for eid in site.newest_first("event", shown):
        year = year_of(site.events[eid].date)
        if year is None:
            undated.append(eid)
        else:
            by_year[year][month_of(site.events[eid].date)].append(eid)

    parts = []
    for year in sorted(by_year, reverse=True):
        months = by_year[year]
        blocks = []
        for month in sorted(months, key=lambda m: m or 0, reverse=True):
            heading = f"{MONTHS[month - 1]} {year}" if month else f"{year}, month not known"
            items = "\n\n".join(_timeline_item(site, e) for e in months[month])
            blocks.append(f'<div class="kb-month" markdown>\n\n### {heading}\n\n{items}\n\n</div>')
        parts.append(f'<div class="kb-year" markdown>\n\n## {year}\n\n' + "\n\n".join(blocks) + "\n\n</div>")
    if undated:
        items = "\n\n".join(_timeline_item(site, e) for e in undated)
        parts.append(f'<div class="kb-year" markdown>\n\n## Date not known\n\n{items}\n\n</div>')

    body = [
        "# Timeline",
        f"{len(shown)} events in {sides().label} defence relations, newest first. Background mentions and "
        f"happenings between {' or '.join(sides().pair)} and other countries are listed apart, at the end.",
        _filter(site, shown),
        '<div class="kb-timeline" markdown>\n\n' + ("\n\n".join(parts) or "*No events yet.*") + "\n\n</div>",
    ]
    if aside:
        items = "\n".join(f"- {_event_summary(site, e)}" + (" *(background)*" if site.events[e].background else "")
                          for e in aside)
        body.append(f"## Background and other countries\n\n<details class=\"kb-aside\" markdown>\n"
                    f"<summary>{len(aside)} events kept off the timeline</summary>\n\n{items}\n\n</details>")
    # Out of the search index as a whole: every event has its own page, and Material's
    # parser ends a data-search-exclude <div> at the first nested </div>.
    return _page("Timeline", body, search={"exclude": True})


def _timeline_item(site: Site, eid: str) -> str:
    e = site.events[eid]
    countries = site.countries_of_event(e)
    data = (f'data-kind="{attr(e.kind)}" data-year="{attr(year_of(e.date) or "")}" '
            f'data-countries="|{attr("|".join(countries))}|"')
    lines = [_event_summary(site, eid)]
    if e.participants:
        lines.append("Participants: " + ", ".join(site.link("person", p) for p in e.participants))
    if e.agreements:
        lines.append("Agreements: " + ", ".join(site.link("agreement", a) for a in e.agreements))
    return f'<div class="kb-event" {data} markdown>\n\n' + "<br>\n".join(lines) + "\n\n</div>"


def _filter(site: Site, shown: list[str]) -> str:
    """Drop-downs that docs/assets/kb.js wires up; hidden until the script runs."""
    events = [site.events[e] for e in shown]
    choices = {
        "kind": sorted({e.kind for e in events if e.kind}),
        "country": sorted({c for e in events for c in site.countries_of_event(e)}),
        "year": sorted({y for e in events if (y := year_of(e.date))}, reverse=True),
    }
    selects = []
    for name, values in choices.items():
        options = "".join(f'<option value="{attr(v)}">{attr(v)}</option>' for v in values)
        selects.append(f'<label>{name.title()} <select data-filter="{name}"><option value="">all</option>'
                       f"{options}</select></label>")
    return (f'<form class="kb-filter" data-target=".kb-timeline" hidden>{"".join(selects)}'
            '<output class="kb-filter-count"></output></form>')


# ---------------------------------------------------------------- people
def people_index(site: Site) -> str:
    def country_rank(c: str) -> tuple[int, str]:
        pair = sides().pair
        return (pair.index(c) if c in pair else 2 if c else 3, c)

    groups: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for pid, p in site.people.items():
        groups[p.country or ""][site.person_org.get(pid) or ""].append(pid)
    parts = []
    for country in sorted(groups, key=country_rank):
        parts.append(f"## {inline(country) if country else 'Country not known'}")
        orgs = groups[country]
        for oid in sorted(orgs, key=lambda o: (o == "", site.title("organisation", o).lower() if o else "")):
            if len(orgs) > 1 or oid:
                parts.append("### " + (site.link("organisation", oid, "people") if oid
                                       else "Organisation not known"))
            rows = []
            for pid in sorted(orgs[oid], key=lambda i: site.people[i].name.lower()):
                term = site.latest_term(pid)
                rows.append([site.link("person", pid, "people"), inline(term.title) if term else "",
                             inline(term.last or "") if term else "", str(len(site.people[pid].events))])
            parts.append(table(["Name", "Latest role", "Last reported", "Events"], rows))
    body = ["# People", f"Who's who: {len(site.people)} people, by country and, where their role names "
            "it, organisation. [Offices](../offices.md) lists who held each office over time.",
            _block("\n\n".join(parts) or "*No people yet.*", sortable=True)]
    return _page("People", body, hide=["navigation"])  # its table of contents lists the countries


# ---------------------------------------------------------------- offices
def offices_page(site: Site) -> str:
    """Each office and its holders in the order the articles first report them in it."""
    by_country: dict[str, list[str]] = defaultdict(list)
    for (office, country), holders in sorted(site.holders.items(), key=lambda oh: oh[0][0]):
        if office in rank_keys() or not country:
            continue
        title = Counter(h.term.title for h in holders).most_common(1)[0][0]
        held = "; ".join(f"{site.link('person', h.person)} ({_span_text(h.term)}{_reports(len(h.term.sources))})"
                         for h in holders)
        by_country[country].append(f"| {inline(title)} | {held} |")
    pair = sides().pair
    order = sorted(by_country, key=lambda c: (pair.index(c) if c in pair else 2, c))
    parts = [f"## {inline(c)}\n\n| Office | Holders, first reported first |\n|---|---|\n" + "\n".join(by_country[c])
             for c in order]
    body = ["# Offices", "Who held each office, as the articles report them in it: the years of the first and "
            "last report, and how many articles report it.", _block("\n\n".join(parts) or "*No offices yet.*")]
    return _page("Offices", body, hide=["navigation"])


def _span_text(term: Term) -> str:
    years = term_years(term)
    return f"reported {years}, " if years else ""


def _reports(n: int) -> str:
    return f"{n} report{'s' if n != 1 else ''}"


# ---------------------------------------------------------------- registers
def _source_links(site: Site, ids: list[str], here: str) -> str:
    return ", ".join(f"[{inline(s)}]({'../' if here else ''}sources/{s}.md)" for s in ids)


def events_index(site: Site) -> str:
    rows = []
    for eid in site.newest_first("event", site.events):
        e = site.events[eid]
        scope = "background" if e.background else "bilateral" if e.bilateral else "other countries"
        rows.append([inline(e.date or ""), inline(e.kind), site.link("event", eid, "events"), inline(e.place or ""),
                     str(len(e.participants)), scope])
    body = ["# Events", f"All {len(site.events)} events, newest first; the [timeline](../timeline.md) shows the "
            "bilateral ones by month. Click a column heading to sort.",
            _block(table(["Date", "Kind", "Event", "Place", "People", "Scope"], rows), sortable=True)]
    return _page("Events", body, **WIDE)


def agreements_index(site: Site) -> str:
    rows = []
    for aid in site.newest_first("agreement", site.agreements):
        a = site.agreements[aid]
        here = "agreements"
        rows.append([inline(a.date or ""), inline(a.kind), site.link("agreement", aid, here),
                     ", ".join(site.party(p, here) for p in a.parties),
                     ", ".join(site.link("person", p, here) for p in a.signatories),
                     ", ".join(site.link("event", e, here) for e in a.events),
                     _source_links(site, a.sources, here)])
    body = ["# Agreements", f"The register: {len(site.agreements)} agreements, memoranda and declarations, newest "
            "first. Click a column heading to sort.",
            _block(table(["Date", "Kind", "Title", "Parties", "Signatories", "Event", "Sources"], rows),
                   sortable=True)]
    return _page("Agreements", body, **WIDE)


def organisations_index(site: Site) -> str:
    rows = []
    for oid in sorted(site.organisations, key=lambda o: site.organisations[o].name.lower()):
        o = site.organisations[oid]
        rows.append([site.link("organisation", oid, "organisations"), inline(o.acronym or ""),
                     inline(o.country or ""), inline(o.kind), str(len(site.org_events[oid])),
                     str(len(site.org_agreements[oid]))])
    body = ["# Organisations", f"{len(site.organisations)} ministries, services, companies and industry bodies.",
            _block(table(["Name", "Acronym", "Country", "Kind", "Events", "Agreements"], rows), sortable=True)]
    return _page("Organisations", body, **WIDE)


def sources_index(site: Site) -> str:
    rows = []
    for sid in sorted(site.sources, key=lambda s: (sort_date(site.sources[s].published), s), reverse=True):
        s = site.sources[sid]
        rows.append([site.link("source", sid, "sources"), inline(s.file), inline(s.outlet or ""),
                     inline(s.published or ""), inline(s.published_basis)])
    body = ["# Sources", f"The {len(site.sources)} articles read, newest first. *Basis* says how the publication "
            "date was found.",
            _block(table(["Article", "File", "Outlet", "Published", "Basis"], rows), sortable=True)]
    return _page("Sources", body, **WIDE)


# ---------------------------------------------------------------- graph
def graph_page(site: Site) -> str:
    pairs = graph.edges(site)
    picture = graph.svg(site, pairs)
    people = {p for pair in pairs for p in pair}
    top = sorted(pairs.items(), key=lambda kv: (-kv[1], site.title("person", kv[0][0])))[:50]
    rows = [[site.link("person", a), site.link("person", b), str(n)] for (a, b), n in top]
    body = [
        "# Who met whom",
        f"{len(people)} people joined by the events they attended together; thicker lines mean more shared "
        "events. Click a name to open the person's page."
        + (f" Only the {graph.MAX_NODES} busiest people are drawn." if len(people) > graph.MAX_NODES else ""),
        f'<div class="kb-graph-wrap">{picture}</div>' if picture else "*No two people share an event yet.*",
        "## Pairs who met most\n\n" + (_block(table(["Person", "Person", "Shared events"], rows), sortable=True)
                                        if rows else "*None yet.*"),
    ]
    return _page("Who met whom", body, hide=["toc"])
