"""Compiled Jinja templates shared by every build of one MkDocs run (scripts/hooks/site.py installs it)."""
from __future__ import annotations

from jinja2.bccache import Bucket, BytecodeCache


class SharedBytecodeCache(BytecodeCache):
    """Compiled templates kept in memory for the whole run.

    MkDocs makes a new Jinja environment for every build, and the i18n plugin runs one build per
    language, so Material's ~40 templates were compiled twice. Jinja checks each template's source
    checksum before it reuses the code, so an edited template (mkdocs serve) is compiled again.
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()
