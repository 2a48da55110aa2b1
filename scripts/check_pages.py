#!/usr/bin/env python3
"""Check the guide's pages under docs/ (see scripts/README.md). Exit 0 clean, 1 errors found, 2 usage error."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # for checkpages

from checkpages.cli import main

if __name__ == "__main__":
    sys.exit(main())
