"""The sharded search index of one language, read by overrides/assets/search/engine.js.

A reader's search downloads only what its words need, whatever the size of the site:

- `meta.json`: the number of pages, of key shards per tier, and the shared sections (fetched when
  search opens).
- `k/<n>.json` and `w/<n>.json`: key shards. A key is a Chinese character or character pair
  (注销卡 -> 注, 销, 卡, 注销, 销卡) or a Latin word as written (stemming happens in the browser). A key
  goes to shard hash(group) % shards; the group is the key itself (Han) or a word's first three
  letters, so a word typed in part finds all its completions in one shard. Each key maps to its
  postings: for each page, [page - previous page, n, code * n], code = document index * 16 + field
  bits (document 0 is the page itself, 1.. its sections in order). `k/` holds the documents where
  the key is in a title, heading, description or alias (and maybe the text); `w/` those where it
  is only in the text, fetched only when the first tier gives too few pages, so a word found on
  every page costs the same as a rare one.
- `p/<page>.json`: what a result shows: url, title, aliases, description and the section ids and
  headings, fetched for the best-ranked pages only. A section that several pages share (same id,
  same heading: 办理前准备, 常见问题 ...) is a number instead, into meta.json's `common` list, since
  each fragment is compressed on its own.

The text, Han ranges and word pattern below must match engine.js (tests check both on one page).
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

# Field bits of a posting (must match BITS in engine.js).
TEXT, TITLE, DESCRIPTION, ALIASES = 1, 2, 4, 8
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
TOKEN = re.compile(rf"([{HAN}]+)|([a-z0-9\u00df-\u024f]+(?:['\u2019][a-z]+)*)")
# Shards of about this many bytes of JSON (before gzip), counted per tier: a query fetches one per
# character pair or word, and whatever else shares it is dead weight; but every file costs the
# build a file creation (~0.2 ms here), so not smaller.
SHARD_TARGET_BYTES = {"k": 1_000, "w": 2_000}   # the text-only tier is read only on a second pass
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
            keys.add(re.sub(r"['\u2019]s$", "", word))
    return keys


def is_han(char: str) -> bool:
    return bool(re.fullmatch(f"[{HAN}]", char))


def group_of(key: str) -> str:
    return key if is_han(key[0]) else key[:3]


def fnv1a(text: str) -> int:
    """32-bit FNV-1a over code points (engine.js computes the same with Math.imul)."""
    h = 0x811C9DC5
    for char in text:
        h ^= ord(char)
        h = (h * 0x01000193) & 0xFFFFFFFF
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
        out += [page - previous, len(docs)] + [doc * 16 + bits for doc, bits in sorted(docs.items())]
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
    size = sum(len(dumps(key)) + len(dumps(value)) + 1 for key, value in encoded.items())
    return 1 << max(0, math.ceil(math.log2(max(1, size / target))))


def build(pages: list[list[dict[str, Any]]]) -> dict[str, str]:
    """Relative path -> file text, for one language's pages (each a list of documents, page first)."""
    tiers: dict[str, dict[str, list[int]]] = {"k": {}, "w": {}}
    for key, entries in sorted(postings(pages).items()):
        for tier, part in zip("kw", split_tiers(entries)):
            if part:
                tiers[tier][key] = encode(part)
    shards = {tier: shard_count(encoded, SHARD_TARGET_BYTES[tier]) for tier, encoded in tiers.items()}
    common = common_sections(pages)
    files = {"meta.json": dumps({"pages": len(pages), "shards": shards, "common": common})}
    for tier, encoded in tiers.items():
        by_shard: list[dict[str, list[int]]] = [{} for _ in range(shards[tier])]
        for key, value in encoded.items():
            by_shard[shard_of(key, shards[tier])][key] = value
        files.update({f"{tier}/{n}.json": dumps(shard) for n, shard in enumerate(by_shard)})
    numbers = {section: n for n, section in enumerate(common)}
    files.update({f"p/{n}.json": dumps(fragment(docs, numbers)) for n, docs in enumerate(pages)})
    return files


def write(out: Path, pages: list[list[dict[str, Any]]]) -> tuple[int, float]:
    """Write one language's index to `out` afresh (a page removed since the last build must not
    linger): (files written, seconds). Runs in the build's worker process (scripts/sitelib/buildpool.py)."""
    started = time.perf_counter()
    shutil.rmtree(out, ignore_errors=True)
    files = build(pages)
    for folder in {relative.rpartition("/")[0] for relative in files}:
        (out / folder).mkdir(parents=True, exist_ok=True)
    for relative, text in files.items():
        with open(out / relative, "w", encoding="utf-8") as handle:
            handle.write(text)
    return len(files), time.perf_counter() - started
