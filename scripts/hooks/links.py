"""MkDocs hook: redirect pages for moved URLs and renamed anchors, and /go/ short links.

The pages are made by sitelib/links.py (read its docstring for redirects.yml); this hook only
collects each built page's URL and title and writes the pages once every language is built.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml
from mkdocs import plugins
from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # scripts/; MkDocs restores sys.path after loading

from sitelib.links import (
    LANGS,
    REDIRECTS_FILE,
    PageInfo,
    Redirect,
    add_anchor_script,
    load_redirects,
    norm_path,
    record_page,
    short_link_order,
    write_redirects,
    write_short_links,
)

_pages: dict[str, PageInfo] = {}
_loaded_redirects: dict[str, Redirect] = {}  # redirects.yml as read by on_config, for every page


def _redirects(config: Any) -> dict[str, Redirect]:
    try:
        return load_redirects(Path(config.config_file_path).parent / REDIRECTS_FILE)
    except (ValueError, yaml.YAMLError) as error:
        raise PluginError(f"links: {error}") from error


def _i18n_busy(config: Any) -> bool:
    """True inside the i18n plugin's nested per-language builds (and before they are over)."""
    i18n = config.plugins.get("i18n")
    return bool(i18n is not None and getattr(i18n, "building", False))


def on_config(config: Any) -> None:
    if not _i18n_busy(config):
        _pages.clear()
    # Read once per build (a malformed file stops the build here, with its message), not once per page.
    _loaded_redirects.clear()
    _loaded_redirects.update(_redirects(config))


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    if page.url.endswith(".html"):
        return context
    lang = getattr(page.file, "locale", None) or LANGS[0]
    record_page(_pages, norm_path(page.url), lang, str((page.meta or {}).get("title") or page.title or ""))
    return context


def on_post_page(output: str, page: Any, config: Any) -> str:
    entry = _loaded_redirects.get(norm_path(page.url))
    if entry is not None and entry.anchors and entry.to is None:
        output = add_anchor_script(output, entry.anchors)
    return output


@plugins.event_priority(-200)  # after the i18n plugin has built every language
def on_post_build(config: Any) -> None:
    if _i18n_busy(config):
        return
    site_dir = Path(config.site_dir)
    site_url = config.site_url or "/"
    try:
        write_redirects(_loaded_redirects, site_dir, site_url)
    except ValueError as error:  # a path that would leave the site folder: refused, in one line
        raise PluginError(f"links: {error}") from error
    write_short_links(short_link_order(_pages), site_dir, site_url)
