"""The site's search: what each page gives the search index, and building that index.

The index is built by Pagefind over the rendered HTML into small chunks: the
browser loads only the chunks a query's words need and the few results it
shows, so the first result does not wait for a whole-site index to load
(Material's own search builds its whole index in the browser on every page
load, seconds on a site of thousands of pages).

The page templates mark what is indexed (`data-pagefind-body`); the build hook
passes each rendered page through `index_html`, which

- keeps out what the pages mark `data-search-exclude` (link lists, fact
  lists, article text): a heading marked so keeps its whole section out;
- records what a result shows besides the title (`kind`, `date`, `summary`);
- adds, hidden, the words that find a page without being on it in that form:
  an event's place (its fact list is not indexed) and the other forms of any
  synonym or abbreviation the page holds (`lexicon/search.yml`).
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

BUNDLE = "pagefind"  # the index's folder inside the site
KINDS = {"person": "Person", "event": "Event", "agreement": "Agreement", "organisation": "Organisation",
         "source": "Article"}
# An opening tag marked to stay out of the index: the attribute Material's search used.
_EXCLUDED = re.compile(r"<(\w+)([^<>]*?)\sdata-search-exclude(?=[\s>=/])")
_H2 = re.compile(r"<h2[\s>]")


# ---------------------------------------------------------------- synonyms
@cache
def synonym_groups() -> tuple[tuple[str, ...], ...]:
    """Groups of forms from lexicon/search.yml, the short form first."""
    text = resources.files("kb").joinpath("lexicon", "search.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {}
    return tuple(tuple(str(f) for f in group) for group in data.get("synonyms", []) if len(group) > 1)


def _pattern(form: str) -> re.Pattern[str]:
    words = r"\s+".join(re.escape(w) for w in form.split())
    flags = 0 if form.isupper() else re.IGNORECASE  # "IN" is the navy, "in" is not
    return re.compile(rf"(?<![\w-]){words}(?![\w-])", flags)


@cache
def _patterns() -> tuple[tuple[tuple[str, re.Pattern[str]], ...], ...]:
    return tuple(tuple((f, _pattern(f)) for f in group) for group in synonym_groups())


def other_forms(text: str) -> list[str]:
    """The forms of every synonym group that `text` holds in some form but not in these."""
    found: list[str] = []
    for group in _patterns():
        present = [bool(p.search(text)) for _, p in group]
        if any(present):
            found += [form for (form, _), here in zip(group, present, strict=True) if not here]
    return found


def query_forms() -> dict[str, str]:
    """Abbreviation in capitals -> the long form a query of exactly it is searched as."""
    return {group[0]: group[1] for group in synonym_groups() if group[0].isupper()}


# ---------------------------------------------------------------- one page
def _ignored(page_html: str) -> str:
    """Material's exclusion marks as Pagefind's; a marked h2's section (up to the next h2) is wrapped whole."""
    parts = _H2.split(page_html)
    heads = [m.group(0) for m in _H2.finditer(page_html)]
    out = [parts[0]]
    for head, part in zip(heads, parts[1:], strict=True):
        section = head + part
        tag_end = section.find(">")
        if "data-search-exclude" in section[:tag_end]:
            section = f"<div data-pagefind-ignore>{section}</div>"
        out.append(section)
    return _EXCLUDED.sub(r"<\1\2 data-search-exclude data-pagefind-ignore", "".join(out))


def _current_role(roles: Any) -> str | None:
    """The latest dated role's title (undated roles count as older), as the person page shows it."""
    if not isinstance(roles, list):
        return None
    dated = [(str(r.get("date") or ""), i, r) for i, r in enumerate(roles) if isinstance(r, dict) and r.get("title")]
    return str(max(dated)[2]["title"]) if dated else None


def result_meta(meta: Mapping[str, Any]) -> dict[str, str]:
    """What a search result shows under its title: the page's kind, date and a one-line summary."""
    kind = str(meta.get("type") or "")
    out = {"kind": KINDS.get(kind, "Page")}
    date = meta.get("published") if kind == "source" else meta.get("date")
    if date:
        out["date"] = str(date)
    if kind == "person":
        role = _current_role(meta.get("roles"))
        out["summary"] = " · ".join(str(x) for x in (role, meta.get("country")) if x) or "Person"
    elif kind == "event":
        out["summary"] = " · ".join(str(x) for x in (meta.get("kind"), meta.get("place")) if x)
    elif kind == "agreement":
        out["summary"] = str(meta.get("kind") or "")
    elif kind == "source":
        out["summary"] = str(meta.get("outlet") or "")
    elif kind == "organisation":
        out["summary"] = " · ".join(str(x) for x in (meta.get("acronym"), meta.get("country")) if x)
    return {k: v for k, v in out.items() if v}


def _indexed_words(meta: Mapping[str, Any]) -> str:
    """What names a generated page: title, names, kind, place, role titles. (Not its quotes: a quote
    shown on several pages is indexed on one of them only.)"""
    parts = [meta.get(k) for k in ("title", "name", "acronym", "kind", "place", "outlet")]
    parts += list(meta.get("aliases") or [])
    parts += [r.get("title") for r in meta.get("roles") or [] if isinstance(r, dict)]
    return "\n".join(str(p) for p in parts if p)


def index_html(page_html: str, meta: Mapping[str, Any]) -> str:
    """A rendered page's content, marked for the index (see the module's docstring)."""
    marked = _ignored(page_html).replace('class="headerlink"', 'class="headerlink" data-pagefind-ignore')
    fields = result_meta(meta)
    if meta.get("title"):
        fields = {"title": str(meta["title"]), **fields}  # not the h1, which ends in its permalink mark
    # The value as the element's text, not in the attribute, where Pagefind would split it at commas.
    tags = "".join(f'<span data-pagefind-meta="{k}" data-pagefind-ignore hidden>{html.escape(v)}</span>'
                   for k, v in fields.items())
    words = [str(meta["place"])] if meta.get("type") == "event" and meta.get("place") else []
    words += other_forms(_indexed_words(meta))
    hidden = f'<p class="kb-search-words" hidden>{html.escape(" · ".join(words))}</p>' if words else ""
    return marked + tags + hidden + _boosted(meta)


def _boosted(meta: Mapping[str, Any]) -> str:
    """A page whose front matter asks for a boost (a person: searching a name should find them before
    the events and articles titled with it) has its names indexed again at Pagefind's top weight."""
    search = meta.get("search")
    if not (isinstance(search, Mapping) and search.get("boost") and meta.get("title")):
        return ""
    names = [str(meta["title"]), *(str(a) for a in meta.get("aliases") or [])]
    return f'<p class="kb-search-names" data-pagefind-weight="10" hidden>{html.escape(" · ".join(names))}</p>'


# ---------------------------------------------------------------- the index
def build_index(site_dir: Path) -> subprocess.CompletedProcess[str]:
    """Run Pagefind (the pagefind-bin wheel: no download, no network) over the built site."""
    cmd = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", BUNDLE,
           "--keep-index-url", "--quiet"]
    return subprocess.run(cmd, capture_output=True, text=True)


def indexed_pages(site_dir: Path) -> int:
    """How many pages the built index holds (0 when there is none)."""
    try:
        entry = json.loads((site_dir / BUNDLE / "pagefind-entry.json").read_text(encoding="utf-8"))
        return sum(int(lang.get("page_count", 0)) for lang in entry.get("languages", {}).values())
    except (OSError, ValueError, AttributeError):
        return 0
