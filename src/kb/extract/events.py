"""Events of one article: what happened, when, where, and who took part.

Each sentence goes through the same steps: triggers (words of the events
lexicon: "met", "called on", "visited", "exercise", "Joint Defence Committee")
-> clauses (one per happening the sentence tells, with its subject and
objects: the people before and after the trigger) -> status (happened,
planned, proposed, postponed, cancelled: the words governing the trigger and
its date say) -> date (a date phrase of the clause, else the date of the story
the sentence continues, else the publication date, marked as such) -> place ->
candidate event. A promise to sign ("X said the two sides will soon sign a
pact") is an announcement by whoever made it. Clauses that
only refer back ("during the meeting", "the exercise on July 4 and 5") add
evidence, and a date, to the event they refer to. Candidates of one article
that are the same happening are merged.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cache

from ..dates import DateMention, parse_iso
from ..identity import name_of, title_words
from ..lexicon import countries, event_words, sides, titles, words_regex
from ..model import Agreement, Event, Evidence
from ..names import name_lexicon
from ..offices import office_key
from .agreements import ArticleAgreements, dating
from .doc import ArticleDoc
from .organisations import ArticleOrganisations
from .people import ArticlePeople
from .venues import country_named, country_of_place, english_place, fits_place, is_sea, place_in

# "today" in a quoted post is the day it was posted, not the day of the article.
_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]?")
# "... after meeting X", "before holding talks": a clause with no subject of its own shares the sentence's.
_NO_OWN_SUBJECT = re.compile(r"\s*(?:having\s+|being\s+)?(?:[a-z]+ing\s+)?")


# ---------------------------------------------------------------- lexicon words
def _words(name: str) -> re.Pattern[str]:
    return event_words().words(name)


@cache
def _negated() -> re.Pattern[str]:
    """A negation right before a trigger: "no joint press conference", "did not meet"."""
    neg = event_words().data["negation"]
    det, verbal = "|".join(neg["determiners"]), "|".join(neg["verbal"])
    return re.compile(rf"\b(?:(?i:{det})(?:\s+[a-z][\w-]*){{0,2}}|(?i:{verbal}))\s+$")


@cache
def _founded() -> re.Pattern[str]:
    """A founding verb right before a trigger, up to three words apart: "agreed to set up a joint working group"."""
    return re.compile(rf"\b(?:{_words('founding').pattern})(?:\s+[\w'-]+){{0,3}}?\s+$", re.IGNORECASE)


def _passive(text: str, trig: _Trigger) -> bool:
    """ "X was received by Y": the trigger in the passive, with its agent after it."""
    before = re.search(rf"\b(?:{_words('passive_auxiliaries').pattern})\s+(?:[a-z]+ly\s+)?$", text[:trig.start],
                       re.IGNORECASE)
    after = re.match(rf"\s+(?:{_words('passive_agents').pattern})\b", text[trig.end:], re.IGNORECASE)
    return bool(before and after)


@cache
def _ends() -> re.Pattern[str]:
    """Words right before a date that make it a happening's last day: "and will end on February 25"."""
    return re.compile(rf"(?:{_words('end_markers').pattern})\s+$", re.IGNORECASE)


@cache
def _ship(language: str | None = None) -> re.Pattern[str]:
    """A ship's name after its prefix ("INS Tamal"). The Italian press writes the prefix in title case
    ("Its Trieste", "Ins Tamal"), which in English text would be a pronoun ("Its Navy")."""
    prefixes = list(name_lexicon()["ship_prefixes"])
    if language == "it":
        prefixes += [p.title() for p in prefixes if p.isupper() and len(p) >= 3]
    return re.compile(rf"\b((?:{'|'.join(prefixes)})\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)")


@cache
def _speech() -> re.Pattern[str]:
    return words_regex(name_lexicon()["speech_verbs"])


@cache
def _modifier() -> re.Pattern[str]:
    """A planning word right before a noun trigger: "the upcoming state visit"."""
    return re.compile(rf"(?:{_words('planned_modifiers').pattern})(?:\s+[\w-]+)?\s+$", re.IGNORECASE)


@cache
def _planned_after() -> re.Pattern[str]:
    """A planning phrase right after a trigger: "a seminar scheduled for May"."""
    return re.compile(rf"\s*,?\s*(?:{_words('planned_after').pattern})", re.IGNORECASE)


def _ship_name(name: str) -> str:
    """ "Its Trieste" -> "ITS Trieste": the prefix as the lexicon writes it."""
    prefix, _, rest = name.partition(" ")
    return f"{prefix.upper()} {rest}" if prefix.upper() in name_lexicon()["ship_prefixes"] else name


# ---------------------------------------------------------------- data
@dataclass
class _Trigger:
    kind: str
    start: int
    end: int
    text: str
    reference: bool = False
    verb: str | None = None  # how a title says it ("calls on"), when not "meets"
    # The clause the trigger reports, as offsets in the sentence: its date and place are found there.
    lo: int = 0
    hi: int = 1 << 30


@dataclass
class _Clause:
    trig: _Trigger
    subject: list[str]
    objects: list[str]


@dataclass
class _Sentence:
    index: int
    text: str
    mentions: list[tuple[int, str]]  # (position, person id)
    dates: list[DateMention]  # when things happened (not the dateline's, not a last day)
    ends: list[DateMention]  # last days of happenings
    triggers: list[_Trigger]
    future: bool


@dataclass
class _Candidate:
    event: Event
    sentence: int
    date_basis: str  # text | context | publication | none
    subject: list[str] = field(default_factory=list)
    objects: list[str] = field(default_factory=list)
    named: bool = False
    verb: str = "meets"


@dataclass
class _Story:
    """What the article has told so far: its events, and the date, place and person it is about."""

    doc: ArticleDoc
    candidates: list[_Candidate] = field(default_factory=list)
    date: str | None = None
    place: str | None = None
    subject: str | None = None

    @property
    def pub(self) -> str | None:
        # A page dated only by its month ("2023-03") still dates what it reports to that month.
        return self.doc.anchor.isoformat() if self.doc.anchor else self.doc.source.published


