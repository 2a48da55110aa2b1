"""Turn a file on disk into a Page: decode it safely, split lines, read the front matter.

Nothing here raises on bad input: every problem becomes a ReadIssue that a rule reports.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Optional

import yaml

from checkpages.model import IssueKind, Page, ReadIssue, Severity
from checkpages.policy import LANGUAGES
from checkpages.scanner import scan_body

# Lines longer than this are reported; content rules still read them.
MAX_LINE_CHARS = 10_000

_BOM = b"\xef\xbb\xbf"
_FRONT_MATTER_KEY = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:")
# libyaml's loader (PyYAML's wheels include it) is ~10x faster than the pure-Python one, which is the
# fallback when libyaml is missing.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def split_name(rel: str) -> tuple[str, Optional[str]]:
    """'guides/esim.zh.md' -> ('guides/esim', 'zh'); 'foo.md' -> ('foo', None)."""
    stem = rel[:-3] if rel.endswith(".md") else rel
    base, dot, suffix = stem.rpartition(".")
    if dot and suffix in LANGUAGES and "/" not in suffix:
        return base, suffix
    return stem, None


def read_page(path: Path, rel: str, display_path: str) -> Page:
    slug, language = split_name(rel)
    page = Page(path=path, display_path=display_path, rel=rel, slug=slug, language=language)
    try:
        data = path.read_bytes()
    except OSError as error:
        return _unreadable(page, f"cannot read file: {error.strerror or error}")
    text = _decode(page, data)
    if text is None:
        return page
    page.lines = _split_lines(page, text)
    _read_front_matter(page)
    scan_body(page)
    return page


def _unreadable(page: Page, message: str, line: int = 1, col: int = 1) -> Page:
    page.readable = False
    page.read_issues.append(ReadIssue(IssueKind.FILE, line, col, message))
    return page


def _decode(page: Page, data: bytes) -> Optional[str]:
    if not data.strip():
        _unreadable(page, "file is empty")
        return None
    if b"\x00" in data[:8192]:
        _unreadable(page, "file looks binary (contains NUL bytes), not Markdown text")
        return None
    if data.startswith(_BOM):
        page.read_issues.append(ReadIssue(
            IssueKind.FILE, 1, 1, "file starts with a UTF-8 byte-order mark; save it without BOM",
            Severity.WARNING))
        data = data[len(_BOM):]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, col = _byte_position(data, error.start)
        _unreadable(page, f"file is not valid UTF-8 (byte 0x{data[error.start]:02x})", line, col)
        return None


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and character column of a byte offset, for an error inside bad UTF-8."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    prefix = data[line_start:offset].decode("utf-8", errors="replace")
    return data.count(b"\n", 0, offset) + 1, len(prefix) + 1


def _split_lines(page: Page, text: str) -> list[str]:
    # Split on '\n' only: str.splitlines() also breaks on \x0c, \u2028 ... which editors don't count.
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    first_crlf = next((i for i, line in enumerate(lines) if line.endswith("\r")), None)
    if first_crlf is not None:
        page.read_issues.append(ReadIssue(
            IssueKind.FILE, first_crlf + 1, len(lines[first_crlf]),
            "file uses CRLF line endings; use LF", Severity.WARNING))
        lines = [line[:-1] if line.endswith("\r") else line for line in lines]
    for number, line in enumerate(lines, start=1):
        if len(line) > MAX_LINE_CHARS:
            page.read_issues.append(ReadIssue(
                IssueKind.FILE, number, MAX_LINE_CHARS + 1,
                f"line is {len(line):,} characters long (limit {MAX_LINE_CHARS:,})", Severity.WARNING))
    return lines


def _read_front_matter(page: Page) -> None:
    lines = page.lines
    if not lines or lines[0].rstrip() != "---":
        return
    closing = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if closing is None:
        # MkDocs then renders the whole file as Markdown, so the body starts at line 1.
        page.read_issues.append(ReadIssue(
            IssueKind.FRONT_MATTER, 1, 1, "front matter opened on line 1 is never closed with '---'"))
        return
    page.body_start = closing + 2
    page.front_matter_keys = _top_level_keys(lines, closing)
    page.front_matter = _load_yaml(page, "\n".join(lines[1:closing]))


def _top_level_keys(lines: list[str], closing: int) -> dict[str, int]:
    keys: dict[str, int] = {}
    for index in range(1, closing):
        match = _FRONT_MATTER_KEY.match(lines[index])
        if match:
            keys.setdefault(match.group(1), index + 1)
    return keys


def _load_yaml(page: Page, source: str) -> Optional[dict[str, Any]]:
    try:
        value = yaml.load(source, Loader=_YAML_LOADER)  # a safe loader (see _YAML_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = 2 + mark.line if mark is not None else 1
        col = 1 + mark.column if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        page.read_issues.append(ReadIssue(
            IssueKind.FRONT_MATTER, line, col, f"front matter is not valid YAML: {problem}"))
        return None
    except (RecursionError, ValueError) as error:  # deeply nested or absurd input
        page.read_issues.append(ReadIssue(
            IssueKind.FRONT_MATTER, 1, 1, f"front matter could not be read: {error}"))
        return None
    if value is None:
        return {}
    if not isinstance(value, dict):
        page.read_issues.append(ReadIssue(
            IssueKind.FRONT_MATTER, 2, 1, "front matter must be a YAML mapping of keys to values"))
        return None
    return value
