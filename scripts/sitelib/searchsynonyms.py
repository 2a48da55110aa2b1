"""Readers' words for the site's words (scripts/sitelib/search_synonyms.yml), applied at build time:
a field of a search document that holds a site word is also indexed under the readers' words for it,
in the same field, so they find and rank the same pages. Only the index keys change: result
fragments show the page as written.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

SYNONYMS = Path(__file__).with_name("search_synonyms.yml")
SEPARATOR = " \u2016 "   # between the field and its added words: no character pair spans it
ENDINGS = r"(?:s|es|ed|d|ing|ion|ions|ly)?"   # suspend: suspended, suspends, suspension


@lru_cache(maxsize=4)
def load(path: Path = SYNONYMS) -> dict[str, dict[str, list[str]]]:
    """{lang: {site word: [readers' words]}}, lower-cased as the index is."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {lang: {str(site).lower(): [str(word).lower() for word in words or []] for site, words in table.items()}
            for lang, table in data.items()}


@lru_cache(maxsize=256)
def _pattern(site_word: str) -> re.Pattern[str]:
    if re.search(r"[a-z]", site_word):
        return re.compile(rf"(?<![a-z0-9]){re.escape(site_word)}{ENDINGS}(?![a-z0-9])")
    return re.compile(re.escape(site_word))


def added_words(text: str, table: dict[str, list[str]]) -> list[str]:
    """The readers' words for every site word the text holds."""
    lowered = text.lower()
    words: list[str] = []
    for site_word, readers in table.items():
        if _pattern(site_word).search(lowered):
            words += [word for word in readers if word not in words]
    return words


def with_synonyms(text: str, table: dict[str, list[str]]) -> str:
    words = added_words(text, table)
    return text + SEPARATOR + " ".join(words) if words else text


def expand(pages: list[list[dict[str, Any]]], lang: str) -> list[list[dict[str, Any]]]:
    """Copies of the pages' documents with readers' words added to the fields that need them."""
    table = load().get(lang, {})
    if not table:
        return pages
    out = []
    for docs in pages:
        copies = []
        for doc in docs:
            copy = dict(doc)
            for field in ("title", "text", "description"):
                if copy.get(field):
                    copy[field] = with_synonyms(copy[field], table)
            if copy.get("aliases"):
                copy["aliases"] = copy["aliases"] + added_words(" \u2016 ".join(copy["aliases"]), table)
            copies.append(copy)
        out.append(copies)
    return out
