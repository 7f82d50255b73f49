"""Who met whom: people as nodes, shared events as edges, drawn as an SVG at build time.

A circular layout, people grouped by country round the circle, names running
outwards along the radii; the viewBox is cropped to what is drawn.
Deterministic (the page only changes when the data does) and cheap.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from itertools import combinations

from ..lexicon import sides
from .markup import attr
from .site import Site

# The SVG is raw HTML, so MkDocs does not rewrite its links: they must match the
# built file names. mkdocs.yml sets `use_directory_urls: false` (pages are
# `people/<id>.html`); tests/test_site.py checks these links in the built site.
PAGE_SUFFIX = ".html"
MAX_NODES = 120  # beyond this the circle is unreadable; the busiest people are kept
MIN_RADIUS = 160
LINE_HEIGHT = 15  # px between neighbouring nodes round the circle (labels are 11 px, see kb.css)
LABEL_GAP = 14  # px from a node's centre to its label
CHAR_WIDTH = 6.5  # px: a generous average for 11 px sans-serif, to size the drawing
MARGIN = 8


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

    def group(pid: str) -> tuple[int, str, str, str]:
        country = site.people[pid].country or ""
        pair = sides().pair
        rank = pair.index(country) if country in pair else len(pair)
        return rank, country, site.people[pid].name.lower(), pid  # the id orders two people of one name

    nodes = sorted(keep, key=group)
    # Labels run outwards along their node's radius, so neighbours never print over
    # each other as long as nodes are a line height apart round the circle.
    radius = max(MIN_RADIUS, len(nodes) * LINE_HEIGHT / (2 * math.pi))
    angle = {pid: 2 * math.pi * i / len(nodes) - math.pi / 2 for i, pid in enumerate(nodes)}
    pos = {pid: (radius * math.cos(a), radius * math.sin(a)) for pid, a in angle.items()}
    # The drawing's extent: circle plus the labels that stick out furthest in each direction.
    xs = [x + math.cos(angle[p]) * (LABEL_GAP + len(site.people[p].name) * CHAR_WIDTH) for p, (x, _) in pos.items()]
    ys = [y + math.sin(angle[p]) * (LABEL_GAP + len(site.people[p].name) * CHAR_WIDTH) for p, (_, y) in pos.items()]
    left, right = min(min(xs), -radius) - MARGIN, max(max(xs), radius) + MARGIN
    top, bottom = min(min(ys), -radius) - MARGIN, max(max(ys), radius) + MARGIN
    top_n = max(pairs.values())
    out = [f'<svg class="kb-graph" viewBox="{left:.0f} {top:.0f} {right - left:.0f} {bottom - top:.0f}" role="img" '
           f'aria-label="People linked by the events they attended together" xmlns="http://www.w3.org/2000/svg">']
    for (a, b), n in sorted(pairs.items()):
        if a in keep and b in keep:
            width = 1 + 3 * math.log1p(n) / math.log1p(top_n)
            out.append(f'<line class="kb-edge" x1="{pos[a][0]:.1f}" y1="{pos[a][1]:.1f}" x2="{pos[b][0]:.1f}" '
                       f'y2="{pos[b][1]:.1f}" stroke-width="{width:.1f}"><title>{attr(site.people[a].name)} – '
                       f'{attr(site.people[b].name)}: {n} event{"s" * (n != 1)}</title></line>')
    for pid in nodes:
        person = site.people[pid]
        x, y = pos[pid]
        a = angle[pid]
        lx, ly = x + LABEL_GAP * math.cos(a), y + LABEL_GAP * math.sin(a)
        right_half = math.cos(a) >= -1e-9
        # Text on the left half is turned over so that it never reads upside down.
        rotation = math.degrees(a) if right_half else math.degrees(a) + 180
        r = 4 + min(8, math.sqrt(degree[pid]))
        out.append(
            f'<a href="people/{attr(pid)}{PAGE_SUFFIX}" class="kb-node {country_class(person.country)}">'
            f'<title>{attr(person.name)} ({attr(person.country or "country unknown")})</title>'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"/>'
            f'<text x="{lx:.1f}" y="{ly:.1f}" dy="0.35em" text-anchor="{"start" if right_half else "end"}" '
            f'transform="rotate({rotation:.1f} {lx:.1f} {ly:.1f})">{attr(person.name)}</text>'
            "</a>")
    out.append("</svg>")
    return "".join(out)
