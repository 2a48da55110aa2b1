"""Every citation on every built page resolves: [N] links to source N's entry, each entry links back."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from tests.helpers import ROOT, BuiltSite


class CitationParser(HTMLParser):
    """Citations (<sup class="cite"><a>), source entries (<li id="source-…">) and every id of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.citations: list[dict[str, str]] = []  # href, id, aria-label, text
        self.sources: list[str] = []  # ids of the entries of the source list, in order
        self.back_links: list[str] = []
        self.plain_citations: list[str] = []  # `[@id]` left as text outside code
        self._in_cite = self._in_code = 0
        self._current: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "sup" and "cite" in a.get("class", "").split():
            self._in_cite += 1
        elif tag == "a" and self._in_cite:
            self._current = {"href": a.get("href", ""), "id": a.get("id", ""), "label": a.get("aria-label", ""),
                             "text": ""}
            self.citations.append(self._current)
        elif tag == "li" and a.get("id", "").startswith("source-"):
            self.sources.append(a["id"])
        elif tag == "a" and "page-facts__back" in a.get("class", ""):
            self.back_links.append(a.get("href", ""))
        elif tag in ("code", "pre"):
            self._in_code += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "sup" and self._in_cite:
            self._in_cite -= 1
        elif tag == "a":
            self._current = None
        elif tag in ("code", "pre") and self._in_code:
            self._in_code -= 1

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current["text"] += data
        if not self._in_code:
            self.plain_citations += re.findall(r"\[@[^\]\s]+\]", data)


def parse(html: str) -> CitationParser:
    parser = CitationParser()
    parser.feed(html)
    return parser


def test_every_rendered_citation_resolves_and_every_source_links_back(site: BuiltSite) -> None:
    pages = sorted(site.dir.rglob("index.html"))
    cited_pages = 0
    for path in pages:
        html = path.read_text(encoding="utf-8")
        page = parse(html)
        where = path.relative_to(site.dir)
        assert "\ue000" not in html and "\ue001" not in html, where  # no placeholder left behind
        assert page.plain_citations == [], f"{where}: citations left as text {page.plain_citations}"
        for citation in page.citations:
            target = citation["href"].removeprefix("#")
            assert citation["href"].startswith("#source-") and target in page.sources, (where, citation)
            number = page.sources.index(target) + 1
            assert citation["text"] == f"[{number}]", (where, citation)
            assert re.match(rf"(来源|Source) {number}[：:] ?\S", citation["label"]), (where, citation)
            assert citation["id"].startswith(f"cite-{target.removeprefix('source-')}-"), (where, citation)
        citation_ids = {c["id"] for c in page.citations}
        assert {href.removeprefix("#") for href in page.back_links} == citation_ids, where
        cited_pages += bool(page.citations)
    assert cited_pages >= 10, f"only {cited_pages} built pages have citations"


def test_a_page_lists_its_sources_numbered_in_front_matter_order(site: BuiltSite) -> None:
    for slug, built in (("iot-card", "iot-card"), ("esim", "en/esim")):
        html = (site.dir / built / "index.html").read_text(encoding="utf-8")
        language = "en" if built.startswith("en/") else "zh"
        markdown = (ROOT / "docs" / f"{slug}.{language}.md").read_text(encoding="utf-8")
        assert parse(html).sources == [f"source-{i}" for i in re.findall(r"^  - id: (\S+)$", markdown, re.M)]
