"""MkDocs hook: the Content-Security-Policy every page carries (overrides/main.html prints it).

The work is in scripts/sitelib/csp.py. The hashes are those of the inline scripts of the project's
templates (theme.custom_dir) and of the Material partials the pages include, read from the template
files when the build starts; a template script whose text would vary stops the build. Under
`mkdocs serve` the policy also allows inline scripts: MkDocs injects its live-reload script, whose
text changes with every build (the built site never has it).
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # scripts/; MkDocs restores sys.path after loading

from sitelib import csp

# Material's templates with inline scripts that this site's pages include (palette.html: the colour
# scheme the reader chose); base.html and content.html are overridden in overrides/.
log = logging.getLogger("mkdocs.hooks.csp")
_serving = False

MATERIAL_TEMPLATES = ("partials/javascripts/palette.html", "partials/javascripts/base.html")


def template_files(config: MkDocsConfig) -> list[Path]:
    """The project's templates, and the listed Material partials as the theme resolves them."""
    custom_dir = Path(config.theme.custom_dir) if config.theme.custom_dir else None
    files = sorted(custom_dir.rglob("*.html")) if custom_dir else []
    for name in MATERIAL_TEMPLATES:
        found = next((Path(d) / name for d in config.theme.dirs if (Path(d) / name).is_file()), None)
        if found is None:
            raise PluginError(f"csp: the theme has no template {name}")
        files.append(found)
    return files


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_config(config: MkDocsConfig) -> None:
    try:
        hashes = csp.template_script_hashes(template_files(config))
    except (csp.PolicyError, OSError) as error:
        raise PluginError(f"csp: {error}") from error
    config.extra["csp"] = csp.policy(["'unsafe-inline'"] if _serving else hashes)
