#!/usr/bin/env python3
"""`make bench`: build times, checker share, reader bytes and Lighthouse, ours against the stock set-up.

    .venv/bin/python scripts/tools/bench.py [--quick] [--skip-lighthouse] [--pairs 200 1000] [--out BENCHMARKS.md]

"Ours" is this repository's mkdocs.yml (hooks, overrides, own search). "Stock" is the same content with
a generated mkdocs.yml: theme material, plugins search + i18n (suffix, zh default, en), the same Markdown
extensions, no hooks, no overrides, no custom search. Synthetic corpora (scripts/tools/synth_pages.py) are built
with ours minus its fixed nav, and stock without a nav, so both list every page.

Cold = a fresh site dir and an empty preview-image cache (OG_CACHE_DIR points at a new empty folder, so the
repository's .cache/ is neither read nor written); warm = the same build again with that cache filled.
Builds of ours and stock alternate, so each ratio is taken from runs made at the same moment; the table
gives medians and the median of the per-run ratios. The machine is shared: wall times move, ratios less.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))  # for checkpages and tools, when run as a script

from tools.site_server import SUBPATH

BUILD_BUDGET = 1.2       # ours at most 1.2x stock
CHECKER_BUDGET = 0.05    # the checker under 5 % of the build
LIGHTHOUSE = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_FLAGS = ("--headless=new --no-sandbox --disable-background-networking --disable-component-update "
                    "--disable-sync --disable-gpu")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
QUERY = {"zh": "注销", "en": "cancel"}
READS_BUDGET = 36 * 1024  # issue 18: a reader who only reads a card page, under the lightest peer
# ../shared/PEERS.md, "First view of one card page" (gzip KiB), by corpus size in pairs (12 ~ the real site)
PEERS = {"MkDocs stock (peers' run, with jieba)": {12: 96, 200: 220, 1000: 720},
         "VitePress 1": {12: 154, 200: 163, 1000: 200}, "Hugo + Pagefind": {12: 37, 200: 38, 1000: 42}}
# Lighthouse's mobile network (simulated "Slow 4G"): 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1_638_400 / 8, "uploadThroughput": 750_000 / 8}


# ---------------------------------------------------------------- configurations

def _block(text: str, key: str) -> str:
    """A top-level YAML block (`key:` and its indented lines) of a config file, or ''."""
    match = re.search(rf"(?m)^{key}:.*\n(?:(?:[ \t]+.*|)\n)*", text)
    return match.group(0).rstrip() + "\n" if match else ""


def ours_config(docs: Path, folder: Path) -> Path:
    """The site's mkdocs.yml for another docs folder: absolute paths, the same hooks, no fixed nav."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^docs_dir: .*$", f"docs_dir: {docs}", text)
    text = re.sub(r"(?m)^(\s+custom_dir: )(\S+)", lambda m: m.group(1) + str(ROOT / m.group(2)), text)
    text = re.sub(r"(?m)^(  - )(scripts/hooks/\S+)", lambda m: m.group(1) + str(ROOT / m.group(2)), text)
    for key in ("nav", "not_in_nav"):
        text = text.replace(_block(text, key), "")
    return _write(folder / "mkdocs.ours.yml", text)


def stock_config(docs: Path, folder: Path, keep_nav: bool) -> Path:
    """Material + static-i18n defaults on the same content; the real site's nav when keep_nav."""
    real = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = (f"site_name: {_value(real, 'site_name')}\n"
            'site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]\n'
            f"docs_dir: {docs}\n"
            "theme:\n  name: material\n  language: zh\n"
            "plugins:\n  - search\n  - i18n:\n      docs_structure: suffix\n      languages:\n"
            "        - locale: zh\n          default: true\n          name: 中文\n          build: true\n"
            "        - locale: en\n          name: English\n          build: true\n"
            + _block(real, "markdown_extensions") + (_block(real, "nav") if keep_nav else ""))
    return _write(folder / "mkdocs.stock.yml", text)


def _value(text: str, key: str) -> str:
    match = re.search(rf"(?m)^{key}: (.*)$", text)
    return match.group(1) if match else key


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- builds

