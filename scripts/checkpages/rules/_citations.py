"""What the citation rules (CP012-CP015) share: a page's `[@id]` citations and its sources with lines.

The syntax is scripts/sitelib/citations.py's, so the checker and the build agree on what a citation is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Optional

from checkpages.model import Page
from checkpages.scanner import mask_inline_code
from sitelib.citations import SOURCE_ID, Citation, citations_in_line

_ITEM = re.compile(r"^(\s*)-(?:\s|$)")
_TOP_LEVEL = re.compile(r"^[^\s#]")


@dataclass(frozen=True)
class SourceItem:
    number: int  # 1-based place in the `sources` list
    line: int  # line of its `- ` in the file (the `sources:` line when that cannot be told)
    value: Any  # the item as YAML gave it

    @property
    def id(self) -> Any:
        return self.value.get("id") if isinstance(self.value, dict) else None


def page_citations(page: Page) -> list[Citation]:
    """Every `[@…]` in the body outside code, with its line and column in the file (found once a page)."""
    cached = page.rule_cache.get("citations")
    if cached is None:
        cached = page.rule_cache["citations"] = _find_citations(page)
    return cached


def _find_citations(page: Page) -> list[Citation]:
    found: list[Citation] = []
    lines = page.lines
    for index in range(page.body_start - 1, len(lines)):
        if "[@" in lines[index]:  # cheap test first: most lines cite nothing
            number = index + 1
            if number in page.content_lines and number not in page.code_lines:
                found.extend(citations_in_line(number, mask_inline_code(lines[index])))
    return found


def source_items(page: Page) -> list[SourceItem]:
    cached = page.rule_cache.get("source_items")
    if cached is None:
        cached = page.rule_cache["source_items"] = _source_items(page)
    return cached


def _source_items(page: Page) -> list[SourceItem]:
    value = (page.front_matter or {}).get("sources")
    if not isinstance(value, list):
        return []
    lines = _item_lines(page, len(value))
    return [SourceItem(index + 1, lines[index], item) for index, item in enumerate(value)]


def _item_lines(page: Page, count: int) -> list[int]:
    """The line of each top-level `- ` under `sources:`; all on `sources:` when they do not add up."""
    key_line = page.key_line("sources")
    found: list[int] = []
    indent: Optional[str] = None
    for number in range(key_line + 1, page.body_start - 1):
        line = page.lines[number - 1]
        if _TOP_LEVEL.match(line):
            break
        item = _ITEM.match(line)
        if item and (indent is None or item.group(1) == indent):
            indent = item.group(1)
            found.append(number)
    return found if len(found) == count else [key_line] * count


def defined_ids(page: Page) -> set[str]:
    return {item.id for item in source_items(page) if isinstance(item.id, str) and SOURCE_ID.fullmatch(item.id)}


def source_problem(item: SourceItem) -> Optional[str]:
    """What is wrong with one source's fields (shared by CP004 on task pages and CP012 elsewhere)."""
    source = item.value
    label = f"source #{item.number}"
    if not isinstance(source, dict):
        return f"{label} must be a mapping with 'title' and 'url' (or 'publisher' and 'date')"
    title, url = source.get("title"), source.get("url")
    if not isinstance(title, str) or not title.strip():
        return f"{label} has no 'title'"
    if url is not None:
        if not isinstance(url, str) or not url.startswith("https://"):
            return f"{label} url must use https: {url}"
        return None
    if _blank(source.get("publisher")) or _blank(source.get("date")):
        return f"{label} needs an https 'url', or 'publisher' and 'date' when there is no stable web page"
    return None


def _blank(value: Any) -> bool:
    return value is None or not str(value).strip()
