"""Search as a reader uses it: Material's search box in Chromium, on the site served under /REPO/."""
from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.helpers import ROOT, BuiltSite
from tools.browser import Visit, open_page, wait_for
from tools.searching import (
    HARD_QUERIES,
    HOMES,
    QUERIES,
    RESULT_LINKS,
    SITE_QUERIES,
    distinct_pages,
    load_queries,
    open_search,
    search,
    top_pages,
)
from tools.site_server import SUBPATH, free_port, serve

# Query sets and the share of each language's queries whose expected page must be in the top three:
# the public set (the site's own words), the hard set (as readers type: Traditional characters,
# homophones, pinyin, typos, long questions, readers' words) and this site's own queries (all).
QUERY_SETS = {"public": (QUERIES, 0.95), "hard": (HARD_QUERIES, 0.9), "site": (SITE_QUERIES, 1.0)}


def searching(browser: Any, site: BuiltSite, lang: str, path: str | None = None) -> Visit:
    visit = open_page(browser, site.url(HOMES[lang] if path is None else path), "desktop",
                      locale="zh-CN" if lang == "zh" else "en-US")
    open_search(visit.page)
    return visit


def front_matter(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1]) if text.startswith("---") else {}


@pytest.mark.parametrize("name", list(QUERY_SETS))
@pytest.mark.parametrize("lang", list(HOMES))
def test_query_set_finds_expected_page_in_top_three(browser, site: BuiltSite, lang: str, name: str) -> None:
    path, min_rate = QUERY_SETS[name]
    queries = [q for q in load_queries(path) if q.lang == lang]
    assert queries, f"no {lang} queries in {path}"
    visit = searching(browser, site, lang)
    misses, empty = [], []
    for query in queries:
        hrefs, _ = search(visit.page, query.q)
        top = top_pages(hrefs, site.base_url, lang)
        if not hrefs:
            empty.append(query.q)
        if not set(query.expect) & set(top):
            misses.append(f"{query.q!r}: expected one of {query.expect}, got {top}")
    rate = 1 - len(misses) / len(queries)
    print(f"\nsearch hit rate ({name}, {lang}): {len(queries) - len(misses)}/{len(queries)} = {rate:.0%}")
    for miss in misses:
        print("  miss:", miss)
    assert visit.console_errors == [] and visit.foreign_requests(site.base_url) == []
    visit.close()
    assert empty == [], "queries with words on the site found no page"
    assert rate >= min_rate, misses


@pytest.mark.parametrize(("lang", "queries"), [("zh", ["eSIM", "SIM", "注销", "profile", "card"]),
                                               ("en", ["eSIM", "SIM", "注销", "一证通查", "card"])])
def test_results_are_in_the_reader_language_only(browser, site: BuiltSite, lang: str,
                                                 queries: list[str]) -> None:
    visit = searching(browser, site, lang)
    found_any = False
    for query in queries:
        hrefs, _ = search(visit.page, query)
        found_any |= bool(hrefs)
        assert {page_lang for page_lang, _ in distinct_pages(hrefs, site.base_url)} <= {lang}, (query, hrefs)
    assert found_any
    visit.close()


@pytest.mark.parametrize("forms", [["cancel", "cancelled", "cancelling", "cancellation"],
                                   ["delete", "deleting", "deleted"], ["profile", "profiles"]])
def test_english_finds_inflected_forms(browser, site: BuiltSite, forms: list[str]) -> None:
    visit = searching(browser, site, "en")
    results, counts = {}, {}
    for form in forms:
        hrefs, _ = search(visit.page, form + " ")  # a trailing space: no prefix match, stems only
        results[form] = top_pages(hrefs, site.base_url, "en", n=100)
        counts[form] = visit.page.locator(".md-search-result__meta").inner_text()
    visit.close()
    assert all(results.values()), results
    # Every form reaches the same pages (Material draws the first 10, and says how many there are).
    assert len(set(counts.values())) == 1, counts
    assert len({tuple(sorted(pages)) for pages in results.values() if len(pages) < 10}) <= 1, results
    if forms[0] in ("delete", "profile"):
        assert all(pages[0] == "esim" for pages in results.values()), results


