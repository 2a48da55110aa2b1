"""The variant tables (sitelib/searchvariants.py) and the synonym list (sitelib/searchsynonyms.py)."""
from __future__ import annotations

import json

from sitelib import searchindex, searchsynonyms, searchvariants
from sitelib.searchdocs import page_documents
from tests.helpers import BuiltSite


def index_of(*texts: str) -> dict[str, searchindex.Postings]:
    return searchindex.postings([[{"location": f"{n}/", "title": text, "text": ""}] for n, text in enumerate(texts)])


def test_traditional_table_maps_characters_one_by_one_for_the_index_characters_only() -> None:
    table = searchvariants.traditional_table({"注", "销", "号", "码", "网", "联"})
    pairs = dict(zip(table[::2], table[1::2]))
    assert pairs["註"] == "注" and pairs["銷"] == "销" and pairs["號"] == "号" and pairs["碼"] == "码"
    assert pairs["網"] == "网" and pairs["聯"] == "联"
    assert set(pairs.values()) <= {"注", "销", "号", "码", "网", "联"}   # nothing the index lacks
    assert "登" not in table and "出" not in table   # no phrase profile: 註銷 never becomes 登出


def test_readings_are_toneless_most_used_first() -> None:
    assert searchvariants.char_readings("行")[:2] == ("xing", "hang")
    assert searchvariants.char_readings("绿")[0] == "lv"
    assert searchvariants.pair_reading("银行") == "yin hang"    # as a word
    assert searchvariants.pair_reading("注销") == "zhu xiao"


def test_pair_table_lists_the_sites_pairs_by_reading_strong_fields_first() -> None:
    index = searchindex.postings([[{"location": "a/", "title": "注销", "text": "住校 住校 住校"}],
                                  [{"location": "b/", "title": "菲律宾", "text": ""}]])
    table = searchvariants.pair_table(index)
    assert table["zhu xiao"] == "注销住校"    # one title beats three uses in the text
    assert table["fei lv"] == table["fei lu"] == "菲律"   # ü typed v or u


def test_english_tails_find_words_by_their_letters_after_the_third() -> None:
    tails = searchvariants.english_tails(index_of("cancel the profile", "sim"))
    assert tails["cel"] == ["cancel"] and tails["file"] == ["profile"]
    assert "sim" not in {word for words in tails.values() for word in words}   # too short to correct


def test_build_writes_the_tables_with_their_shard_counts() -> None:
    files = searchvariants.build(index_of("注销 eSIM 配置文件", "停机保号"))
    meta = json.loads(files["v/meta.json"])
    assert set(meta["shards"]) == {"c", "p", "e"}
    for folder, count in meta["shards"].items():
        shards = [json.loads(files[f"v/{folder}/{n}.json"]) for n in range(count)]
        assert all(searchindex.fnv1a(key) % count == n for n, shard in enumerate(shards) for key in shard)
    syllables = json.loads(files["v/s.json"]).split()
    assert {"zhu", "xiao", "lv"} <= set(syllables)


def test_synonyms_add_readers_words_to_the_fields_with_the_site_word() -> None:
    table = {"挂失": ["丢了", "被偷"], "suspend": ["pause"]}
    assert searchsynonyms.added_words("先挂失停机", table) == ["丢了", "被偷"]
    assert searchsynonyms.added_words("Suspended numbers", table) == ["pause"]
    assert searchsynonyms.added_words("suspense", table) == []   # a different word
    assert searchindex.keys_of(searchsynonyms.with_synonyms("先挂失", table)) >= {"丢了", "被偷"}
    assert "失丢" not in searchindex.keys_of(searchsynonyms.with_synonyms("先挂失", table))


def test_synonyms_reach_the_index_but_not_what_results_show() -> None:
    pages = [page_documents("<h1 id='x'>挂失</h1><p>先挂失。</p>", "x/", {"aliases": ["挂失"]})]
    files = searchindex.build(pages, "zh")
    keys = {key for name, text in files.items() if name.startswith(("k/", "w/")) for key in json.loads(text)}
    assert {"丢失", "被偷"} <= keys
    assert "丢失" not in files["p/0.json"]


def test_every_synonym_list_is_text() -> None:
    lists = searchsynonyms.load()
    assert set(lists) == {"zh", "en"}
    for table in lists.values():
        assert table and all(words and all(isinstance(w, str) and w for w in words) for words in table.values())


def test_built_site_has_variant_tables_per_language(site: BuiltSite) -> None:
    for lang in ("zh", "en"):
        folder = site.dir / "search" / lang / "v"
        assert (folder / "t.json").is_file() and (folder / "s.json").is_file()
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        for name, count in meta["shards"].items():
            assert len(list((folder / name).glob("*.json"))) == count
