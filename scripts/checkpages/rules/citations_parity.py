"""CP014 citations-parity: the zh and en versions of a page cite the same sources in each section."""
from __future__ import annotations

import bisect
from typing import Iterator

from checkpages.model import Diagnostic, Page, Severity, Site
from checkpages.policy import DEFAULT_LANGUAGE
from checkpages.rules._citations import page_citations

code = "CP014"
name = "citations-parity"
description = ("Warning: a section (the text under a heading with an {#id}, up to the next heading) cites "
               "a different set of sources in the translation than in the zh page.")

_LEAD = ""  # the text before the first heading with an id


def check(page: Page, site: Site) -> Iterator[Diagnostic]:
    if page.language in (None, DEFAULT_LANGUAGE) or not page.readable:
        return
    original = site.by_slug_language.get((page.slug, DEFAULT_LANGUAGE))
    if original is None or not original.readable:
        return  # CP005 reports the missing page
    ours, theirs = cited_by_section(page), cited_by_section(original)
    lines = {heading.id: heading.line for heading in page.headings if heading.id}
    for section_id in [s for s in ours.keys() | theirs.keys() if s == _LEAD or s in lines]:
        if section_id != _LEAD and section_id not in original.explicit_ids:
            continue  # CP005 reports headings that do not match
        mine, other = ours.get(section_id, set()), theirs.get(section_id, set())
        if mine != other:
            yield page.finding(code, lines.get(section_id, page.body_start), 1,
                               _message(section_id, mine, other, original.rel), Severity.WARNING)


def cited_by_section(page: Page) -> dict[str, set[str]]:
    """Source ids cited under each heading id (the nearest heading above that has an id)."""
    headings = sorted((h.line, h.id) for h in page.headings if h.id)
    starts = [line for line, _ in headings]
    found: dict[str, set[str]] = {}
    for citation in page_citations(page):
        index = bisect.bisect_right(starts, citation.line) - 1
        section = headings[index][1] or _LEAD if index >= 0 else _LEAD
        found.setdefault(section, set()).add(citation.id)
    return found


def _message(section_id: str, mine: set[str], other: set[str], original: str) -> str:
    where = f"section {{#{section_id}}}" if section_id else "the text before the first heading"
    parts = []
    if mine - other:
        parts.append(f"only here: {', '.join(sorted(mine - other))}")
    if other - mine:
        parts.append(f"only in {original}: {', '.join(sorted(other - mine))}")
    return f"{where} cites other sources than {original} ({'; '.join(parts)})"
