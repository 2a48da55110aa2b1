"""What the front matter says reaches the HTML as the same text: every template value is escaped.

The real site is checked page by page; a copy with quotes, ampersands and markup in the values the
checker allows (and a report URL with a quote) shows the escaping holds; a copy with markup where
the checker forbids it is refused by the build with the checker's file:line lines.
"""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from tests.helpers import ROOT, BuiltSite
from tests.hostile import build, front_matter_line, make_project

SITE_NAMES = {"zh": "注销指南", "en": "Card Cancellation Guide"}


class PageValues(HTMLParser):
    """<title>, <meta> values, the sources at the foot and the report link, as a browser reads them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.meta: dict[str, str] = {}
        self.sources: list[tuple[str, str]] = []  # (href, text) of each source link
        self.report_href = ""
        self._in: list[str] = []
        self._source_href: str | None = None
        self._source_text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "title":
            self._in.append("title")
        elif tag == "meta" and ("name" in a or "property" in a):
            self.meta.setdefault(a.get("name") or a["property"], a.get("content", ""))
        elif tag == "li" and a.get("id", "").startswith("source-"):
            self._in.append("source")
        elif tag == "a" and self._in[-1:] == ["source"] and self._source_href is None \
                and a.get("class") != "page-facts__back":
            self._source_href, self._source_text = a.get("href", ""), ""
        elif tag == "p" and a.get("class") == "page-report":
            self._in.append("report")
        elif tag == "a" and self._in[-1:] == ["report"]:
            self.report_href = a.get("href", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._in[-1:] == ["title"]:
            self._in.pop()
        elif tag == "a" and self._source_href is not None:
            self.sources.append((self._source_href, self._source_text))
            self._source_href = None
        elif tag in ("li", "p") and self._in[-1:] in (["source"], ["report"]):
            self._in.pop()

    def handle_data(self, data: str) -> None:
        if self._in[-1:] == ["title"]:
            self.title += data
        if self._source_href is not None:
            self._source_text += data


def read_values(html_file: Path) -> PageValues:
    parser = PageValues()
    parser.feed(html_file.read_text(encoding="utf-8"))
    return parser


def pages(docs: Path) -> list[tuple[Path, str, dict]]:
    """(Markdown file, built path below the site, front matter) of every page."""
    found = []
    for md in sorted(docs.glob("*.md")):
        slug, lang = md.name.removesuffix(".md").rsplit(".", 1)
        if slug == "404":
            continue
        path = ("en/" if lang == "en" else "") + ("" if slug == "index" else slug + "/")
        meta = yaml.safe_load(md.read_text(encoding="utf-8").split("---\n", 2)[1])
        found.append((md, path, meta))
    return found


def assert_values_match(site_dir: Path, md: Path, path: str, meta: dict) -> None:
    lang = "en" if md.name.endswith(".en.md") else "zh"
    values = read_values(site_dir / path / "index.html")
    home = path == "" or meta["title"] == SITE_NAMES[lang]
    expected_title = SITE_NAMES[lang] if home else f"{meta['title']} · {SITE_NAMES[lang]}"
    assert values.title.strip() == expected_title, md.name
    assert values.meta["og:title"] == meta["title"], md.name
    assert values.meta["description"] == meta["description"].strip(), md.name
    assert values.meta["og:description"] == meta["description"].strip(), md.name
    expected_sources = [(s["url"], s["title"]) for s in meta.get("sources") or [] if s.get("url")]
    assert [(href, text.strip()) for href, text in values.sources] == expected_sources, md.name


def test_every_page_title_and_meta_parse_back_to_its_front_matter(site: BuiltSite) -> None:
    checked = 0
    for md, path, meta in pages(ROOT / "docs"):
        assert_values_match(site.dir, md, path, meta)
        checked += 1
    assert checked >= 30


def test_safety_description_is_complete_in_the_built_page(site: BuiltSite) -> None:
    meta = yaml.safe_load((ROOT / "docs/safety.en.md").read_text(encoding="utf-8").split("---\n", 2)[1])
    values = read_values(site.dir / "en/safety/index.html")
    assert values.meta["description"] == meta["description"] == values.meta["og:description"]
    assert "cancellation service" in values.meta["description"]


TRICKY_DESCRIPTION = '''"Don't trust a \\"cancellation service\\" & never sell a card — it's a scam"'''
TRICKY_SOURCE = '"</a><script>alert(1)</script> & \\"quoted\\""'
REPORT_URL = 'https://github.com/o/r/issues/new" onmouseover="alert(1)'


@pytest.fixture(scope="module")
def tricky_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy whose values hold quotes, apostrophes, ampersands and (in a source title) markup."""
    project = make_project(tmp_path_factory.mktemp("tricky"), edits={
        "docs/safety.en.md": lambda text: front_matter_line(text, "description", TRICKY_DESCRIPTION),
        "docs/glossary.en.md": lambda text: front_matter_line(text, "title", '"Glossary: \\"SIM\\" & \'eSIM\'"'),
        "docs/esim.en.md": lambda text: text.replace("    title: ", f"    title: {TRICKY_SOURCE}\n    x-old: ", 1),
    })
    out = project / "site"
    result = build(project, out, env={"REPORT_ISSUE_URL": REPORT_URL})
    assert result.returncode == 0, result.stderr[-3000:]
    return project


def test_quotes_ampersands_and_markup_in_values_reach_the_html_as_text(tricky_site: Path) -> None:
    for md, path, meta in pages(tricky_site / "docs"):
        assert_values_match(tricky_site / "site", md, path, meta)
    values = read_values(tricky_site / "site/en/esim/index.html")
    assert values.sources[0][1].startswith("</a><script>")
    assert values.report_href.startswith(REPORT_URL + "?template=page-problem.yml&title=")
    assert "<script>alert(1)" not in (tricky_site / "site/en/esim/index.html").read_text(encoding="utf-8")


HOSTILE_URL = "url: 'https://x.example/\" onmouseover=\"alert(1)' #"  # the real URL left as a comment


def test_build_refuses_markup_in_a_title_with_the_checkers_line(tmp_path: Path) -> None:
    project = make_project(tmp_path, edits={
        "docs/safety.en.md": lambda text: front_matter_line(text, "title", '"Safe</title><script>alert(1)</script>"'),
        "docs/sim.en.md": lambda text: text.replace("url: https://", HOSTILE_URL, 1),
    })
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/safety.en.md:2:1: CP016 title contains '<'" in result.stderr
    assert "CP017 source #" in result.stderr and "docs/sim.en.md:" in result.stderr
    assert "Traceback" not in result.stderr
