"""The build is host-agnostic: built for a second host (SITE_URL), the site differs only in its
absolute URLs (canonical, hreflang, og:url/og:image, the sitemap, the report link) and in the
absolute paths taken from SITE_URL (the 404 page, the language selector), so the same content can
be published on a second static host."""
from __future__ import annotations

import gzip
import re
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

from tests.helpers import BuiltSite, build_site

SECOND_URL = "https://guide.example.cn/"  # a host at the root, unlike the sub-path of the site fixture


def normalised(path: Path, rel: str, site_url: str) -> bytes:
    """The file's bytes with every form of site_url replaced by a placeholder."""
    data = gzip.decompress(path.read_bytes()) if rel.endswith(".gz") else path.read_bytes()
    if not rel.endswith((".html", ".xml", ".gz", ".json", ".js", ".txt")):
        return data
    text = data.decode("utf-8")
    for form in (site_url, quote(site_url, safe="/")):  # as written, and as the report link encodes it
        text = text.replace(form, "{SITE}/")
    # Absolute paths come from SITE_URL's path too: the 404 page (served at any depth: links,
    # Material's config and our search worker's address) and the language selector (static-i18n).
    # Data attributes carry it too (the storage scope the CSP-hashed base script reads).
    path = re.escape(urlsplit(site_url).path)
    text = re.sub(r'((?:href|src|data-[a-z-]+)="|new URL\("|": "|= ")' + path, r"\1{PATH}", text)
    return text.encode("utf-8")


def files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


@pytest.fixture(scope="module")
def second_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("second-host")
    result = build_site(dest, SECOND_URL)
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
    return dest


def test_a_second_site_url_changes_only_the_absolute_urls(site: BuiltSite, second_site: Path) -> None:
    assert files(site.dir) == files(second_site)
    raw_differences = [rel for rel in files(site.dir)
                       if (site.dir / rel).read_bytes() != (second_site / rel).read_bytes()]
    assert "sitemap.xml" in raw_differences and "en/esim/index.html" in raw_differences
    remaining = [rel for rel in raw_differences
                 if normalised(site.dir / rel, rel, site.base_url)
                 != normalised(second_site / rel, rel, SECOND_URL)]
    assert not remaining, f"these files differ by more than the site URL: {remaining[:10]}"


def test_the_second_host_is_its_own_canonical_and_hreflang(second_site: Path) -> None:
    html = (second_site / "en" / "esim" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<link rel="?canonical"? href="?https://guide\.example\.cn/en/esim/"?>', html)
    assert re.search(r'hreflang="?zh"? href="?https://guide\.example\.cn/esim/"?', html)
    sitemap = (second_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://guide.example.cn/en/esim/</loc>" in sitemap and "127.0.0.1" not in sitemap
