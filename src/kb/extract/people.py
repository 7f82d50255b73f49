"""People of one article: names introduced by a title, rank, honorific or role.

News style introduces a person with what they are: "Defence Minister Arun
Bhatia", "Lt Gen Marco Ferri", "Anil Rao, Defence Production Secretary",
"his Italian counterpart Silvia Marchetti". A run of capitalised words that are
not title, country or calendar words is a name candidate; it becomes a person
when such a title stands next to it (or a verb of speech, for an untitled full
name). Later short forms ("Gen Ferri", "Mr Bhatia", "Rao said") are
resolved to the person of that article whose name they shorten, choosing by
rank or office when two share a surname.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from ..ids import slug, unique
from ..lexicon import countries, sides, titles
from ..model import Person, Role
from ..names import is_full_name, name_key, name_lexicon, particles, same_name, short_form_of, surname_key
from .doc import ArticleDoc
from .organisations import ArticleOrganisations
from .text import Sentence, Token, tokenize

_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}


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
    titled: bool = False
    person: int | None = None  # index into the article's people, once resolved


@dataclass
class ArticlePeople:
    people: list[Person] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def in_sentence(self, index: int) -> list[Mention]:
        return [m for m in self.mentions if m.sentence == index and m.person is not None]


# ---------------------------------------------------------------- word classes
def _not_name_words() -> frozenset[str]:
    t = titles()
    words = set(w.lower() for w in name_lexicon()["not_names"])
    words |= t.office_heads | t.office_words | t.honorifics
    words |= {w for form, _ in t.ranks for w in form.split()}
    # Country names and demonyms, not places: "Colombo" or "Milano" can be a surname.
    words |= {w for w, _ in countries().by_word.items() if " " not in w}
    return frozenset(words)


_NOT_NAME: frozenset[str] | None = None


def _is_name_word(tok: Token) -> bool:
    global _NOT_NAME
    if _NOT_NAME is None:
        _NOT_NAME = _not_name_words()
    word = tok.bare
    if not re.fullmatch(r"[A-ZÀ-Ö][a-zà-öø-ÿ]+(?:[-'’][A-ZÀ-Öa-zà-öø-ÿ]+)*|(?:Mc|Mac|O['’]|D['’])[A-Z][a-z]+", word):
        return False
    return word.lower() not in _NOT_NAME


def _is_initial(tok: Token) -> bool:
    return bool(re.fullmatch(r"[A-Z]\.?|[A-Z]{2,3}|(?:[A-Z]\.){2,3}", tok.text)) and not _is_title_token(tok)


def _is_title_token(tok: Token) -> bool:
    """Office words may be lower case ("senior vice-president"); honorifics and ranks are capitalised."""
    word = tok.bare.lower()
    t = titles()
    if word in t.office_heads or word in t.office_words:
        return True
    if word in {"di", "d'"}:  # inside Italian ranks: "Ammiraglio di Squadra"
        return True
    return tok.capitalised and (word in t.honorifics or any(word in form.split() for form, _ in t.ranks))


def _country_word(tok: Token) -> str | None:
    return countries().country_of(tok.text)


def _place_word(tok: Token) -> bool:
    """A country or a known place: "in Mumbai" may end an office ("Consul General in Mumbai")."""
    return bool(_country_word(tok)) or tok.bare.lower() in countries().place_country


def _known_place(words: list[Token]) -> bool:
    phrase = " ".join(w.bare for w in words).lower()
    return phrase in countries().place_country or bool(countries().by_word.get(phrase))


def _place_end(tokens: list[Token], k: int) -> int:
    """The end of a known place or country of one to four words starting at token k ("New Delhi"); k if none."""
    for n in (4, 3, 2, 1):
        if k + n <= len(tokens) and all(t.capitalised for t in tokens[k:k + n]) and _known_place(tokens[k:k + n]):
            return k + n
    return k


def _place_start(tokens: list[Token], k: int) -> int:
    """The start of a known place or country of one to four words ending at token k; k + 1 if none."""
    for n in (4, 3, 2, 1):
        if k - n + 1 >= 0 and all(t.capitalised for t in tokens[k - n + 1:k + 1]) \
                and _known_place(tokens[k - n + 1:k + 1]):
            return k - n + 1
    return k + 1


# ---------------------------------------------------------------- name runs
def _name_runs(tokens: list[Token]) -> list[tuple[int, int]]:
    """Token spans [i, j) that may be a person's name."""
    ships = set(name_lexicon()["ship_prefixes"])
    runs = []
    i = 0
    while i < len(tokens):
        if _is_name_word(tokens[i]) or (_is_initial(tokens[i]) and i + 1 < len(tokens)
                                        and (_is_name_word(tokens[i + 1]) or _is_initial(tokens[i + 1]))):
            j = i + 1
            while j < len(tokens):
                tok = tokens[j]
                prev_possessive = tokens[j - 1].text != tokens[j - 1].bare and not tokens[j - 1].text.endswith(".")
                if prev_possessive:
                    break
                if _is_name_word(tok) or (_is_initial(tok) and j + 1 < len(tokens) and _is_name_word(tokens[j + 1])):
                    j += 1
                elif (tok.text.lower() in particles() and j + 1 < len(tokens) and _is_name_word(tokens[j + 1])):
                    j += 1
                else:
                    break
            # Initials alone are not a name; a name ends on a word.
            while j > i and _is_initial(tokens[j - 1]):
                j -= 1
            if j > i and not (i > 0 and tokens[i - 1].text in ships):
                runs.append((i, j))
            i = max(j, i + 1)
        else:
            i += 1
    return runs


