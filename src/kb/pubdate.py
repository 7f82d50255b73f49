"""Step 3: the article's publication date, and what it rests on.

In order of trust: the front matter's `published`; a date header near the
top ("Posted On: 14 JAN 2025 6:12PM", "February 27, 2026 7:29 PM", a byline
"Express News Service | New Delhi | March 20, 2025 11:05 IST"); the dateline
of the first paragraph ("Rome [Italy], October 10 (ANI):", "Rome, 10 Apr
2025 11:20 - (Nova) -", or "PARIS, September 24, 2025" on a line of its
own); a "Published on" line or a press release's sign-off ("Rome, 5 March
2026", "(Issued on 5 March 2026)") at the end; a date in the URL. Agency
datelines usually leave out the year; it is then inferred from what the
article itself shows (a linked X post, dated events it reports, the weekday
of its lead) and a warning says so. Dates of events inside the text are
never taken as the publication date itself.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import cache

from . import dates
from .clean import clean, is_furniture, quote_box, signoff_patterns
from .dates import DateMention
from .lexicon import boilerplate, date_words, outlets

BASES = ("front-matter", "header", "dateline", "text", "post-id", "unknown")


@dataclass
class Dateline:
    place: str | None  # "Rome", "New Delhi", "Naples", "KOCHI" -> "Kochi"
    outlet: str | None  # "ANI", "IANS", "PTI", "Reuters" ... from "(ANI)" etc.
    month: int | None
    day: int | None
    year: int | None
    start: int  # offsets of the dateline inside the paragraph given
    end: int  # (so callers can skip it)


@dataclass
class PubDate:
    value: str | None  # ISO day (or month/year when that is all that is known)
    basis: str  # front-matter | header | dateline | text | post-id | unknown
    warnings: list[str] = field(default_factory=list)
    dateline: Dateline | None = None
    paragraph: str = ""  # the line the dateline opens (offsets of `dateline` are in it)
    valid_until: str | None = None  # the last build day this result holds for (None: any day); see _Bound


class _Bound:
    """The day of the build, which only bounds publication dates from above.

    Every date refused for lying after it is remembered: on the day the first of them is no longer in the
    future a build could decide otherwise, so a result is valid until the day before (`valid_until`).
    """

    def __init__(self, day: dt.date) -> None:
        self.day = day
        self.refused: dt.date | None = None

    def allows(self, d: dt.date) -> bool:
        if d <= self.day:
            return True
        if self.refused is None or d < self.refused:
            self.refused = d
        return False

    def valid_until(self) -> str | None:
        return (self.refused - dt.timedelta(days=1)).isoformat() if self.refused else None


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# ---------------------------------------------------------------- dateline
_PLACE_WORD = r"[A-Z][A-Za-zÀ-ÖØ-öø-ÿ.'’-]*"
_DATELINE_PLACE = (rf"(?P<place>{_PLACE_WORD}(?:[ \t]+(?:{_PLACE_WORD}|de|di|del|da|on|upon|am|sur)){{0,3}})?"
                   r"(?:\s*[\[(](?P<country>[^\])\n]{1,40})[\])])?")
_DATELINE_REST = (
    r"(?:\s*[,/]?\s*(?:(?P<wd>[A-Z][a-z]+day),?\s+)?"
    r"(?:(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    r"|(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mon2>[A-Za-z]{3,9})\.?)"
    r"(?:,?\s+(?P<year>(?:19|20)\d\d)(?!\d))?"
    # a filing time: "10 Apr 2025 11:20", "March 8, 10.30 am IST"
    r"(?:,?\s+(?:at\s+)?(?:[01]?\d|2[0-3])[:.][0-5]\d(?!\d)(?:\s*(?i:[ap]\.?m\.?|IST|CES?T|GMT|UTC))?)?)?"
    # the agency, after a dash in Italian wires: "11:20 - (Nova) - "
    r"(?:(?:\s*(?:--?|–|—))?\s*\((?P<outlet>[^()\n]{2,30})\)|\s*/(?P<wire>[A-Z][A-Za-z ]{2,20})/)?"
    # "Rome. 10 October 2023. The ...": a period closes a dated dateline too
    r"(?P<sep>\s*(?::|--?|–|—|\||(?<=\d)\.)(?=\s|$))?\s*"
)
# A credit before the dateline: "(ANSA) - ROMA, 10 OTT -", "(Bloomberg) -- Italy and ...", and a syndicator's
# "MENAFN - IANS) Rome, Feb 27 (IANS)".
_CREDIT_PREFIX = re.compile(
    r"^\s*\(?(?:(?P<syndicator>[A-Z][A-Za-z.&]*)\s*(?:--?|–|—)\s*)?(?P<agency>[A-Z][A-Za-z.&' ]{1,28}?)\)"
    r"\s*(?:(?:--?|–|—)\s*)?")
_DATELINE = re.compile(rf"^(?P<lead>\s*){_DATELINE_PLACE}{_DATELINE_REST}")
# "October 10 (ANI):" with no place: the month must not be taken for one.
_DATELINE_NO_PLACE = re.compile(rf"^(?P<lead>\s*)(?P<place>)(?P<country>){_DATELINE_REST}")


# Words that open sentences, never a dateline's place.
_NOT_PLACES = {
    "on", "in", "at", "by", "from", "since", "until", "during", "the", "a", "an", "this", "that", "last", "next",
    "earlier", "later", "before", "after", "between", "and", "but", "as", "for", "with", "to", "of", "it", "he",
    "she", "they", "we", "i", "read", "also", "posted", "published", "date", "dated",
}


@cache
def _byline_credit() -> re.Pattern[str]:
    """An agency's byline before the dateline on one line: "By Press Trust of India: NEW DELHI, Oct 10"."""
    return re.compile(rf"^\s*(?i:by)\s+(?P<syndicator>)?(?P<agency>(?i:{outlets().pattern}))\s*[:|–—-]\s+")


