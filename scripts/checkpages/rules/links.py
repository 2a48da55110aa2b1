"""CP007 links: internal links reach an existing page of the same language and an existing id; external use https."""
from __future__ import annotations

import posixpath
import re
from typing import Iterator, Optional
from urllib.parse import unquote

from checkpages.model import Diagnostic, Page, Site
from checkpages.reader import split_name

code = "CP007"
name = "links"
description = ("Internal links ([t](x.md), x.md#id, #id) reach an existing page of the same language and an "
               "existing explicit id; external links use https.")

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_ALLOWED_SCHEMES = {"https", "mailto", "tel"}
_UNSAFE_SCHEMES = {"javascript", "vbscript", "data"}  # CP008 reports these


def check(page: Page, site: Site) -> Iterator[Diagnostic]:
    if not page.readable:
        return
    for link in page.links:
        problem = _problem(page, site, link.target)
        if problem:
            yield page.finding(code, link.line, link.col, problem)


def _problem(page: Page, site: Site, target: str) -> Optional[str]:
    scheme = _SCHEME.match(target)
    if scheme:
        return _external_problem(scheme.group(1).lower(), target)
    if target.startswith("//"):
        return f"protocol-relative link {target}; write https://"
    path, _, anchor = target.partition("#")
    path = unquote(path.split("?", 1)[0])
    if not path:
        return _anchor_problem(page, anchor, "this page") if anchor else None
    if path.startswith("/"):
        return f"absolute link '{target}' breaks when the site is served under a sub-path; link to the .md file"
    return _internal_problem(page, site, path, unquote(anchor), target)


def _external_problem(scheme: str, target: str) -> Optional[str]:
    if scheme == "http":
        return f"insecure link {target}; use https://"
    if scheme in _ALLOWED_SCHEMES or scheme in _UNSAFE_SCHEMES:
        return None
    return f"link scheme '{scheme}:' is not allowed; use https://"


def _internal_problem(page: Page, site: Site, path: str, anchor: str, target: str) -> Optional[str]:
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page.rel), path))
    if resolved.startswith("../") or resolved == "..":
        return f"link '{target}' points outside the docs folder"
    if not resolved.endswith(".md"):
        return _asset_problem(site, resolved, target)
    slug, language = split_name(resolved)
    if language is not None and language != page.language:
        return f"link '{target}' names the {language} page; link to '{posixpath.basename(slug)}.md' instead"
    expected = f"{slug}.{page.language}.md" if page.language else f"{slug}.md"
    linked = site.by_rel.get(expected)
    if linked is None:
        return f"link '{target}' has no target: {expected} does not exist"
    if anchor and linked.readable:
        return _anchor_problem(linked, anchor, expected)
    return None


def _asset_problem(site: Site, resolved: str, target: str) -> Optional[str]:
    if "." not in posixpath.basename(resolved):
        return f"link '{target}' points at a folder or URL; link to the page's .md file"
    if not (site.docs_dir / resolved).is_file():
        return f"link '{target}' has no target: {resolved} does not exist"
    return None


def _anchor_problem(linked: Page, anchor: str, where: str) -> Optional[str]:
    if anchor in linked.anchor_ids:
        return None
    return f"anchor '#{anchor}' does not exist in {where} (only explicit {{#id}}s count)"