# Words after a capitalised run that make it a company's name.
_ORG_TAILS = {"limited", "ltd", "s.p.a", "spa", "inc", "corporation", "corp", "group", "industries", "plc", "gmbh",
              "shipyard", "shipyards", "shipbuilders", "aerospace", "aeronautics", "systems", "technologies"}


# ---------------------------------------------------------------- titles around a name
_FUNCTION_WORDS = {"the", "a", "an", "and", "of", "in", "on", "at", "by", "with", "for", "from", "to", "as"}


def _parse_rank_only(phrase: list[Token]) -> bool:
    """The tokens (nearest last) are only a rank and/or an honorific."""
    t = titles()
    words = [w.bare for w in reversed(phrase)]
    while words and words[-1].lower() in t.honorifics:
        words.pop()
    r = t.rank_of(words) if words else None
    return not words or bool(r and r[1] == len(words))


def _scan_left(tokens: list[Token], i: int, sentence: str) -> list[Token]:
    """The title phrase that ends right before token i (nearest token last)."""
    t = titles()
    out: list[Token] = []
    k = i - 1
    depth = 0
    while k >= 0:
        tok = tokens[k]
        word = tok.bare.lower()
        if tok.text == ")":
            depth += 1
        elif tok.text == "(":
            if depth == 0:
                break
            depth -= 1
        elif depth > 0:
            pass  # inside "(DP)" or "(shipbuilding)"
        elif tok.text != tok.bare and tok.capitalised and not tok.text.endswith(".") and not _country_word(tok):
            # "Mazagon Dock's director": the employer, its words before, then stop.
            out.append(tok)
            k -= 1
            while k >= 0 and tokens[k].capitalised and tokens[k].text == tokens[k].bare \
                    and tokens[k].bare.lower() not in _FUNCTION_WORDS:
                out.append(tokens[k])
                k -= 1
            break
        elif tok.text == ",":
            # "Deputy Prime Minister ..., Antonio Tajani", "the Chief of Staff ..., General X":
            # a title may stand before the comma, next to the name or to its rank.
            before = tokens[k - 1] if k else None
            if before is None or not (_is_title_token(before) or _place_word(before)
                                      or before.bare.lower().startswith("counterpart")) \
                    or any(o.text == "," for o in out):
                break
            if out and not _parse_rank_only(out):
                break
        elif word in {"and", "&"} and _parse_rank_only(out):
            break  # "... (Intelligence) and Brigadier X": the rank is X's, what stands before is another's
        elif (start := _place_start(tokens, k)) <= k and start > 0 \
                and tokens[start - 1].bare.lower() in {"in", "to", "at"}:
            # "the Italian defence attache in New Delhi, Brigadier ...": the whole place, then its preposition
            out.extend(reversed(tokens[start - 1:k + 1]))
            k = start - 2
            continue
        elif _is_title_token(tok) or word in t.fillers and word not in {"in", "at", "to", "on"}:
            pass
        elif word in {"in", "to"} and out and _place_word(out[-1]):
            pass  # "Consul General in Mumbai", "Ambassador to India"
        elif word == "counterpart" or word == "counterparts":
            pass
        elif _place_word(tok):
            pass
        elif re.fullmatch(r"[A-Z][A-Z&]{1,7}", tok.text) and out:
            out.append(tok)  # "BSL Chairman": an acronym of the employer, then stop
            break
        else:
            break
        out.append(tok)
        k -= 1
    # "Head of the Plans and Policy Department": after "of"/"the" comes an object, not a person.
    if out and out[0].bare.lower() in {"of", "the", "for", "and", "&", "in", "to", "at", "on"}:
        return []
    # Drop leading fillers and an opening comma.
    while out and (out[-1].text == "," or out[-1].bare.lower() in t.fillers):
        out.pop()
    return out


