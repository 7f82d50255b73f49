"""Agreements of one article: instruments (agreement, MoU, declaration, action
plan, deal, contract ...) named in its sentences, with their title, kind,
parties, signatories and status.

A sentence that only promises an instrument ("will sign an MoU", "in talks for
a deal") is listed in `promised_in` for the event step (an announcement) and
makes no agreement unless the instrument has a name of its own; it is then an
agreement whose status is `planned`. Dates are given later by the event step,
which knows when each sentence's happening took place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..dates import DateMention, month_number, weekday_number
from ..lexicon import _load, _norm, countries, sides, titles
from ..model import Agreement, Evidence
from .doc import ArticleDoc
from .instruments import _DETERMINERS as _DETERMINERS
from .instruments import (
    CANCELLED,
    CONCLUDED,
    DISCUSSED,
    EXISTING,
    IN_FORCE,
    PLANNED,
    Hit,
    Name,
    cue_targets,
    find_hits,
    lexicon,
    name_of,
    status_of,
)
from .organisations import ArticleOrganisations
from .people import ArticlePeople, Mention

_ANAPHORA = re.compile(r"(?:\b(?:the|this|that|these|those|such|its|their|il|lo|la|questo|questa|tale)\s+(?:\w+\s+)?"
                       r"|\b(?:l|dell|all|nell|sull|quest)['’])$", re.IGNORECASE)
# Instrument words general enough to refer back to an instrument of any kind ("the agreement", "the deal").
_GENERAL = {"agreement", "deal", "pact", "accord", "accordo", "intesa"}
# Words between an instrument and "between" that make "between" belong to something else ("talks between X and Y").
_NOT_OWN_BETWEEN = re.compile(r"\b(?:talks|meeting|discussions|dialogue|held|after|during|relations|ties|colloqui|"
                              r"incontro|rapporti|relazioni)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.;]|\s(?:to|during|which|that|was|were|who|while|after|in the presence|durante|che|dopo)\s")
_CAPITALISED_RUN = re.compile(r"[A-Z][\w&.’'-]*(?:\s+(?:(?:of|and|&|di|del|della|per)\s+)?[A-Z][\w&.’'-]*)*")
_STATUS_RANK = {CANCELLED: 4, IN_FORCE: 3, CONCLUDED: 2, PLANNED: 1, DISCUSSED: 1, EXISTING: 0}
_PAGE_STATUS = {CANCELLED: "cancelled", IN_FORCE: "in-force", CONCLUDED: "signed", EXISTING: "signed",
                PLANNED: "planned", DISCUSSED: "planned"}


@dataclass
class ArticleAgreements:
    agreements: list[Agreement] = field(default_factory=list)
    # agreement index -> sentence indexes where it was concluded (signed, adopted ...)
    concluded_in: dict[int, list[int]] = field(default_factory=dict)
    by_sentence: dict[int, list[int]] = field(default_factory=dict)
    # sentences that promise an instrument (to be signed, under negotiation): announcements, not signings
    promised_in: list[int] = field(default_factory=list)
    # (agreement index, sentence index) -> where the sentence first names the instrument
    spans: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)


@dataclass
class _Known:
    """What the article has said of one agreement so far."""

    name: Name | None
    noun: str  # the instrument word as written, for a title without a name
    hit: Hit
    statuses: set[str] = field(default_factory=set)
    first_sentence: int = 0


@cache
def _country_names() -> frozenset[str]:
    """Names of countries (not demonyms): "Italy" can be a party, "Italian" cannot."""
    return frozenset(n.lower() for c, info in _load("countries").items() for n in [c, *info.get("names", [])])


def find_agreements(doc: ArticleDoc, people: ArticlePeople, orgs: ArticleOrganisations) -> ArticleAgreements:
    reader = _Reader(doc, people, orgs)
    for s_index, sent in enumerate(doc.sentences):
        hits = find_hits(sent.text)
        for hit in hits:
            reader.read(s_index, hit, hits)
    return reader.finish()


class _Reader:
    """Reads an article's instrument words in order, keeping what is known of each agreement."""

    def __init__(self, doc: ArticleDoc, people: ArticlePeople, orgs: ArticleOrganisations) -> None:
        self.doc, self.people, self.orgs = doc, people, orgs
        self.result = ArticleAgreements()
        self.known: list[_Known] = []
        self.last: int | None = None
        self.person_words: frozenset[str] | None = None

    def read(self, s_index: int, hit: Hit, hits: list[Hit]) -> None:
        text = self.doc.sentences[s_index].text
        status = status_of(text, hit, hits)
        if status in {PLANNED, DISCUSSED} and s_index not in self.result.promised_in:
            self.result.promised_in.append(s_index)
        if hit.plural:
            if status == CONCLUDED and _ANAPHORA.search(text[:hit.start]):
                self._conclude_recent(s_index)  # "The agreements were exchanged in Rome on ..."
            return
        name = name_of(text, hit, tuple(d.start for d in self.doc.dates(s_index)))
        parties = _parties(self._said(s_index, text), hit, status, self._previous_companies())
        if parties is None or (name is not None and _names_a_third(name)):
            return  # an instrument of a third country ("the India-EU Free Trade Agreement"): not this knowledge base's
        idx = self._named_by_parties(hit, name)
        if idx is not None:
            name = None  # "the A-B contract": A and B's contract, named by who signed it, not a name of its own
        else:
            idx = self._same_as(text, hit, name, parties)
        if idx is None:
            if not _qualifies(hit, name, status) or not _enough(name, parties, status):
                return
            idx = self._add(s_index, text, hit, name)
        self._update(idx, s_index, text, hit, hits, name, parties, status)

    # ------------------------------------------------------------ one agreement or another
    def _named_by_parties(self, hit: Hit, name: Name | None) -> int | None:
        """The agreement of this kind read before whose parties' words make up the whole name ("the
        Orion-Vesta contract" after a contract between Orion Dynamics and Vesta Avionica)."""
        key = _key(name) if name is not None and not name.years else frozenset()
        if not key:
            return None
        for i in reversed(range(len(self.known))):
            words = {w.lower() for p in self.result.agreements[i].parties if p not in sides()
                     for w in re.findall(r"[^\W\d_]+", p)}
            if self.known[i].hit.kind == hit.kind and key <= words:
                return i
        return None

    def _same_as(self, text: str, hit: Hit, name: Name | None, parties: list[str]) -> int | None:
        """The agreement already read that this mention is of, if any."""
        if name is not None:
            key = _key(name)
            general = text[hit.start:hit.end].lower() in _GENERAL
            found = next((i for i in reversed(range(len(self.known)))
                          if self._named_alike(i, hit, name, key, general)), None)
            if found is not None or name.proper or name.years or _has_topic(name):
                return found
            if not _ANAPHORA.search(text[:hit.start - len(" ".join(name.words[:-1]))]):
                return None
            # "The air force pact ...": a described instrument after a definite article is the one just read.
        last = self.last
        if last is not None and _ANAPHORA.search(text[:hit.start]):
            general = text[hit.start:hit.end].lower() in _GENERAL
            if self.known[last].hit.kind == hit.kind or general:
                return last  # "the agreement", "this MoU": the one just read
        same_kind = [i for i, k in enumerate(self.known) if k.hit.kind == hit.kind]
        if same_kind and (not parties or set(parties) <= set(self.result.agreements[same_kind[-1]].parties)):
            return same_kind[-1]
        return None

    def _named_alike(self, i: int, hit: Hit, name: Name, key: frozenset[str], general: bool) -> bool:
        """Whether a name read now is of agreement i: the same kind (or a general word: "the submarine rescue
        pact" for a memorandum on submarine rescue), no other years, and words of one within the other's."""
        k = self.known[i]
        if k.hit.kind != hit.kind and not (general and key and k.name is not None):
            return False
        if k.name is None:
            return not key  # "an MoU between A and B" and later "the MoU": the same
        if name.years and k.name.years and _year_span(name.years) != _year_span(k.name.years):
            return False
        other = _key(k.name)
        if k.hit.kind != hit.kind:
            return bool(other) and key <= other
        return key <= other or other <= key

    def _add(self, s_index: int, text: str, hit: Hit, name: Name | None) -> int:
        idx = len(self.known)
        self.known.append(_Known(name, text[hit.start:hit.end], hit, first_sentence=s_index))
        self.result.agreements.append(Agreement(id=f"agr-{idx}", title="", kind=hit.kind))
        return idx

    def _update(self, idx: int, s_index: int, text: str, hit: Hit, hits: list[Hit], name: Name | None,
                parties: list[str], status: str) -> None:
        k, agr = self.known[idx], self.result.agreements[idx]
        if name is not None and (k.name is None or _better(name, k.name)):
            k.name = name
        if parties and (not agr.parties or set(agr.parties) <= set(sides().pair) < set(parties) | set(sides().pair)):
            agr.parties = parties
        k.statuses.add(status)
        if not any(e.quote == text for e in agr.evidence):
            agr.evidence.append(Evidence(self.doc.source.id, text))
        self._in_sentence(idx, s_index)
        self.result.spans.setdefault((idx, s_index), (hit.start, hit.end))
        if status == CONCLUDED:
            self._concluded(idx, s_index)
            for pid in _signatories(text, hit, hits, self.people.in_sentence(s_index), self.people):
                if pid not in agr.signatories:
                    agr.signatories.append(pid)
        self.last = idx

    def _in_sentence(self, idx: int, s_index: int) -> None:
        here = self.result.by_sentence.setdefault(s_index, [])
        if idx not in here:
            here.append(idx)

    def _concluded(self, idx: int, s_index: int) -> None:
        sentences = self.result.concluded_in.setdefault(idx, [])
        if s_index not in sentences:
            sentences.append(s_index)

    def _conclude_recent(self, s_index: int) -> None:
        """ "The agreements were exchanged ...": those just listed, not yet concluded, were concluded here."""
        paragraph = self.doc.sentences[s_index].paragraph
        text = self.doc.sentences[s_index].text
        for idx, k in enumerate(self.known):
            first = self.doc.sentences[k.first_sentence]
            recent = s_index - k.first_sentence <= 12 and paragraph - first.paragraph <= 3
            if recent and idx not in self.result.concluded_in and k.statuses <= {EXISTING}:
                k.statuses.add(CONCLUDED)
                self._concluded(idx, s_index)
                self._in_sentence(idx, s_index)
                agr = self.result.agreements[idx]
                if not any(e.quote == text for e in agr.evidence):
                    agr.evidence.append(Evidence(self.doc.source.id, text))

    # ------------------------------------------------------------ who is named
    def _said(self, s_index: int, text: str) -> _Said:
        """The organisations and countries a sentence names, in order, and its people."""
        out: list[tuple[int, int, str]] = []
        skipped: list[tuple[int, int]] = []  # spans of organisation names: a country word there is no party
        for i in self.orgs.by_sentence.get(s_index, []):
            o = self.orgs.organisations[i]
            spans = [m.span() for form in filter(None, [o.name, o.acronym])
                     for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text)]
            # "Bharat Shipyard Limited (BSL)": one mention, the name and its acronym together.
            spans = [(a, b) for a, b in spans if not any(c <= a and b <= d and (c, d) != (a, b) for c, d in spans)]
            # A name read inside another body's name is that body ("X, and Y Limited" and "Y Limited").
            spans = [sp for sp in spans if not any(a <= sp[0] < b for a, b, _ in out)]
            if spans:
                out.append((spans[0][0], spans[0][1], _org_party(o)))
                skipped.extend(spans[1:])
        people = [(m.start, m.end) for m in self.people.in_sentence(s_index)]
        taken = people + skipped + [(a, b) for a, b, _ in out]
        for m in re.finditer(r"[A-Z][a-z]+", text):
            # "Bharat Forge": a country's name before another capitalised word is part of a name.
            inside = any(a <= m.start() < b for a, b in taken) or re.match(r"\s+[A-Z][a-z]", text[m.end():])
            if not inside and m.group().lower() in _country_names():
                out.append((m.start(), m.end(), countries().country_of(m.group()) or m.group()))
        # "... (AIAD)": an acronym in brackets names a body even where the organisation step did not.
        for m in re.finditer(r"\(([A-Z][A-Za-z&]{1,9})\)", text):
            if not any(a <= m.start(1) < b for a, b in [*skipped, *((a, b) for a, b, _ in out)]) \
                    and not find_hits(m.group(1)) and not countries().country_of(m.group(1)):
                out.append((m.start(1), m.end(1), m.group(1)))
        return _Said(text, sorted(out), people, self.doc.home, self._person_words())

    def _person_words(self) -> frozenset[str]:
        if self.person_words is None:
            # People known by an office: a surname alone ("Ferrante and Rao signed") is theirs, not a company's.
            self.person_words = frozenset(w.lower() for p in self.people.people if p.roles
                                          for w in p.name.split() if len(w) > 2)
        return self.person_words

    def _previous_companies(self) -> list[str]:
        """The parties of the last instrument between companies or associations ("the two companies")."""
        return next((a.parties for a in reversed(self.result.agreements) if set(a.parties) - set(sides().pair)), [])

    # ------------------------------------------------------------ the result
    def finish(self) -> ArticleAgreements:
        for k, agr in zip(self.known, self.result.agreements, strict=True):
            agr.title = _title(k, agr.parties)
            agr.status = _PAGE_STATUS[max(k.statuses, key=lambda s: _STATUS_RANK[s])] if k.statuses else "signed"
            agr.instrument = k.hit.entry.instrument
        return self.result