# ---------------------------------------------------------------- triggers
def _triggers(text: str) -> list[_Trigger]:
    lex = event_words()
    if not lex.any.search(text):
        return []
    refs = [m.span() for p in lex.references for m in p.finditer(text)]
    found: list[_Trigger] = []
    for tp in lex.triggers:
        for m in tp.pattern.finditer(text):
            if any(t.start < m.end() and m.start() < t.end for t in found):
                continue
            if _negated().search(text, 0, m.start()):
                continue  # "with no joint press conference": what did not happen names no kind
            if _founded().search(text, 0, m.start()):
                continue  # "agreed to set up a joint working group": a body to be, not a happening
            ref = any(a <= m.start() and m.end() <= b for a, b in refs)
            found.append(_Trigger(tp.kind, m.start(), m.end(), m.group(), ref, tp.title))
    return sorted(found, key=lambda t: t.start)


# A name in quotes beside a trigger: 'exercise "Sea Shield"', 'l'esercitazione «Mare Aperto»', '"Alpine Star", la
# prima esercitazione'. Every word capitalised but the small ones, so a quoted remark is no name.
_QUOTED_NAME = r"[«\"“]([A-Z][\w'’-]*(?:\s+(?:[A-Z0-9][\w'’-]*|di|del|della|of|the|de))*)[»\"”]"
_NAME_AFTER = re.compile(rf"\s+(?:(?:di tipo|denominat[ao]|chiamat[ao]|called|named|code-named)\s+)?{_QUOTED_NAME}")
_NAME_BEFORE = re.compile(rf"{_QUOTED_NAME},?\s+(?:(?:la|il|l['’]|the|a|an|un|una|un['’])\s*)?(?:[\w-]+\s+){{0,3}}$")


def _event_name(text: str, trig: _Trigger) -> str | None:
    """A capitalised name around the trigger ("11th India-Italy Joint Defence Committee meeting"), or a quoted
    one beside it."""
    quoted = _NAME_AFTER.match(text, trig.end) or _NAME_BEFORE.search(text[max(0, trig.start - 120):trig.start])
    if quoted and len(quoted.group(1).split()) <= 5:
        return quoted.group(1)
    cap = r"(?:\d+(?:st|nd|rd|th)\s+)?(?:[A-Z0-9][\w+'’–-]*\s+)*"
    left = re.search(rf"{cap}$", text[:trig.start])
    name_left = left.group() if left else ""
    name_left = re.sub(r"^(?:The|A|An|In|On|At|During|After)\s+", "", name_left)
    word = trig.text
    if not (word[:1].isupper() or word[:1].isdigit() or name_left.strip()):
        return None
    right = re.match(r"(?:\s+(?:of|on|for)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*|\s+meeting|\s+\(\w+\))?",
                     text[trig.end:])
    tail = right.group() if right else ""
    name = (name_left + word + tail).strip()
    words = name.split()
    caps = [w for w in words if w[:1].isupper() or w[:1].isdigit()]
    if len(words) < 2 or len(caps) < 2:
        return None
    return name


# ---------------------------------------------------------------- one sentence
def _read(doc: ArticleDoc, index: int, people: ArticlePeople) -> _Sentence:
    """A sentence with the people it names, its dates and its triggers."""
    sent = doc.sentences[index]
    text = sent.text
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    # The dateline's date is when the story was filed, not when things happened.
    skip_before = doc.dateline_end - sent.start if sent.start < doc.dateline_end <= sent.start + len(text) else 0
    dates = [d for d in doc.dates(index) if d.start >= skip_before
             and not (d.relative and any(a <= d.start < b for a, b in quoted))]
    # "... and will end on February 25": the last day of a happening, not the day of another one.
    ends = [d for d in dates if _ends().search(text, 0, d.start)]
    dates = [d for d in dates if d not in ends]
    return _Sentence(index, text, _mentions(text, index, people), dates, ends, _triggers(text),
                     bool(_words("planned").search(text)))


def _mentions(text: str, index: int, people: ArticlePeople) -> list[tuple[int, str]]:
    """(position, person id) of the people a sentence names, by name or by office ("the Chief of Army Staff")."""
    out = [(m.start, people.people[m.person].id) for m in people.in_sentence(index)]  # type: ignore[index]
    taken = [(m.start, m.end) for m in people.in_sentence(index)]
    named = {pid for _, pid in out}
    for p in people.people:
        if p.id in named:
            continue
        for role in p.roles:
            title = role.title.split(",")[0]
            if len(title.split()) < 2:
                continue  # two words at least
            key = office_key(title)
            common = key in _COMMON_OFFICES
            rank = titles().rank_of(title.split())
            if rank and rank[1] == len(title.split()):
                continue  # a rank ("Rear Admiral") is held by many, and names no one
            for m in re.finditer(_COMMON_OFFICES[key] if common else rf"\b{re.escape(title)}\b", text, re.IGNORECASE):
                # Not an office right before or after a name: "Chief of Defence Staff, Admiral X" is X's.
                if any(a <= m.start() < b + 40 or m.end() <= a <= m.end() + 12 for a, b in taken):
                    continue
                # An office every country has names its holder only with the country: "the Italian Defence
                # Minister", "the Defence Minister of Italy".
                if not common or (p.country and _office_country(text, m.start(), m.end()) == p.country):
                    out.append((m.start(), p.id))
    return sorted(out)


# Offices every country has, in their wordings ("Defence Minister", "Minister of Defence").
_COMMON_OFFICES = {"defence minister": r"\b(?:defen[cs]e minister|minister of defen[cs]e)\b",
                   "prime minister": r"\bprime minister\b"}
_COUNTRY_BEFORE = re.compile(r"([A-Z][a-z]+)(?:['’]s)?\s+$")
_COUNTRY_AFTER = re.compile(r"\s+of\s+([A-Z][a-z]+)\b")


