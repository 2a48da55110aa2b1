"""MkDocs hooks for site-wide behaviour that configuration alone cannot express."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # scripts/; MkDocs restores sys.path after loading

from sitelib.i18n import site_languages
from sitelib.templatecache import SharedBytecodeCache


@dataclass
class SiteState:
    # The i18n plugin builds every language into the same site_dir, so each build writes the root
    # 404.html and the last (English) one wins. GitHub Pages serves a single 404.html: keep the one
    # rendered in the default language (its template is bilingual anyway). site_dir -> page.
    not_found_pages: dict[str, str] = field(default_factory=dict)
    templates: SharedBytecodeCache = field(default_factory=SharedBytecodeCache)


state = SiteState()


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output_content
    if config.theme["language"] == site_languages(config).default:
        state.not_found_pages[config.site_dir] = output_content
        return output_content
    return state.not_found_pages.get(config.site_dir, output_content)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    if env.bytecode_cache is None:
        env.bytecode_cache = state.templates
    return env
