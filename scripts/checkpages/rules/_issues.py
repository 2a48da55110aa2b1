"""Shared by the rules that report what the reader met while reading a file."""
from __future__ import annotations

from typing import Iterator

from checkpages.model import Diagnostic, IssueKind, Page


def report_issues(page: Page, kind: IssueKind, code: str) -> Iterator[Diagnostic]:
    for issue in page.read_issues:
        if issue.kind is kind:
            yield page.finding(code, issue.line, issue.col, issue.message, issue.severity)