# Words that open a clause, not a noun phrase.
_CLAUSE_WORDS = {"and", "or", "but", "who", "which", "that", "said", "says", "told", "was", "is", "were", "are",
                 "has", "had", "have", "will", "would", "met", "led", "when", "while", "as", "after", "before"}


def _scan_right(tokens: list[Token], j: int) -> list[Token]:
    """An appositive title after ", ": "Sanjeev Kumar, Defence Production Secretary"."""
    t = titles()
    if j >= len(tokens) or tokens[j].text != ",":
        return []
    if j + 1 < len(tokens) and tokens[j + 1].bare.lower() in {"and", "or", "while", "but"}:
        return []  # ", and the Chief of ...": the next person's title
    out: list[Token] = []
    k = j + 1
    depth = 0
    while k < len(tokens):
        tok = tokens[k]
        word = tok.bare.lower()
        if tok.text == "(":
            depth += 1
        elif tok.text == ")":
            if depth == 0:
                break
            depth -= 1
        elif depth > 0:
            pass
        elif word in {"and", "&"} and _starts_person(tokens, k + 1):
            break  # "..., Assistant Chief of Naval Staff and Brigadier X": the next person
        elif _is_title_token(tok) or _country_word(tok) or (word in t.fillers and word not in {"in", "at", "to", "on"}):
            pass
        elif word in {"in", "to"} and k + 1 < len(tokens) and _country_word(tokens[k + 1]):
            pass
        elif word in {"in", "at"} and any(o.bare.lower() in t.office_heads for o in out) \
                and (end := _venue_end(tokens, k + 1)) > k + 1:
            # "the defence attache in New Delhi", "commander of the French forces in the Indian Ocean"
            out.extend(tokens[k:end])
            k = end
            continue
        elif tok.text != tok.bare and tok.capitalised:
            pass  # "Italian Navy's"
        else:
            break
        out.append(tok)
        k += 1
    if k < len(tokens) and tokens[k].text.islower() and any(w.bare.lower() == "of" for w in out) \
            and out[0].bare.lower() in t.office_heads:
        # "X, commander of the Chinese escort group, ...": the body in lower case, up to the closing comma
        end = k
        while end < len(tokens) and end - k < 4 and tokens[end].text.isalpha() and tokens[end].text.islower() \
                and tokens[end].text not in _CLAUSE_WORDS:
            end += 1
        if end > k and end < len(tokens) and tokens[end].text == ",":
            out.extend(tokens[k:end])
            k = end
    tail = [w.bare.lower() for w in out[-2:]]
    ends_with_of = bool(out) and (tail[-1] == "of" or tail == ["of", "the"])
    if ends_with_of:
        # "Chief Executive Officer of Leonardo", "Head of the Plans and Policy Department": the body closes the title.
        def joins(n: int) -> bool:
            return (tokens[n].bare.lower() in {"and", "of", "the", "&"} or tokens[n].text in particles()) \
                and n + 1 < len(tokens) and tokens[n + 1].capitalised and not _starts_person(tokens, n + 1)

        while k < len(tokens) and len(out) < 20 and (tokens[k].capitalised or joins(k)):
            out.append(tokens[k])
            k += 1
    while out and (out[-1].bare.lower() in t.fillers or out[-1].text in {",", "("}):
        out.pop()
    if not any(tok.bare.lower() in t.office_heads for tok in out):
        return []
    return out


def _service_end(tokens: list[Token], j: int) -> int:
    """After a name, "of the French Navy" up to a comma: the end of that phrase, or j if there is none."""
    if j >= len(tokens) or tokens[j].bare.lower() != "of":
        return j
    k = j + 1
    if k < len(tokens) and tokens[k].bare.lower() == "the":
        k += 1
    end = k
    while end < len(tokens) and tokens[end].capitalised and tokens[end].text == tokens[end].bare:
        end += 1
    if end > k and (tokens[end - 1].bare.lower() in _BODY_HEADS or _known_place(tokens[k:end])):
        return end
    return j