@cache
def _kicker() -> re.Pattern[str]:
    """A label over a story ("EXCLUSIVE:", "IL FATTO -"): it looks like a dateline's place."""
    words = "|".join(re.escape(k).replace("\\ ", r"\s+") for k in boilerplate()["kickers"])
    return re.compile(rf"(?:{words})\b", re.IGNORECASE)


def _outlet_name(raw: str | None) -> str | None:
    if not raw:
        return None
    name = raw.strip()
    known = outlets().name_of(name)
    if known:
        return known
    # An unknown agency is an acronym: "(NNN)", "(IBNS)"; "(Italy)" is not one.
    return name if re.fullmatch(r"[A-Z][A-Z&-]{1,6}", name) else None


def _place_name(raw: str | None) -> str | None:
    if not raw:
        return None
    place = raw.strip(" ,.-")
    if place.isupper():
        place = " ".join(w.capitalize() if len(w) > 2 or i == 0 else w.lower()
                         for i, w in enumerate(place.split()))
    return place or None


def parse_dateline(paragraph: str) -> Dateline | None:
    """The dateline that opens a paragraph, or None.

    A dateline needs a date ("Rome, March 8:"), an agency ("Naples, Sep 22 (PTI)")
    or a place with a colon or dash ("KOCHI:", or "New Delhi:" before a full
    sentence); a date without an agency or separator must be followed by the
    sentence ("Rome, 12 May 2024 India ..."). An agency's credit may come first
    ("(ANSA) - ROMA, 10 OTT -", "MENAFN - IANS) Rome, Feb 27 (IANS)"); alone,
    it is a dateline without place ("(Bloomberg) -- Italy and India ...").
    """
    credit = _CREDIT_PREFIX.match(paragraph) or _byline_credit().match(paragraph)
    if credit:
        agency = _outlet_name(credit["agency"])
        if agency or credit["syndicator"]:
            after = _parse_dateline(paragraph[credit.end():])
            if after:
                n = credit.end()
                return replace(after, outlet=after.outlet or agency, start=len(paragraph) - len(paragraph.lstrip()),
                               end=after.end + n)
            if agency:
                return Dateline(None, agency, None, None, None, len(paragraph) - len(paragraph.lstrip()), credit.end())
    return _parse_dateline(paragraph)


def _parse_dateline(paragraph: str) -> Dateline | None:
    m = _DATELINE.match(paragraph)
    if m and m["place"] and dates.month_number(m["place"].split()[0]):
        m = _DATELINE_NO_PLACE.match(paragraph)
    if not m:
        return None
    mon_word, day_s = (m["mon"], m["day"]) if m["mon"] else (m["mon2"], m["day2"])
    month = dates.month_number(mon_word) if mon_word else None
    day = int(day_s) if day_s else None
    if mon_word and month is None:
        return None  # "India 2 ..." is no date
    if month is not None and day is not None and _safe(2000, month, day) is None:
        return None
    outlet = _outlet_name(m["outlet"] or m["wire"])
    if (m["outlet"] or m["wire"]) and outlet is None:
        return None
    if m["country"] and not outlet and outlets().name_of(m["country"]):
        outlet = _outlet_name(m["country"])  # "ROME (Reuters) -": the brackets held the agency
    if not _dateline_shape(paragraph, m, month is not None, outlet):
        return None
    return Dateline(
        place=_place_name(m["place"] or None),
        outlet=outlet,
        month=month,
        day=day,
        year=int(m["year"]) if m["year"] else None,
        start=m.end("lead"),
        end=m.end(),
    )


