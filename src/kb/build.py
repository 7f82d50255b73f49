"""Run the pipeline: read articles -> extract per article -> resolve -> curate -> write pages (or data files)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from .cache import DEFAULT_CACHE_DIR, ExtractionCache, extract_articles
from .curation import apply_curation, default_curation, load_curation
from .ingest import RawArticle, read_article, read_folder
from .model import Extraction, KnowledgeBase, Problem
from .pages import WriteReport, write_pages
from .pages.exports import export_files
from .pages.site import Site
from .pages.writer import atomic_write
from .resolve import resolve


@dataclass
class BuildReport:
    articles: int = 0
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    kb: KnowledgeBase | None = None
    written: WriteReport | None = None
    cached: int = 0  # articles whose extraction was read from the cache


# Articles this process has read, by path, with the file's size, mtime and inode when read: a
# long-running process (mkdocs serve) rebuilding after one article changed reads only that one.
_read: dict[str, tuple[tuple[int, int, int], RawArticle]] = {}


def remembered_read(path: Path) -> RawArticle:
    """read_article, or a copy of what it gave for this file when the file is unchanged since."""
    st = path.stat()
    stamp = (st.st_size, st.st_mtime_ns, st.st_ino)
    key = str(path.resolve())
    known = _read.get(key)
    if known is None or known[0] != stamp:
        known = (stamp, read_article(path))
        _read[key] = known
    art = known[1]
    # read_folder may rename a twin's id and add a warning: the remembered one must not change.
    return dataclasses.replace(art, meta=dict(art.meta), warnings=list(art.warnings))


def extract_all(seeds: Path, report: BuildReport, *, cache_dir: Path | None = DEFAULT_CACHE_DIR,
                jobs: int | None = None, progress: bool | None = None) -> list[Extraction]:
    """Extractions of the readable articles, in file order.

    `cache_dir`: where results are kept per article (None: no cache); `jobs`: worker
    processes (None: one per core, 1: none); `progress`: None shows it for large batches.
    """
    articles, problems = read_folder(seeds, read=remembered_read)
    report.problems.extend(problems)
    cache = ExtractionCache(cache_dir) if cache_dir is not None else None
    results = extract_articles(articles, cache, jobs=jobs, progress=progress)
    extractions = []
    for art, ex in zip(articles, results, strict=True):
        if isinstance(ex, str):  # one article's bug must not cost the others their pages
            report.problems.append(Problem(art.file, f"extraction failed: {ex}"))
            continue
        report.warnings.extend(f"{art.file}: {w}" for w in ex.source.warnings)
        extractions.append(ex)
    report.articles = len(extractions)
    if cache is not None:
        report.cached = cache.hits
        report.warnings.extend(cache.warnings)
        cache.prune()
    return extractions


def build(seeds: Path, out: Path, curation: Path | None = None, *, cache_dir: Path | None = DEFAULT_CACHE_DIR,
          jobs: int | None = None, progress: bool | None = None) -> BuildReport:
    """`curation`: the corrections file; None means `curation.yml` beside the seeds folder, if there.

    Raises CurationError, before any page is written, when the corrections file has a mistake.
    """
    report = _knowledge_base(seeds, curation, cache_dir=cache_dir, jobs=jobs, progress=progress)
    assert report.kb is not None
    report.written = write_pages(report.kb, out, report.problems)
    return report


def export(seeds: Path, to: Path, curation: Path | None = None, *,
           cache_dir: Path | None = DEFAULT_CACHE_DIR) -> tuple[BuildReport, list[Path]]:
    """The data files every build puts in `<out>/data/` (CSV and JSON), written into `to` alone.

    Each file is replaced whole, so a reader never sees half of one. Returns the files written.
    """
    report = _knowledge_base(seeds, curation, cache_dir=cache_dir, jobs=None, progress=None)
    assert report.kb is not None
    to.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in export_files(Site(report.kb)):
        path = to / Path(name).name
        atomic_write(path, text.encode("utf-8"))
        written.append(path)
    return report, written


def _knowledge_base(seeds: Path, curation: Path | None, *, cache_dir: Path | None, jobs: int | None,
                    progress: bool | None) -> BuildReport:
    report = BuildReport()
    # Parsed first so a broken file stops the build before any work or writing.
    corrections = load_curation(curation if curation is not None else default_curation(seeds))
    extractions = extract_all(seeds, report, cache_dir=cache_dir, jobs=jobs, progress=progress)
    report.kb = resolve(extractions)
    apply_curation(report.kb, corrections)
    return report
