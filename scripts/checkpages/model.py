"""Data types shared by the scanner, the rules and the reporters."""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple, Optional

from checkpages.policy import TASK_KINDS


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One finding. Ordered by path, line, col, code so output is stable."""

    path: str
    line: int
    col: int
    code: str
    message: str
    severity: Severity = Severity.ERROR


class Heading(NamedTuple):  # a tuple: pages have thousands, built fast
    line: int  # 1-based line in the file as on disk
    col: int  # 1-based column of the first '#'
    level: int
    text: str  # heading text without the attr list
    id: Optional[str]  # explicit id from `{#id}`, None when absent
    id_col: int  # column of the attr list (or of the end of the text) for id findings


class ListItem(NamedTuple):  # a tuple: pages have thousands, built fast
    line: int
    col: int
    ordinal: str  # the number as written, e.g. "1"


class Link(NamedTuple):  # a tuple: pages have thousands, built fast
    line: int
    col: int
    target: str  # URL as written (without angle brackets and title)


class IssueKind(str, enum.Enum):
    """Which rule owns a problem met while reading a file."""

    FILE = "file"  # encoding, binary, empty, BOM, CRLF, long line
    FRONT_MATTER = "front-matter"  # unclosed or malformed YAML
    FENCE = "fence"  # unclosed code fence


@dataclass(frozen=True)
class ReadIssue:
    kind: IssueKind
    line: int
    col: int
    message: str
    severity: Severity = Severity.ERROR


@dataclass
class Page:
    """A Markdown file as read from disk, split into the parts the rules look at."""

    path: Path  # absolute
    display_path: str  # as printed in findings
    rel: str  # path relative to the docs dir, with '/' separators
    slug: str  # rel without language suffix and '.md', e.g. "esim" or "guides/esim"
    language: Optional[str]  # "zh", "en", or None when the file has no language suffix
    readable: bool = True  # False for binary / non-UTF-8 / empty files: content rules skip it
    lines: list[str] = field(default_factory=list)  # every line of the file, index 0 = line 1
    body_start: int = 1  # first line number after the front matter
    front_matter: Optional[dict[str, Any]] = None  # None when absent or unusable
    front_matter_keys: dict[str, int] = field(default_factory=dict)  # top-level key -> line number
    headings: list[Heading] = field(default_factory=list)
    ordered_items: list[ListItem] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    code_lines: frozenset[int] = frozenset()  # line numbers inside fenced code (fences included)
    anchor_ids: set[str] = field(default_factory=set)  # every explicit id: headings, attr lists, HTML id=
    content_lines: frozenset[int] = frozenset()  # body lines that render something (not blank/comment)
    read_issues: list[ReadIssue] = field(default_factory=list)  # problems met while reading
    section_cache: dict[int, list[Any]] = field(default_factory=dict, repr=False)  # level -> sections
    rule_cache: dict[str, Any] = field(default_factory=dict, repr=False)  # what several rules read, found once

    @property
    def is_card(self) -> bool:
        return isinstance(self.front_matter, dict) and "card_type" in self.front_matter

    @property
    def is_task(self) -> bool:
        """A card or situation page: the pages that need prerequisites, steps, after-care and FAQ."""
        return isinstance(self.front_matter, dict) and any(key in self.front_matter for key in TASK_KINDS)

    @property
    def kind_name(self) -> str:
        """How findings name the page: 'card page', 'situation page' or 'page'."""
        if self.is_card:
            return "card page"
        return "situation page" if self.is_task else "page"

    @property
    def explicit_ids(self) -> set[str]:
        return {h.id for h in self.headings if h.id}

    def key_line(self, key: str) -> int:
        """Line of a front-matter key, or line 1 when the key is absent."""
        return self.front_matter_keys.get(key, 1)

    def finding(self, code: str, line: int, col: int, message: str,
                severity: Severity = Severity.ERROR) -> Diagnostic:
        return Diagnostic(self.display_path, line, col, code, message, severity)


@dataclass
class Site:
    """Every page of one docs tree, indexed for the cross-page rules (parity, links)."""

    docs_dir: Path
    pages: list[Page]
    today: date
    by_rel: dict[str, Page] = field(default_factory=dict)
    by_slug_language: dict[tuple[str, Optional[str]], Page] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_rel = {p.rel: p for p in self.pages}
        self.by_slug_language = {(p.slug, p.language): p for p in self.pages}
