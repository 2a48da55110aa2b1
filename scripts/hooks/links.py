"""MkDocs hook: redirect pages for moved URLs and renamed anchors, and /go/ short links.

The pages are made by sitelib/links.py (read its docstring for redirects.yml); this hook only
collects each built page's URL and title and writes the pages once every language is built.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from mkdocs import plugins
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # scripts/; MkDocs restores sys.path after loading

from sitelib import links
from sitelib.i18n import Languages, in_nested_build, site_languages


@dataclass
class LinksState:
    pages: dict[str, links.PageInfo] = field(default_factory=dict)  # every language's pages, by slug
    redirects: dict[str, links.Redirect] = field(default_factory=dict)  # redirects.yml as on_config read it
    languages: Languages | None = None  # the i18n plugin's, as on_config read them


state = LinksState()


def _languages() -> Languages:
    assert state.languages is not None, "on_config reads the languages first"
    return state.languages


def _redirects(config: MkDocsConfig) -> dict[str, links.Redirect]:
    try:
        return links.load_redirects(Path(config.config_file_path).parent / links.REDIRECTS_FILE)
    except (ValueError, yaml.YAMLError) as error:
        raise PluginError(f"links: {error}") from error


def on_config(config: MkDocsConfig) -> None:
    if not in_nested_build(config):
        state.pages.clear()
    # Read once per build (a malformed file stops the build here, with its message), not once per page.
    state.redirects = _redirects(config)
    state.languages = site_languages(config)


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    if page.url.endswith(".html"):
        return context
    lang = getattr(page.file, "locale", None) or _languages().default
    title = str((page.meta or {}).get("title") or page.title or "")
    links.record_page(state.pages, links.norm_path(page.url), lang, title, _languages())
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    entry = state.redirects.get(links.norm_path(page.url))
    if entry is not None and entry.anchors and entry.to is None:
        output = links.add_anchor_script(output, entry.anchors)
    return output


@plugins.event_priority(-200)  # after the i18n plugin has built every language
def on_post_build(config: MkDocsConfig) -> None:
    if in_nested_build(config):
        return
    site_dir = Path(config.site_dir)
    site_url = config.site_url or "/"
    links.write_redirects(state.redirects, site_dir, site_url, _languages())
    links.write_short_links(links.short_link_order(state.pages), site_dir, site_url, _languages())
