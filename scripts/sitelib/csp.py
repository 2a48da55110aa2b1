"""The Content-Security-Policy of every page: scripts only from the site and the templates' own.

An inline script is allowed by the sha256 of its text, taken from the template source (never from a
rendered page, which a hostile page could have changed). So a template's inline script must be the
same text on every page: values that vary go in data- attributes or a JSON <script> the script
reads, never Jinja inside the script. Anything injected into a page (a title that escaped its
attribute, raw HTML in a body) then has no hash and does not run, cannot move the base URL, load
plugins or post a form.
"""
from __future__ import annotations

import base64
import hashlib
import html
import re
from pathlib import Path
from typing import Iterable

_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script\s*>", re.S | re.I)
_STYLE = re.compile(r"<style(?:\s[^>]*)?>(?P<body>.*?)</style\s*>", re.S | re.I)
_NOT_RUN = re.compile(r"""\b(?:src\s*=|type\s*=\s*["']?(?!text/javascript|module)[\w/+-])""", re.I)
_JINJA = ("{{", "{%", "{#")
META_NAME = "Content-Security-Policy"
_META = re.compile(r'(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")')


class PolicyError(ValueError):
    """A template script the policy cannot allow (its text would differ from page to page)."""


def digest(text: str) -> str:
    """The CSP source expression for an inline script or style with exactly this text."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def inline_scripts(source: str) -> list[str]:
    """The text of every inline script that runs (not src=, not a JSON or other data block)."""
    return [m.group("body") for m in _SCRIPT.finditer(source) if not _NOT_RUN.search(m.group("attrs"))]


def inline_styles(source: str) -> list[str]:
    return [m.group("body") for m in _STYLE.finditer(source)]


def template_script_hashes(templates: Iterable[Path]) -> list[str]:
    """Hashes of the inline scripts of these template files; PolicyError when one holds Jinja."""
    hashes: list[str] = []
    for path in templates:
        for body in inline_scripts(path.read_text(encoding="utf-8")):
            if any(mark in body for mark in _JINJA):
                raise PolicyError(f"{path}: an inline script contains Jinja ({{{{, {{% or {{#}}); its text must be "
                                  "the same on every page: pass values in data- attributes")
            hashes.append(digest(body))
    return sorted(set(hashes))


def policy(script_hashes: Iterable[str] = (), style_hashes: Iterable[str] = ()) -> str:
    """The policy text. Styles: the site's and Material's files only (Material sets styles through
    the CSSOM, which a policy does not restrict); data: images (Material's icons) and data: fetches
    (the search stub in overrides/main.html)."""
    scripts = " ".join(["'self'", *sorted(set(script_hashes))])
    styles = " ".join(["'self'", *sorted(set(style_hashes))])
    return "; ".join([
        "default-src 'self'", f"script-src {scripts}", f"style-src {styles}", "img-src 'self' data:",
        "connect-src 'self' data:", "font-src 'self'", "worker-src 'self'", "object-src 'none'",
        "base-uri 'none'", "form-action 'none'",
    ])


def meta_tag(policy_text: str) -> str:
    return f'<meta http-equiv="{META_NAME}" content="{policy_text}">'


def allow_script(page_html: str, script: str) -> str:
    """Add the hash of a build-owned script (a constant, not read from the page) to a page's policy."""
    def add(match: re.Match[str]) -> str:
        text = html.unescape(match.group(2)).replace("script-src 'self'", f"script-src 'self' {digest(script)}", 1)
        return match.group(1) + html.escape(text) + match.group(3)
    return _META.sub(add, page_html, count=1)
