"""The checker's conventions agree with the site's: its languages are the i18n plugin's in mkdocs.yml,
and the rule descriptions (`--list-rules`, scripts/README.md) quote policy.py's numbers and ids."""
from __future__ import annotations

from checkpages import policy
from checkpages.rules import RULES
from tests.helpers import LANGUAGES


def test_checker_languages_are_the_sites() -> None:
    assert policy.LANGUAGES == LANGUAGES.codes and policy.DEFAULT_LANGUAGE == LANGUAGES.default


def test_descriptions_quote_the_policy() -> None:
    for lang, limit in policy.DESCRIPTION_LIMITS.items():
        assert f"{lang} ≤ {limit}" in RULES["CP004"].description
    assert all(f"{{#{section}}}" in RULES["CP001"].description for section in policy.REQUIRED_SECTIONS)