def _office_country(text: str, start: int, end: int) -> str | None:
    """The country an office is qualified with: "Italy's Defence Minister", "the Defence Minister of Italy"."""
    before = _COUNTRY_BEFORE.search(text, max(0, start - 20), start)
    after = _COUNTRY_AFTER.match(text, end)
    for m in (before, after):
        if m and (country := countries().country_of(m.group(1))):
            return country
    return None


def _people_in(s: _Sentence, lo: int, hi: int, exclude: Collection[str] = ()) -> list[str]:
    return [pid for pos, pid in s.mentions if lo <= pos < hi and pid not in exclude]


# ---------------------------------------------------------------- clauses
def _clauses(s: _Sentence, last_subject: str | None) -> list[_Clause]:
    """Triggers of one sentence, each with its subject and objects; triggers that add no one join the one before."""
    trigs = s.triggers
    if not trigs:
        return []
    subject = _people_in(s, 0, trigs[0].start)
    if not subject and last_subject and _words("pronoun_subjects").search(s.text[:trigs[0].start + 1]):
        subject = [last_subject]
    out: list[_Clause] = []
    for n, trig in enumerate(trigs):
        nxt = trigs[n + 1].start if n + 1 < len(trigs) else len(s.text)
        objects = _people_in(s, trig.start, nxt, subject)
        if out and not subject and not trig.reference:
            objects = _actors_after_reference(out[-1], s, trig, objects)
            if _words("pronoun_subjects").search(s.text[trigs[n - 1].end:trig.start]):
                subject = [last_subject] if last_subject else []
        if n > 0 and not trig.reference and out:
            timed = _clause_of_time(out[-1], trigs[n - 1], trig, s, nxt)
            if timed is not None:
                out.append(timed)
                subject = timed.subject
                continue
        if n > 0 and out and _another_day(out[-1].trig, trigs[n - 1], trig, nxt, s.dates):
            out.append(_Clause(trig, subject, objects))
            continue
        if not _joins_previous(out, trig, objects, s):
            out.append(_Clause(trig, subject, objects))
    return out


def _actors_after_reference(prev: _Clause, s: _Sentence, trig: _Trigger, objects: list[str]) -> list[str]:
    """ "Preparations for the visit gathered pace when a team led by X held talks": the people between a
    back-reference and this trigger are who acted, not the reference's objects."""
    if not (prev.trig.reference and prev.trig.start >= 5):
        return objects
    between = _people_in(s, prev.trig.end, trig.start)
    if not between:
        return objects
    prev.objects = [p for p in prev.objects if p not in between]
    return list(dict.fromkeys(between + objects))


def _clause_of_time(prev: _Clause, before: _Trigger, trig: _Trigger, s: _Sentence, nxt: int) -> _Clause | None:
    """The happening of a clause of time ("after meeting X", "days after two ships held an exercise") is
    another one: its subject is who acts in that clause, else the sentence's when the clause has none."""
    sub = _words("subordinators").search(s.text, before.end, trig.start)
    if not sub:
        return None
    own = _people_in(s, sub.start(), trig.start)
    prev.objects = [p for p in prev.objects if p not in own]
    prev.trig.hi = sub.start()
    trig.lo = sub.start()
    gap = s.text[sub.end():trig.start]
    if not own and (_NO_OWN_SUBJECT.fullmatch(gap) or _words("pronoun_subjects").search(gap)):
        own = list(prev.subject)
    return _Clause(trig, own, _people_in(s, trig.start, nxt, own))


def _another_day(prev: _Trigger, before: _Trigger, trig: _Trigger, nxt: int, dates: list[DateMention]) -> bool:
    """ "toured the base on Tuesday and met the minister on Wednesday": two days, two happenings. When the
    clause of `trig` has a date of its own other than the clause before it, both clauses get their bounds."""
    if trig.reference or prev.reference:
        return False
    # Only dates of a month or a day: "later this year" dates no clause of its own.
    own = [d for d in dates if trig.end <= d.start < nxt and len(d.value) >= 7]
    earlier = [d for d in dates if prev.lo <= d.start < trig.start and d.start < prev.hi and len(d.value) >= 7]
    if not own or not earlier or own[0].value == earlier[-1].value:
        return False
    if own[0].end_value and earlier[-1].value <= own[0].end_value and own[0].value <= earlier[-1].value:
        return False  # a range that holds the other date
    prev.hi = trig.lo = max(earlier[-1].end, before.end)
    return True


def _joins_previous(out: list[_Clause], trig: _Trigger, objects: list[str], s: _Sentence) -> bool:
    """Whether `trig` only goes on about the clause before it ("met X and held talks"), which then takes
    its people, the stronger kind and the wider bounds."""
    if not out:
        return False
    prev = out[-1]
    new_people = [o for o in objects if o not in prev.objects]
    if (prev.trig.kind == "visit" and trig.kind == "meeting" and new_people
            and (prev.trig.reference or _dated_between(s, prev.trig, trig))):
        # "visited Rome on May 6, during which he held talks with X", "the visit began with a meeting with X":
        # the talks are a part of the visit; "X, who is on a visit to Italy, met Y" tells one meeting.
        return False
    if prev.trig.reference and prev.trig.start < 5 and trig.kind in {"meeting", "visit"} and not trig.reference:
        # "The meeting was co-chaired by X and Y": the sentence is about the event it names.
        prev.objects = list(dict.fromkeys(prev.objects + objects))
        return True
    if trig.reference or prev.trig.reference:
        return False
    if _said_status(s, prev.trig) != _said_status(s, trig):
        # "X, who will visit Kochi next month, on Monday met Y": one happening told, one to come.
        comma = s.text.find(",", prev.trig.end, trig.start)
        prev.trig.hi = trig.lo = comma if comma >= 0 else trig.start
        return False
    if new_people and prev.objects and trig.kind in {"meeting", "visit", "ceremony"}:
        return False  # "met X and called on Y": two meetings
    keep = prev.trig if _stronger(prev.trig.kind, trig.kind) == prev.trig.kind else trig
    keep.lo, keep.hi = min(prev.trig.lo, trig.lo), max(prev.trig.hi, trig.hi)
    out[-1] = _Clause(keep, prev.subject, list(dict.fromkeys(prev.objects + objects)))
    return True


