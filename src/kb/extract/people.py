"""People of one article: names introduced by a title, rank, honorific or role.

News style introduces a person with what they are: "Defence Minister Arun
Bhatia", "Lt Gen Marco Ferri", "Anil Rao, Defence Production Secretary",
"his Italian counterpart Silvia Marchetti", "il ministro della Difesa Guido
Ferri". A run of capitalised words that are not title, country or calendar
words is a name candidate; it becomes a person when such a title stands next
to it (or a verb of speech, or a question put by an interviewer, for an
untitled full name). Later short forms ("Gen Ferri", "Mr Bhatia", "Rao said")
are resolved to the person of that article whose name they shorten, choosing
by rank or office when two share a surname. Names the article gives without
any of that are kept apart as `untitled`: they become people only where
another article introduces the same person.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from ..ids import slug, unique
from ..lexicon import countries
from ..model import Person, Role
from ..names import is_full_name, name_key, name_lexicon, same_name, short_form_of
from .doc import ArticleDoc
from .nationality import assumed_home, decide_country, exclusions
from .organisations import ArticleOrganisations
from .roles import (
    TitleParts,
    country_word,
    employer_after,
    is_company,
    is_eponym,
    low,
    name_runs,
    office_country,
    parse_title,
    scan_left,
    scan_right,
    service_end,
    vocab,
)
from .ships import commanded_ship, last_ship, led_unit, owner_is_ship, ship_country, ships_in
from .text import Token, tokenize


@dataclass
class Mention:
    sentence: int
    start: int  # character offsets in the sentence
    end: int
    name: str
    office: str | None = None
    rank: str | None = None
    honorific: str | None = None
    org: str | None = None
    country: str | None = None
    host: str | None = None  # where the office is held ("Ambassador to Italy"): not the person's country
    titled: bool = False
    eponym: bool = False  # "the X Memorial": named, never introduced
    person: int | None = None  # index into the article's people, once resolved


@dataclass
class ArticlePeople:
    people: list[Person] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def in_sentence(self, index: int) -> list[Mention]:
        return [m for m in self.mentions if m.sentence == index and m.person is not None]


# Languages that write ranks and offices in lower case, put adjectives after the noun ("il ministro indiano")
# and elide articles ("l'ammiraglio").
_ROMANCE = {"it", "fr", "es", "pt"}


@cache
def _speech() -> frozenset[str]:
    return frozenset(name_lexicon()["speech_verbs"])


@cache
def _interviewer_cue() -> re.Pattern[str]:
    cues = "|".join(re.escape(c) for c in sorted(name_lexicon()["interviewer_cues"], key=len, reverse=True))
    # "told ANI's Jane Doe": an outlet's possessive may stand between the cue and the name.
    return re.compile(rf"\b(?:{cues})\s+(?:(?:the\s+)?[A-Z][\w&.-]*['’]s\s+)?$", re.IGNORECASE)


@cache
def _companion_cue() -> re.Pattern[str]:
    cues = "|".join(re.escape(c) for c in sorted(name_lexicon()["companion_cues"], key=len, reverse=True))
    return re.compile(rf"\b(?:{cues})\s+$", re.IGNORECASE)


# ---------------------------------------------------------------- mentions of one sentence
@dataclass
class _Sentence:
    doc: ArticleDoc
    index: int
    tokens: list[Token]
    orgs: list[str]  # the article's organisation names and acronyms, lower case
    romance: bool

    @property
    def text(self) -> str:
        return self.doc.sentences[self.index].text


def _is_organisation(s: _Sentence, i: int, j: int) -> bool:
    """ "Deccan Aerostructures (Limited)", "Fincantieri": a company the article names, not a person."""
    run = s.text[s.tokens[i].start:s.tokens[j - 1].end].lower()
    return any(o == run or o.startswith(run + " ") for o in s.orgs) or is_company(s.tokens, j)


def _right_title(s: _Sentence, j: int) -> tuple[list[Token], list[Token]]:
    """The appositive title after the name, and a service or country between them ("of the French Navy")."""
    right = scan_right(s.tokens, j, s.romance)
    if right or (after := service_end(s.tokens, j)) == j:
        return right, []
    # "Rear Admiral X of the French Navy, commander of ...", "Minister X of Sweden": the service or country,
    # then perhaps the office
    return scan_right(s.tokens, after, s.romance), s.tokens[j:after]


def _ship_office(s: _Sentence, left: list[Token], lp: TitleParts, rp: TitleParts) -> None:
    """A ship's or a unit's officer: "The Margottini, commanded by Commander X", "its commanding officer,
    Captain X", "The Indian task group was led by Rear Admiral X" (unless an office follows the name)."""
    ships = name_lexicon()["ship_prefixes"]
    first = next(n for n, t in enumerate(s.tokens) if t.start == left[0].start)
    ship = None
    if lp.rank and not lp.office and not rp.office:
        ship = commanded_ship(s.doc.sentences, s.index, s.tokens, first)
        if ship:
            lp.office = f"Commanding Officer of {ship}"
        elif unit := next((u for n in range(first, first + len(left))
                           if (u := led_unit(s.doc.sentences, s.index, s.tokens, n))), None):
            lp.office = unit
            lp.country = lp.country or next((c for w in tokenize(unit) if (c := country_word(w))), None)
            ship = next(iter(ships_in(unit)), None)
    elif lp.office and not lp.org and owner_is_ship(s.tokens, first, left):
        ship = last_ship(s.doc.sentences, s.index, left[0].start)
        if ship:
            lp.office = f"{lp.office} of {ship}"
    if ship:
        lp.country = lp.country or ships.get(ship.split()[0])


