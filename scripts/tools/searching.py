"""Type into Material's search box in Chromium and read the result list, as a reader would."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]


def query_set() -> Path:
    """The public query set: $SEARCH_QUERIES, else the shared copy beside the repository (newest),
    else the copy committed in tests/data/ so a clone on its own still runs the test."""
    candidates = [os.environ.get("SEARCH_QUERIES", ""), ROOT.parent / "shared" / "search-queries.jsonl",
                  ROOT / "tests" / "data" / "search-queries.jsonl"]
    return next(Path(c) for c in candidates if c and Path(c).is_file())


QUERIES = query_set()
HOMES = {"zh": "", "en": "en/"}
RESULT_LINKS = ".md-search-result__item a.md-search-result__link"

# Types the query and resolves with the time (ms) from the keystroke until Material has drawn the
# results, or its "no results" line (an answer to an empty box, "type to start searching", is not one).
TYPE_AND_WAIT = """
async ([query, timeout]) => {
  const box = document.querySelector("input.md-search__input");
  const meta = document.querySelector(".md-search-result__meta");
  const list = document.querySelector(".md-search-result__list");
  const idle = JSON.parse(document.getElementById("__config").textContent)
    .translations["search.result.placeholder"];
  box.focus();
  box.value = query;
  const start = performance.now();
  return await new Promise((resolve, reject) => {
    const done = () => {
      if (meta.textContent.trim() === idle) return;
      observer.disconnect(); clearTimeout(timer); resolve(performance.now() - start);
    };
    const observer = new MutationObserver(done);
    observer.observe(list, { childList: true });
    observer.observe(meta, { childList: true, characterData: true, subtree: true });
    const timer = setTimeout(() => { observer.disconnect(); reject(new Error("no results for " + query)); },
                             timeout);
    box.dispatchEvent(new KeyboardEvent("keyup", { key: "End", bubbles: true }));
  });
}
"""


@dataclass
class Query:
    lang: str
    q: str
    expect: list[str]


def load_queries(path: Path = QUERIES) -> list[Query]:
    return [Query(**json.loads(line)) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def page_slug(href: str, base_url: str) -> str:
    """'http://host/REPO/en/esim/?h=x#steps' -> 'esim'; the home page -> 'index'."""
    path = urlsplit(href).path[len(urlsplit(base_url).path):].strip("/")
    parts = [part for part in path.split("/") if part]
    if parts and parts[0] == "en":
        parts = parts[1:]
    return parts[0] if parts else "index"


def page_lang(href: str, base_url: str) -> str:
    path = urlsplit(href).path[len(urlsplit(base_url).path):]
    return "en" if path == "en/" or path.startswith("en/") else "zh"


def open_search(page: Any) -> None:
    page.keyboard.press("/")  # Material's shortcut
    page.locator("input.md-search__input").wait_for(state="visible")


def search(page: Any, query: str, timeout: int = 10_000) -> tuple[list[str], float]:
    """Run one query in the open search box: (result hrefs in order, ms from keystroke to results)."""
    box = page.locator("input.md-search__input")
    # Set the value without an intermediate empty query: Material would answer that one too, and its
    # "nothing found" could be taken for this query's answer.
    elapsed = 0.0 if box.input_value() == query else page.evaluate(TYPE_AND_WAIT, [query, timeout])
    hrefs = page.locator(RESULT_LINKS).evaluate_all("els => els.map(e => e.href)")
    return hrefs, elapsed


def distinct_pages(hrefs: list[str], base_url: str) -> list[tuple[str, str]]:
    """(language, slug) of each result page, in order, each once."""
    seen: list[tuple[str, str]] = []
    for href in hrefs:
        key = (page_lang(href, base_url), page_slug(href, base_url))
        if key not in seen:
            seen.append(key)
    return seen


def top_pages(hrefs: list[str], base_url: str, lang: str, n: int = 3) -> list[str]:
    """The first n distinct pages of the reader's language."""
    return [slug for page_lang_, slug in distinct_pages(hrefs, base_url) if page_lang_ == lang][:n]
