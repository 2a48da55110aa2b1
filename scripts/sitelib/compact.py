"""Smaller output without changing what is rendered: every first view downloads the page's HTML,
assets/site.css and assets/site.js, gzipped.

- HTML: Material's templates indent deeply and leave many blank lines. A run of whitespace that holds
  a line break becomes one line break (a browser renders both the same way: the site has no
  `white-space: pre-line`); the content of <pre>, <code>, <kbd>, <textarea>, <script> and <style> and
  everything inside tags (attribute values) is left as it is. No-break and ideographic spaces are not
  whitespace here.
- site.css: comments go, whitespace runs become one space, none around `{`, `}`, `;` and `,` nor
  after `:` (strings are left as they are).
- site.js, checklist.js (task pages only) and the search scripts (assets/search/: the worker loader on
  every page, the engine when search opens): minified with rjsmin (comments and indentation are a
  third of their gzip size).

The sources in overrides/assets/ keep their comments; only the built copies are compacted.
"""
from __future__ import annotations

import re
from pathlib import Path

from rjsmin import jsmin

CSS_FILES = ("assets/site.css",)
JS_FILES = ("assets/site.js", "assets/checklist.js", "assets/loader.js", "assets/search/*.js")

_KEPT = re.compile(r"(<(pre|code|kbd|textarea|script|style)\b[^>]*>.*?</\2\s*>)", re.S | re.I)
_TAG_OR_BREAK = re.compile(r"<[^>]*>|[ \t\r\f]*\n[ \t\r\n\f]*")


def _text_breaks(segment: str) -> str:
    return _TAG_OR_BREAK.sub(lambda m: m.group() if m.group().startswith("<") else "\n", segment)


def compact_html(html: str) -> str:
    parts = _KEPT.split(html)
    # split() with two groups yields: text, kept element, its tag name, text, ...
    out = []
    for i in range(0, len(parts), 3):
        out.append(_text_breaks(parts[i]))
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out)


_CSS_TOKEN = re.compile(r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'|/\*.*?\*/|[ \t\r\n\f]+|[{};,]|[^"\'/{};, \t\r\n\f]+|/',
                        re.S)


def compact_css(css: str) -> str:
    tokens = []
    for token in _CSS_TOKEN.findall(css):
        if token.startswith("/*"):
            continue
        if token.isspace():
            if tokens and tokens[-1] not in "{};, " and not tokens[-1].endswith(":"):
                tokens.append(" ")
            continue
        if token in "{};," and tokens and tokens[-1] == " ":
            tokens.pop()
        if token == "}" and tokens and tokens[-1] == ";":
            tokens.pop()
        tokens.append(token)
    return "".join(tokens).strip() + "\n"


def compact_js(js: str) -> str:
    return jsmin(js).strip() + "\n"


def compact_assets(site_dir: Path) -> None:
    """Compact the built CSS and JS files in place (idempotent: a file already compacted is left alone)."""
    for pattern, compact in [(p, compact_css) for p in CSS_FILES] + [(p, compact_js) for p in JS_FILES]:
        for file in site_dir.glob(pattern):
            text = file.read_text(encoding="utf-8")
            compacted = compact(text)
            if compacted != text:
                file.write_text(compacted, encoding="utf-8")
