"""The sharded search index of one language, read by overrides/assets/search/engine.js.

The format is described in SEARCH_INDEX.md beside this file. Everything the engine must agree on
(the format version, field bits, Han ranges, token pattern, key groups, hash, postings layout, tier
and folder names) is defined here once: `FORMAT` goes into meta.json's `version` and, whole, into
the built engine.js (`write_format_into_engine`), so the two sides cannot drift apart.
"""
from __future__ import annotations

import json
import math
import re
import shutil
import time
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from sitelib.searchsynonyms import expand

# Bump VERSION whenever a change to this module or to FORMAT changes what a file means: an engine
# reads only the version it was built with (SEARCH_INDEX.md, "Changing the format").
VERSION = 1
TEXT, TITLE, DESCRIPTION, ALIASES = 1, 2, 4, 8  # field bits of a posting
FIELD_BITS = {"text": TEXT, "title": TITLE, "description": DESCRIPTION, "aliases": ALIASES}
DOC_SHIFT = 4   # a posting's code is document << DOC_SHIFT | field bits
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
# Group 1: a run of Han characters; group 2: a Latin word, with an apostrophe part (it's, cancel's).
TOKEN_PATTERN = f"([{HAN}]+)|([a-z0-9\u00df-\u024f]+(?:['\u2019][a-z]+)*)"
TOKEN = re.compile(TOKEN_PATTERN)
_HAN_CHAR = re.compile(f"[{HAN}]")
POSSESSIVE = "['\u2019]s$"   # cut from a Latin word before it becomes a key
GROUP_PREFIX = 3  # a Latin key's group is its first letters: a word typed in part finds its shard
FNV_OFFSET, FNV_PRIME = 0x811C9DC5, 0x01000193  # 32-bit FNV-1a over code points: key group -> shard
TIERS = {"strong": "k", "text": "w"}   # key shard folders: titles, headings, descriptions, aliases; text only
FRAGMENTS = "p"   # result fragment folder
VARIANTS = "v"    # tables for what readers type differently (sitelib/searchvariants.py, variants.js)
FORMAT: dict[str, Any] = {
    "version": VERSION, "bits": FIELD_BITS, "docShift": DOC_SHIFT, "han": HAN, "token": TOKEN_PATTERN,
    "possessive": POSSESSIVE, "groupPrefix": GROUP_PREFIX, "fnv": [FNV_OFFSET, FNV_PRIME], "tiers": TIERS,
    "fragments": FRAGMENTS, "variants": VARIANTS,
}
# engine.js names FORMAT with this string; the build writes FORMAT in its place.
ENGINE_PLACEHOLDER = '"__SEARCH_INDEX_FORMAT__"'
# Shards of about this many bytes of JSON (before gzip), counted per tier: a query fetches one per
# character pair or word, and whatever else shares it is dead weight; but every file costs the
# build a file creation (~0.2 ms here), so not smaller.
SHARD_TARGET_BYTES = {TIERS["strong"]: 1_000, TIERS["text"]: 2_000}   # the text tier: read on a second pass only
COMMON_MAX = 200   # shared sections listed in meta.json (fetched when search opens)
TEASER_CHARS = 120  # the page's opening text, shown under its title when it has no description

Postings = dict[int, dict[int, int]]  # page -> document -> field bits


def norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def keys_of(text: str) -> set[str]:
    """Index keys of a field: Han characters and adjacent pairs, Latin words."""
    keys: set[str] = set()
    for han, word in TOKEN.findall(norm(text)):
        if han:
            keys.update(han)
            keys.update(han[i:i + 2] for i in range(len(han) - 1))
        else:
            keys.add(re.sub(POSSESSIVE, "", word))
    return keys


def is_han(char: str) -> bool:
    return bool(_HAN_CHAR.fullmatch(char))


def group_of(key: str) -> str:
    return key if is_han(key[0]) else key[:GROUP_PREFIX]


def fnv1a(text: str) -> int:
    """32-bit FNV-1a over code points (engine.js computes the same with Math.imul)."""
    h = FNV_OFFSET
    for char in text:
        h ^= ord(char)
        h = (h * FNV_PRIME) & 0xFFFFFFFF
    return h


def shard_of(key: str, shards: int) -> int:
    return fnv1a(group_of(key)) % shards


def document_fields(docs: list[dict[str, Any]]) -> list[list[tuple[int, str]]]:
    """Per document of a page, its (field bit, text) pairs."""
    page, sections = docs[0], docs[1:]
    fields = [[(TITLE, page["title"]), (TEXT, page.get("text", "")), (DESCRIPTION, page.get("description", "")),
               (ALIASES, " \u2016 ".join(page.get("aliases", [])))]]
    fields += [[(TITLE, section["title"]), (TEXT, section.get("text", ""))] for section in sections]
    return fields


def postings(pages: list[list[dict[str, Any]]]) -> dict[str, Postings]:
    index: dict[str, Postings] = defaultdict(dict)
    for page_number, docs in enumerate(pages):
        for doc_number, fields in enumerate(document_fields(docs)):
            for bit, text in fields:
                for key in keys_of(text):
                    by_doc = index[key].setdefault(page_number, {})
                    by_doc[doc_number] = by_doc.get(doc_number, 0) | bit
    return index


