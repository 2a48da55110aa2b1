"""MkDocs hooks for site-wide behaviour that configuration alone cannot express."""
from __future__ import annotations
