"""MkDocs hooks for site-wide behaviour that configuration alone cannot express."""
from __future__ import annotations

from typing import Any

from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache
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


class SharedBytecodeCache(BytecodeCache):
    """Compiled templates kept in memory for the whole run.

    MkDocs makes a new Jinja environment for every build, and the i18n plugin runs one build per
    language, so Material's ~40 templates were compiled twice. Jinja checks each template's source
    checksum before it reuses the code, so an edited template (mkdocs serve) is compiled again.
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_templates = SharedBytecodeCache()


def on_env(env: Environment, config: MkDocsConfig, files: Any) -> Environment:
    if env.bytecode_cache is None:
        env.bytecode_cache = _templates
    return env
