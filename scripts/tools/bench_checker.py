#!/usr/bin/env python3
"""Benchmark the page checker on 2,000 synthetic page pairs (4,000 files): median of 3 runs.

Usage: python scripts/tools/bench_checker.py [--pairs N] [--runs R]. Target: 4,000 files in under 2 s.
Times the whole check as the CLI does it (read, scan, all rules); the corpus is written beforehand.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # scripts/, when run as a script

from checkpages.engine import check_tree
from tools.synth_pages import write_corpus


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        docs = Path(folder) / "docs"
        files = len(write_corpus(docs, args.pairs))
        timings, cpu_timings = [], []
        for _ in range(args.runs):
            start, cpu_start = time.perf_counter(), time.process_time()
            findings = check_tree(docs, base=Path(folder))
            timings.append(time.perf_counter() - start)
            cpu_timings.append(time.process_time() - cpu_start)
    median = statistics.median(timings)
    # CPU time as well: on a shared 2-core machine the wall clock also measures the neighbours.
    print(f"{files} files, {len(findings)} findings; runs: {', '.join(f'{t:.2f}s' for t in timings)}")
    print(f"median {median:.2f} s wall ({statistics.median(cpu_timings):.2f} s CPU), "
          f"{files / median:,.0f} files/second")
    return 0


if __name__ == "__main__":
    sys.exit(main())
