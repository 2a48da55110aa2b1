"""CP002 steps: the {#steps} section of a card or situation page holds at least three ordered-list items."""
from __future__ import annotations

from typing import Iterator

from checkpages.model import Diagnostic, Page, Site
from checkpages.policy import MIN_STEPS
from checkpages.sections import find_section, ordered_items_in

code = "CP002"
name = "steps"
description = (f"The {{#steps}} section of a card or situation page holds at least {MIN_STEPS} "
               "ordered-list items (1. or 1)).")


def check(page: Page, site: Site) -> Iterator[Diagnostic]:
    if not page.readable or not page.is_task:
        return
    section = find_section(page, "steps")
    if section is None:
        return  # CP001 reports the missing section
    count = len(ordered_items_in(page, section))
    if count < MIN_STEPS:
        yield page.finding(code, section.heading.line, 1,
                           f"{{#steps}} has {count} numbered step(s); at least {MIN_STEPS} expected "
                           f"as an ordered list (1. one action per item)")
