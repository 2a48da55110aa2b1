"""A small line scanner for the Markdown body: fences, comments, headings, ordered lists, links, ids.

It follows Python-Markdown (what MkDocs renders with) where that matters for structure:
an ATX heading starts at column 1; a setext underline makes a heading of the first line of a block.
"""
from __future__ import annotations

import re
from typing import Optional

from checkpages.model import Heading, IssueKind, Link, ListItem, Page, ReadIssue

# A line that cannot open a block construct and holds no link, attr list or HTML: most prose lines.
_PLAIN_PROSE = re.compile(r"(?:[-*+] )?[^#=\-0-9\s`~<][^<{=\]]*$")  # a bullet item counts as prose
_FENCE_OPEN = re.compile(r"^(\s*)(`{3,}|~{3,})(.*)$")
_ATX = re.compile(r"^(#{1,6})(.*)$")
_SETEXT_UNDERLINE = re.compile(r"^(=+|-+)[ \t]*$")
_ATTR_LIST = re.compile(r"\{:?[ \t]*([^}\n]*?)[ \t]*\}[ \t]*$")
_CLOSING_HASHES = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
_ORDERED_ITEM = re.compile(r"^( {0,3})(\d{1,9})[.)](?:[ \t]|$)")
_INLINE_CODE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_INLINE_LINK = re.compile(r"\]\([ \t]*(<[^>\n]*>|[^\s)]+)")
_REFERENCE_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*(<[^>\n]*>|\S+)")
_AUTOLINK = re.compile(r"<((?:https?|mailto|ftp):[^>\s]+)>", re.IGNORECASE)
_HTML_URL = re.compile(r"\b(?:href|src)[ \t]*=[ \t]*[\"']?([^\"'\s>]+)", re.IGNORECASE)
_ANY_ATTR_LIST = re.compile(r"\{:?[ \t]*([^}\n]*)\}")
_HTML_ID = re.compile(r"\bid[ \t]*=[ \t]*[\"']([^\"']+)[\"']", re.IGNORECASE)
_ATTR_ID = re.compile(r"(?:^|[ \t])(?:#([^\s}#.]+)|id=[\"']?([^\s\"'}]+))")


def scan_body(page: Page) -> None:
    _BodyScanner(page).run()


