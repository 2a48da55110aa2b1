"""Headless Chromium as the tests and benchmarks run it, and a page opened in it that keeps what a
reader's browser did: requests, failures, console errors."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-gpu", "--no-first-run"]
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


@dataclass
class Visit:
    page: Any
    context: Any
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)       # HTTP status >= 400 or network failure
    console_errors: list[str] = field(default_factory=list)

    def foreign_requests(self, origin_url: str) -> list[str]:
        """Requests to any host other than the site's own (data: and blob: URLs are local)."""
        own = urlsplit(origin_url).netloc
        return [url for url in self.requests
                if urlsplit(url).scheme in ("http", "https", "ws", "wss") and urlsplit(url).netloc != own]

    def csp_violations(self) -> list[str]:
        """Content-Security-Policy violations the page reported (also logged as console errors)."""
        return self.page.evaluate("window.__cspViolations || []")

    def close(self) -> None:
        self.context.close()


# Every page a test opens reports policy violations as console errors, which the tests assert are none.
CSP_LISTENER = """
window.__cspViolations = [];
addEventListener("securitypolicyviolation", function (e) {
  var text = "CSP violation: " + e.violatedDirective + " " + (e.blockedURI || "inline") +
             " at " + e.sourceFile + ":" + e.lineNumber;
  window.__cspViolations.push(text);
  console.error(text);
});
"""


def open_page(browser: Any, url: str, viewport: str = "phone", locale: str = "zh-CN",
              color_scheme: str = "light", expect_status: int | None = 200, bypass_csp: bool = False,
              init_script: str | None = None) -> Visit:
    """bypass_csp: for a test that adds its own inline scripts (axe, the engine's internals).
    init_script runs in every document before the page's own scripts (e.g. to break localStorage)."""
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale=locale, color_scheme=color_scheme,
                                  is_mobile=viewport == "phone", has_touch=viewport == "phone",
                                  device_scale_factor=1, bypass_csp=bypass_csp)
    context.add_init_script(CSP_LISTENER)
    if init_script:
        context.add_init_script(init_script)
    page = context.new_page()
    visit = Visit(page, context)
    page.on("request", lambda request: visit.requests.append(request.url))
    # net::ERR_ABORTED: the page was left (a reload, a link) before the request ended, e.g. a lazy image
    # that a tap scrolled into view just before a reload; the site did not fail.
    page.on("requestfailed", lambda request: request.failure != "net::ERR_ABORTED"
            and visit.failed.append(f"{request.url} ({request.failure})"))
    page.on("response", lambda response: response.status >= 400 and response.url != url
            and visit.failed.append(f"{response.url} -> {response.status}"))
    page.on("console", lambda message: message.type == "error" and visit.console_errors.append(
        f"{message.text} [{message.location.get('url', '')}]"))
    page.on("pageerror", lambda error: visit.console_errors.append(str(error)))
    response = page.goto(url, wait_until="networkidle")
    if expect_status is not None:
        assert response is not None and response.status == expect_status, f"{url}: {response and response.status}"
    return visit


def wait_for(page: Any, expression: str, arg: Any = None, timeout: float = 30_000, interval: float = 50) -> Any:
    """Playwright's wait_for_function, without its in-page eval: Playwright polls a predicate by
    evaluating its text inside the page, which the site's Content-Security-Policy (no 'unsafe-eval')
    refuses whenever the first check is false. page.evaluate runs outside the page's policy."""
    waited = 0.0
    while True:
        value = page.evaluate(expression, arg)
        if value:
            return value
        if waited >= timeout:
            raise TimeoutError(f"waited {timeout:.0f} ms for {expression!r}")
        page.wait_for_timeout(interval)
        waited += interval
