"""`kb check`: what needs a person's decision, found without writing anything.

Unreadable articles, articles with no publication date (or only one
corroborated by the events they report), people who may be one person under
two spellings, events with no date, events whose sources disagree on the
date or place, events that may be one happening, and mistakes in the
curation file. Each finding says how to settle it; a settled finding (a date
given, a pair merged or marked distinct) is not reported again.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from .cache import extract_articles
from .curation import Curation, CurationError, apply_curation, default_curation, distinct_people, load_curation
from .happenings import likely_duplicates
from .ingest import read_folder
from .model import KnowledgeBase, Person
from .names import given_key, name_key, surname_key
from .resolve import resolve

SIMILAR = 0.85  # difflib ratio above which two spellings look like one name


def check(seeds: Path, curation: Path | None = None) -> tuple[int, list[str]]:
    """(articles read, findings); no findings means nothing needs a decision."""
    findings: list[str] = []
    path = curation if curation is not None else default_curation(seeds)
    try:
        cur = load_curation(path)
    except CurationError as exc:
        findings.extend(exc.problems)
        cur = Curation()
    articles, problems = read_folder(seeds)
    findings.extend(f"{seeds / p.file}: unreadable: {p.reason}" for p in problems)
    extractions = []
    # No cache (not build.extract_all): checking must leave no trace, cache entries included.
    for art, ex in zip(articles, extract_articles(articles, None), strict=True):
        if isinstance(ex, str):
            findings.append(f"{seeds / art.file}: extraction failed: {ex}")
        else:
            extractions.append(ex)
    kb = resolve(extractions)
    try:
        apply_curation(kb, cur)
    except CurationError as exc:
        findings.extend(exc.problems)
    name = path.name if path else "curation.yml"
    for s in sorted(kb.sources.values(), key=lambda s: s.file):
        if not s.published:
            findings.append(f"{seeds / s.file}: no publication date; give it `published:` in its front matter "
                            f"or sources.{s.id}.published in {name}")
        elif s.published_basis == "corroborated":
            findings.append(f"{seeds / s.file}: no publication date of its own; {s.published} is the day of the "
                            f"events it reports; confirm it with `published:` in its front matter "
                            f"or sources.{s.id}.published in {name}")
    for a, b in similar_people(kb, distinct_people(cur)):
        findings.append(f"people {a.id} and {b.id} may be one person ({a.name} / {b.name}, {a.country or b.country}"
                        f"); list them under people.merge or people.distinct in {name}")
    findings += _event_findings(kb, cur, name)
    return len(extractions), findings


def _event_findings(kb: KnowledgeBase, cur: Curation, name: str) -> list[str]:
    """Events with no date, with sources that disagree, and pairs that may be one happening."""
    out = []
    for e in sorted(kb.events.values(), key=lambda e: e.id):
        if not e.date:
            out.append(f"event {e.id} ({e.title}) has no date; set events.{e.id}.date or drop it in {name}")
        for fact, versions in e.disagreements.items():
            said = " / ".join(f"{v.value} ({len(v.sources)}: {', '.join(v.sources)})" for v in versions)
            out.append(f"event {e.id} ({e.title}): sources disagree on the {fact}: {said}; "
                       f"set events.{e.id}.{fact} in {name}")
    for a, b, verdict in likely_duplicates(kb, distinct_people(cur, "events")):
        why = "; ".join(f"{text} ({weight:+g})" for text, weight in verdict.reasons)
        out.append(f"events {a} and {b} may be one happening ({why}); "
                   f"list them under events.merge or events.distinct in {name}")
    return out


def similar_people(kb: KnowledgeBase, distinct: set[frozenset[str]]) -> list[tuple[Person, Person]]:
    """Pairs of pages whose full names look like one name, in one country, not marked distinct.

    Only names that share the first letters of the given name or of the surname are compared:
    all pairs of thousands of people would take minutes, and a slip rarely hits both starts.
    """
    blocks: dict[str, list[Person]] = defaultdict(list)
    for p in sorted(kb.people.values(), key=lambda p: p.id):
        if len(name_key(p.name).split()) >= 2:
            blocks["g:" + given_key(p.name)[:2]].append(p)
            blocks["s:" + surname_key(p.name)[:2]].append(p)
    pairs: dict[frozenset[str], tuple[Person, Person]] = {}
    for block in blocks.values():
        for a, b in combinations(block, 2):
            key = frozenset((a.id, b.id))
            if key not in pairs and key not in distinct and (a.country == b.country or not a.country
                                                             or not b.country) and _similar(a.name, b.name):
                pairs[key] = (a, b)
    return sorted(pairs.values(), key=lambda ab: (ab[0].id, ab[1].id))


def _similar(a: str, b: str) -> bool:
    ka, kb = name_key(a), name_key(b)
    if len(ka.split()) < 2 or len(kb.split()) < 2:
        return False  # a bare surname is a short form, which resolve settles
    close = difflib.SequenceMatcher(None, ka, kb)
    if close.real_quick_ratio() >= SIMILAR and close.quick_ratio() >= SIMILAR and close.ratio() >= SIMILAR:
        return True  # (the quick upper bounds first: most pairs stop there)
    if surname_key(a) != surname_key(b):
        return False
    ga, gb = given_key(a), given_key(b)
    if difflib.SequenceMatcher(None, ga, gb).ratio() >= SIMILAR:
        return True
    # Initials for given names ("A K Mehra") agree with the given name's first letter.
    return any(len(g) <= 3 and not re.search("[aeiouy]", g) for g in (ga, gb)) and ga[:1] == gb[:1]
