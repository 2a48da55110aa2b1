"""Sections of a page as read from its headings: a section runs to the next heading of its level or higher."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from checkpages.model import Heading, ListItem, Page


@dataclass(frozen=True)
class Section:
    heading: Heading
    end_line: int  # first line after the section


def sections(page: Page, level: int = 2) -> list[Section]:
    cached = page.section_cache.get(level)
    if cached is None:
        cached = page.section_cache[level] = _find_sections(page, level)
    return cached


def _find_sections(page: Page, level: int) -> list[Section]:
    found: list[Section] = []
    headings = page.headings
    for index, heading in enumerate(headings):
        if heading.level != level:
            continue
        end = next((h.line for h in headings[index + 1:] if h.level <= level), len(page.lines) + 1)
        found.append(Section(heading, end))
    return found


def find_section(page: Page, section_id: str, level: int = 2) -> Optional[Section]:
    return next((s for s in sections(page, level) if s.heading.id == section_id), None)


def has_content(page: Page, section: Section) -> bool:
    return any(line in page.content_lines for line in range(section.heading.line + 1, section.end_line))


def ordered_items_in(page: Page, section: Section) -> list[ListItem]:
    return [item for item in page.ordered_items if section.heading.line < item.line < section.end_line]


def headings_in(page: Page, section: Section, level: int) -> list[Heading]:
    return [h for h in page.headings
            if h.level == level and section.heading.line < h.line < section.end_line]


def step_count(page: Page) -> Optional[int]:
    """Ordered-list items under {#steps}, None when the page has no steps section."""
    steps = find_section(page, "steps")
    return None if steps is None else len(ordered_items_in(page, steps))
