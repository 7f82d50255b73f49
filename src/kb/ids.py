"""Page ids: lower-case ASCII words joined by hyphens."""

from __future__ import annotations

import re

from .names import ascii_fold


def slug(text: str, max_words: int = 12) -> str:
    words = re.findall(r"[a-z0-9]+", ascii_fold(text).lower().replace("'", "").replace("’", ""))
    return "-".join(words[:max_words]) or "untitled"


def unique(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3` ... whichever is free; the result is added to `taken`."""
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate
