"""MkDocs hooks for site-wide behaviour that configuration alone cannot express."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # scripts/; MkDocs restores sys.path after loading

from sitelib.templatecache import SharedBytecodeCache

DEFAULT_LANGUAGE = "zh"

# The i18n plugin builds every language into the same site_dir, so each build writes the root
# 404.html and the last (English) one wins. GitHub Pages serves a single 404.html: keep the one
# rendered in the default language (its template is bilingual anyway).
_not_found_pages: dict[str, str] = {}


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output_content
    if config.theme["language"] == DEFAULT_LANGUAGE:
        _not_found_pages[config.site_dir] = output_content
        return output_content
    return _not_found_pages.get(config.site_dir, output_content)


_templates = SharedBytecodeCache()


def on_env(env: Environment, config: MkDocsConfig, files: Any) -> Environment:
    if env.bytecode_cache is None:
        env.bytecode_cache = _templates
    return env
