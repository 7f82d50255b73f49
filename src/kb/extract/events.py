"""Events of one article: what happened, when, where, and who took part.

A sentence reports an event with a trigger word ("met", "called on", "visited",
"exercise", "Joint Defence Committee") from the events lexicon. The people
before the first trigger are the subject; those after a trigger are its
objects. The date is a date phrase of the sentence, else the date of the story
the sentence continues, else the publication date (marked as such). Clauses
that only refer back ("during the meeting", "the exercise on July 4 and 5")
add evidence, and a date, to the event they refer to. Events of one article
that are the same happening are merged.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..dates import DateMention, parse_iso
from ..lexicon import countries, event_kinds, places, sides, titles
from ..model import Event, Evidence
from ..pubdate import parse_dateline
from .agreements import ArticleAgreements
from .doc import ArticleDoc
from .organisations import ArticleOrganisations
from .people import ArticlePeople
from .text import Sentence

_VERB_TITLE = {"called on": "calls on", "calls on": "calls on", "call on": "calls on", "received": "receives",
               "receives": "receives", "hosted": "hosts", "spoke to": "speaks with", "spoke with": "speaks with",
               "phone call": "speaks with", "telephone conversation": "speaks with"}
_FUTURE = re.compile(r"\b(?:will|shall|is (?:scheduled|slated|due|expected|set) to|are (?:scheduled|slated|due|"
                     r"expected|set) to|to be held|next (?:week|month|year)|plans? to|would)\b", re.IGNORECASE)
# "The visit ... has been postponed", "he was to have held talks": what did not take place is no event.
_UNREALISED = re.compile(r"\b(?:(?:has|have|had) been|(?:was|were|is|are)(?: being)?) "
                         r"(?:postponed|cancell?ed|called off|deferred|put off|shelved|scrapped|rescheduled)\b"
                         r"|\b(?:was|were) to have\b"
                         r"|\bhad to (?:postpone|cancel|call off|defer|put off)\b", re.IGNORECASE)
_GENERIC = re.compile(r"\b(?:more|further|greater|regular|deepen\w*|expand\w*|step(?:ped)? up|enhanc\w*|"
                      r"increase\w*|number of)\b", re.IGNORECASE)
# "He also met ...", "On Tuesday she laid a wreath", "the admiral laid ...": the person the story is about.
_PRONOUN_SUBJECT = re.compile(r"\b(?:[Hh]e|[Ss]he)\b|\b[Tt]he (?:admiral|general|minister|commodore|ambassador|"
                              r"secretary|chief|commander|envoy|air marshal|navy chief|army chief|air chief)\b")
_SHIP = re.compile(r"\b((?:INS|ITS|HMS|USS|FS|NRP|ICGS)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)")
# "The co-chairs signed ...", "the two ministers": the people of the event just told.
_COLLECTIVE = re.compile(r"\b(?:the|both) (?:two |three )?(?:co-chairs|ministers|chiefs|leaders|secretaries|"
                         r"commanders|admirals|generals|delegation heads|heads of delegation)\b", re.IGNORECASE)
# "today" in a quoted post is the day it was posted, not the day of the article.
_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]?")
# "no joint press conference", "without a ceremony", "little ceremony", "did not meet": a word under a
# negation tells what did not happen.
_NEGATED = re.compile(r"\b(?:(?i:no|without|little|nor)(?:\s+[a-z][\w-]*){0,2}"
                      r"|(?i:did|does|do|will|would|could|has|have|had)(?:\s+not|n['’]t)|(?i:never|not))\s+$")
_ENDS = re.compile(r"\b(?:(?:end|ends|ended|ending|conclude[sd]?|concluding|close[sd]?|closing|wind up|winds up|"
                   r"wound up|wrap(?:s|ped)? up)(?:\s+on)?|until|till)\s+$", re.IGNORECASE)
# "X's visit comes days after two ships held an exercise": a clause of time tells another happening.
_SUBORDINATE = re.compile(r"\b(?:after|before|following|ahead of|prior to|in the wake of|on the heels of)\b",
                          re.IGNORECASE)
# "... after meeting X", "before holding talks": a clause with no subject of its own shares the sentence's.
_NO_OWN_SUBJECT = re.compile(r"\s*(?:having\s+|being\s+)?(?:[a-z]+ing\s+)?")
# A sentence naming who led each side joins its people to the event just told.
_JOINS = re.compile(r"\b(?:side|sides|delegation|delegations|team|teams)\s+(?:was|were)\s+(?:led|headed)\s+by\b"
                    r"|\b(?:led|headed) the (?:\w+ )?(?:delegation|side|team)\b", re.IGNORECASE)


@dataclass
class _Trigger:
    kind: str
    start: int
    end: int
    text: str
    reference: bool = False
    # The clause the trigger reports, as offsets in the sentence: its date and place are found there.
    lo: int = 0
    hi: int = 1 << 30


@dataclass
class _Candidate:
    event: Event
    sentence: int
    date_basis: str  # text | context | publication | none
    subject: list[str] = field(default_factory=list)
    objects: list[str] = field(default_factory=list)
    named: bool = False
    verb: str = "meets"


# ---------------------------------------------------------------- triggers
def _triggers(text: str) -> list[_Trigger]:
    lex = event_kinds()
    if not lex.any.search(text):
        return []
    refs = [m.span() for p in lex.extra["references"] for m in re.finditer(p, text, re.IGNORECASE)]
    found: list[_Trigger] = []
    for kind, pat in lex.patterns:
        for m in pat.finditer(text):
            if any(t.start < m.end() and m.start() < t.end for t in found):
                continue
            if _NEGATED.search(text, 0, m.start()):
                continue  # "with no joint press conference": what did not happen names no kind
            ref = any(a <= m.start() and m.end() <= b for a, b in refs)
            found.append(_Trigger(kind, m.start(), m.end(), m.group(), ref))
    return sorted(found, key=lambda t: t.start)


def _event_name(text: str, trig: _Trigger) -> str | None:
    """A capitalised name around the trigger: "11th India-Italy Joint Defence Committee meeting"."""
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
    # Not a name when its capitals are only a person's or a country's ("Italian exercise").
    return name


# ---------------------------------------------------------------- places
def _place(text: str, trig: _Trigger | None) -> str | None:
    """The place a trigger's clause names (the whole sentence for no trigger)."""
    if trig is not None and (trig.lo or trig.hi < len(text)):
        found = _place(text[trig.lo:trig.hi], _Trigger(trig.kind, trig.start - trig.lo, trig.end - trig.lo, trig.text))
        return found
    return _places_in(text, trig)


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    for a, b in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def _office_spans(text: str) -> list[tuple[int, int]]:
    """Offices in apposition to a name: "X, commander of the Red Sea task force, met ...",
    "the commander of the French forces in the Indian Ocean, Rear Admiral X": their places are posts, not venues."""
    heads = "|".join(sorted((re.escape(h) for h in titles().office_heads), key=len, reverse=True))
    spans = []
    for m in re.finditer(rf"(?:^|,\s|\b(?:the|its|his|her|their)\s)(?:[\w'’-]+\s){{0,3}}?(?:{heads})\s+(?:of|in|at)\s"
                         r"[^,;.()]*(?=,)", text, re.IGNORECASE):
        after = text[m.end() + 1:].lstrip()
        if m.group().startswith(",") or after[:1].isupper():
            spans.append(m.span())
    return spans


