"""What a reader sees, in headless Chromium, with the site served under a GitHub Pages sub-path."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import BuiltSite, built_pages
from tools.browser import open_page
from tools.site_server import SUBPATH

HOMES = {"zh": "", "en": "en/"}


@pytest.mark.parametrize("lang", list(HOMES))
def test_home_page_renders(browser, site: BuiltSite, viewport: str, lang: str, artifacts: Path) -> None:
    visit = open_page(browser, site.url(HOMES[lang]), viewport)
    page = visit.page
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("article h1").first.is_visible()
    # The card picker links reach card pages.
    assert page.locator("article a[href*='esim/']").count() >= 1
    page.screenshot(path=str(artifacts / f"home-{lang}-{viewport}.png"), full_page=True)
    assert visit.failed == [] and visit.console_errors == []
    visit.close()


@pytest.mark.parametrize(("start", "target"), [("esim/", "en/esim/"), ("en/esim/", "esim/"), ("", "en/"),
                                                ("en/", "")])
def test_language_switcher_opens_same_page(browser, site: BuiltSite, start: str, target: str) -> None:
    visit = open_page(browser, site.url(start), "desktop")
    page = visit.page
    page.locator(".md-header .md-select").first.hover()
    other = "en" if not start.startswith("en/") else "zh"
    page.locator(f".md-select__link[hreflang='{other}']").first.click()
    page.wait_for_load_state("networkidle")
    assert page.url == site.url(target)
    assert visit.failed == [] and visit.console_errors == []
    visit.close()


def test_every_page_is_self_contained_under_the_sub_path(browser, site: BuiltSite) -> None:
    """No request leaves the site's host, none fails, no console error, on every page."""
    problems = []
    for path in built_pages(site):
        visit = open_page(browser, site.url(path), "phone")
        foreign = visit.foreign_requests(site.base_url)
        outside = [url for url in visit.requests if url.startswith(site.base_url.split(SUBPATH)[0])
                   and SUBPATH not in url]
        for label, found in (("third-party", foreign), ("failed", visit.failed),
                             ("console", visit.console_errors), ("outside sub-path", outside)):
            problems += [f"{path}: {label}: {item}" for item in found]
        visit.close()
    assert problems == []


def test_internal_links_and_anchors_resolve(browser, site: BuiltSite) -> None:
    """Every same-site link on every page reaches a page, and its #anchor exists there."""
    context = browser.new_context()
    page = context.new_page()
    ids_by_url: dict[str, set[str]] = {}
    broken = []

    def ids_of(url: str) -> set[str] | None:
        if url not in ids_by_url:
            response = page.goto(url)
            if response is None or response.status != 200:
                return None
            ids_by_url[url] = set(page.eval_on_selector_all("[id]", "els => els.map(e => e.id)"))
        return ids_by_url[url]

    links: set[tuple[str, str]] = set()
    for path in built_pages(site, redirects=False):
        page.goto(site.url(path))
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
        links |= {(path, href) for href in hrefs if href.startswith(site.base_url)}
    for source, href in sorted(links):
        url, _, anchor = href.partition("#")
        ids = ids_of(url)
        if ids is None:
            broken.append(f"{source}: {href} does not load")
        elif anchor and anchor not in ids:
            broken.append(f"{source}: {href}: no #{anchor}")
    context.close()
    assert broken == []


def test_section_anchor_from_forum_link_lands_on_section(browser, site: BuiltSite, artifacts: Path) -> None:
    visit = open_page(browser, site.url("en/esim/#steps"), "phone")
    heading = visit.page.locator("#steps")
    assert heading.is_visible()
    assert heading.bounding_box()["y"] < 844 / 2  # scrolled into the upper half of the phone screen
    visit.page.screenshot(path=str(artifacts / "anchor-en-esim-steps-phone.png"))
    visit.close()


def test_not_found_page_serves_both_languages(browser, site: BuiltSite, viewport: str, artifacts: Path) -> None:
    visit = open_page(browser, site.url("no-such-page/"), viewport, expect_status=404)
    page = visit.page
    assert page.locator("html").get_attribute("lang") == "zh"  # the default language's chrome
    home_links = page.eval_on_selector_all("article a[href]", "els => els.map(e => e.href)")
    assert site.url("") in home_links and site.url("en/") in home_links
    text = page.locator("article").inner_text()
    assert "找不到" in text and "not found" in text.lower()
    page.screenshot(path=str(artifacts / f"404-{viewport}.png"), full_page=True)
    # Chromium logs the document's own 404 status as a console error; anything else is a fault.
    own_status = f"404 (Not Found) [{site.url('no-such-page/')}]"
    assert visit.failed == [] and [e for e in visit.console_errors if not e.endswith(own_status)] == []
    visit.close()


@pytest.mark.parametrize(("lang", "query", "expected"), [("zh", "eSIM", "esim/"), ("en", "eSIM", "en/esim/")])
def test_search_finds_page_in_reader_language(browser, site: BuiltSite, lang: str, query: str,
                                              expected: str) -> None:
    visit = open_page(browser, site.url(HOMES[lang]), "desktop")
    page = visit.page
    page.keyboard.press("/")  # Material's shortcut opens search
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")  # Material's search listens for keyup
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=10_000)
    hrefs = results.evaluate_all("els => els.map(e => e.href)")
    pages = [re.split(r"[?#]", href)[0] for href in hrefs]
    assert site.url(expected) in pages[:5], hrefs
    assert visit.console_errors == []
    visit.close()


def test_card_page_shows_review_date_sources_and_report_link(browser, site: BuiltSite) -> None:
    for path, reviewed, report in (("esim/", "最近核对", "报告本页问题"),
                                   ("en/esim/", "Last reviewed", "Report a problem")):
        visit = open_page(browser, site.url(path), "phone")
        facts = visit.page.locator(".page-facts")
        assert reviewed in facts.inner_text()
        assert re.search(r"\d{4}-\d{2}-\d{2}", facts.locator("time").inner_text())
        assert facts.locator(".page-facts__sources a[href^='https://']").count() >= 1
        assert visit.page.get_by_role("link", name=report).count() == 1
        visit.close()


@pytest.mark.parametrize(("path", "label"), [("esim/", "复制本节链接"), ("en/esim/", "Copy link to this section")])
def test_section_link_copies_the_section_url(browser, site: BuiltSite, path: str, label: str) -> None:
    visit = open_page(browser, site.url(path), "phone")
    visit.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = visit.page
    link = page.locator("#steps a.headerlink")
    assert link.get_attribute("aria-label") == label
    link.click()
    assert page.evaluate("navigator.clipboard.readText()") == site.url(path) + "#steps"
    assert link.get_attribute("data-copied")  # the reader sees that it worked
    visit.close()
