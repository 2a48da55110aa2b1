"""The checklist on task pages (overrides/assets/checklist.js): tick, remember, reset, and nothing
broken when storage is unavailable or JavaScript does not run."""
from __future__ import annotations

import re
from typing import Any

import pytest

from checkpages.engine import load_site
from checkpages.sections import step_count
from tests.helpers import ROOT, BuiltSite, axe_violations
from tools.browser import Visit, open_page

# A card page and a situation page, in both languages: (path, "done" pattern, reset label).
PAGES = [("esim/", r"已完成 (\d+)/(\d+)", "清除勾选"), ("en/esim/", r"(\d+) of (\d+) done", "Clear ticks"),
         ("lost-card/", r"已完成 (\d+)/(\d+)", "清除勾选"), ("en/lost-card/", r"(\d+) of (\d+) done", "Clear ticks")]
BOX = ".checklist-box"
BROKEN_STORAGE = """
Object.defineProperty(window, "localStorage", {
  configurable: true,
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); }
});
"""


def progress(page: Any, section: str) -> str:
    return page.locator(f"#{section} + .checklist-bar [role=status]").inner_text()


def done_count(page: Any, section: str, pattern: str) -> tuple[int, int]:
    match = re.fullmatch(pattern, progress(page, section))
    assert match, progress(page, section)
    return int(match.group(1)), int(match.group(2))


def without_citations(text: str) -> str:
    return re.sub(r"\[\d+\]", "", text)


def focused_is(page: Any, class_name: str) -> bool:
    return page.evaluate("name => document.activeElement.classList.contains(name)", class_name)


def assert_clean(visit: Visit, site: BuiltSite) -> None:
    assert visit.console_errors == []
    assert visit.failed == []
    assert visit.foreign_requests(site.base_url) == []


@pytest.mark.parametrize(("path", "pattern", "reset"), PAGES)
def test_tick_reload_still_ticked_then_reset(browser, site: BuiltSite, viewport: str, path: str,
                                             pattern: str, reset: str) -> None:
    visit = open_page(browser, site.url(path), viewport)
    page = visit.page
    assert done_count(page, "prerequisites", pattern)[0] == 0
    steps_done, steps_total = done_count(page, "steps", pattern)
    assert steps_done == 0 and steps_total >= 3
    boxes = page.locator(BOX)
    first_step = page.locator(f"#steps ~ ol {BOX}").first
    boxes.first.check()
    first_step.check()
    assert done_count(page, "prerequisites", pattern)[0] == 1
    assert done_count(page, "steps", pattern) == (1, steps_total)

    page.reload(wait_until="networkidle")
    assert boxes.first.is_checked() and first_step.is_checked()
    assert page.locator(f"{BOX}:checked").count() == 2
    assert done_count(page, "steps", pattern) == (1, steps_total)

    page.locator("#steps + .checklist-bar button").click()
    assert not first_step.is_checked() and boxes.first.is_checked()  # reset clears its own section
    assert done_count(page, "steps", pattern) == (0, steps_total)
    page.reload(wait_until="networkidle")
    assert page.locator(f"{BOX}:checked").count() == 1
    assert page.get_by_role("button", name=re.compile(reset)).count() == 2
    assert_clean(visit, site)
    visit.close()


def test_every_step_and_prerequisite_has_a_labelled_box(browser, site: BuiltSite) -> None:
    """Every task page, both languages: one box per numbered step (as the checker counts them in the
    Markdown), named by the item's own text; none outside {#prerequisites} and {#steps}."""
    docs = load_site(ROOT / "docs")
    visit = open_page(browser, site.url(""), "desktop")
    page = visit.page
    checked = 0
    for md in docs.pages:
        if not md.is_task:
            continue
        page.goto(site.url(("en/" if md.language == "en" else "") + md.slug + "/"), wait_until="load")
        steps = page.evaluate("""() => [...document.querySelectorAll('.checklist-box')].filter(box => {
            let el = box.closest('li').parentElement;
            while (el.previousElementSibling && el.tagName !== 'H2') el = el.previousElementSibling;
            return el.id === 'steps' && box.closest('li').parentElement.tagName === 'OL';
        }).length""")
        assert steps == step_count(md), f"{md.path.name}: {steps} step boxes, {step_count(md)} steps"
        total = page.locator(BOX).count()
        assert page.locator(f"#after-care ~ * {BOX}").count() == 0, md.path.name
        assert page.locator(f"#prerequisites ~ * {BOX}").count() == total > steps, md.path.name
        first = page.locator(BOX).first
        item_text = without_citations(first.locator("xpath=ancestor::li[1]").inner_text())
        name = page.evaluate("box => box.getAttribute('aria-labelledby')", first.element_handle())
        assert name and page.locator(f"[id='{name}']").count() == 1
        label = page.get_by_role("checkbox", name=item_text.split("\n")[0][:30]).first
        assert label.count() == 1, f"{md.path.name}: the first box is not named by its item"
        checked += 1
    assert checked >= 26  # 6 card pages + 7 situation pages, two languages
    assert visit.console_errors == []
    visit.close()


