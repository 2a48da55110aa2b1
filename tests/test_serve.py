"""`make serve`, the README's first command: MkDocs' dev server with the build's worker processes.

The preview images and the search index are made in forked workers (scripts/sitelib/buildpool.py). Under
`mkdocs serve` they must survive rebuilds and stop quietly on Ctrl+C, which reaches the whole process
group.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from tests.helpers import ROOT
from tools.site_server import free_port


def wait_for(url: str, timeout: float = 60) -> bytes:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def builds(lines: list[str]) -> int:
    return sum("Documentation built" in line for line in lines)


def test_serve_rebuilds_and_stops_quietly_on_ctrl_c(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "OG_CACHE_DIR": str(tmp_path / "og")}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              start_new_session=True)   # its own process group, as a terminal gives it
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(server.stdout), daemon=True)
    reader.start()
    try:
        base = f"http://127.0.0.1:{port}/"
        assert b'"pages":' in wait_for(base + "search/zh/meta.json")
        assert wait_for(base + "en/esim/")
        os.utime(ROOT / "docs" / "esim.zh.md")   # a save in the editor: MkDocs rebuilds, same workers
        deadline = time.monotonic() + 60
        while builds(lines) < 2 and time.monotonic() < deadline:
            time.sleep(0.5)
        assert b'"pages":' in wait_for(base + "search/en/meta.json")
    finally:
        os.killpg(server.pid, signal.SIGINT)   # Ctrl+C
        server.wait(timeout=30)
        reader.join(timeout=10)
    output = "".join(lines)
    assert server.returncode == 0, output[-2000:]
    assert builds(lines) >= 2, output[-2000:]   # the first build and the rebuild
    assert "Traceback" not in output and "ForkProcess" not in output, output[-2000:]
