"""CP019 docs-files: docs/ publishes only Markdown and inert images, and nothing in the theme's place.

MkDocs copies every other file of docs/ into the site as it is: an .html or .js page, an SVG with a
script, or docs/assets/site.js (which silently replaces the theme's script on every page) would
all be published unchecked. A site-level rule: it reads the folder, not one page.
"""
from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Iterable, Iterator

from checkpages.files import docs_files
from checkpages.model import Diagnostic, Page, Site
from checkpages.policy import IMAGE_SUFFIXES, RESERVED_OUTPUT_PREFIXES, THEME_DIR

code = "CP019"
name = "docs-files"
description = ("docs/ holds only Markdown and images (png, jpg, gif, webp, avif, inert svg), none at a path the "
               "theme or the build writes (overrides/, Material's assets, assets/og/, search/, go/).")

MAX_SVG_BYTES = 1_000_000
# An SVG may draw, and link to its own #fragments only: no script, no foreign HTML, no fetches.
_SVG_ACTIVE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"<\s*(?:[\w-]+:)?script\b", re.I), "a <script>"),
    (re.compile(r"<\s*(?:[\w-]+:)?foreignObject\b", re.I), "a <foreignObject>"),
    (re.compile(r"<\s*(?:iframe|embed|object|image|use|feImage|a)\b[^>]*\s(?:xlink:)?href\s*=\s*[\"']\s*(?!#)",
                re.I), "a reference to another file or site"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "an event attribute (on…=)"),
    (re.compile(r"url\(\s*['\"]?\s*(?!#)", re.I), "a url() outside the file"),
    (re.compile(r"@import|<!ENTITY|<\?xml-stylesheet", re.I), "an import, entity or stylesheet"),
)


def check(page: Page, site: Site) -> Iterable[Diagnostic]:
    return ()  # everything is in check_tree


def check_tree(site: Site) -> Iterator[Diagnostic]:
    theme_dirs = [folder for folder in (site.docs_dir.parent / THEME_DIR, _material_dir()) if folder is not None]
    root_length = len(str(site.docs_dir)) + 1
    for path in docs_files(site.docs_dir):
        rel = str(path)[root_length:].replace("\\", "/")
        yield from _check_file(site, path, rel, theme_dirs)


def _owned(rel: str, theme_dirs: list[Path]) -> bool:
    """True when the theme publishes a file at rel (the project's overrides, or Material's own)."""
    return rel.startswith(RESERVED_OUTPUT_PREFIXES) or any((folder / rel).is_file() for folder in theme_dirs)


def _material_dir() -> Path | None:
    try:
        import material  # the theme, when installed (the build always has it)
    except ImportError:
        return None
    return Path(material.__file__).parent / "templates"


def _check_file(site: Site, path: Path, rel: str, theme_dirs: list[Path]) -> Iterator[Diagnostic]:
    suffix = path.suffix.lower()
    if _owned(rel, theme_dirs):
        yield site.finding(rel, code, 1, 1, f"{rel} would replace a file of the theme or the build "
                                            "on every page; rename or move it")
    elif suffix == ".md":
        return
    elif suffix not in IMAGE_SUFFIXES:
        yield site.finding(rel, code, 1, 1, f"'{suffix or path.name}' files are not published from docs/; "
                                            f"only Markdown and images ({', '.join(sorted(IMAGE_SUFFIXES))})")
    elif suffix == ".svg":
        yield from _check_svg(site, path, rel)


def _check_svg(site: Site, path: Path, rel: str) -> Iterator[Diagnostic]:
    try:
        data = path.read_bytes()[:MAX_SVG_BYTES + 1]
    except OSError as error:
        yield site.finding(rel, code, 1, 1, f"cannot read the SVG: {error.strerror or error}")
        return
    if len(data) > MAX_SVG_BYTES:
        yield site.finding(rel, code, 1, 1, f"SVG is larger than {MAX_SVG_BYTES} bytes")
        return
    text = html.unescape(data.decode("utf-8", errors="replace"))  # as an XML parser reads attribute values
    for pattern, what in _SVG_ACTIVE:
        for match in pattern.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            yield site.finding(rel, code, line, 1, f"SVG contains {what}; images must be inert")
