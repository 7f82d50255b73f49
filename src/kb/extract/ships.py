"""Ships named in an article ("ITS Luigi di Savoia"), and the officers whose office is a ship's:
"its commanding officer, Captain X", "The Duilio, commanded by Commander Y"."""

from __future__ import annotations

from ..names import particles
from .roles import country_word, low, vocab
from .text import Sentence, Token, tokenize

_SHIP_OFFICES = {"commanding officer", "captain", "commander", "executive officer", "master"}
_VESSELS = {"ship", "vessel", "frigate", "destroyer", "corvette", "submarine", "carrier", "warship", "cruiser",
            "tanker", "patrol", "nave", "fregata", "cacciatorpediniere", "corvetta", "sommergibile", "portaerei"}


def ship_country(office: str | None) -> str | None:
    """ "Commanding Officer of HMS Kent": the navy of the ship named in the office."""
    owners = vocab().ships
    return next((owners[w] for w in (office or "").split() if owners.get(w)), None)


def ships_in(text: str) -> list[str]:
    """Ships named in a text, in order: a prefix ("ITS") and the capitalised name after it."""
    prefixes = vocab().ships
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


def last_ship(sentences: list[Sentence], s_index: int, before: int) -> str | None:
    """The last ship named before offset `before` of sentence `s_index`, in it or the sentence before."""
    for n in (s_index, s_index - 1):
        if n < 0:
            continue
        found = ships_in(sentences[n].text[:before] if n == s_index else sentences[n].text)
        if found:
            return found[-1]
    return None


def commanded_ship(sentences: list[Sentence], s_index: int, tokens: list[Token], first: int) -> str | None:
    """The ship before ", commanded by <rank> X" (X's title starting at token `first`): named there, or
    "The Indian ship" / "The Margottini" for a ship named earlier in the article."""
    if first < 3 or [low(t) for t in tokens[first - 2:first]] != ["commanded", "by"]:
        return None
    k = first - 3 if tokens[first - 3].text == "," else first - 2
    phrase = tokens[max(0, k - 4):k]
    owners = vocab().ships
    ships = [ship for n in range(s_index) for ship in ships_in(sentences[n].text)]
    here = last_ship(sentences, s_index, tokens[k].start if k < len(tokens) else len(sentences[s_index].text))
    if here and here.split()[0] in [t.text for t in phrase]:
        return here
    words = {t.bare for t in phrase}
    country = next((c for t in phrase if (c := country_word(t))), None)
    for ship in reversed(ships):
        if words & set(ship.split()[1:]) or (country and any(low(t) in _VESSELS for t in phrase)
                                             and owners.get(ship.split()[0]) == country):
            return ship
    return None


def owner_is_ship(tokens: list[Token], first: int, phrase: list[Token]) -> bool:
    """ "its commanding officer": an office of a thing named before, which for these offices is a ship."""
    office = " ".join(low(t) for t in phrase)
    return first > 0 and tokens[first - 1].text.lower() == "its" and any(o in office for o in _SHIP_OFFICES)