# What was talked about: "discussed the safety of shipping in the Red Sea", "the situation in the Indo-Pacific".
_TOPIC = re.compile(r"\b(?:discuss(?:ed|es|ing)?|review(?:ed|s|ing)?|exchanged views on|talks on|discussions on|"
                    r"situation in|security (?:of|in)|safety of|stability in|developments in|presence in|"
                    r"focus(?:s?ed)? on)\b[^;]*", re.IGNORECASE)


def _places_in(text: str, trig: _Trigger | None) -> str | None:
    c = countries()
    lex = places()
    found: list[tuple[int, str]] = []
    # Seas and regions in what was talked about or in an office are a topic or a post; a city there
    # ("the defence attache in New Delhi, who called on ...") may still be the venue.
    seas_text = _blank(text, [m.span() for m in _TOPIC.finditer(text)] + _office_spans(text))
    for sea in lex["seas"]:
        for m in re.finditer(rf"\b{re.escape(sea)}\b", seas_text, re.IGNORECASE):
            found.append((m.start(), sea))
    for m in re.finditer(r"\b([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(Sea|Ocean|Gulf|Bay|coast|Coast)\b", seas_text):
        found.append((m.start(), f"{m.group(1)} {m.group(2)}"))
    # "the Leonardo plant at Vergiate": a facility names its place even when no list knows it.
    for m in re.finditer(r"\b(?:plant|factory|facility|facilities|base|air base|airbase|shipyard|yard|dockyard|"
                         r"headquarters|academy|school|college|station|range|cemetery|memorial)\s+(?:at|in)\s+"
                         r"([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)", text):
        found.append((m.start(1), m.group(1)))
    # "the Italian Air Force's Amendola air base": a base named after its place.
    for m in re.finditer(r"\b([A-Z][a-z]+)\s+(?:air base|airbase|air station|naval base|naval air station|"
                         r"shipyard|dockyard)\b", text):
        if m.group(1).lower() not in _NOT_PLACE_WORDS and not c.country_of(m.group(1)):
            found.append((m.start(1), m.group(1)))
    for pre in lex["prefixes"]:
        for m in re.finditer(rf"\b{re.escape(pre)}\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)", text):
            found.append((m.start(1), m.group(1)))
    for m in re.finditer(r"\b(?:in|at|to|from|visited|visit|reached|near|off)\s+(?:the\s+)?"
                         r"([A-Z][a-z]+(?:\s(?:(?:di|de|da|del|della)\s)?[A-Z][a-z]+){0,2})", text):
        name = m.group(1)
        words = name.split()
        for cand in [" ".join(words[:n]) for n in range(len(words), 0, -1)]:
            if cand.lower() in c.place_country:
                found.append((m.start(1), c.places[cand.lower()]))
                break
    if not found:
        return None
    if trig is None:
        return found[0][1]
    # The place nearest after the trigger, else nearest before it.
    after = [f for f in found if f[0] >= trig.start]
    pick = min(after, key=lambda f: f[0]) if after else max(found, key=lambda f: f[0])
    return pick[1]


