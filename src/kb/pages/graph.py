"""Who met whom: people as nodes, shared events as edges, drawn as an SVG at build time.

A circular layout, people grouped by country round the circle: deterministic
(the page only changes when the data does) and cheap for a few hundred people.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from itertools import combinations

from .markup import attr
from .site import Site

# The SVG is raw HTML, so MkDocs does not rewrite its links: they must match the
# built file names. mkdocs.yml sets `use_directory_urls: false` (pages are
# `people/<id>.html`); tests/test_site.py checks these links in the built site.
PAGE_SUFFIX = ".html"
MAX_NODES = 120  # beyond this the circle is unreadable; the busiest people are kept
SIZE = 960
MAIN_COUNTRIES = ("India", "Italy")


def edges(site: Site) -> Counter[tuple[str, str]]:
    """(person, person) -> number of events both took part in; each pair once, ids sorted."""
    pairs: Counter[tuple[str, str]] = Counter()
    for e in site.events.values():
        for a, b in combinations(sorted(set(e.participants)), 2):
            pairs[a, b] += 1
    return pairs


def country_class(country: str | None) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", (country or "unknown").lower()).strip("-")
    return f"kb-country-{slug or 'unknown'}"


def svg(site: Site, pairs: Counter[tuple[str, str]]) -> str:
    degree: Counter[str] = Counter()
    for (a, b), n in pairs.items():
        degree[a] += n
        degree[b] += n
    keep = {pid for pid, _ in sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_NODES]}
    if not keep:
        return ""

    def group(pid: str) -> tuple[int, str, str]:
        country = site.people[pid].country or ""
        rank = MAIN_COUNTRIES.index(country) if country in MAIN_COUNTRIES else len(MAIN_COUNTRIES)
        return rank, country, site.people[pid].name.lower()

    nodes = sorted(keep, key=group)
    centre, radius = SIZE / 2, SIZE / 2 - 190
    pos = {}
    for i, pid in enumerate(nodes):
        angle = 2 * math.pi * i / len(nodes) - math.pi / 2
        pos[pid] = (angle, centre + radius * math.cos(angle), centre + radius * math.sin(angle))
    top = max(pairs.values())
    out = [f'<svg class="kb-graph" viewBox="0 0 {SIZE} {SIZE}" role="img" '
           f'aria-label="People linked by the events they attended together" xmlns="http://www.w3.org/2000/svg">']
    for (a, b), n in sorted(pairs.items()):
        if a in keep and b in keep:
            width = 1 + 3 * math.log1p(n) / math.log1p(top)
            out.append(f'<line class="kb-edge" x1="{pos[a][1]:.1f}" y1="{pos[a][2]:.1f}" x2="{pos[b][1]:.1f}" '
                       f'y2="{pos[b][2]:.1f}" stroke-width="{width:.1f}"><title>{attr(site.people[a].name)} – '
                       f'{attr(site.people[b].name)}: {n} event{"s" * (n != 1)}</title></line>')
    for pid in nodes:
        angle, x, y = pos[pid]
        person = site.people[pid]
        right = math.cos(angle) >= 0
        lx, ly = x + (10 if right else -10) * abs(math.cos(angle)) + (4 if right else -4), y + 4
        r = 4 + min(8, math.sqrt(degree[pid]))
        out.append(
            f'<a href="people/{attr(pid)}{PAGE_SUFFIX}" class="kb-node {country_class(person.country)}">'
            f'<title>{attr(person.name)} ({attr(person.country or "country unknown")})</title>'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"/>'
            f'<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="{"start" if right else "end"}">{attr(person.name)}</text>'
            "</a>")
    out.append("</svg>")
    return "".join(out)
