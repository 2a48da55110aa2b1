"""Page checker for the Card Cancellation Guide: reads Markdown pages as text and reports findings.

Public entry points: `check_tree` (library use, the MkDocs hook) and `cli.main` (the command line).
"""
from __future__ import annotations

from checkpages.engine import check_tree
from checkpages.model import Diagnostic, Severity

__all__ = ["Diagnostic", "Severity", "check_tree"]
