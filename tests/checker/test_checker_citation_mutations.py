"""Mutation tests for the citation rules on the real pages: each break is reported with file:line and code.

Breaks: citing an id no source has (CP012), deleting a source the text cites (CP012), and taking the
citation off a list item that states a figure (CP015).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

import pytest

from checkpages.engine import check_tree, markdown_files
from checkpages.model import Diagnostic
from checkpages.reader import read_page
from tests.checker.helpers import DOCS, copy_docs

CITATION = re.compile(r"\[@([a-z0-9-]+)\]")


# Found independently of CP015's own patterns: a list item with one of the site's best-known figures.
FIGURE_ITEM = re.compile(r"^\s*- .*(?:三个月|three months|\d+ ?(?:天|days|小时|hours)|\b1\d{4}\b)")


def _citing_pages() -> list[str]:
    """zh and en files under docs/ that cite at least one source."""
    found = []
    for path in markdown_files(DOCS):
        page = read_page(path, path.name, path.name)
        if page.readable and any(CITATION.search(page.lines[n - 1]) for n in page.content_lines):
            found.append(path.name)
    return found


CITING = _citing_pages()


def _findings(docs: Path) -> set[Diagnostic]:
    return set(check_tree(docs, codes=["CP012", "CP013", "CP014", "CP015"], base=docs.parent))


def _mutate(tmp_path: Path, name: str) -> tuple[Path, Path, set[Diagnostic], list[str]]:
    docs = copy_docs(tmp_path)
    target = docs / name
    return docs, target, _findings(docs), target.read_text(encoding="utf-8").split("\n")


def _body_start(lines: list[str]) -> int:
    """Index of the first line after the front matter."""
    return next(i for i in range(1, len(lines)) if lines[i] == "---") + 1


def test_there_are_pages_that_cite() -> None:
    assert CITING, "no page under docs/ cites a source with [@id]"


@pytest.mark.parametrize("name", CITING)
def test_citing_an_unknown_id_is_an_error_on_its_line(tmp_path: Path, name: str) -> None:
    docs, target, before, lines = _mutate(tmp_path, name)
    lines += ["", "A sentence citing nothing real.[@no-such-source-here]"]
    target.write_text("\n".join(lines), encoding="utf-8")
    new = _findings(docs) - before
    assert any(f.code == "CP012" and f.path == f"docs/{name}" and f.line == len(lines) for f in new), sorted(new)


@pytest.mark.parametrize("name", CITING)
def test_deleting_a_cited_source_is_an_error_where_it_is_cited(tmp_path: Path, name: str) -> None:
    docs, target, before, lines = _mutate(tmp_path, name)
    body = _body_start(lines)
    cited = {m.group(1) for line in lines[body:] for m in CITATION.finditer(line)}
    start = next(i for i in range(body) if re.match(r"\s*- id: (\S+)", lines[i])
                 and re.match(r"\s*- id: (\S+)", lines[i]).group(1) in cited)
    source_id = re.match(r"\s*- id: (\S+)", lines[start]).group(1)
    end = next(i for i in range(start + 1, body) if lines[i].lstrip().startswith("- ") or lines[i] == "---")
    mutated = lines[:start] + lines[end:]
    target.write_text("\n".join(mutated), encoding="utf-8")
    first_use = next(i for i, line in enumerate(mutated) if i >= body - (end - start)
                     and f"[@{source_id}]" in line) + 1
    new = _findings(docs) - before
    assert any(f.code == "CP012" and f.path == f"docs/{name}" and f.line == first_use for f in new), sorted(new)


def _cited_figure_item(lines: list[str]) -> Optional[int]:
    """A one-line list item that states a figure and cites a source (the next line starts a new block)."""
    for index in range(_body_start(lines), len(lines) - 1):
        following = lines[index + 1]
        one_line = not following.strip() or following.lstrip().startswith(("- ", "1. "))
        if FIGURE_ITEM.match(CITATION.sub("", lines[index])) and CITATION.search(lines[index]) and one_line:
            return index
    return None


def test_removing_the_citation_of_a_figure_is_reported_on_its_line(tmp_path: Path) -> None:
    mutated = 0
    for name in CITING:
        page = read_page(DOCS / name, name, name)
        if not page.is_task:
            continue
        docs, target, before, lines = _mutate(tmp_path / name, name)
        index = _cited_figure_item(lines)
        if index is None:
            continue
        lines[index] = CITATION.sub("", lines[index])
        target.write_text("\n".join(lines), encoding="utf-8")
        new = _findings(docs) - before
        assert any(f.code == "CP015" and f.path == f"docs/{name}" and f.line == index + 1 for f in new), \
            f"{name}:{index + 1}: {sorted(new)}"
        mutated += 1
    assert mutated >= 2, "fewer than two task pages have a cited list item with a figure to mutate"
