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
from dataclasses import dataclass, field
from functools import cache

from . import dates
from .clean import clean, is_furniture
from .dates import DateMention
from .lexicon import boilerplate

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
    r"(?:(?:\s*(?:--?|–|—))?\s*\((?P<outlet>[^()\n]{2,30})\))?"
    r"(?P<sep>\s*(?::|--?|–|—|\|)(?=\s|$))?\s*"
)
_DATELINE = re.compile(rf"^(?P<lead>\s*){_DATELINE_PLACE}{_DATELINE_REST}")
# "October 10 (ANI):" with no place: the month must not be taken for one.
_DATELINE_NO_PLACE = re.compile(rf"^(?P<lead>\s*)(?P<place>)(?P<country>){_DATELINE_REST}")


# Words that open sentences and kickers, never a dateline's place.
_NOT_PLACES = {
    "on", "in", "at", "by", "from", "since", "until", "during", "the", "a", "an", "this", "that", "last", "next",
    "earlier", "later", "before", "after", "between", "and", "but", "as", "for", "with", "to", "of", "it", "he",
    "she", "they", "we", "i", "exclusive", "breaking", "watch", "video", "update", "updated", "live", "opinion",
    "analysis", "editorial", "explained", "photos", "read", "also", "posted", "published", "date", "dated",
}


@cache
def _outlets() -> dict[str, str]:
    """Every form of an outlet's name, lower case, to the name in the outlets lexicon."""
    known = {o.lower(): o for o in boilerplate()["outlets"]}
    aliases = {a: known[o.lower()] for a, o in boilerplate()["outlet_forms"].items() if o.lower() in known}
    return aliases | known


