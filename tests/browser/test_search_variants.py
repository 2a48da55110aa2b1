"""Search finds what readers mean when they type it differently from the site (issue 13): one test per
behaviour, in Material's search box in Chromium. Each query here finds nothing, or not the right page,
when the behaviour is missing."""
from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import BuiltSite
from tools.browser import Visit, open_page
from tools.searching import HOMES, open_search, search, top_pages


def searching(browser: Any, site: BuiltSite, lang: str) -> Visit:
    visit = open_page(browser, site.url(HOMES[lang]), "desktop", locale="zh-CN" if lang == "zh" else "en-US")
    open_search(visit.page)
    return visit


def first_pages(browser: Any, site: BuiltSite, lang: str, queries: list[str], n: int = 1) -> dict[str, list[str]]:
    """Query -> the first n distinct result pages in the reader's language."""
    visit = searching(browser, site, lang)
    out = {}
    for query in queries:
        hrefs, _ = search(visit.page, query)
        out[query] = top_pages(hrefs, site.base_url, lang, n)
    assert visit.console_errors == [] and visit.foreign_requests(site.base_url) == []
    visit.close()
    return out


def variant_requests(visit: Visit) -> list[str]:
    return [url for url in visit.requests if "/v/" in url or url.endswith("/variants.js")]


@pytest.mark.parametrize(("query", "page"), [("物聯網卡", "iot-card"), ("手錶卡", "wearable-card"),
                                             ("上網卡怎麼註銷", "data-card"), ("停機保號", "suspend-or-cancel")])
def test_traditional_characters_find_their_simplified_words(browser, site: BuiltSite, query: str, page: str) -> None:
    assert first_pages(browser, site, "zh", [query]) == {query: [page]}


@pytest.mark.parametrize(("query", "page"), [("物联网卡注消", "iot-card"), ("手机卡注消", "sim"),
                                             ("手表卡注小", "wearable-card"), ("销护", "sim")])
def test_homophone_typos_find_the_word_that_reads_the_same(browser, site: BuiltSite, query: str, page: str) -> None:
    assert page in first_pages(browser, site, "zh", [query], 3)[query]


@pytest.mark.parametrize(("query", "page"), [("wulianwangka", "iot-card"), ("yizhengtongcha", "check-numbers"),
                                             ("tingjibaohao", "suspend-or-cancel"), ("feilvbin", "philippines")])
def test_pinyin_finds_the_pages_whose_words_read_so(browser, site: BuiltSite, query: str, page: str) -> None:
    assert page in first_pages(browser, site, "zh", [query], 3)[query]


@pytest.mark.parametrize(("query", "page"), [("profle", "esim"), ("cancle", "sim"), ("philipines", "philippines"),
                                             ("xancel", "sim"), ("deceasd", "on-behalf")])
def test_english_one_letter_typos_find_the_word(browser, site: BuiltSite, query: str, page: str) -> None:
    """A letter wrong, missing, extra or swapped, also in the first three (xancel: cancel)."""
    assert page in first_pages(browser, site, "en", [query], 3)[query]


def test_english_short_words_are_not_corrected(browser, site: BuiltSite) -> None:
    """Four letters are too few to guess from: 'simx' is not taken for 'sim'."""
    assert first_pages(browser, site, "en", ["simx"]) == {"simx": []}


def missing_words(visit: Visit) -> list[str]:
    """The words Material strikes through under the first result."""
    first = visit.page.locator(".md-search-result__item").first
    return first.locator(".md-search-result__terms").first.locator("del").all_inner_texts()


@pytest.mark.parametrize(("lang", "query", "pages", "missing"), [
    ("zh", "号码注销以后别人还能用吗", {"sim", "esim", "data-card", "suspend-or-cancel", "glossary"}, None),
    ("zh", "老人的手机号怎么帮他注销", {"sim", "esim", "data-card"}, None),
    ("en", "how can I stop my sim card for good", {"sim"}, ["good"]),
])
def test_long_questions_rank_pages_by_the_words_they_have(browser, site: BuiltSite, lang: str, query: str,
                                                          pages: set[str], missing: list[str] | None) -> None:
    visit = searching(browser, site, lang)
    hrefs, _ = search(visit.page, query)
    top = top_pages(hrefs, site.base_url, lang, 3)
    assert set(top) & pages, top
    if missing is not None:
        assert missing_words(visit) == missing
    visit.close()


def test_missing_words_shown_are_capped_at_ten(browser, site: BuiltSite) -> None:
    """Material draws missing words in quadratic time: a link with hundreds must not freeze the tab."""
    words = " ".join(f"zq{n}x" for n in range(40))
    visit = searching(browser, site, "en")
    hrefs, _ = search(visit.page, "esim " + words)
    assert top_pages(hrefs, site.base_url, "en", 1) == ["esim"]
    assert len(missing_words(visit)) == 10
    visit.close()


@pytest.mark.parametrize(("lang", "query", "page"), [("zh", "小天才", "wearable-card"), ("zh", "弄丢", "lost-card"),
                                                     ("en", "dongle", "data-card")])
def test_readers_words_find_the_sites_words(browser, site: BuiltSite, lang: str, query: str, page: str) -> None:
    """Words in scripts/sitelib/search_synonyms.yml that no page uses."""
    assert page in first_pages(browser, site, lang, [query], 3)[query]


@pytest.mark.parametrize(("lang", "query"), [("zh", "卖卡给别人犯法吗"), ("zh", "查詢名下號碼"),
                                             ("en", "profle xylophonequartz")])
def test_a_word_on_the_site_always_finds_a_page(browser, site: BuiltSite, lang: str, query: str) -> None:
    assert first_pages(browser, site, lang, [query])[query] != []


def test_variant_tables_load_only_when_a_query_needs_them(browser, site: BuiltSite) -> None:
    visit = searching(browser, site, "zh")
    for query in ("注销", "物联网卡怎么注销", "eSIM"):
        search(visit.page, query)
    assert variant_requests(visit) == [], "variants fetched for queries the site's words answer"
    search(visit.page, "註銷")
    fetched = variant_requests(visit)
    assert fetched and fetched[0].endswith("/assets/search/variants.js"), fetched
    assert {url.rsplit("/search/zh/", 1)[-1] for url in fetched[1:]} <= {"v/meta.json", "v/t.json"}, fetched
    assert all("/search/zh/" in url for url in fetched[1:]), fetched
    visit.close()
