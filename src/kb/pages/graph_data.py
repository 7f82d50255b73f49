"""Data for the interactive graphs: people, events and agreements as nodes, taking part and
signing as edges, embedded in the page as JSON for docs/assets/kb-graph.js to draw.

The JSON sits in the page itself (not a separate file) so the graphs work from a
folder on disk too, where a browser refuses to fetch files. The whole-site graph is
capped so that a large site's graph page stays light; a page's own graph shows its
neighbourhood only.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from ..lexicon import sides
from .markup import attr
from .site import FOLDERS, Site, on_timeline

MAX_EVENTS = 300  # whole-site graph: the newest events of the busiest people
MAX_PEOPLE = 150
LOCAL_EVENTS = 12  # a person's graph: their newest events and the people met there
LOCAL_OTHER_EVENTS = 3  # an event's graph: a few other events of each participant
PAGE_SUFFIX = ".html"  # the built pages' names (mkdocs.yml: use_directory_urls: false)
def node_id(kind: str, ident: str) -> str:
    return f"{kind}:{ident}"


def _group(country: str | None) -> str:
    """The colour group of a person: one side, the other, or anyone else."""
    pair = sides().pair
    return "side-a" if country == pair[0] else "side-b" if country == pair[1] else "other"


class Graph:
    """Nodes and edges collected without duplicates, as plain JSON-ready dicts."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.nodes: dict[str, dict[str, Any]] = {}
        self.edges: dict[tuple[str, str], dict[str, Any]] = {}

    def node(self, kind: str, ident: str, centre: bool = False) -> str:
        key = node_id(kind, ident)
        if key not in self.nodes:
            obj = self.site.get(kind, ident)
            data: dict[str, Any] = {"id": key, "kind": kind, "label": self.site.title(kind, ident),
                                    "href": f"{FOLDERS[kind]}/{ident}{PAGE_SUFFIX}"}
            if kind == "person":
                data["group"] = _group(obj.country)
                data["country"] = obj.country or ""
            else:
                data["date"] = obj.date or ""
                data["group"] = kind
            if kind == "event":
                data["timeline"] = on_timeline(self.site, obj)
            self.nodes[key] = data
        if centre:
            self.nodes[key]["centre"] = True
        return key

    def edge(self, a: str, b: str, kind: str) -> None:
        self.edges.setdefault((a, b), {"source": a, "target": b, "kind": kind})

    def event(self, eid: str) -> str:
        """An event with its participants and agreements."""
        key = self.node("event", eid)
        e = self.site.events[eid]
        for pid in e.participants:
            self.edge(self.node("person", pid), key, "took part")
        for aid in e.agreements:
            self.edge(key, self.node("agreement", aid), "concluded")
        return key

    def json(self) -> dict[str, Any]:
        return {"nodes": list(self.nodes.values()), "edges": list(self.edges.values())}


def whole_site(site: Site) -> dict[str, Any]:
    """The busiest people, their newest events, and the agreements concluded or signed there."""
    degree = Counter(p for e in site.events.values() for p in e.participants)
    people = {p for p, _ in sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_PEOPLE]}
    events = [e for e in site.newest_first("event", site.events) if set(site.events[e].participants) & people]
    g = Graph(site)
    for eid in events[:MAX_EVENTS]:
        key = g.node("event", eid)
        e = site.events[eid]
        for pid in e.participants:
            if pid in people:
                g.edge(g.node("person", pid), key, "took part")
        for aid in e.agreements:
            g.edge(key, g.node("agreement", aid), "concluded")
    for aid, a in site.agreements.items():
        for pid in a.signatories:
            if pid in people:
                g.edge(g.node("person", pid), g.node("agreement", aid), "signed")
    return g.json()


def around(site: Site, kind: str, ident: str) -> dict[str, Any]:
    """A person's or an event's neighbourhood."""
    g = Graph(site)
    if kind == "person":
        me = g.node("person", ident, centre=True)
        for eid in site.newest_first("event", site.people[ident].events)[:LOCAL_EVENTS]:
            g.event(eid)
        for aid in site.signed[ident]:
            g.edge(me, g.node("agreement", aid), "signed")
    else:
        g.node("event", ident, centre=True)
        g.event(ident)
        for pid in site.events[ident].participants:
            others = [e for e in site.newest_first("event", site.people[pid].events) if e != ident]
            for eid in others[:LOCAL_OTHER_EVENTS]:
                g.edge(g.node("person", pid), g.node("event", eid), "took part")
    return g.json()


def container(data: dict[str, Any], label: str, css: str = "kb-cy") -> str:
    """The element kb-graph.js draws into, the data it draws in an attribute (escaped like any
    attribute value, so no name in it can become markup)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f'<div class="{css}" data-kb-graph="{attr(text)}" role="img" aria-label="{label}"></div>'


def local(site: Site, kind: str, ident: str) -> str:
    """The graph section of a person's or event's page; empty when there is nothing to connect.

    Hidden until the script has drawn it (without a script the page's lists say the same), and out
    of the search index as a whole: a <section>, so the <div> inside does not end the exclusion."""
    data = around(site, kind, ident)
    if len(data["nodes"]) < 3:
        return ""
    # Its title is no <h2>: the search indexer splits pages into sections at each <h2>.
    return ('<section class="kb-local-graph" data-search-exclude hidden>\n'
            '<p class="kb-local-title" role="heading" aria-level="2">Connections</p>\n'
            + container(data, "Graph of the people, events and agreements around this page", "kb-cy kb-cy-local")
            + legend() + "\n</section>")


def legend() -> str:
    """What the colours and shapes mean; shown with the drawing."""
    a, b = sides().pair
    items = [("kb-key-side-a", f"person from {attr(a)}"), ("kb-key-side-b", f"person from {attr(b)}"),
             ("kb-key-other", "person from another or unknown country"), ("kb-key-event", "event"),
             ("kb-key-agreement", "agreement")]
    keys = "".join(f'<li><span class="kb-key {css}"></span>{text}</li>' for css, text in items)
    return f'<ul class="kb-legend">{keys}</ul>'