_NOT_PLACE_WORDS = {"the", "navy", "naval", "army", "air", "force", "forces", "military", "main", "forward", "new",
                    "old", "largest", "biggest", "submarine", "missile", "nuclear", "royal", "national", "state",
                    "private", "government", "fleet"}


def _country_of_place(place: str | None) -> str | None:
    if not place:
        return None
    c = countries()
    return c.country_of(place) or c.place_country.get(place.lower())


# ---------------------------------------------------------------- dates
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


# ---------------------------------------------------------------- the extractor
def find_events(doc: ArticleDoc, people: ArticlePeople, orgs: ArticleOrganisations,
                agreements: ArticleAgreements) -> list[Event]:
    sentences, anchor, source_id = doc.sentences, doc.anchor, doc.source.id
    default_place = doc.dateline.place if doc.dateline else None
    pub = anchor.isoformat() if anchor else None
    candidates: list[_Candidate] = []
    context_date: str | None = None  # the date of the story being told
    context_place = default_place
    last_subject: str | None = None
    for s_index, sent in enumerate(sentences):
        text = sent.text
        mentions = _mentions(sent, s_index, people)
        quoted = [m.span() for m in _QUOTED.finditer(text)]
        # The dateline's date is when the story was filed, not when things happened.
        dateline = parse_dateline(text) if s_index == 0 else None
        skip_before = dateline.end if dateline else 0
        dates = [d for d in doc.dates(s_index) if d.start >= skip_before
                 and not (d.relative and any(a <= d.start < b for a, b in quoted))]
        # "... and will end on February 25": the last day of a happening, not the day of another one.
        ends = [d for d in dates if _ENDS.search(text, 0, d.start)]
        dates = [d for d in dates if d not in ends]
        future = bool(_FUTURE.search(text))
        made = len(candidates)
        trigs = _triggers(text)
        # Explicit foreground dates become the story's date for the sentences that follow.
        first_subject = next((pid for pos, pid in mentions), None)
        if not mentions and candidates and _COLLECTIVE.search(text):
            # "The co-chairs signed ...": the people of the event just told.
            mentions = [(_COLLECTIVE.search(text).start(), pid)  # type: ignore[union-attr]
                        for pid in candidates[-1].event.participants]
        groups = _group(trigs, mentions, text, last_subject, dates) if not _UNREALISED.search(text) else []
        if not groups and mentions and candidates and _JOINS.search(text):
            # "The Indian side was led by X, while the Italian delegation was led by Y."
            ev = candidates[-1].event
            ev.participants = list(dict.fromkeys(ev.participants + [pid for _, pid in mentions]))
            if not any(e.quote == text for e in ev.evidence):
                ev.evidence.append(Evidence(source_id, text))
        sentence_place = context_place
        for trig, subject, objects in groups:
            if trig.reference:
                _refer(candidates, trig, text, dates, s_index, source_id, anchor, subject + objects)
                continue
            participants = list(dict.fromkeys(subject + objects))
            # "a keynote address during the Defence Industry Roundtable": the name may sit at another trigger.
            name = _event_name(text, trig) or next(
                (n for t in trigs if t.kind == trig.kind and not t.reference and (n := _event_name(text, t))), None)
            place = _place(text, trig)
            clause = text[trig.lo:trig.hi]
            ships = _SHIP.findall(clause) if trig.kind == "exercise" else []
            here = [d for d in dates if trig.lo <= d.start < trig.hi]
            if not _worth_an_event(trig, participants, name, place, ships, clause, future, here):
                continue
            d = _pick_date(here, trig)
            if d is None and trig.kind == "visit" and participants:
                # "Gen X's visit to Italy comes ...": with no date of its own, the visit already told.
                told = next((c for c in reversed(candidates) if c.event.kind == "visit"
                             and set(participants) <= set(c.event.participants)), None)
                if told is not None and place in {None, told.event.place}:
                    if not any(e.quote == text for e in told.event.evidence):
                        told.event.evidence.append(Evidence(source_id, text))
                    continue
            earlier = _latest_with(candidates, participants)
            if d is not None:
                date, end, basis = d.value, d.end_value, "text"
            elif earlier is not None and not future:
                # The same people were last seen in that event: the sentence goes on about it.
                date, end, basis = earlier.event.date, earlier.event.end_date, "context"
            elif context_date and not future:
                date, end, basis = context_date, None, "context"
            elif pub:
                date, end, basis = (pub if not future else pub[:7]), None, "publication"
            else:
                date, end, basis = None, None, "none"
            if place is None and earlier is not None and basis == "context":
                place = earlier.event.place
            ev = Event(id="", title="", kind=trig.kind, date=date, end_date=end,
                       place=place or ((sentence_place if trig.lo else context_place)
                                       if basis != "text" or not _is_background(date, anchor) else None),
                       participants=participants, evidence=[Evidence(source_id, text)], sources=[source_id])
            ev.organisations = [orgs.organisations[i].id for i in orgs.by_sentence.get(s_index, [])
                                if orgs.organisations[i].id]
            ev.background = _is_background(date, anchor)
            cand = _Candidate(ev, s_index, basis, subject, objects, bool(name),
                              _VERB_TITLE.get(trig.text.lower(), "meets"))
            ev.title = _title(cand, name, people, ships)
            candidates.append(cand)
            if basis == "text" and not ev.background and not future:
                context_date = date
            if place and not ev.background:
                context_place = place
        if ends:
            _set_end(candidates, made, trigs, ends[-1])
        signed_here = [i for i, s_list in agreements.concluded_in.items() if s_index in s_list]
        # "As part of the visit, an MoU was signed": with no one named, the signing belongs to the visit.
        refers = any(t.reference for t in trigs)
        if signed_here and not any(c.sentence == s_index for c in candidates[made:]) and not (refers and not mentions):
            _signing(candidates, signed_here, agreements, mentions, text, dates, s_index, source_id, anchor, pub,
                     context_date, context_place, people)
        if first_subject:
            last_subject = first_subject
        # A sentence with an explicit date and no event still moves the story on.
        if len(candidates) == made and dates and not future:
            d = dates[0]
            if not _is_background(d.value, anchor):
                context_date = d.value
    events = _merge_all(candidates)
    for i, ev in enumerate(events):
        ev.id = f"ev-{i}"
    _link_agreements(events, agreements, doc)
    _mark_bilateral(events, people, sentences, candidates)
    return events


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