def _dateline_shape(paragraph: str, m: re.Match[str], has_date: bool, outlet: str | None) -> bool:
    """Whether a match is a dateline, not a headline, a kicker or the first words of a sentence."""
    place_raw, sep = m["place"] or None, (m["sep"] or "").strip()
    if place_raw and (dates.month_number(place_raw.split()[0]) or re.fullmatch(r"[A-Z][a-z]+day", place_raw)
                      or place_raw.split()[0].lower() in _NOT_PLACES or _kicker().fullmatch(place_raw.strip(" .,"))):
        return False  # a date, a sentence or a kicker ("EXCLUSIVE:"), not a place, opens the paragraph
    rest = paragraph[m.end():]
    if not (has_date or outlet):
        # Place only: "KOCHI:", "NEW DELHI —"; a title-case "New Delhi:" only before a full sentence,
        # since headlines ("Rome: India and Italy sign pact") look the same.
        if not place_raw or sep not in {":", "-", "--", "–", "—"}:
            return False
        upper = place_raw.replace(" ", "").replace(".", "").isupper() and len(place_raw) >= 3
        return upper or (len(rest.split()) >= 12 and bool(re.search(r"[.!?][\"”’']?\s*$", rest)))
    if not place_raw and not outlet:
        return False
    if has_date and not outlet and not sep:
        # The sentence follows ("Rome, 12 May 2024 India ..."), or a full date stands alone on its line
        # ("PARIS, September 24, 2025" above the first paragraph).
        return bool(re.match(r"[A-Z\"“‘']", rest) or (m["year"] and not rest.strip()))
    return True


# ---------------------------------------------------------------- headers
_LABELS = date_words()["date_labels"]


