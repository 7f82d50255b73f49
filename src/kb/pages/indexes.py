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
from . import cite, graph, graph_data, person_box
from .attention import needs_attention
from .frontmatter import GENERATOR, page
from .markup import MONTHS, attr, bullets, date_range, human_date, inline, month_of, sort_date, table, year_of
from .site import Site, announced, on_timeline

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
    opening = f'<div class="{cls}" data-search-exclude markdown>' if cls else "<div data-search-exclude markdown>"
    return f"{opening}\n\n{body}\n\n</div>"


def _event_summary(site: Site, eid: str, here: str = "") -> str:
    e = site.events[eid]
    place = f" · {inline(e.place)}" if e.place else ""
    return f"{date_range(e.date, e.end_date)} · {inline(e.kind)}{place} — {site.link('event', eid, here)}"


# ---------------------------------------------------------------- home
def home(site: Site, problems: list[Problem], extra: set[str]) -> str:
    bilateral = [i for i, e in site.events.items() if on_timeline(site, e)]
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
            "No agreements yet.") + "\n\nWhat the latest builds added, by article: [Recently added](recent.md), "
        "also as an [Atom feed](feed.xml) for a feed reader.",
        _attention(site, problems),
        "## How to add an article\n\n"
        "1. Save the article as a text file in `seeds/`: plain `.txt`, or `.md` whose front matter may give "
        "`title`, `url`, `outlet`, `published` and `language`.\n"
        "2. Run `kb build --seeds seeds --out docs`, or keep `mkdocs serve` running: it rebuilds these pages "
        "when `seeds/` changes.\n"
        "3. Check the article's page under [Sources](sources/index.md): what was drawn from it, and the "
        "sentences quoted as evidence, highlighted in its text.",
        "## Data\n\nEvery build also writes tables for analysis (CSV lists are joined with `; `): "
        + ", ".join(f"[{n}.csv](data/{n}.csv)" for n in EXPORTS) + "; and JSON: "
        + ", ".join(f"[{n}.json](data/{n}.json)" for n in EXPORTS if n not in ("roles", "evidence")) + ".",
    ]
    more = [f"[{label}]({path})" for path, label in (("about.md", "About this site"), ("tags.md", "Tags"))
            if path in extra]
    if more:
        body.append("See also: " + " · ".join(more) + ".")
    return _page("Home", body)


def _attention(site: Site, problems: list[Problem]) -> str:
    found = needs_attention(site, problems)
    if not found:
        return "## Articles to check\n\n*Every article was read in full and its publication date found.*"
    rows = [[f"[{inline(a.file)}](sources/{a.source}.md)" if a.source else inline(a.file), inline(a.reason)]
            for a in found]
    return (f"## Articles to check\n\n{len(found)} of {len(site.sources) + len(problems)} articles need a "
            "reader's attention: what the site drew from them may be dated wrongly or missing.\n\n"
            + _block(table(["Article", "Why"], rows)))


# ---------------------------------------------------------------- timeline
def timeline(site: Site) -> str:
    shown = [i for i, e in site.events.items() if on_timeline(site, e)]
    planned = site.newest_first("event", (i for i, e in site.events.items() if announced(site, e)))
    aside = site.newest_first("event", (i for i, e in site.events.items()
                                        if not on_timeline(site, e) and not announced(site, e)))
    by_year: dict[str, dict[int | None, list[str]]] = defaultdict(lambda: defaultdict(list))
    undated = []
    for eid in site.newest_first("event", shown):
        year = year_of(site.events[eid].date)
        if year is None:
            undated.append(eid)
        else:
            by_year[year][month_of(site.events[eid].date)].append(eid)

    parts = []
    if planned:
        items = "\n\n".join(_timeline_item(site, e) for e in planned)
        parts.append(f'<div class="kb-year kb-announced" markdown>\n\n## Announced\n\n'
                     "Planned, proposed or postponed: announced, not (yet) held.\n\n"
                     f"{items}\n\n</div>")
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
        f"{len(shown)} events in {sides().label} defence relations, newest first, wherever they were held"
        + (f", after {len(planned)} announced but not (yet) held" if planned else "")
        + f". Background mentions, cancelled plans and happenings between {' or '.join(sides().pair)} and "
        "other countries are listed apart, at the end.",
        _filter(site, shown + planned),
        '<div class="kb-timeline" markdown>\n\n' + ("\n\n".join(parts) or "*No events yet.*") + "\n\n</div>",
    ]
    if aside:
        items = "\n".join(f"- {_event_summary(site, e)}{_aside_reason(site.events[e])}" for e in aside)
        body.append(f"## Background and other countries\n\n<details class=\"kb-aside\" markdown>\n"
                    f"<summary>{len(aside)} events kept off the timeline</summary>\n\n{items}\n\n</details>")
    # Out of the search index as a whole: every event has its own page, and Material's
    # parser ends a data-search-exclude <div> at the first nested </div>.
    return _page("Timeline", body, search={"exclude": True})


