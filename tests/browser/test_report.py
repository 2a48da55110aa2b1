"""'Report a problem' names the section the reader's address points at (assets/site.js)."""
from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.helpers import BuiltSite, render_footer
from tools.browser import open_page

STAY = "document.addEventListener('click', e => e.preventDefault())"  # read the link, don't leave the site


def clicked_href(page: Any, selector: str) -> str:
    page.evaluate(STAY)
    page.locator(selector).click()
    return page.locator(selector).get_attribute("href")


@pytest.mark.parametrize("path", ["esim/", "en/lost-card/"])
def test_github_link_carries_the_linked_section(browser, site: BuiltSite, viewport: str, path: str) -> None:
    visit = open_page(browser, site.url(path + "#steps"), viewport)
    query = parse_qs(urlsplit(clicked_href(visit.page, ".page-report__github")).query, keep_blank_values=True)
    assert query["section"] == ["#steps"] and query["page"] == [site.url(path)]
    assert query["template"] == ["page-problem.yml"]
    visit.page.evaluate("location.hash = ''")
    query = parse_qs(urlsplit(clicked_href(visit.page, ".page-report__github")).query, keep_blank_values=True)
    assert query["section"] == [""]
    assert visit.console_errors == [] and visit.foreign_requests(site.base_url) == []
    visit.close()


@pytest.mark.parametrize(("path", "lang", "label"), [("esim/", "zh", "章节："), ("en/esim/", "en", "Section: ")])
def test_mail_link_carries_the_linked_section(browser, site: BuiltSite, path: str, lang: str, label: str) -> None:
    """The site is built without REPORT_EMAIL: serve the page with the footer as it renders with one."""
    footer = re.search(r'<p class="page-report".*?</p>', render_footer(lang, "fix@example.org"), re.S).group()
    visit = open_page(browser, site.url(""), "phone")
    page = visit.page

    def with_mail(route: Any) -> None:
        html = re.sub(r'<p class="page-report".*?</p>', lambda _: footer, route.fetch().text(), count=1, flags=re.S)
        route.fulfill(body=html, content_type="text/html; charset=utf-8")

    page.route(site.url(path), with_mail)
    page.goto(site.url(path + "#faq"), wait_until="networkidle")
    query = parse_qs(urlsplit(clicked_href(page, ".page-report__mail")).query)
    assert query["subject"][0].endswith("/esim/#faq")
    assert label + "#faq\n" in query["body"][0]
    assert visit.console_errors == []
    visit.close()