# ---------------------------------------------------------------- dates
@dataclass(frozen=True)
class Dating:
    """What the sentences that conclude an agreement say of when: the sentence to read, a date phrase of the
    instrument's own clause, and whether the signing is told as earlier than the story (then no other date)."""

    sentence: int
    mention: DateMention | None
    background: bool


def dating(doc: ArticleDoc, result: ArticleAgreements, idx: int) -> Dating:
    """The first concluding sentence whose clause dates the instrument ("The contract was signed on Friday" after
    "A has signed a contract with B"), else the first one told as today's news, else the first."""
    s_list = result.concluded_in.get(idx, [])
    for n, s in enumerate(s_list):
        span = result.spans.get((idx, s))
        mention = clause_date(doc.sentences[s].text, span, doc.dates(s)) if span else None
        # In a later sentence only a date next to the instrument: "The contract was signed on Friday", not
        # "the MoU signed is one of ten priorities set last November".
        if mention is not None and (n == 0 or max(mention.start - span[1], span[0] - mention.end) <= 40):  # type: ignore[index]
            return Dating(s, mention, False)
    told = [s for s in s_list if not lexicon().background.search(doc.sentences[s].text)]
    return Dating(told[0] if told else s_list[0], None, not told) if s_list else Dating(0, None, True)


