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
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # scripts/; MkDocs restores sys.path after loading

from sitelib import buildpool, searchindex
from sitelib.searchdocs import page_documents

log = logging.getLogger("mkdocs.hooks.search")

# The stock index: written by Material's search plugin, replaced by the per-language files below.
STOCK_INDEX = Path("search") / "search_index.json"

# Documents of the language being built, in page order: {lang: {page url: [docs]}}.
_docs: dict[str, dict[str, list[dict[str, Any]]]] = {}
_unwritten: set[str] = set()  # languages whose documents changed since their index was written
# Indexes being written by the build's worker process, while pages are rendered: (lang, pages, future).
_writing: list[tuple[str, int, Future]] = []


def _language(config: Any) -> str:
    return str(config.theme["language"] or "en")


def on_config(config: Any, **kwargs: Any) -> None:
    # Material's search plugin stays in mkdocs.yml for its dialog (the header shows search only while
    # the plugin is on), but its index is never used: take it off the page and post-build events so
    # it does not parse every page into a combined index that on_post_build would only delete.
    stock = config.plugins.get("material/search") or config.plugins.get("search")
    if stock is None:
        return
    for event in ("page_context", "post_build"):
        handlers = config.plugins.events[event]
        handlers[:] = [handler for handler in handlers if getattr(handler, "__self__", None) is not stock]


def on_pre_build(config: Any, **kwargs: Any) -> None:
    lang = _language(config)
    _docs.pop(lang, None)
    # static-i18n starts the next language's build once the previous one's pages are all rendered:
    # write that index now, in the worker process, while this language's pages are being rendered.
    start_writes(config, skip=lang)


def on_page_content(html: str, page: Any, config: Any, files: Any, **kwargs: Any) -> str:
    _docs.setdefault(_language(config), {})[page.url] = page_documents(html, page.url, page.meta)
    _unwritten.add(_language(config))
    return html


def start_writes(config: Any, skip: str | None = None) -> None:
    """Queue every language whose documents changed since its index was written (but `skip`)."""
    for lang in sorted((_unwritten & _docs.keys()) - {skip}):
        _unwritten.discard(lang)
        pages = list(_docs[lang].values())
        out = Path(config.site_dir) / "search" / lang
        _writing.append((lang, len(pages), buildpool.submit(searchindex.write, out, pages)))


def wait_for_writes() -> None:
    """Block until every queued index is written; re-raise the first error."""
    try:
        for lang, pages, future in _writing:
            files, seconds = future.result()
            log.info("search/%s: %d pages, %d files, %.2f s", lang, pages, files, seconds)
    finally:
        _writing.clear()


@event_priority(-100)  # after Material's search plugin has written its index, so it can be removed
def on_post_build(config: Any, **kwargs: Any) -> None:
    # static-i18n builds the other language inside the default language's post-build step, with the
    # shared config switched over; both post-build steps see both languages, each is written once,
    # and the outer step (the last of the build) waits for the worker.
    start_writes(config)
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return
    wait_for_writes()
    (Path(config.site_dir) / STOCK_INDEX).unlink(missing_ok=True)


def on_build_error(error: Exception, **kwargs: Any) -> None:
    for _, _, future in _writing:   # do not leave an index being written after a failed build
        future.cancel()
    _writing.clear()


def on_shutdown(**kwargs: Any) -> None:
    _docs.clear()
    _unwritten.clear()
    buildpool.shutdown()