def _aside_reason(e: Event) -> str:
    if e.background:
        return " *(background)*"
    if e.status != "happened":
        return f" *({inline(e.status)})*"
    return ""


def _timeline_item(site: Site, eid: str) -> str:
    e = site.events[eid]
    countries = site.countries_of_event(e)
    data = (f'data-kind="{attr(e.kind)}" data-year="{attr(year_of(e.date) or "")}" '
            f'data-countries="|{attr("|".join(countries))}|"')
    lines = [_event_summary(site, eid) + (f" · **{inline(e.status)}**" if e.status != "happened" else "")]
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
        rows.append([inline(s.published or ""), inline(cite.outlet(s)),
                     f"[{inline(cite.headline(s))}]({sid}.md)", _contributed(site, sid), inline(s.published_basis)])
    body = ["# Sources", f"The {len(site.sources)} articles read, newest first. *Contributed* is what the site "
            "drew from each; *basis* says how its publication date was found. Click a column heading to sort.",
            _block(table(["Published", "Outlet", "Headline", "Contributed", "Basis"], rows), sortable=True)]
    return _page("Sources", body, **WIDE)


def _contributed(site: Site, sid: str) -> str:
    drawn = site.drawn_from.get(sid, {})
    parts = []
    for kind, one, many in (("event", "event", "events"), ("agreement", "agreement", "agreements"),
                            ("person", "person", "people"), ("organisation", "organisation", "organisations")):
        n = len(drawn.get(kind, []))
        if n:
            parts.append(f"{n} {one if n == 1 else many}")
    return ", ".join(parts) or "nothing"


# ---------------------------------------------------------------- graph
def graph_page(site: Site) -> str:
    pairs = graph.edges(site)
    picture = graph.svg(site, pairs)
    people = {p for pair in pairs for p in pair}
    top = sorted(pairs.items(), key=lambda kv: (-kv[1], site.title("person", kv[0][0])))[:50]
    rows = [[site.link("person", a), site.link("person", b),
             f"{n}: " + person_box.event_links(site, person_box.shared_events(site, a, b), "")] for (a, b), n in top]
    body = [
        "# Who met whom",
        "People, the events they took part in and the agreements concluded there. Drag to move, scroll or "
        "pinch to zoom, hover for a title, click to open the page. Events are labelled by date.",
        _interactive_graph(site),
        '<div class="kb-graph-fallback" markdown>\n\n'
        f"{len(people)} people joined by the events they attended together; thicker lines mean more shared "
        "events. Click a name to open the person's page."
        + (f" Only the {graph.MAX_NODES} busiest people are drawn." if len(people) > graph.MAX_NODES else "")
        + "\n\n"
        + (f'<div class="kb-graph-wrap">{picture}</div>' if picture else "*No two people share an event yet.*")
        + "\n\n</div>",
        "## Pairs who met most\n\n" + (_block(table(["Person", "Person", "Shared events"], rows), sortable=True)
                                        if rows else "*None yet.*"),
    ]
    return _page("Who met whom", body, hide=["toc"])


def _interactive_graph(site: Site) -> str:
    """The explorable graph with its filters and legend, shown once the script has drawn it."""
    data = graph_data.whole_site(site)
    if not data["nodes"]:
        return ""
    years = sorted({n["date"][:4] for n in data["nodes"] if n.get("date")}, reverse=True)
    kinds = "".join(f'<label><input type="checkbox" name="kind" value="{k}" checked> {label}</label>'
                    for k, label in (("person", "people"), ("event", "events"), ("agreement", "agreements")))
    options = "".join(f'<option value="{y}">{y}</option>' for y in years)
    form = (f'<form class="kb-graph-filter">{kinds}'
            f'<label>Year <select name="year"><option value="">all</option>{options}</select></label>'
            f'<label><input type="checkbox" name="timeline"> {sides().label} events only</label>'
            '<output class="kb-graph-count"></output></form>')
    return ('<section class="kb-site-graph" data-search-exclude hidden>\n' + form
            + graph_data.container(data, "Graph of people, events and agreements", "kb-cy kb-cy-site")
            + '<p class="kb-graph-info" aria-live="polite"></p>' + graph_data.legend() + "\n</section>")
