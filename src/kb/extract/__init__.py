"""Step 4: everything one article says, as a pure function of that article.

parse (clean, date, split) -> organisations -> people -> agreements -> events.
Ids here are local to the article; `resolve` gives the site-wide ones.
"""

from __future__ import annotations

from ..ids import slug, unique
from ..ingest import RawArticle
from ..lexicon import languages
from ..model import Extraction
from .agreements import find_agreements
from .doc import ArticleDoc, parse_article
from .events import find_events
from .organisations import find_organisations
from .people import find_people

# Bump when extraction changes, so cached results of older code are not reused.
EXTRACTOR_VERSION = "1"

__all__ = ["EXTRACTOR_VERSION", "extract_article", "extract_doc", "parse_article"]


def extract_article(raw: RawArticle) -> Extraction:
    return extract_doc(parse_article(raw))


def extract_doc(doc: ArticleDoc) -> Extraction:
    source = doc.source
    if not source.text.strip():
        source.warnings.append("nothing left after removing boilerplate")
        return Extraction(source=source)
    if source.language not in languages()["extracted"]:
        source.warnings.append(f"language {source.language!r} is not one the lexicons cover; nothing was extracted")
        return Extraction(source=source)

    orgs = find_organisations(doc)
    taken: set[str] = set()
    for o in orgs.organisations:
        o.id = unique(slug(o.acronym or o.name), taken)
        o.sources = [source.id]
    people = find_people(doc, orgs)
    agreements = find_agreements(doc, people, orgs)
    events = find_events(doc, people, orgs, agreements)

    for p in people.people:
        p.sources = [source.id]
        p.events = [e.id for e in events if p.id in e.participants]
        for r in p.roles:
            r.date, r.source = source.published, source.id
    for a in agreements.agreements:
        a.sources = [source.id]
    return Extraction(source, people.people, orgs.organisations, agreements.agreements, events)
