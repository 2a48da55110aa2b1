"""The rule registry: every rule is a module with `code`, `name`, `description` and `check(page, site)`.

To add a rule, write a module here and list it in RULE_MODULES (see scripts/README.md).
"""
from __future__ import annotations

from types import ModuleType
from typing import Iterable, Protocol

from checkpages.model import Diagnostic, Page, Site
from checkpages.rules import (
    citations_claims,
    citations_known,
    citations_parity,
    citations_used,
    code_fences,
    docs_files,
    faq,
    file_format,
    front_matter,
    front_matter_syntax,
    front_matter_text,
    heading_ids,
    links,
    parity,
    raw_html,
    required_sections,
    safety,
    source_urls,
    steps,
)


class Rule(Protocol):
    code: str
    name: str
    description: str

    def check(self, page: Page, site: Site) -> Iterable[Diagnostic]: ...


RULE_MODULES: tuple[ModuleType, ...] = (
    required_sections, steps, faq, front_matter, parity, heading_ids, links, safety,
    file_format, front_matter_syntax, code_fences,
    citations_known, citations_used, citations_parity, citations_claims,
    front_matter_text, source_urls, raw_html, docs_files,
)
RULES: dict[str, Rule] = {module.code: module for module in RULE_MODULES}  # type: ignore[misc]