_SHIP_OFFICES = {"commanding officer", "captain", "commander", "executive officer", "master"}


def _ship_country(office: str | None) -> str | None:
    """ "Commanding Officer of HMS Kent": the navy of the ship named in the office."""
    owners = name_lexicon()["ship_prefix_country"]
    return next((owners[w] for w in (office or "").split() if w in owners), None)


_VESSELS = {"ship", "vessel", "frigate", "destroyer", "corvette", "submarine", "carrier", "warship", "cruiser",
            "tanker", "patrol"}


def _commanded_ship(sentences: list[Sentence], s_index: int, tokens: list[Token], left: list[Token]) -> str | None:
    """The ship before ", commanded by <rank> X": named there, or "The Indian ship" / "The Margottini"
    for a ship named earlier in the article."""
    first = next(n for n, t in enumerate(tokens) if t.start == left[0].start)
    if first < 3 or [t.bare.lower() for t in tokens[first - 2:first]] != ["commanded", "by"]:
        return None
    k = first - 3 if tokens[first - 3].text == "," else first - 2
    phrase = tokens[max(0, k - 4):k]
    owners = name_lexicon()["ship_prefix_country"]
    ships = [ship for n in range(s_index) for ship in _ships_in(sentences[n].text)]
    here = _last_ship(sentences, s_index, tokens[k].start if k < len(tokens) else len(sentences[s_index].text))
    if here and here.split()[0] in [t.text for t in phrase]:
        return here
    words = {t.bare for t in phrase}
    country = next((c for t in phrase if (c := _country_word(t))), None)
    for ship in reversed(ships):
        if words & set(ship.split()[1:]) or (country and any(t.bare.lower() in _VESSELS for t in phrase)
                                             and owners.get(ship.split()[0]) == country):
            return ship
    return None


def _owner_is_ship(tokens: list[Token], phrase: list[Token]) -> bool:
    """ "its commanding officer": an office of a thing named before, which for these offices is a ship."""
    first = next(n for n, t in enumerate(tokens) if t.start == phrase[0].start)
    office = " ".join(t.bare.lower() for t in phrase if t.bare.lower() in titles().office_heads
                      or t.bare.lower() in titles().office_words)
    return first > 0 and tokens[first - 1].text.lower() == "its" and any(o in office for o in _SHIP_OFFICES)


def _ships_in(text: str) -> list[str]:
    """Ships named in a text, in order: a prefix ("ITS") and the capitalised name after it."""
    prefixes = set(name_lexicon()["ship_prefixes"])
    tokens = tokenize(text)
    found = []
    for k, tok in enumerate(tokens):
        if tok.text not in prefixes:
            continue
        end = k + 1
        while end < len(tokens) and (tokens[end].capitalised or (
                tokens[end].text in particles() and end + 1 < len(tokens) and tokens[end + 1].capitalised)):
            end += 1
        if end > k + 1:
            found.append(text[tok.start:tokens[end - 1].start + len(tokens[end - 1].bare)])
    return found


def _last_ship(sentences: list[Sentence], s_index: int, before: int) -> str | None:
    """The last ship named before offset `before` of sentence `s_index`, in it or the sentence before."""
    for n in (s_index, s_index - 1):
        if n < 0:
            continue
        found = _ships_in(sentences[n].text[:before] if n == s_index else sentences[n].text)
        if found:
            return found[-1]
    return None


def _venue_end(tokens: list[Token], k: int) -> int:
    """The end of the place after "in"/"at" that closes an office: a known place, or a capitalised run
    ("the Indian Ocean") that the clause ends with; k if there is none."""
    first = k + 1 if k < len(tokens) and tokens[k].bare.lower() == "the" else k
    end = _place_end(tokens, first)
    if end > first:
        return end
    while end < len(tokens) and tokens[end].capitalised and tokens[end].text == tokens[end].bare \
            and not _starts_person(tokens, end):
        end += 1
    if end > first and (end == len(tokens) or tokens[end].text in {",", ";", ".", ")", ":"}):
        return end
    return k


# Last words of a body's name: "Italian Navy Hydrographic Institute", "Armed Forces Medical Services".
_BODY_HEADS = {"institute", "services", "service", "navy", "army", "force", "forces", "ministry", "department",
               "command", "directorate", "agency", "organisation", "organization", "corporation", "limited", "ltd",
               "company", "shipyard", "shipyards", "university", "academy", "college", "school", "council", "board",
               "office", "secretariat", "bureau", "authority", "foundation", "centre", "center", "laboratory",
               "laboratories", "establishment", "headquarters", "staff", "group", "industries", "s.p.a", "spa",
               "commission", "division", "fleet"}


