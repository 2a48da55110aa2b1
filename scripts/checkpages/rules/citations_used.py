"""CP013 citations-used: every source in the front matter is cited somewhere in the text."""
from __future__ import annotations

from typing import Iterator

from checkpages.model import Diagnostic, Page, Severity, Site
from checkpages.rules._citations import page_citations, source_items
from sitelib.citations import SOURCE_ID

code = "CP013"
name = "citations-used"
description = "Warning: a source in the front matter that no [@id] in the text cites."


def check(page: Page, site: Site) -> Iterator[Diagnostic]:
    if not page.readable:
        return
    cited = {citation.id for citation in page_citations(page)}
    for item in source_items(page):
        value = item.id
        if isinstance(value, str) and SOURCE_ID.fullmatch(value):
            if value not in cited:
                yield page.finding(code, item.line, 1, f"source '{value}' is never cited; put [@{value}] after "
                                                       "the claim it supports, or remove the source",
                                   Severity.WARNING)
        elif value is None and not cited and isinstance(item.value, dict):
            # a page that cites reports the missing id as CP012; one that cites nothing, here
            yield page.finding(code, item.line, 1, f"source #{item.number} is never cited; give it an 'id' "
                                                   "and cite it with [@id] after the claim", Severity.WARNING)
