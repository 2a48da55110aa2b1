"""Helpers shared by the checker tests: run the CLI in-process and build temporary docs trees."""
from __future__ import annotations

import contextlib
import io
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

from checkpages.cli import main

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
DOCS = ROOT / "docs"
TODAY = "2026-11-22"  # fixtures are dated against this day


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        return self.stdout.splitlines()


@contextlib.contextmanager
def working_directory(path: Path) -> Iterator[None]:
    previous = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(previous)


def run_checker(args: Sequence[str], cwd: Path = ROOT) -> Run:
    """main(argv) with stdout/stderr captured, run from `cwd` so printed paths are relative to it."""
    out, err = io.StringIO(), io.StringIO()
    with working_directory(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return Run(code, out.getvalue(), err.getvalue())


def copy_docs(dest: Path) -> Path:
    """A private copy of the real docs/ to mutate."""
    target = dest / "docs"
    shutil.copytree(DOCS, target)
    return target