def split_tiers(entries: Postings) -> tuple[Postings, Postings]:
    """(documents where the key is in a title, heading, description or alias; text-only ones)."""
    strong: Postings = {}
    weak: Postings = {}
    for page, docs in entries.items():
        for doc, bits in docs.items():
            (strong if bits & ~TEXT else weak).setdefault(page, {})[doc] = bits
    return strong, weak


def encode(entries: Postings) -> list[int]:
    out, previous = [], 0
    for page in sorted(entries):
        docs = entries[page]
        out += [page - previous, len(docs)] + [doc << DOC_SHIFT | bits for doc, bits in sorted(docs.items())]
        previous = page
    return out


def sections(docs: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(doc["location"].split("#", 1)[1], doc["title"]) for doc in docs[1:]]


def common_sections(pages: list[list[dict[str, Any]]]) -> list[tuple[str, str]]:
    """(id, heading) pairs found on more than one page, most shared first (at most COMMON_MAX)."""
    counts = Counter(section for docs in pages for section in set(sections(docs)))
    shared = [(section, n) for section, n in counts.items() if n > 1]
    return [section for section, _ in sorted(shared, key=lambda item: (-item[1], item[0]))[:COMMON_MAX]]


def fragment(docs: list[dict[str, Any]], common: dict[tuple[str, str], int]) -> dict[str, Any]:
    page = docs[0]
    out: dict[str, Any] = {"u": page["location"], "t": page["title"]}
    if page.get("aliases"):
        out["a"] = page["aliases"]
    teaser = page.get("description") or shorten(page.get("text", ""), TEASER_CHARS)
    if teaser:
        out["d"] = teaser
    out["s"] = [common.get(section, list(section)) for section in sections(docs)]
    return out


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rstrip() + " …"


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def shard_count(encoded: dict[str, list[int]], target: int) -> int:
    """A power of two, so a tier's shards stay near its target size as the site grows."""
    # Each entry's key, value and one separator, as before: one dumps (json's C encoder) instead of
    # two per key, less the braces and the commas between entries.
    size = len(dumps(encoded)) - len(encoded) - 1 if encoded else 0
    return 1 << max(0, math.ceil(math.log2(max(1, size / target))))


def build(pages: list[list[dict[str, Any]]], lang: str = "") -> dict[str, str]:
    """Relative path -> file text, for one language's pages (each a list of documents, page first);
    with `lang`, readers' words for the site's words are indexed too (sitelib/searchsynonyms.py) and
    the variant tables are written (sitelib/searchvariants.py)."""
    index = postings(expand(pages, lang) if lang else pages)
    tiers: dict[str, dict[str, list[int]]] = {TIERS["strong"]: {}, TIERS["text"]: {}}
    for key, entries in sorted(index.items()):
        for tier, part in zip(tiers, split_tiers(entries)):
            if part:
                tiers[tier][key] = encode(part)
    shards = {tier: shard_count(encoded, SHARD_TARGET_BYTES[tier]) for tier, encoded in tiers.items()}
    common = common_sections(pages)
    files = {"meta.json": dumps({"version": VERSION, "pages": len(pages), "shards": shards, "common": common})}
    for tier, encoded in tiers.items():
        by_shard: list[dict[str, list[int]]] = [{} for _ in range(shards[tier])]
        for key, value in encoded.items():
            by_shard[shard_of(key, shards[tier])][key] = value
        files.update({f"{tier}/{n}.json": dumps(shard) for n, shard in enumerate(by_shard)})
    numbers = {section: n for n, section in enumerate(common)}
    files.update({f"{FRAGMENTS}/{n}.json": dumps(fragment(docs, numbers)) for n, docs in enumerate(pages)})
    if lang:
        from sitelib import searchvariants  # imported here: it builds on this module

        files.update(searchvariants.build(index))
    return files


def write(out: Path, pages: list[list[dict[str, Any]]], lang: str = "") -> tuple[int, float]:
    """Write one language's index to `out` afresh (a page removed since the last build must not
    linger): (files written, seconds). Runs in the build's worker process (scripts/sitelib/buildpool.py)."""
    started = time.perf_counter()
    shutil.rmtree(out, ignore_errors=True)
    files = build(pages, lang)
    for folder in {relative.rpartition("/")[0] for relative in files}:
        (out / folder).mkdir(parents=True, exist_ok=True)
    for relative, text in files.items():
        with open(out / relative, "w", encoding="utf-8") as handle:
            handle.write(text)
    return len(files), time.perf_counter() - started


class EngineFormatError(Exception):
    """The engine script has no place for the index format, nor this format already written."""


def format_for_engine() -> str:
    """FORMAT as a JavaScript literal (ASCII only: the engine's bytes do not depend on its charset)."""
    return json.dumps(FORMAT, separators=(",", ":"))


def write_format_into_engine(engine: Path) -> None:
    """Write FORMAT where the built engine.js names it. Idempotent: each language's build may call it."""
    text = engine.read_text(encoding="utf-8")
    if ENGINE_PLACEHOLDER in text:
        engine.write_text(text.replace(ENGINE_PLACEHOLDER, format_for_engine(), 1), encoding="utf-8")
    elif format_for_engine() not in text:
        raise EngineFormatError(f"{engine}: has no {ENGINE_PLACEHOLDER} for the search index format")
