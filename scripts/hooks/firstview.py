"""MkDocs hook: the first view's work done at build time (sitelib/firstview.py, sitelib/unusedcss.py)."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # scripts/; MkDocs restores sys.path after loading

from sitelib.firstview import purge_stylesheets, wrap_tables
from sitelib.unusedcss import UsedWords

# The i18n plugin builds each language into the same site_dir in turn: the words of every page built
# so far count, so the last build's stylesheet serves all of them.
_used: dict[str, UsedWords] = {}


def _words(config: MkDocsConfig) -> UsedWords:
    return _used.setdefault(config.site_dir, UsedWords())


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Any) -> str:
    return wrap_tables(html)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    _words(config).add_page(output)
    return output


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name.endswith(".html"):
        _words(config).add_page(output_content)
    return output_content


def on_post_build(config: MkDocsConfig) -> None:
    purge_stylesheets(Path(config.site_dir), [Path(d) for d in config.theme.dirs], _words(config))