def _signing(candidates: list[_Candidate], signed: list[int], agreements: ArticleAgreements,
             mentions: list[tuple[int, str]], text: str, dates: list[DateMention], s_index: int, source_id: str,
             anchor: dt.date | None, pub: str | None, context_date: str | None, context_place: str | None,
             people: ArticlePeople) -> None:
    """A sentence that concludes an agreement and reports no other happening is a signing."""
    agrs = [agreements.agreements[i] for i in signed]
    participants = list(dict.fromkeys(pid for a in agrs for pid in a.signatories)) or [pid for _, pid in mentions]
    between_companies = any(set(a.parties) - set(sides().pair) for a in agrs)
    if not participants and not between_companies:
        return  # "the nations signed ...": the event it belongs to tells it
    d = dates[0] if dates else None
    earlier = _latest_with(candidates, participants)
    if d is not None:
        date, end, basis = d.value, d.end_value, "text"
    elif earlier is not None:
        date, end, basis = earlier.event.date, earlier.event.end_date, "context"
    elif context_date:
        date, end, basis = context_date, None, "context"
    else:
        date, end, basis = pub, None, "publication" if pub else "none"
    place = _place(text, None) or (earlier.event.place if earlier else None) or context_place
    ev = Event(id="", title=f"Signing of {agrs[0].title}", kind="signing", date=date, end_date=end, place=place,
               participants=participants, evidence=[Evidence(source_id, text)], sources=[source_id],
               background=_is_background(date, anchor))
    candidates.append(_Candidate(ev, s_index, basis, participants[:1], participants[1:], True))


