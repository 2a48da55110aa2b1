"""MkDocs hook: `[@id]` citations become numbered superscript links to the page's source list.

The work is in scripts/sitelib/citations.py. Before rendering, each citation that names a source is
replaced by a placeholder (so Markdown never reads the HTML); after rendering the placeholders become
`<sup class="cite">` links, and `page.meta["source_list"]` gives overrides/partials/page-footer.html
the numbered sources with their back links. An unknown id stays plain text: the checker (CP012)
reports it, the build does not crash on it.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # scripts/; MkDocs restores sys.path after loading

from sitelib import citations
from sitelib.i18n import site_languages


@dataclass
class CitationsState:
    snippets: dict[str, list[str]] = field(default_factory=dict)  # source file -> its citations' HTML


state = CitationsState()


def _language(page: Page, config: MkDocsConfig) -> str:
    """The page's language: static-i18n sets the file's locale, else the theme's (not every theme has one)."""
    theme_language = config.theme["language"] if "language" in config.theme else None
    return str(getattr(page.file, "locale", None) or theme_language or site_languages(config).default)


def _key(page: Page) -> str:
    return page.file.abs_src_path or page.file.src_uri


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    sources = citations.number_sources((page.meta or {}).get("sources"))
    rendered = citations.cite(markdown, sources, _language(page, config))
    page.meta["source_list"] = rendered.sources
    state.snippets[_key(page)] = rendered.snippets
    return rendered.markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return citations.restore(html, state.snippets.pop(_key(page), []))
