"""The pictures (docs/assets/pictures/): drawn for this site as plain SVG, one file per language, each
accessible on its own, small, and with nothing in it that could run or fetch anything."""
from __future__ import annotations

import gzip
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PICTURES = ROOT / "docs" / "assets" / "pictures"
SNIPPETS = ROOT / "overrides" / "snippets"
NAMES = ["numbers", "order", "keep"]
SVG = "{http://www.w3.org/2000/svg}"
MAX_GZIP = 4 * 1024


def files() -> list[Path]:
    return [PICTURES / f"{name}.{lang}.svg" for name in NAMES for lang in ("zh", "en")]


@pytest.mark.parametrize("path", files(), ids=lambda p: p.name)
def test_picture_is_accessible_small_and_inert(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    root = ET.fromstring(text)
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    title = root.find(f"{SVG}title")  # the description is the alt text of the page's <img>
    assert title is not None and title.text
    assert title is root[0], "the title comes first: it names the picture"
    lang = path.suffixes[0][1:]
    assert root.get("lang", "").startswith(lang)
    has_han = bool(re.search(r"[\u4e00-\u9fff]", title.text))
    assert has_han == (lang == "zh"), "the title is in the page's language"
    assert len(gzip.compress(text.encode("utf-8"), 9)) <= MAX_GZIP
    for element in root.iter():
        tag = element.tag.replace(SVG, "")
        assert tag not in ("script", "foreignObject", "image", "use", "a", "iframe"), tag
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), f"event attribute {name}"
            assert "href" not in name.lower(), "no links or external references"
            assert "url(" not in value and "javascript:" not in value
    assert "@import" not in text and "http://" not in text.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in text


@pytest.mark.parametrize("name", NAMES)
def test_each_picture_has_a_snippet_per_language_naming_its_own_file(name: str) -> None:
    for lang in ("zh", "en"):
        snippet = (SNIPPETS / f"picture-{name}.{lang}.md").read_text(encoding="utf-8")
        assert snippet.count("\n") == 1, "one line, included with --8<--"
        alt = re.search(r"!\[(.+?)\]\(assets/pictures/" + re.escape(f"{name}.{lang}.svg") + r"\)", snippet)
        assert alt and len(alt.group(1)) > 20
        assert re.search(r"<figcaption>[^<]+</figcaption></figure>$", snippet.strip())
