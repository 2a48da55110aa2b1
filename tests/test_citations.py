"""scripts/sitelib/citations.py: finding `[@id]`, numbering sources, rendering the superscript links."""
from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitelib import citations

SOURCES = [
    {"id": "ithome-2025", "title": "IT之家：号码冻结约三个月", "url": "https://www.ithome.com/0/1.htm"},
    "not a mapping",
    {"id": "cm-agreement", "title": "中国移动客户入网服务协议", "publisher": "中国移动", "date": date(2014, 1, 1)},
    {"title": "no id", "url": "https://example.com/"},
]


def render(markdown: str, sources: object = SOURCES, language: str = "zh") -> tuple[str, citations.Rendered]:
    rendered = citations.cite(markdown, citations.number_sources(sources), language)
    return citations.restore(rendered.markdown, rendered.snippets), rendered


def test_citations_outside_code_are_found_with_line_and_column() -> None:
    lines = ["正文。[@a][@b]", "`[@in-code]` 和 ``[@also]``", "```", "[@fenced]", "```", "~~~~", "[@tilde]", "~~~~",
             "after[@c]"]
    assert citations.find_citations(lines) == [
        citations.Citation(1, 4, "a"), citations.Citation(1, 8, "b"), citations.Citation(9, 6, "c")]


def test_sources_are_numbered_in_front_matter_order_skipping_what_is_not_a_mapping() -> None:
    numbered = citations.number_sources(SOURCES)
    assert [(s.number, s.id) for s in numbered] == [(1, "ithome-2025"), (2, "cm-agreement"), (3, None)]
    assert numbered[1].url is None and numbered[1].publisher == "中国移动" and numbered[1].date == "2014-01-01"
    assert numbered[1].anchor == "source-cm-agreement" and numbered[2].anchor is None


def test_a_citation_becomes_a_numbered_superscript_link_to_its_source() -> None:
    html, _ = render("冻结约三个月。[@ithome-2025]")
    assert html == ('冻结约三个月。<sup class="cite"><a href="#source-ithome-2025" id="cite-ithome-2025-1"'
                    ' aria-label="来源 1：IT之家：号码冻结约三个月">[1]</a></sup>')


def test_english_pages_say_source() -> None:
    html, _ = render("Frozen.[@cm-agreement]", language="en")
    assert 'aria-label="Source 2: 中国移动客户入网服务协议">[2]</a>' in html


def test_repeated_citations_get_their_own_ids_in_reading_order_and_back_links() -> None:
    html, rendered = render("One.[@ithome-2025] Two.[@cm-agreement][@ithome-2025]\nThree.[@ithome-2025]")
    assert [part.split('"')[0] for part in html.split('id="')[1:]] == [
        "cite-ithome-2025-1", "cite-cm-agreement-1", "cite-ithome-2025-2", "cite-ithome-2025-3"]
    first, second, _ = rendered.sources
    assert first.back_links == [("cite-ithome-2025-1", "返回第 1 处引用", "↩1"),
                                ("cite-ithome-2025-2", "返回第 2 处引用", "↩2"),
                                ("cite-ithome-2025-3", "返回第 3 处引用", "↩3")]
    assert second.back_links == [("cite-cm-agreement-1", "返回正文", "↩")]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_numbered_back_links_name_contains_its_visible_number(language: str) -> None:
    # WCAG 2.5.3 (label in name): a speech user says what they see, "1". axe (Lighthouse's
    # label-content-name-mismatch) drops bracketed text before comparing, so "(1)" or "（第 1 处）" fails.
    _, rendered = render("One.[@ithome-2025] Two.[@ithome-2025]", language=language)
    for _, name, text in rendered.sources[0].back_links:
        number = text.removeprefix("↩")
        unbracketed = re.sub(r"[(（][^)）]*[)）]", " ", name)
        assert number in re.findall(r"\d+", unbracketed), (name, text)


def test_unknown_ids_headings_and_code_stay_plain_text() -> None:
    markdown = "## 标题 [@ithome-2025] {#h}\n\n未知。[@nope] 代码 `[@ithome-2025]`\n\n```\n[@ithome-2025]\n```"
    html, rendered = render(markdown)
    assert html == markdown
    assert rendered.snippets == [] and all(s.back_links == [] for s in rendered.sources)


def test_every_value_is_escaped() -> None:
    hostile = [{"id": "x", "title": 'A "quoted" <b>title</b> & \'more\'', "url": "https://e.com/?a=1&b=2"}]
    html, _ = render("Claim.[@x]", hostile, "en")
    assert 'aria-label="Source 1: A &quot;quoted&quot; &lt;b&gt;title&lt;/b&gt; &amp; &#x27;more&#x27;"' in html
    assert "<b>" not in html


def test_placeholders_left_outside_the_page_body_can_be_removed() -> None:
    rendered = citations.cite("x[@a]", citations.number_sources([{"id": "a", "title": "t"}]), "zh")
    assert citations.strip_placeholders(rendered.markdown) == "x"
    assert citations.restore(rendered.markdown, []) == rendered.markdown  # nothing to put back


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("[@]`~\n #ab-1中") + ["[@a]", "```", "[@b]"]), max_size=40).map("".join),
       st.lists(st.one_of(st.none(), st.integers(), st.text(max_size=5),
                          st.dictionaries(st.sampled_from(["id", "title", "url", "publisher", "date"]),
                                          st.one_of(st.none(), st.text(max_size=8), st.integers(),
                                                    st.lists(st.integers(), max_size=2)), max_size=5)),
                max_size=4))
def test_bad_input_never_raises_and_leaves_no_placeholder(markdown: str, sources: list[object]) -> None:
    html, _ = render(markdown, sources)
    assert "\ue000" not in html and "\ue001" not in html
