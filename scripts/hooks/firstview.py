"""MkDocs hook: the first view's work done at build time (sitelib/firstview.py)."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # scripts/; MkDocs restores sys.path after loading

from sitelib.firstview import wrap_tables


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Any) -> str:
    return wrap_tables(html)