def _starts_person(tokens: list[Token], n: int) -> bool:
    """An honorific, or a rank before a name ("Brigadier Harpal ..."), opens the next person."""
    t = titles()
    if n >= len(tokens):
        return False
    if tokens[n].bare.lower() in t.honorifics and tokens[n].capitalised:
        return True
    r = t.rank_of([w.bare for w in tokens[n:n + 4]])
    if not r or not tokens[n].capitalised:
        return False
    after = n + r[1]
    return after < len(tokens) and (_is_name_word(tokens[after]) or _is_initial(tokens[after]))


def _employer_after(tokens: list[Token], k: int, sentence: str, orgs: Collection[str]) -> str | None:
    """The body after an appositive office and a comma: "X, Director, Italian Navy Hydrographic Institute"."""
    if k + 1 >= len(tokens) or tokens[k].text != ",":
        return None
    first = k + 1
    if _starts_person(tokens, first):
        return None  # "..., Director, Mr Y": the next person
    end = first
    while end < len(tokens) and (tokens[end].capitalised or (
            tokens[end].bare.lower() in {"of", "and", "&", "the", "for"} and end + 1 < len(tokens)
            and tokens[end + 1].capitalised and not _starts_person(tokens, end + 1))):
        end += 1
    if end == first or (end < len(tokens) and tokens[end].text not in {",", ";", ".", ")", "and"}):
        return None
    if tokens[end - 1].text != tokens[end - 1].bare and not tokens[end - 1].text.endswith("."):
        return None  # "Italian Navy's": the phrase goes on
    name = sentence[tokens[first].start:tokens[end - 1].start + len(tokens[end - 1].bare)]
    low = name.lower()
    if any(o == low or o.startswith(low + " ") for o in orgs) or tokens[end - 1].bare.lower() in _BODY_HEADS:
        return name
    return None


@dataclass
class TitleParts:
    office: str | None = None
    rank: str | None = None
    honorific: str | None = None
    org: str | None = None
    country: str | None = None
    counterpart: bool = False


def _parse_title(phrase: list[Token], sentence: str, left: bool = True) -> TitleParts:
    """Split a title phrase (in reading order) into honorific, rank, office, employer and country.

    `left`: the phrase stands before the name. An appositive after it ("X, Director General, ...")
    ends with its office, so a rank word there ("General") is part of the office.
    """
    t = titles()
    parts = TitleParts()
    words = list(phrase)
    # Honorific and rank sit next to the name, at the end of a left phrase.
    if left and words and words[-1].bare.lower() in t.honorifics:
        parts.honorific = words.pop().bare
    for n in (3, 2, 1) if left else ():
        if len(words) >= n:
            r = t.rank_of([w.bare for w in words[-n:]])
            if r and r[1] == n:
                parts.rank = r[0]
                del words[-n:]
                break
    if words and words[-1].bare.lower() in t.honorifics:
        parts.honorific = parts.honorific or words.pop().bare
    if parts.honorific and parts.honorific.lower() in t.honorific_country:
        parts.country = t.honorific_country[parts.honorific.lower()]
    if any(w.bare.lower().startswith("counterpart") for w in words):
        parts.counterpart = True
        words = [w for w in words if not w.bare.lower().startswith("counterpart")]
    # An employer named before the office: "Fincantieri's", "BSL".
    poss = next((n for n, w in enumerate(words) if w.text != w.bare and not w.text.endswith(".")
                 and not _country_word(w)), None)
    if poss is not None and all(w.capitalised for w in words[: poss + 1]):
        parts.org = sentence[words[0].start:words[poss].start + len(words[poss].bare)]
        parts.country = next((c for w in words[: poss + 1] if (c := _country_word(w))), None)
        words = words[poss + 1:]
    elif words and re.fullmatch(r"[A-Z][A-Z&]{1,7}", words[0].text) and not _country_word(words[0]) \
            and not _is_title_token(words[0]):
        parts.org = words[0].bare
        words = words[1:]
    # Country words leading the office ("Italian", "Italy's") are the country, not the title.
    while words and (_country_word(words[0]) or words[0].bare.lower() in t.fillers):
        parts.country = _country_word(words[0]) or parts.country
        words = words[1:]
    # "... of Italy", "... to India" at the end.
    if len(words) >= 2 and _country_word(words[-1]) and words[-2].bare.lower() in {"of", "to", "in"}:
        if words[-2].bare.lower() == "of" or parts.country is None:
            parts.country = parts.country or _country_word(words[-1])
        if words[-2].bare.lower() == "of":
            words = words[:-2]
    for w in words:
        c = _country_word(w)
        if c and parts.country is None and w.bare.lower() not in {"in", "to"}:
            parts.country = c
    while words and words[0].text != words[0].bare and words[0].text.islower():
        words = words[1:]  # "company's Managing Director"
    while words and words[0].bare.lower() in t.honorifics and words[0].capitalised:
        parts.honorific = parts.honorific or words[0].bare
        words = words[1:]
    if any(w.bare.lower() in t.office_heads for w in words):
        start, end = words[0].start, words[-1].end
        office = sentence[start:end].strip(" ,")
        parts.office = _title_case(office)
    elif words and parts.rank is None and len(words) == 1 and t.rank_of([words[0].bare]):
        parts.rank = t.rank_of([words[0].bare])[0]  # type: ignore[index]
    return parts


