"""One article, parsed once: what every extractor reads.

Cleaning, dating, language, sentence splitting and date finding happen here
and nowhere else; the extractors of people, organisations, agreements and
events only read an `ArticleDoc`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from ..clean import clean
from ..dates import DateMention, find_dates, parse_iso
from ..ingest import RawArticle
from ..lexicon import boilerplate, countries, languages, sides
from ..model import Source
from ..pubdate import Dateline, parse_dateline, publication_date
from .text import Sentence, Token, split_sentences, tokenize


@dataclass
class ArticleDoc:
    source: Source  # id, file, title, outlet, publication date, language, cleaned text
    sentences: list[Sentence]
    anchor: dt.date | None = None  # the publication day that relative dates ("on Thursday") count from
    dateline: Dateline | None = None  # of the first paragraph: its place is where the story was filed
    home: str | None = None  # the side whose officials the article names without nationality
    _tokens: dict[int, list[Token]] = field(default_factory=dict, repr=False)
    _dates: dict[int, list[DateMention]] = field(default_factory=dict, repr=False)

    @property
    def text(self) -> str:
        return self.source.text

    @property
    def language(self) -> str | None:
        return self.source.language

    def tokens(self, index: int) -> list[Token]:
        """The tokens of sentence `index`, with offsets in the sentence."""
        if index not in self._tokens:
            self._tokens[index] = tokenize(self.sentences[index].text)
        return self._tokens[index]

    def dates(self, index: int) -> list[DateMention]:
        """The date phrases of sentence `index`, resolved against the publication day."""
        if index not in self._dates:
            self._dates[index] = find_dates(self.sentences[index].text, self.anchor)
        return self._dates[index]


def parse_article(raw: RawArticle, *, today: dt.date | None = None) -> ArticleDoc:
    """Clean, date and split one article. `today` bounds inferred years (no article is from the future)."""
    cleaned = clean(raw.body)
    pub = publication_date(raw.body, raw.meta, today=today)
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
    outlet_home = boilerplate()["outlets"].get(source.outlet or "")
    return ArticleDoc(source, split_sentences(cleaned.text), anchor=_anchor(pub.value), dateline=dateline,
                      home=outlet_home if outlet_home in sides() else _home_country(cleaned.text))


def doc_of_text(text: str, *, home: str | None = None, published: str | None = None) -> ArticleDoc:
    """An article of plain text, taken as cleaned: for extracting from a sentence or two."""
    source = Source(id="text", file="text", published=published, language="en", text=text)
    return ArticleDoc(source, split_sentences(text), anchor=_anchor(published), home=home)


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
    counts = {lang: sum(1 for w in words if w in fw) for lang, fw in _function_words().items()}
    if words and counts["en"] < 0.08 * len(words):
        best = max(counts, key=lambda lang: counts[lang])
        return best if best != "en" and counts[best] > counts["en"] else "unknown"
    return "en"


@cache
def _function_words() -> dict[str, frozenset[str]]:
    return {lang: frozenset(words) for lang, words in languages()["function_words"].items()}


# A nationality word directly before an office: "Italian Defence Minister", "his Italian counterpart".
_OFFICIAL = (r"(?:(?:Defence|Defense|Foreign|Prime|Deputy|Under|Vice|Navy|Army|Air|Naval)\s+){0,3}"
             r"(?:Minister|Secretary|Chief|Ambassador|counterpart|President|Director|Envoy|Consul|delegation)\b")


def _home_country(text: str) -> str | None:
    """The side whose officials go unqualified: the press names the other side's officials
    with their nationality ("Italian Defence Minister X"), and its own without."""
    qualifiers = re.findall(rf"\b([A-Z][a-z]+(?:['’]s)?)\s+{_OFFICIAL}", text)
    qualified = Counter(countries().country_of(m) for m in qualifiers)
    first, second = sides().pair
    n_first, n_second = qualified.pop(first, 0), qualified.pop(second, 0)
    others = sum(n for c, n in qualified.items() if c)
    if n_second + others > n_first:
        return first
    if n_first > n_second:
        return second
    return None
