"""Make the preview images' font subsets (scripts/sitelib/fonts/) from Debian's Noto Sans CJK.

    apt-get install fonts-noto-cjk fonts-noto-cjk-extra   # Bold is in the first, Medium in -extra
    make font        # = .venv/bin/python scripts/tools/subset_font.py (fontTools from requirements-test.txt)

Run it again when a page title needs a character the subset lacks (tests/test_og_font.py says
which). It reads the Simplified Chinese face of each .ttc, keeps the glyphs of the characters
sitelib/ogfont.py lists (no layout features: Pillow's basic layout uses none), keeps the font's
name table (copyright, licence) and writes the OFL licence text beside the fonts.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # scripts/

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

from sitelib.ogfont import FONT_DIR, FONT_FILES, base_characters, page_titles, site_names

ROOT = Path(__file__).resolve().parents[2]
DEBIAN_FONTS = Path("/usr/share/fonts/opentype/noto")
SOURCES = {"Bold": "NotoSansCJK-Bold.ttc", "Medium": "NotoSansCJK-Medium.ttc"}
FACE = "Noto Sans CJK SC"
LICENCE_SOURCE = Path("/usr/share/doc/fonts-noto-cjk/copyright")


def simplified_chinese_face(ttc: Path) -> TTFont:
    for face in TTCollection(str(ttc)).fonts:
        names = face["name"]
        if (names.getDebugName(16) or names.getDebugName(1)) == FACE:  # 16: family without the weight
            return face
    raise SystemExit(f"{ttc}: no '{FACE}' face")


def characters_for(weight: str) -> str:
    """Bold sets the titles: the common characters and every title; Medium only the site names."""
    names = "".join(site_names(ROOT / "mkdocs.yml"))
    if weight == "Medium":
        return base_characters(common_hanzi=False) + names
    return base_characters(common_hanzi=True) + names + "".join(page_titles(ROOT / "docs").values())


def subset_face(face: TTFont, text: str) -> TTFont:
    options = subset.Options()
    options.layout_features = []   # Pillow's basic layout (ogimage.py) applies no OpenType features
    options.name_IDs = ["*"]       # keep copyright, licence and version strings
    options.name_languages = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(face)
    return face


def write_licence(dest: Path, copyright_line: str) -> None:
    """OFL.txt: the font's copyright line and the licence text as Debian's copyright file gives it."""
    text = LICENCE_SOURCE.read_text(encoding="utf-8")
    start = text.rindex("\nLicense: SIL-1.1\n") + 1  # the stanza with the text, not a Files: line
    body = [line.removeprefix(" ") for line in text[start:].splitlines()[1:]]
    body = [("" if line == "." else line) for line in body]
    end = next((i for i, line in enumerate(body) if line.startswith(("License:", "Files:"))), len(body))
    dest.write_text(f"{copyright_line}\n\n" + "\n".join(body[:end]).strip() + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fonts", type=Path, default=DEBIAN_FONTS, help="folder of the .ttc files")
    args = parser.parse_args(argv)
    FONT_DIR.mkdir(parents=True, exist_ok=True)
    copyright_line = ""
    for weight, source in SOURCES.items():
        ttc = args.fonts / source
        if not ttc.is_file():
            print(f"{ttc} is missing: apt-get install fonts-noto-cjk fonts-noto-cjk-extra", file=sys.stderr)
            return 2
        face = subset_face(simplified_chinese_face(ttc), characters_for(weight))
        copyright_line = face["name"].getDebugName(0)
        face.recalcTimestamp = False  # keep the source's date: the same input makes the same bytes
        face.save(FONT_FILES[weight])
        digest = hashlib.sha256(FONT_FILES[weight].read_bytes()).hexdigest()[:16]
        print(f"{FONT_FILES[weight].relative_to(ROOT)}: {len(face.getGlyphOrder())} glyphs, "
              f"{FONT_FILES[weight].stat().st_size:,} bytes, sha256 {digest}… (from {ttc})")
    write_licence(FONT_DIR / "OFL.txt", copyright_line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
