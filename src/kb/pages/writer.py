"""Putting generated files into the docs folder without harming anything else there.

- Only files we generated (listed in `<out>/.kb-manifest.json`) are ever
  overwritten or removed; a hand-written file in the way is left alone and
  reported.
- A file is written only when its bytes change, so `mkdocs serve` reloads
  little and its build hook does not loop.
- Everything is rendered into `<out>/.kb-build/` first; only when rendering
  finished are changed files moved into place (each move is atomic), and the
  manifest last. A crash while rendering leaves the old pages as they were.
- `<out>/.kb-build.lock` keeps two builds from interleaving.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .frontmatter import GENERATOR, read

try:
    import fcntl
except ImportError:  # Windows: builds are not locked there
    fcntl = None  # type: ignore[assignment]

MANIFEST = ".kb-manifest.json"
FEED_ID = b"<id>urn:kb-site:feed</id>"  # kb.pages.news writes it into the Atom feed
LOCK = ".kb-build.lock"
STAGING = ".kb-build"


class BuildLocked(RuntimeError):
    """Another build holds the lock on the same output folder."""


@dataclass
class WriteReport:
    """What a build did to the output folder; paths are relative to `out`."""

    out: Path
    written: list[str] = field(default_factory=list)  # new or changed
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # stale generated files deleted
    refused: list[str] = field(default_factory=list)  # hand-written files we did not touch
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{len(self.written)} files written, {len(self.unchanged)} unchanged, {len(self.removed)} removed, "
                f"{len(self.refused)} hand-written files left alone")


@contextmanager
def build_lock(out: Path) -> Iterator[None]:
    out.mkdir(parents=True, exist_ok=True)
    fd = os.open(out / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise BuildLocked(f"another kb build is running on {out}") from None
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def load_manifest(out: Path) -> dict[str, str]:
    """Generated path -> sha256 of what we wrote; empty when missing or unreadable."""
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        files = data.get("files", {}) if isinstance(data, dict) else {}
        return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}
    except (OSError, ValueError):
        return {}


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file_sha(path: Path) -> str | None:
    try:
        return _sha(path.read_bytes())
    except OSError:
        return None


def _same(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def _ours(path: Path, new: bytes) -> bool:
    """A file an earlier build wrote whose manifest is gone: recognised by its format.

    Pages carry our `generator` marker; exports have the header (CSV) or the
    record keys (JSON) of what we are about to write; the feed has our feed's id.
    """
    try:
        old = path.read_bytes()
        if path.suffix == ".md":
            meta = read(old.decode("utf-8"))
            return bool(meta) and meta.get("generator") == GENERATOR
        if path.suffix == ".csv":
            return old.split(b"\n", 1)[0] == new.split(b"\n", 1)[0]
        if path.suffix == ".json":
            before, after = json.loads(old), json.loads(new)
            if isinstance(before, dict):  # the build history: the same top-level keys
                return isinstance(after, dict) and set(before) == set(after)
            keys = _record_keys(before)
            return keys is not None and (not keys or keys == _record_keys(after))
        if path.suffix == ".xml":  # the Atom feed: our feed's id
            return FEED_ID in old and FEED_ID in new
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    return False


def _record_keys(data: object) -> set[str] | None:
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        return None
    return set(data[0]) if data else set()


def _checked(rel: str) -> str:
    p = PurePosixPath(rel)
    if p.is_absolute() or not p.parts or any(part in ("", ".", "..") for part in p.parts) or \
            p.parts[0] in (MANIFEST, LOCK, STAGING):
        raise ValueError(f"not a path inside the output folder: {rel!r}")
    return str(p)


def atomic_write(path: Path, data: bytes) -> None:
    """Replace the file whole: a reader never sees half of it."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _prune(folder: Path, out: Path) -> None:
    """Remove folders emptied by removing stale pages, up to (not including) out."""
    while folder != out and out in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def write_files(out: Path, files: Iterable[tuple[str, str | bytes]]) -> WriteReport:
    """Make `out` hold exactly these generated files, leaving every other file alone."""
    out = Path(out)
    report = WriteReport(out)
    with build_lock(out):
        old = load_manifest(out)
        staging = out / STAGING
        shutil.rmtree(staging, ignore_errors=True)  # leftovers of a crashed build
        staging.mkdir()
        try:
            new: dict[str, str] = {}
            staged: list[str] = []
            for rel, content in files:  # rendering happens here, lazily
                rel = _checked(rel)
                if rel in new:
                    raise ValueError(f"generated twice: {rel}")
                data = content.encode("utf-8") if isinstance(content, str) else content
                new[rel] = _sha(data)
                if _same(out / rel, data):
                    report.unchanged.append(rel)
                    continue
                (staging / rel).parent.mkdir(parents=True, exist_ok=True)
                (staging / rel).write_bytes(data)
                staged.append(rel)
            _move_into_place(out, staging, staged, old, new, report)
            _remove_stale(out, old, new, report)
            manifest = json.dumps({"generator": GENERATOR, "files": dict(sorted(new.items()))}, indent=0)
            if not _same(out / MANIFEST, manifest.encode()):
                atomic_write(out / MANIFEST, manifest.encode())
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return report


def _move_into_place(out: Path, staging: Path, staged: list[str], old: dict[str, str], new: dict[str, str],
                     report: WriteReport) -> None:
    for rel in staged:
        target = out / rel
        if target.is_dir() or (target.exists() and rel not in old and not _ours(target, (staging / rel).read_bytes())):
            report.refused.append(rel)
            report.warnings.append(f"{rel}: a file not generated by kb is there; left it alone, page not written")
            del new[rel]
            continue
        if rel in old and target.exists() and _file_sha(target) != old[rel]:
            report.warnings.append(f"{rel}: edited by hand since the last build; the edit is replaced "
                                   "(generated pages are rewritten on every build)")
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staging / rel, target)
        report.written.append(rel)


def _remove_stale(out: Path, old: dict[str, str], new: dict[str, str], report: WriteReport) -> None:
    for rel in sorted(set(old) - set(new)):
        try:
            target = out / _checked(rel)
        except ValueError:
            continue  # a tampered manifest must not point us outside out
        if not target.is_file():
            continue
        if _file_sha(target) != old[rel]:
            report.refused.append(rel)
            report.warnings.append(f"{rel}: no longer generated, but edited by hand since; not removed")
            continue
        target.unlink()
        report.removed.append(rel)
        _prune(target.parent, out)
