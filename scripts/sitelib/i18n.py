"""The site's languages as mkdocs-static-i18n is configured (mkdocs.yml, `plugins: i18n: languages`),
and what the hooks need to know about its builds: it builds the site once per language in one
process, the default language's post-build step running the others."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig


@dataclass(frozen=True)
class Languages:
    codes: tuple[str, ...]      # the default language first; it lives at the site root
    names: dict[str, str]       # code -> the language's own name (中文, English)

    @property
    def default(self) -> str:
        return self.codes[0]

    def of_path(self, path: str) -> str:
        """The language of a path below the site root: its first folder when that names one."""
        first = path.strip("/").split("/", 1)[0]
        return first if first in self.codes[1:] else self.default


def _from_entries(entries: list[Any]) -> Languages:
    """Languages from the i18n plugin's `languages` entries (objects or mappings with locale, default, name)."""
    def get(entry: Any, key: str) -> Any:
        return entry.get(key) if isinstance(entry, dict) else getattr(entry, key, None)

    ordered = sorted(entries, key=lambda entry: get(entry, "default") is not True)
    codes = tuple(str(get(entry, "locale")) for entry in ordered)
    return Languages(codes, {code: str(get(entry, "name") or code) for code, entry in zip(codes, ordered)})


def site_languages(config: MkDocsConfig) -> Languages:
    """The languages of this build's i18n plugin; without one, the theme's language alone."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        language = str(config.theme["language"])
        return Languages((language,), {language: language})
    return _from_entries(list(i18n.config.languages))


class _TaggedLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's own tags (!ENV, !!python/name) as plain values."""


_TaggedLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def languages_from_file(mkdocs_yml: Path) -> Languages:
    """The languages an mkdocs.yml declares, for code that runs without MkDocs (tests, tools)."""
    config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_TaggedLoader)
    plugin = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    return _from_entries(plugin["languages"])


def in_nested_build(config: MkDocsConfig) -> bool:
    """True while static-i18n's per-language builds are still running (the default language's
    post-build step is not the build's last step until they are over)."""
    i18n = config.plugins.get("i18n")
    return bool(i18n is not None and getattr(i18n, "building", False))