def _speaks(s: _Sentence, i: int, j: int) -> bool:
    """An untitled full name next to a verb of speech ("said X", "X ha detto"), put questions to, or
    accompanying someone ("accompanied by X")."""
    tokens, speech = s.tokens, _speech()
    before = low(tokens[i - 1]) if i > 0 else ""
    after = [low(t) for t in tokens[j:j + 2]]
    if before in speech or (after and after[0] in speech) or (after[:1] == ["ha"] and after[1:] and after[1] in speech):
        return True
    if before == "to" and i > 1 and low(tokens[i - 2]) == "according":
        return True
    before_text = s.text[:tokens[i].start]
    return bool(_interviewer_cue().search(before_text) or _companion_cue().search(before_text))


def _mention(s: _Sentence, i: int, j: int) -> Mention:
    tokens, text = s.tokens, s.text
    left = scan_left(tokens, i, s.romance)
    right, service = _right_title(s, j)
    lp = parse_title(left, text, romance=s.romance) if left else TitleParts()
    rp = parse_title(right, text, left=False, romance=s.romance) if right else TitleParts()
    if left:
        _ship_office(s, left, lp, rp)
    if right and not rp.org and not service:
        rp.org = employer_after(tokens, tokens.index(right[-1]) + 1, text, s.orgs)
    if service:
        rp.country = next((c for w in service if (c := country_word(w))), None) or rp.country
        if lp.office and not lp.org and not rp.country:
            # "defence analyst X of the Y Forum for Strategic Studies": the employer
            lp.org = text[service[2 if low(service[1]) == "the" else 1].start:service[-1].end]
    name = text[tokens[i].start:tokens[j - 1].start + len(tokens[j - 1].bare)]
    m = Mention(s.index, tokens[i].start, tokens[j - 1].end, name, office=lp.office or rp.office,
                rank=lp.rank or rp.rank, honorific=lp.honorific, org=lp.org or rp.org,
                host=lp.host or rp.host, eponym=is_eponym(tokens, j))
    m.country = lp.country or rp.country or ship_country(m.office)
    m.titled = bool(m.office or m.rank or m.honorific or lp.counterpart) and not m.eponym
    if lp.counterpart and not m.office:
        m.office = "counterpart"  # filled in from the other side below
    if not m.titled and not m.eponym and j - i >= 2:
        m.titled = _speaks(s, i, j)
    return m


def _sentence_mentions(s: _Sentence) -> list[Mention]:
    spans = [(i, j) for i, j in name_runs(s.tokens) if not _is_organisation(s, i, j)]
    mentions = [_mention(s, i, j) for i, j in spans]
    _listed(s, spans, mentions)
    _predecessors(s, mentions)
    return mentions


def _listed(s: _Sentence, spans: list[tuple[int, int]], mentions: list[Mention]) -> None:
    """ "Prime Ministers A B, C D and E F": names listed after a title in the plural share it."""
    plurals = vocab().plurals
    listed = False
    for n in range(1, len(mentions)):
        prev, m = mentions[n - 1], mentions[n]
        between = [low(t) for t in s.tokens[spans[n - 1][1]:spans[n][0]]]
        listed = listed or any(low(t) in plurals for t in s.tokens[max(0, spans[n - 1][0] - 4):spans[n - 1][0]])
        if not listed or m.titled or not prev.office or between not in ([","], ["and"], ["e"], [",", "and"]):
            listed = False
            continue
        m.office, m.country, m.org, m.titled = prev.office, prev.country, prev.org, True


