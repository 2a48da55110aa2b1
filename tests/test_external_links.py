"""scripts/tools/external_links.py with the real lychee against a local server: alive, 404, timeout,
redirect, a host that blocks runners, and a flaky link that a retry saves. Offline: loopback only."""
from __future__ import annotations

import http.server
import json
import subprocess
import sys
import threading
from pathlib import Path
from typing import Iterator

import pytest

from tools import external_links

LYCHEE = Path(sys.executable).parent / "lychee"
SLOW_SECONDS = 4  # the server's delay for /slow; lychee is given a 1 s timeout


class Handler(http.server.BaseHTTPRequestHandler):
    flaky_seen = 0

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        route = self.path.split("?")[0]
        if route == "/slow":
            threading.Event().wait(SLOW_SECONDS)
        if route == "/flaky":
            Handler.flaky_seen += 1
            if Handler.flaky_seen == 1:  # the first try: the connection drops, as on a busy network
                self.close_connection = True
                return
        status = {"/alive": 200, "/slow": 200, "/flaky": 200, "/gone": 404, "/blocked": 403, "/moved": 301}.get(route, 404)
        self.send_response(status)
        if status == 301:
            self.send_header("Location", "/alive")
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_HEAD = do_GET

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    Handler.flaky_seen = 0
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def write_docs(docs: Path, base: str) -> None:
    """Two pages citing the server's URLs; one URL cited by both, and one body link that is not a source."""
    docs.mkdir()
    routes = ["alive", "gone", "slow", "moved", "blocked", "flaky"]
    items = "".join(f"  - id: {route}\n    title: {route}\n    url: {base}/{route}\n" for route in routes)
    (docs / "a.zh.md").write_text(f"---\ntitle: A\ndescription: d\nsources:\n{items}"
                                  "  - id: paper\n    title: 报纸\n    publisher: 某报\n    date: 2014\n---\n\n"
                                  f"# A {{#a}}\n\n[正文链接]({base}/not-a-source)\n", encoding="utf-8")
    (docs / "b.en.md").write_text(f"---\ntitle: B\ndescription: d\nsources:\n  - id: gone\n    title: gone\n"
                                  f"    url: {base}/gone\n---\n\n# B {{#b}}\n", encoding="utf-8")


def run_lychee(urls: Path, out: Path) -> dict:
    assert LYCHEE.exists(), "lychee is missing: `make test` installs requirements-links.txt"
    subprocess.run([str(LYCHEE), str(urls), "--format", "json", "--verbose", "--no-progress", "--output", str(out),
                    "--timeout", "1", "--max-retries", "2", "--retry-wait-time", "1", "--accept", "200..=299"],
                   capture_output=True, text=True, timeout=60)
    return json.loads(out.read_text(encoding="utf-8"))


def test_collect_lists_each_source_url_once_with_every_place_it_is_cited(tmp_path: Path, server: str) -> None:
    write_docs(tmp_path / "docs", server)
    links = external_links.collect(tmp_path / "docs", base=tmp_path)
    assert list(links) == sorted(f"{server}/{r}" for r in ("alive", "gone", "slow", "moved", "blocked", "flaky"))
    assert links[f"{server}/gone"].cited_on == ["docs/a.zh.md:8", "docs/b.en.md:5"]


def test_report_lists_dead_links_and_not_alive_redirected_or_retried_ones(tmp_path: Path, server: str) -> None:
    write_docs(tmp_path / "docs", server)
    urls, results, report_md = tmp_path / "urls.txt", tmp_path / "lychee.json", tmp_path / "report.md"
    assert external_links.main(["collect", "--docs", str(tmp_path / "docs"), "--out", str(urls)]) == 0
    run_lychee(urls, results)
    output = tmp_path / "github-output"
    assert external_links.main(["report", "--results", str(results), "--docs", str(tmp_path / "docs"),
                                "--out", str(report_md), "--github-output", str(output)]) == 0
    report = report_md.read_text(encoding="utf-8")
    dead_section = report.split("## ")[0]
    for route in ("gone", "slow", "blocked"):
        assert f"<{server}/{route}>" in dead_section, route
    for route in ("alive", "moved", "flaky"):
        assert f"<{server}/{route}>" not in dead_section, route
    assert "Rejected status code: 404 Not Found" in dead_section and "Timeout" in dead_section
    assert f"| <{server}/gone> | Rejected status code: 404 Not Found |" in report
    assert report.count(f"<{server}/gone>") == 1
    assert f"<{server}/moved> → <{server}/alive>" in report  # under "Redirected"
    assert output.read_text(encoding="utf-8") == "dead=3\n"
    assert "**3 dead**" in report


def test_accepted_hosts_are_not_verified_rather_than_dead_but_a_404_is_dead(tmp_path: Path, server: str) -> None:
    write_docs(tmp_path / "docs", server)
    urls, results = tmp_path / "urls.txt", tmp_path / "lychee.json"
    external_links.main(["collect", "--docs", str(tmp_path / "docs"), "--out", str(urls)])
    data = run_lychee(urls, results)
    accept = tmp_path / "accept.txt"
    accept.write_text("# runners are blocked here\n127.0.0.1   # the test server\n", encoding="utf-8")
    report = external_links.classify(data, external_links.read_accept_hosts(accept))
    assert [r.url for r in report.dead] == [f"{server}/gone"]
    assert [r.url for r in report.unverified] == [f"{server}/blocked", f"{server}/slow"]


def test_unreadable_results_are_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    code = external_links.main(["report", "--results", str(tmp_path / "bad.json"), "--docs", str(tmp_path / "docs"),
                                "--out", str(tmp_path / "r.md")])
    assert code == 2
