"""Output formats. Each reporter turns sorted findings into text; none decides anything."""
from __future__ import annotations

import json
from typing import Callable, Iterable

from checkpages.model import Diagnostic, Severity


def format_line(finding: Diagnostic) -> str:
    """The one-line form shared by the CLI and the MkDocs hook: path:line:col: CODE message."""
    prefix = "warning: " if finding.severity is Severity.WARNING else ""
    return f"{finding.path}:{finding.line}:{finding.col}: {finding.code} {prefix}{finding.message}"


def text_report(findings: Iterable[Diagnostic]) -> str:
    return "".join(format_line(finding) + "\n" for finding in findings)


def json_report(findings: Iterable[Diagnostic]) -> str:
    rows = [{"path": f.path, "line": f.line, "col": f.col, "code": f.code,
             "severity": f.severity.value, "message": f.message} for f in findings]
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_report(findings: Iterable[Diagnostic]) -> str:
    """GitHub Actions workflow commands: the findings show up as annotations on the diff."""
    lines = []
    for f in findings:
        command = "warning" if f.severity is Severity.WARNING else "error"
        lines.append(f"::{command} file={_escape_property(f.path)},line={f.line},col={f.col},"
                     f"title={_escape_property(f.code)}::{_escape_data(f.message)}\n")
    return "".join(lines)


REPORTERS: dict[str, Callable[[Iterable[Diagnostic]], str]] = {
    "text": text_report,
    "json": json_report,
    "github": github_report,
}