def _stronger(a: str, b: str) -> str:
    order = event_words().precedence
    return a if order.index(a) <= order.index(b) else b


# ---------------------------------------------------------------- candidates
@dataclass
class _Facts:
    """What one clause says of its happening: kind, people, status, name, place, ships and dates."""

    kind: str
    participants: list[str]
    status: str
    name: str | None
    place: str | None
    ships: list[str]
    dates: list[DateMention]  # the clause's own dates
    date: DateMention | None  # the one that dates the happening
    said: str | None = None  # for a promise ("X says the two sides will sign ..."): the title


def _facts(c: _Clause, s: _Sentence, anchor: dt.date | None, language: str | None = None) -> _Facts:
    trig = c.trig
    # "a keynote address during the Defence Industry Roundtable": the name may sit at another trigger.
    name = _event_name(s.text, trig) or next(
        (n for t in s.triggers if t.kind == trig.kind and not t.reference and (n := _event_name(s.text, t))), None)
    clause = s.text[trig.lo:trig.hi]
    ships = [_ship_name(x) for x in _ship(language).findall(clause)] if trig.kind == "exercise" else []
    # "The Joint Working Group, set up in 2019, met on Monday": when a body was founded is not when it met.
    here = [d for d in s.dates if trig.lo <= d.start < trig.hi and not _founding_date(s.text, d)]
    d = _pick_date(here, trig)
    f = _Facts(trig.kind, list(dict.fromkeys(c.subject + c.objects)), _status(s, trig, d, anchor), name,
               _place(s.text, trig), ships, here, d)
    if trig.kind == "ceremony":
        honoured = {pid for pos, pid in s.mentions if _honoured(s.text, pos)}
        f.participants = [p for p in f.participants if p not in honoured]
        c.subject[:] = [p for p in c.subject if p not in honoured]
        c.objects[:] = [p for p in c.objects if p not in honoured]
    if f.status in {"planned", "proposed"} and trig.kind == "visit":
        # "X said Y could visit Italy", "X invited Y to visit": who is to visit is named last before the verb.
        f.participants = _people_in(s, trig.lo, trig.start)[-1:] or f.participants
    if f.status in {"planned", "proposed"} and trig.kind == "signing":
        _as_promise(f, s, trig)
    return f


@cache
def _honour_cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    before = _words("honoured_before").pattern
    after = "|".join(event_words().data["honoured_after"])
    return (re.compile(rf"(?:{before})\s+(?:[\w.'’-]+\s+){{0,4}}$", re.IGNORECASE),
            re.compile(rf"(?:[A-Z][\w.'’-]*\s+){{1,5}}(?i:{after})\b"))


def _honoured(text: str, pos: int) -> bool:
    """Whether the person named at `pos` is whom a commemoration honours: "a memorial built for X",
    "the X Memorial"."""
    before, after = _honour_cues()
    return bool(before.search(text[max(0, pos - 80):pos]) or after.match(text, pos))


def _as_promise(f: _Facts, s: _Sentence, trig: _Trigger) -> None:
    """ "The ambassador said the two countries will soon sign a pact": the promise is the happening, an
    announcement by whoever made it; what is to be signed is no agreement yet."""
    speech = _speech()
    said = [m for m in speech.finditer(s.text, trig.lo, trig.start)]
    if said:
        speakers = _people_in(s, trig.lo, said[-1].start())[-1:]
        reported = re.sub(r"^\s*(?:that\s+)?", "", s.text[said[-1].end():trig.end])
    else:  # "'We will sign ...,' said X"
        after = speech.search(s.text, trig.end)
        speakers = _people_in(s, after.end(), after.end() + 40)[:1] if after else []
        reported = ""
    if not speakers:
        return
    f.kind, f.status, f.participants = "announcement", "happened", speakers
    what = _object_phrase(s.text, trig.end)
    f.said = f"says {reported} {what}".replace("  ", " ").strip() if reported else f"promises to sign {what}".strip()


_PHRASE_STOPS = {"to", "which", "that", "who", "during", "after", "before", "while", "as", "when", "where", "and",
                 "but", "on", "at", "from", "with", "by", "for", "said", "says", "in"}


def _object_phrase(text: str, start: int, max_words: int = 8) -> str:
    """The words after a verb up to the end of its object: "a bilateral pact in the defence sector"."""
    out: list[str] = []
    for w in re.findall(r"[^\s,;:.!?()\"“”]+|[,;:.!?()\"“”]", text[start:]):
        if not w[0].isalnum() or (w.lower() in _PHRASE_STOPS and len(out) > 2) or len(out) >= max_words:
            break
        out.append(w)
    return " ".join(out)


def _place(text: str, trig: _Trigger) -> str | None:
    """The place a trigger's clause names."""
    if trig.lo or trig.hi < len(text):
        return place_in(text[trig.lo:trig.hi], trig.start - trig.lo)
    return place_in(text, trig.start)


def _worth_an_event(f: _Facts, clause: str) -> bool:
    """Only reported happenings: someone took part, or it has a name, or (for exercises) ships and a place."""
    happened, participants = f.status == "happened", f.participants
    if not happened and _words("generic").search(clause) and not f.dates and not participants:
        return False  # "exercises will be deepened": a plan, not a happening
    if f.kind == "exercise":
        return bool(f.ships or f.name or (f.place and f.dates))
    if f.kind == "meeting" and f.name and f.dates and happened:
        return True  # "the fourth round of the India-Italy Roadmap talks on Tuesday": who led it may follow
    if f.kind in {"meeting", "signing"}:
        return len(participants) >= 1
    if f.kind == "announcement":
        return bool(participants) and happened
    if f.kind == "visit":
        return bool(participants) or bool(f.dates and f.place)
    return bool(participants or f.name)


