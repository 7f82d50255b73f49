"""What each build added, by article: the memory behind "Recently added" and the Atom feed.

Pages are rewritten whole on every build, so what is new can only be told by
remembering what earlier builds wrote. That memory is `<out>/.kb-history.json`
(a dot-file: MkDocs does not publish it), rewritten only when a build adds
something, so an unchanged build leaves every file unchanged. A folder built for
the first time records everything as added by that first build.

Set SOURCE_DATE_EPOCH to fix the time a build records (reproducible builds).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .site import Site

HISTORY = ".kb-history.json"
KEPT_BUILDS = 50  # older builds are forgotten; their entities count as seen
KINDS = ("event", "agreement", "person")


@dataclass
class Build:
    time: str  # ISO 8601, UTC, to the second
    first: bool  # the folder's first build: everything was "added"
    # source id -> kind -> ids that source brought in
    added: dict[str, dict[str, list[str]]] = field(default_factory=dict)


@dataclass
class History:
    builds: list[Build] = field(default_factory=list)  # newest first
    seen: dict[str, list[str]] = field(default_factory=dict)  # kind -> ids, sources included

    def to_json(self) -> str:
        data = {"builds": [{"time": b.time, "first": b.first, "added": b.added} for b in self.builds],
                "seen": {k: sorted(v) for k, v in sorted(self.seen.items())}}
        return json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n"


def build_time() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    now = (dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch.isdigit()
           else dt.datetime.now(dt.UTC))
    return now.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def load(out: Path) -> History | None:
    """The history an earlier build left in `out`; None when there is none (or it is unreadable)."""
    try:
        data = json.loads((Path(out) / HISTORY).read_text(encoding="utf-8"))
        builds = [Build(str(b["time"]), bool(b.get("first")),
                        {str(s): {str(k): [str(i) for i in ids] for k, ids in kinds.items()}
                         for s, kinds in b["added"].items()}) for b in data["builds"]]
        seen = {str(k): [str(i) for i in v] for k, v in data["seen"].items()}
        return History(builds, seen)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _current(site: Site) -> dict[str, dict[str, Any]]:
    return {"event": site.events, "agreement": site.agreements, "person": site.people, "source": site.sources}


def update(old: History | None, site: Site, time: str) -> History:
    """The history with this build's additions on top (unchanged when it added nothing)."""
    seen = {k: set(v) for k, v in (old.seen if old else {}).items()}
    current = _current(site)
    new_sources = [s for s in site.sources if s not in seen.get("source", set())]
    added: dict[str, dict[str, list[str]]] = {}
    for kind in KINDS:
        for ident, obj in current[kind].items():
            if ident in seen.get(kind, set()):
                continue
            # Credited to the first new article among its sources, else to its first source.
            sources = list(getattr(obj, "sources", []))
            by = next((s for s in sources if s in new_sources), sources[0] if sources else "")
            added.setdefault(by, {}).setdefault(kind, []).append(ident)
    if not added and not new_sources:
        return old if old is not None else History()
    for sid in new_sources:
        added.setdefault(sid, {})
    for kinds in added.values():
        for ids in kinds.values():
            ids.sort()
    builds = [Build(time, old is None, dict(sorted(added.items())))] + (old.builds if old else [])
    for kind, items in current.items():
        seen.setdefault(kind, set()).update(items)
    return History(builds[:KEPT_BUILDS], {k: sorted(v) for k, v in seen.items()})
