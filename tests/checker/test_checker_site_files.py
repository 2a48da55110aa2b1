"""CP019 on a project laid out like the real one: docs/ beside overrides/ (the theme's own files)."""
from __future__ import annotations

from pathlib import Path

from tests.checker.helpers import ROOT, TODAY, run_checker

PAGE = "---\ntitle: Page\ndescription: A page.\n---\n\n# Page {#page}\n"


def _project(tmp_path: Path, files: dict[str, str]) -> Path:
    for rel, text in {"overrides/assets/site.js": "// theme\n", "docs/index.en.md": PAGE, **files}.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def test_files_that_shadow_the_theme_or_the_build_are_findings(tmp_path: Path) -> None:
    project = _project(tmp_path, {
        "docs/assets/site.js": "alert(1)\n",                     # the project's own script (overrides/)
        "docs/assets/javascripts/bundle.a5f9d56c.min.js": "x\n",  # Material's bundle
        "docs/assets/images/favicon.png": "x",                   # Material's file, an image type
        "docs/go/esim.md": PAGE,                                   # where the short links are written
        "docs/assets/og/zh/esim.png": "x",                         # where preview images are drawn
    })
    run = run_checker(["--docs", "docs", "--select", "CP019", "--today", TODAY], cwd=project)
    assert run.code == 1
    shadowed = {line.split(":", 1)[0] for line in run.lines if "would replace a file of the theme" in line}
    assert shadowed == {"docs/assets/site.js", "docs/assets/javascripts/bundle.a5f9d56c.min.js",
                        "docs/assets/images/favicon.png", "docs/go/esim.md", "docs/assets/og/zh/esim.png"}


def test_the_real_docs_folder_is_clean() -> None:
    run = run_checker(["--docs", "docs", "--select", "CP019,CP018,CP017,CP016", "--today", TODAY], cwd=ROOT)
    assert run.code == 0, run.stdout
