"""Tables for what readers type differently from the site's words, read by
overrides/assets/search/variants.js only when a query finds too little as typed:

- `v/t.json`: Traditional -> Simplified, one character at a time, for the characters the index holds
  (OpenCC's character data through its t2s, tw2s and hk2s conversions of each character on its own,
  so no phrase is ever rewritten: the Taiwan phrase profile would turn 注销 into 登出). A string of
  pairs: 註注銷销…
- `v/c/<n>.json`: character -> toneless pinyin readings ("注": "zhu", "行": "xing hang"), for the
  index's characters and the 3,755 common ones of GB 2312 level 1 (a homophone typo is usually a
  common character the site may not use). Sharded by character.
- `v/p/<n>.json`: pinyin of two syllables -> the site's character pairs that read so, most used in
  titles, headings, descriptions and aliases first ("zhu xiao": "注销"). Sharded by the reading.
- `v/meta.json`: the shard counts; `v/s.json`: every syllable (to cut typed pinyin: wulianwangka).
- `v/e/<n>.json`: English words of five or more letters by their letters after the third
  ("ancel": ["cancel"]), so a typo in the first three letters (xancel) still finds its word; a typo
  later in the word is found in the key shard of the word's first three letters, which the query
  has already fetched. Sharded by that tail.

A site pair reads as pypinyin reads it as a word (银行: yin hang), else by each character's most used
reading. The tables come from the index's own keys (the synonyms' keys included), all at build time.
"""
from __future__ import annotations

import unicodedata
from collections import defaultdict
from functools import lru_cache
from typing import Any

from sitelib.searchindex import TEXT, VARIANTS, Postings, dumps, fnv1a, is_han, shard_count

SHARD_TARGET_BYTES = 1_000
PAIRS_PER_READING = 8      # site pairs kept per two-syllable reading, best first
MIN_TYPO_LENGTH = 4        # English words a one-letter typo of a 5-letter word may be (cancel <- cancl)
STRONG_WEIGHT = 10         # a pair in a title, heading, description or alias counts as ten in the text


@lru_cache(maxsize=1)
def _converters() -> tuple[Any, ...]:
    import opencc  # the build needs it (requirements.txt); imported late so the index tests need not

    return tuple(opencc.OpenCC(config) for config in ("t2s", "tw2s", "hk2s"))


@lru_cache(maxsize=1)
def _traditional_to_simplified() -> dict[str, str]:
    """Every CJK character OpenCC simplifies on its own, to its Simplified form."""
    chars = [chr(code) for start, end in ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))
             for code in range(start, end)]
    table: dict[str, str] = {}
    for converter in _converters():
        # One character per line: OpenCC's phrase dictionaries never match across a line break.
        for char, simple in zip(chars, converter.convert("\n".join(chars)).split("\n")):
            if simple != char and len(simple) == 1:
                table.setdefault(char, simple)
    return table


def traditional_table(chars: set[str]) -> str:
    """'註注銷销…': each Traditional character whose Simplified form the index holds, then that form."""
    pairs = sorted((trad, simple) for trad, simple in _traditional_to_simplified().items() if simple in chars)
    return "".join(trad + simple for trad, simple in pairs)


def _toneless(reading: str) -> str:
    """'lǜ' -> 'lv' (as typed on a keyboard), 'xíng' -> 'xing'."""
    plain = unicodedata.normalize("NFD", reading).replace("u\u0308", "v")
    return "".join(char for char in plain if not unicodedata.combining(char))


@lru_cache(maxsize=None)
def char_readings(char: str) -> tuple[str, ...]:
    """Toneless readings of a character, the most used first ('行' -> xing, hang, heng)."""
    from pypinyin.pinyin_dict import pinyin_dict

    found = (_toneless(r) for r in pinyin_dict.get(ord(char), "").split(","))
    return tuple(dict.fromkeys(r for r in found if r.isascii() and r.isalpha()))


