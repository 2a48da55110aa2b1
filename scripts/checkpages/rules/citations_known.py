"""CP012 citations-known: every `[@id]` names a source of the page, and the sources can be cited."""
from __future__ import annotations

from typing import Iterator

from checkpages.model import Diagnostic, IssueKind, Page, Site
from checkpages.rules._citations import (
    SourceItem,
    defined_ids,
    page_citations,
    source_items,
    source_problem,
)
from sitelib.citations import SOURCE_ID, Citation

code = "CP012"
name = "citations-known"
description = ("Every [@id] citation names a source id of the page's front matter and is not in a heading; "
               "source ids are unique and match [a-z0-9-]+; on a page that cites, every source has an id; "
               "a source has an https url or publisher and date (CP004 reports that on task pages).")


def check(page: Page, site: Site) -> Iterator[Diagnostic]:
    if not page.readable or any(issue.kind is IssueKind.FRONT_MATTER for issue in page.read_issues):
        return  # CP010 reports front matter that cannot be read; every citation would look unknown
    items = source_items(page)
    citations = page_citations(page)
    yield from _unknown_citations(page, citations, defined_ids(page))
    yield from _source_ids(page, items, cites=bool(citations))
    if not page.is_task:  # CP004 checks the fields of a task page's sources
        for item in items:
            problem = source_problem(item)
            if problem:
                yield page.finding(code, item.line, 1, problem)


def _unknown_citations(page: Page, citations: list[Citation], known: set[str]) -> Iterator[Diagnostic]:
    heading_lines = {heading.line for heading in page.headings}
    for citation in citations:
        if citation.line in heading_lines:
            yield page.finding(code, citation.line, citation.col,
                               f"citation [@{citation.id}] in a heading; cite after the claim in the text")
        elif citation.id not in known:
            yield page.finding(code, citation.line, citation.col,
                               f"citation [@{citation.id}] names no source: no 'id: {citation.id}' "
                               "under this page's 'sources'")


def _source_ids(page: Page, items: list[SourceItem], cites: bool) -> Iterator[Diagnostic]:
    seen: dict[str, SourceItem] = {}
    for item in items:
        value = item.id
        if value is None:
            if cites and isinstance(item.value, dict):
                yield page.finding(code, item.line, 1, f"source #{item.number} has no 'id'; on a page that "
                                                       "cites, every source needs one ([a-z0-9-]+)")
        elif not isinstance(value, str) or not SOURCE_ID.fullmatch(value):
            yield page.finding(code, item.line, 1, f"source #{item.number} id {value!r} must match [a-z0-9-]+")
        elif value in seen:
            first = seen[value]
            yield page.finding(code, item.line, 1, f"source id '{value}' is already used by source "
                                                   f"#{first.number} (line {first.line})")
        else:
            seen[value] = item
