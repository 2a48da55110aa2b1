"""The manifest of published URLs (published.txt): every page, every heading anchor, every /go/ link.

    python scripts/tools/published_urls.py --update   # build the site, append URLs not yet listed
    python scripts/tools/published_urls.py --check    # build the site, list entries that no longer resolve

Both build the site into a temporary directory (``--site DIR`` reads an existing build instead).
--update only ever appends: removing an entry is a deliberate, reviewed edit of published.txt.
An entry resolves when its page exists and has the id, or when redirects.yml sends it to a page
that has it (see scripts/sitelib/links.py).

published.txt holds one entry a line: a path below the site root (``en/esim/``; the root is ``/``),
optionally followed by ``#anchor``. Lines starting with ``# `` and blank lines are comments.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))  # for sitelib, when run as a script

from sitelib.links import (
    REDIRECT_MARK,
    REDIRECTS_FILE,
    SHORT_LINK_MARK,
    Redirect,
    load_redirects,
    norm_path,
    page_ids,
    show_path,
)

MANIFEST = ROOT / "published.txt"
SKIP_DIRS = ("assets/", "search/")
HEADING_ID_RE = re.compile(r"<h[2-6]\b[^>]*?\sid=\"([^\"]+)\"")
MAX_HOPS = 10


def split_entry(entry: str) -> tuple[str, str]:
    path, _, anchor = entry.partition("#")
    return norm_path(path), anchor


def format_entry(path: str, anchor: str = "") -> str:
    return show_path(path) + (f"#{anchor}" if anchor else "")


def built_pages(site_dir: Path) -> dict[str, str]:
    """Every page of a build: path -> kind ('page', 'short-link' or 'redirect')."""
    pages = {}
    for index in sorted(site_dir.rglob("index.html")):
        path = norm_path(index.parent.relative_to(site_dir).as_posix().removeprefix("."))
        if path.startswith(SKIP_DIRS):
            continue
        head = index.read_text(encoding="utf-8")[:2000]
        pages[path] = ("redirect" if REDIRECT_MARK in head else "short-link" if SHORT_LINK_MARK in head
                       else "page")
    return pages


def heading_anchors(html_file: Path) -> list[str]:
    """Ids of the section and question headings in the page's article, in page order."""
    text = html_file.read_text(encoding="utf-8")
    start, end = text.find("<article"), text.rfind("</article>")
    article = text[start:end] if start >= 0 and end > start else text
    seen: dict[str, None] = {}
    for anchor in HEADING_ID_RE.findall(article):
        seen.setdefault(anchor, None)
    return list(seen)


def collect(site_dir: Path) -> list[str]:
    """Manifest entries for a build: each page, its heading anchors, and each short link."""
    entries = []
    for path, kind in built_pages(site_dir).items():
        if kind == "redirect":
            continue
        entries.append(format_entry(path))
        if kind == "page":
            entries += [format_entry(path, a) for a in heading_anchors(site_dir / path / "index.html")]
    return entries


def read_manifest(manifest: Path = MANIFEST) -> list[str]:
    if not manifest.is_file():
        return []
    lines = (line.strip() for line in manifest.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("# ")]


def resolve(entry: str, site_dir: Path, redirects: dict[str, Redirect]) -> str | None:
    """None when the entry still reaches its page and anchor, otherwise why it does not."""
    path, anchor = split_entry(entry)
    for _ in range(MAX_HOPS):
        page = site_dir / path / "index.html"
        redirect = redirects.get(path)
        if redirect is not None and redirect.to is not None:
            if not page.is_file():
                return f"{REDIRECTS_FILE} sends {show_path(path)} on, but the build has no redirect page there"
            path, anchor = redirect.to, redirect.anchors.get(anchor, anchor)
            continue
        if not page.is_file():
            return f"page {show_path(path)} is missing"
        if not anchor:
            return None
        ids = page_ids(page)
        if anchor in ids:
            return None
        renamed = redirect.anchors.get(anchor) if redirect is not None else None
        if renamed is not None and renamed in ids:
            return None
        return f"#{anchor} is missing from {show_path(path)}"
    return f"more than {MAX_HOPS} redirects"


def check(site_dir: Path, entries: list[str], redirects: dict[str, Redirect]) -> list[str]:
    """Problems with the manifest's entries on a build, one line each ('' list when all resolve)."""
    problems = []
    for entry in entries:
        why = resolve(entry, site_dir, redirects)
        if why is not None:
            problems.append(f"{entry}: {why}")
    return problems


def update(site_dir: Path, manifest: Path = MANIFEST) -> list[str]:
    """Append the build's entries that the manifest lacks; return them. Never removes a line."""
    known = set(read_manifest(manifest))
    new = [entry for entry in collect(site_dir) if entry not in known]
    if new:
        existing = manifest.read_text(encoding="utf-8") if manifest.is_file() else ""
        if existing and not existing.endswith("\n"):
            existing += "\n"
        manifest.write_text(existing + "\n".join(new) + "\n", encoding="utf-8")
    return new


def build(dest: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"mkdocs build failed:\n{result.stdout}{result.stderr}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--update", action="store_true", help="append URLs and anchors not yet listed")
    mode.add_argument("--check", action="store_true", help="report listed entries that no longer resolve")
    parser.add_argument("--site", type=Path, help="read this build instead of building the site")
    parser.add_argument("--manifest", type=Path, default=MANIFEST)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="published-") as tmp:
        site_dir = args.site
        if site_dir is None:
            site_dir = Path(tmp) / "site"
            build(site_dir)
        if args.update:
            new = update(site_dir, args.manifest)
            print(f"{len(new)} new entr{'y' if len(new) == 1 else 'ies'} appended to {args.manifest.name}")
            for entry in new:
                print(f"  + {entry}")
            return 0
        entries = read_manifest(args.manifest)
        problems = check(site_dir, entries, load_redirects(ROOT / REDIRECTS_FILE))
        unlisted = set(collect(site_dir)) - set(entries)
        for problem in problems:
            print(problem)
        print(f"{len(entries)} entries, {len(problems)} broken; {len(unlisted)} published URL(s) not yet "
              f"listed (add them with --update)")
        return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
