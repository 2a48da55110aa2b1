"""The front-matter fast path must give exactly PyYAML's result whenever it gives one."""
from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from checkpages.simple_yaml import load_simple

ATOMS = ["eSIM", "手机卡", "yes", "no", "null", "~", "42", "1.5", "0x1F", "2026-11-22", "2026-13-40",
         "2026-11-22T10:00:00", "a: b", "a #b", "a#b", "#x", "-x", "- x", "x:", "'q'", '"q"', "'it''s'",
         '"a\\"b"', "[a, b]", "[]", "[a, [b]]", "{a: 1}", "&anchor", "*alias", "!tag x", "|", ">", "a, b",
         "http://x.example/a?b=c", "https://support.apple.com/zh-cn/109316", "Apple 支持：在 iPhone 上",
         "\t", "\u2028", "\ufeff", "", " ", "true", "Off", "1_000", ".inf", "1:20", "@x", "%x", "`x`"]
text = st.one_of(st.sampled_from(ATOMS), st.text(alphabet=st.sampled_from(list("ab :#-'\"[],{}?!&*|>%@`\t1é注")),
                                                 max_size=12))
keys = st.sampled_from(["title", "description", "card_type", "aliases", "sources", "last_reviewed", "x-y",
                        "title ", "a b", "url"])


@st.composite
def values(draw: st.DrawFn) -> list[str]:
    """The lines for one key's value: inline scalar, flow list, block list or block list of mappings."""
    kind = draw(st.sampled_from(["scalar", "flow", "block", "mappings", "empty"]))
    if kind == "scalar":
        return [" " + draw(text)]
    if kind == "flow":
        items = draw(st.lists(text, max_size=4))
        return [" [" + draw(st.sampled_from([", ", ",", " ,"])).join(items) + draw(st.sampled_from(["]", ",]", ""]))]
    if kind == "empty":
        return [""]
    indent = " " * draw(st.integers(0, 4))
    lines = [""]
    for _ in range(draw(st.integers(1, 3))):
        if kind == "block":
            lines.append(f"{indent}- {draw(text)}")
        else:
            lines.append(f"{indent}- {draw(keys)}: {draw(text)}")
            extra = " " * draw(st.sampled_from([len(indent) + 2, len(indent) + 1, len(indent) + 3]))
            lines.append(f"{extra}{draw(keys)}: {draw(text)}")
    return lines


@st.composite
def front_matters(draw: st.DrawFn) -> list[str]:
    lines: list[str] = []
    for _ in range(draw(st.integers(0, 3))):
        value_lines = draw(values())
        lines.append(f"{draw(keys)}:{value_lines[0]}")
        lines.extend(value_lines[1:])
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(["", "  ", "# comment", "  continued"])))
    return lines


def _pyyaml(lines: list[str]) -> Any:
    return yaml.load("\n".join(lines), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@settings(max_examples=400, deadline=None)
@given(front_matters())
@example(["title:", " -  1"])    # found by this test: the item's second space was kept (" 1", not 1)
@example(["title:", " -  >>"])   # and " >>" was taken as plain text where PyYAML fails
def test_fast_path_agrees_with_pyyaml(lines: list[str]) -> None:
    fast = load_simple(lines)
    if fast is None:
        return  # outside the subset: the reader asks PyYAML
    expected = _pyyaml(lines)  # PyYAML must not fail where the fast path succeeded
    assert fast == (expected if expected is not None else {})


@pytest.mark.parametrize("atom", ATOMS)
@pytest.mark.parametrize("template", ["title: {}", "aliases: [{}, b]", "sources:\n  - {}", "sources:\n  - url: {}"])
def test_fast_path_agrees_on_every_atom(template: str, atom: str) -> None:
    lines = template.format(atom).split("\n")
    fast = load_simple(lines)
    if fast is not None:
        assert fast == _pyyaml(lines)


def test_fast_path_reads_the_pages_usual_front_matter() -> None:
    lines = ["title: 如何注销 eSIM", "description: 先注销号码，再删除配置文件。", "card_type: esim",
             "aliases: [eSIM, 电子SIM卡, \"e SIM\"]", "last_reviewed: 2026-11-22", "sources:",
             "  - title: \"Apple Support: Erase the eSIM\"", "    url: https://support.apple.com/en-us/109316"]
    fast = load_simple(lines)
    assert fast is not None and fast == _pyyaml(lines)