_SMALL = {"of", "for", "and", "the", "in", "to", "at", "on", "&"}


def _title_case(office: str) -> str:
    """Offices written in lower case ("prime minister", "chief of staff of the Italian Navy") get capitals
    up to the body or place they hold office in; the rest stays as written."""
    t = titles()
    words = office.split(" ")
    if not any(c.isupper() for c in office):
        return " ".join(w if w in _SMALL else w[:1].upper() + w[1:] for w in words)
    out = []
    for n, w in enumerate(words):
        low = w.lower()
        if w.islower() and low not in _SMALL and (low in t.office_heads or low in t.office_words):
            out.append(w[:1].upper() + w[1:])
        elif w in _SMALL:
            out.append(w)
        else:
            out.extend(words[n:])
            break
    return " ".join(out)


# ---------------------------------------------------------------- country by office
def _office_country(office: str | None) -> str | None:
    if not office:
        return None
    low = office.lower()
    for country, offices in name_lexicon()["office_country"].items():
        if any(o.lower() in low for o in offices):
            return country
    return None


# ---------------------------------------------------------------- the extractor
def find_people(doc: ArticleDoc, organisations: ArticleOrganisations | None = None) -> ArticlePeople:
    """People of one article, with every mention resolved to one of them.

    The article's home is the country its own officials serve (its press names
    foreign officials with their nationality and its own without); the
    organisations give the country of an employer named in a role.
    """
    sentences, home = doc.sentences, doc.home
    found = organisations.organisations if organisations else []
    org_names = [o.name for o in found] + [o.acronym for o in found if o.acronym]
    speech = set(name_lexicon()["speech_verbs"])
    orgs = [o.lower() for o in org_names]
    mentions: list[Mention] = []
    for s_index, sent in enumerate(sentences):
        tokens = doc.tokens(s_index)
        for i, j in _name_runs(tokens):
            run = sent.text[tokens[i].start:tokens[j - 1].end].lower()
            if any(o == run or o.startswith(run + " ") for o in orgs):
                continue  # "Deccan Aerostructures (Limited)": a company, not a person
            if j < len(tokens) and tokens[j].bare.lower() in _ORG_TAILS:
                continue
            left = list(reversed(_scan_left(tokens, i, sent.text)))
            right = _scan_right(tokens, j)
            service = None
            if not right and (after := _service_end(tokens, j)) > j:
                # "Rear Admiral X of the French Navy, commander of ...", "Minister X of Sweden":
                # the service or country, then perhaps the office
                service = tokens[j:after]
                right = _scan_right(tokens, after)
            lp = _parse_title(left, sent.text) if left else TitleParts()
            if lp.rank and not lp.office and left and (ship := _commanded_ship(sentences, s_index, tokens, left)):
                # "The Margottini, commanded by Commander X": X is the ship's commanding officer
                lp.office = f"Commanding Officer of {ship}"
                lp.country = lp.country or name_lexicon()["ship_prefix_country"].get(ship.split()[0])
            if lp.office and not lp.org and _owner_is_ship(tokens, left):
                # "its commanding officer, Captain X", after a sentence about a ship: the ship's officer
                ship = _last_ship(sentences, s_index, left[0].start)
                if ship:
                    lp.office = f"{lp.office} of {ship}"
                    lp.country = lp.country or name_lexicon()["ship_prefix_country"].get(ship.split()[0])
            rp = _parse_title(right, sent.text, left=False) if right else TitleParts()
            if right and not rp.org and not service:
                rp.org = _employer_after(tokens, j + 1 + len(right), sent.text, orgs)
            if service:
                rp.country = next((c for w in service if (c := _country_word(w))), None) or rp.country
            name = sent.text[tokens[i].start:tokens[j - 1].start + len(tokens[j - 1].bare)]
            m = Mention(s_index, tokens[i].start, tokens[j - 1].end, name)
            m.office = lp.office or rp.office
            m.rank = lp.rank or rp.rank
            m.honorific = lp.honorific
            m.org = lp.org or rp.org
            m.country = lp.country or rp.country or _ship_country(m.office)
            m.titled = bool(m.office or m.rank or m.honorific or lp.counterpart)
            if lp.counterpart and not m.office:
                m.office = "counterpart"  # filled in from the other side below
            if not m.titled and j - i >= 2:
                before = tokens[i - 1].bare.lower() if i > 0 else ""
                after = tokens[j].bare.lower() if j < len(tokens) else ""
                m.titled = after in speech or before in speech or (before == "to" and i > 1
                                                                    and tokens[i - 2].bare.lower() == "according")
            mentions.append(m)
    people = _resolve_mentions(mentions, sentences, home,
                               organisations.country_of if organisations else (lambda name: None))
    if organisations:
        # "Chairman, BSL" reads better as "Chairman, Bharat Shipyard Limited".
        for p in people.people:
            for r in p.roles:
                head, _, org = r.title.rpartition(", ")
                full = organisations.full_name(org) if head else None
                if full and full != org:
                    r.title = f"{head}, {full}"
    return people


