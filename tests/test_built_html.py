"""The built HTML keeps the URL contract and the sharing metadata (no browser needed)."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import material

from tests.helpers import BuiltSite, css_rules

SLUGS = ["sim", "esim", "data-card", "iot-card", "wearable-card", "virtual-number",
         "check-numbers", "suspend-or-cancel", "glossary", "safety"]


class HeadParser(HTMLParser):
    """Collects <meta>, <link> and the ids of headings inside the article."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.links: list[dict[str, str]] = []
        self.heading_ids: list[str | None] = []
        self.lang = ""
        self._in_article = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang", "")
        elif tag == "meta" and ("name" in a or "property" in a):
            self.meta.setdefault(a.get("name") or a["property"], []).append(a.get("content", ""))
        elif tag == "link":
            self.links.append(a)
        elif tag == "article":
            self._in_article += 1
        elif self._in_article and re.fullmatch(r"h[1-6]", tag):
            self.heading_ids.append(a.get("id"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._in_article -= 1


def parse(site: BuiltSite, path: str) -> HeadParser:
    parser = HeadParser()
    parser.feed((site.dir / path / "index.html").read_text(encoding="utf-8"))
    return parser


def page_paths() -> list[tuple[str, str]]:
    pairs = [("", "en/")]
    return pairs + [(f"{slug}/", f"en/{slug}/") for slug in SLUGS]


def test_url_contract_zh_at_root_en_under_en(site: BuiltSite) -> None:
    for zh, en in page_paths():
        assert (site.dir / zh / "index.html").is_file(), zh
        assert (site.dir / en / "index.html").is_file(), en
        assert parse(site, zh).lang == "zh" and parse(site, en).lang == "en"


def test_headings_have_explicit_ids_identical_in_both_languages(site: BuiltSite) -> None:
    for zh, en in page_paths():
        zh_ids, en_ids = parse(site, zh).heading_ids, parse(site, en).heading_ids
        assert None not in zh_ids and None not in en_ids, (zh, zh_ids, en_ids)
        assert not [i for i in zh_ids + en_ids if re.search(r"_\d+$", i)], "generated id"
        assert zh_ids == en_ids, (zh, en)


def test_sharing_metadata_on_every_page(site: BuiltSite) -> None:
    for path in [p for pair in page_paths() for p in pair]:
        page = parse(site, path)
        url = site.url(path)
        assert page.meta["description"][0].strip(), path
        for prop in ("og:title", "og:description"):
            assert page.meta[prop][0].strip(), (path, prop)
        assert page.meta["og:url"] == [url]
        assert page.meta["og:locale"] == ["zh_CN" if page.lang == "zh" else "en_US"]
        canonical = [link["href"] for link in page.links if link.get("rel") == "canonical"]
        assert canonical == [url]
        alternates = {link["hreflang"]: link["href"] for link in page.links
                      if link.get("rel") == "alternate" and "hreflang" in link}
        zh_path = path.removeprefix("en/")
        assert alternates == {"zh": site.url(zh_path), "en": site.url("en/" + zh_path),
                              "x-default": site.url(zh_path)}, path


def test_sitemap_lists_every_page_absolutely(site: BuiltSite) -> None:
    sitemap = (site.dir / "sitemap.xml").read_text(encoding="utf-8")
    locs = set(re.findall(r"<loc>([^<]+)</loc>", sitemap))
    expected = {site.url(p) for pair in page_paths() for p in pair}
    assert expected <= locs


def test_dark_scheme_comes_from_site_css_not_palette_css(site: BuiltSite) -> None:
    """palette.css is not linked (2 KiB gzip of named colours the site does not use); the rules of it
    that apply with primary/accent "custom" (the slate scheme) are in site.css, unchanged."""
    for path in [p for pair in page_paths() for p in pair] + ["404.html"]:
        file = site.dir / path / "index.html" if not path.endswith(".html") else site.dir / path
        styles = re.findall(r'<link rel="stylesheet" href="([^"]+)"', file.read_text(encoding="utf-8"))
        assert [s for s in styles if "/stylesheets/main." in s], path
        assert not [s for s in styles if "/stylesheets/palette." in s], path
    palette = css_rules(next((site.dir / "assets/stylesheets").glob("palette.*.min.css")).read_text())
    ours = css_rules((site.dir / "assets/site.css").read_text(encoding="utf-8"))
    needed = {sel: decls for sel, decls in palette.items()
              if "data-md-color-primary=" not in sel and "data-md-color-accent=" not in sel}
    assert "[data-md-color-scheme=slate]" in needed and len(needed) == 3, needed.keys()
    for selector, decls in needed.items():
        # site.css may override a custom property later on; every one of Material's must be there.
        assert decls <= ours.get(selector, set()), (selector, decls - ours.get(selector, set()))


def test_content_tab_scripts_only_with_content_tabs(site: BuiltSite) -> None:
    """overrides/partials/javascripts/content.html leaves Material's tab scripts out without pymdownx.tabbed."""
    tabbed = "pymdownx.tabbed" in Path(__file__).resolve().parent.parent.joinpath("mkdocs.yml").read_text()
    for zh, en in page_paths():
        for path in (zh, en):
            html = (site.dir / path / "index.html").read_text(encoding="utf-8")
            assert ("__tabbed_" in html) == tabbed, path


def test_storage_helpers_survive_refused_storage(site: BuiltSite) -> None:
    """overrides/partials/javascripts/base.html replaces Material's storage helpers with ones that
    never throw; Material's original must still be the one it replaces (else re-copy it)."""
    original = (Path(material.__file__).parent / "templates/partials/javascripts/base.html").read_text()
    assert '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e))' in original
    assert '__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(' in original
    html = (site.dir / "esim" / "index.html").read_text(encoding="utf-8")
    assert "__md_get=(e,_,t=__md_scope)=>{try{return JSON.parse((_||localStorage).getItem(" in html
    assert "_=localStorage" not in html and "t=localStorage" not in html
