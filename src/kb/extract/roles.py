"""The words around a person's name: which words may be a name, and the title
phrases that stand before a name ("Defence Minister", "il ministro della
Difesa", "Lt Gen", "defence analyst") or after it (", Director General of
...", " -- Chairman, ..."), split into honorific, rank, office, employer and
country. All vocabulary comes from the lexicons; Italian differs from English
only in that ranks and offices are written in lower case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ..lexicon import boilerplate, countries, organisations, titles
from ..names import name_lexicon, particles
from .text import Token, _bare


# ---------------------------------------------------------------- vocabulary, shaped for lookup
@dataclass(frozen=True)
class Vocab:
    not_names: frozenset[str]  # lower-case words that are never part of a name
    heads: frozenset[str]  # office heads and role nouns: a role phrase holds one
    body_heads: frozenset[str]  # last words of an organisation's name ("Institute", "Limited")
    company_tails: frozenset[str]  # words after a name that make it a company's
    ships: dict[str, str | None]  # ship prefix -> navy's country
    place_heads: frozenset[str]
    place_prefixes: frozenset[str]
    thing_prefixes: frozenset[str]  # "Exercise X", "Operation Y": the name of a happening, not a person
    eponym_heads: frozenset[str]
    outlets: frozenset[str]
    plurals: dict[str, str]  # "ministers" -> "minister", "ministri" -> "ministro": heads named for several people


@cache
def vocab() -> Vocab:
    t, names = titles(), name_lexicon()
    words = {w.lower() for w in names["not_names"]}
    words |= t.office_heads | t.role_nouns | t.office_words | t.honorifics | t.rank_words
    words |= {w.lower() for w in [*names["place_heads"], *names["eponym_heads"]]}
    # Country names and demonyms, not places: "Colombo" or "Milano" can be a surname. Nor country words
    # that are also given names ("Bharat").
    c = countries()
    words |= {w for w in c.by_word if " " not in w and w not in c.also_names}
    heads = organisations()["heads"]
    body = {h.split()[-1].lower().rstrip(".") for kind in heads.values() for h in kind}
    plurals = {p: h for h in t.office_heads | t.role_nouns if len(h) > 3 and h.isalpha() for p in _plural(h)}
    return Vocab(
        not_names=frozenset(words | set(plurals)),
        heads=t.office_heads | t.role_nouns | frozenset(plurals),
        body_heads=frozenset(body | {"services", "service", "authority", "laboratories", "laboratory",
                                    "establishment", "bureau", "board", "school", "company", "organisation",
                                    "organization", "ministry"}),
        company_tails=frozenset(h.lower().rstrip(".") for h in heads["company"]),
        ships=dict(names["ship_prefixes"]),
        place_heads=frozenset(names["place_heads"]),
        place_prefixes=frozenset(w.lower() for w in names["place_prefixes"]),
        thing_prefixes=frozenset(names["thing_prefixes"]),
        eponym_heads=frozenset(names["eponym_heads"]),
        outlets=frozenset(boilerplate()["outlets"]),
        plurals=plurals,
    )


def _plural(word: str) -> set[str]:
    """English and Italian plurals of a head noun: "ministers", "secretaries", "ministri", "capi"."""
    out = {word + "s", word[:-1] + "ies" if word.endswith("y") else word + "es"}
    if word[-1] in "oe":
        out.add(word[:-1] + "i")
    if word.endswith("a"):
        out |= {word[:-1] + "e", word[:-1] + "i"}
    return out - {word}


_NAME = re.compile(r"[A-ZÀ-Ö][a-zà-öø-ÿ]+(?:[-'’][A-ZÀ-Öa-zà-öø-ÿ]+)*|(?:Mc|Mac|O['’]|D['’])[A-Z][a-z]+")
_ACRONYM = re.compile(r"[A-Z][A-Za-z&]{1,7}")
# Words that link an office to what it is of, in lower case ("of the", "della", "dell'").
_LINKS = {"of", "the", "for", "and", "&", "in", "to", "at", "on", "di", "d", "del", "della", "dello", "dell", "dei",
          "degli", "delle", "per", "al", "alla", "allo", "all", "ai", "agli", "alle", "e", "con", "a", "da", "dal",
          "dalla", "dall", "il", "lo", "la", "l", "le", "gli"}
# Prepositions that take a place after an office ("Consul General in Mumbai", "ambasciatore in India").
_PLACE_PREPS = {"in", "at", "to", "on"}


def low(tok: Token) -> str:
    """The word in lower case, without a final period, possessive or elision mark."""
    return _low(tok.text)


@lru_cache(maxsize=65536)
def _low(text: str) -> str:
    return _bare(text).lower().replace("’", "'").rstrip("'")


def is_name_word(tok: Token) -> bool:
    return bool(_NAME.fullmatch(tok.bare)) and low(tok) not in vocab().not_names


def is_initial(tok: Token) -> bool:
    return bool(re.fullmatch(r"[A-Z]\.?|[A-Z]{2,3}|(?:[A-Z]\.){2,3}", tok.text)) and not is_title_token(tok)


def is_rank_word(tok: Token, romance: bool = False) -> bool:
    """Ranks are capitalised in English ("the major" is not one); Romance languages write them in lower case."""
    return (tok.capitalised or romance) and low(tok) in titles().rank_words


def is_title_token(tok: Token, romance: bool = False) -> bool:
    """Office words may be lower case ("senior vice-president"); honorifics and English ranks are capitalised."""
    word = low(tok)
    t = titles()
    if word in vocab().heads or word in t.office_words or word in {"di", "d"}:
        return True
    return ((tok.capitalised or romance) and word in t.honorifics) or is_rank_word(tok, romance)


def country_word(tok: Token) -> str | None:
    return countries().country_of(tok.text)


def is_acronym(tok: Token) -> bool:
    """ "BSL", "MoD": an organisation's short name (two capitals at least), not a country or title word."""
    return bool(_ACRONYM.fullmatch(tok.text)) and sum(c.isupper() for c in tok.text) >= 2 \
        and not country_word(tok) and not is_title_token(tok)