def _label_words(words: list[str]) -> str:
    return "|".join(re.escape(w).replace("\\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


# A label may follow an agency's credit without a space: "PTIUpdated: Wednesday, December 10, 2025".
_HEADER_LABEL = re.compile(
    r"(?:^|[|•·(]\s*|\s|(?<=[A-Za-z])(?=(?:Updated|Published|Posted|Last|First)\b))"
    rf"(?P<label>(?i:{_label_words(_LABELS['published'] + _LABELS['updated'])}))\b\s*[:\-–|]?\s*"
)
# "date 2021-07-08 " or, with the month only, "date 2021-12 " glued before the first line.
_DATE_PREFIX = re.compile(r"^\s*date\s*:?\s+(?P<iso>\d{4}-\d{2}(?:-\d{2})?)(?![\d-])\s*", re.IGNORECASE)
_TEXT_LABEL = re.compile(rf"(?:^|[|(]\s*)(?P<label>(?i:{_label_words(_LABELS['in_text'])}))\s*[:\-–]?\s*")
# A time and the marks between the parts of a date line: "/ 10:32 AM /", "| 8:58 PM IST".
_TIME = re.compile(r"(?:\b(?:[01]?\d|2[0-3])[:.][0-5]\d(?::\d\d)?\s*(?i:[ap]\.?m\.?|hrs|IST|CES?T|GMT|UTC)?|[/|•·,])")
_HEADER_LINES = 6
_HEADER_MAX = 10  # a press release may stack sender, place, "PRESS RELEASE" and headlines above its date
_LONG_LINE = 15  # words: a line this long is the first paragraph; shorter ones are headlines and bylines
_BYLINE_SEP = re.compile(r"\s*[|•·]\s*|\s+[-–—]\s+")  # "By X | date", "By X - date"


_UPDATED = frozenset(re.sub(r"\s+", " ", w.lower()) for w in _LABELS["updated"])


def _label_rank(label: str) -> int:
    return 2 if re.sub(r"\s+", " ", label.lower()) in _UPDATED else 0  # an update is later than the publication


def _date_at(text: str, pos: int) -> DateMention | None:
    """A single date with its year that starts at `pos` (spaces aside)."""
    for mention in dates.find_dates(text[pos:], None):
        if mention.start <= 2 and mention.end_value is None and len(mention.value) >= 7:
            return mention
        break
    return None


def _header_span(lines: list[str]) -> int:
    """How many lines to read as the header: those above the first paragraph, within bounds."""
    for i, line in enumerate(lines[:_HEADER_MAX]):
        if len(line.split()) >= _LONG_LINE:
            return max(i, _HEADER_LINES)
    return _HEADER_LINES


def _byline_date(line: str) -> DateMention | None:
    """The date of a byline of short parts: "Express News Service | New Delhi | March 20, 2025 11:05 IST"."""
    parts = [p for p in _BYLINE_SEP.split(line.strip()) if p]
    if len(parts) < 2:
        return None
    for k, part in enumerate(parts):
        mention = _date_at(part, 0)
        others = parts[:k] + parts[k + 1:]
        # The others are names and places, not a headline that happens to hold a "|".
        if (mention and len(mention.value) == 10 and len(_TIME.sub("", part[mention.end:]).split()) <= 3
                and all(len(o.split()) <= 6 for o in others)):
            return mention
    return None


def _header_date(lines: list[str]) -> tuple[str, str] | None:
    """(value, what) from the first non-empty lines."""
    found: list[tuple[int, int, str, str]] = []  # rank, line index, value, description
    skip = quote_box(lines)
    for i, line in enumerate(lines[:_header_span(lines)]):
        prefix = _DATE_PREFIX.match(line)
        if prefix and i == 0:
            span = dates.parse_iso(prefix["iso"])
            if span:
                # A month alone ranks below any day: a dateline's day may complete it.
                rank = 0 if len(prefix["iso"]) == 10 else 3
                found.append((rank, i, prefix["iso"], f"the header {prefix.group().strip()!r}"))
                continue
        if i in skip:
            continue
        labelled = False
        for lm in _HEADER_LABEL.finditer(line):  # all of them: "Updated: ... | Published: ..."
            mention = _date_at(line, lm.end())
            if mention:
                labelled = True
                found.append((_label_rank(lm["label"]), i, mention.value,
                              f"the header {line[lm.start('label'):lm.end() + mention.end].strip()!r}"))
        if not labelled:
            # An unlabelled line that is only a date, a time and a few words: "February 27, 2026 7:29 PM हिंदी".
            stripped = line.strip()
            mention = _date_at(stripped, 0)
            if mention and len(mention.value) == 10 and len(_TIME.sub("", stripped[mention.end:]).split()) <= 5:
                found.append((1, i, mention.value, f"the header {stripped!r}"))
            elif byline := _byline_date(stripped):
                found.append((1, i, byline.value, f"the byline {stripped!r}"))
    if not found:
        return None
    _, _, value, what = min(found)
    return value, what


def _text_date(lines: list[str]) -> tuple[str, str] | None:
    """A "Published on ..." line further down the page."""
    for line in lines[_HEADER_LINES:]:
        for lm in _TEXT_LABEL.finditer(line):
            mention = _date_at(line, lm.end())
            if mention:
                return mention.value, line.strip()
    return None


# ---------------------------------------------------------------- sign-off
# A press release may be dated only at its foot: "Rome, 5 March 2026", "New Delhi | 5 March 2026",
# "(Issued on 5 March 2026)", or a place on one line and the date on the next.
_SIGNOFF_LINES = 4
_SIGNOFF_LABEL = re.compile(r"\(?\s*(?i:issued|dated|released)(?:\s+(?i:on))?\s*[:,-]?\s*")
_SIGNOFF_PLACE = re.compile(rf"(?P<place>{_PLACE_WORD}(?:[ \t]+{_PLACE_WORD}){{0,3}})\s*(?:,|\||-|–|—)?\s*")
_SIGNOFF_TOWN = rf"{_PLACE_WORD}(?:[ \t]+{_PLACE_WORD}){{0,2}}"
_SIGNOFF_END = re.compile(r"[\s.,]*(?:(?:[01]?\d|2[0-3])[:.][0-5]\d\s*(?i:[ap]\.?m\.?|IST|CES?T|GMT|UTC)?)?[\s.)]*")


@cache
def _tail_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """As the cleaner reads boilerplate.yml: trailing headers, furniture lines, agency sign-offs."""
    bp = boilerplate()
    trailing = re.compile(r"\s*(?:" + "|".join(bp["trailing_headers"]) + r")\s*[:|]?\s*", re.IGNORECASE)
    furniture = re.compile("|".join(f"(?:{p})" for p in bp["lines"]), re.IGNORECASE)
    agency = re.compile(r"\s*(?:" + "|".join(f"(?:{p})" for p in signoff_patterns()) + r")")
    return trailing, furniture, agency


def _story_end(lines: list[str]) -> list[str]:
    """The last lines of the story: other stories' headlines and page furniture after it cut off."""
    trailing, furniture, agency = _tail_patterns()
    story: list[str] = []
    for line in lines:
        if trailing.fullmatch(line):
            break
        if not furniture.match(line) and not agency.fullmatch(line):
            story.append(line)
    return story[-_SIGNOFF_LINES:]


def _signoff_date(lines: list[str], paragraphs: list[str]) -> tuple[str | None, str]:
    """(value, what) of a date that closes the text, alone or after a place or "Issued on".

    The value is None (and `what` says why) when the end holds several dates, as a list of other
    stories with their dates does, or when the text reports as done things dated after it.
    """
    end = _story_end(lines)
    found: list[tuple[str, str]] = []
    for i, line in enumerate(end):
        starts = [0]
        if label := _SIGNOFF_LABEL.match(line):
            starts.append(label.end())
        if (place := _SIGNOFF_PLACE.match(line)) and place["place"].split()[0].lower() not in _NOT_PLACES:
            starts.append(place.end())
        for pos in starts:
            mention = _date_at(line, pos)
            if mention and len(mention.value) == 10 and _SIGNOFF_END.fullmatch(line, pos + mention.end):
                # "Rome" on the line above a bare date belongs to the sign-off.
                above = end[i - 1] if i and pos == 0 and re.fullmatch(_SIGNOFF_TOWN, end[i - 1]) else None
                found.append((mention.value, f"{above} / {line}" if above else line))
                break
    if not found:
        return None, ""
    if len({v for v, _ in found}) > 1:
        return None, f"the last lines hold several dates ({', '.join(w for _, w in found)}); none taken"
    value, what = found[-1]
    late = _later_past_event(paragraphs, dt.date.fromisoformat(value))
    if late:
        return None, f"the sign-off {what!r} comes before {late!r}, which the text reports as past; ignored"
    return value, what


def _later_past_event(paragraphs: list[str], day: dt.date) -> str | None:
    """A dated event the text tells as past that lies after `day`: then `day` is not the publication."""
    for para in paragraphs:
        for sent in _sentences(para):
            for m in dates.find_dates(sent, None):
                span = dates.parse_iso(m.value)
                if span and span[0] > day and len(m.value) == 10 and dates.tense(sent, m.start, m.end) == "past":
                    return m.text
    return None


# ---------------------------------------------------------------- dateline year
_TWEET = re.compile(r"\b(?:twitter|x)\.com/\w+/status(?:es)?/(?P<id>\d{15,20})", re.IGNORECASE)
_TWITTER_EPOCH_MS = 1288834974657  # snowflake ids count milliseconds from here
_EARLIEST_YEAR = 1990  # a fixed floor: the day of the build only bounds years from above
# Verbs of a statement: wire copy is filed as statements come, so "(PTI) ... the Navy said on Thursday" is
# datelined that Thursday.
_SAYING = r"(?:said|says|announced|stated|told|added|confirmed|declared|informed|noted|stressed|underlined" \
          r"|disclosed|clarified)"
_SAYING_IT = r"(?:ha|hanno)\s+(?:detto|dichiarato|annunciato|affermato|sottolineato|spiegato|riferito|comunicato" \
             r"|confermato|reso\s+noto)"
# "the Navy said on Thursday", "said in a statement on Thursday", "on Thursday announced", "ha detto giovedì".
_SAID_BEFORE = re.compile(rf"\b{_SAYING}\b[^.;:,\n]{{0,40}}?\bon\s+$|\b{_SAYING_IT}\s+$", re.IGNORECASE)
_SAID_AFTER = re.compile(rf"\s*,?\s*(?:{_SAYING}|{_SAYING_IT})\b", re.IGNORECASE)
_WEEKDAY = re.compile(rf"(?:\b(?P<mod>{dates.NAME_MODIFIERS})\s+)?(?P<wd>{dates.WEEKDAY_NAMES})(?!\w)"
                      rf"(?:\s+(?P<mod2>{dates.NAME_MODIFIERS})\b)?")


def snowflake_date(post_id: int) -> dt.date | None:
    """UTC day on which an X/Twitter post with this id was made (ids since November 2010)."""
    offset = post_id >> 22
    if offset < 86_400_000:  # older sequential ids (below ~3e10) decode to the epoch's first day
        return None
    return dt.datetime.fromtimestamp((offset + _TWITTER_EPOCH_MS) / 1000, dt.UTC).date()


def _tweet_dates(text: str) -> list[dt.date]:
    out = []
    for m in _TWEET.finditer(text):
        d = snowflake_date(int(m["id"]))
        if d:
            out.append(d)
    return out


def _sentences(paragraph: str) -> list[str]:
    parts = re.split(r"(?:(?<=[.!?])|(?<=[.!?][\"”’']))\s+(?=[A-Z\"“])", paragraph)
    return [s for s in parts if s.strip()]


@dataclass
class _Evidence:
    kind: str  # tweet | mention | weekday
    label: str
    first: dt.date
    last: dt.date
    when: str | None = None  # tense of a mention
    precise: bool = True  # a day or month, not only a year
    weekday: int = 0
    said: bool = False  # the weekday is when something was said, not when it happened


def _collect(body: str, paragraphs: list[str], lead: str, bound: _Bound) -> list[_Evidence]:
    """What the article shows of its own time: linked posts, dated mentions, the weekday of its lead.
    `paragraphs` are the cleaned ones: dates in "LATEST NEWS" lists and other furniture are no evidence."""
    ev: list[_Evidence] = []
    for d in _tweet_dates(body):
        if bound.allows(d - dt.timedelta(days=1)):
            ev.append(_Evidence("tweet", f"an X post of {d.isoformat()} linked in the text", d, d))
    for para in paragraphs:
        for sent in _sentences(para):
            for mention in dates.find_dates(sent, None):
                span = dates.parse_iso(mention.end_value or mention.value)
                first = dates.parse_iso(mention.value)
                if not span or not first or not bound.allows(first[0]):
                    continue
                when = dates.tense(sent, mention.start, mention.end)
                ev.append(_Evidence("mention", mention.text, first[0], span[1], when, len(mention.value) > 4))
    for m in _WEEKDAY.finditer(lead):
        if m["mod"] or m["mod2"] or dates.tense(lead, m.start(), m.end()) == "future":
            continue
        wd = dates.weekday_number(m["wd"])
        said = bool(_SAID_BEFORE.search(lead[:m.start()]) or _SAID_AFTER.match(lead, m.end()))
        if wd is not None and all(e.kind != "weekday" or e.weekday != wd for e in ev):
            ev.append(_Evidence("weekday", m["wd"], dt.date.min, dt.date.min, weekday=wd, said=said))
    return ev


def _score(p: dt.date, e: _Evidence, wire: bool = False) -> float:
    if e.kind == "tweet":
        gap = (p - e.first).days
        if gap < -1:
            return -20.0  # published before the post it quotes: impossible
        return 10.0 if gap <= 3 else 8.0 if gap <= 14 else 5.0 if gap <= 60 else 2.0 if gap <= 366 else 0.0
    if e.kind == "weekday":
        # The lead's weekday is the dateline's own day ("Rome, Feb 27: ... on Friday") or, for a happening
        # reported the next day, the day before; either fits, and of the years that fit the latest wins. But an
        # agency files a statement the day it is made: "(PTI) ... the Navy said on Thursday" is datelined that
        # Thursday, while what happened "on Saturday" is reported on Sunday. Newspaper datelines keep both.
        back = (p.weekday() - e.weekday) % 7
        if wire and e.said and back == 1:
            return 2.0
        return 3.0 if back <= 1 else 1.0 if back == 2 else -1.0
    if e.when == "future":
        if p > e.last:
            return -3.0
        return 2.0 if (e.first - p).days <= 366 else 0.0
    if p < e.first - dt.timedelta(days=1):
        return (-5.0 if e.when == "past" else -2.0) if e.precise else -2.0
    if not e.precise:
        return 0.0  # "since 2014" only rules years out: background years would pull towards themselves
    gap = (p - e.last).days
    return 4.0 if gap <= 45 else 3.0 if gap <= 183 else 2.0 if gap <= 366 else 1.0 if gap <= 731 else 0.0


def _infer_year(month: int, day: int, evidence: list[_Evidence], bound: _Bound,
                wire: bool = False) -> tuple[int | None, str]:
    """Best-supported year for a dateline's month and day, and what it rests on (`wire`: an agency's dateline)."""
    what = f"dateline gives {dt.date(2000, month, 1):%B} {day} but no year"
    if not evidence:
        return None, what
    scored: list[tuple[float, int, list[_Evidence]]] = []
    years = [(y, p) for y in range(bound.day.year + 1, _EARLIEST_YEAR - 1, -1)
             # February 29 of a common year; never a publication date in the future
             if (p := _safe(y, month, day)) is not None and bound.allows(p)]
    for year, p in years:
        parts = [(_score(p, e, wire), e) for e in evidence]
        scored.append((sum(s for s, _ in parts), year, [e for s, e in parts if s > 0]))
    if not scored:
        return None, what
    best, year, support = max(scored, key=lambda t: (t[0], t[1]))  # ties: the latest year
    if best < 2:
        return None, what
    others = sum(1 for s, y, _ in scored if s == best and y != year)
    return year, _inference_note(month, day, year, support, others)


def _inference_note(month: int, day: int, year: int, support: list[_Evidence], others: int) -> str:
    """The warning that says which year was taken and why; a year resting on a weekday alone is uncertain."""
    tweets = [e.label for e in support if e.kind == "tweet"]
    mentions = [e.label for e in support if e.kind == "mention"]
    weekdays = [e.label for e in support if e.kind == "weekday"]
    reasons = []
    if tweets:
        reasons.append(tweets[0])
    if mentions:
        shown = ", ".join(mentions[:3]) + (", ..." if len(mentions) > 3 else "")
        reasons.append(f"dates in the text ({shown})")
    if weekdays:
        reasons.append(f"the weekday in the lead ({', '.join(weekdays)})")
    text = f"dateline gives {dt.date(2000, month, 1):%B} {day} without a year; {year} inferred from " + \
        " and ".join(reasons)
    if not tweets and not mentions:
        text += "; uncertain: only the weekday supports it" + (", and earlier years fit as well" if others else "")
    return text


# ---------------------------------------------------------------- URL
_URL_DAY = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[/-](?P<m>0?[1-9]|1[0-2])[/-](?P<d>0?[1-9]|[12]\d|3[01])(?!\d)")
_URL_COMPACT = re.compile(r"[/_-](?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?:\d{4}|\d{6})?"
                          r"(?=[/_.?#-]|$)")
_URL_MONTH = re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>0[1-9]|1[0-2])/")


def _url_date(url: str, bound: _Bound) -> str | None:
    m_tweet = _TWEET.search(url)
    if m_tweet:
        d = snowflake_date(int(m_tweet["id"]))
        return d.isoformat() if d and bound.allows(d) else None
    for rx in (_URL_DAY, _URL_COMPACT):
        m = rx.search(url)
        if m:
            d = _safe(int(m["y"]), int(m["m"]), int(m["d"]))
            if d and bound.allows(d):
                return d.isoformat()
    m = _URL_MONTH.search(url)
    if m and bound.allows(dt.date(int(m["y"]), int(m["m"]), 1)):
        return f"{m['y']}-{m['m']}"
    return None


# ---------------------------------------------------------------- main
def _front_matter(value: str) -> str | None:
    v = value.strip()
    m = re.match(r"(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$", v)
    if m:
        v = m.group(1)
    if re.fullmatch(r"\d{4}(?:-\d{2}){0,2}", v) and dates.parse_iso(v):
        return v
    mentions = dates.find_dates(v, None)
    if len(mentions) == 1 and mentions[0].end_value is None and len(mentions[0].text) >= len(v) - 12:
        return mentions[0].value
    return None


_BULLET = re.compile(r"^\s*[•*▪►·–-]\s+")
_HEADLINE_MAX = 25  # words: no headline is longer
_BODY_LINES = 2  # lines read for a dateline after the first paragraph of the story (a standfirst)


def _is_story(line: str) -> bool:
    """A line of the story itself: long and ending a sentence, or too long for a headline; not a bullet."""
    n = len(line.split())
    return n >= _LONG_LINE and not _BULLET.match(line) and (n > _HEADLINE_MAX or bool(re.search(r"[.!?\"”’»]\s*$",
                                                                                                  line)))


def story_start(lines: list[str], pub: PubDate) -> int:
    """Index in `lines` of the story's first line: the dateline's, else the first paragraph of the story's own
    (a pull quote that recurs further down is not it), else the first line that is not the header's."""
    box = quote_box(lines)
    texts = [_DATE_PREFIX.sub("", line) if i == 0 else line for i, line in enumerate(lines)]
    if pub.dateline:
        for i, text in enumerate(texts[:_HEADER_MAX]):
            if text == pub.paragraph:
                if text[pub.dateline.end:].strip():
                    return i
                # A dateline alone on its line: a press release may put its title under it.
                return next((j for j in range(i + 1, min(i + 4, len(texts))) if _is_story(texts[j])),
                            min(i + 1, len(texts) - 1))
    story = [i for i, text in enumerate(texts) if i not in box and _is_story(text) and not is_furniture(text)]
    for i in story:
        if texts[i] not in texts[i + 1:]:
            return i
    if story:
        return story[0]
    # No line ends a sentence (a page cut short): the first long one.
    return next((i for i, text in enumerate(texts) if i not in box and len(text.split()) >= _LONG_LINE
                 and not is_furniture(text)), 0)


def _dateline_alone(line: str, after: str) -> Dateline | None:
    """A dateline on a line of its own above the story's first paragraph: "Chandigarh, November 8"."""
    if not _is_story(after):
        return None
    found = parse_dateline(f"{line}\n{after}")
    return replace(found, end=len(line)) if found and found.month and found.end == len(line) + 1 else None


def _first_dateline(lines: list[str]) -> tuple[Dateline | None, str, str]:
    """The dateline of the first text paragraph, its paragraph, and the lead that follows it.

    Headlines, bylines, bullets of a summary and desk notes before it are skipped, however long; after a
    standfirst (a paragraph of the story's own) only a dateline with a date or an agency is taken.
    """
    story: int | None = None  # the index of the first line of the story
    for i, line in enumerate(lines[:_HEADER_MAX]):
        if story is not None and i - story > _BODY_LINES:
            break
        if is_furniture(line):
            continue  # "(Updates with ...)", "By ... |": a desk's note or byline, however long
        text = _DATE_PREFIX.sub("", line) if i == 0 else line
        after = lines[i + 1] if i + 1 < len(lines) else ""
        found = parse_dateline(text)
        if not (found and found.month):
            found = _dateline_alone(text, after) or found
        if found and (story is None or found.month or found.outlet):
            return found, text, text[found.end:] if text[found.end:].strip() else after
        if story is None and _is_story(text) and text not in lines[i + 1:]:
            story = i  # (a pull quote above the story recurs in it)
    return None, "", ""


def publication_date(body: str, meta: dict[str, str | None] | None, *, today: dt.date | None = None,
                     paragraphs: list[str] | None = None) -> PubDate:
    """Publication date of an article from its front matter, header, dateline or URL.

    `today` (default: the system date) only bounds dates from above: no publication lies in the future.
    `paragraphs` are the article's cleaned paragraphs when the caller has them (else it is cleaned here).
    """
    bound = _Bound(today or dt.date.today())
    lines = [ln.strip() for ln in body.split("\n") if ln.strip()]
    dateline, paragraph, lead = _first_dateline(lines)
    if paragraphs is None:
        paragraphs = clean(body).paragraphs
    pub = _dated(body, meta or {}, lines, paragraphs, dateline, lead, bound)
    pub.dateline, pub.paragraph, pub.valid_until = dateline, paragraph, bound.valid_until()
    return pub


def _dated(body: str, meta: dict[str, str | None], lines: list[str], paragraphs: list[str],
           dateline: Dateline | None, lead: str, bound: _Bound) -> PubDate:
    """In order of trust: front matter, a header's day, the dateline, a date in the text, a header's month, the
    URL."""
    warnings: list[str] = []
    raw = (meta.get("published") or "").strip()
    if raw:
        value = _front_matter(raw)
        if value:
            return PubDate(value, "front-matter", warnings)
        warnings.append(f"front matter `published: {raw}` is not a date (write YYYY-MM-DD); ignored")

    header_month = None
    if header := _header_date(lines):
        value, what = header
        span = dates.parse_iso(value)
        if span and bound.allows(span[0]):
            if len(value) != 7:
                return PubDate(value, "header", warnings)
            header_month = value
        else:
            warnings.append(f"{what} lies in the future; ignored")

    text_day, text_what, signoff_note = _date_in_text(lines, paragraphs, bound)
    if dateline and dateline.month and dateline.day:
        url_day = _url_date(meta.get("url") or "", bound)
        found = _dateline_date(dateline, body, paragraphs, lead, bound, warnings,
                               ((url_day, "the URL"), (text_day, text_what), (header_month, "the header")))
        if found:
            return PubDate(found, "dateline", warnings)

    if text_day:
        warnings.append(f"publication date read from {text_what}")
        return PubDate(text_day, "text", warnings)
    if today := _today_in_text(body, paragraphs, lead, bound):
        warnings.append(f"publication date read from {today[1]!r} in the text")
        return PubDate(today[0], "text", warnings)
    if signoff_note:
        warnings.append(signoff_note)
    if header_month:
        return PubDate(header_month, "header", warnings)
    if value := _url_date(meta.get("url") or "", bound):
        return PubDate(value, "post-id", warnings)
    if not any("no year" in w for w in warnings):
        warnings.append("no publication date found; give `published:` in the article's front matter")
    return PubDate(None, "unknown", warnings)


def _date_in_text(lines: list[str], paragraphs: list[str], bound: _Bound) -> tuple[str | None, str, str]:
    """(day, what, note): a "Published on" line further down, else a sign-off closing a press release; `note`
    says why a sign-off was not taken, to be told only if nothing else dates the article."""
    box = quote_box(lines)
    lines = [line for i, line in enumerate(lines) if i not in box]  # a quotation's date is not the story's
    text = _text_date(lines)
    what = f"the line {text[1]!r} in the text" if text else ""
    note = ""
    if not text:
        signoff, why = _signoff_date(lines, paragraphs)
        if signoff:
            text, what = (signoff, why), f"the sign-off {why!r} at the end of the text"
        else:
            note = why
    if text and (span := dates.parse_iso(text[0])) and bound.allows(span[0]):
        return text[0], what, note
    return None, what, note


_TODAY = re.compile(r"\b(?i:today|oggi)\s*,?\s*")


def _today_in_text(body: str, paragraphs: list[str], lead: str, bound: _Bound) -> tuple[str, str] | None:
    """ "... concludes a three-day visit today, April 8": the day the story calls today, its year stated or
    inferred as a dateline's would be."""
    for para in paragraphs[:8]:
        for m in _TODAY.finditer(para):
            found = dates.find_dates(para[m.end():m.end() + 40], bound.day)
            d = found[0] if found else None
            if d is None or d.start > 0 or d.end_value or len(d.value) != 10:
                continue
            said = para[m.start():m.end() + d.end].strip()
            if re.search(r"(?:19|20)\d\d", d.text):
                return (d.value, said) if bound.allows(dt.date.fromisoformat(d.value)) else None
            month, day = int(d.value[5:7]), int(d.value[8:10])
            year, _ = _infer_year(month, day, _collect(body, paragraphs, lead, bound), bound)
            return (_safe(year, month, day).isoformat(), said) if year and _safe(year, month, day) else None
    return None


def _dateline_date(dateline: Dateline, body: str, paragraphs: list[str], lead: str, bound: _Bound,
                   warnings: list[str], others: tuple[tuple[str | None, str], ...]) -> str | None:
    """The dateline's day with its year: stated, taken from a nearby full date (the URL's, a sign-off's, a
    header's month), or inferred from what the text shows."""
    month, day = dateline.month, dateline.day
    assert month is not None and day is not None
    if dateline.year:
        d = _safe(dateline.year, month, day)
        if d and bound.allows(d):
            return d.isoformat()
        warnings.append(f"dateline date {dateline.year}-{month:02d}-{day:02d} is not a valid past date; ignored")
        return None
    for full, where in others:
        if not full:
            continue
        u = dt.date.fromisoformat(full if len(full) == 10 else f"{full}-{day:02d}" if _safe(
            int(full[:4]), int(full[5:7]), day) else f"{full}-01")
        for y in (u.year, u.year - 1, u.year + 1):
            d = _safe(y, month, day)
            if d and abs((d - u).days) <= 3 and bound.allows(d):
                warnings.append(f"dateline gives {d:%B} {d.day} without a year; {y} taken from {where}")
                return d.isoformat()
    year, why = _infer_year(month, day, _collect(body, paragraphs, lead, bound), bound, wire=bool(dateline.outlet))
    warnings.append(why)
    return _safe(year, month, day).isoformat() if year else None  # type: ignore[union-attr]
