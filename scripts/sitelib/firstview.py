"""What a reader's first view needs, done at build time so the browser need not wait for Material's bundle.

Material's bundle (loaded on demand by overrides/assets/loader.js) wraps every `table:not([class])`
of the page content in two scroll containers; doing it here gives the same layout before the bundle
runs (the loader removes the bundle's second copy). Material's stylesheet loses the rules no built
page or script can use (sitelib/unusedcss.py).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from sitelib.unusedcss import UsedWords, remove_unused

_TABLE = re.compile(r"<table(?![^>]*\bclass=)[^>]*>.*?</table>", re.S | re.I)
_WRAPPED = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">{}</div></div>'


def wrap_tables(content_html: str) -> str:
    """Each class-less table in Material's scroll wrapper, as the bundle's renderTable would."""
    return _TABLE.sub(lambda m: _WRAPPED.format(m.group()), content_html)


STYLESHEETS = "assets/stylesheets/main.*.min.css"


# Material's own search, copied into every build but never loaded here: overrides/main.html points the
# bundle at assets/search/worker.js. Their words (lunr's stemmers, a Thai dictionary) name no element.
NEVER_LOADED = ("assets/javascripts/lunr/", "assets/javascripts/workers/")


def _never_loaded(path: Path) -> bool:
    return path.as_posix().startswith(NEVER_LOADED)


def bundle_settings(features: Iterable[str], extra: Mapping[str, object]) -> set[str]:
    """The conditions of unusedcss.BUNDLE_ONLY_WHEN that hold for this configuration."""
    return {f"feature:{name}" for name in features} | {f"extra:{key}" for key, value in extra.items() if value}


def purge_stylesheets(site_dir: Path, theme_dirs: list[Path], used: UsedWords) -> None:
    """Rewrite Material's built stylesheet from the theme's copy, without what no page or script uses.

    The site's scripts and own stylesheets count as users (their words are read here, after the
    copy); the theme's copy is read each time, so a rebuild never purges an already purged file.
    """
    for built in site_dir.glob(STYLESHEETS):
        source = next((d / built.relative_to(site_dir) for d in theme_dirs
                       if (d / built.relative_to(site_dir)).is_file()), None)
        if source is None:
            continue
        for asset in site_dir.glob("assets/**/*"):
            if asset.suffix in (".js", ".css") and asset.parent.name != "stylesheets" and not _never_loaded(
                    asset.relative_to(site_dir)):
                used.add_script(asset.read_text(encoding="utf-8"))
        built.write_text(remove_unused(source.read_text(encoding="utf-8"), used), encoding="utf-8")
