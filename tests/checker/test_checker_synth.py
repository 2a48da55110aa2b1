"""The synthetic corpus used by the benchmarks: realistic size, the site's shape, and clean."""
from __future__ import annotations

import re
import statistics
from pathlib import Path

from tests.checker.helpers import run_checker
from tools.synth_pages import CARD_TYPES, write_corpus


def test_corpus_has_the_requested_pairs_and_passes_the_checker(tmp_path: Path) -> None:
    files = write_corpus(tmp_path / "docs", 14)
    assert len(files) == 28
    assert {f.name for f in files if f.parent.name == "group-0001"} == \
        {f"{card}.{language}.md" for card in CARD_TYPES for language in ("zh", "en")}
    run = run_checker(["--docs", "docs", "--today", "2026-11-22"], cwd=tmp_path)
    assert (run.code, run.stdout) == (0, "")


def test_card_pages_have_real_length(tmp_path: Path) -> None:
    files = write_corpus(tmp_path / "docs", 13)
    cards = [f for f in files if f.parent.name.startswith("group-")]
    zh = [len(re.findall(r"[\u4e00-\u9fff]", f.read_text(encoding="utf-8"))) for f in cards if f.name.endswith(".zh.md")]
    en = [len(f.read_text(encoding="utf-8").split("---", 2)[2].split()) for f in cards if f.name.endswith(".en.md")]
    assert 1300 <= statistics.mean(zh) <= 1800
    assert 600 <= statistics.mean(en) <= 850


def test_corpus_is_deterministic(tmp_path: Path) -> None:
    first = [f.read_bytes() for f in write_corpus(tmp_path / "a", 8)]
    second = [f.read_bytes() for f in write_corpus(tmp_path / "b", 8)]
    assert first == second
