"""Search benchmark: quality, speed and weight of the site's search, and of Pagefind on the same pages.

    .venv/bin/python scripts/tools/bench_search.py [--pairs 1000] [--skip-synthetic] [--skip-pagefind]

Per query set (the public one, the site's words: search-queries.jsonl; the hard one, as readers type:
search-queries-hard.jsonl; both from ../shared, else tests/data/) and language it prints: hits
(expected page among the first three distinct pages of the reader's language), queries with no result,
the median time from keystroke to results in headless Chromium, and the bytes a reader fetches running
the whole set in one page (raw and as sent, gzip; the index is sharded, so each query adds only what it
needs); then, for the hard set, the search bytes of one query in a fresh page (median and largest:
engine, index files, variants.js and its tables). For the real site and for a synthetic corpus
(scripts/tools/synth_pages.py). Pagefind is measured through its own JS API (search + the fragments of
the first ten results), if the `pagefind` package is installed (`make bench` installs it from
requirements-bench.txt). `make bench` runs the same measurements on the sites it has built and writes
them into BENCHMARKS.md, section 5.
"""
from __future__ import annotations

import argparse
import gzip
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # scripts/, when run as a script

from tools.bench import ROOT, ours_config
from tools.browser import CHROMIUM, CHROMIUM_ARGS
from tools.searching import HARD_QUERIES, HOMES, QUERIES, load_queries, open_search, search, top_pages
from tools.site_server import SUBPATH, free_port, serve

PAGEFIND = """async ([bundle, base, queries]) => {
  const pf = await import(bundle);
  await pf.options({ baseUrl: base });
  await pf.init();
  const out = [];
  for (const q of queries) {
    const start = performance.now();
    const found = await pf.search(q);
    const data = await Promise.all(found.results.slice(0, 10).map(r => r.data()));
    out.push([data.map(d => d.url), performance.now() - start]);
  }
  return out;
}"""


def build(dest: Path, base_url: str, config: Path | None = None) -> float:
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(dest)]
    if config:
        command += ["-f", str(config)]
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True,
                            env={"SITE_URL": base_url, "NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    if result.returncode:
        sys.exit(f"build failed:\n{result.stdout}\n{result.stderr}")
    return time.perf_counter() - start


def run_pagefind(site: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site)], capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"pagefind failed:\n{result.stdout}\n{result.stderr}")
    return time.perf_counter() - start


class Network:
    """What a page (and its workers) fetched: (url, raw bytes, bytes as sent)."""

    def __init__(self, browser: Any) -> None:
        self.page = browser.new_page()
        self.entries: list[tuple[str, int, int]] = []
        self.page.on("requestfinished", self._finished)

    def _finished(self, request: Any) -> None:
        if not any(part in request.url for part in ("/search/", "/pagefind/")):
            return
        response = request.response()
        if response is not None:
            body = response.body()
            # The test server gzips like GitHub Pages: what went over the wire is the body gzipped.
            sent = len(gzip.compress(body, 6)) if response.headers.get("content-encoding") == "gzip" else len(body)
            self.entries.append((request.url, len(body), sent))

    def fetched(self, part: str) -> tuple[int, int]:
        matching = [e for e in self.entries if part in e[0]]
        return sum(e[1] for e in matching), sum(e[2] for e in matching)


def measure_ours(browser: Any, base_url: str, lang: str, queries: list[Any]) -> dict[str, Any]:
    net = Network(browser)
    page = net.page
    page.goto(base_url + HOMES[lang], wait_until="networkidle")
    at_load = net.fetched("/assets/search/")
    open_search(page)
    hits, times, empty, misses = 0, [], 0, []
    for query in queries:
        hrefs, elapsed = search(page, query.q)
        times.append(elapsed)
        top = top_pages(hrefs, base_url, lang)
        hits += bool(set(query.expect) & set(top))
        empty += not hrefs
        if query.expect and not set(query.expect) & set(top):
            misses.append(f"`{query.q}` (expected {', '.join(query.expect)}; got {', '.join(top) or 'nothing'})")
            print(f"  miss ({lang}): {query.q!r}: expected {query.expect}, got {top}")
    index = net.fetched(f"{SUBPATH}search/")
    page.close()
    return {"hits": hits, "n": len(queries), "median_ms": statistics.median(times), "index": index,
            "worker": at_load, "empty": empty, "misses": misses}


def one_search_bytes(browser: Any, base_url: str, lang: str, queries: list[Any]) -> tuple[int, int]:
    """(median, largest) gzip bytes of search files (engine, index, variants) that one query fetches
    in a fresh page, search opened first."""
    sizes = []
    for query in queries:
        net = Network(browser)
        net.page.goto(base_url + HOMES[lang], wait_until="networkidle")
        open_search(net.page)
        search(net.page, query.q)
        sizes.append(net.fetched(f"{SUBPATH}search/")[1] + net.fetched("/assets/search/")[1])
        net.page.close()
    return int(statistics.median(sizes)), max(sizes)


