"""Copies of the project with hostile edits, built like the real site: what a pull request could try."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Callable

from tests.helpers import ROOT

PROJECT_PARTS = ("mkdocs.yml", "redirects.yml", "overrides", "scripts", "docs")
Edit = Callable[[str], str]


def make_project(dest: Path, edits: dict[str, Edit] | None = None, files: dict[str, str | bytes] | None = None,
                 checker: bool = True) -> Path:
    """A copy of the project in dest; `edits` rewrite files in it (path -> function of the text),
    `files` add or replace files; checker=False leaves the page checker hook out of the build."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            shutil.copy2(source, dest / part)
    for rel, edit in (edits or {}).items():
        path = dest / rel
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    for rel, content in (files or {}).items():
        path = dest / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    if not checker:
        config = dest / "mkdocs.yml"
        config.write_text(re.sub(r"\n\s*- scripts/hooks/check_pages\.py[^\n]*", "",
                                 config.read_text(encoding="utf-8")), encoding="utf-8")
    return dest


def build(project: Path, out: Path, site_url: str = "http://127.0.0.1:8000/",
          env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of the copy (preview images from the real project's cache)."""
    full_env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1",
                "OG_CACHE_DIR": str(ROOT / ".cache" / "og"), **(env or {})}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
                          cwd=project, env=full_env, capture_output=True, text=True, timeout=300)


def front_matter_line(text: str, key: str, value: str) -> str:
    """Replace the first top-level `key:` line of a page's front matter."""
    return re.sub(rf"(?m)^{key}:.*$", lambda _: f"{key}: {value}", text, count=1)
