"""The per-language search index written by scripts/hooks/search.py."""
from __future__ import annotations

import gzip
import json

from scripts.hooks.search import page_documents
from tests.conftest import ROOT, BuiltSite

BUDGET_GZIP = 150 * 1024  # bytes a reader downloads for a search, per language

HTML = """
<h1 id="esim">如何注销 eSIM<a class="headerlink" href="#esim" title="复制本节链接">#</a></h1>
<p>本页写给<strong>要注销</strong>的人。</p>
<h2 id="steps">步骤<a class="headerlink" href="#steps">#</a></h2>
<ol><li>联系运营商。</li><li>删除配置文件。</li></ol>
<h3 id="balance">余额怎么办？</h3><p>先结清&amp;询问。</p>
<script>var x = "not text";</script>
"""


def test_page_documents_split_sections_and_keep_aliases() -> None:
    docs = page_documents(HTML, "esim/", {"aliases": ["电子SIM卡", "eSIM"], "description": "一句话。"})
    assert [d["location"] for d in docs] == ["esim/", "esim/#steps", "esim/#balance"]
    page, steps, balance = docs
    assert page["title"] == "如何注销 eSIM"          # the permalink "#" is not part of a title
    assert page["text"] == "本页写给要注销的人。"
    assert page["aliases"] == ["电子SIM卡", "eSIM"] and page["description"] == "一句话。"
    assert steps["title"] == "步骤" and steps["text"] == "联系运营商。 删除配置文件。"
    assert balance["title"] == "余额怎么办？" and balance["text"] == "先结清&询问。"
    assert "not text" not in json.dumps(docs, ensure_ascii=False)


def test_page_without_aliases_has_no_alias_field() -> None:
    docs = page_documents("<h1 id='x'>T</h1><p>b</p>", "x/", {})
    assert docs == [{"location": "x/", "title": "T", "text": "b"}]


def read_index(site: BuiltSite, lang: str) -> list[dict]:
    return json.loads((site.dir / "search" / f"{lang}.json").read_text(encoding="utf-8"))["docs"]


def test_built_site_has_one_index_per_language_and_no_stock_index(site: BuiltSite) -> None:
    assert not (site.dir / "search" / "search_index.json").exists()
    zh, en = read_index(site, "zh"), read_index(site, "en")
    assert zh and en
    assert all(not d["location"].startswith("en/") for d in zh)
    assert all(d["location"].startswith("en/") for d in en)
    # Every page of each language is in its index, every page first, then its sections.
    for lang, docs in (("zh", zh), ("en", en)):
        pages = {d["location"] for d in docs if "#" not in d["location"]}
        sources = sorted((ROOT / "docs").glob(f"*.{lang}.md"))
        assert len(pages) == len(sources), (lang, sorted(pages))
        seen: set[str] = set()
        for doc in docs:
            path = doc["location"].split("#")[0]
            assert "#" not in doc["location"] or path in seen, doc["location"]
            seen.add(path)


def test_same_section_ids_in_both_languages(site: BuiltSite) -> None:
    """Translation parity shows in search too: a section found in one language exists in the other."""
    zh = {d["location"] for d in read_index(site, "zh")}
    en = {d["location"].removeprefix("en/") for d in read_index(site, "en")}
    assert zh == en, sorted(zh ^ en)


def test_index_within_budget(site: BuiltSite) -> None:
    for lang in ("zh", "en"):
        raw = (site.dir / "search" / f"{lang}.json").read_bytes()
        assert len(gzip.compress(raw, 9)) < BUDGET_GZIP, (lang, len(raw))


def test_card_page_aliases_reach_the_index(site: BuiltSite) -> None:
    esim = next(d for d in read_index(site, "zh") if d["location"] == "esim/")
    assert "eSIM" in esim["aliases"]
