"""The files of a docs tree, as MkDocs sees them."""
from __future__ import annotations

import os
from pathlib import Path


def docs_files(docs_dir: Path) -> list[Path]:
    """Every file MkDocs publishes from docs_dir (it leaves out dot files and dot folders)."""
    found: list[Path] = []
    for folder, subfolders, files in os.walk(docs_dir):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        found.extend(Path(folder, name) for name in sorted(files) if not name.startswith("."))
    return found
