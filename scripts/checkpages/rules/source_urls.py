"""CP017 source-urls: every source URL, on every page, is a plain https URL.

The URL becomes an href at the foot of the page. CP004 (task pages) and CP012 (other pages) already
ask for https; this rule says what "plain" means: a host, and no spaces, quotes, angle brackets,
backslashes or control characters that could end the attribute or hide another scheme.
"""
from __future__ import annotations

import re
from typing import Iterator, Optional
from urllib.parse import urlsplit

from checkpages.model import Diagnostic, IssueKind, Page, Site
from checkpages.rules._citations import source_items

code = "CP017"
name = "source-urls"
description = ("Every source url (all pages) is a plain https URL: a host, no spaces, quotes, <, >, \\ or "
               "control characters.")

_UNSAFE_CHAR = re.compile(r"[\s\"'<>\\`\x00-\x1f\x7f]")
_HOST = re.compile(r"[A-Za-z0-9.-]+(?::\d{1,5})?")


def check(page: Page, site: Site) -> Iterator[Diagnostic]:
    if not page.readable or not isinstance(page.front_matter, dict):
        return
    if any(i.kind is IssueKind.FRONT_MATTER for i in page.read_issues):
        return
    for item in source_items(page):
        url = item.value.get("url") if isinstance(item.value, dict) else None
        if not isinstance(url, str) or not url.startswith("https://"):
            continue  # CP004 / CP012 report a missing or non-https URL
        problem = url_problem(url)
        if problem:
            shown = url if len(url) <= 80 else url[:77] + "..."
            yield page.finding(code, item.line, 1, f"source #{item.number} url {problem}: {shown!r}")


def url_problem(url: str) -> Optional[str]:
    """Why `url` is not a plain https URL, or None."""
    if not url.startswith("https://"):
        return "must be an https:// URL"
    bad = _UNSAFE_CHAR.search(url)
    if bad:
        return f"contains {_describe(bad.group(0))}; percent-encode it or remove it"
    netloc = urlsplit(url).netloc
    if not netloc or not _HOST.fullmatch(netloc):
        return "has no plain host name after https://"
    return None


def _describe(char: str) -> str:
    if char.isspace() or ord(char) < 0x20 or char == "\x7f":
        return f"a space or control character (U+{ord(char):04X})"
    return f"'{char}'"
