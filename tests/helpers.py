"""What several test modules share: the repository root, the built site, and readers of its output."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader

from sitelib.i18n import languages_from_file

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = languages_from_file(ROOT / "mkdocs.yml")


def build_site(dest: Path, site_url: str) -> subprocess.CompletedProcess[str]:
    """A strict build of the real site for site_url into dest (the site fixture, a second host)."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest)],
                          cwd=ROOT, env=env, capture_output=True, text=True)


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


AXE_JS = files("axe_playwright_python").joinpath("axe.min.js")
# WCAG 2 A/AA rules plus the best practices Lighthouse scores (it runs axe with these tags).
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}


def axe_violations(page: Any) -> list[str]:
    """axe-core's findings on the page as it is now, one line per element."""
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    return [f"{v['id']}: {node['target']} {node.get('failureSummary', '')[:160]}"
            for v in result["violations"] for node in v["nodes"]]


PAGE_URL = "https://example.org/REPO/en/esim/"


def render_footer(lang: str, report_email: str = "") -> str:
    """overrides/partials/page-footer.html as it renders for an English eSIM page at PAGE_URL."""
    env = Environment(loader=FileSystemLoader(ROOT / "overrides"), autoescape=False)
    page = {"meta": {"title": "How to cancel an eSIM", "last_reviewed": "2026-12-02", "source_list": []},
            "title": "eSIM", "canonical_url": PAGE_URL}
    config = {"extra": {"report_issue_url": "https://github.com/you/REPO/issues/new", "report_email": report_email}}
    return env.get_template("partials/page-footer.html").render(page=page, config=config, i18n_page_locale=lang)
