"""Links that never break: redirect pages for moved URLs and renamed anchors, and /go/ short links.

Both kinds of page are plain static HTML written at the end of the build, once every language has
been built. They use relative URLs only, so the site works under any sub-path (GitHub Pages).

redirects.yml (repo root) maps an old path below the site root (as written in published.txt, the
root itself is ``/``) to where it lives now:

    esim-old/: esim/                                  # the page moved
    en/esim-old/: {to: en/esim/, anchors: {old: new}} # moved, and heading id ``old`` is now ``new``
    en/esim/: {anchors: {old: new}}                   # same page, a heading id was renamed

A moved page gets a stub at its old path: JavaScript ``location.replace(new + location.hash)``
(mapping renamed anchors), a meta refresh and a plain link for readers without JavaScript. A renamed
anchor on a page that still exists is handled by a small script added to that page.

/go/<slug>/ opens <slug> in the reader's language (navigator.languages: the first Chinese or
English entry wins, English when there is neither) and keeps the #anchor; without JavaScript it
lists the page in both languages. /go/ lists every page.
"""
from __future__ import annotations

import html
import json
import logging
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from sitelib.i18n import Languages

log = logging.getLogger("mkdocs.hooks.links")

REDIRECTS_FILE = "redirects.yml"
# Words of the generated pages per language (the languages themselves: sitelib/i18n.py).
COLON = {"zh": "："}                  # after a language's name; ": " for the others
MOVED = {"zh": "这个页面已经移动到：", "en": "This page has moved to: "}
REDIRECT_MARK = "data-redirect-to"
SHORT_LINK_MARK = "data-short-link"
ID_RE = re.compile(r"""\sid=["']?([^"'\s>]+)""")


# ---------------------------------------------------------------------------------------------
# Paths and redirects (also used by scripts/tools/published_urls.py)

def norm_path(path: str) -> str:
    """A page path below the site root in one form: 'en/esim/' or '' for the root."""
    path = path.strip().strip("/")
    return path + "/" if path else ""


def show_path(path: str) -> str:
    """The form used in published.txt and redirects.yml: the root is '/'."""
    return path or "/"


def relative(from_dir: str, to_path: str) -> str:
    """Relative URL from the page at directory ``from_dir`` to the page at ``to_path``."""
    rel = posixpath.relpath(to_path.strip("/") or ".", from_dir.strip("/") or ".")
    return "./" if rel == "." else rel + "/"


@dataclass(frozen=True)
class Redirect:
    old: str                      # normalised old path
    to: str | None                # normalised new path, None for an anchor-only entry
    anchors: dict[str, str] = field(default_factory=dict)


def load_redirects(path: Path) -> dict[str, Redirect]:
    """Read redirects.yml; a missing or empty file means no redirects."""
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping of old path -> new path")
    result: dict[str, Redirect] = {}
    for old, value in data.items():
        if isinstance(value, str):
            value = {"to": value}
        if not isinstance(value, dict) or set(value) - {"to", "anchors"}:
            raise ValueError(f"{path}: {old!r}: expected a path or {{to: ..., anchors: {{old: new}}}}")
        anchors = {str(k).lstrip("#"): str(v).lstrip("#") for k, v in (value.get("anchors") or {}).items()}
        to = value.get("to")
        if to is None and not anchors:
            raise ValueError(f"{path}: {old!r}: needs 'to' or 'anchors'")
        entry = Redirect(norm_path(str(old)), None if to is None else norm_path(str(to)), anchors)
        result[entry.old] = entry
    return result


def page_ids(html_file: Path) -> set[str]:
    return set(ID_RE.findall(html_file.read_text(encoding="utf-8")))


# ---------------------------------------------------------------------------------------------
# HTML of the generated pages

