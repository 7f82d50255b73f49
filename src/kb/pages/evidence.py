"""An event's or agreement's evidence, grouped by the article it comes from.

Wire copy is republished by many outlets with small edits, so one event can
carry the same sentence twenty times. Each sentence is shown once, under the
first article that has it (earliest published first); its near-duplicates in
other articles are folded under it as "also in". An article whose every
sentence was shown already gets no group of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Evidence
from .blocks import folded
from .markup import inline, lang, sort_date
from .site import Site

# Two sentences sharing this share of their words (of the shorter one's) say the same thing.
NEAR_DUPLICATE = 0.8
# Past this many sentences, the rest of the evidence is folded (the facts box comes first anyway).
SHOWN_QUOTES = 8
_WORD = re.compile(r"\w+")


def words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def near_duplicate(a: set[str], b: set[str]) -> bool:
    """True when most words of the shorter sentence are in the other (edits, cuts, a changed verb)."""
    if not a or not b:
        return a == b
    return len(a & b) / min(len(a), len(b)) >= NEAR_DUPLICATE


@dataclass
class Quote:
    evidence: Evidence
    also: list[Evidence] = field(default_factory=list)  # near-duplicates in other articles


@dataclass
class Group:
    source: str
    quotes: list[Quote] = field(default_factory=list)


def group(site: Site, evidence: list[Evidence]) -> list[Group]:
    """Groups by article, earliest published first (undated last), each sentence shown once."""
    order = sorted({e.source for e in evidence},
                   key=lambda s: (sort_date(site.sources[s].published) or "9999", s))
    shown: list[tuple[set[str], Quote]] = []
    groups = []
    for sid in order:
        g = Group(sid)
        for ev in evidence:
            if ev.source != sid:
                continue
            w = words(ev.quote)
            twin = next((q for seen, q in shown if near_duplicate(w, seen)), None)
            if twin is None:
                quote = Quote(ev)
                shown.append((w, quote))
                g.quotes.append(quote)
            elif twin.evidence.source != sid and all(e.source != sid for e in twin.also):
                twin.also.append(ev)
        if g.quotes:
            groups.append(g)
    return groups


def _quote(site: Site, q: Quote, here: str, searchable: bool) -> str:
    # A quote stays in the article's words: marked with its language, it is read (aloud, hyphenated,
    # spell-checked) as such.
    attrs = [f'lang="{code}"'] if (code := lang(site.sources[q.evidence.source].language)) else []
    if not searchable:
        attrs.append("data-search-exclude")
    text = f"> {inline(q.evidence.quote)}" + (f"\n> {{ {' '.join(attrs)} }}" if attrs else "")
    if q.also:
        cites = "\n".join(f"- {site.link('source', e.source, here)}" for e in q.also)
        n = len(q.also)
        text += "\n\n" + folded(cites, f"Also in {n} other article{'s' * (n != 1)}", "kb-also")
    return text


def evidence_markdown(site: Site, evidence: list[Evidence], here: str, owner: tuple[str, str]) -> str:
    """The grouped quotes; a quote goes into the search index only on the page that `owns` it."""
    if not evidence:
        return "*No quoted evidence.*"
    blocks = []
    for g in group(site, evidence):
        parts = [f'<p class="kb-cite" data-search-exclude markdown="span">{site.link("source", g.source, here)}</p>']
        for q in g.quotes:
            ev = q.evidence
            parts.append(_quote(site, q, here, site.quote_indexed_on.get((ev.source, ev.quote)) == owner))
        blocks.append((len(g.quotes), "\n\n".join(parts)))
    shown, count = 0, 0
    while shown < len(blocks) and count < SHOWN_QUOTES:
        count += blocks[shown][0]
        shown += 1
    text = "\n\n".join(b for _, b in blocks[:shown])
    rest = blocks[shown:]
    if rest:
        more = sum(n for n, _ in rest)
        label = f"{more} more sentence{'s' * (more != 1)} from {len(rest)} more article{'s' * (len(rest) != 1)}"
        text += "\n\n" + folded("\n\n".join(b for _, b in rest), label, "kb-more")
    return text
