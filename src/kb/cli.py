"""The `kb` command: build the pages from the articles."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__


def _cmd_build(args: argparse.Namespace) -> int:
    from .build import build

    seeds, out = Path(args.seeds), Path(args.out)
    if not seeds.is_dir():
        print(f"kb build: no articles folder at {seeds}", file=sys.stderr)
        return 2
    try:
        report = build(seeds, out)
    except (OSError, RuntimeError) as exc:
        print(f"kb build: {exc}", file=sys.stderr)
        return 1
    for problem in report.problems:
        print(f"skipped {problem.file}: {problem.reason}", file=sys.stderr)
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    kb = report.kb
    assert kb is not None
    print(f"built {out}: {report.articles} articles -> {len(kb.people)} people, {len(kb.events)} events, "
          f"{len(kb.agreements)} agreements, {len(kb.organisations)} organisations"
          + (f"; {len(report.problems)} unreadable" if report.problems else ""))
    if args.verbose:
        for variant, canonical in kb.merges:
            print(f"  merged {variant} -> {canonical}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kb", description="India–Italy defence ties knowledge base")
    parser.add_argument("--version", action="version", version=f"kb {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="read the articles and write the Markdown pages")
    b.add_argument("--seeds", default="seeds", help="folder of articles (default: seeds)")
    b.add_argument("--out", default="docs", help="folder of pages (default: docs)")
    b.add_argument("-v", "--verbose", action="store_true", help="also list the name variants merged")
    b.set_defaults(func=_cmd_build)
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