def _predecessors(s: _Sentence, mentions: list[Mention]) -> None:
    """ "X is the third Italian Prime Minister to visit India after A and B": A and B held that office
    before (and X holds it); the ordinal and the word of succession say so."""
    names, tokens = name_lexicon(), s.tokens
    ordinals, cues = set(names["ordinals"]), set(names["succession_cues"])
    for o, tok in enumerate(tokens):
        if low(tok) not in ordinals:
            continue
        head = next((h for h in range(o + 1, min(o + 6, len(tokens))) if low(tokens[h]) in vocab().heads), None)
        cue = next((c for c in range(head or o, len(tokens)) if low(tokens[c]) in cues), None) if head else None
        if head is None or cue is None:
            continue
        parts = parse_title(tokens[o + 1:head + 1], s.text, left=False, romance=s.romance)
        before = [m for m in mentions if m.end <= tok.start and not m.office]
        holders = [m for m in mentions if m.start > tokens[cue].start and not m.titled]
        for m in holders + before[-1:]:
            if is_full_name(m.name) or m in before:
                m.office, m.country, m.titled = parts.office, m.country or parts.country, True
        return


# ---------------------------------------------------------------- the extractor
def find_people(doc: ArticleDoc, organisations: ArticleOrganisations | None = None) -> ArticlePeople:
    """People of one article, with every mention resolved to one of them.

    The article's home is the country its own officials serve (its press names
    foreign officials with their nationality and its own without); the
    organisations give the country of an employer named in a role.
    """
    found = organisations.organisations if organisations else []
    orgs = [o.name.lower() for o in found] + [o.acronym.lower() for o in found if o.acronym]
    romance = doc.language in _ROMANCE
    mentions = [m for index in range(len(doc.sentences))
                for m in _sentence_mentions(_Sentence(doc, index, doc.tokens(index), orgs, romance))]
    people = _resolve_mentions(mentions, doc, organisations.country_of if organisations else (lambda name: None))
    if organisations:
        _full_employer_names(people, organisations)
    return people


def _full_employer_names(people: ArticlePeople, organisations: ArticleOrganisations) -> None:
    """ "Chairman, BSL" reads better as "Chairman, Bharat Shipyard Limited"."""
    for p in people.people:
        for r in p.roles:
            head, _, org = r.title.rpartition(", ")
            full = organisations.full_name(org) if head else None
            if full and full != org:
                r.title = f"{head}, {full}"


# ---------------------------------------------------------------- one person per name, within the article
@dataclass
class _Known:
    """What the article says of one person."""

    names: list[str]
    ranks: set[str] = field(default_factory=set)
    offices: list[tuple[str, str | None]] = field(default_factory=list)  # (office, employer)
    honorifics: set[str] = field(default_factory=set)
    country: str | None = None


def _find(known: list[_Known], name: str) -> int | None:
    return next((k for k, d in enumerate(known) if any(same_name(name, n) for n in d.names)), None)


def _full_names(mentions: list[Mention], known: list[_Known]) -> None:
    """Full names first, so that short forms met earlier can still find them; an untitled full name joins a
    titled one of the article, wherever it stands."""
    for m in mentions:
        if not is_full_name(m.name):
            continue
        idx = _find(known, m.name)
        if idx is None and m.titled:
            known.append(_Known(names=[m.name]))
            idx = len(known) - 1
        if idx is not None:
            m.person = idx
            known[idx].names.append(m.name)
    for m in mentions:
        if m.person is None and is_full_name(m.name):
            m.person = _find(known, m.name)


def _short_forms(mentions: list[Mention], known: list[_Known]) -> None:
    """ "Gen Ferri", "Ms Singh", "Rao": the person whose name they shorten, or one known by title and surname."""
    for m in mentions:
        if m.person is not None:
            d = known[m.person]
            if m.rank:
                d.ranks.add(m.rank)
            if m.honorific:
                d.honorifics.add(m.honorific.lower())
    for m in mentions:
        if m.person is not None:
            continue
        cands = [k for k, d in enumerate(known) if any(short_form_of(m.name, n) for n in d.names)]
        if len(cands) > 1:
            cands = _disambiguate(m, cands, known, mentions)
        if cands:
            m.person = cands[0]
        elif m.titled and (m.rank or m.honorific or m.office) and len(m.name) > 2:
            known.append(_Known(names=[m.name]))  # known only by title and surname ("Minister Moro")
            m.person = len(known) - 1


