"""The per-language search index: documents (sitelib/searchdocs.py) written by sitelib/searchindex.py."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from sitelib import searchindex
from sitelib.searchdocs import page_documents
from tests.helpers import ROOT, BuiltSite

SHARD_BUDGET_GZIP = 8 * 1024     # one key shard (a query fetches one per Chinese character or word)
FRAGMENT_BUDGET_GZIP = 2 * 1024  # one page's result fragment (a query fetches up to ten)

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


def fragments(site: BuiltSite, lang: str) -> list[dict]:
    """The result fragments of one language, in page order, shared sections resolved from meta.json."""
    meta = json.loads((site.dir / "search" / lang / "meta.json").read_text(encoding="utf-8"))
    out = []
    for n in range(meta["pages"]):
        fragment = json.loads((site.dir / "search" / lang / "p" / f"{n}.json").read_text(encoding="utf-8"))
        fragment["s"] = [meta["common"][s] if isinstance(s, int) else s for s in fragment["s"]]
        out.append(fragment)
    return out


def shards(site: BuiltSite, lang: str, tier: str) -> dict[str, list[int]]:
    """Every key of one language's index tier (k: titles, headings...; w: text only), with its postings."""
    meta = json.loads((site.dir / "search" / lang / "meta.json").read_text(encoding="utf-8"))
    keys: dict[str, list[int]] = {}
    for n in range(meta["shards"][tier]):
        shard = json.loads((site.dir / "search" / lang / tier / f"{n}.json").read_text(encoding="utf-8"))
        assert all(searchindex.shard_of(key, meta["shards"][tier]) == n for key in shard), (lang, tier, n)
        keys.update(shard)
    return keys


def decode(postings: list[int]) -> list[tuple[int, int, int]]:
    """(page, document, field bits) triples, as engine.js reads them."""
    out, i, page = [], 0, 0
    while i < len(postings):
        page += postings[i]
        count = postings[i + 1]
        out += [(page, code >> searchindex.DOC_SHIFT, code & (1 << searchindex.DOC_SHIFT) - 1)
                for code in postings[i + 2:i + 2 + count]]
        i += 2 + count
    return out


def test_built_site_has_one_index_per_language_and_no_stock_index(site: BuiltSite) -> None:
    assert not (site.dir / "search" / "search_index.json").exists()
    zh, en = fragments(site, "zh"), fragments(site, "en")
    assert all(not f["u"].startswith("en/") for f in zh)
    assert all(f["u"].startswith("en/") for f in en)
    for lang, pages in (("zh", zh), ("en", en)):
        sources = sorted((ROOT / "docs").glob(f"*.{lang}.md"))
        assert len(pages) == len({f["u"] for f in pages}) == len(sources), lang


def test_same_section_ids_in_both_languages(site: BuiltSite) -> None:
    """Translation parity shows in search too: a section found in one language exists in the other."""
    def anchors(lang: str) -> set[str]:
        return {f"{f['u'].removeprefix('en/')}#{section_id}" for f in fragments(site, lang) for section_id, _ in f["s"]}
    assert anchors("zh") == anchors("en"), sorted(anchors("zh") ^ anchors("en"))


def test_every_index_file_within_budget(site: BuiltSite) -> None:
    """A query fetches a few shards and up to ten fragments: each must stay small."""
    for lang in ("zh", "en"):
        for path in (site.dir / "search" / lang).rglob("*.json"):
            limit = FRAGMENT_BUDGET_GZIP if path.parent.name == "p" else SHARD_BUDGET_GZIP
            assert len(gzip.compress(path.read_bytes(), 9)) <= limit, path


def test_card_page_aliases_reach_the_index(site: BuiltSite) -> None:
    pages = fragments(site, "zh")
    esim = next(f for f in pages if f["u"] == "esim/")
    assert "eSIM" in esim["a"]
    keys, number = shards(site, "zh", "k"), pages.index(esim)
    assert any(p == number and doc == 0 and bits & searchindex.ALIASES for p, doc, bits in decode(keys["esim"]))
    assert any(p == number and doc == 0 and bits & searchindex.TITLE for p, doc, bits in decode(keys["注销"]))


def test_tiers_split_strong_fields_from_text_only(site: BuiltSite) -> None:
    strong, weak = shards(site, "zh", "k"), shards(site, "zh", "w")
    assert all(bits & ~searchindex.TEXT for key in strong for _, _, bits in decode(strong[key]))
    assert all(bits == searchindex.TEXT for key in weak for _, _, bits in decode(weak[key]))
    # Together they are the whole index: 运营商 is in some headings and in much body text.
    assert "运营" in strong and "运营" in weak