def is_possessive(tok: Token) -> bool:
    return tok.text != tok.bare and not tok.text.endswith(".") and not tok.text.endswith(("'", "’"))


def _known_place(words: list[Token]) -> bool:
    phrase = " ".join(w.bare for w in words).lower()
    return phrase in countries().place_country or bool(countries().by_word.get(phrase))


def place_word(tok: Token) -> bool:
    """A country or a known place: "in Mumbai" may end an office ("Consul General in Mumbai")."""
    return bool(country_word(tok)) or tok.bare.lower() in countries().place_country


def place_end(tokens: list[Token], k: int) -> int:
    """The end of a known place or country of one to four words starting at token k ("New Delhi"); k if none."""
    for n in (4, 3, 2, 1):
        if k + n <= len(tokens) and all(t.capitalised for t in tokens[k:k + n]) and _known_place(tokens[k:k + n]):
            return k + n
    return k


def place_start(tokens: list[Token], k: int) -> int:
    """The start of a known place or country of one to four words ending at token k; k + 1 if none."""
    for n in (4, 3, 2, 1):
        if k - n + 1 >= 0 and all(t.capitalised for t in tokens[k - n + 1:k + 1]) \
                and _known_place(tokens[k - n + 1:k + 1]):
            return k - n + 1
    return k + 1


def starts_person(tokens: list[Token], n: int, romance: bool = False) -> bool:
    """An honorific, or a rank before a name ("Brigadier Harpal ..."), opens the next person."""
    if n >= len(tokens):
        return False
    if low(tokens[n]) in titles().honorifics and tokens[n].capitalised:
        return True
    r = titles().rank_of([w.bare for w in tokens[n:n + 5]])
    if not r or not (tokens[n].capitalised or romance):
        return False
    after = n + r[1]
    return after < len(tokens) and (is_name_word(tokens[after]) or is_initial(tokens[after]))


def postnominals_end(tokens: list[Token], k: int) -> int:
    """After a name, the end of its decorations (", PVSM, AVSM", " VC", ", Victoria Cross"); k if none."""
    post = titles().postnominals
    end = k
    while end < len(tokens):
        n = end + 1 if tokens[end].text == "," else end
        if n < len(tokens) and tokens[n].text in post:
            end = n + 1
        elif n + 1 < len(tokens) and f"{tokens[n].text} {tokens[n + 1].text}" in post:
            end = n + 2
        elif n + 2 < len(tokens) and f"{tokens[n].text} {tokens[n + 1].text} {tokens[n + 2].text}" in post:
            end = n + 3
        else:
            break
    return end


# ---------------------------------------------------------------- name runs
def _run_end(tokens: list[Token], i: int) -> int:
    """The end of a name that starts at token i: name words, initials before a word, particles inside."""
    j = i + 1
    while j < len(tokens):
        tok, nxt = tokens[j], tokens[j + 1] if j + 1 < len(tokens) else None
        if is_possessive(tokens[j - 1]):
            break
        if is_name_word(tok) or (is_initial(tok) and nxt is not None and is_name_word(nxt)):
            j += 1
        elif tok.text.lower() in particles() and nxt is not None and is_name_word(nxt):
            j += 1
        else:
            break
    while j > i and is_initial(tokens[j - 1]):
        j -= 1  # initials alone are not a name; a name ends on a word
    return j


def _opens_name(tokens: list[Token], i: int) -> bool:
    if is_name_word(tokens[i]):
        return True
    return is_initial(tokens[i]) and i + 1 < len(tokens) and (is_name_word(tokens[i + 1])
                                                               or is_initial(tokens[i + 1]))


