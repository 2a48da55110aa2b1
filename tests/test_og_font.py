"""The preview images' font can draw every page title and site name, and says where it came from."""
from __future__ import annotations

from functools import lru_cache

import pytest
from fontTools.ttLib import TTFont

from sitelib.ogfont import FONT_DIR, FONT_FILES, missing_characters, page_titles, site_names
from tests.helpers import ROOT


@lru_cache(maxsize=None)
def cmap(weight: str) -> frozenset[int]:
    return frozenset(TTFont(FONT_FILES[weight], lazy=True).getBestCmap())


@pytest.mark.parametrize("md", sorted(page_titles(ROOT / "docs")))
def test_the_title_font_has_every_character_of_the_page_title(md: str) -> None:
    title = page_titles(ROOT / "docs")[md]
    missing = missing_characters(title + "…", set(cmap("Bold")))
    assert not missing, (f"docs/{md}: the preview font lacks {missing!r} of the title {title!r}; "
                         "run `make font` (README, Link previews) and commit scripts/sitelib/fonts/")


@pytest.mark.parametrize("weight", ["Bold", "Medium"])
def test_both_weights_have_every_character_of_the_site_names(weight: str) -> None:
    names = "".join(site_names(ROOT / "mkdocs.yml"))
    assert len(names) > 10
    assert not missing_characters(names, set(cmap(weight))), weight


def test_a_character_outside_the_subset_is_reported() -> None:
    assert missing_characters("注销 eSIM 龘", set(cmap("Bold"))) == "龘"


@pytest.mark.parametrize("weight", ["Bold", "Medium"])
def test_the_font_is_noto_sans_cjk_sc_under_the_ofl(weight: str) -> None:
    names = TTFont(FONT_FILES[weight], lazy=True)["name"]
    assert (names.getDebugName(16) or names.getDebugName(1)) == "Noto Sans CJK SC"
    assert "Open Font License" in names.getDebugName(13)
    licence = (FONT_DIR / "OFL.txt").read_text(encoding="utf-8")
    assert "Adobe" in licence.splitlines()[0] and "SIL OPEN FONT LICENSE Version 1.1" in licence
