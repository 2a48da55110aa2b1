"""'Report a problem' (overrides/partials/page-footer.html): the GitHub issue form prefilled with the
page, and an e-mail link for readers without a GitHub account when REPORT_EMAIL is set."""
from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import parse_qs, unquote, urlsplit

import yaml

from tests.helpers import PAGE_URL, ROOT, render_footer

FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "page-problem.yml"


def hrefs(html: str) -> list[str]:
    found: list[str] = []

    class Links(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            # the report links only: the footer also carries the licence link (rel="license")
            if tag == "a" and "license" not in (dict(attrs).get("rel") or ""):
                found.append(dict(attrs).get("href") or "")

    Links().feed(html)
    return found


def form_fields() -> dict[str, dict]:
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    return {item["id"]: item for item in form["body"] if "id" in item}


def test_issue_form_asks_for_problem_operator_region_and_evidence() -> None:
    fields = form_fields()
    assert {"page", "section", "problem", "operator", "evidence"} <= set(fields)
    assert fields["problem"]["validations"]["required"] is True
    assert "region" in fields["operator"]["attributes"]["label"].lower()


def test_github_link_opens_the_form_with_the_page_filled_in() -> None:
    for lang in ("zh", "en"):
        (link,) = hrefs(render_footer(lang))
        query = parse_qs(urlsplit(link).query, keep_blank_values=True)
        assert link.startswith("https://github.com/you/REPO/issues/new?")
        assert query["template"] == [FORM.name]
        assert query["page"] == [PAGE_URL]
        assert "section" in query and set(query) - {"template", "title"} <= set(form_fields())
        assert "How to cancel an eSIM" in query["title"][0]


def test_no_mail_link_without_report_email() -> None:
    html = render_footer("zh")
    assert "mailto:" not in html and "page-report__mail" not in html


def test_mail_link_names_page_and_section_in_subject_and_body() -> None:
    for lang, section in (("zh", "章节："), ("en", "Section: ")):
        github, mail = hrefs(render_footer(lang, "fix@example.org"))
        assert mail.startswith("mailto:fix@example.org?subject=")
        query = parse_qs(urlsplit(mail).query)
        assert "How to cancel an eSIM" in query["subject"][0] and query["subject"][0].endswith(PAGE_URL)
        body = query["body"][0]
        assert PAGE_URL in body and section + "\n" in body
        assert "+" not in mail and "%20" in mail  # mail clients read + literally: spaces must be %20
        assert unquote(mail).count(PAGE_URL) == 2  # subject and body
