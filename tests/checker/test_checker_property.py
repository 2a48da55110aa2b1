"""Property: whatever bytes a page holds, the checker returns findings and never raises."""
from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checkpages.engine import check_tree
from checkpages.rules import RULES
from tests.checker.helpers import FIXTURES

CARD_LINES = (FIXTURES / "CP009" / "good_plain.zh.md").read_text(encoding="utf-8").split("\n")
# Pieces that stress the scanner: fences, front-matter markers, headings, attr lists, links, comments.
FRAGMENTS = [
    "---", "...", "```", "~~~", "````python", "# 标题 {#x}", "## 步骤 {#steps}", "### 问？ {#q}", "#", "######",
    "## {#}", "{#", "}", "1. 一步", "1)", "   2. 二", "    3. 代码", "- 项", "[a](b.md#c)", "[a](", "](",
    "<https://x>", "<a href='http://x'>", "<!--", "-->", "<script>", "title: [", "card_type: sim", "===",
    "\t", "\r", "\ufeff", "\x00", "@seller 出售", "t.me/x", "`code`", "``", "\\", "\u2028", "注销", "",
]
line_strategy = st.one_of(st.sampled_from(FRAGMENTS + CARD_LINES), st.text(max_size=40))


@st.composite
def mutated_pages(draw: st.DrawFn) -> bytes:
    lines = list(CARD_LINES)
    for _ in range(draw(st.integers(0, 8))):
        position = draw(st.integers(0, len(lines)))
        action = draw(st.sampled_from(["insert", "delete", "replace", "duplicate"]))
        if action == "insert" or not lines:
            lines.insert(position, draw(line_strategy))
        elif action == "delete":
            del lines[min(position, len(lines) - 1)]
        elif action == "replace":
            lines[min(position, len(lines) - 1)] = draw(line_strategy)
        else:
            lines.insert(position, lines[min(position, len(lines) - 1)])
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return newline.join(lines).encode("utf-8", errors="surrogatepass")


pages = st.one_of(
    mutated_pages(),
    st.lists(line_strategy, max_size=30).map(lambda ls: "\n".join(ls).encode("utf-8", "surrogatepass")),
    st.binary(max_size=300),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(zh=pages, en=pages)
def test_any_page_pair_yields_findings_not_exceptions(zh: bytes, en: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        docs = Path(folder)
        (docs / "sim.zh.md").write_bytes(zh)
        (docs / "sim.en.md").write_bytes(en)
        findings = check_tree(docs, base=docs)
    line_counts = {"sim.zh.md": zh.count(b"\n") + 1, "sim.en.md": en.count(b"\n") + 1}
    for finding in findings:
        assert finding.code in RULES
        assert finding.path in line_counts
        assert 1 <= finding.line <= line_counts[finding.path]
        assert finding.col >= 1
        assert finding.message
