"""Page building blocks that keep a page short to scan: a facts box, lists that fold."""

from __future__ import annotations

from collections.abc import Iterable

# Lists longer than this show their first items and fold the rest under "N more".
SHOWN = 10


def facts_box(rows: Iterable[tuple[str, str]], css: str = "kb-facts", searchable: bool = False) -> str:
    """Label/value pairs as a definition list in a box; values are Markdown, already escaped.
    Rows with an empty value are left out.

    Kept out of the search index unless `searchable`: titles and tags carry most of what it
    says (the box holds no <div>, which would end Material's exclusion early)."""
    items = "\n\n".join(f"{label}\n:   {value}" for label, value in rows if value)
    exclude = "" if searchable else " data-search-exclude"
    return f'<div class="{css}"{exclude} markdown>\n\n{items}\n\n</div>'


def summary(sentence: str) -> str:
    """The page's one-sentence summary (escaped Markdown), right under its title."""
    return f"{sentence}\n{{ .kb-summary data-search-exclude }}"


def folded(body: str, label: str, css: str = "kb-more") -> str:
    """Markdown folded under a summary line; open it to read."""
    return f'<details class="{css}" markdown>\n<summary>{label}</summary>\n\n{body}\n\n</details>'


def bullet_list(items: Iterable[str], empty: str = "None recorded.", shown: int = SHOWN) -> str:
    """A bullet list whose items past `shown` are folded under "N more"."""
    lines = [f"- {item}" for item in items]
    if not lines:
        return f"*{empty}*"
    head, rest = lines[:shown], lines[shown:]
    if len(rest) <= 2:  # folding two items saves nothing
        return "\n".join(lines)
    return "\n".join(head) + "\n\n" + folded("\n".join(rest), f"{len(rest)} more")