def _said_status(s: _Sentence, trig: _Trigger) -> str:
    """Planned or proposed when the words governing the trigger say so ("is expected to visit", "could
    visit", "the upcoming visit", "a seminar scheduled for May"), else happened."""
    prev_end = max((t.end for t in s.triggers if t.end <= trig.start), default=0)
    # The words that govern a trigger stand in its own clause: after the last comma before it.
    lo = max(trig.lo, prev_end, s.text.rfind(",", 0, trig.start) + 1, trig.start - 90)
    before = s.text[lo:trig.end]
    if _words("proposed").search(before):
        return "proposed"
    if (_words("planned").search(before) or _modifier().search(s.text, lo, trig.start)
            or _planned_after().match(s.text, trig.end)):
        return "planned"
    prev = next((t for t in reversed(s.triggers) if t.end <= trig.start), None)
    if prev is not None and re.fullmatch(r"[^,;:]*\band\s+", s.text[prev.end:trig.start]):
        return _said_status(s, prev)  # "is scheduled to address a round table and visit firms"
    return "happened"


def _status(s: _Sentence, trig: _Trigger, d: DateMention | None, anchor: dt.date | None) -> str:
    """Whether the happening of a clause took place: happened, planned, proposed, postponed or cancelled."""
    clause = s.text[trig.lo:trig.hi]
    for status in ("postponed", "cancelled"):
        if _words(status).search(clause):
            return status
    said = _said_status(s, trig)
    if said != "happened":
        return said
    span = parse_iso(d.value) if d is not None else None
    if span and anchor and span[0] > anchor:
        return "planned"  # dated after the article was published
    return "happened"


def _founding_date(text: str, d: DateMention) -> bool:
    before = text[max(0, d.start - 40):d.start]
    return bool(re.search(rf"\b(?:{_words('founding').pattern})\s+(?:in|on|since)?\s*$", before, re.IGNORECASE))


def _pick_date(dates: list[DateMention], trig: _Trigger) -> DateMention | None:
    if not dates:
        return None
    # The nearest date after the trigger; one before it counts as a little farther.
    return min(dates, key=lambda d: d.start - trig.end if d.start >= trig.start else trig.start - d.end + 40)


def _is_background(value: str | None, anchor: dt.date | None) -> bool:
    if not value or not anchor:
        return False
    span = parse_iso(value)
    return bool(span and (anchor - span[1]).days > 45)


def _already_told(story: _Story, c: _Clause, s: _Sentence, participants: list[str], place: str | None) -> bool:
    """ "Gen X's visit to Italy comes ...": with no date of its own, a visit by people already seen visiting
    is the visit already told; the sentence is more evidence for it."""
    if c.trig.kind != "visit" or not participants:
        return False
    told = next((k for k in reversed(story.candidates) if k.event.kind == "visit"
                 and set(participants) <= set(k.event.participants)), None)
    if told is None or place not in {None, told.event.place}:
        return False
    _add_evidence(told.event, story.doc.source.id, s.text)
    return True


def _date_of(story: _Story, d: DateMention | None, earlier: _Candidate | None,
             status: str) -> tuple[str | None, str | None, str]:
    """Date, end date and basis: the clause's own date, else the story's, else the publication date.
    A happening still to come has only its own date, or the month it was announced in; one postponed
    has none until the article gives the new one."""
    if status == "postponed":
        return None, None, "none"
    if d is not None:
        return d.value, d.end_value, "text"
    if earlier is not None:
        # The same people were last seen in that event: the sentence goes on about it.
        return earlier.event.date, earlier.event.end_date, "context"
    if status != "happened":
        return (story.pub[:7], None, "publication") if story.pub else (None, None, "none")
    if story.date:
        return story.date, None, "context"
    if story.pub:
        return story.pub, None, "publication"
    return None, None, "none"


def _candidate(story: _Story, c: _Clause, s: _Sentence, people: ArticlePeople, orgs: ArticleOrganisations,
               sentence_place: str | None) -> _Candidate | None:
    """The event a clause reports, or None when it reports no happening worth one."""
    trig = c.trig
    f = _facts(c, s, story.doc.anchor, story.doc.language)
    if not _worth_an_event(f, s.text[trig.lo:trig.hi]):
        return None
    if f.kind == "announcement" and not f.said and any(t.kind != "announcement" for t in s.triggers):
        return None  # "X will visit India, the ministry announced": the announcement only reports the visit
    if f.date is None and _already_told(story, c, s, f.participants, f.place):
        return None
    earlier = _latest_with(story.candidates, f.participants, f.status == "happened")
    date, end, basis = _date_of(story, f.date, earlier, f.status)
    place = f.place
    if place is None and earlier is not None and basis == "context":
        place = earlier.event.place
    background = _is_background(date, story.doc.anchor)
    if background and f.status in {"planned", "proposed"}:
        return None  # a plan dated long past is another happening's date
    if (place is None and f.status == "happened" and (basis != "text" or not background)
            and not _words("en_route").search(s.text)):
        told = _inherited_place(sentence_place if trig.lo else story.place, f.kind, story)
        place = told if fits_place(told, s.text[trig.lo:trig.hi]) else None
    source_id = story.doc.source.id
    ev = Event(id="", title="", kind=f.kind, date=date, end_date=end, place=place, participants=f.participants,
               evidence=[Evidence(source_id, s.text)], sources=[source_id], background=background, status=f.status)
    ev.organisations = [orgs.organisations[i].id for i in orgs.by_sentence.get(s.index, [])
                        if orgs.organisations[i].id]
    # "X was received by Y": Y received X.
    subject, objects = (c.objects, c.subject) if _passive(s.text, trig) else (c.subject, c.objects)
    cand = _Candidate(ev, s.index, basis, subject, objects, bool(f.name), trig.verb or "meets")
    destination = country_named(s.text[trig.lo:trig.hi]) if f.kind == "visit" else None
    ev.title = (f"{_join(_names(f.participants, people))} {f.said}" if f.said
                else _title(cand, f.name, people, f.ships, destination))
    return cand