def clause_date(text: str, span: tuple[int, int], mentions: list[DateMention]) -> DateMention | None:
    """The date phrase nearest the instrument with no other clause between them; a date that opens the
    sentence ("Last year, ...") is of all its clauses."""
    lex = lexicon()
    own = [m for m in mentions
           if not (lex.strong_breaks if len(text[:m.start].split()) <= 1 else lex.clause_breaks).search(
               text[m.end:span[0]] if m.end <= span[0] else text[span[1]:m.start])]
    return min(own, key=lambda m: abs(m.start - span[0]), default=None)


# ---------------------------------------------------------------- rules of one mention
def _qualifies(hit: Hit, name: Name | None, status: str) -> bool:
    """Whether the word is an instrument here, by what its lexicon entry needs."""
    needs = hit.entry.needs
    if needs == "name":
        return name is not None
    if needs == "proper":
        return name is not None and ((name.proper and name.capital_noun) or bool(name.years)
                                     or any(w.lower() in lexicon().cooperation for w in name.words))
    if needs == "event":
        return status in {CONCLUDED, CANCELLED, IN_FORCE} or (name is not None and (name.proper or _has_topic(name)))
    if needs == "verb":
        return status in {CONCLUDED, CANCELLED}
    return True


def _has_topic(name: Name) -> bool:
    lows = [w.lower() for w in name.words]
    return any(w in {"for", "on", "of", "per", "di"} for w in lows[1:])


