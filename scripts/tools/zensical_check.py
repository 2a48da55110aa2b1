"""The quarterly Material end-of-life check (MAINTAINING.md): can Zensical build this site yet?

    .venv/bin/python scripts/tools/zensical_check.py              # newest Zensical the index serves
    .venv/bin/python scripts/tools/zensical_check.py --version 0.0.73

In a throwaway folder it makes a venv, installs Zensical (not hash-locked: it is never part of the
build), builds a copy of the committed tree (`git archive HEAD`) from mkdocs.yml as it is and once
more without `custom_dir` (our templates), and prints what MAINTAINING.md records: the version,
whether each build passed, whether the English pages are under /en/ (multilingual), whether our
hooks ran (preview images, the per-language search index) and the JS bundle's gzip size against
Material's. It never touches the working tree.
"""
from __future__ import annotations

import argparse
import gzip
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(command: list[str], cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=900)


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def bundle_gzip(site: Path) -> int | None:
    bundles = sorted((site / "assets" / "javascripts").glob("bundle.*.js"))
    return gzip_size(bundles[0]) if bundles else None


def material_bundle_gzip() -> int | None:
    import material  # the site's own theme, from requirements.txt

    bundles = sorted((Path(material.__file__).parent / "templates" / "assets" / "javascripts").glob("bundle.*.min.js"))
    return gzip_size(bundles[0]) if bundles else None


def install(work: Path, version: str | None) -> tuple[Path, str]:
    venv.create(work / "venv", with_pip=True)
    python = work / "venv" / "bin" / "python"
    spec = f"zensical=={version}" if version else "zensical"
    result = run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", spec])
    if result.returncode != 0:
        raise SystemExit(f"pip install {spec} failed:\n{result.stderr.strip()[-2000:]}")
    shown = run([str(python), "-m", "pip", "show", "zensical"]).stdout
    installed = next((line.split(":", 1)[1].strip() for line in shown.splitlines() if line.startswith("Version:")), "?")
    return work / "venv" / "bin" / "zensical", installed


def checkout(dest: Path, without_templates: bool) -> Path:
    dest.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "HEAD"], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive.stdout, check=True)
    if without_templates:
        config = dest / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace("  custom_dir: overrides\n", ""), encoding="utf-8")
    return dest


def last_error(output: str) -> str:
    lines = [line for line in output.splitlines() if line.strip()]
    return lines[-1][:200] if lines else ""


def try_build(zensical: Path, tree: Path, label: str) -> None:
    result = run([str(zensical), "build", "-f", "mkdocs.yml"], cwd=tree)
    site = tree / "site"
    print(f"build {label}: {'passed' if result.returncode == 0 else 'FAILED: ' + last_error(result.stdout + result.stderr)}")
    if not any(site.glob("*/index.html")):
        return  # no page was written: nothing to measure
    print(f"  English under /en/ (multilingual): {(site / 'en' / 'esim' / 'index.html').is_file()}"
          f"; pages as suffix folders (esim.en/): {(site / 'esim.en').is_dir()}")
    print(f"  hooks ran: preview images {(site / 'assets' / 'og').is_dir()}, "
          f"per-language search index {(site / 'search' / 'zh' / 'meta.json').is_file()}")
    print(f"  JS bundle: {bundle_gzip(site)} B gzip (Material {material_bundle_gzip()} B gzip)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", help="a Zensical version (default: the newest)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="zensical-check-") as tmp:
        work = Path(tmp)
        zensical, installed = install(work, args.version)
        print(f"zensical {installed}")
        try_build(zensical, checkout(work / "as-is", without_templates=False), "with our templates")
        try_build(zensical, checkout(work / "stock", without_templates=True), "without custom_dir")
    return 0


if __name__ == "__main__":
    sys.exit(main())
