"""What the hooks need to know about mkdocs-static-i18n, which builds the site once per language in
one process: the default language's build runs the others inside its own post-build step."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig


def in_nested_build(config: MkDocsConfig) -> bool:
    """True while static-i18n's per-language builds are still running (the default language's
    post-build step is not the build's last step until they are over)."""
    i18n = config.plugins.get("i18n")
    return bool(i18n is not None and getattr(i18n, "building", False))