def _outlet_name(raw: str | None) -> str | None:
    if not raw:
        return None
    name = raw.strip()
    known = _outlets().get(name.lower())
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
    sentence ("Rome, 12 May 2024 India ...").
    """
    m = _DATELINE.match(paragraph)
    if m and m["place"] and dates.month_number(m["place"].split()[0]):
        m = _DATELINE_NO_PLACE.match(paragraph)
    if not m:
        return None
    place_raw, sep = m["place"] or None, (m["sep"] or "").strip()
    mon_word, day_s = (m["mon"], m["day"]) if m["mon"] else (m["mon2"], m["day2"])
    month = dates.month_number(mon_word) if mon_word else None
    day = int(day_s) if day_s else None
    if mon_word and month is None:
        return None  # "India 2 ..." is no date
    if month is not None and day is not None and _safe(2000, month, day) is None:
        return None
    year = int(m["year"]) if m["year"] else None
    outlet = _outlet_name(m["outlet"])
    if m["outlet"] and outlet is None:
        return None
    if m["country"] and not outlet and _outlets().get(m["country"].strip().lower()):
        outlet = _outlet_name(m["country"])  # "ROME (Reuters) -": the brackets held the agency
    if place_raw and (dates.month_number(place_raw.split()[0]) or re.fullmatch(r"[A-Z][a-z]+day", place_raw)
                      or place_raw.split()[0].lower() in _NOT_PLACES):
        return None  # a date, a sentence or a kicker ("EXCLUSIVE:"), not a place, opens the paragraph
    has_date = month is not None
    if not (has_date or outlet):
        # Place only: "KOCHI:", "NEW DELHI —"; a title-case "New Delhi:" only before a full sentence,
        # since headlines ("Rome: India and Italy sign pact") look the same.
        if not place_raw or sep not in {":", "-", "--", "–", "—"}:
            return None
        upper = place_raw.replace(" ", "").replace(".", "").isupper() and len(place_raw) >= 3
        rest = paragraph[m.end():]
        if not upper and not (len(rest.split()) >= 12 and re.search(r"[.!?][\"”’']?\s*$", rest)):
            return None
    elif not place_raw and not outlet:
        return None
    if has_date and not outlet and not sep:
        rest = paragraph[m.end():]
        # The sentence follows ("Rome, 12 May 2024 India ..."), or a full date stands alone on its line
        # ("PARIS, September 24, 2025" above the first paragraph).
        if not re.match(r"[A-Z\"“‘']", rest) and not (year and not rest.strip()):
            return None
    return Dateline(
        place=_place_name(place_raw),
        outlet=outlet,
        month=month,
        day=day,
        year=year,
        start=m.end("lead"),
        end=m.end(),
    )


# ---------------------------------------------------------------- headers
_HEADER_LABEL = re.compile(
    r"(?:^|[|•·(]\s*|\s)(?P<label>(?i:posted\s+on|first\s+published(?:\s+on)?|published(?:\s+on)?|"
    r"last\s+updated(?:\s+on)?|updated(?:\s+on)?|released\s+on|dated?|created(?:\s+on)?))\b\s*[:\-–|]?\s*"
)
_DATE_PREFIX = re.compile(r"^\s*date\s*:?\s+(?P<iso>\d{4}-\d{2}-\d{2})\b", re.IGNORECASE)
_TEXT_LABEL = re.compile(
    r"(?:^|[|(]\s*)(?P<label>(?i:posted\s+on|first\s+published(?:\s+on)?|published(?:\s+on)?))\s*[:\-–]?\s*"
)
_HEADER_LINES = 6
_HEADER_MAX = 10  # a press release may stack sender, place, "PRESS RELEASE" and headlines above its date
_LONG_LINE = 15  # words: a line this long is the first paragraph; shorter ones are headlines and bylines
_BYLINE_SEP = re.compile(r"\s*[|•·]\s*")


def _label_rank(label: str) -> int:
    label = label.lower()
    return 2 if "updated" in label else 0  # an update is later than the publication


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
        if (mention and len(mention.value) == 10 and len(part[mention.end:].split()) <= 3
                and all(len(o.split()) <= 6 for o in others)):
            return mention
    return None


def _header_date(lines: list[str]) -> tuple[str, str] | None:
    """(value, what) from the first non-empty lines."""
    found: list[tuple[int, int, str, str]] = []  # rank, line index, value, description
    for i, line in enumerate(lines[:_header_span(lines)]):
        prefix = _DATE_PREFIX.match(line)
        if prefix and i == 0:
            span = dates.parse_iso(prefix["iso"])
            if span:
                found.append((0, i, prefix["iso"], f"the header {prefix.group().strip()!r}"))
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
            if mention and len(mention.value) == 10 and len(stripped[mention.end:].split()) <= 5:
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
    agency = re.compile(r"\s*(?:" + "|".join(f"(?:{p})" for p in bp["signoffs"]) + r")")
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


def _signoff_date(lines: list[str]) -> tuple[str | None, str]:
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
    late = _later_past_event(lines, dt.date.fromisoformat(value))
    if late:
        return None, f"the sign-off {what!r} comes before {late!r}, which the text reports as past; ignored"
    return value, what


def _later_past_event(lines: list[str], day: dt.date) -> str | None:
    """A dated event the text tells as past that lies after `day`: then `day` is not the publication."""
    for para in clean("\n".join(lines)).paragraphs:
        for sent in _sentences(para):
            for m in dates.find_dates(sent, None):
                span = dates.parse_iso(m.value)
                if span and span[0] > day and len(m.value) == 10 and dates.tense(sent, m.start, m.end) == "past":
                    return m.text
    return None


# ---------------------------------------------------------------- dateline year
_TWEET = re.compile(r"\b(?:twitter|x)\.com/\w+/status(?:es)?/(?P<id>\d{15,20})", re.IGNORECASE)
_TWITTER_EPOCH_MS = 1288834974657  # snowflake ids count milliseconds from here
_SAYING = (r"(?:said|says|announced|stated|told|added|confirmed|declared|informed|noted|stressed|underlined"
           r"|disclosed|clarified)")
# "the Navy said on Thursday", "said in a statement on Thursday", "on Thursday announced".
_SAID_BEFORE = re.compile(rf"\b{_SAYING}\b[^.;:,\n]{{0,40}}?\bon\s+$", re.IGNORECASE)
_SAID_AFTER = re.compile(rf"\s*,?\s*{_SAYING}\b", re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(?P<mod>(?i:last|next|this|past|coming)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|"
                      r"Friday|Saturday|Sunday)\b")


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


def _collect(body: str, lead: str, today: dt.date) -> list[_Evidence]:
    ev: list[_Evidence] = []
    for d in _tweet_dates(body):
        if d <= today + dt.timedelta(days=1):
            ev.append(_Evidence("tweet", f"an X post of {d.isoformat()} linked in the text", d, d))
    # Dates in "LATEST NEWS" lists and other furniture are no evidence.
    paragraphs = clean(body).paragraphs
    for para in paragraphs:
        for sent in _sentences(para):
            for mention in dates.find_dates(sent, None):
                span = dates.parse_iso(mention.end_value or mention.value)
                first = dates.parse_iso(mention.value)
                if not span or not first or first[0] > today:
                    continue
                when = dates.tense(sent, mention.start, mention.end)
                ev.append(_Evidence("mention", mention.text, first[0], span[1], when, len(mention.value) > 4))
    for m in _WEEKDAY.finditer(lead):
        if m["mod"] or dates.tense(lead, m.start(), m.end()) == "future":
            continue
        wd = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"].index(m["wd"])
        said = bool(_SAID_BEFORE.search(lead[:m.start()]) or _SAID_AFTER.match(lead, m.end()))
        if all(e.kind != "weekday" or e.weekday != wd for e in ev):
            ev.append(_Evidence("weekday", m["wd"], dt.date.min, dt.date.min, weekday=wd, said=said))
    return ev


def _score(p: dt.date, e: _Evidence, wire: bool = False) -> float:
    if e.kind == "tweet":
        gap = (p - e.first).days
        if gap < -1:
            return -20.0  # published before the post it quotes: impossible
        return 10.0 if gap <= 3 else 8.0 if gap <= 14 else 5.0 if gap <= 60 else 2.0 if gap <= 366 else 0.0
    if e.kind == "weekday":
        back = (p.weekday() - e.weekday) % 7
        if wire and e.said and back == 1:
            # Wire copy is filed as statements come: "(PTI) ... the Navy said on Thursday" is datelined that
            # Thursday, while what happened "on Saturday" is reported on Sunday. Newspaper datelines keep both.
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


def _infer_year(month: int, day: int, body: str, lead: str, today: dt.date,
                wire: bool = False) -> tuple[int | None, str]:
    """Best-supported year for a dateline's month and day, and what it rests on (`wire`: an agency's dateline)."""
    evidence = _collect(body, lead, today)
    what = f"dateline gives {dt.date(2000, month, 1):%B} {day} but no year"
    if not evidence:
        return None, what
    scored: list[tuple[float, int, list[_Evidence]]] = []
    for year in range(today.year, today.year - 31, -1):
        try:
            p = dt.date(year, month, day)
        except ValueError:
            continue  # February 29
        if p > today:
            continue  # never a publication date in the future
        parts = [(_score(p, e, wire), e) for e in evidence]
        scored.append((sum(s for s, _ in parts), year, [e for s, e in parts if s > 0]))
    if not scored:
        return None, what
    best, year, support = max(scored, key=lambda t: (t[0], t[1]))  # ties: the latest year
    if best < 2:
        return None, what
    reasons = []
    tweets = [e.label for e in support if e.kind == "tweet"]
    mentions = [e.label for e in support if e.kind == "mention"]
    weekdays = [e.label for e in support if e.kind == "weekday"]
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
        others = sum(1 for s, y, _ in scored if s == best and y != year)
        text += "; only the weekday supports it" + (", and earlier years fit as well" if others else "")
    return year, text


# ---------------------------------------------------------------- URL
_URL_DAY = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[/-](?P<m>0?[1-9]|1[0-2])[/-](?P<d>0?[1-9]|[12]\d|3[01])(?!\d)")
_URL_COMPACT = re.compile(r"[/_-](?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?:\d{4}|\d{6})?"
                          r"(?=[/_.?#-]|$)")
_URL_MONTH = re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>0[1-9]|1[0-2])/")


def _url_date(url: str, today: dt.date) -> str | None:
    m_tweet = _TWEET.search(url)
    if m_tweet:
        d = snowflake_date(int(m_tweet["id"]))
        return d.isoformat() if d and d <= today else None
    for rx in (_URL_DAY, _URL_COMPACT):
        m = rx.search(url)
        if m:
            try:
                d = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                continue
            if d <= today:
                return d.isoformat()
    m = _URL_MONTH.search(url)
    if m and (int(m["y"]), int(m["m"])) <= (today.year, today.month):
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


def _first_dateline(lines: list[str]) -> tuple[Dateline | None, str]:
    """The dateline of the first text paragraph (headers and headlines before it skipped), and its paragraph."""
    for i, line in enumerate(lines[:_HEADER_MAX]):
        if is_furniture(line):
            continue  # "(Updates with ...)", "By ... |": a desk's note or byline, however long
        text = _DATE_PREFIX.sub("", line) if i == 0 else line
        found = parse_dateline(text)
        if found:
            return found, text
        if len(text.split()) >= _LONG_LINE:
            return None, text  # the first body paragraph has no dateline (shorter lines: headlines, bylines)
    return None, lines[0] if lines else ""


def publication_date(body: str, meta: dict[str, str | None], *, today: dt.date | None = None) -> PubDate:
    """Publication date of an article from its front matter, header, dateline or URL.

    `today` (default: the system date) bounds inferred years: no publication lies in the future.
    """
    today = today or dt.date.today()
    warnings: list[str] = []
    lines = [ln.strip() for ln in body.split("\n") if ln.strip()]
    dateline, lead_para = _first_dateline(lines)

    raw = (meta.get("published") or "").strip() if meta else ""
    if raw:
        value = _front_matter(raw)
        if value:
            return PubDate(value, "front-matter", warnings, dateline)
        warnings.append(f"front matter `published: {raw}` is not a date (write YYYY-MM-DD); ignored")

    header = _header_date(lines)
    if header:
        value, what = header
        span = dates.parse_iso(value)
        if span and span[0] <= today:
            return PubDate(value, "header", warnings, dateline)
        warnings.append(f"{what} lies in the future; ignored")

    # A date further down: a "Published on" line, else a sign-off closing a press release.
    text = _text_date(lines)
    text_what = f"the line {text[1]!r} in the text" if text else ""
    signoff_note = ""  # why a sign-off was not taken, told only if nothing else dates the article
    if not text:
        signoff, why = _signoff_date(lines)
        if signoff:
            text, text_what = (signoff, why), f"the sign-off {why!r} at the end of the text"
        else:
            signoff_note = why
    text_day = text[0] if text and (span := dates.parse_iso(text[0])) and span[0] <= today else None

    if dateline and dateline.month and dateline.day:
        if dateline.year:
            d = _safe(dateline.year, dateline.month, dateline.day)
            if d and d <= today:
                return PubDate(d.isoformat(), "dateline", warnings, dateline)
            warnings.append(f"dateline date {dateline.year}-{dateline.month:02d}-{dateline.day:02d} is not a valid "
                            "past date; ignored")
        else:
            lead = lead_para[dateline.end:]
            url_day = _url_date(meta.get("url") or "", today) if meta else None
            # A full date in the URL or the text, a few days from the dateline's, gives its year.
            for full, where in ((url_day, "the URL"), (text_day, text_what)):
                if not full or len(full) != 10:
                    continue
                u = dt.date.fromisoformat(full)
                for y in (u.year, u.year - 1, u.year + 1):
                    d = _safe(y, dateline.month, dateline.day)
                    if d and abs((d - u).days) <= 3 and d <= today:
                        warnings.append(f"dateline gives {d:%B} {d.day} without a year; {y} taken from {where}")
                        return PubDate(d.isoformat(), "dateline", warnings, dateline)
            year, why = _infer_year(dateline.month, dateline.day, body, lead, today, wire=bool(dateline.outlet))
            warnings.append(why)
            if year is not None:
                return PubDate(dt.date(year, dateline.month, dateline.day).isoformat(), "dateline", warnings,
                               dateline)

    if text_day:
        warnings.append(f"publication date read from {text_what}")
        return PubDate(text_day, "text", warnings, dateline)
    if signoff_note:
        warnings.append(signoff_note)

    url = (meta.get("url") or "") if meta else ""
    if url:
        value = _url_date(url, today)
        if value:
            return PubDate(value, "post-id", warnings, dateline)

    if not any("no year" in w for w in warnings):
        warnings.append("no publication date found; give `published:` in the article's front matter")
    return PubDate(None, "unknown", warnings, dateline)
