"""Odd files become findings, never crashes; output formats; exit codes; the checker never edits files."""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

from tests.checker.helpers import FIXTURES, ROOT, TODAY, run_checker

CARD = (FIXTURES / "CP009" / "good_plain.zh.md").read_text(encoding="utf-8")


def _tree(tmp_path: Path, files: dict[str, bytes]) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, data in files.items():
        (docs / name).write_bytes(data)
    return docs


def test_bom_and_crlf_pages_are_checked_like_plain_ones(tmp_path: Path) -> None:
    plain = CARD.encode()
    docs = _tree(tmp_path, {"sim.zh.md": b"\xef\xbb\xbf" + plain,
                            "sim.en.md": plain.replace(b"\n", b"\r\n")})
    run = run_checker(["--docs", str(docs), "--today", TODAY], cwd=tmp_path)
    # Only the two format warnings: sections, steps, FAQ, parity and front matter all read correctly.
    assert run.lines == [
        "docs/sim.en.md:1:4: CP009 warning: file uses CRLF line endings; use LF",
        "docs/sim.zh.md:1:1: CP009 warning: file starts with a UTF-8 byte-order mark; save it without BOM",
    ]
    assert run.code == 0  # warnings alone do not fail


def test_a_broken_crlf_page_reports_the_same_lines_as_lf(tmp_path: Path) -> None:
    broken = CARD.replace("### 余额怎么办？ {#balance}", "### 余额怎么办？")
    runs = []
    for name, text in (("lf", broken), ("crlf", broken.replace("\n", "\r\n"))):
        (tmp_path / name).mkdir()
        docs = _tree(tmp_path / name, {"sim.zh.md": text.encode()})
        runs.append(run_checker(["--docs", str(docs), "--select", "CP003,CP006"], cwd=tmp_path / name))
    assert runs[0].lines == [
        "docs/sim.zh.md:34:11: CP003 FAQ question has no explicit {#id}",
        "docs/sim.zh.md:34:11: CP006 heading has no explicit id; add {#some-id} (level 3: '余额怎么办？')",
    ]
    assert runs[1].lines == runs[0].lines


def test_one_megabyte_line_is_a_warning_not_a_hang(tmp_path: Path) -> None:
    huge = CARD + "\n" + "注销" * 500_000 + "\n"
    docs = _tree(tmp_path, {"sim.zh.md": huge.encode()})
    run = run_checker(["--docs", str(docs), "--select", "CP009"], cwd=tmp_path)
    line_number = huge.count("\n")
    assert run.lines == [f"docs/sim.zh.md:{line_number}:10001: CP009 warning: "
                         "line is 1,000,000 characters long (limit 10,000)"]


def test_unreadable_files_do_not_trigger_content_rules(tmp_path: Path) -> None:
    docs = _tree(tmp_path, {"a.zh.md": b"", "a.en.md": b"\x00\x01binary", "b.zh.md": "注销".encode("gbk"),
                            "b.en.md": b"# B {#b}\n"})
    run = run_checker(["--docs", str(docs)], cwd=tmp_path)
    codes = {line.split(" ")[1] for line in run.lines}
    assert codes == {"CP009", "CP004"}  # b.en.md still lacks front matter; nothing crashes
    assert run.code == 1


def test_missing_docs_dir_is_a_usage_error() -> None:
    run = run_checker(["--docs", "no/such/folder"])
    assert run.code == 2
    assert "docs folder not found: no/such/folder" in run.stderr
    assert run.stdout == ""


def test_unknown_rule_code_is_a_usage_error() -> None:
    run = run_checker(["--docs", "tests/fixtures/CP001", "--select", "CP999"])
    assert run.code == 2 and "unknown rule code(s): CP999" in run.stderr


def test_bad_option_is_a_usage_error() -> None:
    assert run_checker(["--format", "xml"]).code == 2


def test_json_format_carries_every_field() -> None:
    run = run_checker(["--docs", "tests/fixtures/CP003", "--select", "CP003", "--format", "json"])
    rows = json.loads(run.stdout)
    assert rows[0] == {"path": "tests/fixtures/CP003/bad_not_a_question.zh.md", "line": 42, "col": 1,
                       "code": "CP003", "severity": "warning",
                       "message": "FAQ heading is not phrased as a question (no ? or ？ at the end)"}
    assert [row["severity"] for row in rows] == ["warning", "error", "error", "error"]
    assert run.code == 1


def test_github_format_uses_workflow_commands() -> None:
    run = run_checker(["--docs", "tests/fixtures/CP003", "--select", "CP003", "--format", "github"])
    assert run.lines[0] == ("::warning file=tests/fixtures/CP003/bad_not_a_question.zh.md,line=42,col=1,"
                            "title=CP003::FAQ heading is not phrased as a question (no ? or ？ at the end)")
    assert run.lines[1].startswith("::error file=tests/fixtures/CP003/bad_question_without_id.zh.md,line=34,col=11,")


def test_paths_outside_the_current_directory_are_absolute(tmp_path: Path) -> None:
    run = run_checker(["--docs", str(FIXTURES / "CP011"), "--select", "CP011"], cwd=tmp_path)
    assert run.lines == [f"{FIXTURES / 'CP011' / 'bad_unclosed.zh.md'}:5:1: CP011 "
                         "code fence ``` opened here is never closed"]


def test_output_is_sorted_by_path_line_col() -> None:
    run = run_checker(["--docs", "tests/fixtures"])
    keys = [(p, int(line), int(col)) for p, line, col, _ in (row.split(":", 3) for row in run.lines)]
    assert keys == sorted(keys) and len(keys) > 50


def test_checker_never_edits_files() -> None:
    def digest() -> str:
        hashes = hashlib.sha256()
        for path in sorted(FIXTURES.rglob("*")):
            if path.is_file():
                hashes.update(path.as_posix().encode() + path.read_bytes())
        return hashes.hexdigest()

    before = digest()
    run_checker(["--docs", "tests/fixtures"])
    assert digest() == before


def test_script_runs_from_the_repository_root() -> None:
    result = subprocess.run([sys.executable, "scripts/check_pages.py", "--docs", "tests/fixtures/CP011",
                             "--select", "CP011"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stdout == ("tests/fixtures/CP011/bad_unclosed.zh.md:5:1: CP011 "
                             "code fence ``` opened here is never closed\n")
    assert "1 error(s), 0 warning(s)" in result.stderr


def test_internal_error_exits_2_with_a_traceback(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import checkpages.cli

    def broken(*args: object, **kwargs: object) -> list[object]:
        raise RuntimeError("planted failure")

    monkeypatch.setattr(checkpages.cli, "check_tree", broken)
    run = run_checker(["--docs", "tests/fixtures/CP001"])
    assert run.code == 2
    assert "internal error" in run.stderr and "planted failure" in run.stderr


def test_warnings_alone_exit_0(tmp_path: Path) -> None:
    docs = _tree(tmp_path, {"sim.zh.md": CARD.replace("2026-11-01", "2024-01-01").encode(),
                            "sim.en.md": CARD.replace("2026-11-01", "2024-01-01").encode()})
    run = run_checker(["--docs", str(docs), "--today", TODAY], cwd=tmp_path)
    assert run.code == 0
    assert run.lines == [
        f"docs/sim.{lang}.md:6:1: CP004 warning: last_reviewed 2024-01-01 is more than 365 days ago; review the page"
        for lang in ("en", "zh")]