def load_tables() -> None:
    """Read pypinyin's dictionaries (about 0.3 s) and OpenCC's characters, ahead of a build's first index."""
    reading_table(_common_chars())
    pair_reading("\u94f6\u884c")
    _traditional_to_simplified()


def pair_reading(pair: str) -> str | None:
    """'银行' -> 'yin hang': pypinyin's reading of the pair as a word, else each character's first."""
    from pypinyin.phrases_dict import phrases_dict

    phrase = phrases_dict.get(pair)
    if phrase and len(phrase) == 2:
        syllables = [_toneless(readings[0]) for readings in phrase]
    else:
        syllables = [next(iter(char_readings(char)), "") for char in pair]
    return " ".join(syllables) if all(syllables) else None


def _common_chars() -> set[str]:
    """GB 2312 level 1: the 3,755 most used characters (rows 16-55)."""
    out = set()
    for row in range(0xB0, 0xD8):
        for cell in range(0xA1, 0xFF):
            try:
                out.add(bytes([row, cell]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return out


def reading_table(chars: set[str]) -> dict[str, str]:
    """Character -> its toneless readings, space-separated ('行': 'xing hang heng')."""
    return {char: " ".join(found) for char in sorted(chars) if (found := char_readings(char))}


def _weight(entries: Postings) -> int:
    """Uses of a key: a title, heading, description or alias counts STRONG_WEIGHT, text one."""
    return sum(STRONG_WEIGHT if bits & ~TEXT else 1 for docs in entries.values() for bits in docs.values())


def pair_table(index: dict[str, Postings]) -> dict[str, str]:
    """'zhu xiao' -> '注销…': the site's character pairs by their reading, most used first."""
    by_reading: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for key, entries in index.items():
        if len(key) == 2 and is_han(key[0]) and is_han(key[1]) and (reading := pair_reading(key)):
            # ü is typed v (lv) or u (lu): a pair reads both ways.
            for spelling in dict.fromkeys((reading, reading.replace("v", "u"))):
                by_reading[spelling].append((-_weight(entries), key))
    return {reading: "".join(key for _, key in sorted(pairs)[:PAIRS_PER_READING])
            for reading, pairs in by_reading.items()}


def english_tails(index: dict[str, Postings]) -> dict[str, list[str]]:
    """Letters after the third -> the words ending so, for words a typo of five letters may be."""
    tails: dict[str, list[str]] = defaultdict(list)
    for word in sorted(index):
        if len(word) >= MIN_TYPO_LENGTH and word.isascii() and word.isalpha():
            tails[word[3:]].append(word)
    return dict(tails)


def sharded(folder: str, table: dict[str, Any]) -> tuple[int, dict[str, str]]:
    """(shard count, files) for a table sharded by fnv1a(key), as engine.js shards keys."""
    count = shard_count(table, SHARD_TARGET_BYTES) if table else 1
    shards: list[dict[str, Any]] = [{} for _ in range(count)]
    for key, value in sorted(table.items()):
        shards[fnv1a(key) % count][key] = value
    return count, {f"{VARIANTS}/{folder}/{n}.json": dumps(shard) for n, shard in enumerate(shards)}


def build(index: dict[str, Postings]) -> dict[str, str]:
    """Relative path -> file text: the variant tables of one language's index (key -> postings)."""
    chars = {key for key in index if len(key) == 1 and is_han(key)}
    char_table = reading_table(chars | _common_chars())
    syllables = sorted({s for value in char_table.values() for s in value.split()})
    files = {f"{VARIANTS}/t.json": dumps(traditional_table(chars))}
    counts = {}
    for folder, table in (("c", char_table), ("p", pair_table(index)), ("e", english_tails(index))):
        counts[folder], shard_files = sharded(folder, table)
        files.update(shard_files)
    files[f"{VARIANTS}/meta.json"] = dumps({"shards": counts})
    files[f"{VARIANTS}/s.json"] = dumps(" ".join(syllables))
    return files
