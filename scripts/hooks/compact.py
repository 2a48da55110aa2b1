"""MkDocs hook: smaller HTML, site.css and the site's scripts, with the same meaning (sitelib/compact.py)."""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # scripts/; MkDocs restores sys.path after loading

from sitelib.compact import compact_assets, compact_html


def on_post_build(config: MkDocsConfig) -> None:
    # After every build (the i18n plugin runs one per language into the same site_dir): compacting
    # is idempotent, so a file copied by an earlier build and left alone by a later one is fine.
    compact_assets(Path(config.site_dir))


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return compact_html(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return compact_html(output_content) if template_name.endswith(".html") else output_content