def _enough(name: Name | None, parties: list[str], status: str) -> bool:
    """Whether a mention says enough to be an agreement of its own. With no name, it must be signed between
    parties the sentence names; described only by lower-case words ("an integrity pact", "a possible
    data-sharing arrangement"), it must be signed, cancelled or promised, or its parties named."""
    if name is None:
        return bool(parties) and status in {CONCLUDED, CANCELLED}
    if name.proper or name.years or name.as_written or _has_topic(name):
        return True
    return bool(parties) or status in {CONCLUDED, CANCELLED, PLANNED}


def _key(name: Name) -> frozenset[str]:
    """The words that tell one instrument from another: no small words, instrument nouns, countries or years."""
    nouns = lexicon().nouns
    words = re.findall(r"[^\W\d_]+", " ".join(name.words).lower())
    return frozenset(w for w in words if w not in nouns and len(w) > 2 and not countries().country_of(w)
                     and w not in {"the", "and", "for", "between", "della", "del", "dei", "nel", "nella", "per"})


def _year_span(years: str) -> tuple[str, str]:
    """ "2025-29" and "2025-2029" are one span."""
    parts = re.findall(r"\d+", years)
    first = parts[0]
    last = parts[-1] if len(parts) > 1 else first
    return first, (first[:4 - len(last)] + last)