def _inherited_place(place: str | None, kind: str, story: _Story) -> str | None:
    """The story's place, for a happening whose clause names none. A sea is where ships were, not where people
    met or visited; the dateline is where the story was filed, not where ships exercised."""
    if place is None:
        return None
    if kind != "exercise" and is_sea(place):
        return None
    if kind == "exercise" and story.doc.dateline and place == english_place(story.doc.dateline.place):
        return None
    return place


def _latest_with(candidates: list[_Candidate], participants: list[str], done: bool = True) -> _Candidate | None:
    """The latest dated event of any of these people that took place (or, with `done` false, is to come)."""
    for c in reversed(candidates):
        if (c.date_basis in {"text", "context"} and (c.event.status == "happened") == done
                and set(participants) & set(c.event.participants)):
            return c
    return None


def _add_evidence(ev: Event, source_id: str, text: str) -> None:
    if not any(e.quote == text for e in ev.evidence):
        ev.evidence.append(Evidence(source_id, text))


# ---------------------------------------------------------------- the extractor
def find_events(doc: ArticleDoc, people: ArticlePeople, orgs: ArticleOrganisations,
                agreements: ArticleAgreements) -> list[Event]:
    story = _Story(doc, place=english_place(doc.dateline.place) if doc.dateline else None)
    for index in range(len(doc.sentences)):
        _tell(story, _read(doc, index, people), people, orgs, agreements)
    events = _merge_all(story.candidates)
    for i, ev in enumerate(events):
        ev.id = f"ev-{i}"
    _link_agreements(events, agreements, doc)
    _mark_bilateral(events, people)
    return events


def _tell(story: _Story, s: _Sentence, people: ArticlePeople, orgs: ArticleOrganisations,
          agreements: ArticleAgreements) -> None:
    """Add what one sentence reports to the story."""
    made = len(story.candidates)
    first_subject = s.mentions[0][1] if s.mentions else None
    collective = _words("collective_subjects").search(s.text)
    if not s.mentions and story.candidates and collective:
        # "The co-chairs signed ...": the people of the event just told.
        s.mentions = [(collective.start(), pid) for pid in story.candidates[-1].event.participants]
    clauses = _clauses(s, story.subject) if not _words("unrealised").search(s.text) else []
    if not clauses:
        _join_delegation_leads(story, s)
    sentence_place = story.place
    for c in clauses:
        if c.trig.reference and (_refer(story, c, s) or not (_dated_here(s, c.trig) or _attended(c))):
            continue
        c.trig.reference = False  # "the maiden exercise by two navies, from May 3 to 6" told first: a first mention
        cand = _candidate(story, c, s, people, orgs, sentence_place)
        if cand is None:
            continue
        story.candidates.append(cand)
        ev = cand.event
        if ev.status != "happened":
            continue  # what is still to come does not move the story on
        if cand.date_basis == "text" and not ev.background:
            story.date = ev.date
        if ev.place and not ev.background:
            story.place = ev.place
        elif not fits_place(story.place, s.text[c.trig.lo:c.trig.hi]):
            story.place = None  # the story has moved to another country than the dateline's
    if s.ends:
        _set_end(story.candidates, made, s.triggers, s.ends[-1])
    _signing(story, s, agreements, made, people)
    # "On Monday he called on X": the subject stays who "he" was, not the first name the sentence gives.
    told_subject = clauses[0].subject[0] if clauses and clauses[0].subject else None
    if told_subject or first_subject:
        story.subject = told_subject or first_subject
    # A sentence with an explicit date and no event still moves the story on.
    if len(story.candidates) == made and s.dates and not s.future and not _is_background(s.dates[0].value,
                                                                                           story.doc.anchor):
        story.date = s.dates[0].value


def _join_delegation_leads(story: _Story, s: _Sentence) -> None:
    """ "The Indian side was led by X, while the Italian delegation was led by Y": the people join the event
    just told."""
    if not (s.mentions and story.candidates and _words("delegation_leads").search(s.text)):
        return
    ev = story.candidates[-1].event
    ev.participants = list(dict.fromkeys(ev.participants + [pid for _, pid in s.mentions]))
    _add_evidence(ev, story.doc.source.id, s.text)


def _refer(story: _Story, c: _Clause, s: _Sentence) -> bool:
    """ "The exercise on July 4 and 5 covered ...": evidence, and a better date, for an event already read.
    False when the article has told no such event yet."""
    kind, trig, candidates = c.trig.kind, c.trig, story.candidates
    target = next((k for k in reversed(candidates) if k.event.kind == kind), None)
    if target is None and kind in {"meeting", "visit"}:
        target = next((k for k in reversed(candidates) if k.event.kind in {"meeting", "visit", "committee"}), None)
    if target is None and kind == "ceremony":  # "... who joined the ceremony": the signing just told
        target = next((k for k in reversed(candidates) if k.event.kind == "signing"), None)
    if target is None:
        return False
    if trig.start < 5:  # the sentence's subject is the event: its people took part
        target.event.participants = list(dict.fromkeys(target.event.participants + c.subject + c.objects))
    elif kind == "ceremony":  # "X represented India at the ceremony": who was there took part
        target.event.participants = list(dict.fromkeys(target.event.participants + c.subject))
    _add_evidence(target.event, story.doc.source.id, s.text)
    d = _pick_date(s.dates, trig)
    if d is None:
        return True
    # "The visit, originally planned for November, was put off" dates no visit that took place; "the visit
    # is now likely in March" dates the one put off.
    told = _status(s, trig, d, story.doc.anchor) == "happened"
    if told == (target.event.status == "happened") and target.date_basis != "text":
        target.event.date, target.event.end_date, target.date_basis = d.value, d.end_value, "text"
        target.event.background = _is_background(d.value, story.doc.anchor)
    return True