def _resolve_mentions(mentions: list[Mention], sentences: list[Sentence], home: str | None,
                      org_country: Callable[[str], str | None]) -> ArticlePeople:
    result = ArticlePeople()
    people: list[Person] = []
    info: list[dict] = []  # per person: ranks, offices, honorifics seen

    def add_person(m: Mention) -> int:
        people.append(Person(id="", name=m.name))
        info.append({"ranks": set(), "offices": [], "honorifics": set(), "names": [m.name], "country": None})
        return len(people) - 1

    # Full names first, so that short forms met earlier can still find them.
    for m in mentions:
        if not is_full_name(m.name):
            continue
        idx = next((k for k, p in enumerate(people) if any(same_name(m.name, n) for n in info[k]["names"])), None)
        if idx is None:
            if not m.titled:
                continue
            idx = add_person(m)
        m.person = idx
        info[idx]["names"].append(m.name)
    # Untitled full names seen before their titled mention were skipped above; pick them up.
    for m in mentions:
        if m.person is None and is_full_name(m.name):
            idx = next((k for k, p in enumerate(people) if any(same_name(m.name, n) for n in info[k]["names"])), None)
            m.person = idx
    for m in mentions:
        if m.person is None:
            continue
        d = info[m.person]
        if m.rank:
            d["ranks"].add(m.rank)
        if m.honorific:
            d["honorifics"].add(m.honorific.lower())
    # Short forms: "Gen Ferri", "Ms Singh", "Rao".
    for m in mentions:
        if m.person is not None:
            continue
        cands = [k for k in range(len(people)) if any(short_form_of(m.name, n) for n in info[k]["names"])]
        if len(cands) > 1:
            cands = _disambiguate(m, cands, info, mentions)
        if cands:
            m.person = cands[0]
        elif m.titled and (m.rank or m.honorific) and len(m.name) > 2:
            m.person = add_person(m)  # known only by rank or honorific and surname
    # Roles, countries, names.
    for m in mentions:
        if m.person is None:
            continue
        d = info[m.person]
        if m.office and m.office != "counterpart":
            entry = (m.office, m.org)
            if entry not in d["offices"]:
                d["offices"].append(entry)
        if m.country and not d["country"]:
            d["country"] = m.country
        d["names"].append(m.name)
    _counterparts(mentions, info, sentences)
    _infer_countries(mentions, info, sentences)
    for k, p in enumerate(people):
        d = info[k]
        p.name = _canonical_name(d["names"])
        p.aliases = sorted({n for n in d["names"] if name_key(n) != name_key(p.name)})
        offices = [o for o, _ in d["offices"]]
        employers = [org for _, org in d["offices"] if org]
        p.country = (d["country"] or next((c for o in offices if (c := _office_country(o))), None)
                     or next((c for org in employers if (c := org_country(org))), None))
        if p.country is None and home and not employers:
            p.country, p.country_guessed = home, True
        for office, org in d["offices"]:
            title = f"{office}, {org}" if org and org.lower() not in office.lower() else office
            p.roles.append(Role(title=title, country=p.country))
        if not p.roles and d["ranks"]:
            p.roles.append(Role(title=sorted(d["ranks"])[0], country=p.country))
    taken: set[str] = set()
    for p in people:
        p.id = unique(slug(p.name), taken)
    result.people = people
    result.mentions = [m for m in mentions if m.person is not None]
    return result