def test_word_on_no_page_finds_nothing(browser, site: BuiltSite) -> None:
    visit = searching(browser, site, "en")
    hrefs, _ = search(visit.page, "xylophonequartz")
    assert hrefs == []
    none_text = visit.page.evaluate(
        "JSON.parse(document.getElementById('__config').textContent).translations['search.result.none']")
    assert visit.page.locator(".md-search-result__meta").inner_text().strip() == none_text
    visit.close()


@pytest.mark.parametrize("lang", list(HOMES))
def test_alias_ranks_its_page_first(browser, site: BuiltSite, lang: str) -> None:
    aliases: dict[str, set[str]] = {}
    for source in sorted((ROOT / "docs").glob(f"*.{lang}.md")):
        slug = source.name.split(".")[0]
        for alias in front_matter(source).get("aliases") or []:
            aliases.setdefault(str(alias), set()).add(slug)
    assert aliases, "no page has aliases"
    visit = searching(browser, site, lang)
    wrong = []
    for alias, slugs in sorted(aliases.items()):
        hrefs, _ = search(visit.page, alias)
        top = top_pages(hrefs, site.base_url, lang, n=1)
        if not top or top[0] not in slugs:
            wrong.append(f"{alias!r}: {top} (alias of {sorted(slugs)})")
    visit.close()
    assert wrong == []


@pytest.mark.parametrize(("lang", "query", "page", "anchor"), [("zh", "IMEI", "glossary", "imei"),
                                                               ("en", "IMEI", "glossary", "imei")])
def test_heading_ranks_above_body_text(browser, site: BuiltSite, lang: str, query: str, page: str,
                                       anchor: str) -> None:
    visit = searching(browser, site, lang)
    hrefs, _ = search(visit.page, query)
    visit.close()
    pages = distinct_pages(hrefs, site.base_url)
    assert len(pages) > 1, "the word should be in the body of other pages too"
    assert pages[0] == (lang, page)
    first_group = [h for h in hrefs if top_pages([h], site.base_url, lang) == [page]]
    assert any(h.endswith("#" + anchor) for h in first_group), first_group


@pytest.mark.parametrize(("lang", "query"), [("zh", "余额"), ("en", "balance")])
def test_section_hit_links_to_section_anchor(browser, site: BuiltSite, lang: str, query: str,
                                             artifacts: Path) -> None:
    visit = searching(browser, site, lang)
    page = visit.page
    search(page, query)
    section = page.locator(".md-search-result__item").first.locator("a[href*='#balance']").first
    href = section.get_attribute("href")
    assert href and "#balance" in href
    page.screenshot(path=str(artifacts / f"search-results-{lang}.png"))
    # Open the first section shown (folded ones need their <details> opened first).
    details = page.locator(".md-search-result__item").first.locator("details")
    if details.count() and not section.is_visible():
        details.first.locator("summary").click()
    section.click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("#balance")
    assert page.locator("#balance").is_visible()
    # Material's highlighting of the query on the target page.
    assert page.locator("mark[data-md-highlight]").count() > 0
    assert visit.console_errors == [] and visit.failed == []
    visit.close()


