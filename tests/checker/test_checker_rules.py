"""Every rule in the registry, on its own fixture folder: the exact lines printed and the exit code.

tests/fixtures/<CODE>/ holds good_*.md pages (no finding of the rule), bad_*.md pages, and
expected.txt: the lines the checker prints for that folder with `--select <CODE>`, one a line, paths
relative to the folder (see scripts/README.md, "Adding a rule"). A rule without such a folder fails.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from checkpages.rules import RULE_MODULES, RULES
from tests.checker.helpers import FIXTURES, TODAY, run_checker

EXPECTED_FILE = "expected.txt"


def expected_lines(code: str) -> list[str]:
    """The rule's expected lines as the checker prints them (paths relative to the repository)."""
    text = (FIXTURES / code / EXPECTED_FILE).read_text(encoding="utf-8")
    return [f"tests/fixtures/{code}/{line}" for line in text.splitlines() if line.strip()]


def fixtures(code: str, kind: str) -> list[Path]:
    """good_ or bad_ fixtures of a rule: a page, or a folder of pages (when the file name matters)."""
    return sorted(p for p in (FIXTURES / code).iterdir() if p.name.startswith(f"{kind}_"))


def flagged(code: str) -> list[str]:
    return [_slug(line.split(":", 1)[0]) for line in expected_lines(code)]


def _slug(path: str) -> str:
    return path.removesuffix(".md").removesuffix(".zh").removesuffix(".en")


def test_registry_codes_and_names_are_unique() -> None:
    codes = [module.code for module in RULE_MODULES]
    names = [module.name for module in RULE_MODULES]
    assert len(set(codes)) == len(codes), f"duplicate rule code in RULE_MODULES: {sorted(codes)}"
    assert len(set(names)) == len(names), f"duplicate rule name in RULE_MODULES: {sorted(names)}"
    assert all(re.fullmatch(r"CP\d{3}", code) for code in codes), codes


def test_every_fixture_folder_belongs_to_a_rule() -> None:
    folders = {p.name for p in FIXTURES.iterdir() if p.is_dir() and re.fullmatch(r"CP\d{3}", p.name)}
    assert folders <= set(RULES), f"fixtures of no rule: {sorted(folders - set(RULES))}"


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_has_good_and_bad_fixtures_and_expected_lines(code: str) -> None:
    folder = FIXTURES / code
    assert folder.is_dir(), f"{code} has no fixtures: add tests/fixtures/{code}/ (scripts/README.md)"
    assert fixtures(code, "good"), f"{code} needs at least one good_ fixture"
    assert fixtures(code, "bad"), f"{code} needs at least one bad_ fixture"
    assert (folder / EXPECTED_FILE).is_file() and expected_lines(code), f"{code} needs {EXPECTED_FILE}"


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_reports_exactly_the_expected_lines(code: str) -> None:
    run = run_checker(["--docs", f"tests/fixtures/{code}", "--select", code, "--today", TODAY])
    assert run.lines == expected_lines(code)
    has_errors = any(f": {code} warning:" not in line for line in expected_lines(code))
    assert run.code == (1 if has_errors else 0)


@pytest.mark.parametrize("code", sorted(RULES))
def test_good_fixtures_have_no_finding_of_their_rule(code: str) -> None:
    for page in fixtures(code, "good"):
        assert not any(path.startswith(_slug(f"tests/fixtures/{code}/{page.name}")) for path in flagged(code))


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_bad_fixture_is_flagged(code: str) -> None:
    """A bad page, or for a translation pair one of its two files, has a finding."""
    for page in fixtures(code, "bad"):
        prefix = _slug(f"tests/fixtures/{code}/{page.name}")
        assert any(path.startswith(prefix) for path in flagged(code)), page.name
