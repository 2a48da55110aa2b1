"""Where a front-matter value is written: the line a finding about that value points at."""
from __future__ import annotations

from checkpages.model import Page


def value_line(page: Page, key: str, value: str) -> int:
    """The first line at or after `key` that holds (the start of) `value`, else the key's own line.

    YAML may quote or fold a value, so only its first few characters are looked for.
    """
    start = page.key_line(key)
    needle = value.strip().splitlines()[0][:24] if value.strip() else ""
    if needle:
        for number in range(start, min(page.body_start, len(page.lines) + 1)):
            if needle in page.lines[number - 1]:
                return number
    return start