def _is_place_name(tokens: list[Token], i: int, j: int) -> bool:
    """ "Fiumara Airport", "Palazzo Chigi", "via Carmine Rossi", "INS Kaveri", "Exercise Blue Kite": a place, a
    ship or a named happening, not a person."""
    v = vocab()
    before = tokens[i - 1] if i > 0 else None
    if before is not None and (before.text in v.ships or before.text in v.thing_prefixes
                               or before.text.lower() in v.place_prefixes):
        return True
    if tokens[i].text in v.ships or tokens[i].text in v.thing_prefixes or _known_place(tokens[i:j]):
        return True
    if tokens[i].text.lower() in v.place_prefixes and j - i >= 2:
        return True
    return j < len(tokens) and tokens[j].bare in v.place_heads


def name_runs(tokens: list[Token]) -> list[tuple[int, int]]:
    """Token spans [i, j) that may be a person's name."""
    runs = []
    i = 0
    while i < len(tokens):
        if not _opens_name(tokens, i):
            i += 1
            continue
        j = _run_end(tokens, i)
        if j > i and not _is_place_name(tokens, i, j):
            runs.append((i, j))
        i = max(j, i + 1)
    return runs


def is_eponym(tokens: list[Token], j: int) -> bool:
    """ "the X Memorial": a name that names a thing after a person."""
    return j < len(tokens) and tokens[j].bare in vocab().eponym_heads


def is_company(tokens: list[Token], j: int) -> bool:
    """ "X Shipbuilders", "Y S.p.A.": the words after a capitalised run make it a company's name."""
    return j < len(tokens) and low(tokens[j]) in vocab().company_tails


# ---------------------------------------------------------------- the title before a name
@dataclass
class _Scan:
    tokens: list[Token]
    k: int
    romance: bool
    out: list[Token] = field(default_factory=list)  # nearest token first
    depth: int = 0
    done: bool = False

    @property
    def tok(self) -> Token:
        return self.tokens[self.k]

    def take(self, n: int = 1) -> bool:
        for _ in range(n):
            self.out.append(self.tokens[self.k])
            self.k -= 1
        return True

    def stop(self) -> bool:
        self.done = True
        return True


def _only_rank(phrase: list[Token], romance: bool = False) -> bool:
    """The tokens (nearest first) are only a rank, an honorific, a service tag or an employer's acronym."""
    t = titles()
    words = [w for w in reversed(phrase) if w.text not in "()" and w.text not in t.service_tags]
    while words and (low(words[-1]) in t.honorifics or is_acronym(words[-1])):
        words.pop()
    r = t.rank_of([w.bare for w in words]) if words else None
    return not words or bool(r and r[1] == len(words))


def _l_parenthesis(s: _Scan) -> bool:
    if s.tok.text == ")":
        s.depth += 1
    elif s.tok.text == "(":
        if s.depth == 0:
            return s.stop()
        s.depth -= 1
    elif s.depth == 0:
        return False
    return s.take()  # inside "(DP)" or "(shipbuilding)"


def _l_employer(s: _Scan) -> bool:
    """ "Mazagon Dock's director": the employer and its words before, then stop."""
    tok = s.tok
    if not (is_possessive(tok) and tok.capitalised and not country_word(tok)):
        return False
    s.take()
    while s.k >= 0 and s.tok.capitalised and s.tok.text == s.tok.bare and low(s.tok) not in _LINKS:
        s.take()
    return s.stop()


def _l_comma(s: _Scan) -> bool:
    """ "Deputy Prime Minister ..., Marco Bellandi", "the mayor of Lucca, X": a title may stand before the comma,
    next to the name or to its rank."""
    if s.tok.text != ",":
        return False
    before = s.tokens[s.k - 1] if s.k else None
    if before is None or any(o.text == "," for o in s.out) or not _only_rank(s.out, s.romance):
        return s.stop()
    if is_title_token(before, s.romance) or place_word(before) or low(before) in titles().counterparts:
        return s.take()
    if (of := _office_of_body(s.tokens, s.k - 1)) is not None:
        return s.take(s.k - of + 1)  # the comma, the body and its "of"
    if (of := _office_of_acronym(s.tokens, s.k - 1)) is not None:
        return s.take(s.k - of + 1)  # "Chairman of Bharat Shipyard Limited (BSL), X"
    return s.stop()


_OF = {"of", "di", "del", "della", "dell", "dei", "degli"}


def _office_of_acronym(tokens: list[Token], k: int) -> int | None:
    """ "the Chairman of Bharat Shipyard Limited (BSL), X", "il suo omologo della Society of ... (SIDM), X":
    the body named with its acronym after an office or a counterpart; the index of the "of" before the body."""
    if k < 3 or tokens[k].text != ")" or not is_acronym(tokens[k - 1]) or tokens[k - 2].text != "(":
        return None
    heads = vocab().heads | titles().counterparts | titles().office_words
    n = k - 3
    while n > 0 and k - n < 16 and (tokens[n].capitalised or low(tokens[n]) in _LINKS):
        if low(tokens[n]) in _OF and (low(tokens[n - 1]) in heads or country_word(tokens[n - 1])):
            return n
        n -= 1
    return None


