"""Every interaction works on the first try from a cold page, though Material's bundle is fetched
only when first needed (overrides/assets/loader.js): at phone width (bundle not loaded yet) and at
desktop width (loaded at once), with no console error."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

import pytest
from material import templates

from tests.helpers import BuiltSite
from tools.browser import Visit, open_page, wait_for

CARD = {"zh": "esim/", "en": "en/esim/"}
BUNDLE = "/assets/javascripts/bundle."
RESULTS = ".md-search-result__item a.md-search-result__link"


@pytest.fixture
def cold(browser, site: BuiltSite, viewport: str) -> Iterator[Visit]:
    visit = open_page(browser, site.url(CARD["zh"]), viewport)
    yield visit
    assert visit.console_errors == [] and visit.failed == []
    visit.close()


def bundle_requested(visit: Visit) -> bool:
    return any(BUNDLE in url for url in visit.requests)


def expect_results(visit: Visit, query: str) -> None:
    visit.page.keyboard.type(query)
    visit.page.locator(RESULTS).first.wait_for(timeout=15_000)
    assert any("esim/" in href for href in visit.page.locator(RESULTS).evaluate_all("els => els.map(e => e.href)"))


def test_a_reader_who_only_reads_never_fetches_the_bundle(browser, site: BuiltSite) -> None:
    visit = open_page(browser, site.url(CARD["zh"]), "phone")
    page = visit.page
    height = page.evaluate("document.documentElement.scrollHeight")
    for y in range(0, height, 600):
        page.mouse.wheel(0, 600)
        page.wait_for_timeout(30)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("scrollY + innerHeight") >= height - 2
    assert not bundle_requested(visit)
    assert visit.console_errors == []
    visit.close()


def test_wide_screens_load_the_bundle_at_once(cold: Visit, viewport: str) -> None:
    if viewport == "desktop":  # the bundle's globals appear once it has run
        wait_for(cold.page, "typeof component$ === 'object'", timeout=10_000)
    else:
        assert not bundle_requested(cold) and cold.page.evaluate("typeof component$") == "undefined"


def test_search_opens_and_answers_on_the_first_tap(cold: Visit, viewport: str) -> None:
    page = cold.page
    if viewport == "phone":
        page.locator(".md-header__button[for='__search']").tap()
    else:
        page.locator("input.md-search__input").click()
    assert page.evaluate("document.activeElement.matches('input.md-search__input')")
    expect_results(cold, "eSIM")


@pytest.mark.parametrize("key", ["/", "s"])
def test_search_keys_open_search_on_the_first_press(cold: Visit, key: str) -> None:
    page = cold.page
    page.keyboard.press(key)
    box = page.locator("input.md-search__input")
    # The input counts as visible to Playwright while search is closed (it sits off screen at phone
    # width), so wait for the toggle: loader.js focuses the box in the same change handler.
    wait_for(page, "document.getElementById('__search').checked", timeout=5_000)
    assert page.evaluate("document.activeElement.matches('input.md-search__input')")
    assert box.input_value() == ""  # the key opened search and was not typed
    expect_results(cold, "eSIM")
    page.keyboard.press("Escape")
    wait_for(page, "!document.getElementById('__search').checked")


def test_palette_toggle_switches_and_is_remembered(cold: Visit) -> None:
    page = cold.page
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    assert page.evaluate(scheme) == "default"
    toggle = page.locator("[data-md-component=palette] label:not([hidden])")
    assert toggle.count() == 1
    toggle.click()
    assert page.evaluate(scheme) == "slate"
    page.reload(wait_until="networkidle")
    assert page.evaluate(scheme) == "slate"
    page.locator("[data-md-component=palette] label:not([hidden])").click()
    assert page.evaluate(scheme) == "default"


def test_dark_readers_get_the_dark_scheme_without_a_tap(browser, site: BuiltSite, viewport: str,
                                                       artifacts: Path) -> None:
    visit = open_page(browser, site.url(CARD["en"]), viewport, color_scheme="dark")
    assert visit.page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    assert visit.page.locator("[data-md-component=palette] label:not([hidden])").count() == 1
    visit.page.screenshot(path=str(artifacts / f"first-view-en-esim-dark-{viewport}.png"))
    assert visit.console_errors == []
    visit.close()


def test_drawer_opens_and_its_links_work_on_the_first_tap(cold: Visit, viewport: str, site: BuiltSite) -> None:
    page = cold.page
    if viewport == "desktop":
        pytest.skip("the navigation is a sidebar, not a drawer, at desktop width")
    page.locator(".md-header__button[for='__drawer']").tap()
    link = page.locator(".md-sidebar--primary a.md-nav__link[href$='sim/']").first
    link.wait_for(state="visible")
    for _ in range(100):  # the drawer slides in (a CSS transition): wait, up to 5 s, until it is on screen
        if link.bounding_box()["x"] >= 0:
            break
        page.wait_for_timeout(50)
    assert link.bounding_box()["x"] >= 0
    link.tap()
    page.wait_for_url(site.url("sim/"))
    page.wait_for_load_state("networkidle")


def test_back_to_top_appears_when_scrolling_up_and_works(cold: Visit) -> None:
    page = cold.page
    hidden = "document.querySelector('[data-md-component=top]').hidden"  # Material fades it out
    page.mouse.wheel(0, 3000)
    wait_for(page, "scrollY > 2000")
    page.wait_for_timeout(500)
    assert page.evaluate(hidden)
    page.mouse.wheel(0, -300)
    wait_for(page, "!" + hidden, timeout=5_000)
    page.locator("[data-md-component=top]").click()
    wait_for(page, "scrollY === 0")


def test_header_shows_the_page_title_once_the_heading_has_scrolled_away(cold: Visit) -> None:
    page = cold.page
    title = page.locator("[data-md-component=header-title]")
    assert "md-header__title--active" not in (title.get_attribute("class") or "")
    page.mouse.wheel(0, 1500)
    wait_for(page, "document.querySelector('[data-md-component=header-title]')"
                           ".classList.contains('md-header__title--active')")


def test_section_link_copies_on_the_first_tap(cold: Visit, site: BuiltSite) -> None:
    cold.context.grant_permissions(["clipboard-read", "clipboard-write"])
    cold.page.locator("#steps a.headerlink").click()
    assert cold.page.evaluate("navigator.clipboard.readText()") == site.url(CARD["zh"]) + "#steps"


def test_language_menu_opens_on_the_first_tap(cold: Visit, viewport: str, site: BuiltSite) -> None:
    page = cold.page
    page.locator(".md-header .md-select button").first.click()
    link = page.locator(".md-select__link[hreflang='en']").first
    link.wait_for(state="visible")
    link.click()
    page.wait_for_url(site.url(CARD["en"]))
    page.wait_for_load_state("networkidle")


def test_tables_keep_material_s_scroll_wrapper_once(browser, site: BuiltSite, viewport: str) -> None:
    visit = open_page(browser, site.url("suspend-or-cancel/"), viewport)
    page = visit.page
    count = "document.querySelectorAll('.md-typeset__scrollwrap > .md-typeset__table > table').length"
    tables = page.evaluate("document.querySelectorAll('article table').length")
    assert tables and page.evaluate(count) == tables
    page.keyboard.press("/")  # loads the bundle, which wraps tables too
    wait_for(page, "typeof window.component$ !== 'undefined'")
    page.wait_for_timeout(200)
    assert page.evaluate(count) == tables
    assert page.evaluate("document.querySelectorAll('.md-typeset__scrollwrap .md-typeset__scrollwrap').length") == 0
    assert visit.console_errors == []
    visit.close()


def test_the_loader_names_the_built_bundle_and_the_stylesheet_is_purged(site: BuiltSite) -> None:
    html = (site.dir / "esim" / "index.html").read_text(encoding="utf-8")
    assert "bundle." not in html.replace('data-bundle="../assets/javascripts/bundle.', "")  # no <script src>
    bundle = re.search(r'data-bundle="\.\./(assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"', html)
    assert bundle and (site.dir / bundle.group(1)).is_file()
    built = next((site.dir / "assets" / "stylesheets").glob("main.*.min.css"))
    stock = Path(templates.__path__[0]) / "assets" / "stylesheets" / built.name
    assert len(built.read_bytes()) < 0.7 * len(stock.read_bytes())
