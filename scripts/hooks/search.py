"""Search index per language, read by the site's own search worker (overrides/assets/search/engine.js).

Each page is split into documents: the page (title, aliases, description, the text before the first
section), then one per section (heading id, heading text, section text). Each language gets a sharded
index of them under `search/<lang>/` (scripts/searchindex.py), of which a reader fetches only the
pieces a query needs, and only once they open search. Material's own combined index
(`search/search_index.json`, both languages, fetched on every page view) is not written.
"""
from __future__ import annotations

import logging
import re
import sys
from concurrent.futures import Future
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority

_SCRIPTS = str(Path(__file__).resolve().parent.parent)
if _SCRIPTS not in sys.path:
    sys.path.insert(0, _SCRIPTS)  # MkDocs restores sys.path after loading a hook: import everything now

import buildpool  # noqa: E402
import searchindex  # noqa: E402

log = logging.getLogger("mkdocs.hooks.search")

HEADING = re.compile(r"h[1-6]")
SKIP_TAGS = {"script", "style", "svg", "button"}
BLOCK_TAGS = {"p", "li", "dt", "dd", "td", "th", "br", "div", "pre", "blockquote", "tr", "summary",
              "details", "table", "ul", "ol", "dl", "hr", "figcaption"}
# The stock index: written by Material's search plugin, replaced by the per-language files below.
STOCK_INDEX = Path("search") / "search_index.json"

# Documents of the language being built, in page order: {lang: {page url: [docs]}}.
_docs: dict[str, dict[str, list[dict[str, Any]]]] = {}
_unwritten: set[str] = set()  # languages whose documents changed since their index was written
# Indexes being written by the build's worker process, while pages are rendered: (lang, pages, future).
_writing: list[tuple[str, int, Future]] = []


class SectionSplitter(HTMLParser):
    """Split rendered page HTML into (heading level, id, heading text, body text) sections."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[dict[str, Any]] = [{"level": 0, "id": "", "title": "", "text": []}]
        self._heading: list[str] | None = None
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag in SKIP_TAGS or (tag == "a" and "headerlink" in (attributes.get("class") or "")):
            self._skip += 1
        elif HEADING.fullmatch(tag) and attributes.get("id"):
            self.sections.append({"level": int(tag[1]), "id": attributes["id"], "title": "", "text": []})
            self._heading = []
        elif tag in BLOCK_TAGS:
            self._text(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP_TAGS or (tag == "a" and self._skip):
            self._skip = max(0, self._skip - 1)
        elif HEADING.fullmatch(tag) and self._heading is not None:
            self.sections[-1]["title"] = squash("".join(self._heading))
            self._heading = None
        elif tag in BLOCK_TAGS:
            self._text(" ")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._text(data)

    def _text(self, data: str) -> None:
        if self._heading is not None:
            self._heading.append(data)
        else:
            self.sections[-1]["text"].append(data)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def page_documents(html: str, url: str, meta: dict[str, Any]) -> list[dict[str, Any]]:
    """The page document, then one document per section below the H1, in page order."""
    splitter = SectionSplitter()
    splitter.feed(html)
    splitter.close()
    sections = [{**s, "text": squash("".join(s["text"]))} for s in splitter.sections]
    intro = squash(" ".join(s["text"] for s in sections if s["level"] in (0, 1)))
    h1 = next((s["title"] for s in sections if s["level"] == 1), "")
    page: dict[str, Any] = {"location": url, "title": h1 or str(meta.get("title") or url), "text": intro}
    aliases = meta.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [aliases]
    if aliases:
        page["aliases"] = [str(alias) for alias in aliases]
    if meta.get("description"):
        page["description"] = str(meta["description"])
    docs = [page]
    for section in sections:
        if section["level"] >= 2:
            docs.append({"location": f"{url}#{section['id']}", "title": section["title"],
                         "text": section["text"]})
    return docs


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
