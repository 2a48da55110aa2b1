"""MkDocs hook: the first view's work done at build time (sitelib/firstview.py, sitelib/unusedcss.py)."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs import plugins
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # scripts/; MkDocs restores sys.path after loading

from sitelib.firstview import bundle_settings, purge_stylesheets, wrap_tables
from sitelib.i18n import in_nested_build
from sitelib.unusedcss import UsedWords


@dataclass
class FirstViewState:
    # site_dir -> the words of every page built into it: static-i18n builds each language into the
    # same site_dir, and the one stylesheet serves them all.
    used: dict[str, UsedWords] = field(default_factory=dict)

    def words(self, config: MkDocsConfig) -> UsedWords:
        return self.used.setdefault(config.site_dir, UsedWords())


state = FirstViewState()


def on_config(config: MkDocsConfig) -> None:
    if not in_nested_build(config):  # a new build (mkdocs serve rebuilds): start from no words
        state.used.pop(config.site_dir, None)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return wrap_tables(html)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    state.words(config).add_page(output)
    return output


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name.endswith(".html"):
        state.words(config).add_page(output_content)
    return output_content


@plugins.event_priority(-200)  # after the i18n plugin has built every language
def on_post_build(config: MkDocsConfig) -> None:
    if in_nested_build(config):
        return
    used = state.words(config)
    used.settings = bundle_settings(config.theme.get("features") or [], config.extra)
    purge_stylesheets(Path(config.site_dir), [Path(d) for d in config.theme.dirs], used)
