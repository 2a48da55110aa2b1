"""A fast path for the small YAML subset the pages' front matter uses; anything else goes to PyYAML.

PyYAML's constructor is pure Python and costs ~0.2 ms a page, most of the checker's time on a large
tree. This reads `key: scalar`, `key: [a, "b"]` and block lists of scalars or of flat mappings, and
returns None for anything it is not sure about, so the result is always what PyYAML would give.
Scalars are typed with PyYAML's own resolver, so `yes`, `1.0`, `~` or a date mean the same here.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any, Optional

import yaml

_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?:[ ]+(.*))?$")
_ITEM = re.compile(r"( *)- (.*)$")
_FLOW_ITEM = re.compile(r"\s*(?:\"([^\"\\]*)\"|'([^']*)'|([^,\"'\[\]{}#&*!|>%@`:?]*?))\s*(,|$)")
# Only plain printable text: tabs, line breaks of other kinds, BOMs and controls go to PyYAML.
_OUTSIDE_SUBSET = re.compile("[^\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Indicators, and a space (an item written "-  x" has one left over): PyYAML decides those.
_PLAIN_START_FORBIDDEN = set("-?:,[]{}#&*!|>'\"%@` ")
_RESOLVER = yaml.resolver.Resolver()
_STR_TAG = "tag:yaml.org,2002:str"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


class _NotSimple(Exception):
    pass


def load_simple(lines: list[str]) -> Optional[dict[str, Any]]:
    """The mapping PyYAML would build from these lines, or None when they are outside the subset."""
    if any(_OUTSIDE_SUBSET.search(line) for line in lines):
        return None
    try:
        return _mapping(lines)
    except _NotSimple:
        return None


def _mapping(lines: list[str]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if not line.strip():
            continue
        key, value = _key_value(line)
        if key in result:
            raise _NotSimple  # PyYAML's rule for duplicate keys is not worth copying
        if value:
            result[key] = _value(value)
            continue
        items: list[str] = []
        while index < len(lines) and (lines[index].startswith(" ") or not lines[index].strip()):
            items.append(lines[index])
            index += 1
        result[key] = _block_list(items) if any(i.strip() for i in items) else None
    return result


def _key_value(line: str) -> tuple[str, str]:
    match = _KEY.match(line)
    if not match or "\t" in line:
        raise _NotSimple
    return match.group(1), (match.group(2) or "").rstrip()


def _block_list(lines: list[str]) -> list[Any]:
    items: list[Any] = []
    item_indent: Optional[int] = None
    for line in lines:
        if not line.strip():
            continue
        match = _ITEM.match(line)
        if match:
            if item_indent is None:
                item_indent = len(match.group(1))
            if len(match.group(1)) != item_indent:
                raise _NotSimple
            items.append(_list_item(match.group(2)))
            continue
        # a continuation line of a mapping item: "    url: https://..."
        if item_indent is None or not items or not isinstance(items[-1], dict):
            raise _NotSimple
        if len(line) - len(line.lstrip(" ")) != item_indent + 2:
            raise _NotSimple
        key, value = _key_value(line.strip())
        if key in items[-1] or not value:
            raise _NotSimple
        items[-1][key] = _value(value)
    return items


def _list_item(text: str) -> Any:
    match = _KEY.match(text)
    if match and match.group(2):
        return {match.group(1): _value(match.group(2).rstrip())}
    return _value(text.rstrip())


def _value(text: str) -> Any:
    if text.startswith("["):
        return _flow_list(text)
    return _scalar(text)


def _flow_list(text: str) -> list[Any]:
    if not text.endswith("]"):
        raise _NotSimple
    inner = text[1:-1]
    if not inner.strip():
        return []
    items: list[Any] = []
    position = 0
    while position < len(inner):
        match = _FLOW_ITEM.match(inner, position)
        if not match or match.end() == position:
            raise _NotSimple
        double, single, plain, separator = match.groups()
        if plain is not None:
            if not plain or ": " in plain or plain.endswith(":"):
                raise _NotSimple
            items.append(_scalar(plain))
        else:
            items.append(double if double is not None else single)
        position = match.end()
        if not separator:
            break
    if position != len(inner):
        raise _NotSimple
    return items


def _scalar(text: str) -> Any:
    if len(text) >= 2 and text[0] == text[-1] == '"' and '"' not in text[1:-1] and "\\" not in text:
        return text[1:-1]
    if len(text) >= 2 and text[0] == text[-1] == "'" and "'" not in text[1:-1]:
        return text[1:-1]
    if not text or text[0] in _PLAIN_START_FORBIDDEN or ": " in text or " #" in text or text.endswith(":"):
        raise _NotSimple
    tag = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))
    if tag == _STR_TAG:
        return text
    if tag == _TIMESTAMP_TAG and _DATE.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise _NotSimple from None
    raise _NotSimple  # numbers, booleans, null, timestamps: leave them to PyYAML
