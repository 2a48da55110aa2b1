"""Rendered page HTML as search documents: the page (title, aliases, description, the text before the
first section), then one per section (heading id, heading text, section text). sitelib/searchindex.py
writes them into the index.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

HEADING = re.compile(r"h[1-6]")
SKIP_TAGS = {"script", "style", "svg", "button"}
BLOCK_TAGS = {"p", "li", "dt", "dd", "td", "th", "br", "div", "pre", "blockquote", "tr", "summary",
              "details", "table", "ul", "ol", "dl", "hr", "figcaption"}


class SectionSplitter(HTMLParser):
    """Split rendered page HTML into (heading level, id, heading text, body text) sections."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[dict[str, Any]] = [{"level": 0, "id": "", "title": "", "text": []}]
        self._heading: list[str] | None = None
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag in SKIP_TAGS or (tag == "a" and "headerlink" in (attributes.get("class") or "")):
            self._skip += 1
        elif HEADING.fullmatch(tag) and attributes.get("id"):
            self.sections.append({"level": int(tag[1]), "id": attributes["id"], "title": "", "text": []})
            self._heading = []
        elif tag in BLOCK_TAGS:
            self._text(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP_TAGS or (tag == "a" and self._skip):
            self._skip = max(0, self._skip - 1)
        elif HEADING.fullmatch(tag) and self._heading is not None:
            self.sections[-1]["title"] = squash("".join(self._heading))
            self._heading = None
        elif tag in BLOCK_TAGS:
            self._text(" ")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._text(data)

    def _text(self, data: str) -> None:
        if self._heading is not None:
            self._heading.append(data)
        else:
            self.sections[-1]["text"].append(data)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def page_documents(html: str, url: str, meta: dict[str, Any]) -> list[dict[str, Any]]:
    """The page document, then one document per section below the H1, in page order."""
    splitter = SectionSplitter()
    splitter.feed(html)
    splitter.close()
    sections = [{**s, "text": squash("".join(s["text"]))} for s in splitter.sections]
    intro = squash(" ".join(s["text"] for s in sections if s["level"] in (0, 1)))
    h1 = next((s["title"] for s in sections if s["level"] == 1), "")
    page: dict[str, Any] = {"location": url, "title": h1 or str(meta.get("title") or url), "text": intro}
    aliases = meta.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [aliases]
    if aliases:
        page["aliases"] = [str(alias) for alias in aliases]
    if meta.get("description"):
        page["description"] = str(meta["description"])
    docs = [page]
    for section in sections:
        if section["level"] >= 2:
            docs.append({"location": f"{url}#{section['id']}", "title": section["title"],
                         "text": section["text"]})
    return docs
