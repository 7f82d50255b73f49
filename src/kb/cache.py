"""Extraction of many articles: cached per article, the rest in parallel.

Extraction is a pure function of an article's bytes and its file name (given
the code and lexicons), so its result is kept as one JSON file per article:

    <cache>/extract/<key>/<entry>.json

`key` hashes EXTRACTOR_VERSION, the lexicon files and the source of the
modules extraction runs (so editing either invalidates without anyone
remembering to bump the version); `entry` hashes the article's digest and
file name (the file name gives the source id the extraction refers to). A
rebuild after adding one article extracts that one and reads the others.

- An entry that cannot be read, parsed or checked is ignored and rewritten:
  the cache is never a reason for a build to fail.
- Stale entries are harmless (nothing else has their name) and are pruned:
  entries no build used for PRUNE_AFTER_DAYS, and the folders of all but the
  KEEP_KEYS most recently used keys (switching branches back stays cheap).
- Extraction also reads today's date, which bounds publication dates from
  above; an extraction records the last day it holds for (`valid_until`) and
  is not reused after it.

Articles that need extracting go to a process pool when there are more than
PARALLEL_MIN of them; results come back in article order either way, and an
article whose extraction raises is reported as that article's problem only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import multiprocessing
import os
import shutil
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from pathlib import Path
from typing import Any, TextIO

from .extract import EXTRACTOR_VERSION, extract_article
from .ingest import RawArticle
from .model import Extraction, Source, extraction_from_dict, to_dict

DEFAULT_CACHE_DIR = Path(".kb-cache")  # relative: in the project folder the build runs from
FORMAT = 1  # bump when the layout of an entry changes
# Below this, starting workers (~1 s: importing kb, loading the lexicons) costs more than it saves.
PARALLEL_MIN = 100
PRUNE_AFTER_DAYS = 30
KEEP_KEYS = 3

PACKAGE_DIR = Path(__file__).resolve().parent
LEXICON_DIR = PACKAGE_DIR / "lexicon"
# Modules that cannot change what one article's extraction gives.
_NOT_EXTRACTION = {"cache.py", "build.py", "cli.py", "resolve.py", "search.py", "happenings.py", "identity.py",
                   "instruments.py", "__main__.py"}
# Lexicon files only the site's search or resolution reads.
_NOT_EXTRACTION_LEXICONS = {"search.yml", "identity.yml"}

# A failed extraction travels back from a worker as its message.
Result = Extraction | str


# ---------------------------------------------------------------- keys
def source_digest(lexicon_dir: Path | None = None, code_dir: Path | None = None) -> str:
    """Hash of the lexicon files and of the code that extraction runs."""
    lexicon_dir = lexicon_dir or LEXICON_DIR
    code_dir = code_dir or PACKAGE_DIR
    files = sorted(p for p in lexicon_dir.rglob("*.yml")
                   if str(p.relative_to(lexicon_dir)) not in _NOT_EXTRACTION_LEXICONS)
    files += sorted(p for p in code_dir.rglob("*.py")
                    if not (p.parent == code_dir and p.name in _NOT_EXTRACTION)
                    and "pages" not in p.relative_to(code_dir).parts)
    h = hashlib.sha256()
    for path in files:
        try:
            data = path.read_bytes()
        except OSError:
            data = b"?"
        h.update(f"{path.parent.name}/{path.name}\0{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()


def extractor_key(digest: str, version: str | None = None) -> str:
    version = EXTRACTOR_VERSION if version is None else version
    return hashlib.sha256(f"{FORMAT}\0{version}\0{digest}".encode()).hexdigest()[:20]


def entry_name(raw: RawArticle) -> str:
    return hashlib.sha256(f"{raw.digest}\0{raw.file}".encode()).hexdigest()[:32]


# The lexicons and code this process loaded are those on disk when it first
# built; if they changed since (under `mkdocs serve`), its results are not
# what a fresh process would compute and must not be cached under the new key.
_LOADED: str | None = None


class ExtractionCache:
    """The cache folder for the current extractor; reading never raises."""

    def __init__(self, root: Path, *, key: str | None = None) -> None:
        global _LOADED
        self.root = Path(root)
        self.warnings: list[str] = []
        self.writable = True
        if key is None:
            digest = source_digest()
            if _LOADED is None:
                _LOADED = digest
            elif digest != _LOADED:
                self.writable = False
                self.warnings.append("the extraction code or lexicons changed since this process started; "
                                     "restart it (e.g. `mkdocs serve`) to use them. Results not cached.")
            key = extractor_key(digest)
        self.key = key
        self.dir = self.root / "extract" / key
        self.used: set[str] = set()  # entry names this build read or wrote: not to prune
        self.hits = 0

    def path(self, raw: RawArticle) -> Path:
        return self.dir / f"{entry_name(raw)}.json"

    def get(self, raw: RawArticle) -> Extraction | None:
        """The cached extraction of this article, or None (missing, corrupt or not this article's)."""
        path = self.path(raw)
        self.used.add(path.name)
        try:
            data = json.loads(path.read_bytes())
            if data["key"] != self.key or data["digest"] != raw.digest or data["file"] != raw.file:
                return None
            ex = extraction_from_dict(data["extraction"])
            if not isinstance(ex.source, Source) or ex.source.id != raw.source_id:
                return None
            if ex.source.valid_until and _today() > ex.source.valid_until:
                return None  # a date then in the future is no longer: extracted today, it may be dated otherwise
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        try:
            os.utime(path)  # "last used", for pruning
        except OSError:
            pass
        self.hits += 1
        return ex

    def put(self, raw: RawArticle, ex: Extraction) -> None:
        if not self.writable:
            return
        self.used.add(self.path(raw).name)
        try:
            write_entry(self.dir, self.key, raw, ex)
        except OSError as exc:
            self.writable = False  # one warning, not one per article
            self.warnings.append(f"extraction cache {self.dir} is not writable ({exc}); results not cached")

    def prune(self, now: float | None = None) -> None:
        """Drop entries no build used for PRUNE_AFTER_DAYS and the folders of old keys."""
        now = time.time() if now is None else now
        try:
            os.utime(self.dir)  # this key's folder was used now
            for entry in os.scandir(self.dir):
                if entry.name in self.used:
                    continue
                age = now - entry.stat().st_mtime
                if age > PRUNE_AFTER_DAYS * 86400 or (entry.name.endswith(".tmp") and age > 3600):
                    os.unlink(entry.path)
            others = sorted((d for d in os.scandir(self.dir.parent) if d.is_dir() and d.name != self.key),
                            key=lambda d: d.stat().st_mtime, reverse=True)
            for d in others[KEEP_KEYS - 1:]:
                shutil.rmtree(d.path, ignore_errors=True)
        except OSError:
            pass  # another build pruning at the same time, or no folder: nothing to do


def _today() -> str:
    return dt.date.today().isoformat()


def write_entry(folder: Path, key: str, raw: RawArticle, ex: Extraction) -> None:
    """Write atomically, so a reader never sees half an entry (two builds may share the cache)."""
    folder.mkdir(parents=True, exist_ok=True)
    payload = {"format": FORMAT, "key": key, "digest": raw.digest, "file": raw.file, "extraction": to_dict(ex)}
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    path = folder / f"{entry_name(raw)}.json"
    tmp = folder / f".{path.name}.{os.getpid()}.tmp"
    tmp.write_bytes(data)
    os.replace(tmp, path)


# ---------------------------------------------------------------- extracting
def _extract_one(raw: RawArticle, target: tuple[str, str] | None = None) -> Result:
    """Extract one article (in a worker or not); a failure becomes its message, never an exception."""
    try:
        ex = extract_article(raw)
    except Exception as exc:  # one article's bug must not cost the others their pages
        return f"{type(exc).__name__}: {exc}"
    if target is not None:
        try:
            write_entry(Path(target[0]), target[1], raw, ex)
        except OSError:
            pass  # the parent reports an unwritable cache; the result is still good
    return ex


def workers(jobs: int | None) -> int:
    if jobs is not None:
        return max(1, jobs)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def extract_articles(articles: Sequence[RawArticle], cache: ExtractionCache | None = None, *,
                     jobs: int | None = None, progress: bool | None = None) -> list[Result]:
    """One result per article, in their order: the Extraction, or why it failed."""
    results: list[Result | None] = [None] * len(articles)
    todo: list[int] = []
    for i, raw in enumerate(articles):
        hit = cache.get(raw) if cache is not None else None
        if hit is None:
            todo.append(i)
        else:
            results[i] = hit
    n_jobs = min(workers(jobs), max(1, len(todo) // 8))
    parallel = n_jobs > 1 and len(todo) > PARALLEL_MIN
    show = progress if progress is not None else len(todo) > PARALLEL_MIN
    bar = Progress(len(todo), cached=len(articles) - len(todo), processes=n_jobs if parallel else 1, enabled=show)
    pending = [articles[i] for i in todo]
    done: list[Result] = []
    if parallel:
        writable = cache is not None and cache.writable
        target = (str(cache.dir), cache.key) if writable and cache is not None else None
        done = _in_pool(pending, n_jobs, target, bar.update)
    # Serially: all of it for small batches, or what a broken pool left undone.
    for raw in pending[len(done):]:
        result = _extract_one(raw)
        if cache is not None and not isinstance(result, str):
            cache.put(raw, result)
        done.append(result)
        bar.update()
    bar.close()
    for i, result in zip(todo, done, strict=True):
        results[i] = result
        if parallel and cache is not None:
            cache.used.add(cache.path(articles[i]).name)
    return [r for r in results if r is not None]


def _context() -> multiprocessing.context.BaseContext:
    """Workers forked from a server that imported kb once; never forked from the parent itself,
    whose threads (mkdocs serve has several) could hold a lock across the fork and deadlock it."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["kb.cache"])
        return context
    return multiprocessing.get_context("spawn")


def _in_pool(pending: list[RawArticle], n_jobs: int, target: tuple[str, str] | None,
             tick: Callable[[], None]) -> list[Result]:
    """Results in order, as far as the pool got; the caller finishes the rest if it broke."""
    done: list[Result] = []
    context = _context()
    chunk = max(1, min(64, len(pending) // (n_jobs * 8)))
    try:
        with ProcessPoolExecutor(max_workers=n_jobs, mp_context=context) as pool:
            for result in pool.map(partial(_extract_one, target=target), pending, chunksize=chunk):
                done.append(result)
                tick()
    except (BrokenProcessPool, OSError, RuntimeError) as exc:
        # A worker died (killed, out of memory) or processes cannot start here: go on without them.
        print(f"kb: parallel extraction stopped ({type(exc).__name__}: {exc}); "
              "going on in this process", file=sys.stderr)
    return done


# ---------------------------------------------------------------- progress
def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


class Progress:
    """A bar on a terminal; on CI or into a file, a plain line every LOG_EVERY seconds."""

    LOG_EVERY = 10.0

    def __init__(self, total: int, *, cached: int = 0, processes: int = 1, enabled: bool = True,
                 stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.total, self.count = total, 0
        self.enabled = enabled and total > 0
        self.tty = self.enabled and _isatty(self.stream) and not _in_ci()
        self.start = self.last = time.monotonic()
        if self.enabled and not self.tty:
            how = f"in {processes} processes" if processes > 1 else "in one process"
            self._line(f"kb: extracting {total} articles {how}" + (f" ({cached} cached)" if cached else ""))

    def update(self, n: int = 1) -> None:
        self.count += n
        if not self.enabled:
            return
        now = time.monotonic()
        if self.tty and (now - self.last >= 0.1 or self.count == self.total):
            self.last = now
            width = 30
            filled = width * self.count // self.total
            self.stream.write(f"\rextracting {self.count}/{self.total} [{'#' * filled}{'.' * (width - filled)}] "
                              f"{100 * self.count // self.total:3d}% {now - self.start:4.0f}s")
            self.stream.flush()
        elif not self.tty and now - self.last >= self.LOG_EVERY:
            self.last = now
            self._line(f"kb: extracted {self.count}/{self.total} ({100 * self.count // self.total}%) "
                       f"in {now - self.start:.0f} s")

    def close(self) -> None:
        if not self.enabled:
            return
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()
        else:
            self._line(f"kb: extracted {self.count} articles in {time.monotonic() - self.start:.1f} s")

    def _line(self, text: str) -> None:
        print(text, file=self.stream, flush=True)


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False