def _office_of_body(tokens: list[Token], k: int) -> int | None:
    """ "the mayor of Lucca", "the head of Fincantieri": capitalised words ending at k after an office and "of";
    the index of that "of"."""
    n = k
    while n >= 0 and tokens[n].capitalised and not is_title_token(tokens[n]):
        n -= 1
    named = k - n
    if n >= 1 and low(tokens[n]) in _VESSELS:
        n -= 1  # "comandante di nave Contarini", "commander of the frigate Aquila"
    if n >= 1 and low(tokens[n]) == "the" and low(tokens[n - 1]) == "of":
        n -= 1
    if named in (1, 2, 3) and n >= 1 and low(tokens[n]) in {"of", "di", "del", "della", "dell"} \
            and low(tokens[n - 1]) in vocab().heads:
        return n
    return None


# Kinds of vessel named before a ship's name ("the frigate Aquila", "nave Contarini").
_VESSELS = {"ship", "vessel", "frigate", "destroyer", "corvette", "submarine", "carrier", "warship", "cruiser",
            "tanker", "nave", "fregata", "cacciatorpediniere", "corvetta", "sommergibile", "portaerei", "unità"}


def _l_and(s: _Scan) -> bool:
    """ "... (Intelligence) and Brigadier X": the rank is X's, what stands before is another's."""
    return low(s.tok) in {"and", "&", "e", "ed"} and _only_rank(s.out, s.romance) and s.stop()


def _l_place_phrase(s: _Scan) -> bool:
    """ "the Italian defence attache in New Delhi, Brigadier ...": the whole place, then its preposition."""
    start = place_start(s.tokens, s.k)
    if start > s.k or start < 2 or low(s.tokens[start - 1]) not in {"in", "to", "at", "a"} \
            or not (is_title_token(s.tokens[start - 2], s.romance) or country_word(s.tokens[start - 2])):
        return False
    return s.take(s.k - start + 2)


def _l_acronym(s: _Scan) -> bool:
    """ "DG Acquisitions, MoD A B": the employer's acronym between a title and the name."""
    if s.out or not is_acronym(s.tok) or s.k == 0 or s.tokens[s.k - 1].text != ",":
        return False
    return s.take()


def _l_title_word(s: _Scan) -> bool:
    word = low(s.tok)
    if is_title_token(s.tok, s.romance) or (word in titles().fillers and word not in _PLACE_PREPS):
        return s.take()
    if word in {"in", "to", "a"} and s.out and place_word(s.out[-1]):
        return s.take()  # "Consul General in Mumbai", "Ambassador to India"
    if word in titles().counterparts or country_word(s.tok):
        return s.take()
    if place_word(s.tok) and s.out and is_title_token(s.out[-1], s.romance) and low(s.out[-1]) not in titles().fillers:
        return s.take()  # "Delhi Raksha Mantri", but not "a Roma l'ambasciatore"
    if s.out and is_acronym(s.tok):
        s.take()  # "BSL Chairman": an acronym of the employer, then stop
        return s.stop()
    return False


_LEFT_RULES = (_l_parenthesis, _l_employer, _l_comma, _l_and, _l_place_phrase, _l_acronym, _l_title_word)


def scan_left(tokens: list[Token], i: int, romance: bool = False) -> list[Token]:
    """The title phrase that ends right before token i, in reading order."""
    s = _Scan(tokens, i - 1, romance)
    while s.k >= 0 and not s.done:
        if not any(rule(s) for rule in _LEFT_RULES):
            break
    out = s.out
    # "Head of the Plans and Policy Department": after "of"/"the" comes an object, not a person.
    if out and low(out[0]) in _LINKS:
        return []
    while out:
        if out[-1].text == "," or low(out[-1]) in titles().fillers:
            out.pop()  # leading fillers and an opening comma
        elif len(out) > 1 and country_word(out[-1]) and low(out[-2]) in _LINKS:
            out.pop()  # "la visita in India del Capo ...": the country ends what came before
        else:
            break
    return list(reversed(out))


# ---------------------------------------------------------------- the title after a name
_SEPARATORS = {",", "-", "–", "—", ":"}
# What a person is now, said in a relative clause ("X, who is the Chief of ..."); what they were is not a role.
_RELATIVES = (("who", "is", "also"), ("who", "serves", "as"), ("who", "is"), ("che", "è"))
_DETERMINERS = {"the", "il", "lo", "la", "l", "del", "dello", "della", "dell", "dal", "dalla", "dall", "al", "alla"}
_CLAUSE_WORDS = {"and", "or", "but", "who", "which", "that", "said", "says", "told", "was", "is", "were", "are",
                 "has", "had", "have", "will", "would", "met", "led", "when", "while", "as", "after", "before",
                 "e", "ed", "che", "ha", "è", "era", "sono", "aveva", "ma", "mentre"}