@dataclass
class Build:
    config: Path
    site: Path
    site_url: str
    og_cache: Path
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    warm: list[float] = field(default_factory=list)
    og: list[float] = field(default_factory=list)  # seconds spent drawing preview images, cold runs
    og_wait: list[float] = field(default_factory=list)  # of those, seconds the build stood waiting

    def run(self, cold: bool) -> float:
        shutil.rmtree(self.site, ignore_errors=True)
        if cold:
            shutil.rmtree(self.og_cache, ignore_errors=True)
            self.og_cache.mkdir(parents=True)
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/tmp"),
               "SITE_URL": self.site_url, "NO_MKDOCS_2_WARNING": "1", "OG_CACHE_DIR": str(self.og_cache)}
        command = [sys.executable, "-m", "mkdocs", "build", "-f", str(self.config), "-d", str(self.site)]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if result.returncode:
            sys.exit(f"build failed: {' '.join(command)}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
        if cold:
            self.wall.append(wall)
            self.cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
            self.og.append(og_seconds(result.stdout + result.stderr))
            self.og_wait.append(og_seconds(result.stdout + result.stderr, waited=True))
        else:
            self.warm.append(wall)
        return wall


OG_LINE = re.compile(r"og_images: (\d+) drawn, (\d+) from cache, ([\d.]+) s"
                     r"(?:, of which the build waited ([\d.]+) s)?")


def og_seconds(build_log: str, waited: bool = False) -> float:
    """Seconds the preview-image hook says it spent drawing (one line per build), 0 without the hook.

    waited=True: the part of it the build stood waiting for (the drawing runs in the build's worker
    processes, sitelib/buildpool.py); a log without that figure (an older build) drew in the build
    itself, so all of it was waited for.
    """
    group = 4 if waited else 3
    return sum(float(m.group(group) or m.group(3)) for m in OG_LINE.finditer(build_log))


def paired_ratios(ours: Sequence[float], stock: Sequence[float]) -> list[float]:
    """Ratio of each run of ours to the stock run made beside it."""
    return [a / b for a, b in zip(ours, stock) if b > 0]


def median(values: Iterable[float]) -> float:
    values = list(values)
    return statistics.median(values) if values else float("nan")


def measure_builds(ours: Build, stock: Build, runs: int, warm_runs: int, log: Callable[[str], None]) -> None:
    for number in range(runs):
        # alternate which goes first, so a neighbour's burst does not always land on the same one
        order = (ours, stock) if number % 2 == 0 else (stock, ours)
        for build in order:
            wall = build.run(cold=True)
            log(f"  cold {'ours ' if build is ours else 'stock'} run {number + 1}/{runs}: {wall:.2f} s")
    for number in range(warm_runs):
        wall = ours.run(cold=False)
        log(f"  warm ours  run {number + 1}/{warm_runs}: {wall:.2f} s")


# ---------------------------------------------------------------- checker

def time_checker(docs: Path, runs: int) -> tuple[int, float]:
    """(files checked, median seconds) for the page checker as the build hook runs it."""
    from checkpages.engine import check_tree, markdown_files

    files = len(list(markdown_files(docs)))
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        check_tree(docs)
        timings.append(time.perf_counter() - start)
    return files, median(timings)


# ---------------------------------------------------------------- reader bytes

@dataclass
class View:
    first: int          # encoded (gzip) bytes of the first view
    first_raw: int
    reads: int          # then scrolled to the end without a tap ("reads only")
    reads_raw: int
    opened: int         # encoded bytes after opening search (the engine and the index's meta.json)
    opened_raw: int
    search: int         # encoded bytes after then typing a query and getting results
    search_raw: int
    resources: list[tuple[str, int]]  # (path, encoded bytes) of the first view
    blocked: list[str]  # requests to other hosts, blocked (and not counted)


def measure_view(browser: Any, url: str, query: str) -> View:
    """Bytes a fresh browser downloads for url, then for opening search and typing query."""
    from tools.searching import open_search, search

    context = browser.new_context(viewport={"width": 390, "height": 844})
    entries: list[tuple[int, int, str]] = []
    blocked: list[str] = []
    pending: set[Any] = set()  # requests not finished yet: a slow one counts once it has arrived
    host = url.split(SUBPATH)[0]

    def route(r: Any) -> None:
        if r.request.url.startswith((host, "data:", "blob:")):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    def finished(request: Any) -> None:
        pending.discard(request)
        if request.url.startswith(("data:", "blob:")):
            return
        response = request.response()
        encoded = request.sizes()["responseBodySize"]
        body = response.body() if response is not None and response.status == 200 else b""
        raw = len(body) or encoded
        if not encoded and body:
            # Chromium reports 0 for scripts a worker loads; the test server gzips at level 6, as here
            encoded = len(gzip.compress(body, 6)) if response.headers.get("content-encoding") == "gzip" else raw
        entries.append((encoded, raw, request.url.split(SUBPATH, 1)[-1] or "/"))

    context.route("**/*", route)
    context.on("request", lambda request: request.url.startswith(host) and pending.add(request))
    context.on("requestfinished", finished)
    context.on("requestfailed", lambda request: pending.discard(request))
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    _settle(page, entries, pending)
    first, first_raw = sum(e[0] for e in entries), sum(e[1] for e in entries)
    resources = sorted(((e[2], e[0]) for e in entries), key=lambda r: -r[1])
    scroll_to_end(page)
    _settle(page, entries, pending)
    reads, reads_raw = sum(e[0] for e in entries), sum(e[1] for e in entries)
    open_search(page)
    _settle(page, entries, pending)
    opened, opened_raw = sum(e[0] for e in entries), sum(e[1] for e in entries)
    search(page, query)
    _settle(page, entries, pending)
    view = View(first, first_raw, reads, reads_raw, opened, opened_raw, sum(e[0] for e in entries),
                sum(e[1] for e in entries), resources, blocked)
    context.close()
    return view


def scroll_to_end(page: Any, step: int = 600) -> None:
    """Scroll down a screen at a time, as a reader does, until the end of the page."""
    while page.evaluate("scrollY + innerHeight < document.documentElement.scrollHeight - 1"):
        before = page.evaluate("scrollY")
        page.mouse.wheel(0, step)
        page.wait_for_timeout(60)
        if page.evaluate("scrollY") == before:
            break


@dataclass
class FirstTap:
    opened: float    # ms from the tap on the search icon until the box is shown and has the focus
    answered: float  # ms from that tap until results for a query typed at once are shown


FIRST_TAP = """
async ([query, timeout]) => {
  const start = performance.now();
  document.querySelector(".md-header__button[for='__search']").click();
  const box = document.querySelector("input.md-search__input");
  const shown = () => box.offsetParent !== null && document.activeElement === box;
  while (!shown()) await new Promise(r => setTimeout(r, 5));
  const opened = performance.now() - start;
  box.value = query;
  box.dispatchEvent(new KeyboardEvent("keyup", { key: "End", bubbles: true }));
  while (!document.querySelector(".md-search-result__item")) {
    if (performance.now() - start > timeout) throw new Error("no results for " + query);
    box.dispatchEvent(new KeyboardEvent("keyup", { key: "End", bubbles: true }));
    await new Promise(r => setTimeout(r, 5));
  }
  return [opened, performance.now() - start];
}
"""


def measure_first_tap(browser: Any, url: str, query: str, throttle: bool) -> FirstTap:
    """A cold phone page (network quiet), then one tap on the search icon and a query typed at once."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    if throttle:
        context.new_cdp_session(page).send("Network.emulateNetworkConditions", SLOW_4G)
    page.goto(url, wait_until="networkidle")
    opened, answered = page.evaluate(FIRST_TAP, [query, 30_000])
    context.close()
    return FirstTap(opened, answered)


def _settle(page: Any, entries: list[Any], pending: set[Any], quiet_ms: int = 700, limit_ms: int = 60_000) -> None:
    """Wait until no request is in flight and none has finished for quiet_ms (workers fetch after the
    load event; on a busy machine a 35 KiB script can take longer than quiet_ms to arrive)."""
    seen, waited = -1, 0
    while (seen != len(entries) or pending) and waited < limit_ms:
        seen = len(entries)
        page.wait_for_timeout(quiet_ms)
        waited += quiet_ms


# ---------------------------------------------------------------- Lighthouse

def run_lighthouse(url: str, out: Path) -> dict[str, Any]:
    env = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
    command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
               f"--chrome-flags={LIGHTHOUSE_FLAGS}", f"--only-categories={','.join(CATEGORIES)}"]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    if result.returncode or not out.exists():
        return {"error": (result.stderr or result.stdout)[-500:]}
    return json.loads(out.read_text(encoding="utf-8"))


def lighthouse_scores(lhr: dict[str, Any]) -> dict[str, int | None]:
    cats = lhr.get("categories", {})
    return {c: None if cats.get(c, {}).get("score") is None else round(cats[c]["score"] * 100)
            for c in CATEGORIES}


def failing_audits(lhr: dict[str, Any]) -> list[dict[str, Any]]:
    """Audits of the four categories that did not pass: binary ones below 1, scored ones below 0.9
    (Lighthouse's own pass mark), and any that errored; each with up to five elements or URLs."""
    audits = lhr.get("audits", {})
    failed, seen = [], set()
    for cat in CATEGORIES:
        for ref in lhr.get("categories", {}).get(cat, {}).get("auditRefs", []):
            audit = audits.get(ref["id"], {})
            mode, score = audit.get("scoreDisplayMode"), audit.get("score")
            bad = (mode == "error" or (mode == "binary" and score is not None and score < 1)
                   or (mode in ("numeric", "metricSavings") and score is not None and score < 0.9))
            if bad and ref["id"] not in seen:
                seen.add(ref["id"])
                failed.append({"id": ref["id"], "category": cat, "score": score, "title": audit.get("title", ""),
                               "value": audit.get("displayValue", ""), "items": _items(audit)})
    return failed


def _items(audit: dict[str, Any]) -> list[str]:
    out = []
    for item in (audit.get("details") or {}).get("items", [])[:5]:
        if not isinstance(item, dict):
            continue
        node = item.get("node") if isinstance(item.get("node"), dict) else item.get("source")
        if isinstance(node, dict) and node.get("type") == "node" or isinstance(item.get("node"), dict):
            out.append(f"`{node.get('selector', '')}` {node.get('snippet', '')[:120]}")
        else:  # e.g. errors-in-console: url + description; opportunities: url
            text = " ".join(str(item[k]) for k in ("url", "description") if isinstance(item.get(k), str))
            out.append(text[:200])
    return [o for o in out if o.strip()]


# ---------------------------------------------------------------- formatting

def table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def kib(n: float) -> str:
    return f"{n / 1024:,.1f} KiB"


def secs(values: Sequence[float]) -> str:
    if not values:
        return "–"
    return f"{median(values):.2f} s" + (f" ({len(values)} runs)" if len(values) != 1 else " (1 run)")


def verdict(ok: bool) -> str:
    return "yes" if ok else "**NO**"


def machine() -> str:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor() or "unknown")
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (f"{dt.date.today().isoformat()}; {os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))}), "
            f"{model}; Python {platform.python_version()}; {platform.system()} {platform.release()}; "
            f"load average at start {load}")


# ---------------------------------------------------------------- main

@dataclass
class Corpus:
    name: str
    docs: Path
    pages: int
    card: str                 # path of the card page below the site root
    ours: Build
    stock: Build
    runs: int
    warm_runs: int
    checker: tuple[int, float] = (0, 0.0)
    views: dict[str, View] = field(default_factory=dict)
    taps: dict[str, list[FirstTap]] = field(default_factory=dict)  # "ours fast" / "ours slow 4G" ...


def make_corpus(name: str, docs: Path, folder: Path, card: str, synthetic: bool, runs: int, warm_runs: int) -> Corpus:
    from tools.site_server import free_port

    pages = len(list(docs.rglob("*.md")))
    ours_cfg = ours_config(docs, folder) if synthetic else ROOT / "mkdocs.yml"
    stock_cfg = stock_config(docs, folder, keep_nav=not synthetic)
    builds = [Build(cfg, folder / f"site-{kind}", f"http://127.0.0.1:{free_port()}{SUBPATH}", folder / f"og-{kind}")
              for kind, cfg in (("ours", ours_cfg), ("stock", stock_cfg))]
    return Corpus(name, docs, pages, card, builds[0], builds[1], runs, warm_runs)


def log(message: str) -> None:
    print(message, flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="one run each, 200-pair corpus only")
    parser.add_argument("--pairs", type=int, nargs="*", default=None, help="synthetic corpus sizes (200 1000)")
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument("--skip-search", action="store_true", help="no section 5 (search quality and speed)")
    parser.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md")
    args = parser.parse_args()
    pairs = args.pairs if args.pairs is not None else ([200] if args.quick else [200, 1000])
    started = time.perf_counter()
    header = machine()
    log(f"# bench: {header}")

    from tools.synth_pages import write_corpus

    with tempfile.TemporaryDirectory(prefix="bench-") as tmp_name:
        tmp = Path(tmp_name)
        # The real site builds in about a second, where a busy neighbour moves a run by 20%: take 7.
        corpora = [make_corpus("real site", ROOT / "docs", tmp / "real", "esim/", False,
                               1 if args.quick else 7, 1 if args.quick else 3)]
        one = tmp / "one" / "docs"
        write_corpus(one, 1)
        for n in pairs:
            docs = tmp / f"synth-{n}" / "docs"
            write_corpus(docs, n)
            slow = n >= 1000
            corpora.append(make_corpus(f"synthetic, {n:,} pairs", docs, tmp / f"synth-{n}", "group-0001/esim/",
                                       True, 1 if args.quick else (2 if slow else 3), 1))
        one_page = make_corpus("one page pair", one, tmp / "one", "", True, 1, 0).stock

        for corpus in corpora:
            log(f"## build: {corpus.name} ({corpus.pages} pages)")
            measure_builds(corpus.ours, corpus.stock, corpus.runs, corpus.warm_runs, log)
            corpus.checker = time_checker(corpus.docs, 3)
            log(f"  checker: {corpus.checker[0]} files in {corpus.checker[1]:.3f} s")
        one_page.run(cold=True)

        log("## reader bytes (Chromium, gzip as GitHub Pages sends it)")
        from playwright.sync_api import sync_playwright

        from tools.browser import CHROMIUM, CHROMIUM_ARGS
        from tools.site_server import serve

        budget_view: View | None = None
        lighthouse: list[tuple[str, str, dict[str, Any]]] = []
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            server = serve(one_page.site, SUBPATH, _port(one_page))
            budget_view = measure_view(browser, one_page.site_url, QUERY["zh"])
            server.shutdown()
            for corpus in corpora:
                for kind, build in (("ours", corpus.ours), ("stock", corpus.stock)):
                    server = serve(build.site, SUBPATH, _port(build))
                    try:
                        for page, path in (("home", ""), ("card", corpus.card)):
                            for lang in ("zh", "en"):
                                url = build.site_url + ("en/" if lang == "en" else "") + path
                                view = measure_view(browser, url, QUERY[lang])
                                corpus.views[f"{kind} {page} {lang}"] = view
                                log(f"  {corpus.name} {kind} {page} {lang}: first {kib(view.first)}, reads only "
                                    f"{kib(view.reads)}, search opened {kib(view.opened)}, after a search "
                                    f"{kib(view.search)}")
                        for network, throttle in (("local", False), ("slow 4G", True)):
                            taps = [measure_first_tap(browser, build.site_url + corpus.card, QUERY["zh"], throttle)
                                    for _ in range(3)]
                            corpus.taps[f"{kind} {network}"] = taps
                            log(f"  {corpus.name} {kind} first tap ({network}): opened "
                                f"{median(t.opened for t in taps):.0f} ms, answered "
                                f"{median(t.answered for t in taps):.0f} ms")
                        if corpus is corpora[0] and not args.skip_lighthouse:
                            for page, path in (("card", corpus.card), ("home", "")):
                                for lang in ("zh", "en"):
                                    url = build.site_url + ("en/" if lang == "en" else "") + path
                                    lhr = run_lighthouse(url, tmp / f"lh-{kind}-{page}-{lang}.json")
                                    lighthouse.append((kind, f"{page} {lang}", lhr))
                                    log(f"  lighthouse {kind} {page} {lang}: {lighthouse_scores(lhr)}")
                    finally:
                        server.shutdown()
            search = [] if args.skip_search else measure_search(browser, corpora)
            browser.close()

    report = render(header, corpora, one_page, budget_view, lighthouse, search, args,
                    time.perf_counter() - started)
    print("\n" + report)
    args.out.write_text(report, encoding="utf-8")
    log(f"\nwritten to {args.out}")
    return 0


def measure_search(browser: Any, corpora: list[Corpus]) -> list[str]:
    """Section 5 (scripts/tools/bench_search.py) on our builds of the real site and of the largest corpus,
    last, because Pagefind writes its index into the built site."""
    from tools.bench_search import bench_site, pagefind_installed

    pagefind = pagefind_installed()
    lines = [] if pagefind else ["", "Pagefind is not installed in this environment: its rows are missing."]
    for corpus in corpora[:1] + corpora[1:][-1:]:   # the real site and the largest corpus
        log(f"## search: {corpus.name}")
        lines += bench_site(browser, corpus.ours.site, _port(corpus.ours), corpus.name, corpus is corpora[0], pagefind)
    return lines


def _port(build: Build) -> int:
    return int(build.site_url.split(":")[2].split("/")[0])


def render(header: str, corpora: list[Corpus], one_page: Build, budget_view: View | None,
           lighthouse: list[tuple[str, str, dict[str, Any]]], search: list[str], args: argparse.Namespace,
           elapsed: float) -> str:
    out = ["# Benchmarks", "",
           f"Produced by `make bench` (`scripts/tools/bench.py{' --quick' if args.quick else ''}`) in "
           f"{elapsed / 60:.1f} minutes.", "", f"Machine: {header}.", "",
           "The machine is shared with other people's builds and tests, so wall times move from run to run. "
           "Every figure is a median of the runs shown; ours and stock were built alternately in the same "
           "run, and each ratio is the median of the ratios of builds made side by side. Compare ratios, "
           "not seconds, across machines or days.", "",
           "*Stock* = the same content with a generated `mkdocs.yml`: theme `material`, plugins `search` + "
           "`i18n` (suffix, zh default, en), the same Markdown extensions; no hooks, no overrides, no custom "
           "search, Material's default fonts. *Ours* = the repository's `mkdocs.yml`; for synthetic corpora "
           "(`scripts/tools/synth_pages.py`) the same file minus its fixed nav, so that both list every page. "
           "The stock set-up is built without `jieba` (not installed here), so its Chinese index is coarser, "
           "and quicker to build, than in the peers' stock figures (`../shared/PEERS.md` beside the repository).", ""]
    out += build_section(corpora, args) + checker_section(corpora) + reader_section(corpora, one_page, budget_view)
    out += reads_section(corpora) + first_tap_section(corpora)
    if lighthouse:
        out += lighthouse_section(lighthouse)
    if search:
        out += search_section(search)
    return "\n".join(out).rstrip() + "\n"


def search_section(lines: list[str]) -> list[str]:
    from tools.searching import HARD_QUERIES, QUERIES

    return ["## 5. Search", "",
            "`scripts/tools/bench_search.py` on our builds (Chromium, phone page, one page per language running "
            "a whole query set). *Hits*: the expected page among the first three distinct pages of the reader's "
            f"language. Query sets: the public one (`{QUERIES.name}`, the site's own words) and the hard one "
            f"(`{HARD_QUERIES.name}`, as readers type). Targets (issue 13): public ≥ 95 %, hard ≥ 90 % per "
            "language, no query without a result; median keystroke to results ≤ 50 ms; one hard query in a "
            "fresh page fetches the same few KiB whatever the corpus size. Pagefind 1.5.2 "
            "(requirements-bench.txt) indexes the same built pages and answers through its own JS API "
            "(search, then the fragments of the first ten results).", *lines, ""]


def build_section(corpora: list[Corpus], args: argparse.Namespace) -> list[str]:
    out = ["## 1. Build time (`mkdocs build`)", "",
           "Cold: a new site dir and an empty preview-image cache. Warm: ours again with that cache filled "
           "(stock has no cache). *Preview images*: the time the `og_images` hook reports for drawing the "
           "link-preview PNGs in the cold builds (in the build's worker processes, `scripts/sitelib/buildpool.py`) "
           "and, after the slash, how long the build stood waiting for them; the last column is the cold "
           "ratio without that wait.", ""]
    rows = []
    for c in corpora:
        ratios = paired_ratios(c.ours.wall, c.stock.wall)
        ratio = median(ratios)
        without = median(paired_ratios([w - o for w, o in zip(c.ours.wall, c.ours.og_wait)], c.stock.wall))
        rows.append([c.name, c.pages, secs(c.ours.wall), secs(c.stock.wall),
                     f"{ratio:.2f}x" + (f" ({', '.join(f'{r:.2f}' for r in ratios)})" if len(ratios) > 1 else ""),
                     verdict(ratio <= BUILD_BUDGET), secs(c.ours.warm),
                     f"{median(c.ours.cpu):.1f} s / {median(c.stock.cpu):.1f} s",
                     f"{median(c.ours.og):.1f} s / {median(c.ours.og_wait):.2f} s", f"{without:.2f}x"])
    out += [table(["corpus", "Markdown files", "ours cold", "stock cold", "ours / stock", f"≤ {BUILD_BUDGET}x",
                   "ours warm", "CPU ours / stock", "preview images", "ratio without them"], rows), ""]
    slow = [c for c in corpora if c.runs < 3]
    if slow and not args.quick:
        out += [f"The {', '.join(c.name for c in slow)} builds are slow, so they ran {slow[0].runs} times each "
                "(cold), and warm once.", ""]
    if args.quick:
        out += ["`--quick`: one run of each build; medians of one run are not medians.", ""]
    return out


def checker_section(corpora: list[Corpus]) -> list[str]:
    out = ["## 2. The page checker's share of the build", "",
           "The checker (`scripts/checkpages`, run by the `check_pages` build hook) timed alone on the same "
           "docs, median of 3, against the median cold build of ours.", ""]
    rows = []
    for c in corpora:
        files, seconds = c.checker
        share = seconds / median(c.ours.wall)
        rows.append([c.name, files, f"{seconds * 1000:,.0f} ms", f"{share:.1%}", verdict(share < CHECKER_BUDGET),
                     f"{files / seconds:,.0f}"])
    return out + [table(["corpus", "files", "checker", "share of ours cold", f"< {CHECKER_BUDGET:.0%}",
                         "pages / s"], rows), ""]


def reader_section(corpora: list[Corpus], one_page: Build, budget_view: View | None) -> list[str]:
    out = ["## 3. What a reader downloads", "",
           "Headless Chromium (phone viewport, empty cache) against `scripts/tools/site_server.py` (GitHub-Pages-like: "
           f"sub-path `{SUBPATH}`, gzip); the sum of encoded response bodies. *First view*: the page until the "
           f"network is quiet. *Search opened*: then `/` and wait for the network to be quiet. *After a "
           f"search*: then type `{QUERY['zh']}` (zh) or `{QUERY['en']}` (en), the word on every page (so the "
           "costliest common query), wait for the results and for the network to be quiet. Requests to other "
           "hosts (the stock set-up's Google Fonts) are blocked and not counted. Scripts a worker loads are "
           "counted too (Chromium reports 0 bytes for them; their gzip size is computed as the server sends "
           "it).", ""]
    budget = budget_view.first if budget_view else 0
    if budget_view:
        out += [f"Budget: the stock set-up's first view of a one-page-pair site (`synth_pages.write_corpus(dest, 1)`"
                f", zh home page), measured in this run: **{kib(budget)}** gzip ({kib(budget_view.first_raw)} raw).",
                ""]
    rows = []
    for c in corpora:
        for key in sorted({k.split(" ", 1)[1] for k in c.views}, key=lambda k: (k.split()[0] != "card", k)):
            ours, stock = c.views.get(f"ours {key}"), c.views.get(f"stock {key}")
            if ours and stock:
                rows.append([c.name, key, kib(ours.first), kib(ours.opened), kib(ours.search), kib(stock.first),
                             kib(stock.search), verdict(ours.first <= budget), verdict(ours.opened <= budget),
                             verdict(ours.search <= budget)])
    out += [table(["site", "page", "ours first view", "ours search opened", "ours after a search",
                   "stock first view", "stock after a search", "first view ≤ budget", "search opened ≤ budget",
                   "after a search ≤ budget"], rows), ""]
    card = corpora[0].views.get("ours card zh")
    if card and budget_view:
        out += ["What the first views hold (encoded bytes per response):", "",
                table(["ours, real site, card zh", "bytes", "", "stock, one page pair, home zh", "bytes"],
                      _side_by_side(card.resources, budget_view.resources)), ""]
    return out


def _peer_pairs(corpus: Corpus) -> int:
    """The peers' corpus size closest to this one (the real site has about a dozen page pairs)."""
    pairs = corpus.pages // 2
    return min(PEERS["Hugo + Pagefind"], key=lambda n: abs(n - pairs))


def reads_section(corpora: list[Corpus]) -> list[str]:
    peers = list(PEERS)
    out = ["### Reads only", "",
           "A phone reader (390x844) who opens the page and scrolls to the end, a screen at a time, without a "
           "tap, until the network is quiet: gzip bytes. Budget (issue 18): "
           f"**{kib(READS_BUDGET)}**, below the lightest peer. The peers' figures are their first view of a "
           "card page at the nearest corpus size, from `../shared/PEERS.md` (measured elsewhere, not in "
           "this run; their pages fetch nothing more on scrolling).", ""]
    rows = []
    for c in corpora:
        for key in sorted({k.split(" ", 1)[1] for k in c.views}, key=lambda k: (k.split()[0] != "card", k)):
            ours, stock = c.views.get(f"ours {key}"), c.views.get(f"stock {key}")
            if ours and stock:
                n = _peer_pairs(c)
                rows.append([c.name, key, f"**{kib(ours.reads)}**" if ours.reads > READS_BUDGET else kib(ours.reads),
                             kib(ours.reads_raw), kib(stock.reads),
                             *[f"{PEERS[p][n]} KiB ({n:,})" for p in peers], verdict(ours.reads <= READS_BUDGET)])
    return out + [table(["site", "page", "ours reads only", "ours raw", "stock reads only", *peers,
                         f"≤ {kib(READS_BUDGET)}"], rows), ""]


def first_tap_section(corpora: list[Corpus]) -> list[str]:
    out = ["### First tap on search", "",
           "A cold zh card page at phone width (network quiet), then one tap on the search icon and `"
           f"{QUERY['zh']}` typed at once: ms until the search box is shown with the focus, and until the "
           "results are shown (ours fetches Material's bundle, the search worker, its engine and the index "
           "pieces only now). *Slow 4G*: Chromium's network emulation at Lighthouse's mobile setting (150 ms "
           "round trip, 1.6 Mbit/s). Median of 3.", ""]
    rows = []
    for c in corpora:
        for network in ("local", "slow 4G"):
            ours, stock = c.taps.get(f"ours {network}"), c.taps.get(f"stock {network}")
            if ours and stock:
                rows.append([c.name, network, *[f"{median(getattr(t, f) for t in taps):,.0f} ms"
                                                 for taps in (ours, stock) for f in ("opened", "answered")]])
    return out + [table(["site", "network", "ours: box open", "ours: results", "stock: box open",
                         "stock: results"], rows), ""]


def _side_by_side(left: list[tuple[str, int]], right: list[tuple[str, int]]) -> list[list[str]]:
    rows = []
    for i in range(max(len(left), len(right))):
        a = left[i] if i < len(left) else ("", 0)
        b = right[i] if i < len(right) else ("", 0)
        rows.append([f"`{a[0]}`" if a[0] else "", f"{a[1]:,}" if a[0] else "", "",
                     f"`{b[0]}`" if b[0] else "", f"{b[1]:,}" if b[0] else ""])
    return rows


def lighthouse_section(results: list[tuple[str, str, dict[str, Any]]]) -> list[str]:
    version = next((lhr.get("lighthouseVersion") for _, _, lhr in results if "lighthouseVersion" in lhr), "?")
    out = ["## 4. Lighthouse (mobile)", "",
           f"Lighthouse {version} (`bench/package.json`), default mobile emulation and simulated throttling, "
           f"Chromium `/usr/bin/chromium` with `{LIGHTHOUSE_FLAGS}`; each site built with "
           f"`SITE_URL=http://127.0.0.1:PORT{SUBPATH}` and served by `scripts/tools/site_server.py` (which, like a "
           "local server, sends no cache headers). One run per page. Targets: performance ≥ 98 (issue 18), the others "
           "100. Failing = a binary audit that did not pass, or a scored one below 0.9 (Lighthouse's pass mark).",
           ""]
    rows = []
    for kind, page, lhr in results:
        if "error" in lhr:
            rows.append([kind, page, "error", "", "", "", lhr["error"].replace("\n", " ")[:200], ""])
            continue
        scores = lighthouse_scores(lhr)
        cells = [f"{s}" if s is not None and s >= TARGETS[c] else f"**{s}**" for c, s in scores.items()]
        failed = failing_audits(lhr)
        rows.append([kind, page, *cells,
                     ", ".join(f"`{a['id']}`" for a in failed if a["category"] != "performance") or "none",
                     ", ".join(f"`{a['id']}`" for a in failed if a["category"] == "performance") or "none"])
    out += [table(["config", "page", *CATEGORIES, "failing: accessibility, best practices, SEO",
                   "failing: performance"], rows), "", "### Failing audits in detail", ""]
    performance: dict[tuple[str, str], list[str]] = {}
    for kind, page, lhr in results:
        for audit in failing_audits(lhr) if "error" not in lhr else []:
            score = "error" if audit["score"] is None else f"{audit['score']:.2f}"
            if audit["category"] == "performance":  # the same few on every page: one line per audit
                performance.setdefault((kind, audit["id"]), []).append(
                    f"{page} {score}{' ' + audit['value'] if audit['value'] else ''}")
                continue
            out.append(f"- {kind} {page}: `{audit['id']}` ({audit['category']}, score {score}"
                       f"{', ' + audit['value'] if audit['value'] else ''}): {audit['title']}")
            out += [f"  - {re.sub(r'https?://127.0.0.1:[0-9]+', '', item)}" for item in audit["items"]]
    out += ["", "Performance audits below 0.9 (page, score, Lighthouse's estimate):", ""]
    out += [f"- {kind} `{audit_id}`: {'; '.join(pages)}" for (kind, audit_id), pages in performance.items()]
    return out + [""]


if __name__ == "__main__":
    # Run main from the module tools.bench (which tools.bench_search imports), not from this __main__ copy.
    from tools.bench import main as bench_main

    sys.exit(bench_main())
