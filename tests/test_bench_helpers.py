"""Fast checks of scripts/tools/bench.py's helpers: generated configs, ratios, log parsing, Lighthouse reading."""
from __future__ import annotations

from pathlib import Path

import yaml

from tests.helpers import ROOT
from tools import bench


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def _load(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def test_ours_config_keeps_hooks_absolute_and_drops_the_nav(tmp_path: Path) -> None:
    real = _load(ROOT / "mkdocs.yml")
    config = _load(bench.ours_config(tmp_path / "docs", tmp_path))
    assert config["docs_dir"] == str(tmp_path / "docs")
    assert "nav" not in config and "not_in_nav" not in config
    assert [Path(h).name for h in config["hooks"]] == [Path(h).name for h in real["hooks"]]
    assert all(Path(h).is_absolute() and Path(h).is_file() for h in config["hooks"])
    assert Path(config["theme"]["custom_dir"]) == ROOT / real["theme"]["custom_dir"]
    assert config["plugins"] == real["plugins"] and config["markdown_extensions"] == real["markdown_extensions"]


def test_stock_config_is_material_and_i18n_defaults(tmp_path: Path) -> None:
    real = _load(ROOT / "mkdocs.yml")
    config = _load(bench.stock_config(tmp_path / "docs", tmp_path, keep_nav=False))
    assert config["theme"] == {"name": "material", "language": "zh"}
    assert "hooks" not in config and "nav" not in config and "extra_css" not in config
    assert config["plugins"][0] == "search"
    i18n = config["plugins"][1]["i18n"]
    assert i18n["docs_structure"] == "suffix"
    assert [(lang["locale"], lang.get("default", False)) for lang in i18n["languages"]] == [("zh", True), ("en", False)]
    assert config["markdown_extensions"] == real["markdown_extensions"]
    with_nav = _load(bench.stock_config(tmp_path / "docs", tmp_path, keep_nav=True))
    assert with_nav["nav"] == real["nav"]


def test_paired_ratios_and_median() -> None:
    assert bench.paired_ratios([2.0, 3.0, 9.0], [1.0, 2.0, 3.0]) == [2.0, 1.5, 3.0]
    assert bench.median(bench.paired_ratios([2.0, 3.0, 9.0], [1.0, 2.0, 3.0])) == 2.0
    assert bench.paired_ratios([1.0], [0.0]) == []


def test_og_seconds_sums_both_language_builds() -> None:
    log = ("INFO    -  og_images: 11 drawn, 0 from cache, 1.25 s\nINFO    -  other\n"
           "INFO    -  og_images: 0 drawn, 11 from cache, 0.50 s\n")
    assert bench.og_seconds(log) == 1.75
    assert bench.og_seconds("INFO - nothing here") == 0


def test_og_seconds_waited_reads_the_background_figure() -> None:
    log = "INFO    -  og_images: 22 drawn, 0 from cache, 1.37 s, of which the build waited 0.04 s\n"
    assert bench.og_seconds(log) == 1.37
    assert bench.og_seconds(log, waited=True) == 0.04
    old = "INFO    -  og_images: 11 drawn, 0 from cache, 1.25 s\n"  # an older build: drawn in the build itself
    assert bench.og_seconds(old, waited=True) == 1.25


def test_failing_audits_lists_failures_with_elements() -> None:
    lhr = {
        "categories": {
            "accessibility": {"score": 0.9, "auditRefs": [{"id": "color-contrast"}, {"id": "image-alt"}]},
            "performance": {"score": 0.97, "auditRefs": [{"id": "largest-contentful-paint"}, {"id": "fcp"}]},
            "seo": {"score": 1, "auditRefs": [{"id": "manual-one"}]},
        },
        "audits": {
            "color-contrast": {"scoreDisplayMode": "binary", "score": 0, "title": "Contrast",
                               "details": {"items": [{"node": {"selector": "a.md-nav__link", "snippet": "<a>"}}]}},
            "image-alt": {"scoreDisplayMode": "binary", "score": 1},
            "largest-contentful-paint": {"scoreDisplayMode": "numeric", "score": 0.89, "displayValue": "2.6 s"},
            "fcp": {"scoreDisplayMode": "numeric", "score": 0.95},
            "manual-one": {"scoreDisplayMode": "manual", "score": None},
        },
    }
    failed = bench.failing_audits(lhr)
    assert [a["id"] for a in failed] == ["largest-contentful-paint", "color-contrast"]  # category order
    assert failed[1]["items"] == ["`a.md-nav__link` <a>"]
    assert bench.lighthouse_scores(lhr) == {"performance": 97, "accessibility": 90, "best-practices": None,
                                            "seo": 100}


def test_table_is_markdown() -> None:
    assert bench.table(["a", "b"], [[1, "x"]]).splitlines() == ["| a | b |", "| --- | --- |", "| 1 | x |"]


def test_items_reads_nodes_in_source_and_console_errors() -> None:
    audit = {"details": {"items": [
        {"source": {"type": "node", "selector": "head > link", "snippet": '<link rel="alternate">'}},
        {"source": "network", "description": "Failed to load resource: 404", "url": "http://x/sitemap.xml"},
    ]}}
    assert bench._items(audit) == ['`head > link` <link rel="alternate">',
                                   "http://x/sitemap.xml Failed to load resource: 404"]
