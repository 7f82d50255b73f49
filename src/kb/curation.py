"""Step 6: a person's corrections, read from `curation.yml` and applied after resolve.

The file is input, never rewritten: every rebuild applies it again to what the
articles say. Its format is documented in README.md ("Correcting the pages").
Any mistake in it (unknown key or id, bad date, quote not in its source) is a
CurationError naming the file and line; the build stops before writing.

    load_curation(path) -> Curation       syntax only; cheap, before extraction
    apply_curation(kb, curation)          checks everything, edits kb in place
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .dates import parse_iso
from .ids import slug, unique
from .model import Agreement, Event, Evidence, KnowledgeBase, Organisation, Person, Role
from .offices import office_key

CURATION_NAMES = ("curation.yml", "curation.yaml")
EVENT_KINDS = ("meeting", "visit", "signing", "exercise", "dialogue", "committee", "summit", "conference",
               "ceremony", "announcement", "other")
EVENT_STATUSES = ("happened", "planned", "proposed", "postponed", "cancelled")
AGREEMENT_KINDS = ("agreement", "mou", "declaration", "action-plan", "other")
ORGANISATION_KINDS = ("government", "military", "industry", "company", "other")
SECTIONS = ("people", "organisations", "agreements", "events")  # entity sections, in the order merges run
OPERATIONS = {s: {"merge", "drop", "distinct"} if s in ("people", "events") else {"merge", "drop"} for s in SECTIONS}
NEW_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,150}")  # what a page file name may be
RESERVED_IDS = {"index", "tags"}  # section index pages


class CurationError(ValueError):
    """Mistakes in the curation file, one `file:line: what was expected` per entry."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


# ---------------------------------------------------------------- reading, with line numbers
@dataclass
class Item:
    """A YAML value and the line it starts on; mappings keep their keys' lines too."""

    value: Any  # a scalar, list[Item] or dict[str, Item]
    line: int
    key_lines: dict[str, int] = field(default_factory=dict)


@dataclass
class Curation:
    file: str = ""
    root: Item | None = None  # None: no file, or an empty one

    def section(self, name: str) -> dict[str, Item]:
        got = self.root.value.get(name) if self.root else None
        return got.value if got is not None and isinstance(got.value, dict) else {}


def default_curation(seeds: Path) -> Path | None:
    """`curation.yml` in the folder that holds the seeds folder (the project root), if there."""
    root = Path(seeds).resolve().parent
    return next((root / n for n in CURATION_NAMES if (root / n).is_file()), None)


def load_curation(path: Path | None) -> Curation:
    """Parse the file (None: no curation). Raises CurationError on unreadable or invalid YAML."""
    if path is None:
        return Curation()
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CurationError([f"{name}: cannot be read ({exc})"]) from exc
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        root = _item(loader, node, name) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise CurationError([f"{name}:{line}: not valid YAML: {exc.problem or exc.context}"]) from exc
    finally:
        loader.dispose()
    if root is not None and root.value is None:
        root = None  # a file of comments only
    if root is not None and not isinstance(root.value, dict):
        raise CurationError([f"{name}:{root.line}: expected a mapping with keys {', '.join(_TOP)}"])
    return Curation(name, root)


def _item(loader: yaml.SafeLoader, node: yaml.Node, file: str) -> Item:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)  # resolves `<<:` merge keys
        out, lines = {}, {}
        for key_node, value_node in node.value:
            key = str(loader.construct_object(key_node, deep=True))
            if key in out:  # YAML would silently keep the last one
                raise CurationError([f"{file}:{key_node.start_mark.line + 1}: key {key!r} given twice "
                                     f"(first on line {lines[key]})"])
            out[key] = _item(loader, value_node, file)
            lines[key] = key_node.start_mark.line + 1
        return Item(out, line, lines)
    if isinstance(node, yaml.SequenceNode):
        return Item([_item(loader, n, file) for n in node.value], line)
    try:
        return Item(loader.construct_object(node, deep=True), line)
    except ValueError:  # `2022-13-22` looks like a date to YAML but is none: keep the text, the field check says why
        return Item(str(node.value), line)