@pytest.mark.parametrize("lang", list(HOMES))
def test_index_loads_only_when_search_opens(browser, site: BuiltSite, lang: str) -> None:
    """Nothing of search beyond the 1 KiB loader on a page view; opening search fetches the engine and
    the index's meta.json; a query fetches some key shards and the fragments of at most ten pages,
    all of the reader's language, each once."""
    visit = open_page(browser, site.url(HOMES[lang] + "esim/"), "phone")
    page = visit.page
    index = site.url(f"search/{lang}/")

    def index_requests() -> list[str]:
        return [url for url in visit.requests if "/search/" in url and url.endswith(".json")]

    def engine_requests() -> list[str]:
        return [url for url in visit.requests if url.endswith(("/search/engine.js", "/search/stemmer.js"))]

    page.wait_for_timeout(300)
    assert index_requests() == [], "search index fetched before the reader opened search"
    assert engine_requests() == [], "search engine loaded before the reader opened search"
    with page.expect_request(lambda request: request.url == index + "meta.json"):
        page.locator("label.md-header__button[for='__search']").click()
    page.wait_for_load_state("networkidle")
    assert index_requests() == [index + "meta.json"]
    assert engine_requests() == [site.url("assets/search/engine.js")]
    if lang == "zh":
        search(page, "注销")
        assert engine_requests() == [site.url("assets/search/engine.js")], "stemmer loaded for a Chinese query"
    before = len(index_requests())
    hrefs, _ = search(page, "eSIM")
    assert engine_requests() == [site.url("assets/search/engine.js"), site.url("assets/search/stemmer.js")]
    assert hrefs and {page_lang for page_lang, _ in distinct_pages(hrefs, site.base_url)} == {lang}
    fetched = index_requests()
    assert all(url.startswith(index) for url in fetched), fetched
    assert len(fetched) == len(set(fetched)), "an index file fetched twice"
    # "esim": one shard of titles, headings, descriptions and aliases, then (fewer than ten such pages)
    # the same shard of the text-only tier; at most ten fragments.
    new = [url.removeprefix(index) for url in fetched[before:]]
    shard = next(url for url in new if url.startswith("k/"))
    assert [url for url in new if not url.startswith("p/")] == [shard, "w/" + shard[2:]], new
    assert len([url for url in new if url.startswith("p/")]) <= 10
    search(page, "esim")   # the same word again: nothing new to fetch
    assert index_requests() == fetched, "a repeated query fetched again"
    assert not any("search_index" in url for url in visit.requests)
    assert visit.console_errors == [] and visit.failed == [] and visit.foreign_requests(site.base_url) == []
    visit.close()


def test_opening_search_asks_the_worker_on_its_own_port(browser, site: BuiltSite) -> None:
    """The ask to fetch the index goes to the worker by postMessage, not by BroadcastChannel, whose
    message Chromium can drop while the worker is still joining the channel (seen under load: search
    opened, the engine never came). Without BroadcastChannel on the page, opening search must still
    fetch meta.json."""
    visit = open_page(browser, site.url("en/esim/"), "phone", init_script="delete window.BroadcastChannel;")
    page = visit.page
    with page.expect_request(lambda request: request.url == site.url("search/en/meta.json"), timeout=15_000):
        page.locator("label.md-header__button[for='__search']").click()
    visit.close()


@pytest.mark.parametrize("key", ["/", "s"])
def test_shortcut_key_opens_search(browser, site: BuiltSite, key: str) -> None:
    visit = open_page(browser, site.url("en/esim/"), "desktop", locale="en-US")
    page = visit.page
    assert not page.locator("#__search").is_checked()
    page.keyboard.press(key)
    wait_for(page, "document.getElementById('__search').checked", timeout=5_000)
    box = page.locator("input.md-search__input")
    wait_for(page, "document.activeElement === document.querySelector('input.md-search__input')",
                           timeout=5_000)
    box.type("profiles")
    page.locator(RESULT_LINKS).first.wait_for(timeout=10_000)
    assert "profile" in page.locator(".md-search-result__item mark").first.inner_text().lower()
    page.keyboard.press("Escape")
    wait_for(page, "!document.getElementById('__search').checked", timeout=5_000)
    visit.close()


LAYOUT_SAMPLES = ["注", "销", "𠀀", "ca", "es", "10", "fm", "ß", "é"]


def test_engine_reads_the_index_layout_the_build_writes(browser, site: BuiltSite) -> None:
    """engine.js and scripts/sitelib/searchindex.py agree on key groups, shard numbers and postings; queries
    split into the terms the index has keys for."""
    from sitelib import searchindex
    visit = open_page(browser, site.url(""), "desktop", bypass_csp=True)  # the test adds inline scripts
    page = visit.page
    for script in ("stemmer.js", "engine.js"):   # as built: the build writes the index format into engine.js
        page.add_script_tag(content=(site.dir / "assets" / "search" / script).read_text(encoding="utf-8"))
    js = page.evaluate("samples => samples.map(s => [groupOf(s + 'x'), fnv1a(s) % 64, fnv1a(s)])", LAYOUT_SAMPLES)
    python = [[searchindex.group_of(s + "x"), searchindex.fnv1a(s) % 64, searchindex.fnv1a(s)]
              for s in LAYOUT_SAMPLES]
    assert js == python
    pages = [[{"location": "a/", "title": "注销 eSIM", "text": "运营商"}, {"location": "a/#s", "title": "FM卡", "text": "x"}],
             [{"location": "b/", "title": "b", "text": "注销"}]]
    postings = {key: searchindex.encode(entries) for key, entries in searchindex.postings(pages).items()}
    decoded = page.evaluate("""postings => Object.fromEntries(Object.entries(postings).map(([key, list]) => {
        const out = []; eachPosting(list, (page, doc, bits) => out.push([page, doc, bits])); return [key, out]; }))""",
                            postings)
    assert decoded["注销"] == [[0, 0, searchindex.TITLE], [1, 0, searchindex.TEXT]]
    assert decoded["卡"] == [[0, 1, searchindex.TITLE]] and decoded["esim"] == [[0, 0, searchindex.TITLE]]
    terms = page.evaluate("""queries => { createEngine({}, () => {});
        return queries.map(q => parse(q).terms.map(t => t.text)); }""",
                          ["物联网卡怎么注销", "Smart卡注销", "FM卡", "eSIM注销", "cancelled SIM's"])
    assert terms == [["物联网卡", "注销"], ["smart", "卡", "注销"], ["fm", "卡"], ["esim", "注销"], ["cancelled", "sim"]]
    visit.close()


