"""The repository says under which licence code and content may be reused, and every page says it too."""
from __future__ import annotations

import re

from tests.helpers import ROOT, BuiltSite, built_pages

DEED = "https://creativecommons.org/licenses/by-sa/4.0/"
LICENCE_LINE = {"zh": ("deed.zh-hans", "内容采用 CC BY-SA 4.0 许可"),
                "en": ("deed.en", "Content licensed under CC BY-SA 4.0")}
LICENCE_LINK = re.compile(r'<a href="?(?P<href>[^" >]+)"? rel="?license[^>]*>(?P<text>[^<]+)</a>')


def test_licence_files_name_mit_and_cc_by_sa() -> None:
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    content = (ROOT / "LICENSES" / "CC-BY-SA-4.0.txt").read_text(encoding="utf-8")
    assert content.startswith("Attribution-ShareAlike 4.0 International")
    assert "Section 8 -- Interpretation." in content  # the whole legal code, not an excerpt
    assert not [p for p in (ROOT / "docs").rglob("*") if p.name.upper().startswith("LICENSE")]


def test_third_party_parts_are_credited() -> None:
    notice = (ROOT / "THIRD-PARTY.md").read_text(encoding="utf-8")
    for part in ("Material for MkDocs", "Porter", "stemmer.js", "Noto Sans CJK", "axe-core",
                 "SIL Open Font License", "MPL 2.0"):
        assert part in notice, part


def test_every_page_links_its_licence_once_in_its_language(site: BuiltSite) -> None:
    for path in built_pages(site, redirects=False):
        lang = "en" if path.startswith("en/") else "zh"
        html = (site.dir / path / "index.html").read_text(encoding="utf-8")
        links = [(m["href"], m["text"].strip()) for m in LICENCE_LINK.finditer(html)]
        deed, text = LICENCE_LINE[lang]
        assert links == [(DEED + deed, text)], path