def _appositive_start(tokens: list[Token], j: int) -> int | None:
    """After a name (and its decorations), where an appositive title begins: after ", " or a dash."""
    k = postnominals_end(tokens, j)
    if k >= len(tokens) or tokens[k].text not in _SEPARATORS:
        return None
    dash = tokens[k].text != ","
    while k < len(tokens) and tokens[k].text in _SEPARATORS:
        k += 1
    words = [low(t) for t in tokens[k:k + 4]]
    k += next((len(r) for r in _RELATIVES if tuple(words[:len(r)]) == r), 0)  # "X, who is the Chief of ..."
    if k < len(tokens) and low(tokens[k]) in {"and", "or", "while", "but", "e", "ed", "ma", "mentre"}:
        return None  # ", and the Chief of ...": the next person's title
    if dash and not (k < len(tokens) and (is_title_token(tokens[k]) or tokens[k].capitalised)):
        return None
    return k


def _r_take(tokens: list[Token], k: int, out: list[Token], romance: bool) -> int:
    """How many tokens from k belong to the appositive title (0: it ends here)."""
    tok, word = tokens[k], low(tokens[k])
    if word in {"and", "&", "e", "ed"} and starts_person(tokens, k + 1, romance):
        return 0  # "..., Assistant Chief of Naval Staff and Brigadier X": the next person
    if starts_person(tokens, k, romance):
        return 0
    if is_title_token(tok, romance) or country_word(tok) or (word in titles().fillers and word not in _PLACE_PREPS):
        return 1
    if word in {"in", "to", "a"} and k + 1 < len(tokens) and country_word(tokens[k + 1]):
        return 1
    heads = vocab().heads
    if word in {"in", "at"} and any(low(o) in heads for o in out) and (end := _venue_end(tokens, k + 1)) > k + 1:
        return end - k  # "the defence attache in New Delhi", "commander of the French forces in the Indian Ocean"
    if word in {"at", "with", "presso"} and any(low(o) in heads for o in out) \
            and (end := _body_end(tokens, k + 1)) > k + 1:
        return end - k  # "a researcher at the Institute of ...": the employer
    if is_possessive(tok) and (tok.capitalised or all(low(o) in titles().fillers for o in out)):
        return 1  # "Italian Navy's", "the yard's chief executive"
    return 0


def _r_parenthesis(tokens: list[Token], k: int) -> int:
    """The end of a bracketed part at k ("(Technical)"), or k."""
    if tokens[k].text != "(":
        return k
    end = k + 1
    while end < len(tokens) and tokens[end].text != ")" and end - k < 12:
        end += 1
    return end + 1 if end < len(tokens) and tokens[end].text == ")" else k


def scan_right(tokens: list[Token], j: int, romance: bool = False) -> list[Token]:
    """An appositive title after the name: "X, Defence Production Secretary", "X -- Director (Technical) of Y"."""
    start = _appositive_start(tokens, j)
    if start is None:
        return []
    out: list[Token] = []
    k = start
    while k < len(tokens):
        if (end := _r_parenthesis(tokens, k)) > k:
            out.extend(tokens[k:end])
            k = end
            continue
        n = _r_take(tokens, k, out, romance)
        if not n:
            break
        out.extend(tokens[k:k + n])
        k += n
    if k < len(tokens) and out and low(out[-1]) not in _LINKS \
            and (starts_person(tokens, k, romance) or _opens_name(tokens, k) and k + 1 < len(tokens)
                 and (is_name_word(tokens[k + 1]) or is_initial(tokens[k + 1]))):
        return []  # "A, il capo delegazione Captain B": a title right before a name is that name's
    if k + 1 < len(tokens) and tokens[k].text == "," and low(out[0]) in _DETERMINERS \
            and starts_person(tokens, k + 1, romance):
        return []  # "A, the head of the delegation, Captain B", "A, del comandante del contingente, brigadiere B"
    k = _lower_case_body(tokens, k, out)
    _body_after_of(tokens, k, out, romance)
    while out and (low(out[-1]) in titles().fillers or out[-1].text in {",", "("}):
        out.pop()
    if not any(low(tok) in vocab().heads for tok in out):
        return []
    return out


def _lower_case_body(tokens: list[Token], k: int, out: list[Token]) -> int:
    """ "X, commander of the Chinese escort group, ...": the body in lower case, up to the closing comma."""
    if not (k < len(tokens) and tokens[k].text.islower() and any(low(w) in {"of", "di"} for w in out)
            and out and low(out[0]) in vocab().heads):
        return k
    end = k
    while end < len(tokens) and end - k < 4 and tokens[end].text.isalpha() and tokens[end].text.islower() \
            and tokens[end].text not in _CLAUSE_WORDS:
        end += 1
    if end > k and end < len(tokens) and tokens[end].text == ",":
        out.extend(tokens[k:end])
        return end
    return k


def _body_after_of(tokens: list[Token], k: int, out: list[Token], romance: bool) -> None:
    """ "Chief Executive Officer of Leonardo", "Head of the Plans and Policy Department", "direttore generale di
    Fincantieri": the body's capitalised name closes the title."""
    tail = [low(w) for w in out[-2:]]
    if not out or not (tail[-1] in {"of", "di", "del", "della", "dell", "dei", "degli"} or tail == ["of", "the"]):
        return

    def joins(n: int) -> bool:
        return (low(tokens[n]) in {"and", "of", "the", "&", "e", "di", "del", "della", "dell"}
                or tokens[n].text in particles()) \
            and n + 1 < len(tokens) and tokens[n + 1].capitalised and not starts_person(tokens, n + 1, romance)

    while k < len(tokens) and len(out) < 20 and (tokens[k].capitalised or joins(k)):
        out.append(tokens[k])
        k += 1


