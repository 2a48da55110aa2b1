"""A task page on paper (the print styles in site.css): a checklist with the page's address and review
date on top, empty boxes, one sheet per task section, the sources' addresses at the end, and none of
the screen's furniture."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import BuiltSite
from tools.browser import open_page

HIDDEN_ON_PAPER = {"header": ".md-header", "navigation": ".md-sidebar--primary", "search": ".md-search",
                   "table of contents": ".md-sidebar--secondary", "situation chooser": ".admonition.situations",
                   "report link": ".page-report", "footer navigation": ".md-footer",
                   "checklist controls": ".checklist-bar"}
BOXED_ITEMS = ["#prerequisites ~ ul:not(#steps ~ *) > li", "#steps ~ ol:not(#after-care ~ *) > li"]
STYLE_OF = "([el, pseudo]) => { const s = getComputedStyle(el, pseudo); return [s.content, s.borderTopStyle, s.display]; }"


def visible(page: Any, selector: str) -> bool:
    return page.evaluate("""sel => [...document.querySelectorAll(sel)].some(el => {
        const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; })""", selector)


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


@pytest.mark.parametrize(("path", "reviewed"), [("esim/", "最近核对"), ("en/esim/", "Last reviewed"),
                                                ("en/lost-card/", "Last reviewed")])
def test_task_page_prints_as_a_checklist(browser, site: BuiltSite, viewport: str, path: str, reviewed: str,
                                         artifacts: Path) -> None:
    visit = open_page(browser, site.url(path), viewport, color_scheme="dark")
    page = visit.page
    page.locator(".checklist-box").first.check()  # a tick on screen: paper still gets an empty box
    page.emulate_media(media="print")

    head = page.locator(".print-head")
    assert head.is_visible()
    assert site.url(path) in head.inner_text()  # the full address, as a reader would type it
    assert re.search(reviewed + r".*\d{4}-\d{2}-\d{2}", head.inner_text())
    assert head.bounding_box()["y"] < page.locator("h1").bounding_box()["y"]
    for what, selector in HIDDEN_ON_PAPER.items():
        assert not visible(page, selector), f"{what} ({selector}) is printed"

    for selector in BOXED_ITEMS:
        items = page.locator(selector)
        assert items.count() >= 3, selector
        for i in range(items.count()):
            content, border, _ = page.evaluate(STYLE_OF, [items.nth(i).element_handle(), "::before"])
            assert content == '""' and border == "solid", f"{selector} #{i}: no empty box"
    assert page.locator(".checklist-box:visible").count() == 0

    sources = page.locator(".page-facts__sources a[href^='https:']")
    assert sources.count() >= 3
    for i in range(sources.count()):
        content, _, _ = page.evaluate(STYLE_OF, [sources.nth(i).element_handle(), "::after"])
        assert sources.nth(i).get_attribute("href") in content
    for section in ("prerequisites", "steps", "faq"):
        assert page.evaluate("id => getComputedStyle(document.getElementById(id)).breakBefore", section) == "page"
    link_colour = page.evaluate("getComputedStyle(document.querySelector('article li > a[href]')).color")
    assert link_colour == "rgb(11, 83, 148)", "the dark scheme's light-blue links would print pale"

    pdf = page.pdf(format="A4")
    (artifacts / f"print-{path.strip('/').replace('/', '-')}-{viewport}.pdf").write_bytes(pdf)
    assert pdf_pages(pdf) >= 4  # the task sections start on their own sheets
    assert visit.console_errors == []
    visit.close()


def test_other_pages_print_without_boxes_or_head(browser, site: BuiltSite) -> None:
    """check-numbers has {#steps} too, but it is not a task page: no checklist on its paper."""
    visit = open_page(browser, site.url("en/check-numbers/"), "desktop")
    page = visit.page
    page.emulate_media(media="print")
    assert page.locator(".print-head").count() == 0
    item = page.locator("#steps ~ ol > li").first
    content, _, _ = page.evaluate(STYLE_OF, [item.element_handle(), "::before"])
    assert content in ("none", "normal")
    visit.close()
