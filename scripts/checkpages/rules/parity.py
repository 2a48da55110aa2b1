"""CP005 parity: every page exists in zh and en with the same heading ids, in order, and the same step count."""
from __future__ import annotations

from typing import Iterator, Optional

from checkpages.model import Diagnostic, Heading, Page, Severity, Site
from checkpages.policy import DEFAULT_LANGUAGE, LANGUAGES, TASK_KINDS
from checkpages.sections import find_section, step_count

code = "CP005"
name = "translation-parity"
description = ("Each page exists as x.zh.md and x.en.md with the same heading ids in the same order, "
               "the same number of steps and the same card_type or situation.")


def check(page: Page, site: Site) -> Iterator[Diagnostic]:
    if page.language is None:
        yield page.finding(code, 1, 1, f"file name has no language suffix; name it "
                                       f"{page.slug}.zh.md / {page.slug}.en.md", Severity.WARNING)
        return
    for language in LANGUAGES:
        if language != page.language and (page.slug, language) not in site.by_slug_language:
            yield page.finding(code, 1, 1, f"translation missing: {page.slug}.{language}.md does not exist")
    original = site.by_slug_language.get((page.slug, DEFAULT_LANGUAGE))
    # The translation is compared with the default-language page, so each difference is reported once.
    if page.language == DEFAULT_LANGUAGE or original is None or not (page.readable and original.readable):
        return
    yield from _heading_ids(page, original)
    yield from _step_counts(page, original)
    yield from _task_kinds(page, original)


def _key(heading: Heading) -> str:
    return heading.id or f"(no id) {heading.text}"


def _heading_ids(page: Page, original: Page) -> Iterator[Diagnostic]:
    ours, theirs = page.headings, original.headings
    for index in range(max(len(ours), len(theirs))):
        mine: Optional[Heading] = ours[index] if index < len(ours) else None
        other: Optional[Heading] = theirs[index] if index < len(theirs) else None
        if mine is not None and other is not None and _key(mine) == _key(other):
            continue
        if mine is None:
            assert other is not None
            yield original.finding(code, other.line, other.col,
                                   f"heading {{#{other.id}}} has no counterpart in {page.rel} "
                                   f"(that page has {len(ours)} headings, this one {len(theirs)})")
        elif other is None:
            yield page.finding(code, mine.line, mine.col,
                               f"heading {{#{mine.id}}} has no counterpart in {original.rel}")
        else:
            yield page.finding(code, mine.line, mine.col,
                               f"heading id {{#{mine.id}}} differs from {original.rel}:{other.line} "
                               f"{{#{other.id}}}; headings must match in order")
        return  # later headings are shifted too: one finding per pair


def _step_counts(page: Page, original: Page) -> Iterator[Diagnostic]:
    mine, other = step_count(page), step_count(original)
    if mine is None or other is None or mine == other:
        return
    steps = find_section(page, "steps")
    assert steps is not None
    yield page.finding(code, steps.heading.line, steps.heading.col,
                       f"{{#steps}} has {mine} numbered steps here but {other} in {original.rel}")


def _task_kinds(page: Page, original: Page) -> Iterator[Diagnostic]:
    for key in TASK_KINDS:
        mine = (page.front_matter or {}).get(key)
        other = (original.front_matter or {}).get(key)
        if mine != other:
            yield page.finding(code, page.key_line(key), 1,
                               f"{key} {mine!r} differs from {other!r} in {original.rel}")