def _venue_end(tokens: list[Token], k: int) -> int:
    """The end of the place after "in"/"at" that closes an office: a known place, or a capitalised run
    ("the Indian Ocean") that the clause ends with; k if there is none."""
    first = k + 1 if k < len(tokens) and low(tokens[k]) == "the" else k
    end = place_end(tokens, first)
    if end > first:
        return end
    while end < len(tokens) and tokens[end].capitalised and tokens[end].text == tokens[end].bare \
            and not starts_person(tokens, end):
        end += 1
    if end > first and (end == len(tokens) or tokens[end].text in {",", ";", ".", ")", ":"}):
        return end
    return k


def _body_end(tokens: list[Token], k: int) -> int:
    """The end of an organisation's name at k ("the Observer Research Foundation", "Leonardo"); k if none."""
    first = k + 1 if k < len(tokens) and low(tokens[k]) in {"the", "il", "la", "l"} else k
    end = first
    while end < len(tokens) and (tokens[end].capitalised or (
            low(tokens[end]) in {"of", "for", "and", "&"} and end + 1 < len(tokens) and tokens[end + 1].capitalised)):
        end += 1
    if end > first and not place_word(tokens[end - 1]) and not starts_person(tokens, first):
        return end
    return k


def service_end(tokens: list[Token], j: int) -> int:
    """After a name, "of the French Navy" up to a comma: the end of that phrase, or j if there is none."""
    if j >= len(tokens) or low(tokens[j]) != "of":
        return j
    k = j + 1
    if k < len(tokens) and low(tokens[k]) == "the":
        k += 1
    end = k
    while end < len(tokens) and tokens[end].capitalised and tokens[end].text == tokens[end].bare:
        end += 1
    if end > k and (low(tokens[end - 1]) in vocab().body_heads or _known_place(tokens[k:end])):
        # "the Chanakya Forum for Strategic Studies": the rest of the body's name
        while end + 1 < len(tokens) and low(tokens[end]) in {"for", "of", "and", "&"} and tokens[end + 1].capitalised:
            end += 1
            while end < len(tokens) and tokens[end].capitalised and tokens[end].text == tokens[end].bare:
                end += 1
        return end
    return j


def employer_after(tokens: list[Token], k: int, sentence: str, orgs: list[str]) -> str | None:
    """The body after an appositive office and a comma: "X, Director, Italian Navy Hydrographic Institute"."""
    if k + 1 >= len(tokens) or tokens[k].text != ",":
        return None
    first = k + 1
    if starts_person(tokens, first):
        return None  # "..., Director, Mr Y": the next person
    end = first
    while end < len(tokens) and (tokens[end].capitalised or (
            low(tokens[end]) in {"of", "and", "&", "the", "for"} and end + 1 < len(tokens)
            and tokens[end + 1].capitalised and not starts_person(tokens, end + 1))):
        end += 1
    if end == first or (end < len(tokens) and tokens[end].text not in {",", ";", ".", ")", "and"}):
        return None
    if is_possessive(tokens[end - 1]):
        return None  # "Italian Navy's": the phrase goes on
    name = sentence[tokens[first].start:tokens[end - 1].start + len(tokens[end - 1].bare)]
    lowered = name.lower()
    if any(o == lowered or o.startswith(lowered + " ") for o in orgs) or low(tokens[end - 1]) in vocab().body_heads:
        return name
    return None


# ---------------------------------------------------------------- a title phrase, in parts
@dataclass
class TitleParts:
    office: str | None = None
    rank: str | None = None
    honorific: str | None = None
    org: str | None = None
    country: str | None = None  # the country the title says the person serves
    host: str | None = None  # "Ambassador to Italy", "addetto per la Difesa in India": where, not whose
    counterpart: bool = False


def parse_title(phrase: list[Token], sentence: str, left: bool = True, romance: bool = False) -> TitleParts:
    """Split a title phrase (in reading order) into honorific, rank, office, employer and country.

    `left`: the phrase stands before the name. An appositive after it ("X, Director General, ...")
    ends with its office, so a rank word there ("General") is part of the office.
    """
    parts = TitleParts()
    words = _without_service_tags(phrase, parts)
    while words and words[-1].text == ",":
        words.pop()
    if left:
        words = _take_rank(words, parts, romance)
    while words and words[-1].text == ",":
        words.pop()  # "..., Dr": what stood before the honorific
    if any(low(w) in titles().counterparts for w in words):
        parts.counterpart = True
        words = [w for w in words if low(w) not in titles().counterparts]
    words = _take_employer(words, parts, sentence)
    words = _take_countries(words, parts, romance)
    while words and low(words[0]) in titles().honorifics and words[0].capitalised:
        parts.honorific = parts.honorific or words[0].bare
        words = words[1:]
    if any(low(w) in vocab().heads for w in words):
        parts.office = office_text(words, sentence, romance)
    elif words and parts.rank is None and len(words) == 1 and (r := titles().rank_of([words[0].bare])):
        parts.rank = r[0]
    return parts


