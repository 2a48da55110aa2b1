"""The three pictures on the pages that use them, in both languages: the page's own language file,
loaded, named for a screen reader (alt text) and captioned."""
from __future__ import annotations

import re

import pytest

from tests.helpers import BuiltSite
from tools.browser import open_page, wait_for

CARDS = ["sim", "esim", "data-card", "iot-card", "wearable-card", "virtual-number"]
WHERE = {"index": ["numbers"], "glossary": ["numbers"], "suspend-or-cancel": ["keep"],
         **{card: ["numbers", "order"] for card in CARDS}}
ALT_START = {"zh": "示意图：", "en": "Diagram: "}


def page_path(slug: str, lang: str) -> str:
    return ("en/" if lang == "en" else "") + ("" if slug == "index" else slug + "/")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_picture_is_on_its_pages_in_the_page_language(browser, site: BuiltSite, viewport: str, lang: str) -> None:
    visit = open_page(browser, site.url(page_path("index", lang)), viewport)
    page = visit.page
    for slug, names in WHERE.items():
        page.goto(site.url(page_path(slug, lang)), wait_until="networkidle")
        figures = page.locator("figure.picture")
        assert figures.count() == len(names), slug
        for i, name in enumerate(names):
            figure = figures.nth(i)
            img = figure.locator("img")
            src = img.evaluate("img => img.src")
            assert src == site.url(("en/" if lang == "en" else "") + f"assets/pictures/{name}.svg"), (slug, src)
            alt = img.get_attribute("alt")
            assert alt.startswith(ALT_START[lang]) and len(alt) > 30, (slug, alt)
            assert page.get_by_role("img", name=alt).count() >= 1
            assert figure.locator("figcaption").inner_text().strip()
            img.scroll_into_view_if_needed()
            wait_for(page, "img => img.complete && img.naturalWidth > 0", arg=img.element_handle())
            box = img.bounding_box()
            assert 280 <= box["width"] <= 400, (slug, box)  # a phone's column; no larger on a desktop
        if slug in CARDS:  # numbers in {#identify}, the order at the top of {#steps}
            assert page.locator("#identify + figure.picture img[src$='numbers.svg']").count() == 1, slug
            assert page.locator("#steps ~ figure.picture img[src$='order.svg']").count() == 1, slug
    # Fetched, not opened: a browser tab showing the SVG itself asks the host root for /favicon.ico,
    # outside the site's sub-path (a 404 that depends on Chromium's timing, not on the site).
    svg = visit.context.request.get(site.url(("en/" if lang == "en" else "") + "assets/pictures/keep.svg"))
    assert svg.ok and svg.headers["content-type"].startswith("image/svg+xml")
    assert re.search(r"<title>[^<]+</title>", svg.text())
    assert visit.console_errors == [] and visit.failed == [] and visit.foreign_requests(site.base_url) == []
    visit.close()


@pytest.mark.parametrize("path", ["", "esim/", "en/", "en/esim/", "glossary/"])
def test_no_picture_on_the_first_screen_waits_to_be_lazy_loaded(browser, site: BuiltSite, viewport: str,
                                                                path: str) -> None:
    # A lazy image on the first screen is fetched late and delays the largest paint (Lighthouse's
    # lcp-lazy-loaded: the numbers picture sat on the first screen of the zh card and home pages).
    visit = open_page(browser, site.url(path), viewport)
    first_screen_lazy = visit.page.evaluate(
        "() => [...document.querySelectorAll('article img[loading=lazy]')]"
        ".filter(img => img.getBoundingClientRect().top < innerHeight).map(img => img.getAttribute('src'))")
    assert first_screen_lazy == []
    visit.close()