def _disambiguate(m: Mention, cands: list[int], info: list[dict], mentions: list[Mention]) -> list[int]:
    """Two people share a surname: choose by rank, then honorific, then the latest mentioned."""
    if m.rank:
        by_rank = [k for k in cands if m.rank in info[k]["ranks"]]
        if by_rank:
            return by_rank
    if m.office:
        by_office = [k for k in cands if any(m.office.lower() in o.lower() for o, _ in info[k]["offices"])]
        if by_office:
            return by_office
    if m.honorific:
        civil = [k for k in cands if not info[k]["ranks"]]
        if civil:
            cands = civil
    earlier = [x for x in mentions if x.person in cands and x.sentence <= m.sentence]
    if earlier:
        return [earlier[-1].person]  # type: ignore[list-item]
    return cands


def _counterparts(mentions: list[Mention], info: list[dict], sentences: list[Sentence]) -> None:
    """ "his Italian counterpart X": X holds the office of the sentence's other person."""
    for m in mentions:
        if m.office != "counterpart" or m.person is None or info[m.person]["offices"]:
            continue
        others = [x for x in mentions if x.sentence == m.sentence and x.person not in (None, m.person)
                  and x.start < m.start]
        for x in reversed(others):
            offices = info[x.person]["offices"]  # type: ignore[index]
            if offices:
                info[m.person]["offices"].append((_strip_country(offices[0][0]), None))
                break


_COUNTERPART = re.compile(r"\b(?:his|her|their)\s+(\w+)\s+counterparts?\b", re.IGNORECASE)
_VISITING = re.compile(r"\b(?:visit(?:ing|ed|s)?|tour(?:ing|ed)?|arrived in|arrives in)\s+(?:to\s+)?(?:[\w-]+\s+){0,3}?"
                       r"(?:to|in)?\s*([A-Z][\w-]+(?:\s[A-Z][\w-]+)?)")


def _infer_countries(mentions: list[Mention], info: list[dict], sentences: list[Sentence]) -> None:
    """Countries that follow from the sentence: "X and his Italian counterpart", "X, on a visit to Italy".

    Both rules read the relation as India–Italy: the other side of an Italian is Indian.
    """
    for s_index, sent in enumerate(sentences):
        here = [m for m in mentions if m.sentence == s_index and m.person is not None]
        if not here:
            continue
        subject = min(here, key=lambda m: m.start)
        if info[subject.person]["country"]:  # type: ignore[index]
            continue
        side = None
        cp = _COUNTERPART.search(sent.text)
        if cp and cp.start() > subject.start:
            side = sides().other(countries().country_of(cp.group(1)))
        if side is None:
            for v in _VISITING.finditer(sent.text):
                if v.start() < subject.end:
                    continue
                if any(subject.end <= m.start < v.start() for m in here if m.person != subject.person):
                    break  # "X held talks with Y on ... a visit to Z": the visit is not X's
                place = v.group(1)
                visited = countries().country_of(place) or countries().place_country.get(place.lower())
                side = sides().other(visited)
                break
        if side:
            info[subject.person]["country"] = side  # type: ignore[index]


def _strip_country(office: str) -> str:
    """ "Italian Defence Minister" -> "Defence Minister": the office a counterpart holds too."""
    first, _, rest = office.partition(" ")
    return rest if rest and countries().country_of(first) else office


def _canonical_name(names: list[str]) -> str:
    """The most frequent full spelling; the first one on a tie."""
    full = [n for n in names if is_full_name(n)] or names
    counts: dict[str, int] = {}
    for n in full:
        counts[n] = counts.get(n, 0) + 1
    return max(counts, key=lambda n: counts[n])


def surname(name: str) -> str:
    return surname_key(name)