def _better(new: Name, old: Name) -> bool:
    """The fuller name: a proper name over a description, more distinctive words, years."""
    return (new.proper, len(_key(new)) + bool(new.years), len(new.words)) > \
        (old.proper, len(_key(old)) + bool(old.years), len(old.words))


def _title(k: _Known, parties: list[str]) -> str:
    own = [p for p in parties if p not in sides()]
    if k.name is not None:
        title = k.name.title
        if own and not k.name.proper and not any(p.lower() in title.lower() for p in own) and len(parties) >= 2:
            title += f" between {' and '.join(parties)}"
        return title
    label = k.hit.entry.name or " ".join(w if w.isupper() or w.lower() in {"of", "on"} else w[:1].upper() + w[1:]
                                         for w in k.noun.split())
    label = re.sub(r"\bMou\b|\bMOU\b", "MoU", label)
    return f"{label} between {' and '.join(parties)}" if len(parties) >= 2 else f"{label} with {parties[0]}"


def _org_party(o) -> str:  # type: ignore[no-untyped-def]
    """A ministry or armed service binds its state; a company or association binds itself."""
    if o.kind in {"government", "military"} and o.country:
        return o.country
    return o.acronym or o.name


# ---------------------------------------------------------------- parties
@dataclass
class _Said:
    """What one sentence names that could be a party: the bodies the organisation step knows and the
    countries (start, end, party), and the spans of people, who sign but are no party."""

    text: str
    bodies: list[tuple[int, int, str]]
    people: list[tuple[int, int]]
    home: str | None = None
    person_words: frozenset[str] = frozenset()  # the words of the article's people's names

    def names(self, start: int, end: int, n: int = 2) -> list[str]:
        """Parties named in text[start:end], in order: known bodies, else capitalised names ("with Milan-based
        Vela Srl") that are no person, place or time."""
        return list(dict.fromkeys(p for _, _, p in self.spans(start, end)))[:n]

    def spans(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """As `names`, with where each is named."""
        found = [b for b in self.bodies if start <= b[0] < end]
        taken = [(a, b) for a, b, _ in self.bodies] + self.people
        for run in _CAPITALISED_RUN.finditer(self.text, start, end):
            # "Leonardo and Bharat Forge": two names; "Milan-based Vela Srl": one.
            offset = 0
            for piece in re.split(r"\s+(?:and|e|&)\s+", run.group()):
                offset = run.group().index(piece, offset)
                # "Milan-based Vela Srl", "Italy's Vela Srl": where or whose it is, not its name.
                lead = re.match(r"(?:[\w-]+-based\s+|[A-Z][a-z]+['’]s\s+(?=[A-Z]))?", piece).end()  # type: ignore
                name, at = piece[lead:], run.start() + offset + lead
                offset += len(piece)
                if name and not any(a < at + len(name) and at < b for a, b in taken) and self._could_be_party(name):
                    found.append((at, at + len(name), name))
        return sorted(found)

    def _could_be_party(self, name: str) -> bool:
        """Not a time, a place, a demonym's phrase ("Italian Navy" is a body the organisation step reads),
        an instrument, a determiner starting the sentence ("The", "Il"), or a word of a person's name."""
        first = name.split()[0]
        demonym = countries().country_of(first) and first.lower() not in _country_names()
        return not (re.search(r"-based$", name) or demonym or _is_time(name) or first.lower() in _DETERMINERS
                    or name.lower() in countries().place_country or find_hits(name) or _a_person_word(name)
                    or set(name.lower().split()) & self.person_words)


def _parties(said: _Said, hit: Hit, status: str, previous: list[str]) -> list[str] | None:
    """Countries or organisations the instrument binds, when the sentence says; None for a third country's."""
    out = _between(said, hit) or _signed_with(said, hit) or (_signers(said, hit) if status == CONCLUDED else [])
    if not out and status == CONCLUDED:
        named = [p for _, _, p in said.bodies if p not in sides() and p not in _country_values()]
        out = list(dict.fromkeys(named))[:2] if len(set(named)) >= 2 else []
    if not out and lexicon().companies.search(said.text):
        out = previous  # "the two companies": those of the last company instrument
    named = {p for _, _, p in said.bodies}
    if not out and set(sides().pair) <= named or lexicon().bilateral.search(said.text):
        out = out or list(sides().pair)
    elif not out and any(_third(p) for p in named):
        return None  # "India and France signed ...": not the pair's
    return None if any(_third(p) for p in out) else list(dict.fromkeys(out))


def _third(party: str) -> bool:
    """A country outside the pair, or a bloc of countries ("the EU")."""
    return (party in _country_values() and party not in sides()) or bool(lexicon().blocs.fullmatch(party))


def _names_a_third(name: Name) -> bool:
    """ "India-France", "India-EU": a name that joins one side of the pair to a third country or a bloc."""
    for word in name.words:
        parts = re.split(r"[-–/]", word)
        if len(parts) > 1 and any(_third(countries().country_of(p) or p) for p in parts):
            return True
    return False


@cache
def _country_values() -> frozenset[str]:
    return frozenset(countries().by_word.values())


def _between(said: _Said, hit: Hit) -> list[str]:
    """ "an MoU (...) was signed between A and B", not "... after talks between X and Y"."""
    text = said.text
    m = re.compile(r"\b(?:between|tra|fra)\b", re.IGNORECASE).search(text, hit.end, hit.end + 120)
    if not m or _NOT_OWN_BETWEEN.search(text, hit.end, m.start()):
        return []
    stop = _CLAUSE_END.search(text, m.end())
    return said.names(m.end(), stop.start() if stop else len(text))


def _signed_with(said: _Said, hit: Hit) -> list[str]:
    """ "A signed an agreement with B", "A ha firmato con B un contratto", "A cancelled the purchase of X from B":
    the subject A and the other side B."""
    text = said.text
    verb = _verb_before(text, hit)
    words = r"with|con" + (r"|from|da|dal|dalla|dallo|dai|dall['’]" if hit.kind == "other" else "")
    side = re.compile(rf"\b(?:{words})\b", re.IGNORECASE)
    after = side.search(text, hit.end, hit.end + 60)
    if after and re.search(r"[;]|,.*,", text[hit.end:after.start()]):
        after = None
    before = side.search(text, verb.end(), hit.start) if verb else None  # "ha firmato con B un contratto"
    for m in filter(None, (after, before)):
        stop = _CLAUSE_END.search(text, m.end())
        other = said.names(m.end(), min(stop.start() if stop else len(text), m.end() + 60), 1)
        if other:
            subject = _subject_bodies(said, verb.start() if verb else hit.start)[-1:]
            return [*subject, other[0]] if subject and subject[0] != other[0] else other
    return []


def _signers(said: _Said, hit: Hit) -> list[str]:
    """ "A and B signed an MoU", "the MoU was signed by A and B" (bodies, not people)."""
    text = said.text
    verb = _verb_before(text, hit)
    subjects = _subject_bodies(said, verb.start()) if verb else []
    if len(subjects) == 2:
        return subjects
    by = re.compile(r"\b(?:signed|inked|firmat[oaie]|siglat[oaie]|sottoscritt[oaie])\b[^,;]{0,40}?\b(?:by|da)\b",
                    re.IGNORECASE).search(text, hit.end, hit.end + 80)
    if by:
        stop = _CLAUSE_END.search(text, by.end()) or lexicon().witness.search(text, by.end())
        found = said.names(by.end(), stop.start() if stop else len(text))
        return found if len(found) == 2 else []
    return []


def _verb_before(text: str, hit: Hit) -> re.Match[str] | None:
    verb = None
    for v in lexicon().signed.finditer(text, max(0, hit.start - 80), hit.start):
        verb = v
    return verb


def _subject_bodies(said: _Said, end: int) -> list[str]:
    """The organisations or countries named just before the verb that governs the instrument ("On Monday, Alfa
    Systems (ASL) signed ...", "A and B signed"); a state body ("the defence ministry") is its state."""
    text = said.text
    clause_start = max(0, end - 90)
    cut = list(re.finditer(r"[;:]|,(?![^,]*\band\b)", text[clause_start:end]))
    if cut:
        clause_start += cut[-1].end()
    tail = re.sub(r"(?:\s+(?:has|have|had|also|jointly|formally|today|yesterday|on \w+day|hanno|ha|avevano|aveva))+"
                  r"\s*$", "", text[clause_start:end])
    names = said.names(clause_start, clause_start + len(tail), 3)
    if names and re.search(r"[\w)]\s*$", tail) and not re.search(r"\b(?:said|says|told)\b", tail):
        return names[-2:] if re.search(r"\b(?:and|e|&)\b", tail) else names[-1:]
    around = _around_appositions(said, end) if not names and cut else []
    if around:
        return around
    state = lexicon().state_bodies.search(text[clause_start:end])
    if state:
        clause = text[clause_start:end]
        demonym = next((c for w in re.findall(r"[A-Z][a-z]+", clause) if (c := countries().country_of(w))), None)
        return [demonym or said.home] if demonym or said.home else []
    return []


def _a_person_word(name: str) -> bool:
    """ "He", "Dr", "Commodore", "Executive Vice President of X": a pronoun, an honorific, a rank or an office
    is who signs, never a party."""
    t, words = titles(), [_norm(w) for w in name.split()]
    return (words[0] in lexicon().not_parties or words[0] in t.honorifics
            or any(w in t.office_heads or w in t.honorifics for w in words)
            or (len(words) == 1 and words[0] in t.rank_words))


# ", one of Europe's largest shipbuilders,", ", a public sector undertaking,": what a body is, between commas.
_APPOSITION = re.compile(r",\s+(?:one of|part of|a|an|the|which|who|un[ao]?|tra)\s[^,;]{0,140}?,")


def _around_appositions(said: _Said, end: int) -> list[str]:
    """ "A, one of ..., and B (BB), a ... undertaking, on Monday signed": the bodies joined by "and" before
    the verb, read past what each is said to be; a country that owns one ("Italy's A") is no party."""
    text = said.text
    start = max(0, end - 400)
    asides = [m.span() for m in _APPOSITION.finditer(text, start, end)]
    if not asides:
        return []
    first: dict[str, tuple[int, int]] = {}
    for a, b, p in said.spans(start, end):
        if not any(x <= a and b <= y for x, y in asides) and not re.match(r"['’]s\b", text[b:b + 2]):
            first.setdefault(p, (a, b))
    names = sorted(first.items(), key=lambda pa: pa[1])
    if len(names) < 2 or not re.search(r"\b(?:and|e|&)\s", text[names[-2][1][0]:names[-1][1][1]]):
        return []
    return [p for p, _ in names[-2:]]


def _is_time(name: str) -> bool:
    if month_number(name.split()[0]) or weekday_number(name.split()[0]):
        return True  # "in June": a month or a weekday is no party
    words = name.lower().split()
    return bool(words) and words[0] in {"on", "in", "monday", "tuesday", "wednesday", "thursday", "friday",
                                        "saturday", "sunday", "earlier", "last", "the", "a", "an", "after",
                                        "before", "during", "later", "meanwhile", "separately", "further"}


# ---------------------------------------------------------------- signatories
def _signatories(text: str, hit: Hit, hits: list[Hit], mentions: list[Mention], people: ArticlePeople) -> list[str]:
    """People who signed: "signed by X and Y", "X and Y signed", "firmato da X"; not witnesses."""
    lex = lexicon()
    chosen: list[Mention] = []
    for verb in lex.signed.finditer(text):
        if hit not in cue_targets(text, verb.start(), verb.end(), hits):
            continue
        chosen += _signed_by(text, verb.end(), mentions)
        if lex.by_subject.fullmatch(verb.group()) or lex.by_subject.search(text, max(0, verb.start() - 6),
                                                                            verb.end()):
            chosen += _subjects(text, verb.start(), mentions)
    ids = [people.people[m.person].id for m in chosen if m.person is not None]
    return list(dict.fromkeys(ids))


def _signed_by(text: str, after: int, mentions: list[Mention]) -> list[Mention]:
    lex = lexicon()
    by = lex.signed_by.search(text, after, after + 80)
    if not by or re.search(r"[,;]", text[after:by.start()]):
        return []
    stop = lex.witness.search(text, by.end()) or re.compile(r";|\b(?:during|after|following|durante|dopo)\b").search(
        text, by.end())
    end = stop.start() if stop else len(text)
    return [m for m in mentions if by.end() <= m.start < end]


def _subjects(text: str, verb_at: int, mentions: list[Mention]) -> list[Mention]:
    """ "X and Y signed", "X, Chairman of Z, signed on behalf of ...": the people named just before the verb."""
    before = [m for m in mentions if m.end <= verb_at]
    if not before or not _gap_before_verb(text[before[-1].end:verb_at]):
        return []
    chain = [before[-1]]
    for m in reversed(before[:-1]):
        gap = text[m.end:chain[0].start]
        if len(gap) > 90 or ";" in gap or not re.search(r"(?:^|\s|,)(?:and|e|&)\s|^\s*,", gap) \
                or lexicon().witness.search(gap) or lexicon().signed.search(gap):
            break
        chain.insert(0, m)
    lead = text[max(0, chain[0].start - 40):chain[0].start]
    return [] if lexicon().witness.search(lead) else chain


def _gap_before_verb(gap: str) -> bool:
    """What may stand between a signatory's name and the verb: an apposition, auxiliaries."""
    gap = re.sub(r"^\s*\([^)]*\)", "", gap)
    gap = re.sub(r"^\s*,[^,;]{0,90},", "", gap)
    return bool(re.fullmatch(r"\s*(?:(?:have|has|had|formally|also|jointly|then|hanno|ha|avevano)\s+)*", gap))
