"""Accessibility in Chromium with axe-core (the engine behind Lighthouse's accessibility audits).

Every page of both languages is checked in the light and the dark palette, with the search dialog
open as well, because Material's stock set-up fails `aria-dialog-name` and `color-contrast` there.
"""
from __future__ import annotations

import pytest

from tests.helpers import BuiltSite, axe_violations, built_pages
from tools.browser import VIEWPORTS, open_page, wait_for


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_passes_axe(browser, site: BuiltSite, scheme: str) -> None:
    context = browser.new_context(viewport=VIEWPORTS["phone"], color_scheme=scheme, bypass_csp=True)
    page = context.new_page()
    problems = []
    for path in built_pages(site):
        page.goto(site.url(path), wait_until="load")
        problems += [f"{path} [{scheme}] {v}" for v in axe_violations(page)]
    context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["esim/", "en/esim/"])
def test_open_search_dialog_passes_axe(browser, site: BuiltSite, path: str, scheme: str) -> None:
    visit = open_page(browser, site.url(path), "desktop", color_scheme=scheme, bypass_csp=True)
    page = visit.page
    page.keyboard.press("/")
    page.locator("input.md-search__input").fill("eSIM")
    page.keyboard.press("End")
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    # The dialog and its results fade in: axe would measure the contrast of colours half-way there.
    wait_for(page, "document.getAnimations().every(a => a.playState !== 'running')", timeout=5_000)
    dialog = page.locator("[role=dialog].md-search")
    assert dialog.get_attribute("aria-label")
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)
    visit.close()