# ---------------------------------------------------------------- value checks
class _Bad(Exception):
    """A value that is not what the field expects; the message says what is, `line` where (if not the field's)."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def _text(item: Item) -> str:
    if not isinstance(item.value, (str, int, float)) or isinstance(item.value, bool) or not str(item.value).strip():
        raise _Bad("expected a non-empty text")
    return str(item.value).strip()


def _optional_text(item: Item) -> str | None:
    return None if item.value is None else _text(item)


def _texts(item: Item) -> list[str]:
    return [_text(i) for i in _list(item)]


def _list(item: Item) -> list[Item]:
    if not isinstance(item.value, list):
        raise _Bad("expected a list, e.g. [a, b]")
    return item.value


def _mapping(item: Item) -> dict[str, Item]:
    if not isinstance(item.value, dict):
        raise _Bad("expected a mapping of field: value")
    return item.value


def _date(item: Item) -> str | None:
    value = item.value
    if value is None:
        return None
    if hasattr(value, "isoformat") and not isinstance(value, str):
        return value.isoformat()[:10]
    text = str(value).strip()
    if isinstance(value, bool) or not parse_iso(text):
        raise _Bad(f"expected a date like 2023-10-09, 2023-10 or 2023, not {value!r}")
    return text


def _flag(item: Item) -> bool:
    if not isinstance(item.value, bool):
        raise _Bad("expected true or false")
    return item.value


def _one_of(choices: tuple[str, ...]) -> Callable[[Item], str]:
    def check(item: Item) -> str:
        if item.value not in choices:
            raise _Bad(f"expected one of {', '.join(choices)}")
        return str(item.value)
    return check


# ---------------------------------------------------------------- applying
_TOP = ("people", "organisations", "agreements", "events", "sources", "facts")
_KINDS = {"people": "person", "organisations": "organisation", "agreements": "agreement", "events": "event",
          "sources": "source"}
_PERSON_FIELDS = ("name", "aliases", "country", "roles", "drop_roles")
_ROLE_FIELDS = ("title", "country", "date", "source")
_ORG_FIELDS = ("name", "acronym", "country", "kind")
_AGREEMENT_FIELDS = ("title", "kind", "date", "parties", "signatories", "events")
_EVENT_FIELDS = ("title", "kind", "date", "end_date", "place", "participants", "organisations", "agreements",
                 "bilateral", "background", "part_of", "status")
_SOURCE_FIELDS = ("title", "outlet", "published", "url")
_FACT_FIELDS = ("type", "id", "source", "quote")
_FIELDS = {"people": _PERSON_FIELDS, "organisations": _ORG_FIELDS, "agreements": _AGREEMENT_FIELDS,
           "events": _EVENT_FIELDS}


class _Curator:
    """One pass over the file; every mistake is collected so the user sees them all at once."""

    def __init__(self, kb: KnowledgeBase, cur: Curation) -> None:
        self.kb, self.cur = kb, cur
        self.problems: list[tuple[int, str]] = []
        self.gone: dict[str, dict[str, str]] = {s: {} for s in SECTIONS}  # id -> why it is no longer there
        self.renamed: dict[str, dict[str, str]] = {s: {} for s in SECTIONS}  # merged id -> surviving id

    def error(self, line: int, where: str, message: str) -> None:
        self.problems.append((line, f"{self.cur.file}:{line}: {where}: {message}"))

    def table(self, section: str) -> dict[str, Any]:
        return getattr(self.kb, section)

    def known(self, section: str, item: Item) -> str:
        """An id of an existing entity, or _Bad with a hint (merged away, dropped, a near spelling)."""
        ident = _text(item)
        table = self.table(section)
        if ident in table:
            return ident
        if ident in self.gone.get(section, {}):
            raise _Bad(f"{_KINDS[section]} {ident!r} {self.gone[section][ident]}")
        near = difflib.get_close_matches(ident, list(table), n=1)
        hint = f"; did you mean {near[0]}?" if near else ""
        raise _Bad(f"unknown {_KINDS[section]} id {ident!r}{hint}")

    def ids(self, section: str) -> Callable[[Item], list[str]]:
        def check(item: Item) -> list[str]:
            out = []
            for i in _list(item):
                try:
                    out.append(self.known(section, i))
                except _Bad as exc:
                    raise _Bad(str(exc), i.line) from None
            return list(dict.fromkeys(out))
        return check

    def fields(self, where: str, item: Item, allowed: tuple[str, ...]) -> dict[str, Item]:
        """The mapping's entries, after reporting keys that are not allowed."""
        try:
            entries = _mapping(item)
        except _Bad as exc:
            self.error(item.line, where, str(exc))
            return {}
        for key in entries:
            if key not in allowed:
                self.error(item.key_lines[key], where, f"unknown field {key!r}; expected one of {', '.join(allowed)}")
        return {k: v for k, v in entries.items() if k in allowed}

    def value(self, where: str, item: Item, check: Callable[[Item], Any]) -> tuple[bool, Any]:
        try:
            return True, check(item)
        except _Bad as exc:
            self.error(exc.line or item.line, where, str(exc))
            return False, None

    # ------------------------------------------------------------ the steps, in order
    def run(self) -> None:
        root = self.cur.root
        if root is None:
            return
        for key in root.value:
            if key not in _TOP:
                self.error(root.key_lines[key], "top level", f"unknown key {key!r}; expected one of {', '.join(_TOP)}")
        for name in _TOP[:-1]:
            if name in root.value and not isinstance(root.value[name].value, dict | None):
                self.error(root.value[name].line, name, "expected a mapping of id: fields")
        self.sources()
        for section in SECTIONS:
            self.merges(section)
        for section in SECTIONS:
            self.drops(section)
        if "facts" in root.value:
            self.facts(root.value["facts"])
        for section in SECTIONS:
            for ident, item in self.cur.section(section).items():
                if ident not in OPERATIONS[section] and self.exists(section, ident):
                    self.edit(section, ident, item)
        for section in ("people", "events"):
            if "distinct" in self.cur.section(section):
                self.pairs(section, "distinct", self.cur.section(section)["distinct"])
        self.tidy()

    def exists(self, section: str, ident: str) -> bool:
        """Whether a key of the section names an entity; if not, reported on the key's line."""
        assert self.cur.root is not None
        line = self.cur.root.value[section].key_lines[ident]
        ok, _ = self.value(f"{section}.{ident}", Item(ident, line), lambda i: self.known(section, i))
        return ok

    def sources(self) -> None:
        for sid, item in self.cur.section("sources").items():
            if not self.exists("sources", sid):
                continue
            where, source = f"sources.{sid}", self.kb.sources[sid]
            for key, value in self.fields(where, item, _SOURCE_FIELDS).items():
                ok, got = self.value(f"{where}.{key}", value, _date if key == "published" else _optional_text)
                if ok:
                    setattr(source, key, got)
                    if key == "published":
                        source.published_basis = "curated" if got else "unknown"

    def pairs(self, section: str, op: str, item: Item) -> list[list[str]]:
        """`[[a, b, ...], ...]`: groups of at least two known, distinct ids."""
        where = f"{section}.{op}"
        groups: list[list[str]] = []
        try:
            entries = _list(item)
        except _Bad as exc:
            self.error(item.line, where, f"{exc}, one list of ids per group")
            return groups
        seen: dict[str, int] = {}
        for group in entries:
            ok, ids = self.value(where, group, self.ids(section))
            if not ok:
                continue
            if len(ids) < 2:
                self.error(group.line, where, "expected at least two different ids, e.g. [keep-this-id, other-id]")
                continue
            twice = [i for i in ids if i in seen]
            if twice and op == "merge":  # distinct pairs may share an id; merge groups may not
                self.error(group.line, where, f"{twice[0]} is already in the group on line {seen[twice[0]]}; "
                                              "put everything that is one entity in one group")
                continue
            seen.update(dict.fromkeys(ids, group.line))
            groups.append(ids)
        return groups

    def merges(self, section: str) -> None:
        item = self.cur.section(section).get("merge")
        if item is None:
            return
        table = self.table(section)
        for keep, *others in self.pairs(section, "merge", item):
            for other in others:
                _MERGE[section](self.kb, table[keep], table.pop(other))
                self.gone[section][other] = f"was merged into {keep}; use that id"
                self.renamed[section][other] = keep
            table[keep].curated = True

    def drops(self, section: str) -> None:
        item = self.cur.section(section).get("drop")
        if item is None:
            return
        ok, ids = self.value(f"{section}.drop", item, self.ids(section))
        for ident in ids if ok else []:
            del self.table(section)[ident]
            self.gone[section][ident] = "was dropped (see drop:)"

    def edit(self, section: str, ident: str, item: Item) -> None:
        where = f"{section}.{ident}"
        entity = self.table(section)[ident]
        changed = False
        for key, value in self.fields(where, item, _FIELDS[section]).items():
            ok, got = self.value(f"{where}.{key}", value, self.check_for(section, key))
            if ok:
                self.set(section, entity, key, got)
                changed = True
        entity.curated = entity.curated or changed

    def check_for(self, section: str, key: str) -> Callable[[Item], Any]:
        checks: dict[str, Callable[[Item], Any]] = {
            "title": _text, "name": _text, "aliases": _texts, "country": _optional_text, "place": _optional_text,
            "acronym": _optional_text, "date": _date, "end_date": _date, "parties": self.parties,
            "participants": self.ids("people"), "signatories": self.ids("people"),
            "organisations": self.ids("organisations"), "agreements": self.ids("agreements"),
            "events": self.ids("events"), "bilateral": _flag, "background": _flag, "roles": self.roles,
            "drop_roles": self.drop_roles, "part_of": self.part_of,
        }
        if key == "status":
            return _one_of(EVENT_STATUSES)
        if key == "kind":
            return _one_of({"events": EVENT_KINDS, "agreements": AGREEMENT_KINDS,
                            "organisations": ORGANISATION_KINDS}[section])
        return checks[key]

    def set(self, section: str, entity: Any, key: str, value: Any) -> None:
        if key == "aliases":  # added, never replacing what the articles showed
            entity.aliases = list(dict.fromkeys([*entity.aliases, *value]))
        elif key == "drop_roles":
            entity.roles = [r for r in entity.roles
                            if not any(_role_matches(r, title, source) for title, source in value)]
        elif key == "roles":
            for role in value:
                role.country = role.country or entity.country
            entity.roles = sorted([*entity.roles, *value], key=lambda r: (r.date or "", r.title))
        elif section == "people" and key == "name" and entity.name != value:
            entity.aliases = list(dict.fromkeys([entity.name, *entity.aliases]))
            entity.name = value
        elif section == "events" and key == "agreements":
            _link(self.kb.agreements, "events", entity.id, value)
            entity.agreements = value
        elif section == "agreements" and key == "events":
            _link(self.kb.events, "agreements", entity.id, value)
            entity.events = value
        else:
            setattr(entity, key, value)
            if section == "events" and key == "date":
                entity.date_basis = "curated" if value else None
        if section == "events" and key in ("date", "place"):
            entity.disagreements.pop(key, None)  # settled by hand

    def parties(self, item: Item) -> list[str]:
        """Countries stay text; an organisation named by its id is checked like any id."""
        out = []
        for text in _texts(item):
            if text in self.gone["organisations"]:
                raise _Bad(f"organisation {text!r} {self.gone['organisations'][text]}")
            out.append(text)
        return out

    def roles(self, item: Item) -> list[Role]:
        out = []
        for r in _list(item):
            try:
                entries = _mapping(r)
                unknown = [k for k in entries if k not in _ROLE_FIELDS]
                if unknown:
                    raise _Bad(f"unknown role field {unknown[0]!r}; expected {', '.join(_ROLE_FIELDS)}")
                if "title" not in entries or "source" not in entries:
                    raise _Bad("a role needs title (the post held) and source (the id of the source stating it)")
                out.append(Role(title=_text(entries["title"]), source=self.known("sources", entries["source"]),
                                country=_optional_text(entries["country"]) if "country" in entries else None,
                                date=_date(entries["date"]) if "date" in entries else None))
            except _Bad as exc:
                raise _Bad(str(exc), exc.line or r.line) from None
        return out

    def drop_roles(self, item: Item) -> list[tuple[str, str | None]]:
        """Offices (every report of them) or single reports `{title, source}` to take off a person."""
        out = []
        for r in _list(item):
            try:
                if isinstance(r.value, dict):
                    entries = _mapping(r)
                    unknown = [k for k in entries if k not in ("title", "source")]
                    if unknown or "title" not in entries:
                        raise _Bad("expected an office title, or {title, source} for one report of it")
                    source = self.known("sources", entries["source"]) if "source" in entries else None
                    out.append((_text(entries["title"]), source))
                else:
                    out.append((_text(r), None))
            except _Bad as exc:
                raise _Bad(str(exc), exc.line or r.line) from None
        return out

    def part_of(self, item: Item) -> str | None:
        """The visit or summit an event belongs to (an event id), or null for none."""
        return None if item.value is None else self.known("events", item)

    def facts(self, item: Item) -> None:
        try:
            entries = _list(item)
        except _Bad as exc:
            self.error(item.line, "facts", f"{exc} of facts, each {{type, source, quote, ...}}")
            return
        for n, fact in enumerate(entries, 1):
            self.fact(f"facts[{n}]", fact)

    def fact(self, where: str, item: Item) -> None:
        """A new event or agreement (or more evidence for an existing one), backed by an exact quote."""
        type_item = item.value.get("type") if isinstance(item.value, dict) else None
        section = {"event": "events", "agreement": "agreements"}.get(type_item.value if type_item else None)
        if section is None:
            self.error(type_item.line if type_item else item.line, f"{where}.type",
                       "expected a mapping whose type is event or agreement")
            return
        entries = self.fields(where, item, _FACT_FIELDS + _FIELDS[section])
        missing = [k for k in ("source", "quote") if k not in entries]
        if missing:
            self.error(item.line, where, f"{' and '.join(missing)} required: the source id and a sentence "
                                         "copied exactly from its text")
            return
        ok, sid = self.value(f"{where}.source", entries["source"], lambda i: self.known("sources", i))
        ok_q, quote = self.value(f"{where}.quote", entries["quote"], _text)
        if not (ok and ok_q) or not self.quoted(f"{where}.quote", entries["quote"].line, sid, quote):
            return
        ident = self.fact_target(where, section, entries)
        if ident is None:
            return
        entity = self.table(section)[ident]
        evidence = Evidence(sid, quote)
        if evidence not in entity.evidence:
            entity.evidence.append(evidence)
        if sid not in entity.sources:
            entity.sources.append(sid)
        entity.curated = True
        rest = {k: v for k, v in entries.items() if k not in _FACT_FIELDS}
        self.edit(section, ident, Item(rest, item.line, item.key_lines))

    def quoted(self, where: str, line: int, sid: str, quote: str) -> bool:
        text = self.kb.sources[sid].text
        if quote in text:
            return True
        spaced = " ".join(quote.split()) in " ".join(text.split())
        self.error(line, where, f"not found in the text of source {sid}" +
                   ("; it differs only in spaces or line breaks: copy it from the source page" if spaced
                    else "; it must be copied exactly from that source's text"))
        return False

    def fact_target(self, where: str, section: str, entries: dict[str, Item]) -> str | None:
        """The id the fact is about: an existing entity, or a new one made here."""
        table = self.table(section)
        ident: str | None = None
        if "id" in entries:
            ok, ident = self.value(f"{where}.id", entries["id"], _text)
            if not ok:
                return None
            if ident in table:
                return ident
            if ident in self.gone[section]:
                why = self.gone[section][ident]
                self.error(entries["id"].line, f"{where}.id", f"{_KINDS[section]} {ident!r} {why}")
                return None
            if not NEW_ID.fullmatch(ident) or ident in RESERVED_IDS:
                self.error(entries["id"].line, f"{where}.id",
                           "expected a new id of lower-case letters, digits and hyphens (not index or tags)")
                return None
        if "title" not in entries:
            where_line = entries["id"].line if "id" in entries else entries["source"].line
            self.error(where_line, where, f"title is required for a new {_KINDS[section]}")
            return None
        title = str(entries["title"].value)
        date = entries["date"].value if "date" in entries else None
        ident = ident or unique(f"{date}-{slug(title)}" if date else slug(title), set(table))
        table[ident] = Event(id=ident, title=title) if section == "events" else Agreement(id=ident, title=title)
        return ident

    def tidy(self) -> None:
        """After merges and drops, no list may point at a page that is gone."""
        kb, gone, renamed = self.kb, self.gone, self.renamed

        def fix(ids: list[str], section: str) -> list[str]:
            table = self.table(section)
            mapped = (renamed[section].get(i, i) for i in ids)
            return list(dict.fromkeys(i for i in mapped if i in table))

        for ev in kb.events.values():
            if ev.part_of:
                part_of = renamed["events"].get(ev.part_of, ev.part_of)
                ev.part_of = part_of if part_of in kb.events and part_of != ev.id else None
            ev.participants = fix(ev.participants, "people")
            ev.organisations = fix(ev.organisations, "organisations")
            ev.agreements = fix(ev.agreements, "agreements")
        for a in kb.agreements.values():
            a.signatories = fix(a.signatories, "people")
            a.events = fix(a.events, "events")
            a.parties = list(dict.fromkeys(renamed["organisations"].get(p, p) for p in a.parties
                                           if p not in gone["organisations"] or p in renamed["organisations"]))
        for p in kb.people.values():
            p.events = sorted((e.id for e in kb.events.values() if p.id in e.participants),
                              key=lambda i: kb.events[i].date or "", reverse=True)


