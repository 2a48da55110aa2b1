"""Shared fixtures: the site built once under a GitHub-Pages-like sub-path, and a headless Chromium."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest

from tests.helpers import ROOT, BuiltSite
from tools.browser import CHROMIUM, CHROMIUM_ARGS, VIEWPORTS
from tools.site_server import SUBPATH, free_port, serve

ARTIFACTS = ROOT / "test-artifacts"


def build_site(dest: Path, site_url: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest)],
                          cwd=ROOT, env=env, capture_output=True, text=True)


STAGES = ("checker", "", "browser")  # what fails fastest first: tests/checker/, tests/, tests/browser/


def _stage(item: pytest.Item) -> int:
    folder = item.path.parent.name
    return STAGES.index(folder) if folder in STAGES else STAGES.index("")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=_stage)  # stable: each folder keeps pytest's own order


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    """The real site, built with a sub-path site URL and served the way GitHub Pages serves it."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}{SUBPATH}"
    dest = tmp_path_factory.mktemp("site")
    result = build_site(dest, base_url)
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
    server = serve(dest, SUBPATH, port)
    yield BuiltSite(dest, base_url)
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium")
    with playwright_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture(params=list(VIEWPORTS), ids=list(VIEWPORTS))
def viewport(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