def _attended(c: _Clause) -> bool:
    """ "X represented India at the ceremony": who attended a ceremony not told before tells it."""
    return c.trig.kind == "ceremony" and bool(c.subject or c.objects)


def _dated_between(s: _Sentence, a: _Trigger, b: _Trigger) -> bool:
    return any(a.end <= d.start < b.start for d in s.dates)


def _dated_here(s: _Sentence, trig: _Trigger) -> bool:
    """Whether a day follows the trigger before any other trigger: "the exercise ... from May 3 to 6" (a
    month, as in "preparations for the visit gathered pace last month", may be the sentence's)."""
    nxt = min((t.start for t in s.triggers if t.start > trig.start), default=len(s.text))
    return any(trig.end <= d.start < nxt and len(d.value) == 10 for d in s.dates)


def _set_end(candidates: list[_Candidate], made: int, trigs: list[_Trigger], end: DateMention) -> None:
    """The end date of the happening a sentence tells (or goes on about), when it falls after its start."""
    kinds = {t.kind for t in trigs}
    target = candidates[-1] if len(candidates) > made else next(
        (c for c in reversed(candidates) if c.event.kind in kinds), None)
    if target is None or not target.event.date:
        return
    start, last = parse_iso(target.event.date), parse_iso(end.end_value or end.value)
    if start and last and last[1] > start[1]:
        target.event.end_date = end.end_value or end.value


def _signing(story: _Story, s: _Sentence, agreements: ArticleAgreements, made: int, people: ArticlePeople) -> None:
    """A sentence that concludes an agreement and reports no other happening is a signing."""
    signed = [i for i, s_list in agreements.concluded_in.items() if s.index in s_list]
    if not signed or any(c.sentence == s.index for c in story.candidates[made:]):
        return
    if any(t.reference for t in s.triggers) and not s.mentions:
        return  # "As part of the visit, an MoU was signed": with no one named, the signing belongs to the visit
    if _signing_told(story, s, agreements, signed):
        return
    agrs = [agreements.agreements[i] for i in signed]
    participants = list(dict.fromkeys(pid for a in agrs for pid in a.signatories)) or [pid for _, pid in s.mentions]
    between_companies = any(set(a.parties) - set(sides().pair) for a in agrs)
    if not participants and not between_companies:
        return  # "the nations signed ...": the event it belongs to tells it
    d = s.dates[0] if s.dates else None
    earlier = _latest_with(story.candidates, participants)
    if d is not None:
        date, end, basis = d.value, d.end_value, "text"
    elif earlier is not None:
        date, end, basis = earlier.event.date, earlier.event.end_date, "context"
    elif story.date:
        date, end, basis = story.date, None, "context"
    else:
        date, end, basis = story.pub, None, "publication" if story.pub else "none"
    place = place_in(s.text) or (earlier.event.place if earlier else None) or story.place
    source_id = story.doc.source.id
    ev = Event(id="", title=f"Signing of {agrs[0].title}", kind="signing", date=date, end_date=end, place=place,
               participants=participants, evidence=[Evidence(source_id, s.text)], sources=[source_id],
               background=_is_background(date, story.doc.anchor))
    story.candidates.append(_Candidate(ev, s.index, basis, participants[:1], participants[1:], True))


def _signing_told(story: _Story, s: _Sentence, agreements: ArticleAgreements, signed: list[int]) -> bool:
    """ "The memorandum signed is one of the priorities set last November ...": a signing an earlier sentence
    told is that signing again (more evidence), and the sentence's date is another happening's."""
    earlier = {i for k in signed for i in agreements.concluded_in[k] if i < s.index}
    if not all(any(i < s.index for i in agreements.concluded_in[k]) for k in signed):
        return False
    told = next((c for c in reversed(story.candidates) if c.sentence in earlier and c.event.kind == "signing"), None)
    if told is None:
        return False
    _add_evidence(told.event, story.doc.source.id, s.text)
    return True


# ---------------------------------------------------------------- titles
def _names(ids: list[str], people: ArticlePeople) -> list[str]:
    by_id = {p.id: p.name for p in people.people}
    return [by_id[i] for i in ids if i in by_id]


def _title(c: _Candidate, name: str | None, people: ArticlePeople, ships: list[str], country: str | None = None) -> str:
    """A title that says who did what where; a visit with no city known names the country it went to."""
    ev = c.event
    subj = _names(c.subject, people)
    objs = _names([o for o in c.objects if o not in c.subject], people)
    where = f" in {ev.place}" if ev.place else ""
    if name and (ev.kind not in {"meeting", "visit"} or (ev.kind == "meeting" and not (subj or objs))):
        return name
    if ev.kind == "meeting" and (subj or objs):
        a = subj or objs[:1]
        b = [o for o in objs if o not in a]
        if b:
            return f"{' and '.join(a)} {c.verb} {_join(b)}{where}"
        return f"Meeting of {_join(a)}{where}"
    if ev.kind == "visit":
        who = _join(subj or objs)
        to = ev.place or country
        if who:
            return f"{who} visits {to}" if to else f"Visit by {who}"
        return f"Visit to {to}" if to else "Visit"
    if ev.kind == "exercise" and ships:
        return f"{_join(list(dict.fromkeys(ships)))} exercise{where}"
    label = ev.kind.capitalize()
    who = _join(subj + objs)
    return f"{label}{where}" + (f" with {who}" if who else "")


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


# ---------------------------------------------------------------- merging within an article
def _compatible_dates(a: str | None, b: str | None, a_by: int = 1) -> bool:
    """Whether two dates may be one happening's; `a_by` is how many days `a` may come after `b`."""
    if a is None or b is None:
        return True
    sa, sb = parse_iso(a), parse_iso(b)
    if not sa or not sb:
        return a == b
    return sa[0] <= sb[1] + dt.timedelta(days=a_by) and sb[0] <= sa[1] + dt.timedelta(days=1)