def _role_matches(role: Role, title: str, source: str | None) -> bool:
    """A report of the office `title` names (any wording of it), from `source` when one is given."""
    return office_key(role.title) == office_key(title) and (source is None or role.source == source)


def _link(table: dict[str, Any], attr: str, ident: str, wanted: list[str]) -> None:
    """Keep the back-references in step: `ident` is listed by exactly the entities in `wanted`."""
    for key, obj in table.items():
        refs = getattr(obj, attr)
        if key in wanted and ident not in refs:
            refs.append(ident)
        elif key not in wanted and ident in refs:
            refs.remove(ident)


# ---------------------------------------------------------------- merging two entities
def _union(a: list[Any], b: list[Any]) -> list[Any]:
    out = list(a)  # not dict.fromkeys: Evidence is not hashable
    for x in b:
        if x not in out:
            out.append(x)
    return out


def _merge_person(kb: KnowledgeBase, keep: Person, other: Person) -> None:
    keep.aliases = [n for n in _union(keep.aliases, [other.name, *other.aliases]) if n != keep.name]
    keep.country = keep.country or other.country
    keep.roles = sorted(keep.roles + other.roles, key=lambda r: (r.date or "", r.title))
    keep.sources = _union(keep.sources, other.sources)
    kb.merges.append((other.name, keep.name))