def _latest_with(candidates: list[_Candidate], participants: list[str]) -> _Candidate | None:
    for c in reversed(candidates):
        if c.date_basis in {"text", "context"} and set(participants) & set(c.event.participants):
            return c
    return None


def _mentions(sent: Sentence, s_index: int, people: ArticlePeople) -> list[tuple[int, str]]:
    """(position, person id) of the people a sentence names, by name or by office ("the Chief of Army Staff")."""
    out = [(m.start, people.people[m.person].id) for m in people.in_sentence(s_index)]  # type: ignore[index]
    taken = [(m.start, m.end) for m in people.in_sentence(s_index)]
    named = {pid for _, pid in out}
    for p in people.people:
        if p.id in named:
            continue
        for role in p.roles:
            title = role.title.split(",")[0]
            if len(title.split()) < 2 or title.lower() in {"prime minister", "defence minister"}:
                continue  # two words at least, and not an office every country has
            rank = titles().rank_of(title.split())
            if rank and rank[1] == len(title.split()):
                continue  # a rank ("Rear Admiral") is held by many, and names no one
            for m in re.finditer(rf"\b{re.escape(title)}\b", sent.text, re.IGNORECASE):
                if not any(a <= m.start() < b + 40 for a, b in taken):
                    out.append((m.start(), p.id))
    return sorted(out)


