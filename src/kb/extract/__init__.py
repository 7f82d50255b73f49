"""Step 4: everything one article says, as a pure function of that article.

clean -> date -> sentences -> organisations -> people -> agreements -> events.
Ids here are local to the article; `resolve` gives the site-wide ones.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from ..clean import clean
from ..dates import parse_iso
from ..ids import slug, unique
from ..ingest import RawArticle
from ..lexicon import boilerplate, countries
from ..model import Extraction, Source
from ..pubdate import parse_dateline, publication_date
from .agreements import find_agreements
from .events import find_events
from .organisations import find_organisations
from .people import find_people
from .text import split_sentences

# Bump when extraction changes, so cached results of older code are not reused.
EXTRACTOR_VERSION = "1"

# The country whose officials an outlet names without nationality.
_OUTLET_COUNTRY = {
    **{o: "India" for o in ("ANI", "IANS", "PTI", "UNI", "PIB", "DD News", "The Hindu", "Hindustan Times",
                            "The Times of India", "The Indian Express", "NDTV", "WION", "Firstpost", "The Print",
                            "ThePrint", "Economic Times", "Business Standard", "Mint", "Deccan Herald",
                            "The Tribune", "LatestLY")},
    **{o: "Italy" for o in ("ANSA", "Agenzia Nova", "Decode39", "Formiche")},
}


def extract_article(raw: RawArticle) -> Extraction:
    cleaned = clean(raw.body)
    pub = publication_date(raw.body, raw.meta)
    dateline = pub.dateline
    source = Source(
        id=raw.source_id,
        file=raw.file,
        title=raw.meta.get("title") or cleaned.headline or _first_words(_after_dateline(cleaned.text)),
        outlet=raw.meta.get("outlet") or (dateline.outlet if dateline else None) or _outlet_in(raw.body),
        published=pub.value,
        published_basis=pub.basis,
        url=raw.meta.get("url"),
        language=raw.meta.get("language") or _language(cleaned.text),
        text=cleaned.text,
        warnings=[*raw.warnings, *pub.warnings],
    )
    if not cleaned.text.strip():
        source.warnings.append("nothing left after removing boilerplate")
        return Extraction(source=source)
    if source.language != "en":
        source.warnings.append(f"language {source.language!r} is not English; nothing was extracted")
        return Extraction(source=source)

    sentences = split_sentences(cleaned.text)
    home = _OUTLET_COUNTRY.get(source.outlet or "") or _home_country(cleaned.text)
    orgs = find_organisations(sentences, home)
    taken: set[str] = set()
    for o in orgs.organisations:
        o.id = unique(slug(o.acronym or o.name), taken)
        o.sources = [source.id]
    org_names = [o.name for o in orgs.organisations] + [o.acronym for o in orgs.organisations if o.acronym]
    people = find_people(sentences, home, orgs.country_of, orgs.full_name, org_names)
    agreements = find_agreements(sentences, people, orgs, source.id)
    anchor = _anchor(pub.value)
    events = find_events(sentences, people, orgs, agreements, anchor,
                         dateline.place if dateline else None, source.id)

    for p in people.people:
        p.sources = [source.id]
        p.events = [e.id for e in events if p.id in e.participants]
        for r in p.roles:
            r.date, r.source = pub.value, source.id
    for a in agreements.agreements:
        a.sources = [source.id]
    return Extraction(source, people.people, orgs.organisations, agreements.agreements, events)


def _anchor(value: str | None) -> dt.date | None:
    """Relative dates ("on Thursday") resolve only against a publication day."""
    if not value or len(value) != 10:
        return None
    span = parse_iso(value)
    return span[0] if span else None


def _after_dateline(text: str) -> str:
    """The lead without "Rome [Italy], October 10 (ANI):", which says nothing of the story."""
    dl = parse_dateline(text)
    return text[dl.end:].lstrip(" :-–—") if dl else text


def _first_words(text: str, n: int = 12) -> str | None:
    words = text.split()
    if not words:
        return None
    return " ".join(words[:n]) + ("…" if len(words) > n else "")


def _outlet_in(body: str) -> str | None:
    """An agency named in a sign-off ("(ANI)", "--IANS") when no dateline named it."""
    for name in boilerplate()["outlets"]:
        if re.search(rf"(?:\(|--\s*){re.escape(name)}\)?\s*$|\bby {re.escape(name)}\b", body, re.MULTILINE):
            return name
    return None


def _language(text: str) -> str:
    """English, or the script/language it plainly is not: enough to refuse what rules cannot read."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return "unknown"
    latin = sum(1 for c in letters if c.isascii() or "\u00c0" <= c <= "\u024f")
    if latin / len(letters) < 0.6:
        if any("\u0900" <= c <= "\u097f" for c in letters):
            return "hi"
        return "non-latin"
    words = re.findall(r"[a-z]+", text.lower())
    if len(words) < 40:
        return "en"  # too short to judge by function words; the script was Latin
    english = sum(1 for w in words if w in _ENGLISH)
    italian = sum(1 for w in words if w in _ITALIAN)
    if words and english < 0.08 * len(words):
        return "it" if italian > english else "unknown"
    return "en"


_ENGLISH = {"the", "and", "of", "to", "in", "a", "is", "was", "with", "for", "on", "by", "that", "as", "at", "his",
            "her", "their", "has", "have", "said", "from", "an", "were", "be", "will"}
_ITALIAN = {"il", "la", "di", "che", "e", "del", "della", "per", "con", "una", "un", "sono", "nel", "alla", "ha"}


# A nationality word directly before an office: "Italian Defence Minister", "his Italian counterpart".
_OFFICIAL = (r"(?:(?:Defence|Defense|Foreign|Prime|Deputy|Under|Vice|Navy|Army|Air|Naval)\s+){0,3}"
             r"(?:Minister|Secretary|Chief|Ambassador|counterpart|President|Director|Envoy|Consul|delegation)\b")


def _home_country(text: str) -> str | None:
    """The side whose officials go unqualified: the press names the other side's as "Italian X" / "Italy's X"."""
    qualifiers = re.findall(rf"\b([A-Z][a-z]+(?:['’]s)?)\s+{_OFFICIAL}", text)
    qualified = Counter(countries().country_of(m) for m in qualifiers)
    indian, italian = qualified.pop("India", 0), qualified.pop("Italy", 0)
    others = sum(n for c, n in qualified.items() if c)
    if italian + others > indian:
        return "India"
    if indian > italian:
        return "Italy"
    return None