@pytest.mark.parametrize("lang, query, wording", [("zh", "注销", "最相关的 {} 个页面"), ("en", "cancel", "{} best matching pages")])
def test_word_on_every_page_lists_the_ten_best_and_says_so(browser, site: BuiltSite, lang: str, query: str,
                                                           wording: str) -> None:
    visit = searching(browser, site, lang)
    hrefs, _ = search(visit.page, query)
    pages = distinct_pages(hrefs, site.base_url)
    assert len(pages) == 10, pages   # eleven pages in each language have the word; ten are listed
    assert visit.page.locator(".md-search-result__meta").inner_text().strip() == wording.format(10)
    visit.close()


@pytest.mark.parametrize("lang, query, first", [("zh", "手表卡注销", "wearable-card"), ("zh", "物联网卡注销", "iot-card")])
def test_words_typed_together_find_the_page_with_them_apart(browser, site: BuiltSite, lang: str, query: str,
                                                            first: str) -> None:
    """A run like 手表卡注销 is on no page as such (the glossary has it once): the page about watch
    cards, with 手表卡 and 注销 apart in its title, comes first."""
    visit = searching(browser, site, lang)
    hrefs, _ = search(visit.page, query)
    assert top_pages(hrefs, site.base_url, lang, 1) == [first], hrefs[:5]
    visit.close()


UNAVAILABLE = {"zh": "搜索暂时无法使用：没能加载搜索索引。请刷新页面再试。",
               "en": "Search is unavailable: its index could not be loaded. Reload the page to try again."}


def break_index(site_dir: Path, lang: str, how: str) -> None:
    """A copy of the site whose index cannot be read: meta.json gone, or of another format version."""
    meta = site_dir / "search" / lang / "meta.json"
    if how == "missing":
        meta.unlink()
    else:
        data = json.loads(meta.read_text(encoding="utf-8"))
        meta.write_text(json.dumps({**data, "version": data["version"] + 1}), encoding="utf-8")


@pytest.mark.parametrize(("lang", "how"), [("zh", "missing"), ("en", "other-version")])
def test_index_that_cannot_be_loaded_says_search_is_unavailable(browser, site: BuiltSite, tmp_path: Path,
                                                                artifacts: Path, lang: str, how: str) -> None:
    """Not "no results": the dialog says search is unavailable, and the reason is logged as an error."""
    copy = tmp_path / "site"
    shutil.copytree(site.dir, copy)
    break_index(copy, lang, how)
    port = free_port()
    server = serve(copy, SUBPATH, port)
    broken = BuiltSite(copy, f"http://127.0.0.1:{port}{SUBPATH}")
    visit = searching(browser, broken, lang)
    visit.page.locator("input.md-search__input").type("注销" if lang == "zh" else "cancel")
    meta = ".md-search-result__meta"
    wait_for(visit.page, f"document.querySelector({meta!r}).textContent === {UNAVAILABLE[lang]!r}",
                                 timeout=10_000)
    visit.page.screenshot(path=str(artifacts / f"search-unavailable-{lang}-{how}.png"))
    assert visit.page.locator(RESULT_LINKS).count() == 0
    assert [e for e in visit.console_errors if e.startswith("search is unavailable: ")], visit.console_errors
    visit.close()
    server.shutdown()