def _group(trigs: list[_Trigger], mentions: list[tuple[int, str]], text: str, last_subject: str | None,
           dates: list[DateMention] = ()) -> list[tuple[_Trigger, list[str], list[str]]]:  # type: ignore[assignment]
    """Triggers of one sentence, each with its subject and objects; triggers that add no one join the one before."""
    if not trigs:
        return []
    first = trigs[0].start
    subject = [pid for pos, pid in mentions if pos < first]
    if not subject and last_subject and _PRONOUN_SUBJECT.search(text[:first + 1]):
        subject = [last_subject]
    out: list[tuple[_Trigger, list[str], list[str]]] = []
    for n, trig in enumerate(trigs):
        nxt = trigs[n + 1].start if n + 1 < len(trigs) else len(text)
        objects = [pid for pos, pid in mentions if trig.start <= pos < nxt and pid not in subject]
        if out and out[-1][0].reference and out[-1][0].start >= 5 and not trig.reference and not subject:
            # "Preparations for the visit gathered pace when a team led by X held talks": the people
            # between a back-reference and this trigger are who acted, not the reference's objects.
            prev, psub, pobj = out[-1]
            between = [pid for pos, pid in mentions if prev.end <= pos < trig.start]
            if between:
                out[-1] = (prev, psub, [p for p in pobj if p not in between])
                objects = list(dict.fromkeys(between + objects))
        if not trig.reference and n > 0 and _PRONOUN_SUBJECT.search(text[trigs[n - 1].end:trig.start]) and not subject:
            subject = [last_subject] if last_subject else []
        sub = _SUBORDINATE.search(text, trigs[n - 1].end, trig.start) if n > 0 and not trig.reference else None
        if sub and out:
            # The happening of a clause of time is another one: its subject is who acts in that clause.
            prev, psub, pobj = out[-1]
            own = [pid for pos, pid in mentions if sub.start() <= pos < trig.start]
            out[-1] = (prev, psub, [p for p in pobj if p not in own])
            prev.hi = sub.start()
            trig.lo = sub.start()
            gap = text[sub.end():trig.start]
            if not own and (_NO_OWN_SUBJECT.fullmatch(gap) or _PRONOUN_SUBJECT.search(gap)):
                own = list(psub)
            subject = own
            objects = [pid for pos, pid in mentions if trig.start <= pos < nxt and pid not in subject]
            out.append((trig, subject, objects))
            continue
        boundary = _another_day(out[-1][0], trigs[n - 1], trig, nxt, dates) if out and n > 0 else None
        if boundary is not None and not trig.reference and not out[-1][0].reference:
            # "toured the base on Tuesday and met the minister on Wednesday": two days, two happenings.
            out[-1][0].hi = boundary
            trig.lo = boundary
            out.append((trig, subject, objects))
            continue
        if out and out[-1][0].reference and out[-1][0].start < 5 and trig.kind in {"meeting", "visit"}:
            # "The meeting was co-chaired by X and Y": the sentence is about the event it names.
            prev, psub, pobj = out[-1]
            out[-1] = (prev, psub, list(dict.fromkeys(pobj + objects)))
            continue
        if out and not trig.reference:
            prev, psub, pobj = out[-1]
            new_people = [o for o in objects if o not in pobj]
            separate = new_people and pobj and trig.kind in {"meeting", "visit", "ceremony"} and not prev.reference
            if not separate and not prev.reference:
                kind = _stronger(prev.kind, trig.kind)
                keep = prev if kind == prev.kind else trig
                keep.lo, keep.hi = min(prev.lo, trig.lo), max(prev.hi, trig.hi)
                out[-1] = (keep, psub, list(dict.fromkeys(pobj + objects)))
                continue
        out.append((trig, subject, objects))
    return out


