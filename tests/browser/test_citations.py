"""Citations in headless Chromium, under the sub-path: [N] jumps to source N at the foot, ↩ comes back."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import BuiltSite
from tools.browser import open_page, wait_for

IN_VIEW = ("el => { const r = el.getBoundingClientRect();"
           " return r.bottom > 0 && r.top < innerHeight && r.top >= 0; }")


# back_names: (one back link, the N-th of several), as the reader's screen reader names them.
@pytest.mark.parametrize(("path", "source_word", "back_names"),
                         [("iot-card/", "来源", ("返回正文", "返回第 {n} 处引用")),
                          ("en/lost-card/", "Source", ("Back to text", "Back to citation {n}"))])
def test_citation_jumps_to_its_source_and_the_back_link_returns(browser, site: BuiltSite, viewport: str,
                                                                artifacts: Path, path: str, source_word: str,
                                                                back_names: tuple[str, str]) -> None:
    visit = open_page(browser, site.url(path), viewport)
    page = visit.page
    citation = page.locator("article sup.cite a").nth(2)  # not the first: the page must scroll both ways
    number = citation.inner_text().strip("[]")
    label = citation.get_attribute("aria-label") or ""
    assert label.startswith(f"{source_word} {number}")
    assert page.get_by_role("link", name=label).count() >= 1  # the accessible name is the label
    citation_id = citation.get_attribute("id")
    source_id = (citation.get_attribute("href") or "").removeprefix("#")
    citation.click()

    page.wait_for_url(site.url(path) + f"#{source_id}")
    entry = page.locator(f"li#{source_id}")
    assert page.evaluate("() => document.querySelector(':target').id") == source_id
    wait_for(page, IN_VIEW, arg=entry.element_handle())
    ordinal = page.evaluate("id => [...document.querySelectorAll('.page-facts__sources > li')]"
                            ".findIndex(li => li.id === id) + 1", source_id)
    assert str(ordinal) == number  # [N] is the N-th entry of the list
    page.screenshot(path=str(artifacts / f"citation-source-{path.strip('/').replace('/', '-')}-{viewport}.png"))

    back = entry.locator(f"a.page-facts__back[href='#{citation_id}']")
    backs = entry.locator("a.page-facts__back")
    if backs.count() == 1:
        expected = back_names[0]
    else:
        place = backs.evaluate_all("(els, id) => els.findIndex(a => a.getAttribute('href') === id) + 1",
                                   f"#{citation_id}")
        expected = back_names[1].format(n=place)
        assert back.inner_text().strip() == f"↩{place}"  # the visible number is inside the name
    assert back.get_attribute("aria-label") == expected
    back.click()
    page.wait_for_url(site.url(path) + f"#{citation_id}")
    wait_for(page, IN_VIEW, arg=page.locator(f"#{citation_id}").element_handle())
    page.screenshot(path=str(artifacts / f"citation-back-{path.strip('/').replace('/', '-')}-{viewport}.png"))
    assert visit.foreign_requests(site.base_url) == []
    assert visit.failed == [] and visit.console_errors == []
    visit.close()


def test_print_shows_each_source_url_and_hides_the_back_links(browser, site: BuiltSite, artifacts: Path) -> None:
    visit = open_page(browser, site.url("iot-card/"), "desktop")
    page = visit.page
    page.emulate_media(media="print")
    link = page.locator(".page-facts__sources a[href^='https:']").first
    after = page.evaluate("el => getComputedStyle(el, '::after').content", link.element_handle())
    assert link.get_attribute("href") in after
    back = page.locator(".page-facts__back").first
    assert page.evaluate("el => getComputedStyle(el).display", back.element_handle()) == "none"
    page.locator(".page-facts").screenshot(path=str(artifacts / "citations-print.png"))
    visit.close()


def test_citations_work_without_javascript(browser, site: BuiltSite) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site.url("en/lost-card/"))
    citation = page.locator("article sup.cite a").first
    source_id = (citation.get_attribute("href") or "").removeprefix("#")
    citation.click()
    page.wait_for_url(site.url("en/lost-card/") + f"#{source_id}")
    assert page.evaluate("() => document.querySelector(':target').id") == source_id
    context.close()
