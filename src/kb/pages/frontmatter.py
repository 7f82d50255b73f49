"""YAML front matter that any name survives: colons, quotes, `---`, newlines."""

from __future__ import annotations

import re
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


def dump(meta: dict[str, Any]) -> str:
    return yaml.dump(meta, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=2**30)


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
