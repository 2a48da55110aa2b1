"""CP018 raw-html: raw HTML in a page body is limited to an allow-list, read as the browser reads it.

Python-Markdown passes raw HTML through untouched and keeps character references in URLs, so
`<a href="jav&#x61;script:…">`, an `<a href>` split across lines, `<base>`, `<meta http-equiv>`,
`<form>`, `<style>` and `data:` links would all reach the reader. Tags and attributes outside
policy.HTML_ALLOWED are findings; every URL (raw HTML, Markdown links, autolinks, attribute lists)
is decoded (character references, the tabs and line breaks browsers drop) before its scheme is read.
What CP008 reports (<script>, <iframe>, <object>, <embed>, on…= attributes, a plain javascript:)
and CP007 reports (other schemes written plainly) is not reported twice.
"""
from __future__ import annotations

import html
import re
from typing import Iterator, Optional

from checkpages.model import Diagnostic, Page, Site
from checkpages.policy import HTML_ALLOWED, HTML_GLOBAL_ATTRIBUTES, LINK_SCHEMES
from checkpages.rules.safety import _Locator, rendered_lines

code = "CP018"
name = "raw-html"
description = ("Raw HTML only from the allow-list (tags and attributes), URLs checked after decoding "
               "character references: no <base>, <meta>, <form>, <style>, data: or encoded javascript: links.")

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>")
_TAG_START = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])")
_ATTRIBUTE = re.compile(r"""\s*([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
_TAG_END = re.compile(r"\s*/?>")
_DECLARATION = re.compile(r"<[!?](?!--)")
_ATTR_LIST = re.compile(r"\{:?([^{}\n]*)\}")
_ATTR_LIST_TOKEN = re.compile(r"""\s*(?:[#.][^\s{}#.]+|([A-Za-z_:][\w:.-]*)=("[^"]*"|'[^']*'|[^\s}]+))""")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_DROPPED = re.compile(r"[\t\n\r]")  # browsers remove these anywhere in a URL
_CP008_TAGS = {"script", "iframe", "object", "embed"}
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background"}


def check(page: Page, site: Site) -> Iterator[Diagnostic]:
    if not page.readable:
        return
    text = "\n".join(rendered_lines(page))
    locate = _Locator(page.lines)
    seen: set[tuple[int, int]] = set()  # URL positions already reported (a link can be found twice)
    if "<" in text:
        yield from _raw_html(page, text, locate, seen)
    if "{" in text:
        yield from _attribute_lists(page, text, locate, seen)
    for link in page.links:
        problem = markdown_url_problem(link.target)
        if problem and (link.line, link.col) not in seen:
            seen.add((link.line, link.col))
            yield page.finding(code, link.line, link.col, problem)


def _raw_html(page: Page, text: str, locate: _Locator, seen: set[tuple[int, int]]) -> Iterator[Diagnostic]:
    position = 0
    while True:
        start = text.find("<", position)
        if start < 0:
            return
        comment = _COMMENT.match(text, start)
        autolink = None if comment else _AUTOLINK.match(text, start)
        tag = None if comment or autolink else _TAG_START.match(text, start)
        if comment:
            position = comment.end()
        elif autolink:
            yield from _url(page, autolink.group(1), autolink.start(1), locate, seen, plain_ok=True)
            position = autolink.end()
        elif tag:
            end, findings = _tag(page, text, tag, locate, seen)
            yield from findings
            position = end
        else:
            if _DECLARATION.match(text, start):
                yield page.finding(code, *locate(start), "HTML declaration or processing instruction is not allowed")
            position = start + 1


def _tag(page: Page, text: str, tag: re.Match[str], locate: _Locator,
         seen: set[tuple[int, int]]) -> tuple[int, list[Diagnostic]]:
    """(offset past the tag, its findings) for the start tag matched by `tag`."""
    name = tag.group(1).lower()
    findings: list[Diagnostic] = []
    position = tag.end()
    attributes: list[tuple[str, Optional[str], int]] = []
    while True:
        attribute = _ATTRIBUTE.match(text, position)
        if not attribute or attribute.end() == position:
            break
        value = attribute.group(2)
        value_at = attribute.start(2) + (1 if value and value[0] in "\"'" else 0) if value else attribute.start(1)
        attributes.append((attribute.group(1).lower(), value.strip("\"'") if value else None, value_at))
        position = attribute.end()
    end = _TAG_END.match(text, position)
    position = end.end() if end else position
    if name in _CP008_TAGS:
        return position, findings
    if name not in HTML_ALLOWED:
        findings.append(page.finding(code, *locate(tag.start()),
                                     f"raw HTML <{name}> is not on the allow-list (policy.HTML_ALLOWED)"))
        return position, findings
    allowed = HTML_GLOBAL_ATTRIBUTES | HTML_ALLOWED[name]
    for attribute_name, value, value_at in attributes:
        if attribute_name.startswith("on"):
            continue  # CP008
        if attribute_name not in allowed:
            findings.append(page.finding(code, *locate(value_at),
                                         f"attribute '{attribute_name}' on <{name}> is not allowed"))
        elif attribute_name == "href" and value is not None:
            findings.extend(_url(page, value, value_at, locate, seen, plain_ok=False))
    return position, findings


def _attribute_lists(page: Page, text: str, locate: _Locator, seen: set[tuple[int, int]]) -> Iterator[Diagnostic]:
    """attr_list's `{: key=value}`: only the global attributes, and never a URL attribute."""
    for match in _ATTR_LIST.finditer(text):
        body = match.group(1)
        tokens = list(_ATTR_LIST_TOKEN.finditer(body))
        if not tokens or "".join(t.group(0) for t in tokens).strip() != body.strip():
            continue  # braces in prose, not an attribute list
        for token in tokens:
            key = token.group(1)
            if key and key.lower() not in HTML_GLOBAL_ATTRIBUTES and not key.lower().startswith("on"):
                yield page.finding(code, *locate(match.start(1) + token.start(1)),
                                   f"attribute '{key}' in an attribute list is not allowed")


def _url(page: Page, value: str, offset: int, locate: _Locator, seen: set[tuple[int, int]],
         plain_ok: bool) -> Iterator[Diagnostic]:
    """A URL in raw HTML: its decoded scheme must be allowed (plain javascript: is CP008's)."""
    problem = markdown_url_problem(value) if plain_ok else decoded_url_problem(value)
    where = locate(offset)
    if problem and where not in seen:
        seen.add(where)
        yield page.finding(code, *where, problem)


def decode_url(value: str) -> str:
    """The URL as a browser follows it: references decoded, tabs and line breaks dropped."""
    return _DROPPED.sub("", html.unescape(value)).strip()


def _scheme(url: str) -> Optional[str]:
    match = _SCHEME.match(url)
    return match.group(1).lower() if match else None


def decoded_url_problem(value: str) -> Optional[str]:
    """Why a raw-HTML URL is not allowed after decoding, or None (plain javascript: is left to CP008)."""
    decoded = decode_url(value)
    scheme = _scheme(decoded)
    if decoded.startswith("//"):
        return f"protocol-relative link '{_short(decoded)}'; write https://"
    if scheme is None or scheme in LINK_SCHEMES:
        return None
    if scheme in ("javascript", "vbscript") and _scheme(value.strip()) == scheme:
        return None  # written plainly: CP008 reports it
    return f"link scheme '{scheme}:' is not allowed (read as '{_short(decoded)}')"


def markdown_url_problem(value: str) -> Optional[str]:
    """Like decoded_url_problem, but only what CP007/CP008 cannot see: a scheme hidden by encoding,
    and data: links."""
    decoded = decode_url(value)
    scheme = _scheme(decoded)
    if decoded.startswith("//") and not value.strip().startswith("//"):
        return f"protocol-relative link '{_short(decoded)}'; write https://"
    if scheme is None or scheme in LINK_SCHEMES or scheme == "http":
        return None
    if scheme != "data" and _scheme(value.strip()) == scheme:
        return None  # written plainly: CP007 or CP008 reports it
    return f"link scheme '{scheme}:' is not allowed (read as '{_short(decoded)}')"


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."
