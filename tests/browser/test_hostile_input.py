"""Crafted links and a browser that refuses storage: the tab never freezes or throws."""
from __future__ import annotations

import random
import string
from urllib.parse import quote

from tests.helpers import BuiltSite
from tools.browser import open_page, wait_for
from tools.searching import open_search, search


def nonsense_words(count: int, seed: int = 19) -> list[str]:
    """Words no page has: random letters, eight of them, with a 'qz' no English word starts with."""
    rng = random.Random(seed)
    return ["qz" + "".join(rng.choice(string.ascii_lowercase) for _ in range(8)) for _ in range(count)]


def missing_words_per_result(page) -> list[int]:
    """How many words each drawn result (a page or a section) shows struck through."""
    return page.locator(".md-search-result__terms").evaluate_all(
        "lists => lists.map(l => l.querySelectorAll('del').length)")


def test_a_query_of_800_unknown_words_reports_at_most_ten_missing(browser, site: BuiltSite) -> None:
    words = nonsense_words(800)
    visit = open_page(browser, site.url("en/?q=" + quote("esim " + " ".join(words))), "desktop", locale="en-US")
    page = visit.page
    page.locator(".md-search-result__item").first.wait_for(timeout=60_000)  # Material runs ?q= on load
    counts = missing_words_per_result(page)
    assert counts and max(counts) == 10, counts
    struck = page.locator(".md-search-result__terms del").first.inner_text()
    assert struck in words
    assert visit.console_errors == []
    visit.close()


def test_the_word_constructor_is_searched_not_dropped(browser, site: BuiltSite) -> None:
    """No page has 'constructor': it is reported missing (it used to be read as Object's own property)."""
    visit = open_page(browser, site.url("en/"), "desktop", locale="en-US")
    page = visit.page
    open_search(page)
    hrefs, _ = search(page, "esim constructor ")
    assert hrefs
    struck = page.locator(".md-search-result__terms del").all_inner_texts()
    assert "constructor" in struck, struck
    assert visit.console_errors == []
    visit.close()


NO_STORAGE = """
for (const name of ["localStorage", "sessionStorage"]) {
  Object.defineProperty(window, name, { configurable: true,
    get() { throw new DOMException("The user denied storage", "SecurityError"); } });
}
"""


STORAGE_STATE = "(() => { try { localStorage; return 'readable'; } catch (e) { return e.name; } })()"


def test_pages_work_without_storage(browser, site: BuiltSite) -> None:
    """Cookies blocked: reading localStorage throws; no page throws, the palette still toggles."""
    for path in ("", "en/esim/", "go/esim/"):
        visit = open_page(browser, "about:blank", "phone", locale="en-US", expect_status=None)
        visit.context.add_init_script(NO_STORAGE)
        visit.page.goto(site.url(path), wait_until="networkidle")
        assert visit.page.evaluate(STORAGE_STATE) == "SecurityError"
        before = visit.page.locator("body").get_attribute("data-md-color-scheme")
        visit.page.locator("label.md-header__button[for^=__palette]:visible").first.click()
        wait_for(visit.page, f"document.body.getAttribute('data-md-color-scheme') !== {before!r}")
        assert visit.console_errors == [], (path, visit.console_errors)
        visit.close()
