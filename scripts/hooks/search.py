"""Search index per language, read by the site's own search worker (overrides/assets/search/engine.js).

Each page is split into documents (sitelib/searchdocs.py): the page, then one per section. Each
language gets a sharded index of them under `search/<lang>/` (sitelib/searchindex.py), of which a
reader fetches only the pieces a query needs, and only once they open search. Material's own combined index
(`search/search_index.json`, both languages, fetched on every page view) is not written.
"""
from __future__ import annotations

import logging
import sys
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # scripts/; MkDocs restores sys.path after loading

from sitelib import buildpool, searchindex, searchvariants
from sitelib.i18n import in_nested_build, site_languages
from sitelib.searchdocs import page_documents

log = logging.getLogger("mkdocs.hooks.search")

# The stock index: written by Material's search plugin, replaced by the per-language files below.
STOCK_INDEX = Path("search") / "search_index.json"
ENGINE = Path("assets") / "search" / "engine.js"   # gets the index format written into it


@dataclass
class Writing:
    """An index being written by the build's worker process while pages are rendered."""
    lang: str
    pages: int
    future: Future


@dataclass
class SearchState:
    # Documents of each language built so far, in page order: {lang: {page url: [docs]}}.
    docs: dict[str, dict[str, list[dict[str, Any]]]] = field(default_factory=dict)
    unwritten: set[str] = field(default_factory=set)  # languages whose documents changed since written
    writing: list[Writing] = field(default_factory=list)


state = SearchState()


def _language(config: MkDocsConfig) -> str:
    return str(config.theme["language"] or site_languages(config).default)


def on_config(config: MkDocsConfig) -> None:
    buildpool.warm_up(searchvariants.load_tables)  # before the first page starts the workers
    # Material's search plugin stays in mkdocs.yml for its dialog (the header shows search only while
    # the plugin is on), but its index is never used: take it off the page and post-build events so
    # it does not parse every page into a combined index that on_post_build would only delete.
    stock = config.plugins.get("material/search") or config.plugins.get("search")
    if stock is None:
        return
    for event in ("page_context", "post_build"):
        handlers = config.plugins.events[event]
        handlers[:] = [handler for handler in handlers if getattr(handler, "__self__", None) is not stock]


def on_pre_build(config: MkDocsConfig) -> None:
    lang = _language(config)
    state.docs.pop(lang, None)
    # static-i18n starts the next language's build once the previous one's pages are all rendered:
    # write that index now, in the worker process, while this language's pages are being rendered.
    start_writes(config, skip=lang)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang = _language(config)
    state.docs.setdefault(lang, {})[page.url] = page_documents(html, page.url, page.meta)
    state.unwritten.add(lang)
    return html


def start_writes(config: MkDocsConfig, skip: str | None = None) -> None:
    """Queue every language whose documents changed since its index was written (but `skip`)."""
    for lang in sorted((state.unwritten & state.docs.keys()) - {skip}):
        state.unwritten.discard(lang)
        pages = list(state.docs[lang].values())
        out = Path(config.site_dir) / "search" / lang
        state.writing.append(Writing(lang, len(pages), buildpool.submit(searchindex.write, out, pages, lang)))


def wait_for_writes() -> None:
    """Block until every queued index is written; re-raise the first error."""
    try:
        for writing in state.writing:
            files, seconds = writing.future.result()
            log.info("search/%s: %d pages, %d files, %.2f s", writing.lang, writing.pages, files, seconds)
    finally:
        state.writing.clear()


@event_priority(-100)  # after Material's search plugin has written its index, so it can be removed
def on_post_build(config: MkDocsConfig) -> None:
    # static-i18n builds the other language inside the default language's post-build step, with the
    # shared config switched over; both post-build steps see both languages, each is written once,
    # and the outer step (the last of the build) waits for the worker.
    start_writes(config)
    write_engine_format(Path(config.site_dir) / ENGINE)
    if in_nested_build(config):
        return
    wait_for_writes()
    (Path(config.site_dir) / STOCK_INDEX).unlink(missing_ok=True)


def write_engine_format(engine: Path) -> None:
    try:
        searchindex.write_format_into_engine(engine)
    except (OSError, searchindex.EngineFormatError) as error:
        raise PluginError(f"search: {error}") from error


def on_build_error(error: Exception) -> None:
    for writing in state.writing:   # do not leave an index being written after a failed build
        writing.future.cancel()
    state.writing.clear()


def on_shutdown() -> None:
    state.docs.clear()
    state.unwritten.clear()
    buildpool.shutdown()
