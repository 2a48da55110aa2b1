"""CP003 faq: the {#faq} section of a card or situation page holds enough questions, each a level-3 heading with an id."""
from __future__ import annotations

from typing import Iterator

from checkpages.model import Diagnostic, Page, Severity, Site
from checkpages.policy import MIN_FAQ_QUESTIONS
from checkpages.sections import find_section, headings_in

code = "CP003"
name = "faq"
description = (f"The {{#faq}} section of a card or situation page holds at least {MIN_FAQ_QUESTIONS} questions, "
               "each a level-3 heading with its own {#id} (a warning when one is not phrased as a question).")

_QUESTION_MARKS = ("?", "？")


def check(page: Page, site: Site) -> Iterator[Diagnostic]:
    if not page.readable or not page.is_task:
        return
    section = find_section(page, "faq")
    if section is None:
        return  # CP001 reports the missing section
    questions = headings_in(page, section, 3)
    if len(questions) < MIN_FAQ_QUESTIONS:
        yield page.finding(code, section.heading.line, 1,
                           f"{{#faq}} has {len(questions)} question(s); at least {MIN_FAQ_QUESTIONS} "
                           f"expected, each its own '### ... {{#id}}' heading")
    for question in questions:
        if question.id is None:
            yield page.finding(code, question.line, question.id_col,
                               "FAQ question has no explicit {#id}")
        if not question.text.endswith(_QUESTION_MARKS):
            yield page.finding(code, question.line, 1,
                               "FAQ heading is not phrased as a question (no ? or ？ at the end)",
                               Severity.WARNING)
