"""sitelib/compact.py (run by scripts/hooks/compact.py): smaller HTML, site.css, site.js and search scripts with the same meaning."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from sitelib.compact import compact_css, compact_html, compact_js
from tests.helpers import ROOT, css_rules

WS = re.compile(r"[ \t\n\r\f]+")  # HTML whitespace; not U+00A0 or U+3000
RAW = {"pre", "code", "kbd", "textarea", "script", "style"}


class Events(HTMLParser):
    """Tags with their attributes, comments, and text: exact inside RAW elements, else with each
    whitespace run read as one space (what a browser renders outside `white-space: pre*`)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple] = []
        self.raw = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.events.append(("start", tag, tuple(attrs)))
        self.raw += tag in RAW

    def handle_endtag(self, tag: str) -> None:
        self.events.append(("end", tag))
        self.raw -= tag in RAW

    def handle_data(self, data: str) -> None:
        text = data if self.raw else WS.sub(" ", data)
        if self.events and self.events[-1][0] == "text":
            text = self.events.pop()[1] + text
            text = text if self.raw else WS.sub(" ", text)
        self.events.append(("text", text))

    def handle_comment(self, data: str) -> None:
        self.events.append(("comment", data))


def events(html: str) -> list[tuple]:
    parser = Events()
    parser.feed(html)
    parser.close()
    return parser.events


SAMPLE = """<!doctype html>
<html lang="zh">
  <head>
    <title>如何注销 eSIM · 注销指南</title>
    <style>
      a { color: red; }
    </style>
  </head>
  <body>
    <nav aria-label="目录" title="two
        lines" data-x="a > b">
      <ul>

        <li class="md-nav__item">
          <a href="#steps">
            <span class="md-ellipsis">

                注销步骤

            </span>
          </a>
        </li>
      </ul>
    </nav>
    <p>拨 <code>*#06#</code> 显示 IMEI。 \u00a0
      下一行\u3000
      <kbd>Ctrl</kbd>   +   <kbd>C</kbd></p>
    <pre><code>  line one
    line two

  line four</code></pre>
    <textarea>
  keep
    me</textarea>
    <!-- a comment -->
    <script>
      var s = "a\\
        b";
      // comment
    </script>
  </body>
</html>
"""


def test_html_keeps_tags_attributes_and_rendered_text() -> None:
    out = compact_html(SAMPLE)
    assert events(out) == events(SAMPLE)
    assert len(out) < len(SAMPLE) - 100


def test_html_leaves_preformatted_scripts_attributes_and_nbsp_alone() -> None:
    out = compact_html(SAMPLE)
    for kept in ["<pre><code>  line one\n    line two\n\n  line four</code></pre>",
                 "<textarea>\n  keep\n    me</textarea>",
                 '<script>\n      var s = "a\\\n        b";\n      // comment\n    </script>',
                 "<style>\n      a { color: red; }\n    </style>",
                 'title="two\n        lines" data-x="a > b">',
                 "<kbd>Ctrl</kbd>   +   <kbd>C</kbd>",  # no line break in the run: left as it is
                 "\u00a0\n下一行\u3000\n<kbd>"]:
        assert kept in out, kept
    assert "\n\n" not in out.replace("line two\n\n", "")
    assert compact_html(out) == out


def test_built_pages_have_no_indentation_left(site) -> None:
    for page in [site.dir / "esim/index.html", site.dir / "en/index.html", site.dir / "404.html"]:
        html = page.read_text(encoding="utf-8")
        outside_raw = re.sub(r"<(pre|code|kbd|textarea|script|style)\b.*?</\1>", "", html, flags=re.S)
        assert not re.search(r"\n[ \t]", outside_raw), page


def test_css_keeps_every_rule() -> None:
    source = (ROOT / "overrides/assets/site.css").read_text(encoding="utf-8")
    out = compact_css(source)
    assert css_rules(out) == css_rules(source)
    assert "/*" not in out and "\n" not in out.strip()
    assert "[data-md-color-switching] :after" in out  # the descendant space before a pseudo-element stays
    assert compact_css(out) == out


def test_css_leaves_strings_alone() -> None:
    css = 'a::after { content: "/* not a comment */  x ,  y"; }\n/* gone */ b , i { margin : 0 auto ; }'
    assert compact_css(css) == 'a::after{content:"/* not a comment */  x ,  y"}b,i{margin :0 auto}\n'


def test_js_loses_comments_and_indentation() -> None:
    for source in [ROOT / "overrides/assets/site.js", *sorted((ROOT / "overrides/assets/search").glob("*.js"))]:
        text = source.read_text(encoding="utf-8")
        out = compact_js(text)
        assert "/*" not in out and "\n  " not in out and len(out) < 0.8 * len(text), source
        assert compact_js(out) == out


def test_built_scripts_are_compacted(site) -> None:
    for name in ["assets/site.js", "assets/search/worker.js", "assets/search/engine.js", "assets/search/stemmer.js"]:
        text = (site.dir / name).read_text(encoding="utf-8")
        assert "/*" not in text and not re.search(r"\n[ \t]", text), name
