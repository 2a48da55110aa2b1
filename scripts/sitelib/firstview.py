"""What a reader's first view needs, done at build time so the browser need not wait for Material's bundle.

Material's bundle (loaded on demand by overrides/assets/loader.js) wraps every `table:not([class])`
of the page content in two scroll containers; doing it here gives the same layout before the bundle
runs (the loader removes the bundle's second copy).
"""
from __future__ import annotations

import re

_TABLE = re.compile(r"<table(?![^>]*\bclass=)[^>]*>.*?</table>", re.S | re.I)
_WRAPPED = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">{}</div></div>'


def wrap_tables(content_html: str) -> str:
    """Each class-less table in Material's scroll wrapper, as the bundle's renderTable would."""
    return _TABLE.sub(lambda m: _WRAPPED.format(m.group()), content_html)
