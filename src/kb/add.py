"""`kb add`: copy articles into the seeds folder under clean names, rebuild, and say what each brought.

A copy is named `<published or undated>_<slug of its title or first words>.md`
and never overwrites a seed. Its front matter is the file's own, with what was
given on the command line on top. An article whose text (whitespace aside) is
already a seed is refused with its twin's name; so is a URL, since nothing is
fetched.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .build import BuildReport, build, extract_all
from .clean import clean
from .curation import apply_curation, default_curation, load_curation
from .extract import extract_article
from .ids import slug
from .ingest import META_KEYS, ArticleError, all_front_matter, article_paths, decode, read_article, source_id
from .model import KnowledgeBase
from .names import name_key
from .pubdate import publication_date
from .resolve import resolve

URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
# "Rome [Italy], May 3 (ANI):" or "KOCHI:" opens many articles; it makes a poor file name.
DATELINE = re.compile(r"^(?:[^:\n]{0,60}\([A-Za-z .]+\)|[A-Z][A-Z .]{2,30})\s*[:\-–—]\s*")


class Refused(Exception):
    """The article is not copied; the message says why."""


@dataclass
class Copy:
    given: str  # the path as the user gave it
    file: str  # its name in the seeds folder
    content: str

    @property
    def source_id(self) -> str:
        return source_id(self.file)


@dataclass
class AddReport:
    copied: list[Copy] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (path given, why)
    build: BuildReport | None = None
    found: dict[str, list[str]] = field(default_factory=dict)  # file in seeds -> report lines


def normalised(text: str) -> str:
    return " ".join(text.split())


def _seeds_by_text(seeds: Path) -> dict[str, str]:
    """Normalised body -> file name, for every readable seed."""
    out: dict[str, str] = {}
    for path in article_paths(seeds):
        try:
            out.setdefault(normalised(read_article(path).body), path.name)
        except ArticleError:
            continue
    return out


def _front_matter(path: Path) -> dict[str, Any]:
    """All of the file's own front matter (unknown keys too: they are the user's notes)."""
    text = decode(path.read_bytes())[0].replace("\r\n", "\n")
    try:
        return dict(all_front_matter(text))
    except (yaml.YAMLError, ValueError) as exc:
        raise Refused(f"its front matter is not valid YAML ({str(exc).splitlines()[0]}); fix or remove it") from exc


def _date_value(value: str) -> Any:
    """A full date is written as a YAML date, like hand-written front matter; partial ones as text."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return value


def _file_name(body: str, meta: dict[str, Any], taken: set[str], taken_ids: set[str]) -> str:
    text_meta = {k: (str(v) if v is not None else None) for k, v in meta.items() if k in META_KEYS}
    published = publication_date(body, text_meta).value or "undated"  # front matter first, as the build does
    cleaned = clean(body)
    title = text_meta.get("title") or cleaned.headline or DATELINE.sub("", cleaned.text.strip() or body.strip())
    base = f"{published}_{slug(title, 8)}"
    name, n = f"{base}.md", 2
    while name in taken or source_id(name) in taken_ids:
        name, n = f"{base}-{n}.md", n + 1
    return name


def prepare(given: str, seeds: Path, meta: dict[str, str], texts: dict[str, str]) -> Copy:
    """The seed copy of one article, not yet written. `texts` (normalised body -> seed) grows with it.

    Raises Refused or ArticleError (unreadable: the ingest module's reason).
    """
    if URL.match(given):
        raise Refused("is a URL; kb add works offline and fetches nothing: save the page (or its text) to a "
                      "file and add that file")
    path = Path(given)
    raw = read_article(path)
    twin = texts.get(normalised(raw.body))
    if twin is not None:
        raise Refused(f"same text as {twin}, already in {seeds}")
    # What ingest read (a saved page's <title>, say), the file's own front matter, then the options.
    merged = {k: v for k, v in raw.meta.items() if v} | _front_matter(path)
    merged.update({k: _date_value(v) if k == "published" else v for k, v in meta.items() if v})
    ordered = {k: merged[k] for k in META_KEYS if k in merged} | merged
    taken = {p.name for p in seeds.iterdir()} | {n for n in texts.values()}
    name = _file_name(raw.body, ordered, taken, {source_id(n) for n in taken})
    head = ("---\n" + yaml.safe_dump(ordered, sort_keys=False, allow_unicode=True) + "---\n") if ordered else ""
    if not head and raw.body.startswith("---"):
        head = "---\n{}\n---\n"  # else the body's first lines would be read as front matter
    texts[normalised(raw.body)] = name
    return Copy(given, name, head + raw.body)


