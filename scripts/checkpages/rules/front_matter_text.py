"""CP016 front-matter-text: titles, descriptions and aliases are plain text (no HTML, no control characters).

They are printed into <title>, <meta> values, the search index and the link-preview image; the
templates escape them, and no page needs markup or invisible characters there.
"""
from __future__ import annotations

import unicodedata
from typing import Any, Iterator, Optional

from checkpages.locate import value_line
from checkpages.model import Diagnostic, IssueKind, Page, Site

code = "CP016"
name = "front-matter-text"
description = "title, description and aliases contain no '<', '>' or control characters."

# Bidirectional overrides and line separators are not Cc but reorder or break the text they sit in.
_INVISIBLE = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x2028, 0x2029)}


def check(page: Page, site: Site) -> Iterator[Diagnostic]:
    if not page.readable or not isinstance(page.front_matter, dict):
        return
    if any(i.kind is IssueKind.FRONT_MATTER for i in page.read_issues):
        return
    meta = page.front_matter
    for key in ("title", "description"):
        yield from _plain(page, key, key, meta.get(key))
    aliases = meta.get("aliases")
    if isinstance(aliases, list):
        for index, alias in enumerate(aliases, start=1):
            yield from _plain(page, "aliases", f"alias #{index}", alias)


def _plain(page: Page, key: str, what: str, value: Any) -> Iterator[Diagnostic]:
    if not isinstance(value, str):
        return  # CP004 reports missing or non-text values
    problem = text_problem(value)
    if problem:
        yield page.finding(code, value_line(page, key, value), 1, f"{what} {problem}")


def text_problem(value: str) -> Optional[str]:
    """Why `value` is not plain text, or None."""
    for char in value:
        if char in "<>":
            return f"contains '{char}': write the text without HTML (no page needs markup here)"
        if (unicodedata.category(char) == "Cc" and char not in "\n") or char in _INVISIBLE:
            return f"contains the control character U+{ord(char):04X}; remove it"
    return None
