"""Inline citations: `[@id]` in the text, numbered sources from the front matter.

A page's front matter lists `sources`, each with an `id`; the text cites one with `[@id]` (several:
`[@a][@b]`). Sources are numbered by their order in the front matter, so the superscript `[3]` and
the third entry of the list at the foot agree. Pure functions only: the MkDocs hook
(scripts/hooks/citations.py) and the page checker (CP012-CP015) share them, so they agree on what a
citation is. Nothing here raises on bad input: what cannot be rendered stays plain text and the
checker reports it.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, NamedTuple, Optional

# What the checker reads as a citation: anything between `[@` and `]` without spaces or brackets,
# so a malformed id ([@Foo_1]) is still found and reported rather than silently left as text.
CITATION = re.compile(r"\[@([^\[\]\s]+)\]")
SOURCE_ID = re.compile(r"[a-z0-9-]+")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})(.*)$")
_INLINE_CODE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_ATX_HEADING = re.compile(r"^#{1,6}(?:\s|$)")
# Placeholders put into the Markdown and swapped for HTML after rendering: private-use characters,
# which Markdown leaves alone and no page contains.
_TOKEN_OPEN, _TOKEN_CLOSE = "\ue000", "\ue001"
_TOKEN = re.compile(f"{_TOKEN_OPEN}(\\d+){_TOKEN_CLOSE}")

LABELS = {
    "zh": {"source": "来源 {number}：{title}", "back": "返回正文", "back_n": "返回第 {n} 处引用"},
    "en": {"source": "Source {number}: {title}", "back": "Back to text", "back_n": "Back to citation {n}"},
}


class Citation(NamedTuple):  # a tuple: a page has hundreds, built fast
    line: int  # 1-based, counted from the first line given
    col: int  # 1-based column of the '['
    id: str


@dataclass
class Source:
    """One usable entry of `sources` (a mapping), numbered by its place in the front matter."""

    number: int
    id: Optional[str]
    title: str
    url: Optional[str]
    publisher: Optional[str]
    date: Optional[str]
    backlinks: list[str] = field(default_factory=list)  # ids of the citations of this source, in order
    back_links: list[tuple[str, str, str]] = field(default_factory=list)  # (citation id, name, text)

    @property
    def anchor(self) -> Optional[str]:
        return f"source-{self.id}" if self.id else None


def _text(value: Any) -> Optional[str]:
    """A front-matter scalar as text (YAML gives dates and numbers), None when absent or empty."""
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


def valid_id(value: Any) -> Optional[str]:
    text = _text(value)
    return text if text and SOURCE_ID.fullmatch(text) else None


def number_sources(sources: Any) -> list[Source]:
    """The mappings of a `sources` list, numbered 1, 2, ... in front-matter order; other items skipped."""
    if not isinstance(sources, list):
        return []
    numbered: list[Source] = []
    for item in sources:
        if not isinstance(item, dict):
            continue
        url, title = _text(item.get("url")), _text(item.get("title"))
        numbered.append(Source(number=len(numbered) + 1, id=valid_id(item.get("id")),
                               title=title or url or "", url=url,
                               publisher=_text(item.get("publisher")), date=_text(item.get("date"))))
    return numbered


def mask_inline_code(line: str) -> str:
    """Blank out `code spans` (same length), so what they show is never read as a citation."""
    if "`" not in line:
        return line
    return _INLINE_CODE.sub(lambda match: " " * len(match.group(0)), line)


def prose_lines(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    """(1-based number, line with code spans blanked) for every line outside fenced code."""
    fence: Optional[tuple[str, int]] = None
    for number, line in enumerate(lines, start=1):
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= fence[1] \
                    and not opening.group(2).strip():
                fence = None
            continue
        if opening and not (opening.group(1)[0] == "`" and "`" in opening.group(2)):
            fence = (opening.group(1)[0], len(opening.group(1)))
            continue
        yield number, mask_inline_code(line)


def citations_in_line(number: int, visible: str) -> list[Citation]:
    if "[@" not in visible:
        return []
    return [Citation(number, match.start() + 1, match.group(1)) for match in CITATION.finditer(visible)]


def find_citations(lines: Iterable[str]) -> list[Citation]:
    """Every `[@id]` outside code spans and fences, in reading order."""
    return [citation for number, visible in prose_lines(lines) for citation in citations_in_line(number, visible)]


def is_heading(line: str) -> bool:
    return bool(_ATX_HEADING.match(line))


@dataclass
class Rendered:
    """The Markdown with citations replaced by placeholders, and what to put back after rendering."""

    markdown: str
    sources: list[Source]
    snippets: list[str]  # HTML for placeholder N


def render_citation(source: Source, anchor_id: str, language: str) -> str:
    """`<sup class="cite"><a href="#source-ID" id="cite-ID-N" aria-label="来源 3：…">[3]</a></sup>`."""
    label = _labels(language)["source"].format(number=source.number, title=source.title)
    return (f'<sup class="cite"><a href="#{html.escape(source.anchor or "")}" id="{html.escape(anchor_id)}"'
            f' aria-label="{html.escape(label)}">[{source.number}]</a></sup>')


def back_links(source: Source, language: str) -> list[tuple[str, str, str]]:
    """(citation id, accessible name, visible text) of each link from a source entry back to the text."""
    labels = _labels(language)
    if len(source.backlinks) == 1:
        return [(source.backlinks[0], labels["back"], "↩")]
    return [(anchor, labels["back_n"].format(n=n), f"↩{n}") for n, anchor in enumerate(source.backlinks, start=1)]


def _labels(language: str) -> dict[str, str]:
    return LABELS.get(language, LABELS["en"])


def cite(markdown: str, sources: list[Source], language: str) -> Rendered:
    """Replace each `[@id]` that names a source by a placeholder; unknown ids and headings stay text."""
    by_id = {source.id: source for source in sources if source.id}
    lines = markdown.split("\n")
    snippets: list[str] = []
    for number, visible in prose_lines(lines):
        line = lines[number - 1]
        if is_heading(line):
            continue  # a citation never goes in a heading (it would land in the table of contents)
        found = [c for c in citations_in_line(number, visible) if c.id in by_id]
        if found:
            lines[number - 1] = _replace_in_line(line, found, by_id, snippets, language)
    for source in sources:
        source.back_links = back_links(source, language)
    return Rendered("\n".join(lines), sources, snippets)


def _replace_in_line(line: str, found: list[Citation], by_id: dict[str, Source], snippets: list[str],
                     language: str) -> str:
    pieces: list[str] = []
    position = 0
    for citation in found:
        source = by_id[citation.id]
        anchor_id = f"cite-{source.id}-{len(source.backlinks) + 1}"
        source.backlinks.append(anchor_id)
        snippets.append(render_citation(source, anchor_id, language))
        start = citation.col - 1
        pieces += [line[position:start], f"{_TOKEN_OPEN}{len(snippets) - 1}{_TOKEN_CLOSE}"]
        position = start + len(citation.id) + 3  # past "[@" + id + "]"
    pieces.append(line[position:])
    return "".join(pieces)


def restore(content: str, snippets: list[str]) -> str:
    """Put each citation's HTML where its placeholder ended up in the rendered page."""
    if not snippets:
        return content
    return _TOKEN.sub(lambda match: _snippet(snippets, int(match.group(1))), content)


def _snippet(snippets: list[str], index: int) -> str:
    return snippets[index] if index < len(snippets) else ""


def strip_placeholders(text: str) -> str:
    """Placeholders that ended up outside the page body (a table of contents entry): remove them."""
    return _TOKEN.sub("", text)
