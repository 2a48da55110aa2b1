"""CP001 required-sections: card and situation pages have level-2 sections prerequisites, steps, after-care, faq, in order, none empty."""
from __future__ import annotations

from typing import Iterator

from checkpages.model import Diagnostic, Heading, Page, Site
from checkpages.policy import REQUIRED_SECTIONS
from checkpages.sections import Section, has_content, sections

code = "CP001"
name = "required-sections"
description = ("Card and situation pages have level-2 sections " + ", ".join(f"{{#{s}}}" for s in REQUIRED_SECTIONS)
               + " in that order, none empty.")


def check(page: Page, site: Site) -> Iterator[Diagnostic]:
    if not page.readable or not page.is_task:
        return
    level_two: dict[str, Section] = {}
    for section in sections(page, 2):
        if section.heading.id in REQUIRED_SECTIONS:
            level_two.setdefault(section.heading.id, section)  # a duplicate id is CP006's finding
    yield from _missing_or_wrong_level(page, level_two)
    yield from _out_of_order(page, [s.heading for s in level_two.values()])
    for section in level_two.values():
        if not has_content(page, section):
            yield page.finding(code, section.heading.line, 1,
                               f"section {{#{section.heading.id}}} is empty")


def _missing_or_wrong_level(page: Page, level_two: dict[str, Section]) -> Iterator[Diagnostic]:
    anchor_line = next((h.line for h in page.headings if h.level == 1), page.body_start)
    for section_id in REQUIRED_SECTIONS:
        if section_id in level_two:
            continue
        elsewhere = next((h for h in page.headings if h.id == section_id), None)
        if elsewhere is not None:
            yield page.finding(code, elsewhere.line, 1,
                               f"section {{#{section_id}}} must be a level-2 heading (##), "
                               f"not level {elsewhere.level}")
        else:
            yield page.finding(code, min(anchor_line, len(page.lines) or 1), 1,
                               f"{page.kind_name} is missing the section '## ... {{#{section_id}}}'")


def _out_of_order(page: Page, present: list[Heading]) -> Iterator[Diagnostic]:
    by_line = sorted(present, key=lambda h: h.line)
    by_rule = sorted(present, key=lambda h: REQUIRED_SECTIONS.index(h.id or ""))
    for found, expected in zip(by_line, by_rule):
        if found is not expected:
            order = " → ".join(REQUIRED_SECTIONS)
            yield page.finding(code, found.line, 1,
                               f"section {{#{found.id}}} is out of order: {{#{expected.id}}} belongs here "
                               f"(order: {order})")
            return
