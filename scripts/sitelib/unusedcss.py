"""Material's stylesheet without the rules no built page can use (22.8 KiB gzip -> about 10 on this site).

The test is PurgeCSS's: a selector is kept when every class it names is in a page's class attribute or
is a word of the site's scripts, and every id, element and attribute it names is a word of the pages' tags or
of the scripts (Material's bundle adds classes and elements when it runs, e.g. `md-search-result__item`, `mark`,
`md-clipboard`, so every script word of three or more characters counts; shorter ones are minified
names, and the short classes, Pygments' `.k`, `.s2`, only come with code blocks in the pages).
`[attr=value]` needs the value too; `dir` values only count from the pages (the bundle mentions `rtl`
but never sets it). `:is()`/`:where()` need one usable alternative; `:not()`, `:has()` and the other
functional pseudo-classes are not read (kept as if they matched). A rule keeps its usable selectors;
@media, @supports and @layer blocks are filtered inside; every other at-rule (@font-face, @keyframes,
@page) is kept whole. Then custom properties (`--md-…: …`) that no kept declaration, page or script
names are dropped (Material declares icons and mermaid colours as data: URLs and values on :root).
The bundle names every component it can build, but builds some only when a theme feature or setting asks
for them, or only decorates markup that a template must have rendered (BUNDLE_ONLY_WHEN): their classes and
properties count as script words only when one of those conditions holds; in a page's markup, always.
Nothing else changes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

import tinycss2

_WORD = re.compile(r"[A-Za-z0-9_-]+")
_CLASS_ATTRIBUTE = re.compile(r"""\bclass=(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""")
_TAG_MARKUP = re.compile(r"<[a-zA-Z][^>]*>")
_SCRIPT_WORD = re.compile(r"[A-Za-z0-9_-]{3,}")
_FILTERED_AT_RULES = {"media", "supports", "layer", "container"}
PAGE_ONLY_ATTRIBUTES = {"dir"}

# Component (class and custom-property prefix) -> what makes Material's bundle build it: "feature:X" (X in
# theme.features), "extra:X" (a setting in extra), "class:X" (a page has class X). An empty set: the bundle
# only decorates or queries markup a template renders, so only the pages count.
BUNDLE_ONLY_WHEN: dict[str, frozenset[str]] = {
    "md-annotation": frozenset({"feature:content.code.annotate", "class:annotate"}),
    "md-tooltip": frozenset({"feature:content.tooltips", "feature:content.code.annotate", "class:annotate"}),
    "md-version": frozenset({"extra:version"}),
    "md-source": frozenset(),  # facts added inside the .md-source that repo_url renders
    "md-status": frozenset(),  # tooltips on the .md-status of a page's `status`
    "md-tag": frozenset(),     # tags in search results: this site's engine gives results none
    "tabbed": frozenset({"class:tabbed-set"}),  # the controls of pymdownx.tabbed's content tabs
}
_COMPONENT = re.compile(r"^(?:--)?(" + "|".join(map(re.escape, BUNDLE_ONLY_WHEN)) + ")")


@dataclass
class UsedWords:
    pages: set[str] = field(default_factory=set)    # words of the built HTML
    classes: set[str] = field(default_factory=set)  # the classes of its class attributes
    scripts: set[str] = field(default_factory=set)  # words of the site's JavaScript and own CSS
    settings: set[str] = field(default_factory=set)  # "feature:…" and "extra:…" conditions that hold

    def add_page(self, html: str) -> None:
        tags = " ".join(_TAG_MARKUP.findall(html))  # the text between tags names nothing a selector can
        self.pages.update(_WORD.findall(tags))
        for match in _CLASS_ATTRIBUTE.finditer(tags):
            self.classes.update("".join(match.groups(default="")).split())

    def add_script(self, js: str) -> None:
        self.scripts.update(_SCRIPT_WORD.findall(js))

    def has(self, word: str, attribute: str = "") -> bool:
        return word in self.pages or (attribute not in PAGE_ONLY_ATTRIBUTES and self._in_scripts(word))

    def has_class(self, name: str) -> bool:
        return name in self.classes or self._in_scripts(name)

    def _in_scripts(self, word: str) -> bool:
        if word not in self.scripts:
            return False
        component = _COMPONENT.match(word)
        return component is None or any(self._holds(condition) for condition in BUNDLE_ONLY_WHEN[component.group(1)])

    def _holds(self, condition: str) -> bool:
        kind, _, name = condition.partition(":")
        return name in self.classes if kind == "class" else condition in self.settings


# ---------------------------------------------------------------- selectors

_PSEUDO_CALL = re.compile(r"::?([a-zA-Z-]+)\(")
_ANY_OF = {"is", "where", "matches", "-webkit-any", "-moz-any"}
_ATTRIBUTE = re.compile(r"\[\s*([\w-]+)\s*(?:([~|^$*]?=)\s*(\"[^\"]*\"|'[^']*'|[^\]\s]+)\s*(?:[is]\s*)?)?\]")
_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_ID = re.compile(r"#(-?[_a-zA-Z][\w-]*)")
_PSEUDO = re.compile(r"::?[a-zA-Z-]+")
_TYPE = re.compile(r"(?:^|[\s>+~])([a-zA-Z][\w-]*)")


def _closing(text: str, start: int) -> int:
    """Index of the ')' closing the '(' just before start."""
    depth = 1
    for i in range(start, len(text)):
        depth += {"(": 1, ")": -1}.get(text[i], 0)
        if depth == 0:
            return i
    return len(text)


def split_top_level(selectors: str) -> list[str]:
    """'a, b:is(c, d)' -> ['a', 'b:is(c, d)']: commas outside brackets and parentheses."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(selectors):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(selectors[start:i])
            start = i + 1
    parts.append(selectors[start:])
    return [part.strip() for part in parts if part.strip()]


def selector_used(selector: str, used: UsedWords) -> bool:
    while match := _PSEUDO_CALL.search(selector):
        end = _closing(selector, match.end())
        if match.group(1).lower() in _ANY_OF and not any(
                selector_used(alternative, used) for alternative in split_top_level(selector[match.end():end])):
            return False
        selector = selector[:match.start()] + selector[end + 1:]
    for name, operator, value in _ATTRIBUTE.findall(selector):
        if not used.has(name):
            return False
        words = _WORD.findall(value.strip("\"'"))
        if operator in ("=", "~=") and words and not all(used.has(word, name) for word in words):
            return False
    selector = _ATTRIBUTE.sub(" ", selector)
    if not all(used.has_class(name) for name in _CLASS.findall(selector)):
        return False
    if not all(used.has(name) for name in _ID.findall(selector)):
        return False
    selector = _PSEUDO.sub("", _ID.sub("", _CLASS.sub("", selector)))
    return all(used.has(name) or used.has(name.lower()) for name in _TYPE.findall(selector))


# ---------------------------------------------------------------- stylesheet

def _rule(rule: tinycss2.ast.QualifiedRule, used: UsedWords) -> str:
    kept = [s for s in split_top_level(tinycss2.serialize(rule.prelude)) if selector_used(s, used)]
    return f"{','.join(kept)}{{{tinycss2.serialize(rule.content)}}}" if kept else ""


def _at_rule(rule: tinycss2.ast.AtRule, used: UsedWords) -> str:
    if rule.lower_at_keyword not in _FILTERED_AT_RULES or rule.content is None:
        return rule.serialize()
    inner = _rules(tinycss2.parse_rule_list(rule.content), used)
    return f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{inner}}}" if inner else ""


