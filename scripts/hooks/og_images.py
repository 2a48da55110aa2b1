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
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs import plugins
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # scripts/; MkDocs restores sys.path after loading

from sitelib import buildpool
from sitelib.i18n import in_nested_build, site_languages
from sitelib.ogimage import font_path, image_path, render_timed

log = logging.getLogger("mkdocs.hooks.og_images")


@dataclass
class OgState:
    pending: list[Future] = field(default_factory=list)  # drawings submitted, not yet waited for
    drawn: int = 0
    cached: int = 0
    seconds: float = 0.0   # drawing time in the workers
    waited: float = 0.0    # time the build spent waiting for them

    def reset_counts(self) -> None:
        self.drawn, self.cached, self.seconds, self.waited = 0, 0, 0.0, 0.0


state = OgState()


def cache_dir_for(config: MkDocsConfig) -> Path:
    override = os.environ.get("OG_CACHE_DIR")
    return Path(override) if override else Path(config.config_file_path).parent / ".cache" / "og"


def on_config(config: MkDocsConfig) -> None:
    font_path()  # fail at once, with the fix in the message, when the font is not installed


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.url.endswith(".html"):  # 404 and other non-directory pages are never shared
        return markdown
    lang = getattr(page.file, "locale", None) or site_languages(config).default
    title = str((page.meta or {}).get("title") or page.title or config.site_name)
    rel = image_path(page.url, lang)
    dest = Path(config.site_dir) / rel
    state.pending.append(buildpool.submit(render_timed, title, lang, config.site_name, dest, cache_dir_for(config)))
    page.meta["og_image"] = rel
    return markdown


def wait_for_images() -> None:
    """Block until every submitted image is written; re-raise the first drawing error."""
    started = time.perf_counter()
    try:
        for future in state.pending:
            drawn, seconds = future.result()
            state.seconds += seconds
            if drawn:
                state.drawn += 1
            else:
                state.cached += 1
    finally:
        state.pending.clear()
        state.waited += time.perf_counter() - started


@plugins.event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    wait_for_images()
    if in_nested_build(config):
        return
    log.info(f"og_images: {state.drawn} drawn, {state.cached} from cache, "
             f"{state.seconds:.2f} s, of which the build waited {state.waited:.2f} s")
    state.reset_counts()


def on_shutdown() -> None:
    buildpool.shutdown()


def on_build_error(error: Exception) -> None:
    for future in state.pending:  # don't leave drawings running after a failed build
        future.cancel()
    state.pending.clear()