def _without_service_tags(phrase: list[Token], parts: TitleParts) -> list[Token]:
    """ "Capt (IN)", "Wg Cdr (Retd)": the bracketed service is neither rank nor office, but may say the country."""
    tags = titles().service_tags
    out: list[Token] = []
    n = 0
    while n < len(phrase):
        if phrase[n].text == "(" and n + 2 < len(phrase) and phrase[n + 1].text in tags and phrase[n + 2].text == ")":
            parts.country = parts.country or tags[phrase[n + 1].text]
            n += 3
            continue
        out.append(phrase[n])
        n += 1
    return out


def _inside_office(words: list[Token], n: int) -> bool:
    """ "Director General", "Segretario Generale", "Capo di Stato Maggiore": the rank word ends an office."""
    if len(words) > n and low(words[-n - 1]) in titles().office_heads:
        return True
    t = titles()
    return any((r := t.english_office([w.text for w in words[m:]])) and r[1] == len(words) - m
               for m in range(len(words) - n))


def _take_rank(words: list[Token], parts: TitleParts, romance: bool) -> list[Token]:
    """Honorific and rank sit next to the name, at the end of a phrase before it."""
    t = titles()
    if words and low(words[-1]) in t.honorifics:
        parts.honorific = words.pop().bare
    for n in (5, 4, 3, 2, 1):
        r = t.rank_of([w.bare for w in words[-n:]]) if len(words) >= n else None
        if r and r[1] == n and is_rank_word(words[-n], romance) and not _inside_office(words, n):
            parts.rank = t.rank_english.get(r[0], r[0]) if romance else r[0]
            del words[-n:]
            break
    while words and low(words[-1]) in t.honorifics:
        honorific = words.pop().bare
        parts.honorific = parts.honorific or honorific
    if parts.honorific and parts.honorific.lower() in t.honorific_country:
        parts.country = t.honorific_country[parts.honorific.lower()]
    return words


def _take_employer(words: list[Token], parts: TitleParts, sentence: str) -> list[Token]:
    """An employer named before the office ("Fincantieri's", "BSL"), after it in the left phrase
    ("DG Acquisitions, MoD"), or after "at" ("a researcher at the X Institute")."""
    poss = next((n for n, w in enumerate(words) if is_possessive(w) and not country_word(w)), None)
    if poss is not None and all(w.capitalised for w in words[: poss + 1]):
        parts.org = sentence[words[0].start:words[poss].start + len(words[poss].bare)]
        parts.country = next((c for w in words[: poss + 1] if (c := country_word(w))), None) or parts.country
        return words[poss + 1:]
    if len(words) > 3 and words[-1].text == ")" and words[-3].text == "(" and is_acronym(words[-2]):
        # "Chairman of Bharat Shipyard Limited (BSL)": the office, and the body by its acronym
        parts.org = words[-2].text
        head = next((n for n, w in enumerate(words) if low(w) in vocab().heads or low(w) in titles().counterparts),
                    0)
        of = next((n for n in range(head + 1, len(words)) if low(words[n]) in _OF), len(words) - 3)
        words = words[:of]
    elif words and is_acronym(words[0]):
        parts.org = words[0].bare
        words = words[1:]
    elif len(words) > 2 and is_acronym(words[-1]) and words[-2].text == ",":
        parts.org = words[-1].bare
        words = words[:-2]
    at = next((n for n, w in enumerate(words) if low(w) in {"at", "with", "presso"} and n + 1 < len(words)
               and any(x.capitalised and not place_word(x) for x in words[n + 1:])), None)
    if at is not None and any(low(w) in vocab().heads for w in words[:at]):
        body = [w for w in words[at + 1:] if not (low(w) in {"the", "il", "la", "l"} and w is words[at + 1])]
        cut = next((n for n in range(1, len(body)) if low(body[n]) in {"in", "a", "at"}), len(body))
        body = body[:cut]  # "the Centro Studi ... in Rome": the body, and where it is
        parts.org = sentence[body[0].start:body[-1].start + len(body[-1].bare)]
        words = words[:at]
    if parts.org in vocab().outlets:
        parts.org = None  # "PIB Delhi": the outlet's sign-off, not an employer
    return words