def _rules(nodes: Iterable[object], used: UsedWords) -> str:
    out = []
    for node in nodes:
        if isinstance(node, tinycss2.ast.QualifiedRule):
            out.append(_rule(node, used))
        elif isinstance(node, tinycss2.ast.AtRule):
            out.append(_at_rule(node, used))
    return "".join(out)


def remove_unused(css: str, used: UsedWords) -> str:
    """The stylesheet with only the rules and selectors some page or script can use."""
    kept = _rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), used)
    for _ in range(2):  # a dropped property may leave the ones its value named unused
        kept = _drop_properties(kept, used)
    return kept + "\n"


_PROPERTY = re.compile(r"(?<=[{;])(--[\w-]+):((?:\([^()]*\)|[^;{}()])*)(?=[;}])")
_VAR = re.compile(r"var\(\s*(--[\w-]+)")


def _drop_properties(css: str, used: UsedWords) -> str:
    values = "".join(value for _, value in _PROPERTY.findall(css))
    named = set(_VAR.findall(_PROPERTY.sub("", css))) | set(_VAR.findall(values))
    kept = _PROPERTY.sub(lambda m: m.group() if m.group(1) in named or used.has(m.group(1)) else "", css)
    kept = re.sub(r"\{;+", "{", re.sub(r";;+", ";", re.sub(r";+\}", "}", kept)))
    return _EMPTY_BLOCK.sub("", _EMPTY_BLOCK.sub("", kept))  # `:root{}`, then an @media left empty by it


_EMPTY_BLOCK = re.compile(r"(?<![^{}])[^{}]+\{\}")
