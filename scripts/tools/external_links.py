#!/usr/bin/env python3
"""External links of the pages' front matter: collect them for a link checker, report the dead ones.

    external_links.py collect [--docs docs] --out urls.txt     # one URL a line, for lychee
    external_links.py report --results lychee.json [--docs docs] [--accept-hosts FILE] --out report.md

`report` reads lychee's JSON output (`lychee --format json -v`) and writes a Markdown issue body:
the dead links with the page and line that cite each, then links that only failed the way a blocked
data-centre runner fails (a host on the accept list: 403, 429, a timeout or a network error; a 404 is
dead everywhere), then redirects worth updating. It prints the number of dead links; `--github-output`
also writes `dead=N` for the workflow (.github/workflows/links.yml). Exit 0 unless the input is unusable (2).
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))  # for checkpages, when run as a script

from checkpages.engine import load_site
from checkpages.rules._citations import source_items

DEAD_EVERYWHERE = {404, 410}  # gone for every reader, wherever the check runs from
TITLE = "Dead links in page sources"


@dataclass
class Link:
    url: str
    cited_on: list[str] = field(default_factory=list)  # "docs/esim.zh.md:12"


@dataclass
class Result:
    url: str
    status: str  # lychee's text, e.g. "Rejected status code: 404 Not Found", "Timeout"
    code: Optional[int] = None


@dataclass
class Report:
    dead: list[Result]
    unverified: list[Result]  # failed only as a blocked runner fails, on an accepted host
    redirects: list[tuple[str, str]]  # (URL as written, where it ends)
    checked: int


def collect(docs_dir: Path, base: Optional[Path] = None) -> dict[str, Link]:
    """Every http(s) `url` of every page's `sources`, with the file:line of each mention."""
    links: dict[str, Link] = {}
    for page in load_site(docs_dir, base=base).pages:
        for item in source_items(page):
            url = item.value.get("url") if isinstance(item.value, dict) else None
            if isinstance(url, str) and urlsplit(url).scheme in ("http", "https"):
                links.setdefault(url, Link(url)).cited_on.append(f"{page.display_path}:{item.line}")
    return dict(sorted(links.items()))


def read_accept_hosts(path: Optional[Path]) -> set[str]:
    """Hosts (one a line, `#` comments) that block data-centre runners; a subdomain matches too."""
    if path is None:
        return set()
    lines = (line.split("#", 1)[0].strip().lower() for line in path.read_text(encoding="utf-8").splitlines())
    return {line for line in lines if line}


def accepted(url: str, hosts: set[str]) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return any(host == accepted_host or host.endswith("." + accepted_host) for accepted_host in hosts)


def _results(data: dict[str, Any], key: str) -> Iterable[dict[str, Any]]:
    for entries in (data.get(key) or {}).values():
        yield from (entry for entry in entries if isinstance(entry, dict) and "url" in entry)


def _result(entry: dict[str, Any]) -> Result:
    status = entry.get("status") or {}
    code = status.get("code") if isinstance(status.get("code"), int) else None
    return Result(str(entry["url"]), str(status.get("text") or status.get("details") or "failed"), code)


def classify(data: dict[str, Any], accept_hosts: set[str]) -> Report:
    failed = [_result(e) for key in ("error_map", "timeout_map") for e in _results(data, key)]
    dead = [r for r in failed if r.code in DEAD_EVERYWHERE or not accepted(r.url, accept_hosts)]
    unverified = [r for r in failed if r not in dead]
    return Report(_sorted(dead), _sorted(unverified), sorted(set(_redirects(data))), int(data.get("total") or 0))


def _redirects(data: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(URL as written, where its redirects end), from lychee's verbose redirect_map."""
    for entries in (data.get("redirect_map") or {}).values():
        for entry in entries:
            hops = entry.get("redirects") if isinstance(entry, dict) else None
            if hops and isinstance(hops[-1], dict) and "origin" in entry:
                yield str(entry["origin"]), str(hops[-1].get("url"))


def _sorted(results: list[Result]) -> list[Result]:
    return sorted({r.url: r for r in results}.values(), key=lambda r: r.url)


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _where(url: str, links: dict[str, Link]) -> str:
    return ", ".join(f"`{place}`" for place in links[url].cited_on) if url in links else ""


def format_report(report: Report, links: dict[str, Link]) -> str:
    out = [f"# {TITLE}", "",
           f"The weekly link check (`.github/workflows/links.yml`) checked {report.checked} source URLs "
           f"from the pages' front matter: **{len(report.dead)} dead**.", ""]
    if report.dead:
        out += ["Replace each with the source's new address (or a `publisher` and `date` when it has no "
                "stable page any more), or remove the source and its citations.", "",
                "| URL | status | cited in |", "| --- | --- | --- |"]
        out += [f"| <{r.url}> | {_cell(r.status)} | {_where(r.url, links)} |" for r in report.dead]
        out.append("")
    if report.unverified:
        out += ["## Not verified from the runner", "",
                "These hosts block or throttle data-centre addresses (`.github/link-check-accept.txt`); "
                "check them from an ordinary connection.", ""]
        out += [f"- <{r.url}>: {_cell(r.status)}" for r in report.unverified]
        out.append("")
    if report.redirects:
        out += ["## Redirected", "", "These still work; consider citing where they end up.", ""]
        out += [f"- <{origin}> → <{target}>" for origin, target in report.redirects]
        out.append("")
    return "\n".join(out)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    collect_command = commands.add_parser("collect", help="write every source URL, one a line")
    collect_command.add_argument("--docs", type=Path, default=ROOT / "docs")
    collect_command.add_argument("--out", type=Path, required=True)
    report_command = commands.add_parser("report", help="Markdown report of a lychee JSON result")
    report_command.add_argument("--results", type=Path, required=True)
    report_command.add_argument("--docs", type=Path, default=ROOT / "docs")
    report_command.add_argument("--accept-hosts", type=Path)
    report_command.add_argument("--out", type=Path, required=True)
    report_command.add_argument("--github-output", type=Path, help="append dead=N here ($GITHUB_OUTPUT)")
    return parser


def main(argv: Optional[list[str]] = None) -> int:
    args = _parser().parse_args(argv)
    if not args.docs.is_dir():
        print(f"error: --docs {args.docs} is not a folder", file=sys.stderr)
        return 2
    links = collect(args.docs)
    if args.command == "collect":
        args.out.write_text("".join(f"{url}\n" for url in links), encoding="utf-8")
        print(f"{len(links)} URLs written to {args.out}")
        return 0
    try:
        data = json.loads(args.results.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        print(f"error: cannot read {args.results}: {error}", file=sys.stderr)
        return 2
    report = classify(data if isinstance(data, dict) else {}, read_accept_hosts(args.accept_hosts))
    args.out.write_text(format_report(report, links), encoding="utf-8")
    if args.github_output:
        with args.github_output.open("a", encoding="utf-8") as output:
            output.write(f"dead={len(report.dead)}\n")
    print(f"{len(report.dead)} dead, {len(report.unverified)} not verified, {len(report.redirects)} redirected")
    return 0


if __name__ == "__main__":
    sys.exit(main())
