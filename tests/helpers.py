"""What several test modules share: the repository root, the built site, and readers of its output."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sitelib.i18n import languages_from_file

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = languages_from_file(ROOT / "mkdocs.yml")


@dataclass(frozen=True)
class BuiltSite:
    dir: Path
    base_url: str  # e.g. http://127.0.0.1:PORT/REPO/

    def url(self, path: str = "") -> str:
        return self.base_url + path.lstrip("/")


def built_pages(site: BuiltSite, redirects: bool = True) -> list[str]:
    """Every built page as a path below the site root, e.g. 'en/esim/'.

    redirects=False leaves out the short links (go/) and redirect pages, which navigate away
    as soon as they load (tests/browser/test_links.py covers them).
    """
    pages = []
    for index in sorted(site.dir.rglob("index.html")):
        rel = index.parent.relative_to(site.dir).as_posix()
        if rel.startswith(("assets", "search")):
            continue
        if not redirects and re.search(r"data-(redirect-to|short-link)=", index.read_text(encoding="utf-8")):
            continue
        pages.append("" if rel == "." else rel + "/")
    return pages


def css_rules(css: str) -> dict[str, set[str]]:
    """Selector -> declarations of every rule, whitespace and comments ignored (at-rules flattened)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"@media[^{]*\{", "", css)
    rules: dict[str, set[str]] = {}
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        selector = re.sub(r"\s*,\s*", ",", " ".join(selector.split()))
        decls = {" ".join(re.sub(r"\s*,\s*", ", ", d).split()).replace(": ", ":", 1)
                 for d in re.split(r";(?![^(]*\))", body) if d.strip()}
        rules.setdefault(selector, set()).update(decls)
    return rules
