"""CP004 front-matter: required keys and their values (card and situation pages need more than other pages)."""
from __future__ import annotations

import posixpath
from datetime import date, datetime
from typing import Any, Iterator, Optional

from checkpages.model import Diagnostic, IssueKind, Page, Severity, Site
from checkpages.policy import (
    DEFAULT_DESCRIPTION_LIMIT,
    DESCRIPTION_LIMITS,
    REVIEW_MAX_AGE_DAYS,
    TASK_KINDS,
)
from checkpages.rules._citations import source_items, source_problem

code = "CP004"
name = "front-matter"
_LIMITS = ", ".join(f"{lang} ≤ {limit}" for lang, limit in DESCRIPTION_LIMITS.items())
description = (f"Every page has title and description ({_LIMITS} characters); card and situation pages "
               "also have card_type or situation (matching the slug), aliases, last_reviewed (ISO date, not in the future, warning "
               f"when older than {REVIEW_MAX_AGE_DAYS} days) and https sources.")


def check(page: Page, site: Site) -> Iterator[Diagnostic]:
    if not page.readable or any(i.kind is IssueKind.FRONT_MATTER for i in page.read_issues):
        return  # CP010 already reports front matter that cannot be read
    meta = page.front_matter
    if meta is None:
        yield page.finding(code, 1, 1, "page has no front matter (needs at least title and description)")
        return
    yield from _text_field(page, meta, "title")
    yield from _description(page, meta)
    if page.is_task:
        yield from _task_kind(page, meta)
        yield from _aliases(page, meta.get("aliases"))
        yield from _last_reviewed(page, meta.get("last_reviewed"), site.today)
        yield from _sources(page, meta.get("sources"))


def _at(page: Page, key: str, message: str, severity: Severity = Severity.ERROR) -> Diagnostic:
    return page.finding(code, page.key_line(key), 1, message, severity)


def _text_field(page: Page, meta: dict[str, Any], key: str) -> Iterator[Diagnostic]:
    value = meta.get(key)
    if key not in meta:
        yield _at(page, key, f"front matter has no '{key}'")
    elif not isinstance(value, str) or not value.strip():
        yield _at(page, key, f"'{key}' must be non-empty text")


def _description(page: Page, meta: dict[str, Any]) -> Iterator[Diagnostic]:
    problems = list(_text_field(page, meta, "description"))
    if problems:
        yield from problems
        return
    limit = DESCRIPTION_LIMITS.get(page.language or "", DEFAULT_DESCRIPTION_LIMIT)
    length = len(meta["description"].strip())
    if length > limit:
        language = page.language or "this"
        yield _at(page, "description",
                  f"description is {length} characters; {language} pages allow at most {limit}")


def _task_kind(page: Page, meta: dict[str, Any]) -> Iterator[Diagnostic]:
    """card_type or situation, never both, one of its allowed values and equal to the file slug."""
    keys = [key for key in TASK_KINDS if key in meta]
    if len(keys) > 1:
        yield _at(page, keys[1], f"a page is either a card page or a situation page: "
                                 f"remove '{keys[0]}' or '{keys[1]}'")
        return
    key = keys[0]
    value, allowed = meta[key], TASK_KINDS[key]
    file_slug = posixpath.basename(page.slug)
    if value not in allowed:
        yield _at(page, key, f"{key} {value!r} is not one of: {', '.join(allowed)}")
    elif value != file_slug:
        yield _at(page, key, f"{key} '{value}' does not match the file slug '{file_slug}'")


def _aliases(page: Page, value: Any) -> Iterator[Diagnostic]:
    if value is None:
        yield _at(page, "aliases", f"{page.kind_name} has no 'aliases' (the names readers search for)")
    elif not isinstance(value, list) or not value:
        yield _at(page, "aliases", "'aliases' must be a non-empty list of names")
    elif not all(isinstance(alias, str) and alias.strip() for alias in value):
        yield _at(page, "aliases", "every alias must be non-empty text")


def _last_reviewed(page: Page, value: Any, today: date) -> Iterator[Diagnostic]:
    if value is None:
        yield _at(page, "last_reviewed", f"{page.kind_name} has no 'last_reviewed' date (YYYY-MM-DD)")
        return
    reviewed = _as_date(value)
    if reviewed is None:
        yield _at(page, "last_reviewed", f"last_reviewed {value!r} is not an ISO date (YYYY-MM-DD)")
    elif reviewed > today:
        yield _at(page, "last_reviewed", f"last_reviewed {reviewed.isoformat()} is in the future")
    elif (today - reviewed).days > REVIEW_MAX_AGE_DAYS:
        yield _at(page, "last_reviewed",
                  f"last_reviewed {reviewed.isoformat()} is more than {REVIEW_MAX_AGE_DAYS} days ago; "
                  "review the page", Severity.WARNING)


def _as_date(value: Any) -> Optional[date]:
    if isinstance(value, datetime):
        return None  # a timestamp, not a date
    if isinstance(value, date):
        return value
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _sources(page: Page, value: Any) -> Iterator[Diagnostic]:
    if not isinstance(value, list) or not value:
        yield _at(page, "sources", f"{page.kind_name} needs 'sources': a list of {{id, title, url}} "
                                   "(https; or publisher and date instead of url)")
        return
    # every item is checked, so an empty-or-bad list always yields at least one finding
    for item in source_items(page):
        problem = source_problem(item)
        if problem:
            yield page.finding(code, item.line, 1, problem)
