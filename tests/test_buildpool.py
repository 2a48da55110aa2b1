"""The build's worker pool (scripts/sitelib/buildpool.py): warm-ups run in each worker before its
tasks, and one that fails leaves the pool working."""
from __future__ import annotations

from typing import Iterator

import pytest

from sitelib import buildpool

LOADED: list[str] = []


def load_table() -> None:
    LOADED.append("table")


def broken_load() -> None:
    raise RuntimeError("no dictionary here")


def loaded_in_worker() -> list[str]:
    return list(LOADED)


@pytest.fixture
def pool(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    buildpool.shutdown()
    monkeypatch.setattr(buildpool, "_warm_ups", [])
    yield
    buildpool.shutdown()


def test_each_worker_runs_its_warm_ups_before_a_task(pool: None) -> None:
    buildpool.warm_up(load_table)
    buildpool.warm_up(load_table)  # registered once
    assert buildpool.submit(loaded_in_worker).result(timeout=30) == ["table"]
    assert LOADED == []  # in the worker, not in the build's own process


def test_a_warm_up_that_fails_leaves_the_pool_working(pool: None) -> None:
    buildpool.warm_up(broken_load)
    buildpool.warm_up(load_table)
    assert buildpool.submit(loaded_in_worker).result(timeout=30) == ["table"]


def test_without_warm_ups_a_worker_starts_empty(pool: None) -> None:
    assert buildpool.submit(loaded_in_worker).result(timeout=30) == []
