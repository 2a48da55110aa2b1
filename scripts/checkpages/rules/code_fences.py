"""CP011 unclosed-fence: Every code fence (``` or ~~~) is closed."""
from __future__ import annotations

from typing import Iterator

from checkpages.model import Diagnostic, IssueKind, Page, Site
from checkpages.rules._issues import report_issues

code = "CP011"
name = "unclosed-fence"
description = "Every code fence (``` or ~~~) is closed."


def check(page: Page, site: Site) -> Iterator[Diagnostic]:
    return report_issues(page, IssueKind.FENCE, code)