def measure_pagefind(browser: Any, base_url: str, lang: str, queries: list[Any]) -> dict[str, Any]:
    net = Network(browser)
    page = net.page
    page.goto(base_url + HOMES[lang], wait_until="networkidle")
    results = page.evaluate(PAGEFIND, [base_url + "pagefind/pagefind.js", SUBPATH, [q.q for q in queries]])
    hits = sum(bool(set(q.expect) & set(top_pages([base_url.split(SUBPATH)[0] + url for url in urls],
                                                      base_url, lang)))
               for q, (urls, _) in zip(queries, results))
    index = net.fetched("/pagefind/")
    page.close()
    return {"hits": hits, "n": len(queries), "median_ms": statistics.median(t for _, t in results),
            "index": index, "worker": (0, 0), "empty": sum(not urls for urls, _ in results)}


def kib(n: int) -> str:
    return f"{n / 1024:,.1f} KiB"


def report(title: str, results: dict[str, dict[str, Any]], quality: bool = True) -> list[str]:
    """One Markdown table: a row per language."""
    out = ["", f"### {title}", "",
           "| lang | hits in top 3 | no result | median keystroke -> results | fetched for the whole query set, "
           "one page (raw / gzip) | loaded with every page |",
           "| --- | --- | --- | --- | --- | --- |"]
    for lang, r in results.items():
        hits = f"{r['hits']}/{r['n']} ({r['hits'] / r['n']:.0%})" if quality else "n/a (no expected pages)"
        out.append(f"| {lang} | {hits} | {r['empty']} | {r['median_ms']:.1f} ms | {kib(r['index'][0])} / "
                   f"{kib(r['index'][1])} | {kib(r['worker'][0])} / {kib(r['worker'][1])} |")
    return out


QUERY_SETS = {"public set": QUERIES, "hard set": HARD_QUERIES}


def bench_site(browser: Any, site: Path, port: int, label: str, quality: bool, pagefind: bool) -> list[str]:
    """Markdown for one built site (served on port): each query set, ours and Pagefind, and the bytes of
    one hard query in a fresh page. Misses are printed as they happen (and listed in the report)."""
    base_url = f"http://127.0.0.1:{port}{SUBPATH}"
    server = serve(site, SUBPATH, port)
    out: list[str] = []
    try:
        index_s = run_pagefind(site) if pagefind else 0.0
        for name, path in QUERY_SETS.items():
            queries = load_queries(path)
            by_lang = {lang: [q for q in queries if q.lang == lang] for lang in HOMES}
            ours = {lang: measure_ours(browser, base_url, lang, by_lang[lang]) for lang in HOMES}
            out += report(f"{label}, {name}: this site's search (Material's dialog, own worker)", ours, quality)
            misses = [miss for r in ours.values() for miss in r["misses"]]
            if quality and misses:
                out += ["", "Not in the first three: " + "; ".join(misses) + "."]
            if pagefind:
                out += report(f"{label}, {name}: Pagefind (its JS API, same pages; indexing {index_s:.1f} s)",
                              {lang: measure_pagefind(browser, base_url, lang, by_lang[lang]) for lang in HOMES},
                              quality)
        hard = load_queries(HARD_QUERIES)
        out.append("")
        for lang in HOMES:
            median, largest = one_search_bytes(browser, base_url, lang, [q for q in hard if q.lang == lang])
            out.append(f"- {label}, hard set, {lang}: search files for one query in a fresh page (gzip): median "
                       f"{kib(median)}, largest {kib(largest)}")
    finally:
        server.shutdown()
    return out


def pagefind_installed() -> bool:
    return importlib.util.find_spec("pagefind") is not None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=1000)
    parser.add_argument("--skip-synthetic", action="store_true")
    parser.add_argument("--skip-pagefind", action="store_true")
    args = parser.parse_args()
    pagefind = not args.skip_pagefind
    if pagefind and not pagefind_installed():
        print("pagefind is not installed (`make bench` installs it, requirements-bench.txt); skipping it")
        pagefind = False
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        port = free_port()
        real = Path(tmp) / "real"
        build_s = build(real, f"http://127.0.0.1:{port}{SUBPATH}")
        print(f"# Real site: build {build_s:.1f} s")
        print("\n".join(bench_site(browser, real, port, "Real site", True, pagefind)))
        if not args.skip_synthetic:
            from tools.synth_pages import write_corpus

            docs = Path(tmp) / "synth" / "docs"
            write_corpus(docs, args.pairs)
            port = free_port()
            synth = Path(tmp) / "synth-site"
            build_s = build(synth, f"http://127.0.0.1:{port}{SUBPATH}", ours_config(docs, docs.parent))
            print(f"# Synthetic, {args.pairs} page pairs: build {build_s:.1f} s")
            print("\n".join(bench_site(browser, synth, port, f"Synthetic, {args.pairs:,} page pairs", False,
                                       pagefind)))
        browser.close()


if __name__ == "__main__":
    main()
