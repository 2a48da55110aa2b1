"""Link-preview (Open Graph) images: one 1200x630 PNG per page, drawn at build time (sitelib/ogimage.py).

Images go to ``assets/og/<lang>/<slug>.png``; ``page.meta['og_image']`` tells overrides/main.html
to emit the og:image tags. Drawn images are cached in ``.cache/og/`` (or $OG_CACHE_DIR), keyed by a
hash of everything drawn (title, language, site name, template version, font), so a rebuild
without changes copies them instead of drawing them again. Without the font package or Pillow the
build stops and says to run ``pip install -r requirements.txt``.

Drawing runs in the build's worker process (sitelib/buildpool.py), submitted as each page's
Markdown is read, while MkDocs goes on rendering pages; the build waits for the images at the end.
"""
from __future__ import annotations

import logging
import os
import sys
import time
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from mkdocs import plugins

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # scripts/; MkDocs restores sys.path after loading

from sitelib import buildpool
from sitelib.ogimage import font_path, image_path, render_timed, usable_cache

log = logging.getLogger("mkdocs.hooks.og_images")

_stats = {"drawn": 0, "cached": 0, "seconds": 0.0, "waited": 0.0}
_pending: list[Future] = []


def cache_dir_for(config: Any) -> Path:
    override = os.environ.get("OG_CACHE_DIR")
    return Path(override) if override else Path(config.config_file_path).parent / ".cache" / "og"


_cache: dict[str, Path | None] = {}  # config file -> the cache folder, None when it cannot be written


def on_config(config: Any) -> None:
    font_path()  # fail at once, with the fix in the message, when the font is not installed
    folder = cache_dir_for(config)
    problem = usable_cache(folder)
    if problem and config.config_file_path not in _cache:  # said once, not once per language
        log.info(f"og_images: the preview-image cache {folder} cannot be written ({problem}); drawing every "
                 "image without it (set OG_CACHE_DIR to a writable folder to keep them between builds)")
    _cache[config.config_file_path] = None if problem else folder


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    if page.url.endswith(".html"):  # 404 and other non-directory pages are never shared
        return markdown
    lang = getattr(page.file, "locale", None) or "zh"
    title = str((page.meta or {}).get("title") or page.title or config.site_name)
    rel = image_path(page.url, lang)
    dest = Path(config.site_dir) / rel
    cache = _cache.get(config.config_file_path, cache_dir_for(config))
    _pending.append(buildpool.submit(render_timed, title, lang, config.site_name, dest, cache))
    page.meta["og_image"] = rel
    return markdown


def wait_for_images() -> None:
    """Block until every submitted image is written; re-raise the first drawing error."""
    started = time.perf_counter()
    try:
        for future in _pending:
            drawn, seconds = future.result()
            _stats["seconds"] += seconds
            _stats["drawn" if drawn else "cached"] += 1
    finally:
        _pending.clear()
        _stats["waited"] += time.perf_counter() - started


@plugins.event_priority(-200)
def on_post_build(config: Any) -> None:
    wait_for_images()
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return
    log.info(f"og_images: {_stats['drawn']} drawn, {_stats['cached']} from cache, "
             f"{_stats['seconds']:.2f} s, of which the build waited {_stats['waited']:.2f} s")
    _stats.update(drawn=0, cached=0, seconds=0.0, waited=0.0)


def on_shutdown() -> None:
    buildpool.shutdown()


def on_build_error(error: Exception) -> None:
    for future in _pending:  # don't leave drawings running after a failed build
        future.cancel()
    _pending.clear()
