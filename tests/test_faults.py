"""Faults: a killed build leaves no worker behind, an unwritable image cache does not stop the build,
and redirects.yml cannot write outside the site folder."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitelib import links
from tests.helpers import ROOT
from tests.hostile import build, make_project
from tools.site_server import free_port


def children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found.update(int(child) for child in (task / "children").read_text().split())
        except OSError:
            pass
    return found


def alive(pid: int) -> bool:
    """Running (a zombie waiting for a reaper has ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def start(command: str, tmp_path: Path) -> subprocess.Popen[bytes]:
    out = tmp_path / "site"
    args = ["build", "-d", str(out)] if command == "build" else ["serve", "--dev-addr", f"127.0.0.1:{free_port()}"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "OG_CACHE_DIR": str(tmp_path / "og")}  # cold: workers busy
    return subprocess.Popen([sys.executable, "-m", "mkdocs", *args], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads /proc")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL, signal.SIGHUP], ids=lambda s: s.name)
@pytest.mark.parametrize("command", ["build", "serve"])
def test_workers_end_when_the_build_process_is_killed(tmp_path: Path, command: str, sig: signal.Signals) -> None:
    process = start(command, tmp_path)
    try:
        assert wait_for(lambda: len(children(process.pid)) >= 2, 120), "the two workers never started"
        workers = children(process.pid)
        process.send_signal(sig)
        process.wait(timeout=30)
        assert wait_for(lambda: not any(alive(pid) for pid in workers), 20), \
            f"workers {sorted(p for p in workers if alive(p))} outlived mkdocs {command} after {sig.name}"
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_unwritable_image_cache_draws_without_it_and_says_so(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    project = make_project(tmp_path / "project")
    result = build(project, project / "site", env={"OG_CACHE_DIR": str(blocker / "og")})
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    said = [line for line in result.stderr.splitlines() if "preview-image cache" in line]
    assert len(said) == 1 and "OG_CACHE_DIR" in said[0], said
    assert (project / "site/assets/og/en/esim.png").read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize("old", ["../escape/", "en/../../escape/", "/etc/cron.d/", "docs/../../x/", "a\\b/",
                                 "javascript:alert(1)", "en//esim/", "./"])
def test_redirect_paths_that_leave_the_site_are_refused(tmp_path: Path, old: str) -> None:
    redirects = tmp_path / "redirects.yml"
    redirects.write_text(f"{old!r}: esim/\n", encoding="utf-8")
    with pytest.raises(ValueError, match="is not a path inside the site") as error:
        links.load_redirects(redirects)
    assert "\n" not in str(error.value)
    if not old.startswith("/"):  # a target may be written from the site root
        redirects.write_text(f"old/: {old!r}\n", encoding="utf-8")
        with pytest.raises(ValueError, match="is not a path inside the site"):
            links.load_redirects(redirects)


def test_the_root_and_ordinary_paths_are_still_accepted(tmp_path: Path) -> None:
    redirects = tmp_path / "redirects.yml"
    redirects.write_text("/: {anchors: {a: b}}\nen/esim-old/: en/esim/\n", encoding="utf-8")
    assert set(links.load_redirects(redirects)) == {"", "en/esim-old/"}


def test_build_refuses_a_redirect_out_of_the_site_in_one_line(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", files={"redirects.yml": "../../escape/: esim/\n"})
    result = build(project, project / "site")
    assert result.returncode != 0
    assert "is not a path inside the site" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "escape").exists() and not (project / "escape").exists()
