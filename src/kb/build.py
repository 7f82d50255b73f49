"""Run the pipeline: read articles -> extract per article -> resolve -> write pages."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .extract import extract_article
from .ingest import read_folder
from .model import Extraction, KnowledgeBase, Problem
from .pages import WriteReport, write_pages
from .resolve import resolve


@dataclass
class BuildReport:
    articles: int = 0
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    kb: KnowledgeBase | None = None
    written: WriteReport | None = None


def extract_all(seeds: Path, report: BuildReport) -> list[Extraction]:
    articles, problems = read_folder(seeds)
    report.problems.extend(problems)
    extractions = []
    for art in articles:
        try:
            ex = extract_article(art)
        except Exception as exc:  # one article's bug must not cost the others their pages
            report.problems.append(Problem(art.file, f"extraction failed: {type(exc).__name__}: {exc}"))
            continue
        report.warnings.extend(f"{art.file}: {w}" for w in ex.source.warnings)
        extractions.append(ex)
    report.articles = len(extractions)
    return extractions


def build(seeds: Path, out: Path) -> BuildReport:
    report = BuildReport()
    extractions = extract_all(seeds, report)
    report.kb = resolve(extractions)
    report.written = write_pages(report.kb, out, report.problems)
    return report
