"""Person names: normal forms for comparison, and when two spellings are one name."""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import cache, lru_cache

from .lexicon import _load, titles


@cache
def name_lexicon() -> dict:
    return _load("names")


@cache
def particles() -> frozenset[str]:
    return frozenset(name_lexicon()["particles"])


def ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


@lru_cache(maxsize=200_000)
def name_tokens(name: str) -> tuple[str, ...]:
    """Lower-case words of a name without honorifics; runs of initials are joined ("M. M." -> "mm")."""
    words = re.sub(r"[^a-z' -]+", " ", ascii_fold(name).lower().replace(".", " ")).split()
    words = [w for w in words if w not in titles().honorifics]
    out: list[str] = []
    joining = False  # the last token was built from single letters
    for w in words:
        if len(w) == 1 and out and joining:
            out[-1] += w
        else:
            out.append(w)
            joining = len(w) == 1
    return tuple(out)


@lru_cache(maxsize=200_000)
def is_full_name(name: str) -> bool:
    """A given name and a surname; "Della Rocca" or "Singh" alone is a short form ("A L Chauhan" is full)."""
    words = [w for w in re.split(r"[\s.]+", ascii_fold(name)) if w and w.lower() not in titles().honorifics]
    if len(name_tokens(name)) < 2 or len(words) < 2:
        return False
    first = words[0]
    return not (len(first) > 1 and first.lower() in particles())


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    return " ".join(name_tokens(name))


@lru_cache(maxsize=200_000)
def surname_key(name: str) -> str:
    toks = [t for t in name_tokens(name) if t not in particles()]
    return toks[-1] if toks else ""


def given_key(name: str) -> str:
    toks = name_tokens(name)
    return toks[0] if len(toks) > 1 else ""


@lru_cache(maxsize=200_000)
def initials_of(name: str) -> str:
    """Initials of the given names: "Arun Kumar Mehra", "A K Mehra", "AK Mehra" -> "ak"."""
    words = [w for w in re.split(r"[\s.]+", ascii_fold(name)) if w]
    words = [w for w in words if w.lower() not in titles().honorifics and w.lower() not in particles()][:-1]
    return "".join(w.lower() if (len(w) == 1 or (w.isupper() and len(w) <= 3)) else w[0].lower() for w in words)


def same_name(a: str, b: str) -> bool:
    """Two spellings of one full name: equal, a one-letter slip in the surname, or initials of the given names."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    ta, tb = ka.split(), kb.split()
    if len(ta) < 2 or len(tb) < 2:
        return False
    sa, sb = surname_key(a), surname_key(b)
    ga, gb = ta[0], tb[0]
    if ga == gb and ka != kb and len(ta) == len(tb):
        # "Marchetti" / "Marcheti", "Valsecchi di Brenno" / "Valseschi di Brenno": a slip in a long
        # surname with the same given name.
        rest_a, rest_b = " ".join(ta[1:]), " ".join(tb[1:])
        if min(len(rest_a), len(rest_b)) >= 5 and difflib.SequenceMatcher(None, rest_a, rest_b).ratio() >= 0.85:
            return True
    if sa == sb and (initials_of(a) == initials_of(b)) and (len(ga) <= 3 or len(gb) <= 3):
        return True
    return ta[1:] == tb[1:] and (_vowel_slip(ga, gb) or _typo(ga, gb))


def _typo(a: str, b: str) -> bool:
    """ "Federico" / "Frederico": a slip inside a long given name that keeps its first letter and its ending
    (which tells "Giovanni" from "Giovanna")."""
    return min(len(a), len(b)) >= 7 and a[0] == b[0] and a[-2:] == b[-2:] \
        and difflib.SequenceMatcher(None, a, b).ratio() >= 0.85


_VOWELS = set("aeiouy")
# Vowels that transliterations and typing swap for one another ("Giorgia" / "Georgia", "Yashwant" / "Yeshwant").
_NEAR_VOWELS = {frozenset(p) for p in ("ae", "ei", "iy", "ou", "ee")}


def _spelling(word: str) -> str:
    """A given name as transliterations may spell it: "Yashwant", "Yaswant", "Yasvant" come out alike."""
    word = re.sub(r"(?<=[bcdgjkpst])h", "", word).replace("w", "v")
    return re.sub(r"(.)\1+", r"\1", word)


def _vowel_slip(a: str, b: str) -> bool:
    """Two spellings of one given name of five letters or more: alike once transliterated, or one vowel swapped
    for a near one, added or left out. Not at the end, which tells "Maria" from "Mario", nor a consonant
    ("Rajesh", "Ramesh"), nor vowels far apart ("Ashok", "Ashik")."""
    if min(len(a), len(b)) < 5 or a == b:
        return False
    a, b = _spelling(a), _spelling(b)
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    n = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    if n >= min(len(a), len(b)) - 1:
        return False
    if len(a) == len(b):
        return frozenset((a[n], b[n])) in _NEAR_VOWELS and a[n + 1:] == b[n + 1:]
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[n] in _VOWELS and longer[n + 1:] == shorter[n:]


def short_form_of(short: str, full: str) -> bool:
    """ "Singh" is a short form of "Arun Kumar Singh"; "Conti" of "Marco Conti di Lauro". """
    s = name_key(short)
    toks = name_key(full).split()
    if not s or len(toks) < 2:
        return False
    if " " in s:  # "Della Rocca" of "Fabrizio Della Rocca", "Conti di Lauro"
        n = len(s.split())
        return n < len(toks) and any(" ".join(toks[i:i + n]) == s for i in range(1, len(toks) - n + 1))
    surname = surname_key(full)
    return s == surname or s in [t for t in toks[1:] if t not in particles()] or _vowel_slip(s, surname)
