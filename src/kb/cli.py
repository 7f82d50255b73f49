"""The `kb` command: build the pages, export the data, add articles, check what needs a decision."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .lexicon import sides

if TYPE_CHECKING:  # the commands import the pipeline lazily, so `kb --help` stays quick
    from .build import BuildReport

# Exit codes: 0 done; 1 refused, failed, or (check) something needs a decision; 2 bad usage.
USAGE = 2


def _curation(args: argparse.Namespace) -> Path | None:
    return Path(args.curation) if args.curation else None


def _print_build(report: BuildReport, out: Path, verbose: bool, warnings: bool = True) -> None:
    for problem in report.problems:
        print(f"skipped {problem.file}: {problem.reason}", file=sys.stderr)
    for warning in report.warnings if warnings else []:
        print(f"warning: {warning}", file=sys.stderr)
    kb = report.kb
    assert kb is not None
    print(f"built {out}: {report.articles} articles -> {len(kb.people)} people, {len(kb.events)} events, "
          f"{len(kb.agreements)} agreements, {len(kb.organisations)} organisations"
          + (f"; {len(report.problems)} unreadable" if report.problems else ""))
    if verbose:
        for variant, canonical in kb.merges:
            print(f"  merged {variant} -> {canonical}")


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def _seeds_missing(command: str, seeds: Path) -> bool:
    if seeds.is_dir():
        return False
    print(f"kb {command}: no articles folder at {seeds}", file=sys.stderr)
    return True


def _cmd_build(args: argparse.Namespace) -> int:
    from .build import build
    from .cache import DEFAULT_CACHE_DIR
    from .curation import CurationError

    seeds, out = Path(args.seeds), Path(args.out)
    if _seeds_missing("build", seeds):
        return USAGE
    try:
        report = build(seeds, out, _curation(args), cache_dir=None if args.no_cache else DEFAULT_CACHE_DIR,
                       jobs=args.jobs)
    except CurationError as exc:
        print(f"kb build: nothing written; fix the curation file:\n{exc}", file=sys.stderr)
        return 1
    except (OSError, RuntimeError) as exc:
        print(f"kb build: {exc}", file=sys.stderr)
        return 1
    _print_build(report, out, args.verbose)
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from .build import export
    from .curation import CurationError

    seeds = Path(args.seeds)
    if _seeds_missing("export", seeds):
        return USAGE
    try:
        report, written = export(seeds, Path(args.to), _curation(args))
    except CurationError as exc:
        print(f"kb export: nothing written; fix the curation file:\n{exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"kb export: {exc}", file=sys.stderr)
        return 1
    for problem in report.problems:
        print(f"skipped {problem.file}: {problem.reason}", file=sys.stderr)
    print(f"exported {report.articles} articles to {args.to}: " + ", ".join(p.name for p in written))
    return 0


def _cmd_add(args: argparse.Namespace) -> int:
    from .add import add
    from .curation import CurationError
    from .dates import parse_iso

    seeds, out = Path(args.seeds), Path(args.out)
    if _seeds_missing("add", seeds):
        return USAGE
    if args.url and len(args.files) > 1:
        print("kb add: --url names one article; add the files one at a time", file=sys.stderr)
        return USAGE
    if args.published and not parse_iso(args.published):
        print(f"kb add: --published {args.published!r}: expected a date like 2023-10-09, 2023-10 or 2023",
              file=sys.stderr)
        return USAGE
    meta = {"url": args.url, "published": args.published, "outlet": args.outlet}
    try:
        report = add(args.files, seeds, out, {k: v for k, v in meta.items() if v}, _curation(args))
    except CurationError as exc:
        print(f"kb add: nothing added; fix the curation file first:\n{exc}", file=sys.stderr)
        return 1
    except (OSError, RuntimeError) as exc:  # the copies are in place; only the build failed
        print(f"kb add: the build failed: {exc}", file=sys.stderr)
        return 1
    for given, why in report.refused:
        print(f"refused {given}: {why}", file=sys.stderr)
    if report.build is not None:
        _print_build(report.build, out, False, warnings=False)  # the added articles' own come below
    for copy in report.copied:
        print(f"added {seeds / copy.file} (from {copy.given})")
        for line in report.found.get(copy.file, []):
            print(f"  {line}")
    return 1 if report.refused else 0


def _cmd_check(args: argparse.Namespace) -> int:
    from .check import check

    seeds = Path(args.seeds)
    if _seeds_missing("check", seeds):
        return USAGE
    articles, findings = check(seeds, _curation(args))
    for finding in findings:
        print(finding)
    if findings:
        print(f"kb check: {len(findings)} to decide in {articles} articles", file=sys.stderr)
        return 1
    print(f"kb check: {articles} articles, nothing to decide")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kb", description=f"{sides().label} defence ties knowledge base")
    parser.add_argument("--version", action="version", version=f"kb {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    seeds_help = "folder of articles (default: seeds)"
    curation_help = "corrections file (default: curation.yml in the folder that holds the seeds folder, if there)"

    b = sub.add_parser("build", help="read the articles and write the Markdown pages")
    b.add_argument("--seeds", default="seeds", help=seeds_help)
    b.add_argument("--out", default="docs", help="folder of pages (default: docs)")
    b.add_argument("--curation", metavar="FILE", help=curation_help)
    b.add_argument("-v", "--verbose", action="store_true", help="also list the name variants merged")
    b.add_argument("--jobs", type=_positive, metavar="N",
                   help="extraction processes when over 100 articles need extracting (default: one per core)")
    b.add_argument("--no-cache", action="store_true",
                   help="extract every article afresh and leave .kb-cache/ untouched")
    b.set_defaults(func=_cmd_build)

    e = sub.add_parser("export", help="write the data files (CSV and JSON) without the pages",
                       description="Write people, roles, events, agreements, organisations, sources and evidence "
                                   "as CSV (one value per cell, lists joined with '; ') and JSON (nested) into a "
                                   "folder: the files every build also puts in the site's data/ folder.")
    e.add_argument("--seeds", default="seeds", help=seeds_help)
    e.add_argument("--to", default="data", help="folder for the files (default: data)")
    e.add_argument("--curation", metavar="FILE", help=curation_help)
    e.set_defaults(func=_cmd_export)

    a = sub.add_parser("add", help="copy articles into the seeds folder, rebuild, and report what each brought",
                       description="Copy article files into the seeds folder under clean names "
                                   "(<published or undated>_<title words>.md), rebuild the pages, and list the "
                                   "people, events and agreements each article brought. Works offline: "
                                   "save a web page (or its text) to a file first.")
    a.add_argument("files", nargs="+", metavar="FILE", help="article file (.txt or .md with front matter)")
    a.add_argument("--url", help="where the article was published (one file only)")
    a.add_argument("--published", metavar="DATE", help="publication date: 2023-10-09, 2023-10 or 2023")
    a.add_argument("--outlet", metavar="NAME", help="who published it (ANI, PTI, The Hindu, ...)")
    a.add_argument("--seeds", default="seeds", help=seeds_help)
    a.add_argument("--out", default="docs", help="folder of pages (default: docs)")
    a.add_argument("--curation", metavar="FILE", help=curation_help)
    a.set_defaults(func=_cmd_add)

    c = sub.add_parser("check", help="list what needs a decision, writing nothing (exit 1 if anything)",
                       description="Read the articles and the curation file, write nothing, and print one line "
                                   "per finding: unreadable articles, missing publication dates, people who may "
                                   "be one person, events with no date, curation mistakes. Exits 1 when there "
                                   "is a finding, 0 when there is none.")
    c.add_argument("--seeds", default="seeds", help=seeds_help)
    c.add_argument("--curation", metavar="FILE", help=curation_help)
    c.set_defaults(func=_cmd_check)

    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
