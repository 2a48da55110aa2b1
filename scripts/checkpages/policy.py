"""The site's conventions in one place, so a rule and its message never disagree on a number."""
from __future__ import annotations

# The site's languages, default first, as mkdocs.yml's i18n plugin declares them (the checker also
# runs without MkDocs; tests/checker/test_checker_policy.py fails when the two disagree).
LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"
REQUIRED_SECTIONS = ("prerequisites", "steps", "after-care", "faq")
CARD_TYPES = ("sim", "esim", "data-card", "iot-card", "wearable-card", "virtual-number")
# Situation pages ("my card was lost", "I am abroad"): task pages held to the same sections as card pages.
SITUATIONS = ("lost-card", "abroad", "on-behalf", "contracts", "unpaid-bills", "refused", "philippines")
# The front-matter key that makes a page a task page, and the values it may take (each equal to the slug).
TASK_KINDS = {"card_type": CARD_TYPES, "situation": SITUATIONS}
MIN_STEPS = 3
MIN_FAQ_QUESTIONS = 4
DESCRIPTION_LIMITS = {"zh": 80, "en": 160}
DEFAULT_DESCRIPTION_LIMIT = 160
REVIEW_MAX_AGE_DAYS = 365
