"""Build-time work for the first view: tables wrapped as Material's bundle wraps them, and Material's
stylesheet without the rules no page or script can use (scripts/sitelib/firstview.py, unusedcss.py)."""
from __future__ import annotations

from sitelib.firstview import wrap_tables
from sitelib.unusedcss import UsedWords, remove_unused, selector_used


def used(html: str = "", js: str = "") -> UsedWords:
    words = UsedWords()
    words.add_page(html)
    words.add_script(js)
    return words


def test_class_less_tables_are_wrapped_once_and_others_left_alone() -> None:
    html = '<p>x</p><table>\n<tr><td>1</td></tr></table><table class="x"><tr><td>2</td></tr></table>'
    out = wrap_tables(html)
    assert out.count('<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table>') == 1
    assert '</table></div></div><table class="x">' in out


PAGE = ('<html dir="ltr"><body data-md-color-scheme="default"><div class="md-typeset">'
        '<details class="note"><summary>s</summary></details><a href="#x" id="top">table of contents</a>'
        '</div><input data-md-color-scheme="slate"></body></html>')


def test_selectors_need_every_class_element_and_attribute_they_name() -> None:
    words = used(PAGE, js='x("div",{class:"md-search-result__item"});var ab=1;')
    for kept in (".md-typeset details.note", ".md-typeset a:hover", "[data-md-color-scheme=slate] a", "#top",
                 ".md-search-result__item", "html", ":root", "a:not(.md-nav__link)", "[dir=ltr] a",
                 ".md-typeset :is(.admonition,details)"):
        assert selector_used(kept, words), kept
    for dropped in (".md-typeset table", ".md-typeset .summary", ".md-typeset .ab", "[dir=rtl] a",
                    "[data-md-color-scheme=other]", ".md-typeset :is(.admonition,.tabbed-set)", "#nope",
                    ".highlight .k"):
        assert not selector_used(dropped, words), dropped


def test_dir_values_count_only_from_the_pages() -> None:
    assert not selector_used("[dir=rtl] .x", used('<p dir="ltr" class="x">', js='a.getAttribute("dir")==="rtl"'))


def test_rules_keep_their_usable_selectors_and_at_rules_are_filtered_inside() -> None:
    css = ("/* c */:root{--md-used:1;--md-unused:url(\"data:image/svg+xml;charset=utf-8,<svg/>\");--md-chain:2}"
           ".a,.b{color:var(--md-used)}.c{color:red}@media screen{.a{margin:0}.c{margin:1px}}"
           "@media print{.c{display:none}}@keyframes spin{0%{opacity:0}}.a{width:var(--md-chain)}")
    out = remove_unused(css, used('<p class="a">'))
    assert out == (":root{--md-used:1;--md-chain:2}.a{color:var(--md-used)}@media screen{.a{margin:0}}"
                   "@keyframes spin{0%{opacity:0}}.a{width:var(--md-chain)}\n")


def test_properties_a_script_names_are_kept() -> None:
    out = remove_unused(":root{--md-indicator-x:0}.a{color:red}", used('<p class="a">',
                                                                        js='e.style.setProperty("--md-indicator-x", 1)'))
    assert "--md-indicator-x:0" in out
