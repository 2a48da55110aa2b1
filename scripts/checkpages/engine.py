"""Load a docs tree and run the selected rules over it."""
from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Iterable, Optional

from checkpages.files import docs_files
from checkpages.model import Diagnostic, Page, Severity, Site
from checkpages.reader import read_page
from checkpages.rules import RULES


def display_path(path: Path, base: Optional[Path] = None) -> str:
    """Path relative to `base` (the current directory) when it lies below it, else absolute."""
    base = base or Path.cwd()
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return str(path)


def markdown_files(docs_dir: Path) -> list[Path]:
    return [path for path in docs_files(docs_dir) if path.name.endswith(".md")]


def load_site(docs_dir: Path, today: Optional[date] = None, base: Optional[Path] = None) -> Site:
    docs_dir = docs_dir.resolve()
    base = (base or Path.cwd()).resolve()
    shown_dir = display_path(docs_dir, base)
    prefix = "" if shown_dir == "." else shown_dir + "/"
    root_length = len(str(docs_dir)) + 1
    pages: list[Page] = []
    for path in markdown_files(docs_dir):
        # string slicing, not Path.relative_to: it is a measurable cost on thousands of files
        rel = str(path)[root_length:].replace(os.sep, "/")
        pages.append(read_page(path, rel, prefix + rel))
    return Site(docs_dir=docs_dir, pages=pages, today=today or date.today(), display_prefix=prefix)


def check_site(site: Site, codes: Optional[Iterable[str]] = None) -> list[Diagnostic]:
    selected = [RULES[c] for c in (codes if codes is not None else RULES)]
    findings = [finding for page in site.pages for rule in selected for finding in rule.check(page, site)]
    # Site-level rules (the files of the docs folder, not one page) have check_tree(site).
    findings += [finding for rule in selected if hasattr(rule, "check_tree") for finding in rule.check_tree(site)]
    return sorted(set(findings))


def check_tree(docs_dir: Path, codes: Optional[Iterable[str]] = None, today: Optional[date] = None,
               base: Optional[Path] = None) -> list[Diagnostic]:
    """Every finding for the pages under docs_dir, sorted by path, line, col, code."""
    return check_site(load_site(docs_dir, today, base), codes)


def has_errors(findings: Iterable[Diagnostic]) -> bool:
    return any(finding.severity is Severity.ERROR for finding in findings)
