"""MkDocs hooks for site-wide behaviour that configuration alone cannot express."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

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
