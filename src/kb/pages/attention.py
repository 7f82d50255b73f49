"""Articles a reader should know about before trusting what the site drew from them.

An article may be built and still be half-read: its date missing or guessed,
its language one the extractor does not read. The home page lists every such
article with the reason, beside those that could not be read at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..lexicon import languages
from ..model import Problem, Source
from .site import Site

# Dates found this way stand on something other than the article's own header or dateline.
GUESSED_BASES = {"text": "publication date read from a date in the text",
                 "post-id": "publication date taken from the web address"}


@dataclass
class Attention:
    file: str
    source: str | None  # the source page's id, when the article has one
    reason: str


def _guess(source: Source) -> str | None:
    """Why the publication date is a guess, or None when the article states it."""
    inferred = [w for w in source.warnings if "without a year" in w or "inferred" in w]
    if inferred:
        return inferred[0]
    return GUESSED_BASES.get(source.published_basis)


def needs_attention(site: Site, problems: list[Problem]) -> list[Attention]:
    """Unreadable files first, then built articles not read in full or with no sure date."""
    out = [Attention(p.file, None, f"not read: {p.reason}") for p in problems]
    read = languages()["extracted"]
    for sid in sorted(site.sources, key=lambda i: site.sources[i].file):
        s = site.sources[sid]
        if s.language and s.language not in read:
            out.append(Attention(s.file, sid, f"not read: the language is {s.language!r}, which the build does not "
                                              "read"))
        elif not s.published:
            out.append(Attention(s.file, sid, "no publication date found: give it a published: date in front matter"))
        elif (why := _guess(s)) is not None:
            out.append(Attention(s.file, sid, f"date guessed ({s.published}): {why}"))
    return out