def _take_countries(words: list[Token], parts: TitleParts, romance: bool) -> list[Token]:
    """Country words leading the office ("Italian", "Italy's"), a closing "of Italy", a demonym after an
    Italian office ("ministro della Difesa indiano") are the country; "to/in X" is where the office is held."""
    t = titles()
    while words and (country_word(words[0]) or low(words[0]) in t.fillers or place_word(words[0])):
        parts.country = parts.country or country_word(words[0]) or countries().place_country.get(low(words[0]))
        words = words[1:]
    for n, w in enumerate(words):
        c = country_word(w)
        if not c:
            continue
        prep = low(words[n - 1]) if n else ""
        if prep in {"in", "to", "a", "at"}:
            parts.host = parts.host or c
        elif parts.country is None:
            parts.country = c
    if len(words) >= 2 and country_word(words[-1]) and low(words[-2]) in {"of", "di", "d", "dell", "della"}:
        words = words[:-2]
    if romance:
        words = [w for w in words if not _is_demonym(w)]  # Italian adjectives follow the noun
    while words and is_possessive(words[0]) and words[0].text.islower():
        words = words[1:]  # "company's Managing Director"
    return words


def _is_demonym(tok: Token) -> bool:
    """ "indiano", "Indian": a country's adjective rather than its name."""
    return low(tok) in countries().demonyms


# ---------------------------------------------------------------- the office as the page shows it
_SMALL = {"of", "for", "and", "the", "in", "to", "at", "on", "&"}
# Linking words of Romance languages in English, for the part of an office after its translated head.
_ROMANCE_LINKS = {"di": "of", "d": "of", "del": "of the", "dello": "of the", "della": "of the", "dell": "of the",
                  "dei": "of the", "degli": "of the", "delle": "of the", "per": "for", "al": "to the",
                  "alla": "to the", "allo": "to the", "all": "to the", "e": "and", "ed": "and", "in": "in",
                  "a": "in", "presso": "at", "la": "", "il": "", "lo": "", "l": ""}


def office_text(words: list[Token], sentence: str, romance: bool = False) -> str:
    """The office in English, with capitals: abbreviations written out ("PM"), Italian offices translated
    ("ministro della Difesa" -> "Defence Minister"), lower-case offices capitalised up to their body."""
    if romance and (english := _english_office(words)):
        return english
    start, end = words[0].start, words[-1].end
    office = sentence[start:end].strip(" ,")
    plurals = vocab().plurals
    if any(low(w) in plurals for w in words):  # "Prime Ministers A and B": each is a Prime Minister
        office = " ".join(_singular(w, plurals) for w in office.split(" "))
    abbreviations = titles().abbreviations
    if any(w.text in abbreviations for w in words):
        office = " ".join(abbreviations.get(w, w) for w in re.split(r"(?<=\S)(?=[(),])|(?<=[(])|\s+", office) if w)
        office = re.sub(r"\s+([),])|([(])\s+", r"\1\2", office)
    return title_case(office)


def _singular(word: str, plurals: dict[str, str]) -> str:
    one = plurals.get(word.lower())
    return (one[:1].upper() + one[1:] if word[:1].isupper() else one) if one else word


def _english_office(words: list[Token]) -> str | None:
    """ "capo di Stato maggiore della Difesa" -> "Chief of Defence Staff"; "comandante dell'Istituto" ->
    "Commander of the Istituto". None when the office starts with no Italian office the lexicon knows."""
    t, plurals = titles(), vocab().plurals
    texts = [_singular(w.text, plurals) for w in words]  # "i ministri A e B": each is a minister
    if not t.english_office(texts):
        return None
    out: list[str] = []
    qualifiers = [q for w in words if (q := t.translated_qualifiers.get(low(w)))]
    n = 0
    while n < len(words):
        w, word = words[n], low(words[n])
        if word in t.translated_qualifiers:
            n += 1
            continue
        if found := t.english_office(texts[n:]):
            out.append(found[0])  # "amministratore delegato e direttore generale": both offices
            n += found[1]
            continue
        if word in _ROMANCE_LINKS:
            link = _ROMANCE_LINKS[word]
            nxt = words[n + 1] if n + 1 < len(words) else None
            out.append("of" if link == "of the" and nxt is not None and country_word(nxt) else link)
        elif (c := country_word(w)) and not _is_demonym(w):
            out.append(c)
        elif w.text not in {",", "(", ")"}:
            out.append(w.bare if is_possessive(w) else w.text)
        n += 1
    text = " ".join(o for o in [*qualifiers, *out] if o)
    return re.sub(r"(?:\s+(?:of|of the|and|for|to the|in))+$", "", text)


def title_case(office: str) -> str:
    """Offices written in lower case ("prime minister", "chief of staff of the Italian Navy") get capitals
    up to the body or place they hold office in; the rest stays as written."""
    t = titles()
    words = office.split(" ")
    if not any(c.isupper() for c in office):
        return " ".join(w if w in _SMALL else w[:1].upper() + w[1:] for w in words)
    out = []
    for n, w in enumerate(words):
        lw = w.lower()
        if lw not in _SMALL and (lw in vocab().heads or lw in t.office_words):
            out.append(w[:1].upper() + w[1:])
        elif w in _SMALL:
            out.append(w)
        else:
            out.extend(words[n:])
            break
    return " ".join(out)


def office_country(office: str | None) -> str | None:
    """The country whose officials alone hold an office ("Raksha Mantri")."""
    if not office:
        return None
    lowered = office.lower()
    for country, offices in titles().office_country.items():
        if any(o.lower() in lowered for o in offices):
            return country
    return None
