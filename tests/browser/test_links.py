"""Short links and redirects in headless Chromium, under a GitHub-Pages-like sub-path."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Iterator

import pytest

from sitelib import links
from tests.helpers import LANGUAGES, BuiltSite
from tools.browser import open_page, wait_for
from tools.site_server import SUBPATH, free_port, serve


def landed(visit, site: BuiltSite, path: str, anchor: str) -> None:
    """The browser ended on site path#anchor, with that section scrolled into view, and nothing failed."""
    page = visit.page
    page.wait_for_url(site.url(path) + f"#{anchor}")
    heading = page.locator(f"#{anchor}")
    heading.wait_for()
    wait_for(page, "id => { const r = document.getElementById(id).getBoundingClientRect();"
                           " return r.top >= 0 && r.top < innerHeight / 2; }", arg=anchor)
    assert visit.foreign_requests(site.base_url) == []
    assert visit.failed == [] and visit.console_errors == []


@pytest.mark.parametrize(("locale", "lang_path"), [("zh-CN", ""), ("zh-TW", ""), ("en-US", "en/")])
@pytest.mark.parametrize("slug", ["esim", "sim"])
def test_short_link_opens_page_in_reader_language_and_keeps_anchor(browser, site: BuiltSite, locale: str,
                                                                   lang_path: str, slug: str) -> None:
    visit = open_page(browser, site.url(f"go/{slug}/#faq"), "phone", locale=locale)
    assert visit.page.evaluate("navigator.languages")[0] == locale
    landed(visit, site, f"{lang_path}{slug}/", "faq")
    assert visit.page.locator("html").get_attribute("lang") == (lang_path.strip("/") or "zh")
    visit.close()


@pytest.mark.parametrize(("locale", "expected"), [("zh-HK", ""), ("fr-FR", "en/")])
def test_short_link_to_home_follows_the_reader_language(browser, site: BuiltSite, locale: str,
                                                        expected: str) -> None:
    visit = open_page(browser, site.url("go/index/"), "desktop", locale=locale)
    visit.page.wait_for_url(site.url(expected))
    assert visit.failed == [] and visit.console_errors == []
    visit.close()


def test_short_link_without_javascript_lists_both_languages(browser, site: BuiltSite, artifacts: Path) -> None:
    context = browser.new_context(java_script_enabled=False, locale="en-US", viewport={"width": 390, "height": 844})
    page = context.new_page()
    response = page.goto(site.url("go/esim/#steps"))
    assert response is not None and response.status == 200
    assert page.url == site.url("go/esim/#steps")  # nothing moved without scripts
    hrefs = page.eval_on_selector_all(".short-link-targets a", "els => els.map(e => e.href)")
    assert hrefs == [site.url("esim/"), site.url("en/esim/")]
    text = page.locator("main").inner_text()
    assert "中文" in text and "English" in text
    assert page.locator("meta[name=robots]").get_attribute("content") == "noindex"
    assert page.locator("link[rel=canonical]").get_attribute("href") == site.url("esim/")
    page.screenshot(path=str(artifacts / "short-link-no-js-phone.png"))
    page.get_by_role("link", name="English: How to cancel an eSIM").click()
    page.wait_for_url(site.url("en/esim/"))
    context.close()


def test_short_link_index_lists_every_page(browser, site: BuiltSite) -> None:
    visit = open_page(browser, site.url("go/"), "desktop")
    hrefs = set(visit.page.eval_on_selector_all("main a", "els => els.map(e => e.href)"))
    assert {site.url(""), site.url("en/"), site.url("esim/"), site.url("en/esim/")} <= hrefs
    assert visit.page.locator("meta[name=robots]").get_attribute("content") == "noindex"
    visit.close()


@pytest.fixture(scope="module")
def moved_site(site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    """A copy of the site in which en/esim/ moved to en/esim-card/ (with one renamed anchor) and the
    zh esim page renamed its #faq heading to #questions, with the pages the hook makes for that."""
    copy = tmp_path_factory.mktemp("moved") / "site"
    shutil.copytree(site.dir, copy)
    (copy / "en" / "esim").rename(copy / "en" / "esim-card")
    zh_page = copy / "esim" / "index.html"
    zh_page.write_text(links.add_anchor_script(zh_page.read_text(encoding="utf-8").replace(
        'id="faq"', 'id="questions"'), {"faq": "questions"}), encoding="utf-8")
    port = free_port()
    moved = BuiltSite(copy, f"http://127.0.0.1:{port}{SUBPATH}")
    redirect = links.Redirect("en/esim/", "en/esim-card/", {"delete-profile-only": "steps-delete-profile"})
    links.write_redirects({redirect.old: redirect}, copy, moved.base_url, LANGUAGES)
    server = serve(copy, SUBPATH, port)
    yield moved
    server.shutdown()


@pytest.mark.parametrize(("anchor", "expected"), [("steps", "steps"),
                                                  ("delete-profile-only", "steps-delete-profile")])
def test_old_url_redirects_to_new_page_keeping_the_anchor(browser, moved_site: BuiltSite, anchor: str,
                                                          expected: str) -> None:
    visit = open_page(browser, moved_site.url(f"en/esim/#{anchor}"), "phone", locale="en-US")
    landed(visit, moved_site, "en/esim-card/", expected)
    visit.close()


def test_old_url_redirects_without_javascript(browser, moved_site: BuiltSite) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(moved_site.url("en/esim/"))
    page.wait_for_url(moved_site.url("en/esim-card/"))  # meta refresh
    assert page.locator("h1").first.inner_text().startswith("How to cancel an eSIM")
    context.close()


def test_renamed_anchor_on_the_same_page_still_lands(browser, moved_site: BuiltSite) -> None:
    visit = open_page(browser, moved_site.url("esim/#faq"), "phone")
    landed(visit, moved_site, "esim/", "questions")
    visit.close()


def test_short_link_through_a_moved_page_still_lands(browser, moved_site: BuiltSite) -> None:
    """A forum link to go/esim/ written before en/esim/ moved: go/ -> old path -> new path."""
    visit = open_page(browser, moved_site.url("go/esim/#steps"), "phone", locale="en-GB")
    landed(visit, moved_site, "en/esim-card/", "steps")
    visit.close()


@pytest.mark.parametrize("anchor", ["constructor", "__proto__", "toString"])
def test_redirect_ignores_anchor_names_of_object_properties(browser, moved_site: BuiltSite, anchor: str) -> None:
    """#constructor is not a renamed anchor: the reader lands on the new page with the hash kept."""
    visit = open_page(browser, moved_site.url(f"en/esim/#{anchor}"), "phone", locale="en-US")
    visit.page.wait_for_url(moved_site.url("en/esim-card/") + "**")
    visit.page.wait_for_load_state("networkidle")
    assert visit.page.url == moved_site.url("en/esim-card/") + f"#{anchor}"
    assert visit.console_errors == []
    visit.close()


@pytest.mark.parametrize("anchor", ["constructor", "__proto__"])
def test_renamed_anchor_script_ignores_object_properties(browser, moved_site: BuiltSite, anchor: str) -> None:
    visit = open_page(browser, moved_site.url(f"esim/#{anchor}"), "phone")
    visit.page.wait_for_load_state("networkidle")
    assert visit.page.url == moved_site.url("esim/") + f"#{anchor}"
    assert visit.console_errors == []
    visit.close()