class _BodyScanner:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.fence: Optional[tuple[str, int, int]] = None  # (char, length, opening line)
        self.in_comment = False
        self.code_lines: set[int] = set()
        self.content_lines: set[int] = set()
        self.block_start = True  # the previous line was blank: this line opens a block

    def run(self) -> None:
        page = self.page
        plain_prose = _PLAIN_PROSE.match
        for number in range(page.body_start, len(page.lines) + 1):
            line = page.lines[number - 1]
            # Blank lines and plain prose are most lines: settle them here, without a method call.
            if self.fence is None and not self.in_comment:
                if not line or line.isspace():
                    self.block_start = True
                    continue
                if plain_prose(line):
                    self.block_start = False
                    self.content_lines.add(number)
                    continue
            self._scan_line(number, line)
        if self.fence is not None:
            char, length, opened = self.fence
            page.read_issues.append(ReadIssue(
                IssueKind.FENCE, opened, 1, f"code fence {char * length} opened here is never closed"))
        page.headings.sort(key=lambda heading: heading.line)
        page.code_lines = frozenset(self.code_lines)
        page.content_lines = frozenset(self.content_lines)
        page.anchor_ids.update(h.id for h in page.headings if h.id)

    def _scan_line(self, number: int, line: str) -> None:
        if self.fence is not None:
            self._in_fence(number, line)
            return
        if self.in_comment:
            self.in_comment = "-->" not in line
            return
        stripped = line.strip()
        if not stripped:
            self.block_start = True
            return
        opens_block, self.block_start = self.block_start, False
        if stripped.startswith("<!--"):
            if "-->" not in stripped[4:]:
                self.in_comment = True
                return
            if stripped.endswith("-->"):
                return  # a comment alone on its line renders nothing
        fence = _FENCE_OPEN.match(line)
        if fence and not (fence.group(2)[0] == "`" and "`" in fence.group(3)):
            self.fence = (fence.group(2)[0], len(fence.group(2)), number)
            self.code_lines.add(number)
            self.content_lines.add(number)
            return
        self.content_lines.add(number)
        is_heading = self._read_structure(number, line, opens_block)
        self._read_links_and_ids(number, line, is_heading)

    def _in_fence(self, number: int, line: str) -> None:
        self.code_lines.add(number)
        self.content_lines.add(number)
        char, length, _ = self.fence  # type: ignore[misc]
        stripped = line.strip()
        if len(stripped) >= length and stripped == char * len(stripped):
            self.fence = None
            self.block_start = False

    def _read_structure(self, number: int, line: str, opens_block: bool) -> bool:
        """Record a heading or an ordered-list item; True when the line is an ATX heading."""
        atx = _ATX.match(line)
        if atx:
            self.page.headings.append(_heading(number, 1, len(atx.group(1)), atx.group(2), 1 + len(atx.group(1))))
            return True
        if _SETEXT_UNDERLINE.match(line) and self._previous_line_opens_block(number):
            level = 1 if line[0] == "=" else 2
            text = self.page.lines[number - 2]
            self.page.headings.append(_heading(number - 1, 1, level, text, 1))
            return False
        item = _ORDERED_ITEM.match(line)
        if item:
            self.page.ordered_items.append(ListItem(number, len(item.group(1)) + 1, item.group(2)))
        return False

    def _previous_line_opens_block(self, number: int) -> bool:
        """Python-Markdown makes a setext heading only of the first line of a block."""
        previous = number - 1
        if previous < self.page.body_start or previous in self.code_lines:
            return False
        text = self.page.lines[previous - 1]
        if not text.strip() or text.startswith("    ") or text.startswith("\t") or _ATX.match(text):
            return False
        before = previous - 1
        return before < self.page.body_start or not self.page.lines[before - 1].strip()

    def _read_links_and_ids(self, number: int, line: str, is_heading: bool) -> None:
        page = self.page
        if "{" in line and not is_heading:  # a heading's own id is recorded with the heading
            for attrs in _ANY_ATTR_LIST.finditer(line):
                page.anchor_ids.update(_ids_in_attr_list(attrs.group(1)))
        if "id" in line:
            page.anchor_ids.update(match.group(1) for match in _HTML_ID.finditer(line))
        if "](" not in line and "]:" not in line and "<" not in line and "=" not in line:
            return
        visible = mask_inline_code(line)
        for pattern in (_INLINE_LINK, _REFERENCE_DEF, _AUTOLINK, _HTML_URL):
            for match in pattern.finditer(visible):
                target = match.group(1)
                if target.startswith("<") and target.endswith(">"):
                    page.links.append(Link(number, match.start(1) + 2, target[1:-1]))
                else:
                    page.links.append(Link(number, match.start(1) + 1, target))


def mask_inline_code(line: str) -> str:
    """Blank out `code spans` (same length) so what they show is not read as links or HTML."""
    if "`" not in line:
        return line
    return _INLINE_CODE.sub(lambda match: " " * len(match.group(0)), line)


def _heading(number: int, col: int, level: int, raw_text: str, text_col: int) -> Heading:
    text = raw_text.strip()
    heading_id: Optional[str] = None
    leading = len(raw_text) - len(raw_text.lstrip())
    attr_col = text_col + leading + len(text)  # just past the text when there is no attr list
    attrs = _ATTR_LIST.search(text) if text.endswith("}") else None
    if attrs:
        attr_col = text_col + leading + attrs.start()
        ids = _ids_in_attr_list(attrs.group(1))
        heading_id = ids[-1] if ids else None
        text = text[:attrs.start()].rstrip()
    if text.endswith("#"):
        text = _CLOSING_HASHES.sub("", text).strip()
    return Heading(line=number, col=col, level=level, text=text, id=heading_id, id_col=attr_col)


def _ids_in_attr_list(attrs: str) -> list[str]:
    return [match.group(1) or match.group(2) for match in _ATTR_ID.finditer(" " + attrs)]
