"""CP009 file-format: File is non-empty UTF-8 text without BOM, with LF line ends and no huge lines."""
from __future__ import annotations

from typing import Iterator

from checkpages.model import Diagnostic, IssueKind, Page, Site
from checkpages.rules._issues import report_issues

code = "CP009"
name = "file-format"
description = "File is non-empty UTF-8 text without BOM, with LF line ends and no huge lines."


def check(page: Page, site: Site) -> Iterator[Diagnostic]:
    return report_issues(page, IssueKind.FILE, code)