def _another_day(prev: _Trigger, before: _Trigger, trig: _Trigger, nxt: int,
                 dates: list[DateMention]) -> int | None:
    """Where the clause of `trig` starts, when it has a date of its own other than the clause before it."""
    # Only dates of a month or a day: "later this year" dates no clause of its own.
    own = [d for d in dates if trig.end <= d.start < nxt and len(d.value) >= 7]
    earlier = [d for d in dates if prev.lo <= d.start < trig.start and d.start < prev.hi and len(d.value) >= 7]
    if not own or not earlier or own[0].value == earlier[-1].value:
        return None
    if own[0].end_value and earlier[-1].value <= own[0].end_value and own[0].value <= earlier[-1].value:
        return None  # a range that holds the other date
    return max(earlier[-1].end, before.end)


def _stronger(a: str, b: str) -> str:
    order = event_kinds().precedence
    return a if order.index(a) <= order.index(b) else b


def _worth_an_event(trig: _Trigger, participants: list[str], name: str | None, place: str | None,
                    ships: list[str], text: str, future: bool, dates: list[DateMention]) -> bool:
    """Only reported happenings: someone took part, or it has a name, or (for exercises) ships and a place."""
    if future and _GENERIC.search(text) and not dates and not participants:
        return False  # "exercises will be deepened": a plan, not a happening
    if trig.kind == "exercise":
        return bool(ships or name or (place and dates))
    if trig.kind == "meeting" and name and dates and not future:
        return True  # "the fourth round of the India-Italy Roadmap talks on Tuesday": who led it may follow
    if trig.kind in {"meeting", "signing"}:
        return len(participants) >= 1
    if trig.kind == "announcement":
        return bool(participants) and not future
    if trig.kind == "visit":
        return bool(participants) or bool(dates and place)
    return bool(participants or name)


def _refer(candidates: list[_Candidate], trig: _Trigger, text: str, dates: list[DateMention], s_index: int,
           source_id: str, anchor: dt.date | None, people: list[str]) -> None:
    """ "The exercise on July 4 and 5 covered ...": evidence, and a better date, for an event already read."""
    kind = trig.kind
    target = next((c for c in reversed(candidates) if c.event.kind == kind), None)
    if target is None and kind in {"meeting", "visit"}:
        target = next((c for c in reversed(candidates) if c.event.kind in {"meeting", "visit", "committee"}), None)
    if target is None and kind == "ceremony":  # "... who joined the ceremony": the signing just told
        target = next((c for c in reversed(candidates) if c.event.kind == "signing"), None)
    if target is None:
        return
    if trig.start < 5:  # the sentence's subject is the event: its people took part
        target.event.participants = list(dict.fromkeys(target.event.participants + people))
    if not any(e.quote == text for e in target.event.evidence):
        target.event.evidence.append(Evidence(source_id, text))
    d = _pick_date(dates, trig)
    if d is not None and target.date_basis != "text":
        target.event.date, target.event.end_date, target.date_basis = d.value, d.end_value, "text"
        target.event.background = _is_background(d.value, anchor)


def _names(ids: list[str], people: ArticlePeople) -> list[str]:
    by_id = {p.id: p.name for p in people.people}
    return [by_id[i] for i in ids if i in by_id]


