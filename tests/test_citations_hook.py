"""The citations hook in a real MkDocs build, and the footer template, on bad and hostile input."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

from jinja2 import Environment, FileSystemLoader

from sitelib import citations

ROOT = Path(__file__).resolve().parent.parent

CONFIG = f"""\
site_name: Citations test
docs_dir: docs
strict: true
hooks:
  - {ROOT / "scripts" / "hooks" / "citations.py"}
markdown_extensions:
  - attr_list
"""
PAGE = """\
---
title: T
sources:
  - id: good
    title: 'A <b>bold</b> "title" & more'
    url: https://example.com/?a=1&b=2
  - id: paper
    title: 协议
    publisher: 中国移动
    date: 约 2014 年
---

# Page {#page}

Known.[@good] Twice.[@good][@paper] Unknown.[@nope] Code `[@good]`.

## Heading [@good] {#heading}

- In a list, **bold**.[@paper]
"""
BROKEN = "---\ntitle: B\nsources: 5\n---\n\n# B\n\nCited.[@good] Id-less.[@]\n"


def build(tmp_path: Path, pages: dict[str, str]) -> subprocess.CompletedProcess[str]:
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    for name, text in pages.items():
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "out")], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=120)


def test_build_renders_known_citations_and_leaves_the_rest_as_text(tmp_path: Path) -> None:
    result = build(tmp_path, {"index.md": PAGE, "broken.md": BROKEN})
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert ('Known.<sup class="cite"><a href="#source-good" id="cite-good-1" aria-label="Source 1: '
            'A &lt;b&gt;bold&lt;/b&gt; &quot;title&quot; &amp; more">[1]</a></sup>') in html
    assert 'id="cite-good-2"' in html and 'id="cite-paper-1"' in html and 'id="cite-paper-2"' in html
    assert "Unknown.[@nope]" in html and "<code>[@good]</code>" in html
    assert 'id="cite-good-3"' not in html  # not in the heading
    assert "<strong>bold</strong>.<sup" in html
    broken = (tmp_path / "out" / "broken" / "index.html").read_text(encoding="utf-8")
    assert "Cited.[@good] Id-less.[@]" in broken


def footer(meta: dict[str, object], locale: str = "zh") -> str:
    env = Environment(loader=FileSystemLoader(str(ROOT / "overrides")))  # the footer includes partials/licence.html
    page = SimpleNamespace(meta=meta, title="T", canonical_url="https://example.com/t/")
    config = SimpleNamespace(extra={"report_issue_url": "https://example.com/issues/new"})
    return env.get_template("partials/page-footer.html").render(page=page, config=config, i18n_page_locale=locale)


def test_footer_numbers_sources_links_back_and_escapes_every_value() -> None:
    hostile = [{"id": "x", "title": '<script>alert(1)</script>', "url": 'https://e.com/"><script>'},
               {"id": "y", "title": "Agreement & <i>terms</i>", "publisher": "<b>Op</b>", "date": "2014 & later"}]
    sources = citations.number_sources(hostile)
    citations.cite("One.[@x] Two.[@x][@y]", sources, "en")
    html = footer({"source_list": sources, "sources": hostile, "last_reviewed": "2026-12-01"}, "en")
    assert "<script>" not in html and "<b>" not in html and "<i>" not in html
    assert '<li id="source-x"><a href="https://e.com/&#34;&gt;&lt;script&gt;" rel="noopener">' in html
    assert '<cite>Agreement &amp; &lt;i&gt;terms&lt;/i&gt;</cite>' in html
    assert "&lt;b&gt;Op&lt;/b&gt;, 2014 &amp; later" in html
    assert '<a class="page-facts__back" href="#cite-x-1" aria-label="Back to citation 1">↩1</a>' in html
    assert '<a class="page-facts__back" href="#cite-y-1" aria-label="Back to text">↩</a>' in html


def test_footer_in_chinese_says_source_and_back() -> None:
    sources = citations.number_sources([{"id": "a", "title": "标题", "url": "https://e.com/"}])
    citations.cite("一句。[@a]", sources, "zh")
    html = footer({"source_list": sources})
    assert "来源" in html and 'aria-label="返回正文"' in html