@pytest.mark.parametrize("path", ["sim/", "en/philippines/"])
def test_ticks_survive_a_rebuild_that_keeps_the_text(browser, site: BuiltSite, path: str) -> None:
    """A new first step and renumbered citations (a later rebuild) leave a ticked step ticked."""
    visit = open_page(browser, site.url(path), "phone")
    page = visit.page
    second = page.locator(f"#steps ~ ol {BOX}").nth(1)
    second.check()
    ticked_text = without_citations(second.locator("xpath=ancestor::li[1]").inner_text())

    def rebuilt(route: Any) -> None:
        html = route.fetch().text()
        html = re.sub(r'(<h2 id="steps".*?<ol>)', r"\1<li>A step added by a later edit.</li>", html,
                      count=1, flags=re.S)
        html = re.sub(r'(<sup class="cite"><a [^>]*>)\[(\d+)\]', lambda m: f"{m.group(1)}[{int(m.group(2)) + 1}]", html)
        route.fulfill(body=html, content_type="text/html; charset=utf-8")

    page.route(site.url(path), rebuilt)
    page.reload(wait_until="networkidle")
    assert page.get_by_text("A step added by a later edit.").count() == 1
    ticked = page.locator(f"{BOX}:checked")
    assert ticked.count() == 1
    assert without_citations(ticked.locator("xpath=ancestor::li[1]").inner_text()) == ticked_text
    visit.close()


@pytest.mark.parametrize("path", ["esim/", "en/lost-card/"])
def test_storage_that_throws_leaves_the_page_as_built(browser, site: BuiltSite, viewport: str, path: str) -> None:
    working = open_page(browser, site.url(path), viewport)
    # the checklist is there when storage works
    assert working.page.locator(BOX).count() > 0, (working.failed, working.console_errors)
    steps_text = working.page.locator("#steps ~ ol").first.inner_text()
    working.close()

    visit = open_page(browser, site.url(path), viewport, init_script=BROKEN_STORAGE)
    page = visit.page
    assert page.evaluate("() => { try { localStorage; return false } catch (e) { return true } }")
    assert page.locator(BOX).count() == 0 and page.locator(".checklist-bar").count() == 0
    assert page.locator("#steps ~ ol").first.inner_text() == steps_text  # the steps read as before
    assert page.locator("#steps ~ ol").first.is_visible()
    assert_clean(visit, site)
    visit.close()


@pytest.mark.parametrize(("path", "pattern"), [("esim/", PAGES[0][1]), ("en/esim/", PAGES[1][1])])
def test_keyboard_only(browser, site: BuiltSite, viewport: str, path: str, pattern: str) -> None:
    visit = open_page(browser, site.url(path), viewport)
    page = visit.page
    page.locator("#steps a.headerlink").focus()
    page.keyboard.press("Tab")
    assert focused_is(page, "checklist-reset")
    page.keyboard.press("Tab")
    for _ in range(5):  # past any link inside an item
        if focused_is(page, "checklist-box"):
            break
        page.keyboard.press("Tab")
    assert focused_is(page, "checklist-box")
    page.keyboard.press("Space")
    assert done_count(page, "steps", pattern)[0] == 1
    assert page.evaluate("document.activeElement.checked") is True
    page.keyboard.press("Shift+Tab")
    for _ in range(6):
        if focused_is(page, "checklist-reset"):
            break
        page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert done_count(page, "steps", pattern)[0] == 0
    assert page.locator(f"#steps ~ ol {BOX}:checked").count() == 0
    visit.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_checklist_passes_axe(browser, site: BuiltSite, viewport: str, scheme: str) -> None:
    for path in ("esim/", "en/lost-card/"):
        visit = open_page(browser, site.url(path), viewport, color_scheme=scheme, bypass_csp=True)  # axe is injected
        page = visit.page
        page.locator(BOX).nth(0).check()
        page.locator(f"#steps ~ ol {BOX}").nth(0).check()  # a ticked item is drawn lighter: still AA
        assert page.locator(".checklist-bar").count() == 2
        violations = axe_violations(page)
        assert not violations, "\n".join(violations)
        visit.close()


def test_non_task_pages_load_no_checklist(browser, site: BuiltSite) -> None:
    for path in ("", "en/check-numbers/", "suspend-or-cancel/", "en/glossary/"):
        html = (site.dir / path / "index.html").read_text(encoding="utf-8")
        assert "checklist.js" not in html and "print-head" not in html, path
    assert "checklist.js" in (site.dir / "esim" / "index.html").read_text(encoding="utf-8")