def _title(c: _Candidate, name: str | None, people: ArticlePeople, ships: list[str]) -> str:
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
        if who:
            return f"{who} visits {ev.place}" if ev.place else f"Visit by {who}"
        return f"Visit to {ev.place}" if ev.place else "Visit"
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
def _compatible_dates(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    sa, sb = parse_iso(a), parse_iso(b)
    if not sa or not sb:
        return a == b
    return sa[0] <= sb[1] + dt.timedelta(days=1) and sb[0] <= sa[1] + dt.timedelta(days=1)


def _same(a: _Candidate, b: _Candidate) -> bool:
    ea, eb = a.event, b.event
    kinds = {ea.kind, eb.kind}
    if ea.kind != eb.kind:
        # "co-chaired the Joint Defence Committee" and "the meeting with X": one event when
        # the meeting's people all took part in the committee.
        pa, pb = set(ea.participants), set(eb.participants)
        if not (kinds <= {"meeting", "committee", "dialogue"} and (a.named or b.named) and pa and pb
                and (pa <= pb or pb <= pa)):
            return False
    if not _compatible_dates(ea.date, eb.date):
        return False
    if ea.place and eb.place and ea.place != eb.place:
        return False
    pa, pb = set(ea.participants), set(eb.participants)
    if ea.kind == "meeting" and pa and pb:
        return pa == pb or (len(pa & pb) >= 2) or pa <= pb or pb <= pa
    if pa and pb:
        return bool(pa & pb)
    # One account names no one: the same kind of happening at the same place on the same day is one event.
    same_place = ea.place == eb.place or not (ea.place and eb.place)
    return same_place and (not (pa or pb) or ea.kind != "meeting")


def _merge_all(cands: list[_Candidate]) -> list[Event]:
    merged: list[_Candidate] = []
    for c in cands:
        target = next((m for m in merged if _same(m, c)), None)
        if target is None:
            merged.append(c)
            continue
        t, e = target.event, c.event
        for q in e.evidence:
            if not any(q.quote == x.quote for x in t.evidence):
                t.evidence.append(q)
        t.participants = list(dict.fromkeys(t.participants + e.participants))
        t.organisations = list(dict.fromkeys(t.organisations + e.organisations))
        rank = {"text": 0, "context": 1, "publication": 2, "none": 3}
        if rank[c.date_basis] < rank[target.date_basis] or (
                c.date_basis == target.date_basis and e.date and t.date and len(e.date) > len(t.date)):
            t.date, t.end_date, target.date_basis = e.date, e.end_date, c.date_basis
            t.background = e.background
        t.kind = _stronger(t.kind, e.kind)
        t.place = t.place or e.place
        if c.named and not target.named or (len(e.participants) > len(t.participants) and not target.named):
            t.title, target.named = e.title, c.named or target.named
    for m in merged:
        m.event.date_basis = m.date_basis
    return [m.event for m in merged]


def _link_agreements(events: list[Event], agreements: ArticleAgreements, doc: ArticleDoc) -> None:
    """An agreement concluded in a sentence belongs to that sentence's event (or the story's) and takes its date."""
    # Each sentence belongs to the events it is evidence of, including sentences that only refer
    # to one ("As part of the visit, an MoU was signed"); a signing there comes first.
    anchor = doc.anchor
    index = {s.text: i for i, s in enumerate(doc.sentences)}
    by_sentence: dict[int, Event] = {}
    for ev in sorted(events, key=lambda e: e.kind != "signing"):
        for q in ev.evidence:
            if q.quote in index:
                by_sentence.setdefault(index[q.quote], ev)
    for idx, s_list in agreements.concluded_in.items():
        agr = agreements.agreements[idx]
        s_index = s_list[0]
        dates = doc.dates(s_index)
        ev = by_sentence.get(s_index)
        if ev is None:
            earlier = [i for i in by_sentence if i < s_index]
            ev = by_sentence[max(earlier)] if earlier else None
            if ev is not None and (ev.background or (dates and not _compatible_dates(dates[0].value, ev.date))):
                ev = None  # the story's event is another day's
        if dates:
            agr.date = dates[0].value
        elif ev is not None:
            agr.date = ev.date
        elif anchor:
            agr.date = anchor.isoformat()
        if ev is not None:
            if agr.id and agr.id not in ev.agreements:
                ev.agreements.append(agr.id)
            if ev.id and ev.id not in agr.events:
                agr.events.append(ev.id)
            if agr.signatories:
                ev.participants = list(dict.fromkeys(ev.participants + agr.signatories))


def _mark_bilateral(events: list[Event], people: ArticlePeople, sentences: list[Sentence],
                    cands: list[_Candidate]) -> None:
    """An event is between the two sides unless a third country takes part or hosts it."""
    country = {p.id: p.country for p in people.people}
    pair = sides().pair
    for ev in events:
        involved = {country.get(pid) for pid in ev.participants} - {None}
        place_country = _country_of_place(ev.place)
        if place_country:
            involved.add(place_country)
        ev.bilateral = not (involved - set(pair))
