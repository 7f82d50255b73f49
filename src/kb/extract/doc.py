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

from ..clean import Cleaned, clean, quote_box
from ..dates import DateMention, day_first, find_dates, parse_iso
from ..header import first_sentence, headline_above, outlet_in, release_sender
from ..ingest import RawArticle
from ..lexicon import countries, languages, outlets, sides
from ..model import Source
from ..pubdate import Dateline, PubDate, publication_date, story_start
from .text import Sentence, Token, split_sentences, tokenize


@dataclass
class ArticleDoc:
    source: Source  # id, file, title, outlet, publication date, language, cleaned text
    sentences: list[Sentence]
    anchor: dt.date | None = None  # the publication day that relative dates ("on Thursday") count from
    dateline: Dateline | None = None  # of the first paragraph: its place is where the story was filed
    home: str | None = None  # the side whose officials the article names without nationality
    dateline_end: int = 0  # offset in the text where the dateline ends (0: none): what comes before is no story
    day_first: bool | None = None  # the outlet's order of day and month in numeric dates ("7/10"), if known
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
            self._dates[index] = find_dates(self.sentences[index].text, self.anchor, self.day_first)
        return self._dates[index]


def parse_article(raw: RawArticle, *, today: dt.date | None = None) -> ArticleDoc:
    """Clean, date and split one article. `today` only bounds dates from above (no article is from the future)."""
    cleaned = clean(raw.body)
    pub = publication_date(raw.body, raw.meta, today=today, paragraphs=cleaned.paragraphs)
    lines = [ln.strip() for ln in raw.body.split("\n") if ln.strip()]
    start = story_start(lines, pub)
    dateline_end = _dateline_end(cleaned.text, pub)
    sentences = split_sentences(cleaned.text)
    source = Source(
        id=raw.source_id,
        file=raw.file,
        title=raw.meta.get("title") or headline_above(lines, start, quote_box(lines))
        or _lead_sentence(sentences, cleaned, lines[start] if start < len(lines) else "", dateline_end),
        outlet=raw.meta.get("outlet") or (pub.dateline.outlet if pub.dateline else None) or outlet_in(lines, start)
        or release_sender(lines, start),
        published=pub.value,
        published_basis=pub.basis,
        url=raw.meta.get("url"),
        language=raw.meta.get("language") or _language(cleaned.text),
        text=cleaned.text,
        warnings=[*raw.warnings, *pub.warnings],
        valid_until=pub.valid_until,
    )
    outlet_home = outlets().home.get(source.outlet or "")
    return ArticleDoc(source, sentences, anchor=_anchor(pub.value), dateline=pub.dateline, dateline_end=dateline_end,
                      home=outlet_home if outlet_home in sides() else _home_country(cleaned.text),
                      day_first=day_first(outlet_home))


def _dateline_end(text: str, pub: PubDate) -> int:
    """Where the dateline ends in the cleaned text (0 when there is none): its words are found in the text's
    first paragraphs, since cleaning may have dropped what stood before them on the line."""
    dl = pub.dateline
    if dl is None or dl.end <= dl.start:
        return 0
    words = pub.paragraph[dl.start:dl.end].rstrip()
    at = text.find(words, 0, len(text) if len(text) < 4000 else 4000)
    return at + len(words) if at >= 0 else 0


def _lead_sentence(sentences: list[Sentence], cleaned: Cleaned, story_line: str, dateline_end: int) -> str | None:
    """The story's first sentence, after the dateline, as a title."""
    at = dateline_end or max(0, cleaned.text.find(story_line[:80]))
    for sent in sentences:
        if sent.start + len(sent.text) <= at:
            continue
        text = sent.text[max(0, at - sent.start):]
        if text[:1].islower():
            continue  # the end of a sentence cut off above: a page copied from the middle
        if title := first_sentence(text):
            return title
    return None


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


def _language(text: str) -> str:
    """The language whose commonest words the text uses most; a script other than Latin is told by its letters.

    English when the text is too short to tell; "unknown" when no language's words stand out.
    """
    letters = [c for c in text[:20000] if c.isalpha()]
    if not letters:
        return "unknown"
    latin = sum(1 for c in letters if c.isascii() or "\u00c0" <= c <= "\u024f")
    if latin / len(letters) < 0.6:
        if any("\u0900" <= c <= "\u097f" for c in letters):
            return "hi"
        return "non-latin"
    words = re.findall(r"[^\W\d_]+", text[:20000].lower())
    counts = sorted(((sum(1 for w in words if w in fw), lang) for lang, fw in _function_words().items()),
                    reverse=True)
    (best, lang), (second, _) = counts[0], counts[1]
    if best < 3:
        return "en"  # too few words to judge by function words; the script was Latin
    if best >= 1.3 * second and best >= 0.08 * len(words):
        return lang
    return "unknown"


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