def _knowledge(seeds: Path, curation: Path | None) -> KnowledgeBase:
    """What the site knows now, curated as the build would, without writing pages."""
    kb = resolve(extract_all(seeds, BuildReport()))
    apply_curation(kb, load_curation(curation))
    return kb


def add(paths: list[str], seeds: Path, out: Path, meta: dict[str, str], curation: Path | None = None) -> AddReport:
    """Copy the articles that can be added, rebuild, and describe each. Raises CurationError before copying."""
    curation = curation if curation is not None else default_curation(seeds)
    report = AddReport()
    texts = _seeds_by_text(seeds)
    for given in paths:
        try:
            report.copied.append(prepare(given, seeds, meta, texts))
        except (Refused, ArticleError) as exc:
            report.refused.append((given, str(exc)))
    if not report.copied:
        return report
    before = _knowledge(seeds, curation)  # before copying: a broken curation file stops us here
    for copy in report.copied:
        with open(seeds / copy.file, "x", encoding="utf-8") as fh:  # "x": never overwrite a seed
            fh.write(copy.content)
    report.build = build(seeds, out, curation)
    assert report.build.kb is not None
    for copy in report.copied:
        report.found[copy.file] = describe(before, report.build.kb, seeds / copy.file)
    return report


def describe(before: KnowledgeBase, after: KnowledgeBase, path: Path) -> list[str]:
    """What one article brought: new and existing people, events, agreements, and names merged."""
    sid = source_id(path.name)
    source = after.sources.get(sid)
    if source is None:
        return ["nothing: the build skipped it (see above)"]

    def existed(obj: Any) -> bool:  # drawn from an article that was there before: ids may move, sources do not
        return any(s in before.sources for s in obj.sources)

    lines: list[str] = []
    people = [p for p in after.people.values() if sid in p.sources]
    events = [e for e in after.events.values() if sid in e.sources]
    agreements = [a for a in after.agreements.values() if sid in a.sources]
    for label, items, show in (("people", people, lambda p: p.name + (f" ({p.country})" if p.country else "")),
                               ("events", events, lambda e: f"{e.date or 'undated'} {e.title} [{e.id}]"),
                               ("agreements", agreements, lambda a: f"{a.title} ({a.date or 'undated'}) [{a.id}]")):
        new = [show(x) for x in items if not existed(x)]
        old = [show(x) for x in items if existed(x)]
        if new:
            lines.append(f"new {label}: " + "; ".join(new))
        if old:
            lines.append(f"existing {label}: " + "; ".join(old))
    ex = extract_article(read_article(path))
    for local in ex.people:
        target = next((p for p in people if local.name == p.name or local.name in p.aliases), None)
        if target is not None and name_key(local.name) != name_key(target.name) \
                and (local.name, target.name) in after.merges:
            lines.append(f"merged: {local.name} → {target.name} ({'existing' if existed(target) else 'new'})")
    for p in people:  # the article can change an existing page's name (and so its id): say so
        for old in before.people.values():
            if old.name != p.name and old.name in p.aliases and set(old.sources) & set(p.sources):
                moved = f"; its id is now {p.id}, was {old.id}" if old.id != p.id else ""
                lines.append(f"renamed: {old.name} → {p.name} (existing{moved})")
    if not source.published:
        lines.append("no publication date found: give it `published:` (kb add --published DATE)")
    lines.extend(f"warning: {w}" for w in source.warnings)
    return lines or ["nothing found: no people, events or agreements"]
