"""Ships and units named in an article ("ITS Luigi di Savoia", "the Indian task group"), and the officers
who command or lead them: "its commanding officer, Captain X", "The Duilio, commanded by Commander Y",
"The Indian task group was led by Rear Admiral Z"."""

from __future__ import annotations

from ..lexicon import titles
from ..names import particles
from .roles import _VESSELS, country_word, low, vocab
from .text import Sentence, Token, tokenize

_SHIP_OFFICES = {"commanding officer", "captain", "commander", "executive officer", "master"}


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
        if words & set(ship.split()[1:]) or (country and any(low(t) in _VESSELS | {"patrol"} for t in phrase)
                                             and owners.get(ship.split()[0]) == country):
            return ship
    return None


def owner_is_ship(tokens: list[Token], first: int, phrase: list[Token]) -> bool:
    """ "its commanding officer": an office of a thing named before, which for these offices is a ship."""
    office = " ".join(low(t) for t in phrase)
    return first > 0 and tokens[first - 1].text.lower() == "its" and any(o in office for o in _SHIP_OFFICES)


_COPULA = {"is", "was", "were", "are", "has", "been", "being", "è", "era", "sono", "stato", "stata"}
_STOPS = {"the", "a", "an", "and", "of", "by", "in", "with", "on", "to", "for", ",", "which", "who", "that", "as",
          "il", "la", "lo", "l", "un", "una", "e", "di", "del", "della", "da", "dal", "dalla", "con"}


def _cue_start(tokens: list[Token], first: int) -> int | None:
    """Where "led by", "commanded by", "under the command of" ... ends right before token `first`."""
    words = [low(t) for t in tokens[:first]]
    for cue in titles().unit_cues:
        if tuple(words[-len(cue):]) == cue:
            return first - len(cue)
    return None


def _subject_end(tokens: list[Token], k: int) -> int:
    """The last token of what a cue at k says is led: before "is", before ", which ... ,"."""
    n = k - 1
    while n >= 0 and low(tokens[n]) in _COPULA:
        n -= 1
    if n >= 0 and tokens[n].text == ",":
        opener = next((c for c in range(n - 1, 0, -1) if tokens[c].text == "," and c + 1 < n
                       and low(tokens[c + 1]) in {"which", "who", "that", "che"}), None)
        n = (opener - 1) if opener is not None else n - 1
    return n


def _unit_phrase(tokens: list[Token], end: int) -> tuple[str, list[Token]] | None:
    """ "the Indian task group" ending at token `end`: the unit's office and the words naming it."""
    offices = titles().unit_offices
    for n in (2, 1):
        unit = " ".join(low(t) for t in tokens[max(0, end - n + 1):end + 1])
        if unit in offices:
            start = end - n + 1
            while start > 0 and low(tokens[start - 1]) not in _STOPS and end - start < 6:
                start -= 1
            return offices[unit], tokens[start:end + 1]
    return None


def _antecedent(sentences: list[Sentence], s_index: int, unit: str) -> str | None:
    """ "The group" names the unit described before: "An Italian carrier strike group led by ..."."""
    for n in range(s_index - 1, max(-1, s_index - 4), -1):
        tokens = tokenize(sentences[n].text)
        for k in range(len(tokens) - 1, -1, -1):
            if low(tokens[k]) == unit and (found := _unit_phrase(tokens, k)) and len(found[1]) > 1:
                return sentences[n].text[found[1][0].start:found[1][-1].end]
    return None


def led_unit(sentences: list[Sentence], s_index: int, tokens: list[Token], first: int) -> str | None:
    """The office of the one a cue before token `first` says leads a unit or ship: "Commander of the Indian
    task group", "Commanding Officer of INS Vaitarna"."""
    k = _cue_start(tokens, first)
    if k is None:
        return None
    end = _subject_end(tokens, k)
    if end < 0:
        return None
    text = sentences[s_index].text
    ships = ships_in(text[:tokens[end].end])
    if ships and text[:tokens[end].end].endswith(ships[-1]):
        return f"Commanding Officer of {ships[-1]}"
    found = _unit_phrase(tokens, end)
    if found is None:
        return None
    office, words = found
    phrase = text[words[0].start:words[-1].end]
    if len(words) == 1:
        phrase = _antecedent(sentences, s_index, low(words[0])) or phrase
    return f"{office} {phrase}"