def _merge_organisation(kb: KnowledgeBase, keep: Organisation, other: Organisation) -> None:
    keep.acronym = keep.acronym or other.acronym
    keep.country = keep.country or other.country
    keep.sources = _union(keep.sources, other.sources)


def _merge_agreement(kb: KnowledgeBase, keep: Agreement, other: Agreement) -> None:
    keep.date = keep.date or other.date
    for attr in ("parties", "signatories", "events", "evidence", "sources"):
        setattr(keep, attr, _union(getattr(keep, attr), getattr(other, attr)))


def _merge_event(kb: KnowledgeBase, keep: Event, other: Event) -> None:
    if not keep.date:
        keep.date, keep.end_date, keep.date_basis = other.date, other.end_date, other.date_basis
    keep.place = keep.place or other.place
    keep.bilateral = keep.bilateral or other.bilateral
    for attr in ("participants", "organisations", "agreements", "evidence", "sources"):
        setattr(keep, attr, _union(getattr(keep, attr), getattr(other, attr)))


_MERGE: dict[str, Callable[[KnowledgeBase, Any, Any], None]] = {
    "people": _merge_person, "organisations": _merge_organisation, "agreements": _merge_agreement,
    "events": _merge_event}


# ---------------------------------------------------------------- the public steps
def apply_curation(kb: KnowledgeBase, cur: Curation) -> None:
    """Apply the corrections to `kb` in place; raises CurationError listing every mistake.

    On error the KB is left partly curated: the caller must not write it.
    """
    curator = _Curator(kb, cur)
    curator.run()
    if curator.problems:
        raise CurationError([text for _, text in sorted(curator.problems, key=lambda p: p[0])])


def distinct_people(cur: Curation, section: str = "people") -> set[frozenset[str]]:
    """Pairs of ids the curator says are different people (`people.distinct`) or happenings
    (`events.distinct`), for `kb check`."""
    item = cur.section(section).get("distinct")
    groups = item.value if item is not None and isinstance(item.value, list) else []
    pairs: set[frozenset[str]] = set()
    for g in groups:
        ids = [str(i.value) for i in g.value] if isinstance(g.value, list) else []
        pairs.update(frozenset((a, b)) for a in ids for b in ids if a != b)
    return pairs
