"""Link-preview images: a real 1200x630 PNG for every page, with the title in a CJK-capable font."""
from __future__ import annotations

import re
import struct
from pathlib import Path

import pytest
import yaml

from sitelib import ogimage as og
from tests.helpers import ROOT, BuiltSite

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def card_pages() -> list[tuple[str, str]]:
    """(lang, slug) of every card page in docs/ (front matter has card_type)."""
    found = []
    for source in sorted((ROOT / "docs").glob("*.*.md")):
        slug, lang = source.name.split(".")[:2]
        front = source.read_text(encoding="utf-8").split("---")[1]
        if (yaml.safe_load(front) or {}).get("card_type"):
            found.append((lang, slug))
    return found


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_there_are_card_pages_to_check() -> None:
    assert {("zh", "esim"), ("en", "esim")} <= set(card_pages())


@pytest.mark.parametrize(("lang", "slug"), card_pages())
def test_card_page_has_a_valid_preview_image(site: BuiltSite, lang: str, slug: str) -> None:
    from PIL import Image

    rel = f"assets/og/{lang}/{slug}.png"
    image_file = site.dir / rel
    data = image_file.read_bytes()
    assert png_size(data) == (1200, 630)
    assert len(data) < 60_000, f"{rel} is {len(data)} bytes"
    with Image.open(image_file) as image:
        image.verify()
    with Image.open(image_file) as image:
        assert image.format == "PNG" and image.size == (1200, 630) and image.mode == "P"
        assert len(image.getcolors(256)) > 4  # anti-aliased text was drawn, not a blank canvas
    page = (site.dir / ("" if lang == "zh" else "en") / slug / "index.html").read_text(encoding="utf-8")
    assert f'<meta property="og:image" content="{site.base_url}{rel}">' in page
    assert '<meta name="twitter:card" content="summary_large_image">' in page


def test_every_page_gets_an_image(site: BuiltSite) -> None:
    pages = [p for p in site.dir.rglob("index.html")
             if not p.relative_to(site.dir).as_posix().startswith(("assets/", "search/", "go/"))
             and "data-redirect-to" not in p.read_text(encoding="utf-8")[:2000]]
    missing = []
    for page in pages:
        match = re.search(r'<meta property="og:image" content="([^"]+)"', page.read_text(encoding="utf-8"))
        if match is None or not (site.dir / match.group(1).removeprefix(site.base_url)).is_file():
            missing.append(page.relative_to(site.dir).as_posix())
    assert missing == []


def test_title_is_drawn_with_cjk_glyphs() -> None:
    face = og.font(64, "Bold")
    assert face.getname()[0] == "Noto Sans CJK SC"
    # A font without CJK glyphs draws every ideograph as the same .notdef box.
    masks = {bytes(face.getmask(char)) for char in "注销指南手机卡"}
    assert len(masks) == 7


def test_long_titles_wrap_within_the_image() -> None:
    width = og.WIDTH - 2 * og.MARGIN
    zh = "如何注销物联网卡、上网卡、手表卡和一号双终端的副卡，以及注销以后还要检查的每一件事情和常见的问题"
    face, lines = og.fit_title(zh, width)
    assert 1 < len(lines) <= og.MAX_LINES and all(og.measure(line, face) <= width for line in lines)
    assert not any(line[0] in og.NO_LINE_START for line in lines)
    en = "How to cancel a smartwatch or tablet line without losing the number on your phone"
    face, lines = og.fit_title(en, width)
    assert " ".join(lines) == en  # broken between words only
    assert all(og.measure(line, face) <= width for line in lines)


def test_closing_punctuation_takes_the_word_before_it_to_the_next_line() -> None:
    """A title whose 、 would overflow a line moves the word before it down, not the size down."""
    width = og.WIDTH - 2 * og.MARGIN
    title = "菲律宾手机卡（Smart、TNT、TM、Globe、GOMO、DITO）怎么注销"
    face, lines = og.fit_title(title, width)
    assert "".join(lines) == title and len(lines) <= og.MAX_LINES
    assert face.size >= 72, (face.size, lines)
    assert all(og.measure(line, face) <= width for line in lines)
    assert not any(line[0] in og.NO_LINE_START for line in lines)


def test_rebuild_without_changes_uses_the_cache(tmp_path: Path) -> None:
    cache, out = tmp_path / "cache", tmp_path / "out"
    assert og.render("如何注销 eSIM", "zh", "注销指南", out / "a.png", cache) is True
    assert og.render("如何注销 eSIM", "zh", "注销指南", out / "b.png", cache) is False
    assert (out / "a.png").read_bytes() == (out / "b.png").read_bytes()
    assert og.render("如何注销 eSIM 卡", "zh", "注销指南", out / "c.png", cache) is True  # new title, new image
    assert og.render("如何注销 eSIM", "en", "注销指南", out / "d.png", cache) is True
    assert len(list(cache.glob("*.png"))) == 3 and not list(cache.glob("*.tmp"))


def test_missing_font_file_stops_with_the_fix(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    og.font_path.cache_clear()
    monkeypatch.setitem(og.FONT_FILES, "Bold", tmp_path / "gone.otf")
    try:
        with pytest.raises(og.FontMissing, match=r"make font"):
            og.font_path("Bold")
    finally:
        monkeypatch.undo()
        og.font_path.cache_clear()
    assert og.font_path("Bold").is_file() and og.font_path("Medium").is_file()


@pytest.mark.parametrize(("url", "lang", "expected"), [
    ("esim/", "zh", "assets/og/zh/esim.png"), ("en/esim/", "en", "assets/og/en/esim.png"),
    ("", "zh", "assets/og/zh/index.png"), ("en/", "en", "assets/og/en/index.png")])
def test_image_paths(url: str, lang: str, expected: str) -> None:
    assert og.image_path(url, lang) == expected
