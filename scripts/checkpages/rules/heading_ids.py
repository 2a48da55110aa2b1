"""CP006 heading-ids: every heading has an explicit {#id} of [a-z0-9-]+, unique in its page."""
from __future__ import annotations

import re
from typing import Iterator

from checkpages.model import Diagnostic, Page, Site

code = "CP006"
name = "heading-ids"
description = "Every heading (levels 1-6) has an explicit {#id} matching [a-z0-9-]+, used once per page."

_VALID_ID = re.compile(r"[a-z0-9-]+")


def check(page: Page, site: Site) -> Iterator[Diagnostic]:
    first_use: dict[str, int] = {}
    for heading in page.headings:
        if heading.id is None:
            yield page.finding(code, heading.line, heading.id_col,
                               f"heading has no explicit id; add {{#some-id}} (level {heading.level}: "
                               f"{_shorten(heading.text)!r})")
            continue
        if not _VALID_ID.fullmatch(heading.id):
            yield page.finding(code, heading.line, heading.id_col,
                               f"heading id '{heading.id}' must match [a-z0-9-]+")
        if heading.id in first_use:
            yield page.finding(code, heading.line, heading.id_col,
                               f"heading id '{heading.id}' is already used on line {first_use[heading.id]}")
        else:
            first_use[heading.id] = heading.line


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"
