"""Sentences and tokens of a cleaned article, with character offsets.

Every sentence is an exact slice of the cleaned text, so a sentence can be
quoted as evidence as it stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

# Words whose final period does not end a sentence.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "adm", "capt", "cdr", "maj", "brig", "cmde", "prof", "hon",
    "sr", "jr", "st", "no", "nos", "rs", "smt", "shri", "sri", "govt", "dept", "corp", "inc", "ltd", "co",
    "pvt", "vs", "v", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "e.g", "i.e", "etc", "approx", "fig", "vol", "sig", "dott", "ing", "on", "u.s", "u.k", "a.m", "p.m",
    "h.e", "s.p.a", "spa", "ft", "mt", "gp", "wg", "sqn", "flt", "vadm", "radm", "cdre",
}
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
# A tab, or a bar between spaces, separates the cells of a table row copied as text:
# "1.\tMoU on ...\tShri A, Secretary\tGen. B, Director" holds three statements, not one.
_CELL = re.compile(r"\t+| +\| +")
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][\w'’.-]*|\d[\d,./:-]*|\S")
# An elided Italian article or preposition is a word of its own: "dell’Esercito" is "dell’" and "Esercito".
# A capitalised "D'" or "Dell'" is left alone: it begins surnames ("D'Amico", "Dell'Acqua").
_ELISION = re.compile(r"(?:[dl]|dell|dall|nell|sull|all|coll|un|quest|quell|L)['’](?=[A-Za-zÀ-ÖØ-öø-ÿ])")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offset in the cleaned text
    paragraph: int


@dataclass(frozen=True)
class Token:
    text: str
    start: int  # offset in the sentence
    end: int

    @cached_property
    def bare(self) -> str:
        """The word without a trailing period or possessive."""
        return _bare(self.text)

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


@lru_cache(maxsize=65536)
def _bare(text: str) -> str:
    return re.sub(r"(?:['’]s|['’])$", "", text.rstrip("."))


def _is_abbreviation(before: str) -> bool:
    word = re.split(r"[\s(\"“]", before)[-1].lower().rstrip(".")
    if word in _ABBREVIATIONS:
        return True
    # An initial ("A. K. Mehra", "K. S.") does not end a sentence.
    return bool(re.fullmatch(r"(?:[a-z]\.)*[a-z]", word))


def split_sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    offset = 0
    for p_index, para in enumerate(text.split("\n\n")):
        start = 0
        for m in _END.finditer(para):
            if m.group().startswith(".") and len(m.group()) == 1 and _is_abbreviation(para[start:m.start()]):
                continue
            _add_cells(out, para, start, m.end(), offset, p_index)
            start = m.end()
        _add_cells(out, para, start, len(para), offset, p_index)
        offset += len(para) + 2
    return out


def _add_cells(out: list[Sentence], para: str, start: int, end: int, offset: int, p_index: int) -> None:
    for m in _CELL.finditer(para, start, end):
        _add(out, para, start, m.start(), offset, p_index)
        start = m.end()
    _add(out, para, start, end, offset, p_index)


def _add(out: list[Sentence], para: str, start: int, end: int, offset: int, p_index: int) -> None:
    chunk = para[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    chunk = chunk.strip()
    if chunk:
        out.append(Sentence(chunk, offset + start + lead, p_index))


def tokenize(sentence: str) -> list[Token]:
    tokens = []
    for m in _WORD.finditer(sentence):
        word, start = m.group(), m.start()
        if (el := _ELISION.match(word)) and len(word) > el.end():
            tokens.append(Token(el.group(), start, start + el.end()))
            word, start = word[el.end():], start + el.end()
        # "Ferri," "Italy." — keep trailing periods only on abbreviations and initials.
        if word.endswith(".") and len(word) > 2 and not _is_abbreviation(word):
            word = word.rstrip(".")
        tokens.append(Token(word, start, start + len(word)))
    return tokens
