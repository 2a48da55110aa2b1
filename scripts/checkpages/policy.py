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
# Raw HTML a page body may contain (CP018): the few tags prose needs, and their attributes. Everything
# else (forms, styles, <base>, <meta>, media, embeds) is a finding. `markdown` is md_in_html's switch.
HTML_GLOBAL_ATTRIBUTES = frozenset({"id", "class", "lang", "title", "dir", "markdown"})
HTML_ALLOWED = {
    "a": frozenset({"href", "hreflang", "rel"}),
    "abbr": frozenset(), "b": frozenset(), "br": frozenset(), "code": frozenset(), "dd": frozenset(),
    "del": frozenset(), "details": frozenset({"open"}), "div": frozenset(), "dl": frozenset(),
    "dt": frozenset(), "em": frozenset(), "i": frozenset(), "kbd": frozenset(), "li": frozenset(),
    "mark": frozenset(), "ol": frozenset({"start"}), "p": frozenset(), "small": frozenset(),
    "span": frozenset(), "strong": frozenset(), "sub": frozenset(), "summary": frozenset(),
    "sup": frozenset(), "ul": frozenset(),
}
# URL schemes a link may use (a link without a scheme is relative and stays on the site).
LINK_SCHEMES = frozenset({"https", "mailto", "tel"})
# Files docs/ may hold besides Markdown (CP019): images. SVG is read and must be inert.
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg"})
# Output paths the theme and the build own: a docs file there would replace theirs on every page.
RESERVED_OUTPUT_PREFIXES = ("assets/javascripts/", "assets/stylesheets/", "assets/search/", "assets/og/",
                            "search/", "go/")
THEME_DIR = "overrides"  # theme.custom_dir, beside docs/
