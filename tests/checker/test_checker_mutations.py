"""Mutation test on the real card pages: every deliberate break of a page must be reported.

Works on whatever card pages exist under docs/ when it runs (front matter with card_type).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Callable, Optional

import pytest

from checkpages.engine import check_tree, markdown_files
from checkpages.model import Diagnostic, Severity
from checkpages.reader import read_page
from tests.checker.helpers import DOCS, copy_docs


def _card_slugs() -> list[str]:
    slugs = []
    for path in markdown_files(DOCS):
        if path.name.endswith(".zh.md"):
            page = read_page(path, path.name, path.name)
            if page.is_card:
                slugs.append(page.slug)
    return slugs


CARD_SLUGS = _card_slugs()
H2 = re.compile(r"^## ")


def _section_bounds(lines: list[str], section_id: str) -> tuple[int, int]:
    start = next(i for i, line in enumerate(lines) if H2.match(line) and "{#" + section_id + "}" in line)
    end = next((i for i in range(start + 1, len(lines)) if H2.match(lines[i])), len(lines))
    return start, end


def delete_section(section_id: str) -> Callable[[list[str]], list[str]]:
    def mutate(lines: list[str]) -> list[str]:
        start, end = _section_bounds(lines, section_id)
        return lines[:start] + lines[end:]
    return mutate


def empty_section(section_id: str) -> Callable[[list[str]], list[str]]:
    def mutate(lines: list[str]) -> list[str]:
        start, end = _section_bounds(lines, section_id)
        return lines[:start + 1] + [""] + lines[end:]
    return mutate


def rename_first_faq_id(lines: list[str]) -> list[str]:
    start, end = _section_bounds(lines, "faq")
    index = next(i for i in range(start, end) if lines[i].startswith("### "))
    return lines[:index] + [re.sub(r"\{#[^}]+\}", "{#renamed-in-one-language}", lines[index])] + lines[index + 1:]


def drop_first_step(lines: list[str]) -> list[str]:
    start, end = _section_bounds(lines, "steps")
    index = next(i for i in range(start, end) if re.match(r"^\d+[.)]\s", lines[i]))
    return lines[:index] + lines[index + 1:]


def add_telegram_link(lines: list[str]) -> list[str]:
    return lines + ["", "更多问题请进 [交流群](https://t.me/example_group)。"]


# (name, file mutated, mutation or None to delete the file, code expected, file the finding is on)
MUTATIONS: list[tuple[str, str, Optional[Callable[[list[str]], list[str]]], str, str]] = [
    *[(f"delete-{s}", "zh", delete_section(s), "CP001", "zh")
      for s in ("prerequisites", "steps", "after-care", "faq")],
    *[(f"empty-{s}", "en", empty_section(s), "CP001", "en") for s in ("prerequisites", "after-care")],
    ("rename-id-en-only", "en", rename_first_faq_id, "CP005", "en"),
    ("drop-step-en-only", "en", drop_first_step, "CP005", "en"),
    ("remove-translation", "en", None, "CP005", "zh"),
    ("add-telegram-link", "zh", add_telegram_link, "CP008", "zh"),
]


def _errors(docs: Path) -> set[Diagnostic]:
    return {f for f in check_tree(docs, base=docs.parent) if f.severity is Severity.ERROR}


def test_there_are_card_pages_to_mutate() -> None:
    assert CARD_SLUGS, "no page under docs/ has card_type in its front matter"


def test_unmutated_copy_of_the_real_pages_passes(tmp_path: Path) -> None:
    docs = copy_docs(tmp_path)
    assert sorted(map(str, _errors(docs))) == []


@pytest.mark.parametrize("slug", CARD_SLUGS)
@pytest.mark.parametrize("name, language, mutation, code, reported_on", MUTATIONS,
                         ids=[m[0] for m in MUTATIONS])
def test_mutation_is_reported(tmp_path: Path, slug: str, name: str, language: str,
                              mutation: Optional[Callable[[list[str]], list[str]]], code: str,
                              reported_on: str) -> None:
    docs = copy_docs(tmp_path)
    baseline = _errors(docs)
    target = docs / f"{slug}.{language}.md"
    if mutation is None:
        target.unlink()
    else:
        lines = target.read_text(encoding="utf-8").split("\n")
        target.write_text("\n".join(mutation(lines)), encoding="utf-8")
    new = _errors(docs) - baseline
    expected_path = f"docs/{slug}.{reported_on}.md"
    assert any(f.code == code and f.path == expected_path for f in new), \
        f"{name} on {slug}.{language}.md was not reported as {code}; new findings: {sorted(new)}"
