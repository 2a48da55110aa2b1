"""CP010 front-matter-syntax: Front matter is closed with '---' and is a valid YAML mapping."""
from __future__ import annotations

from typing import Iterator

from checkpages.model import Diagnostic, IssueKind, Page, Site
from checkpages.rules._issues import report_issues

code = "CP010"
name = "front-matter-syntax"
description = "Front matter is closed with '---' and is a valid YAML mapping."


def check(page: Page, site: Site) -> Iterator[Diagnostic]:
    return report_issues(page, IssueKind.FRONT_MATTER, code)
