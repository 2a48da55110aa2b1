"""MkDocs hook: run the page checker before the build and stop the build when it finds errors.

The i18n plugin builds the site once per language in the same process, so `on_pre_build` fires twice;
a guard keyed on the docs dir and the files' mtimes and sizes makes the check run once per change.
Warnings are logged at INFO level: in a strict build a WARNING log would abort, and the checker's
contract is that warnings do not fail anything.
"""
from __future__ import annotations

import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # scripts/; MkDocs restores sys.path after loading

from checkpages.engine import check_tree, has_errors, markdown_files
from checkpages.model import Diagnostic, Severity
from checkpages.reporters import format_line

log = logging.getLogger("mkdocs.hooks.check_pages")

Signature = tuple[tuple[str, int, int], ...]  # (path, mtime in ns, size) of every page


@dataclass
class CheckerState:
    checked: dict[str, Signature] = field(default_factory=dict)  # docs dir -> files as last checked clean


state = CheckerState()


def _signature(docs_dir: Path) -> Signature:
    stats = []
    for path in markdown_files(docs_dir):
        stat = path.stat()
        stats.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(stats)


def run_check(docs_dir: Path) -> list[Diagnostic]:
    """Check docs_dir unless it is unchanged since its last clean check; raise PluginError on errors."""
    key = str(docs_dir.resolve())
    signature = _signature(docs_dir)
    if state.checked.get(key) == signature:
        return []
    findings = check_tree(docs_dir)
    for finding in findings:
        level = logging.ERROR if finding.severity is Severity.ERROR else logging.INFO
        log.log(level, format_line(finding))
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    log.info(f"page checker: {len(signature)} pages checked, {errors} error(s), "
             f"{len(findings) - errors} warning(s)")
    if has_errors(findings):
        raise PluginError(f"page checker found {errors} error(s) in {docs_dir}; "
                          "run `python scripts/check_pages.py` for the list")
    state.checked[key] = signature
    return findings


def on_pre_build(config: MkDocsConfig) -> None:
    run_check(Path(config.docs_dir))
