"""Instrument words in a sentence, and what the sentence says of each: its name
and whether it was concluded, is only planned, or was cancelled.

The words are lexicon data (lexicon/agreements.yml), English and Italian in
one list; this module reads one sentence at a time and knows nothing of the
article around it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..dates import month_number
from ..lexicon import agreement_lexicon, countries

# Statuses a sentence gives an instrument. `concluded` is signed (adopted, awarded ...) in the
# sentence itself; `existing` is mentioned as a thing that exists; `planned` is to be signed ("will
# sign", "to be signed"); `discussed` is only talked of ("negotiating", "a possible ..."); `in-force`
# has entered into force.
CONCLUDED, EXISTING, PLANNED, DISCUSSED, CANCELLED, IN_FORCE = ("concluded", "existing", "planned", "discussed",
                                                                "cancelled", "in-force")

_WORD = re.compile(r"[^\W_](?:[\w–-]|\.(?=\w))*(?:['’]s\b)?")
_YEARS = re.compile(r"(?:19|20)\d\d(?:\s?[-–/]\s?(?:19|20)?\d\d)?")
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "il", "lo", "la", "i", "gli", "le", "un", "uno",
                "una", "l", "dell", "all", "nell", "dall", "sull", "of", "and", "or", "for", "in", "on", "with", "to",
                "by", "at", "from", "under", "over", "through", "via", "about", "against", "into", "within", "without",
                "across", "as", "is", "are", "was", "were", "be", "been", "has", "have", "had", "di", "del", "della",
                "dei", "per", "e", "con", "tra", "fra", "su", "sul", "nel", "nella", "è"}
_ARTICLES = {"the", "a", "an", "this", "that", "its", "their", "his", "her", "il", "la", "lo", "gli", "le", "i", "un",
             "una"}
_WEEKDAYS = frozenset(d.lower() for d in calendar.day_name)
_SMALL = {"of", "on", "in", "the", "for", "and", "between", "to", "a", "an", "at", "di", "del", "della", "dei", "e",
          "per", "nel", "nella", "la", "il", "d"}


@dataclass(frozen=True)
class Entry:
    kind: str
    instrument: str | None = None  # for kind other: deal, contract, arrangement ...
    name: str | None = None  # English words that stand for the matched ones in titles
    needs: str | None = None  # name, event or verb: see agreements.yml


@dataclass(frozen=True)
class Hit:
    """One instrument word in a sentence."""

    start: int
    end: int
    entry: Entry
    plural: bool

    @property
    def kind(self) -> str:
        return self.entry.kind


@dataclass(frozen=True)
class Name:
    """What a sentence calls an instrument: its words (as a title) and how much they say."""

    words: tuple[str, ...]
    proper: bool  # capitalised words of its own: a proper name, not a description
    years: str | None
    capital_noun: bool = False  # the instrument word itself capitalised: "the ... Cooperation Plan"
    as_written: bool = False  # a name in its own language: its title keeps the words' case


    @property
    def title(self) -> str:
        return " ".join(self.words) if self.as_written else _clean_title(list(self.words))


@dataclass(frozen=True)
class Lexicon:
    entries: tuple[tuple[Entry, bool, re.Pattern[str]], ...]  # (entry, plural, pattern)
    any: re.Pattern[str]
    signed: re.Pattern[str]
    by_subject: re.Pattern[str]
    signed_by: re.Pattern[str]
    witness: re.Pattern[str]
    planned_at_verb: frozenset[str]
    planned_verbs: re.Pattern[str]
    planned: re.Pattern[str]
    planned_after: re.Pattern[str]
    cancelled: re.Pattern[str]
    in_force: re.Pattern[str]
    recalled: re.Pattern[str]
    not_instrument: re.Pattern[str]
    not_unsigned: re.Pattern[str]
    process: re.Pattern[str]
    vague: frozenset[str]
    topic_stops: frozenset[str]
    bilateral: re.Pattern[str]
    companies: re.Pattern[str]
    nouns: frozenset[str]
    cooperation: frozenset[str]
    state_bodies: re.Pattern[str]
    blocs: re.Pattern[str]
    background: re.Pattern[str]
    clause_breaks: re.Pattern[str]
    strong_breaks: re.Pattern[str]
    not_parties: frozenset[str]


def _alternation(words: list[str]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(w.replace("'", "['’]").replace(" ", r"\s+") for w in ordered)


def _words(words: list[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{_alternation(words)})(?![\w-])", re.IGNORECASE)


@cache
def lexicon() -> Lexicon:
    data: dict[str, Any] = agreement_lexicon()
    entries = []
    for e in data["instruments"]:
        entry = Entry(e["kind"], e.get("instrument"), e.get("name"), e.get("needs"))
        for plural, words in ((False, e["words"]), (True, e.get("plural", []))):
            if words:
                entries.append((entry, plural, _words(words)))
    every = [w for e in data["instruments"] for w in e["words"] + e.get("plural", [])]
    breaks = data["clause_breaks"]
    return Lexicon(
        entries=tuple(entries), any=_words(every), signed=_words(data["signed"]),
        by_subject=_words(data["signed_by_subject"]), signed_by=_words(data["signed_by"]),
        witness=_words(data["witness"]), planned_at_verb=frozenset(data["planned_at_verb"]),
        planned_verbs=_words(data["planned_verbs"]), planned=_words(data["planned"]),
        planned_after=_words(data["planned_after"]), cancelled=_words(data["cancelled"]),
        in_force=_words(data["in_force"]), recalled=re.compile(_alternation(data["recalled"]), re.IGNORECASE),
        not_instrument=_words(data["not_instrument"]), not_unsigned=_words(data["not_instrument_unsigned"]),
        process=re.compile(rf"^\s+(?:{_alternation(data['process_nouns'])})\b", re.IGNORECASE),
        vague=frozenset(data["vague"]), topic_stops=frozenset(data["topic_stops"]),
        bilateral=_words(data["bilateral"]), companies=_words(data["companies"]),
        nouns=frozenset(data["instrument_nouns"]), cooperation=frozenset(data["cooperation_words"]),
        state_bodies=_words(data["state_bodies"]), blocs=_words(data["blocs"]),
        background=_words(data["background"]), clause_breaks=re.compile("|".join([*breaks["strong"], *breaks["weak"]])),
        strong_breaks=re.compile("|".join(breaks["strong"])),
        not_parties=frozenset(data["not_parties"]),
    )


# ---------------------------------------------------------------- instrument words
def find_hits(text: str) -> list[Hit]:
    """The instrument words of a sentence, longest first where they overlap, in order."""
    lex = lexicon()
    if not lex.any.search(text):
        return []
    found: list[Hit] = []
    for entry, plural, pattern in lex.entries:
        for m in pattern.finditer(text):
            found.append(Hit(m.start(), m.end(), entry, plural))
    found.sort(key=lambda h: (h.start - h.end, h.start))
    kept: list[Hit] = []
    for h in found:
        if any(h.start < k.end and k.start < h.end for k in kept):
            continue
        # "Memorandum of Understanding (MoU)": the acronym of the name just read is not another one.
        if text[h.start - 1:h.start] == "(" and text[h.end:h.end + 1] == ")":
            continue
        if not _ordinary_word(text, h):
            kept.append(h)
    return sorted(kept, key=lambda h: h.start)


def _ordinary_word(text: str, hit: Hit) -> bool:
    """ "in agreement", "a great deal", "the roadmap talks": the word is no instrument here."""
    lex = lexicon()
    around = text[max(0, hit.start - 25):hit.end + 25]
    at = hit.start - max(0, hit.start - 25)
    for pattern in (lex.not_instrument, lex.not_unsigned):
        for m in pattern.finditer(around):
            if m.start() <= at < m.end() or at <= m.start() < at + hit.end - hit.start:
                if pattern is lex.not_instrument or not lex.signed.search(text):
                    return True
    return bool(lex.process.match(text[hit.end:]))


# ---------------------------------------------------------------- status
def status_of(text: str, hit: Hit, hits: list[Hit]) -> str:
    """What the sentence says happened to the instrument: concluded, planned, cancelled, in force or nothing."""
    lex = lexicon()
    if lex.recalled.search(text[max(0, hit.start - 45):hit.start]):
        return EXISTING
    if _nearest_cue(lex.cancelled, text, hit, hits):
        return CANCELLED
    if _nearest_cue(lex.in_force, text, hit, hits):
        return IN_FORCE
    verbs = _nearest_cue(lex.signed, text, hit, hits)
    if verbs:
        return PLANNED if any(_planned_verb(text, v) for v in verbs) else CONCLUDED
    if _nearest_cue(lex.planned_verbs, text, hit, hits):
        return PLANNED
    clause = re.split(r"[;:]|,\s+(?:but|while|as)\s", text[:hit.start])[-1][-70:]
    if lex.planned.search(clause) or lex.planned_after.match(text[hit.end:].lstrip(" ,")):
        return DISCUSSED
    return EXISTING


def _nearest_cue(pattern: re.Pattern[str], text: str, hit: Hit, hits: list[Hit]) -> list[re.Match[str]]:
    """The cues of a kind in the sentence (signing verbs, cancellations) that bear on this instrument."""
    return [m for m in pattern.finditer(text) if hit in cue_targets(text, m.start(), m.end(), hits)]


# Between an instrument and a verb after it, what makes the verb its own: "the MoU signed", "the MoU, signed",
# "the agreement on X was signed", "il Memorandum siglato".
_OWN_VERB = re.compile(r"\s*(?:\([^)]*\)\s*)?,?\s*|(?:[^;:.]|\.(?=\d)){0,80}?\s(?:was|were|is|are|been|be|being|è|"
                       r"sono|stato|stata|stati|state|viene|vengono)\s+(?:\w+ly\s+)?", re.IGNORECASE)


def cue_targets(text: str, start: int, end: int, hits: list[Hit]) -> list[Hit]:
    """The instruments a verb or cue at start:end bears on: the one it follows as its own ("the MoU was
    signed"), else those it governs after it ("signed an MoU and an agreement"), else the one before it."""
    before = [h for h in hits if h.end <= start]
    if before and _OWN_VERB.fullmatch(text, before[-1].end, start):
        return [before[-1]]
    after = [h for h in hits if h.start >= end]
    if after and after[0].start - end <= 60 and not re.search(r"[;:]", text[end:after[0].start]):
        chosen = [after[0]]
        for h in after[1:]:
            gap = text[chosen[-1].end:h.start]
            if len(gap) > 80 or not re.search(r"\b(?:and|e|as well as)\b", gap) or re.search(r"[;:]", gap):
                break
            chosen.append(h)
        return chosen
    if before:
        return [before[-1]]
    return [h for h in hits if h.start <= start < h.end]


def _planned_verb(text: str, verb: re.Match[str]) -> bool:
    """ "will sign", "to be signed", "sarà firmato": the two words before the verb make it a plan."""
    lex = lexicon()
    if lex.planned_verbs.fullmatch(verb.group()):
        return True
    before = [w.lower() for w in re.findall(r"[\w']+", text[max(0, verb.start() - 30):verb.start()])][-2:]
    return any(w in lex.planned_at_verb for w in before)


# ---------------------------------------------------------------- names
_TOPIC_START = re.compile(r"\s*(on|of|for|in|regarding|concerning|di|d['’]|del|della|dei|sul|sulla|sui|per|nel|nella|"
                          r"nei|in materia di)(?:\s+|(?<=['’]))", re.IGNORECASE)
_YEARS_AFTER = re.compile(rf"\s*(?:\(\s*)?((?:for|per)\s+(?:the\s+(?:period|years)\s+)?(?:il\s+)?)?({_YEARS.pattern})"
                          r"(?![\w-])\)?")
# What stands between a contract and its topic: the other side, the buyer, the value ("a contract with X
# (ABC) of Italy for ...", "an order from the Navy for ...", "un contratto da 412 crore (circa ...) per ...").
_BEFORE_TOPIC = re.compile(r"(?:\s+(?:from|by|with|worth|valued at|da|dal|dalla|dallo|dai|dalle|con|del valore di|"
                           r"dall['’])\s*[^,;]{1,60}?|\s*\([^)]*\))+?(?=\s+(?:for|per)\s)", re.IGNORECASE)
# Words that join a topic: kept only when a word of the topic follows them.
_JOINS = {"of", "on", "in", "for", "the", "and", "di", "del", "della", "dei", "degli", "delle", "nel", "nella", "per",
          "e", "la", "il", "sul", "sulla", "field", "fields", "area", "areas", "settore", "campo"}


def name_of(text: str, hit: Hit, stops: tuple[int, ...] = ()) -> Name | None:
    """The instrument's own name around its word, or None when the sentence gives it none.

    Capitalised words and modifiers before the word, and a topic or years after it: "the Joint Strategic
    Action Plan 2025-29", "a defence cooperation agreement", "a memorandum on submarine rescue". `stops`
    are offsets in the sentence (of date phrases) where a topic ends."""
    left, proper = _modifiers(text, hit.start)
    if len(left) == 1 and countries().country_of(left[0]) and "-" not in left[0]:
        left = []  # "an Italian MoU": a country word alone names nothing
    after_noun, noun_end = _adjectives_after(text, hit.end) if hit.entry.name else ([], hit.end)
    rest = text[noun_end:]
    acronym = re.match(r"\s*\([A-Za-z]{2,6}\)", rest)
    skip = acronym.end() if acronym else 0
    between = _BEFORE_TOPIC.match(rest, skip) if hit.kind == "other" else None
    skip = between.end() if between else skip
    years = _YEARS_AFTER.match(rest, skip)
    topic = [] if years else _topic(text, noun_end + skip, stops)
    if not left and not topic and not years and not after_noun:
        whole = text[hit.start:hit.end].split()
        if hit.start > 0 and len(whole) > 1 and all(w[:1].isupper() for w in whole):
            return Name(tuple(whole), True, None, True)  # "the Joint Strategic Action Plan": a name by itself
        return None
    noun = after_noun + (hit.entry.name.split() if hit.entry.name else text[hit.start:hit.end].split())
    if topic and topic[0].lower() in _TRANSLATED_STARTS:
        english = in_english(topic)
        if english is None:  # a name that does not all translate keeps its own words, in sentence case
            own = text[hit.start:noun_end].split() + topic
            return Name(tuple([own[0][:1].upper() + own[0][1:], *own[1:]]), False, None, False, True)
        topic = english
    after = topic + ([w for w in (years.group(1) or "").split()] + [years.group(2)] if years else [])
    return Name(tuple(left + noun + after), proper or any(w[:1].isupper() for w in topic),
                years.group(2) if years else next((w for w in left if _YEARS.fullmatch(w)), None),
                text[hit.start:hit.start + 1].isupper() and hit.start > 0)


# Words that start a topic in the language the `english` lexicon translates.
_TRANSLATED_STARTS = {"di", "d", "del", "della", "dei", "sul", "sulla", "sui", "per", "nel", "nella", "nei"}


@cache
def _english() -> tuple[tuple[tuple[tuple[str, ...], str], ...], dict[str, str], dict[str, str]]:
    data = agreement_lexicon()["english"]
    phrases = sorted(((tuple(re.findall(r"\w+", p.lower())), en) for p, en in data["phrases"].items()),
                     key=lambda pe: -len(pe[0]))
    return tuple(phrases), data["words"], data["adjectives"]


def in_english(words: list[str]) -> list[str] | None:
    """Italian words of a name in English ("di cooperazione nel settore della difesa" -> "on cooperation in
    the field of defence"), or None when one of them is not known. Capitalised names stay as they are."""
    phrases, vocab, adjectives = _english()
    low = [w.lower() for w in words]
    out: list[str] = []
    noun_at: int | None = None  # where the last noun stands: adjectives after it go before it, nearest first
    i = 0
    while i < len(words):
        phrase = next(((p, en) for p, en in phrases if tuple(low[i:i + len(p)]) == p), None)
        if phrase:
            out += phrase[1].split()
            noun_at = None
            i += len(phrase[0])
            continue
        w = low[i]
        if i == 0 and w in {"di", "d"}:
            out.append("on")  # "accordo di cooperazione": an agreement on cooperation
            noun_at = None
        elif w in adjectives:
            at = len(out) if noun_at is None else noun_at
            out[at:at] = adjectives[w].split()  # "siluri pesanti": heavyweight torpedoes
        elif w in vocab or words[i][:1].isupper():
            english = vocab[w].split() if w in vocab else [words[i]]  # a proper name: "Black Shark Advanced"
            content = bool(english) and english[-1].lower() not in _SMALL | {"with", "to"}
            noun_at = len(out) if content else None
            out += english
        else:
            return None
        i += 1
    return out


def _adjectives_after(text: str, at: int) -> tuple[list[str], int]:
    """ "Piano d'Azione Strategico Congiunto": adjectives after an Italian instrument word, in English order,
    and where they end."""
    adjectives = _english()[2]
    out: list[str] = []
    for w in _WORD.finditer(text, at):
        if text[at:w.start()].strip() or w.group().lower() not in adjectives:
            break
        out[0:0] = adjectives[w.group().lower()].split()
        at = w.end()
    return out, at


def _modifiers(text: str, end: int) -> tuple[list[str], bool]:
    """Words just before the instrument word that belong to its name, and whether they make a proper name."""
    out: list[str] = []
    proper = False
    edge = end
    words = list(_WORD.finditer(text, max(0, end - 120), end))
    for n in range(len(words) - 1, -1, -1):
        m = words[n]
        w = m.group()
        # A capital inside the sentence is part of a proper name: "the Bilateral Military Cooperation Plan"
        # (an acronym alone is not: "the VVIP contract"); a lower-case word does not stand before one,
        # but for "of" or "and" between capitalised words ("the Security of Information Agreement").
        named = w[:1].isupper() and m.start() > 0
        inner = w in {"of", "and", "on", "for", "&"} and proper and n > 0 and words[n - 1].group()[:1].isupper()
        if text[m.end():edge].strip() or len(out) >= 6 or (w.islower() and proper and not inner) \
                or (_not_a_name_word(w, named) and not inner):
            break  # a comma or bracket, a determiner, a verb: what comes before is not part of the name
        out.insert(0, w)
        edge = m.start()
        proper = proper or (named and not w.isupper())
    return out, proper


def _not_a_name_word(w: str, named: bool) -> bool:
    lex, low = lexicon(), w.lower()
    if _YEARS.fullmatch(w) and not w.isdigit():
        return False  # "the 2025-2029 action plan"
    return bool(re.search(r"['’]s$|\d", w) or low in _DETERMINERS or (low in lex.vague and not named)
                or re.search(r"-(?:year|years|month|crore|lakh|million|billion|based)$", low)
                or (w.islower() and low.endswith("ly")) or lex.signed.fullmatch(w) or lex.planned.fullmatch(w))


def _topic(text: str, at: int, stops: tuple[int, ...]) -> list[str]:
    """ "on cooperation in the field of defence": the words after the instrument word that say what it is on."""
    m = _TOPIC_START.match(text, at)
    if not m:
        return []
    words = [m.group(1)]
    edge = m.end()
    for w in _WORD.finditer(text, m.end()):
        if text[edge:w.start()].strip(" '’") or any(edge <= s <= w.start() for s in stops) or len(words) >= 12 \
                or _ends_topic(text, w, words[-1]):
            break
        words.append(w.group())
        edge = w.end()
    # "on trade and the ...", "on X and explored ...": "and" joins another clause there, not another topic word.
    cut = next((i for i in range(1, len(words) - 1) if words[i].lower() in {"and", "e"}
                and (words[i + 1].lower() in _ARTICLES or re.fullmatch(r"[a-z]+ed", words[i + 1]))), len(words))
    words = words[:cut]
    while words and words[-1].lower() in _JOINS | _SMALL:
        words.pop()
    return words if len(words) > 1 else []


def _ends_topic(text: str, w: re.Match[str], previous: str) -> bool:
    """A word that a topic does not run into: a month or weekday, a place or country, a verb, a number,
    a word that starts another clause ("between", "during", "signed")."""
    lex, word = lexicon(), w.group()
    low = word.lower()
    if low == "to" and previous.lower() in {"relating", "related", "pertaining"}:
        return False
    return bool((word[:1].isupper() and (month_number(word) or low in _WEEKDAYS or _place_at(text, w)))
                or low in lex.topic_stops or countries().country_of(word) or lex.signed.fullmatch(word)
                or lex.cancelled.fullmatch(word) or lex.witness.match(text, w.start())
                or (re.search(r"\d", word) and not _YEARS.fullmatch(word) and not re.fullmatch(r"\d{1,3}", word)
                    and not re.fullmatch(r"[A-Z][A-Za-z-]*\d[\w-]*", word)))  # a count, a model: "12 AW101"


def _place_at(text: str, w: re.Match[str]) -> bool:
    """ "... in New Delhi": a place of one, two or three words starts here."""
    more = re.match(r"(?:\s+[A-Z][\w-]*){0,2}", text[w.end():]).group().split()  # type: ignore[union-attr]
    places = countries().place_country
    return any(" ".join([w.group(), *more[:n]]).lower() in places for n in range(len(more) + 1))


def _clean_title(words: list[str]) -> str:
    out = []
    for i, w in enumerate(words):
        if w.lower() in _SMALL and i > 0:
            out.append(w.lower())
        elif w.islower():
            out.append(w[:1].upper() + w[1:])
        else:
            out.append(w)
    spelling = agreement_lexicon()["title_spelling"]
    return re.sub(r"\bMou\b|\bMOU\b", "MoU", " ".join(spelling.get(w, w) for w in out))
