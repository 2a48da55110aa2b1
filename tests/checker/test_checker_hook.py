"""The MkDocs hook: same findings as the CLI, a failed build on errors, one check per build."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.checker.helpers import FIXTURES, ROOT, run_checker

HOOK = ROOT / "scripts" / "hooks" / "check_pages.py"
CONFIG = """\
site_name: Hook test
docs_dir: docs
strict: true
hooks:
  - {hook}
plugins:
  - i18n:
      docs_structure: suffix
      fallback_to_default: false
      languages:
        - locale: zh
          default: true
          name: 中文
          build: true
        - locale: en
          name: English
          build: true
markdown_extensions:
  - attr_list
"""


def _site(tmp_path: Path, pages: dict[str, str]) -> Path:
    (tmp_path / "mkdocs.yml").write_text(CONFIG.format(hook=HOOK), encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in pages.items():
        (docs / name).write_text(text, encoding="utf-8")
    return tmp_path


def _build(site: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(site / "out")],
                          cwd=site, env=env, capture_output=True, text=True, timeout=120)


HOME = "---\ntitle: 首页\ndescription: 测试站点。\n---\n\n# 首页 {#home}\n\n[eSIM](esim.md)\n"
CARD = (FIXTURES / "CP009" / "good_plain.zh.md").read_text(encoding="utf-8").replace("card_type: sim", "card_type: esim")


def test_build_of_incomplete_page_fails_with_the_cli_message(tmp_path: Path) -> None:
    incomplete = CARD.split("## 常见问题 {#faq}")[0]  # no FAQ section
    site = _site(tmp_path, {"esim.zh.md": incomplete, "esim.en.md": CARD})
    build = _build(site)
    cli = run_checker(["--docs", "docs"], cwd=site)
    assert build.returncode != 0
    assert cli.code == 1
    expected = "docs/esim.zh.md:12:1: CP001 card page is missing the section '## ... {#faq}'"
    assert expected in cli.lines
    for line in cli.lines:  # every CLI finding is in the build log, in the same form
        assert line in build.stderr
    assert "page checker found" in build.stderr


def test_clean_site_builds_and_is_checked_once_for_both_languages(tmp_path: Path) -> None:
    site = _site(tmp_path, {"esim.zh.md": CARD, "esim.en.md": CARD, "index.zh.md": HOME, "index.en.md": HOME})
    build = _build(site)
    assert build.returncode == 0, build.stderr
    assert "Building 'en' documentation" in build.stderr  # the second, English build ran
    assert build.stderr.count("page checker: 4 pages checked, 0 error(s), 0 warning(s)") == 1
    assert (site / "out" / "en" / "esim" / "index.html").is_file()


@pytest.fixture
def hook_module(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """A fresh copy of the hook, loaded as MkDocs loads one (registered in sys.modules first)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("check_pages_hook_under_test", HOOK)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)
    spec.loader.exec_module(module)
    return module


def test_hook_guard_rechecks_after_a_file_changes(tmp_path: Path, hook_module) -> None:  # type: ignore[no-untyped-def]
    from mkdocs.exceptions import PluginError

    docs = _site(tmp_path, {"esim.zh.md": CARD, "esim.en.md": CARD}) / "docs"
    assert hook_module.run_check(docs) == []
    page = docs / "esim.en.md"
    page.write_text(CARD.replace("{#balance}", "{#money}"), encoding="utf-8")
    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 10_000_000))
    with pytest.raises(PluginError):
        hook_module.run_check(docs)
    shutil.copy(docs / "esim.zh.md", page)
    hook_module.run_check(docs)  # clean again: no exception
