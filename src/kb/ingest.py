"""Step 1: read article files, decode them and split metadata from body.

An article is a `.txt` file, or a `.md` file whose YAML front matter may give
`title`, `url`, `outlet`, `published`, `language`. Anything that cannot be
read as text is reported as a Problem with its reason; it never stops the
other articles.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import frontmatter
import yaml

from .model import Problem

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown"}
MAX_BYTES = 5_000_000  # a news article is a few kB; larger files are not articles
META_KEYS = ("title", "url", "outlet", "published", "language")


class ArticleError(Exception):
    """The file is not a usable article; the message says why."""


@dataclass
class RawArticle:
    file: str  # name inside the seeds folder
    source_id: str
    body: str  # decoded text without front matter
    meta: dict[str, str | None] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    digest: str = ""  # hash of the file's bytes: the cache key


def source_id(file_name: str) -> str:
    """`000_b859554c56ab1284.txt` -> `000-b859554c56ab1284`."""
    stem = Path(file_name).stem.lower()
    slug = re.sub(r"[^a-z0-9]+", "-", stem).strip("-")
    return slug or "article"


def decode(data: bytes) -> tuple[str, list[str]]:
    """Bytes to text: BOMs first, then UTF-8, then Windows-1252 with a warning."""
    warnings: list[str] = []
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16"), (codecs.BOM_UTF32_LE, "utf-32")):
        if data.startswith(bom):
            try:
                return data.decode(enc), warnings
            except UnicodeDecodeError as exc:
                raise ArticleError(f"starts with a {enc} byte-order mark but does not decode ({exc.reason})") from exc
    if b"\x00" in data[:4096]:
        raise ArticleError("binary file (contains NUL bytes), not a text article")
    try:
        return data.decode("utf-8"), warnings
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    if text.count("\ufffd") > max(10, len(text) // 100):
        raise ArticleError("not decodable as UTF-8 or Windows-1252 text")
    warnings.append("not valid UTF-8; read as Windows-1252 (Latin-1)")
    return text, warnings


def _meta_value(value: object) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def split_front_matter(text: str) -> tuple[dict[str, str | None], str, list[str]]:
    """Front matter (known keys only) and body. A broken header is a warning, not a failure."""
    if not text.startswith("---"):
        return {}, text, []
    try:
        post = frontmatter.loads(text)
    except (yaml.YAMLError, ValueError) as exc:
        return {}, text, [f"front matter is not valid YAML, read as text ({str(exc).splitlines()[0]})"]
    meta = {k: _meta_value(post.metadata.get(k)) for k in META_KEYS if k in post.metadata}
    return meta, post.content, []


def read_article(path: Path) -> RawArticle:
    """Read one article file; raises ArticleError with a reason a user can act on."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"cannot be read ({exc.strerror})") from exc
    if not data.strip():
        raise ArticleError("empty file")
    if len(data) > MAX_BYTES:
        raise ArticleError(f"{len(data) // 1_000_000} MB is too large for a news article "
                           f"(limit {MAX_BYTES // 1_000_000} MB)")
    text, warnings = decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta, body, fm_warnings = split_front_matter(text)
    if not body.strip():
        raise ArticleError("no text besides front matter")
    return RawArticle(
        file=path.name,
        source_id=source_id(path.name),
        body=body,
        meta=meta,
        warnings=warnings + fm_warnings,
        digest=hashlib.sha256(data).hexdigest(),
    )


def article_paths(seeds: Path) -> list[Path]:
    """Article files in a folder, in a stable order; hidden files are skipped."""
    return sorted(p for p in seeds.iterdir()
                  if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in ARTICLE_SUFFIXES)


def read_folder(seeds: Path) -> tuple[list[RawArticle], list[Problem]]:
    articles: list[RawArticle] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}  # digest / source id -> file, to report twins and clashes
    for path in article_paths(seeds):
        try:
            art = read_article(path)
        except ArticleError as exc:
            problems.append(Problem(path.name, str(exc)))
            continue
        if art.digest in seen:
            problems.append(Problem(path.name, f"same text as {seen[art.digest]}; skipped"))
            continue
        if art.source_id in seen:
            clash = seen[art.source_id]
            problems.append(Problem(path.name, f"its page id {art.source_id} clashes with {clash}; rename it"))
            continue
        seen[art.digest] = seen[art.source_id] = path.name
        articles.append(art)
    return articles, problems
