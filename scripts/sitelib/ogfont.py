"""The preview images' font: which subset files there are, and which characters they must hold.

The fonts are subsets of Noto Sans CJK SC (SIL OFL 1.1) made by scripts/tools/subset_font.py from
Debian's fonts-noto-cjk packages and committed in scripts/sitelib/fonts/, so a build needs no font
package and no download. Bold sets the page titles, Medium the site name (sitelib/ogimage.py).
The subsets hold ASCII, GB2312's punctuation and full-width forms, its 3,755 level-1 (most common)
characters, and every character of the site's page titles and site names; tests/test_og_font.py
fails when a title needs a character the font lacks.
"""
from __future__ import annotations

import re
import string
from pathlib import Path
from typing import Any

import yaml

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT_FILES = {"Bold": FONT_DIR / "NotoSansCJKsc-Bold-subset.otf",
              "Medium": FONT_DIR / "NotoSansCJKsc-Medium-subset.otf"}
ELLIPSIS = "…"  # ogimage.fit_title ends a cut title with it
FRONT_MATTER = re.compile(r"\A---\r?\n(.*?)\r?\n---\r?\n", re.DOTALL)


def gb2312_characters(rows: range) -> str:
    """The characters of GB2312 rows (1 = punctuation, 3 = full-width forms, 16-55 = level 1)."""
    chars = []
    for row in rows:
        for cell in range(0xA1, 0xFF):
            try:
                chars.append(bytes([0xA0 + row, cell]).decode("gb2312"))
            except UnicodeDecodeError:
                continue  # unassigned cells (the end of row 55, gaps in row 1)
    return "".join(chars)


def base_characters(common_hanzi: bool) -> str:
    """What every subset holds; the titles' subset also the 3,755 most common characters."""
    text = string.printable.strip() + " " + ELLIPSIS + gb2312_characters(range(1, 2))
    text += gb2312_characters(range(3, 4))
    return text + (gb2312_characters(range(16, 56)) if common_hanzi else "")


def page_titles(docs_dir: Path) -> dict[str, str]:
    """Markdown file (relative to docs_dir) -> its front-matter title, for every page that has one."""
    titles = {}
    for path in sorted(docs_dir.rglob("*.md")):
        match = FRONT_MATTER.match(path.read_text(encoding="utf-8", errors="replace"))
        meta = _safe_yaml(match[1]) if match else None
        if isinstance(meta, dict) and meta.get("title"):
            titles[path.relative_to(docs_dir).as_posix()] = str(meta["title"])
    return titles


def site_names(mkdocs_yml: Path) -> list[str]:
    """The site name and each language's own site name (mkdocs-static-i18n) in mkdocs.yml."""
    config = _safe_yaml(mkdocs_yml.read_text(encoding="utf-8")) or {}
    names = [str(config.get("site_name", ""))]
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            names += [str(lang["site_name"]) for lang in plugin["i18n"].get("languages", [])
                      if lang.get("site_name")]
    return [name for name in names if name]


def missing_characters(text: str, cmap: set[int]) -> str:
    """The characters of text (whitespace aside) that a font with this cmap cannot draw."""
    return "".join(sorted({ch for ch in text if not ch.isspace() and ord(ch) not in cmap}))


class _TagTolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's `!ENV [NAME, default]` and other tags as plain values."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    return loader.construct_scalar(node)


_TagTolerantLoader.add_multi_constructor("!", _any_tag)


def _safe_yaml(text: str) -> Any:
    try:
        return yaml.load(text, Loader=_TagTolerantLoader)  # a SafeLoader subclass: no arbitrary objects
    except yaml.YAMLError:
        return None  # a malformed page is the checker's to report (CP010), not this module's
