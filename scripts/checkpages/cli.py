"""Command line: python scripts/check_pages.py [--docs DIR] [--format text|json|github] [--select CODES]."""
from __future__ import annotations

import argparse
import sys
import traceback
from datetime import date
from pathlib import Path
from typing import Optional, Sequence

from checkpages.engine import check_tree, has_errors
from checkpages.model import Severity
from checkpages.reporters import REPORTERS
from checkpages.rules import RULES

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class _UsageError(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="check_pages.py",
        description="Check the guide's Markdown pages. Exit 0 clean (warnings allowed), 1 errors found, "
                    "2 usage or internal error.")
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="docs folder to check (default: docs)")
    parser.add_argument("--format", choices=sorted(REPORTERS), default="text", help="output format")
    parser.add_argument("--select", help="comma-separated rule codes to run (default: all)")
    parser.add_argument("--ignore", help="comma-separated rule codes to skip")
    parser.add_argument("--today", type=date.fromisoformat, help="date for last_reviewed checks (YYYY-MM-DD)")
    parser.add_argument("--list-rules", action="store_true", help="print the rules and exit")
    return parser


def _codes(select: Optional[str], ignore: Optional[str]) -> list[str]:
    def split(value: Optional[str]) -> list[str]:
        codes = [c.strip().upper() for c in (value or "").split(",") if c.strip()]
        unknown = [c for c in codes if c not in RULES]
        if unknown:
            raise _UsageError(f"unknown rule code(s): {', '.join(unknown)} (see --list-rules)")
        return codes

    chosen = split(select) or list(RULES)
    skipped = set(split(ignore))
    return [code for code in chosen if code not in skipped]


def _list_rules() -> str:
    return "".join(f"{code} {rule.name}: {rule.description}\n" for code, rule in RULES.items())


def run(argv: Optional[Sequence[str]] = None) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_request:  # argparse exits 2 on bad usage, 0 on --help
        return int(exit_request.code or 0)
    if args.list_rules:
        sys.stdout.write(_list_rules())
        return EXIT_CLEAN
    if not args.docs.is_dir():
        raise _UsageError(f"docs folder not found: {args.docs}")
    findings = check_tree(args.docs, _codes(args.select, args.ignore), args.today)
    sys.stdout.write(REPORTERS[args.format](findings))
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    if findings:
        sys.stderr.write(f"{errors} error(s), {len(findings) - errors} warning(s)\n")
    return EXIT_FINDINGS if has_errors(findings) else EXIT_CLEAN


def main(argv: Optional[Sequence[str]] = None) -> int:
    try:
        return run(argv)
    except _UsageError as error:
        sys.stderr.write(f"check_pages: error: {error}\n")
        return EXIT_USAGE
    except Exception:  # an internal error must not look like "clean" or "findings"
        sys.stderr.write("check_pages: internal error\n" + traceback.format_exc())
        return EXIT_USAGE