def _dates_fit(a: _Candidate, b: _Candidate) -> bool:
    """A date that is only the publication's says the happening was by then: it fits any day of the week before."""
    ea, eb = a.event, b.event
    if a.date_basis == "publication":
        return _compatible_dates(ea.date, eb.end_date or eb.date, 8)
    if b.date_basis == "publication":
        return _compatible_dates(eb.date, ea.end_date or ea.date, 8)
    return _compatible_dates(ea.date, eb.date)


def _same(a: _Candidate, b: _Candidate) -> bool:
    ea, eb = a.event, b.event
    pa, pb = set(ea.participants), set(eb.participants)
    if ea.status != eb.status:
        return False  # what happened and what is only announced are told apart
    if a.named and b.named and _names_differ(ea.title, eb.title):
        return False  # "the Military Cooperation Group" and "the Joint Defence Committee": two bodies
    if ea.kind != eb.kind:
        # "co-chaired the Joint Defence Committee" and "the meeting with X": one event when
        # the meeting's people all took part in the committee.
        if not ({ea.kind, eb.kind} <= {"meeting", "committee", "dialogue"} and (a.named or b.named) and pa and pb
                and (pa <= pb or pb <= pa)):
            return False
    if not _dates_fit(a, b):
        return False
    if ea.place and eb.place and ea.place != eb.place:
        return False
    if ea.kind == "meeting" and pa and pb:
        return pa == pb or (len(pa & pb) >= 2) or pa <= pb or pb <= pa
    if pa and pb:
        return bool(pa & pb)
    # One account names no one: the same kind of happening at the same place on the same day is one event.
    return not (pa or pb) or ea.kind != "meeting"


def _names_differ(a: str, b: str) -> bool:
    """Two names of happenings that share no distinctive word (an acronym counts as one)."""
    wa, wb = name_of(a) | title_words(a)[0], name_of(b) | title_words(b)[0]
    return bool(wa and wb and not wa & wb)


_BASIS_RANK = {"text": 0, "context": 1, "publication": 2, "none": 3}


def _absorb(target: _Candidate, c: _Candidate) -> None:
    """Merge candidate `c` into `target`, the same happening: the better date, the stronger kind, all evidence."""
    t, e = target.event, c.event
    for q in e.evidence:
        if not any(q.quote == x.quote for x in t.evidence):
            t.evidence.append(q)
    t.participants = list(dict.fromkeys(t.participants + e.participants))
    t.organisations = list(dict.fromkeys(t.organisations + e.organisations))
    if _BASIS_RANK[c.date_basis] < _BASIS_RANK[target.date_basis] or (
            c.date_basis == target.date_basis and e.date and t.date and len(e.date) > len(t.date)):
        t.date, t.end_date, target.date_basis = e.date, e.end_date, c.date_basis
        t.background = e.background
    t.kind = _stronger(t.kind, e.kind)
    t.place = t.place or e.place
    if c.named and not target.named or (len(e.participants) > len(t.participants) and not target.named):
        t.title, target.named = e.title, c.named or target.named


def _merge_all(cands: list[_Candidate]) -> list[Event]:
    merged: list[_Candidate] = []
    for c in cands:
        target = next((m for m in merged if _same(m, c)), None)
        if target is None:
            merged.append(c)
        else:
            _absorb(target, c)
    for m in merged:
        m.event.date_basis = m.date_basis
    return [m.event for m in merged]


# ---------------------------------------------------------------- links
def _link_agreements(events: list[Event], agreements: ArticleAgreements, doc: ArticleDoc) -> None:
    """An agreement concluded in a sentence belongs to that sentence's event (or the story's) and takes its date."""
    # Each sentence belongs to the events it is evidence of, including sentences that only refer
    # to one ("As part of the visit, an MoU was signed"); a signing there comes first.
    index = {s.text: i for i, s in enumerate(doc.sentences)}
    by_sentence: dict[int, Event] = {}
    for ev in sorted(events, key=lambda e: e.kind != "signing"):
        for q in ev.evidence:
            if q.quote in index:
                by_sentence.setdefault(index[q.quote], ev)
    for idx in agreements.concluded_in:
        agr = agreements.agreements[idx]
        when = dating(doc, agreements, idx)
        dates = doc.dates(when.sentence)
        ev = by_sentence.get(when.sentence)
        if ev is None:
            earlier = [i for i in by_sentence if i < when.sentence]
            ev = by_sentence[max(earlier)] if earlier else None
            if ev is not None and (ev.background or (dates and not _compatible_dates(dates[0].value, ev.date))):
                ev = None  # the story's event is another day's
        if when.mention is not None:
            agr.date, agr.date_basis = when.mention.value, "text"
        elif when.background:
            agr.date = None  # told as earlier than the story, with no date of its own: unknown
        elif ev is not None:
            agr.date, agr.date_basis = ev.date, ev.date_basis or "context"
        elif doc.anchor:
            agr.date, agr.date_basis = doc.anchor.isoformat(), "publication"
        if ev is not None:
            _link(ev, agr)


def _link(ev: Event, agr: Agreement) -> None:
    if agr.id and agr.id not in ev.agreements:
        ev.agreements.append(agr.id)
    if ev.id and ev.id not in agr.events:
        agr.events.append(ev.id)
    if agr.signatories:
        ev.participants = list(dict.fromkeys(ev.participants + agr.signatories))


def _mark_bilateral(events: list[Event], people: ArticlePeople) -> None:
    """An event is between the two sides unless a third country takes part or hosts it."""
    country = {p.id: p.country for p in people.people}
    pair = sides().pair
    for ev in events:
        involved = {country.get(pid) for pid in ev.participants} - {None}
        place_country = country_of_place(ev.place)
        if place_country:
            involved.add(place_country)
        ev.bilateral = not (involved - set(pair))
