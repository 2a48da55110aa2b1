"""published.txt guards every published URL and anchor; redirects.yml is the only way to move one."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitelib import links
from tests.helpers import LANGUAGES, ROOT, BuiltSite
from tools import published_urls as pub


def copy_of(site: BuiltSite, tmp_path: Path) -> Path:
    dest = tmp_path / "site"
    shutil.copytree(site.dir, dest)
    return dest


def test_every_published_entry_still_resolves(site: BuiltSite) -> None:
    entries = pub.read_manifest()
    assert len(entries) >= 100, "published.txt is missing or nearly empty: run scripts/tools/published_urls.py --update"
    problems = pub.check(site.dir, entries, links.load_redirects(ROOT / links.REDIRECTS_FILE))
    assert problems == [], ("published URLs broke; add a redirect to redirects.yml, or restore the page or "
                            "heading id:\n" + "\n".join(problems))


def test_manifest_lists_pages_anchors_and_short_links_per_language(site: BuiltSite) -> None:
    entries = set(pub.read_manifest())
    for expected in ("/", "en/", "esim/", "en/esim/", "esim/#steps", "en/esim/#steps", "en/esim/#faq",
                     "go/esim/", "go/"):
        assert expected in entries
    assert not [e for e in entries if e.startswith(("assets/", "search/")) or e.count("#") > 1]


def test_collect_finds_section_and_faq_anchors_of_a_built_page(site: BuiltSite) -> None:
    anchors = pub.heading_anchors(site.dir / "en" / "esim" / "index.html")
    for section in ("prerequisites", "steps", "after-care", "faq"):
        assert section in anchors
    assert anchors.index("steps") < anchors.index("faq") < len(anchors) - 1  # FAQ questions follow
    assert "__drawer" not in anchors  # page furniture is not content


def test_guard_catches_a_renamed_page_until_a_redirect_exists(site: BuiltSite, tmp_path: Path) -> None:
    copy = copy_of(site, tmp_path)
    (copy / "en" / "esim").rename(copy / "en" / "esim-card")
    entries = ["en/esim/", "en/esim/#steps", "en/esim/#delete-profile-only", "esim/#steps"]
    problems = pub.check(copy, entries, {})
    assert problems == ["en/esim/: page en/esim/ is missing", "en/esim/#steps: page en/esim/ is missing",
                        "en/esim/#delete-profile-only: page en/esim/ is missing"]

    redirect = links.Redirect("en/esim/", "en/esim-card/", {"delete-profile-only": "steps-delete-profile"})
    # Listed in redirects.yml but not built: still broken.
    assert len(pub.check(copy, entries, {redirect.old: redirect})) == 3
    links.write_redirects({redirect.old: redirect}, copy, site.base_url, LANGUAGES)
    assert pub.check(copy, entries, {redirect.old: redirect}) == []
    stub = (copy / "en" / "esim" / "index.html").read_text(encoding="utf-8")
    assert 'content="noindex"' in stub and 'url=../esim-card/' in stub and 'href="../esim-card/"' in stub
    # The new page is not itself a published page of the old path.
    assert "en/esim/" not in pub.collect(copy) and "en/esim-card/#steps" in pub.collect(copy)


def test_guard_catches_a_removed_anchor_unless_it_was_renamed(site: BuiltSite, tmp_path: Path) -> None:
    copy = copy_of(site, tmp_path)
    page = copy / "en" / "esim" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace('id="faq"', 'id="questions"'), encoding="utf-8")
    problems = pub.check(copy, ["en/esim/", "en/esim/#faq", "en/esim/#steps"], {})
    assert problems == ["en/esim/#faq: #faq is missing from en/esim/"]
    renamed = {"en/esim/": links.Redirect("en/esim/", None, {"faq": "questions"})}
    assert pub.check(copy, ["en/esim/#faq"], renamed) == []
    # A rename to an id that does not exist either is still broken.
    wrong = {"en/esim/": links.Redirect("en/esim/", None, {"faq": "nope"})}
    assert pub.check(copy, ["en/esim/#faq"], wrong) == ["en/esim/#faq: #faq is missing from en/esim/"]


def test_a_missing_redirect_target_fails_the_strict_build(site: BuiltSite, tmp_path: Path,
                                                          caplog: pytest.LogCaptureFixture) -> None:
    copy = copy_of(site, tmp_path)
    bad = {"old/": links.Redirect("old/", "no-such-page/"), "esim/": links.Redirect("esim/", "en/esim/"),
           "en/sim/": links.Redirect("en/sim/", None, {"x": "not-an-id"})}
    with caplog.at_level("WARNING", logger="mkdocs.hooks.links"):
        links.write_redirects(bad, copy, site.base_url, LANGUAGES)
    messages = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert any("old/ -> no-such-page/: no such page" in m for m in messages)
    assert any("esim/ is still a page" in m for m in messages)
    assert any("['not-an-id'] are not on en/sim/" in m for m in messages)
    assert not (copy / "old").exists()


def test_update_appends_new_entries_and_never_removes(site: BuiltSite, tmp_path: Path) -> None:
    manifest = tmp_path / "published.txt"
    manifest.write_text("# reviewed list\nretired-page/#kept\nen/esim/\n", encoding="utf-8")
    added = pub.update(site.dir, manifest)
    assert "en/esim/#steps" in added and "en/esim/" not in added
    lines = manifest.read_text(encoding="utf-8").splitlines()
    assert lines[:3] == ["# reviewed list", "retired-page/#kept", "en/esim/"]
    assert pub.update(site.dir, manifest) == []
    assert pub.main(["--check", "--site", str(site.dir), "--manifest", str(manifest)]) == 1  # retired-page
    assert "retired-page/#kept" in pub.read_manifest(manifest)


def test_redirects_file_is_valid_and_malformed_entries_are_refused(tmp_path: Path) -> None:
    links.load_redirects(ROOT / links.REDIRECTS_FILE)
    good = tmp_path / "good.yml"
    good.write_text("old/: new/\n/: {anchors: {'#a': b}}\nen/x/: {to: /en/y, anchors: {p: q}}\n", encoding="utf-8")
    assert links.load_redirects(good) == {
        "old/": links.Redirect("old/", "new/"), "": links.Redirect("", None, {"a": "b"}),
        "en/x/": links.Redirect("en/x/", "en/y/", {"p": "q"})}
    for text in ("old/: {too: new/}\n", "old/: {}\n", "- old/\n"):
        bad = tmp_path / "bad.yml"
        bad.write_text(text, encoding="utf-8")
        with pytest.raises(ValueError):
            links.load_redirects(bad)


@pytest.mark.parametrize(("here", "there", "expected"), [
    ("go/esim/", "esim/", "../../esim/"), ("go/index/", "", "../../"), ("go/", "en/", "../en/"),
    ("en/old/", "en/new/", "../new/"), ("old/", "", "../"), ("", "en/esim/", "en/esim/"), ("esim/", "esim/", "./")])
def test_relative_urls_work_under_any_sub_path(here: str, there: str, expected: str) -> None:
    assert links.relative(here, there) == expected
