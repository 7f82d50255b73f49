"""YAML front matter that any name survives: colons, quotes, `---`, newlines."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import yaml

_LINE_BREAK = re.compile("[\n\r\x85\u2028\u2029]")

# Marks a page as written by `kb build`, so a page generated before the
# manifest existed (or after it was lost) is recognised as ours.
GENERATOR = "kb build"


# libyaml's emitter when PyYAML has it: the pure-Python one spends a minute on a 10,000-page site.
_SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_SafeDumper):  # type: ignore[misc,valid-type]
    def ignore_aliases(self, data: object) -> bool:
        return True  # a list shared by two keys is written twice, not as &id001 / *id001


def _str(dumper: _Dumper, value: str) -> yaml.ScalarNode:
    # A multi-line plain or single-quoted scalar could put `---` at the start of
    # a line, which ends the front matter for MkDocs and simple readers.
    # Double quotes keep every line break as an escape on one line.
    style = '"' if _LINE_BREAK.search(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def _yaml_dump(data: object) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=2**30)


def dump(meta: dict[str, Any]) -> str:
    """`meta` as block YAML, exactly as PyYAML writes it with the options above.

    Front matter is only dicts, lists, strings, booleans, None and ints, so it is
    laid out here and only the scalars go through PyYAML (or a cheaper test for
    the words that are certainly plain): the dumper's pure-Python representer
    costs more than the rest of a page. Anything else falls back to PyYAML whole.
    """
    if not meta or type(meta) is not dict:
        return _yaml_dump(meta)
    out: list[str] = []
    try:
        _mapping(meta, 0, "", out)
    except _Unusual:
        return _yaml_dump(meta)
    out.append("")
    return "\n".join(out)


class _Unusual(Exception):
    """A value the block layout below does not cover."""


# Strings PyYAML certainly writes plain: a letter first, so no number, date, merge key
# or indicator; no ': ', ' #' or trailing space; ASCII and Latin letters only.
_PLAIN = re.compile(r"[A-Za-z\u00c0-\u017f](?:[\w\u00c0-\u017f ,.()/&'+-]*[\w\u00c0-\u017f.)/&'+-])?", re.ASCII)
_NOT_STR = frozenset({"yes", "no", "true", "false", "on", "off", "null"})  # YAML 1.1 booleans and null


@lru_cache(maxsize=2**16)
def _quoted(value: str) -> str:
    text = _yaml_dump([value])  # "- <scalar>\n"
    if not text.startswith("- ") or text.count("\n") != 1:
        raise _Unusual
    return text[2:-1]


def _scalar(value: object) -> str:
    if type(value) is str:
        if _PLAIN.fullmatch(value) and value.lower() not in _NOT_STR:
            return value
        return _quoted(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if type(value) is int:
        return str(value)
    if type(value) is list and not value:
        return "[]"
    if type(value) is dict and not value:
        return "{}"
    raise _Unusual


def _mapping(m: dict[Any, Any], indent: int, first: str, out: list[str]) -> None:
    """Keys at column `indent`; the first line starts with `first` (a sequence dash) instead of spaces."""
    pad = " " * indent
    for i, (k, v) in enumerate(m.items()):
        if type(k) is not str or not k or len(k.encode()) > 100 or _LINE_BREAK.search(k):
            raise _Unusual  # would not be a simple key
        head = f"{first if i == 0 else pad}{_scalar(k)}:"
        if v and type(v) is dict:
            out.append(head)
            _mapping(v, indent + 2, " " * (indent + 2), out)
        elif v and type(v) is list:
            out.append(head)
            _sequence(v, indent, pad, out)  # a list in a mapping is not indented
        else:
            out.append(f"{head} {_scalar(v)}")


def _sequence(items: list[Any], indent: int, first: str, out: list[str]) -> None:
    """Dashes at column `indent`; the first line starts with `first` instead of spaces."""
    pad = " " * indent
    for i, v in enumerate(items):
        head = f"{first if i == 0 else pad}- "
        if v and type(v) is dict:
            _mapping(v, indent + 2, head, out)
        elif v and type(v) is list:
            _sequence(v, indent + 2, head, out)
        else:
            out.append(head + _scalar(v))


def page(meta: dict[str, Any], body: str) -> str:
    """A Markdown page: front matter, then the body."""
    return f"---\n{dump(meta)}---\n\n{body.rstrip()}\n"


def read(text: str) -> dict[str, Any] | None:
    """The front matter of a page we wrote, or None."""
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---\n", 3)
    if end < 0:
        return None
    try:
        data = yaml.safe_load(text[4:end + 1])
    except yaml.YAMLError:
        return None
    return data if isinstance(data, dict) else None
