"""Build-time work for the first view: tables wrapped as Material's bundle wraps them, and Material's
stylesheet without the rules no page or script can use (scripts/sitelib/firstview.py, unusedcss.py)."""
from __future__ import annotations

from pathlib import Path

from sitelib.firstview import bundle_settings, purge_stylesheets, wrap_tables
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


TOOLTIP_CSS = ":root{--md-tooltip-width:20rem}.md-tooltip{width:var(--md-tooltip-width)}.a{color:red}"
BUNDLE = 'x("div",{class:"md-tooltip"});e.style.setProperty("--md-tooltip-width","1px")'


def test_a_component_the_bundle_builds_only_for_a_feature_goes_when_the_feature_is_off() -> None:
    words = used('<p class="a">', js=BUNDLE)
    assert remove_unused(TOOLTIP_CSS, words) == ".a{color:red}\n"
    words.settings = {"feature:content.tooltips"}
    assert remove_unused(TOOLTIP_CSS, words) == TOOLTIP_CSS + "\n"


def test_a_component_in_a_pages_markup_stays_whatever_the_features() -> None:
    assert ".md-tooltip{" in remove_unused(TOOLTIP_CSS, used('<p class="a"><span class="md-tooltip">', js=BUNDLE))
    # annotations are turned on by a page's `annotate` class as well as by the feature
    assert ".md-tooltip{" in remove_unused(TOOLTIP_CSS, used('<p class="a annotate">', js=BUNDLE))


def test_content_tab_controls_go_without_a_tabbed_set() -> None:
    css = ".tabbed-control{display:flex}.a{color:red}"
    js = 'x("div",{class:"tabbed-control"})'
    assert remove_unused(css, used('<p class="a">', js=js)) == ".a{color:red}\n"
    assert ".tabbed-control" in remove_unused(css, used('<div class="tabbed-set a">', js=js))


def test_bundle_settings_name_the_features_and_the_extra_settings_that_are_set() -> None:
    assert bundle_settings(["content.code.copy"], {"version": {"provider": "mike"}, "analytics": None}) == {
        "feature:content.code.copy", "extra:version"}


def test_scripts_the_pages_never_load_name_nothing(tmp_path: Path) -> None:
    theme = tmp_path / "theme" / "assets" / "stylesheets"
    theme.mkdir(parents=True)
    (theme / "main.x.min.css").write_text(".lunrword{color:red}.ownword{color:blue}")
    site = tmp_path / "site"
    for path, text in {"assets/stylesheets/main.x.min.css": "", "assets/javascripts/lunr/wordcut.js": "lunrword",
                       "assets/javascripts/workers/search.js": "lunrword", "assets/site.js": "ownword"}.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text)
    purge_stylesheets(site, [tmp_path / "theme"], UsedWords())
    assert (site / "assets/stylesheets/main.x.min.css").read_text() == ".ownword{color:blue}\n"