def _js(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/")


def _on_load(script: str) -> str:
    """Run after the stub has fully loaded: navigating away earlier aborts its own request."""
    return f'<script>addEventListener("DOMContentLoaded",function(){{{script}}});</script>' if script else ""


def _stub(lang: str, mark: str, title: str, canonical: str, script: str, body: str, extra_head: str = "") -> str:
    e = html.escape
    return f"""<!doctype html>
<html lang="{lang}" {mark}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>{e(title)}</title>
<link rel="canonical" href="{e(canonical)}">
<link rel="icon" href="data:,">
{_on_load(script)}{extra_head}
<style>body{{font:1.05rem/1.6 system-ui,sans-serif;max-width:38rem;margin:2.5rem auto;padding:0 1rem;color:#222}}
a{{color:#0b5394}}li{{margin:.4rem 0}}</style>
</head>
<body>
<main>
{body}
</main>
</body>
</html>
"""


def redirect_page(entry: Redirect, site_url: str, title: str, langs: Languages) -> str:
    assert entry.to is not None
    target = relative(entry.old, entry.to)
    lang = langs.of_path(entry.old)
    script = (f"(function(){{var map={_js(entry.anchors)},h=location.hash,a=h.slice(1);"
              f"try{{a=decodeURIComponent(a);}}catch(e){{}}"
              f"location.replace({_js(target)}+(map[a]?'#'+map[a]:h));}})();")
    refresh = f'\n<noscript><meta http-equiv="refresh" content="0; url={html.escape(target)}"></noscript>'
    text = MOVED.get(lang, MOVED["en"])
    body = f'<p>{text}<a href="{html.escape(target)}">{html.escape(title)}</a></p>'
    return _stub(lang, f'{REDIRECT_MARK}="{html.escape(entry.to)}"', title, site_url + entry.to, script, body,
                 refresh)


def anchor_script(anchors: dict[str, str]) -> str:
    """Added to a page that still exists but renamed some heading ids: #old becomes #new."""
    return ("<script>(function(){var map=" + _js(anchors) + ";function go(){"
            "var a=location.hash.slice(1);try{a=decodeURIComponent(a);}catch(e){}"
            "if(map[a]){location.replace('#'+map[a]);}}"
            "if(document.readyState==='loading'){document.addEventListener('DOMContentLoaded',go);}else{go();}"
            "window.addEventListener('hashchange',go);})();</script>")


def add_anchor_script(page_html: str, anchors: dict[str, str]) -> str:
    return page_html.replace("</head>", anchor_script(anchors) + "</head>", 1)


@dataclass
class PageInfo:
    slug: str
    urls: dict[str, str] = field(default_factory=dict)    # lang -> path below the site root
    titles: dict[str, str] = field(default_factory=dict)  # lang -> page title


def record_page(pages: dict[str, PageInfo], url: str, lang: str, title: str, langs: Languages) -> None:
    """Note a built page under its slug (the path without the language prefix; the home is 'index');
    an empty title becomes the slug."""
    slug = url.removeprefix(f"{lang}/") if lang != langs.default else url
    slug = slug.strip("/") or "index"
    info = pages.setdefault(slug, PageInfo(slug))
    info.urls[lang] = url
    info.titles[lang] = title or slug


def short_link_order(pages: dict[str, PageInfo]) -> list[PageInfo]:
    """The home first, then every page by slug."""
    return sorted(pages.values(), key=lambda p: (p.slug != "index", p.slug))


def short_link_page(info: PageInfo, site_url: str, langs: Languages) -> str:
    here = f"go/{info.slug}/"
    targets = {lang: relative(here, info.urls[lang]) for lang in langs.codes if lang in info.urls}
    script = ("(function(){var t=" + _js(targets) + ",l=navigator.languages&&navigator.languages.length?"
              "navigator.languages:[navigator.language||''],lang='en';"
              "for(var i=0;i<l.length;i++){var c=String(l[i]).toLowerCase().slice(0,2);"
              "if(c==='zh'||c==='en'){lang=c;break;}}"
              "location.replace((t[lang]||t.zh||t.en)+location.hash);})();")
    items = "\n".join(
        f'<li lang="{lang}"><a href="{html.escape(targets[lang])}" hreflang="{lang}">'
        f"{langs.names[lang]}{COLON.get(lang, ': ')}{html.escape(info.titles[lang])}</a></li>" for lang in targets)
    title = " · ".join(info.titles[lang] for lang in targets)
    canonical_lang = langs.default if langs.default in info.urls else next(iter(targets))
    body = (f"<h1>{html.escape(title)}</h1>\n<p>选择语言 · Choose a language:</p>\n"
            f'<ul class="short-link-targets">\n{items}\n</ul>')
    return _stub(canonical_lang, f'{SHORT_LINK_MARK}="{html.escape(info.slug)}"', title,
                 site_url + info.urls[canonical_lang], script, body)


def short_link_index(pages: list[PageInfo], site_url: str, langs: Languages) -> str:
    rows = []
    for info in pages:
        links = " · ".join(
            f'<a href="{html.escape(relative("go/", info.urls[lang]))}" hreflang="{lang}" lang="{lang}">'
            f"{html.escape(info.titles[lang])}</a>" for lang in langs.codes if lang in info.urls)
        rows.append(f'<li><code>go/{html.escape(info.slug)}/</code> — {links}</li>')
    body = ("<h1>短链接 · Short links</h1>\n<p>在论坛里分享 <code>go/&lt;页面&gt;/</code>：读者会看到自己语言的页面。"
            "<br>Share <code>go/&lt;page&gt;/</code> in forums: readers get the page in their language.</p>\n"
            "<ul>\n" + "\n".join(rows) + "\n</ul>")
    return _stub(langs.default, f'{SHORT_LINK_MARK}=""', "短链接 · Short links", site_url, "", body)


def write_redirects(redirects: dict[str, Redirect], site_dir: Path, site_url: str, langs: Languages) -> None:
    for entry in redirects.values():
        old_file = site_dir / entry.old / "index.html"
        if entry.to is None:
            if not old_file.is_file():
                log.warning(f"{REDIRECTS_FILE}: {show_path(entry.old)}: anchors renamed on a page that does not exist")
                continue
            target_file = old_file
        else:
            target_file = site_dir / entry.to / "index.html"
            if old_file.is_file():
                log.warning(f"{REDIRECTS_FILE}: {show_path(entry.old)} is still a page; remove the redirect "
                            "or the page")
                continue
            if not target_file.is_file():
                log.warning(f"{REDIRECTS_FILE}: {show_path(entry.old)} -> {show_path(entry.to)}: no such page")
                continue
        missing = sorted(set(entry.anchors.values()) - page_ids(target_file))
        if missing:
            log.warning(f"{REDIRECTS_FILE}: {show_path(entry.old)}: anchors {missing} are not on "
                        f"{show_path(entry.to if entry.to is not None else entry.old)}")
        if entry.to is not None:
            title_match = re.search(r"<title>(.*?)</title>", target_file.read_text(encoding="utf-8"), re.S)
            title = html.unescape(title_match.group(1).strip()) if title_match else show_path(entry.to)
            old_file.parent.mkdir(parents=True, exist_ok=True)
            old_file.write_text(redirect_page(entry, site_url, title, langs), encoding="utf-8")
    if redirects:
        log.info(f"links: {len(redirects)} redirect(s) from {REDIRECTS_FILE}")


def write_short_links(pages: list[PageInfo], site_dir: Path, site_url: str, langs: Languages) -> None:
    for info in pages:
        out = site_dir / "go" / info.slug / "index.html"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(short_link_page(info, site_url, langs), encoding="utf-8")
    (site_dir / "go").mkdir(exist_ok=True)
    (site_dir / "go" / "index.html").write_text(short_link_index(pages, site_url, langs), encoding="utf-8")
    log.info(f"links: {len(pages)} short link(s) under go/")
