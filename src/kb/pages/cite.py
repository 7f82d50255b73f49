"""How an article is cited on every page: "Outlet, date — headline".

The outlet and headline come from the article's reading (front matter, header,
credits); here they are only shown. An outlet nobody could find is shown as
"unknown" rather than left out, so a reader sees that it is not known.
"""

from __future__ import annotations

from ..model import Source
from .markup import human_date, one_line

UNKNOWN_OUTLET = "unknown"


def outlet(source: Source) -> str:
    return one_line(source.outlet or "") or UNKNOWN_OUTLET


def headline(source: Source) -> str:
    """The article's headline; its file name when it has none (never an empty link)."""
    return one_line(source.title or "") or source.file


def published(source: Source) -> str:
    return human_date(source.published) if source.published else "date unknown"


def citation(source: Source) -> str:
    """Plain text (not yet escaped): `ANI, 10 October 2023 — India, Italy sign ...`."""
    return f"{outlet(source)}, {published(source)} — {headline(source)}"


def outlets(sources: list[Source]) -> tuple[list[str], int]:
    """The distinct known outlets of these articles, and how many articles have no known outlet."""
    known = sorted({one_line(s.outlet) for s in sources if s.outlet and one_line(s.outlet)}, key=str.lower)
    return known, sum(1 for s in sources if not (s.outlet and one_line(s.outlet)))


def reported_by(sources: list[Source]) -> str:
    """`2 outlets: ANI, PTI — 4 articles, 1 of unknown outlet`, from each article's outlet."""
    known, unknown = outlets(sources)
    n = len(sources)
    if not known:
        return f"{n} article{'s' * (n != 1)} of unknown outlet"
    text = f"{len(known)} outlet{'s' * (len(known) != 1)}: {', '.join(known)}"
    if n > len(known):
        text += f" — {n} articles" + (f", {unknown} of unknown outlet" if unknown else "")
    return text