def test_keys_are_character_pairs_and_words() -> None:
    assert searchindex.keys_of("注销卡") == {"注", "销", "卡", "注销", "销卡"}
    assert searchindex.keys_of("FM卡 and the SIM's PIN") == {"fm", "卡", "and", "the", "sim", "pin"}
    assert searchindex.keys_of("ｅＳＩＭ（电子）") == {"esim", "电", "子", "电子"}   # NFKC, lower case
    assert searchindex.group_of("注销") == "注销" and searchindex.group_of("cancel") == "can"


def test_postings_round_trip() -> None:
    pages = [page_documents(HTML, "esim/", {"aliases": ["eSIM"], "description": "一句话。"}),
             page_documents("<h1 id='x'>余额</h1><h2 id='y'>注销</h2><p>运营商</p>", "x/", {})]
    index = searchindex.postings(pages)
    assert decode(searchindex.encode(index["注销"])) == [(0, 0, searchindex.TEXT | searchindex.TITLE),
                                                        (1, 1, searchindex.TITLE)]
    assert decode(searchindex.encode(index["esim"])) == [(0, 0, searchindex.TITLE | searchindex.ALIASES)]
    assert decode(searchindex.encode(index["运营"])) == [(0, 1, searchindex.TEXT), (1, 1, searchindex.TEXT)]


def test_build_writes_meta_shards_and_fragments() -> None:
    pages = [page_documents(HTML, "esim/", {"aliases": ["eSIM"], "description": "一句话。"})]
    files = searchindex.build(pages)
    assert json.loads(files["meta.json"]) == {"version": searchindex.VERSION, "pages": 1, "shards": {"k": 1, "w": 1},
                                              "common": []}
    assert set(files) == {"meta.json", "k/0.json", "w/0.json", "p/0.json"}
    assert "联系" in json.loads(files["w/0.json"]) and "联系" not in json.loads(files["k/0.json"])
    assert json.loads(files["p/0.json"]) == {"u": "esim/", "t": "如何注销 eSIM", "a": ["eSIM"], "d": "一句话。",
                                             "s": [["steps", "步骤"], ["balance", "余额怎么办？"]]}


def test_sections_shared_by_pages_are_listed_once() -> None:
    pages = [page_documents(HTML, "esim/", {}),
             page_documents("<h1 id='x'>X</h1><h2 id='steps'>步骤</h2><h2 id='own'>别的</h2>", "x/", {})]
    files = searchindex.build(pages)
    assert json.loads(files["meta.json"])["common"] == [["steps", "步骤"]]
    assert json.loads(files["p/0.json"])["s"] == [0, ["balance", "余额怎么办？"]]
    assert json.loads(files["p/1.json"])["s"] == [0, ["own", "别的"]]


def test_shared_sections_save_bytes_on_the_real_site(site: BuiltSite) -> None:
    meta = json.loads((site.dir / "search" / "zh" / "meta.json").read_text(encoding="utf-8"))
    assert ["prerequisites", "办理前准备"] in meta["common"] and ["faq", "常见问题"] in meta["common"]


def engine_format(engine_js: str) -> dict:
    """The index format the built engine reads (written into it by the build)."""
    start = engine_js.index("var FORMAT=") + len("var FORMAT=")
    return json.JSONDecoder().raw_decode(engine_js, start)[0]


def test_engine_and_index_agree_on_the_format(site: BuiltSite) -> None:
    """The built engine carries the format the index was written in, and each meta.json its version."""
    engine = engine_format((site.dir / "assets" / "search" / "engine.js").read_text(encoding="utf-8"))
    assert engine == searchindex.FORMAT
    for lang in ("zh", "en"):
        meta = json.loads((site.dir / "search" / lang / "meta.json").read_text(encoding="utf-8"))
        assert meta["version"] == engine["version"], lang


def test_format_is_written_once_into_the_engine(tmp_path: Path) -> None:
    engine = tmp_path / "engine.js"
    engine.write_text(f"var FORMAT={searchindex.ENGINE_PLACEHOLDER};var BITS=FORMAT.bits;", encoding="utf-8")
    searchindex.write_format_into_engine(engine)
    written = engine.read_text(encoding="utf-8")
    assert engine_format(written) == searchindex.FORMAT
    searchindex.write_format_into_engine(engine)   # the next language's build: nothing to do
    assert engine.read_text(encoding="utf-8") == written


def test_engine_without_a_place_for_the_format_is_an_error(tmp_path: Path) -> None:
    engine = tmp_path / "engine.js"
    engine.write_text('var FORMAT={"version":0};', encoding="utf-8")
    with pytest.raises(searchindex.EngineFormatError, match="__SEARCH_INDEX_FORMAT__"):
        searchindex.write_format_into_engine(engine)