def _disambiguate(m: Mention, cands: list[int], known: list[_Known], mentions: list[Mention]) -> list[int]:
    """Two people share a surname: choose by rank, then office, then honorific, then the latest mentioned."""
    if m.rank and (by_rank := [k for k in cands if m.rank in known[k].ranks]):
        return by_rank
    if m.office and (by_office := [k for k in cands
                                   if any(m.office.lower() in o.lower() for o, _ in known[k].offices)]):
        return by_office
    if m.honorific and (civil := [k for k in cands if not known[k].ranks]):
        cands = civil
    earlier = [x for x in mentions if x.person in cands and x.sentence <= m.sentence]
    return [earlier[-1].person] if earlier else cands  # type: ignore[list-item]


def _gather(mentions: list[Mention], known: list[_Known]) -> None:
    """Offices, countries and spellings, from every mention of a person."""
    for m in mentions:
        if m.person is None:
            continue
        d = known[m.person]
        if m.office and m.office != "counterpart" and (m.office, m.org) not in d.offices:
            d.offices.append((m.office, m.org))
        d.country = d.country or m.country
        d.names.append(m.name)


def _counterparts(mentions: list[Mention], known: list[_Known]) -> None:
    """ "his Italian counterpart X": X holds the office of the sentence's other person."""
    for m in mentions:
        if m.office != "counterpart" or m.person is None or known[m.person].offices:
            continue
        others = [x for x in mentions if x.sentence == m.sentence and x.person not in (None, m.person)
                  and x.start < m.start]
        for x in reversed(others):
            offices = known[x.person].offices  # type: ignore[index]
            if offices:
                known[m.person].offices.append((_strip_country(offices[0][0]), m.org))
                break


def _strip_country(office: str) -> str:
    """ "Italian Defence Minister" -> "Defence Minister": the office a counterpart holds too."""
    first, _, rest = office.partition(" ")
    return rest if rest and countries().country_of(first) else office


def _untitled(mentions: list[Mention], known: list[_Known]) -> list[str]:
    """Names the article gives without a title: full names, and single names it repeats ("Bellandi said ...
    Bellandi added"), that match no one the article introduced."""
    counts: dict[str, int] = {}
    for m in mentions:
        if m.person is None:
            counts[name_key(m.name)] = counts.get(name_key(m.name), 0) + 1
    out: dict[str, str] = {}
    for m in mentions:
        key = name_key(m.name)
        if m.person is None and key and (is_full_name(m.name) or counts[key] >= 2) and key not in out:
            out[key] = m.name
    return list(out.values())


def _resolve_mentions(mentions: list[Mention], doc: ArticleDoc,
                      org_country: Callable[[str], str | None]) -> ArticlePeople:
    known: list[_Known] = []
    _full_names(mentions, known)
    _short_forms(mentions, known)
    _gather(mentions, known)
    _counterparts(mentions, known)
    excluded = exclusions(doc, mentions, [d.country for d in known])
    home = assumed_home(doc)
    people = []
    for k, d in enumerate(known):
        p = Person(id="", name=_canonical_name(d.names))
        p.aliases = sorted({n for n in d.names if name_key(n) != name_key(p.name)})
        offices = [o for o, _ in d.offices]
        employers = [org for _, org in d.offices if org]
        stated = (d.country or next((c for o in offices if (c := office_country(o))), None)
                  or next((c for org in employers if (c := org_country(org))), None))
        p.country, p.country_guessed = decide_country(stated, excluded.get(k, set()), home if not employers
                                                      else None, doc)
        for office, org in d.offices:
            title = f"{office}, {org}" if org and org.lower() not in office.lower() else office
            p.roles.append(Role(title=title, country=p.country))
        if not p.roles and d.ranks:
            p.roles.append(Role(title=sorted(d.ranks)[0], country=p.country))
        people.append(p)
    people += [Person(id="", name=n, untitled=True) for n in _untitled(mentions, known)]
    taken: set[str] = set()
    for p in people:
        p.id = unique(slug(p.name), taken)
    return ArticlePeople(people, [m for m in mentions if m.person is not None])


def _canonical_name(names: list[str]) -> str:
    """The most frequent full spelling; the first one on a tie."""
    full = [n for n in names if is_full_name(n)] or names
    counts: dict[str, int] = {}
    for n in full:
        counts[n] = counts.get(n, 0) + 1
    return max(counts, key=lambda n: counts[n])



