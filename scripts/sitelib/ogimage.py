"""Link-preview (Open Graph) images: drawing one 1200x630 PNG for a page title.

The title is set in Noto Sans CJK SC Bold, the site name in its Medium weight: subsets of Debian's
fonts-noto-cjk (SIL OFL 1.1) committed in scripts/sitelib/fonts/ (sitelib/ogfont.py says which
characters they hold), so the build never downloads a font. The build hook
(scripts/hooks/og_images.py) calls render() in a separate process; this module holds no build state,
so that process can import it by name.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from sitelib.ogfont import FONT_FILES

TEMPLATE_VERSION = "5"   # bump when the drawing below changes: it invalidates the cache (5: static subsets)
WIDTH, HEIGHT = 1200, 630
MARGIN = 96
BACKGROUND, INK, ACCENT = "#ffffff", "#17202a", "#0b5394"
TITLE_SIZES = (88, 80, 72, 64, 58, 52)
MAX_LINES = 3


def _rgb(colour: str) -> list[int]:
    return [int(colour[i:i + 2], 16) for i in (1, 3, 5)]


def _ramp(colour: str) -> list[int]:
    """128 RGB steps from the background to colour, flattened for Image.putpalette."""
    pairs = list(zip(_rgb(BACKGROUND), _rgb(colour)))
    return [round(b + (c - b) * step / 127) for step in range(128) for b, c in pairs]


PALETTE = _ramp(INK) + _ramp(ACCENT)
INK_INDEX = [value >> 1 for value in range(256)]                              # coverage -> 0..127
ACCENT_INDEX = [128 | (value >> 1) if value else 0 for value in range(256)]   # coverage -> 128..255
# Characters that must not start a line (closing punctuation) in Chinese typesetting.
NO_LINE_START = set("，。、；：！？）》」』】〉…,.;:!?)]}’”·")
WORD_SPACE = 0.3  # em; the font's own space (0.22 em) looks cramped in large bold Latin text
TOKEN_RE = re.compile(r"[0-9A-Za-z][0-9A-Za-z'’.\-/+&]*\s*|\s+|.")



class FontMissing(PluginError):
    pass


@lru_cache(maxsize=None)
def font_path(weight: str = "Bold") -> Path:
    path = FONT_FILES[weight]
    if not path.is_file():
        raise FontMissing(f"og_images: the font {path} is missing; restore it from git "
                          "or make it again with `make font` (scripts/tools/subset_font.py)")
    return path


@lru_cache(maxsize=None)
def font_version() -> str:
    """A digest of the font files: a new subset draws the images again."""
    digest = hashlib.sha256()
    for weight in sorted(FONT_FILES):
        digest.update(font_path(weight).read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=None)
def font(size: int, weight: str) -> Any:
    try:
        from PIL import ImageFont
    except ModuleNotFoundError as error:
        raise FontMissing("og_images: Pillow is not installed; run `pip install -r requirements.txt`") from error
    return ImageFont.truetype(str(font_path(weight)), size, layout_engine=ImageFont.Layout.BASIC)


def measure(line: str, face: Any) -> float:
    """Width of a line as draw_line() sets it."""
    words = line.split(" ")
    return sum(face.getlength(word) for word in words) + (len(words) - 1) * WORD_SPACE * face.size


def draw_line(pen: Any, xy: tuple[int, int], line: str, face: Any, fill: str) -> None:
    x, y = xy
    for word in line.split(" "):
        pen.text((x, y), word, font=face, fill=fill)
        x += face.getlength(word) + WORD_SPACE * face.size


def wrap(text: str, face: Any, width: int) -> list[str]:
    """Break text into lines no wider than width: between words in Latin text, anywhere in CJK.

    Closing punctuation never starts a line: when it does not fit, the word before it moves down
    with it (``Globe、`` stays whole), and only a line of one word is let run over.
    """
    lines: list[list[str]] = [[]]
    for token in TOKEN_RE.findall(" ".join(text.split())):
        line = lines[-1]
        if not line or measure(("".join(line) + token).rstrip(), face) <= width:
            line.append(token)
        elif token[0] not in NO_LINE_START:
            lines.append([token.lstrip()])
        elif len(line) > 1 and line[-1][0] not in NO_LINE_START and not line[-1].isspace():
            lines.append([line.pop(), token])
        else:
            line.append(token)
    return [joined for joined in ("".join(line).rstrip() for line in lines) if joined.strip()]


def fit_title(title: str, width: int) -> tuple[Any, list[str]]:
    """The largest title size whose lines fit; at the smallest size, extra lines end in an ellipsis."""
    for size in TITLE_SIZES:
        face = font(size, "Bold")
        lines = wrap(title, face, width)
        if len(lines) <= MAX_LINES and all(measure(line, face) <= width for line in lines):
            return face, lines
    lines = lines[:MAX_LINES]
    while lines[-1] and measure(lines[-1] + "…", face) > width:
        lines[-1] = lines[-1][:-1]
    lines[-1] = lines[-1].rstrip() + "…"
    return face, lines


def draw(title: str, site_name: str) -> Any:
    """The preview image: site name on top, the page title large, an accent bar at the bottom.

    Each colour is drawn as a grey coverage mask (anti-aliased text included) and the two masks
    become one palette image: indices 0-127 run from the background to ink, 128-255 to accent.
    That is exact in both colours and needs no colour quantization, which was half the cost.
    """
    from PIL import Image, ImageChops, ImageDraw

    accent = Image.new("L", (WIDTH, HEIGHT), 0)
    pen = ImageDraw.Draw(accent)
    pen.rectangle((0, 0, 20, HEIGHT), fill=255)
    pen.rectangle((0, HEIGHT - 20, WIDTH, HEIGHT), fill=255)
    draw_line(pen, (MARGIN, 72), site_name, font(36, "Medium"), 255)
    pen.line((MARGIN, 140, MARGIN + 120, 140), fill=255, width=6)

    ink = Image.new("L", (WIDTH, HEIGHT), 0)
    pen = ImageDraw.Draw(ink)
    face, lines = fit_title(title, WIDTH - 2 * MARGIN)
    size = face.size
    line_height = round(size * 1.3)
    block = line_height * (len(lines) - 1) + size
    top = 160 + (HEIGHT - 20 - 160 - block) // 2 - round(size * 0.1)
    for number, line in enumerate(lines):
        draw_line(pen, (MARGIN, top + number * line_height), line, face, 255)

    # The two never overlap, so the larger index of the two is the pixel's colour.
    merged = ImageChops.lighter(ink.point(INK_INDEX), accent.point(ACCENT_INDEX))
    image = Image.frombytes("P", merged.size, merged.tobytes())
    image.putpalette(PALETTE)
    return image


def cache_key(title: str, lang: str, site_name: str) -> str:
    parts = [TEMPLATE_VERSION, lang, title, site_name, font_version()]
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()[:32]


def render(title: str, lang: str, site_name: str, dest: Path, cache_dir: Path | None) -> bool:
    """Write the preview PNG to dest; True when it was drawn, False when it came from the cache.
    Without a cache_dir (it is not writable) every image is drawn."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    if cache_dir is None:
        draw(title, site_name).save(dest, format="PNG", compress_level=6)
        return True
    cached = cache_dir / f"{cache_key(title, lang, site_name)}.png"
    if cached.is_file():
        shutil.copyfile(cached, dest)
        return False
    image = draw(title, site_name)
    cache_dir.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(f".{os.getpid()}.tmp")
    image.save(partial, format="PNG", compress_level=6)  # optimize=True costs 6x the time for ~10%
    partial.replace(cached)
    shutil.copyfile(cached, dest)
    return True


def usable_cache(cache_dir: Path) -> str | None:
    """Why the cache folder cannot be written (created if missing), or None when it can."""
    probe = cache_dir / f".probe.{os.getpid()}"
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        return error.strerror or str(error)
    return None


def image_path(page_url: str, lang: str) -> str:
    """Where a page's image lives, below the site root: assets/og/en/esim.png."""
    slug = page_url.strip("/")
    if slug == lang or slug.startswith(f"{lang}/"):
        slug = slug[len(lang):].strip("/")
    return f"assets/og/{lang}/{slug.replace('/', '-') or 'index'}.png"


def render_timed(title: str, lang: str, site_name: str, dest: Path,
                 cache_dir: Path | None) -> tuple[bool, float]:
    """render(), as the drawing process runs it: (drawn, seconds), for the build's log line."""
    started = time.perf_counter()
    drawn = render(title, lang, site_name, dest, cache_dir)
    return drawn, time.perf_counter() - started
