"""Render again only the entity pages whose inputs changed since the last build in this process.

A long-running process (`mkdocs serve`) builds the same site again and again,
after one article changed. While a page is rendered, every lookup it makes in
the Site's tables (people, events, backlinks, ...) is recorded as (table, key),
or (table, ALL) when it goes through a whole table. On the next build into the
same folder, a page whose recorded entries are all equal (==) in the new Site
is not rendered: its last text is used. Nothing is inferred about what a page
shows, so a page that starts reading something new is still kept right.

Anything on the Site that is not a table (a list, say) is compared whole; when
it differs, every page is rendered. A fresh process (`kb build`) has nothing
recorded and renders everything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .site import Site

ALL = object()  # the key of a dependency on a whole table
_MISSING = object()
Dep = tuple[str, Any]


@dataclass
class _Last:
    tables: dict[str, dict[Any, Any]]
    others: dict[str, Any]
    pages: dict[str, tuple[frozenset[Dep], str]]


_last: dict[Path, _Last] = {}  # by output folder


class _Recorder:
    """A Site table that notes each key looked up (and ALL when the table is gone through)."""

    def __init__(self, table: dict[Any, Any], name: str, log: set[Dep]) -> None:
        self._table, self._name, self._log = table, name, log

    def __getitem__(self, key: Any) -> Any:
        self._log.add((self._name, key))
        return self._table[key]  # a defaultdict makes the entry, as it does unrecorded

    def get(self, key: Any, default: Any = None) -> Any:
        self._log.add((self._name, key))
        return self._table.get(key, default)

    def __contains__(self, key: Any) -> bool:
        self._log.add((self._name, key))
        return key in self._table

    def _whole(self) -> dict[Any, Any]:
        self._log.add((self._name, ALL))
        return self._table

    def __iter__(self) -> Iterator[Any]:
        return iter(self._whole())

    def __len__(self) -> int:
        return len(self._whole())

    def __getattr__(self, name: str) -> Any:  # keys(), items(), values(), ...
        return getattr(self._whole(), name)


def _split(site: Site) -> tuple[dict[str, dict[Any, Any]], dict[str, Any]]:
    tables = {k: v for k, v in vars(site).items() if isinstance(v, dict)}
    others = {k: v for k, v in vars(site).items() if not isinstance(v, dict) and k != "warnings"}
    return tables, others


def _empty(table: dict[Any, Any]) -> Any:
    factory = getattr(table, "default_factory", None)
    return factory() if factory is not None else _MISSING


def _changed(dep: Dep, old: dict[str, dict[Any, Any]], new: dict[str, dict[Any, Any]]) -> bool:
    name, key = dep
    if key is ALL or name not in old or name not in new:
        return True
    # A defaultdict's missing key reads as its empty value (a page's lookup may have made it).
    a, b = old[name].get(key, _MISSING), new[name].get(key, _MISSING)
    a = _empty(old[name]) if a is _MISSING else a
    b = _empty(new[name]) if b is _MISSING else b
    return bool(a != b)


def render(site: Site, out: Path,
           makers: Iterable[tuple[str, tuple[str, str], Callable[[], str]]]) -> Iterator[tuple[str, str]]:
    """(path, text) for each page `makers` offers, rendering only those whose inputs changed."""
    key = Path(out).resolve()
    last = _last.pop(key, None)
    tables, others = _split(site)
    if last is not None and last.others != others:
        last = None
    seen: dict[Dep, bool] = {}
    pages: dict[str, tuple[frozenset[Dep], str]] = {}
    log: set[Dep] = set()
    for name, table in tables.items():
        setattr(site, name, _Recorder(table, name, log))
    try:
        for path, own, make in makers:
            old = last.pages.get(path) if last is not None else None
            if old is not None and last is not None:
                deps = old[0]
                if not any(seen[d] if d in seen else seen.setdefault(d, _changed(d, last.tables, tables))
                           for d in deps):
                    pages[path] = old
                    yield path, old[1]
                    continue
            log.clear()
            log.add(own)
            text = make()
            pages[path] = (frozenset(log), text)
            yield path, text
    finally:
        for name, table in tables.items():
            setattr(site, name, table)
    _last[key] = _Last(tables, others, pages)


def forget(out: Path | None = None) -> None:
    """Drop what was recorded (for one output folder, or all)."""
    if out is None:
        _last.clear()
    else:
        _last.pop(Path(out).resolve(), None)


__all__ = ["ALL", "forget", "render"]
