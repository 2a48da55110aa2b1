"""Each rule on its own fixture tree: the exact lines printed and the exit code.

tests/fixtures/<CODE>/ holds good_*.md pages (no finding) and bad_*.md pages (the findings below).
"""
from __future__ import annotations

import pytest

from tests.checker.helpers import FIXTURES, TODAY, run_checker

EXPECTED: dict[str, list[str]] = {
    "CP001": [
        'tests/fixtures/CP001/bad_empty_after_care.zh.md:24:1: CP001 section {#after-care} is empty',
        "tests/fixtures/CP001/bad_faq_in_code_fence.zh.md:12:1: CP001 card page is missing the section '## ... {#faq}'",
        'tests/fixtures/CP001/bad_faq_level_three.zh.md:28:1: CP001 section {#faq} must be a level-2 heading (##), not level 3',
        "tests/fixtures/CP001/bad_missing_faq.zh.md:12:1: CP001 card page is missing the section '## ... {#faq}'",
        'tests/fixtures/CP001/bad_order.zh.md:14:1: CP001 section {#steps} is out of order: {#prerequisites} belongs here (order: prerequisites → steps → after-care → faq)',
        "tests/fixtures/CP001/bad_situation_missing_steps.zh.md:12:1: CP001 situation page is missing the section '## ... {#steps}'",
    ],
    "CP002": [
        'tests/fixtures/CP002/bad_bullets.zh.md:18:1: CP002 {#steps} has 0 numbered step(s); at least 3 expected as an ordered list (1. one action per item)',
        'tests/fixtures/CP002/bad_situation_two_steps.zh.md:18:1: CP002 {#steps} has 2 numbered step(s); at least 3 expected as an ordered list (1. one action per item)',
        'tests/fixtures/CP002/bad_two_steps.zh.md:18:1: CP002 {#steps} has 2 numbered step(s); at least 3 expected as an ordered list (1. one action per item)',
    ],
    "CP003": [
        'tests/fixtures/CP003/bad_not_a_question.zh.md:42:1: CP003 warning: FAQ heading is not phrased as a question (no ? or ？ at the end)',
        'tests/fixtures/CP003/bad_question_without_id.zh.md:34:11: CP003 FAQ question has no explicit {#id}',
        "tests/fixtures/CP003/bad_situation_three_questions.zh.md:28:1: CP003 {#faq} has 3 question(s); at least 4 expected, each its own '### ... {#id}' heading",
        "tests/fixtures/CP003/bad_three_questions.zh.md:28:1: CP003 {#faq} has 3 question(s); at least 4 expected, each its own '### ... {#id}' heading",
    ],
    "CP004": [
        "tests/fixtures/CP004/bad_card_fields.zh.md:2:1: CP004 'title' must be non-empty text",
        "tests/fixtures/CP004/bad_card_fields.zh.md:4:1: CP004 card_type 'e-sim' is not one of: sim, esim, data-card, iot-card, wearable-card, virtual-number",
        "tests/fixtures/CP004/bad_card_fields.zh.md:5:1: CP004 'aliases' must be a non-empty list of names",
        'tests/fixtures/CP004/bad_card_fields.zh.md:6:1: CP004 last_reviewed 2027-01-01 is in the future',
        'tests/fixtures/CP004/bad_card_fields.zh.md:8:1: CP004 source #1 url must use https: http://example.com/',
        "tests/fixtures/CP004/bad_card_fields.zh.md:10:1: CP004 source #2 has no 'title'",
        "tests/fixtures/CP004/bad_card_fields.zh.md:11:1: CP004 source #3 needs an https 'url', or 'publisher' and 'date' when there is no stable web page",
        'tests/fixtures/CP004/bad_long_description.en.md:3:1: CP004 description is 169 characters; en pages allow at most 160',
        'tests/fixtures/CP004/bad_long_description.zh.md:3:1: CP004 description is 86 characters; zh pages allow at most 80',
        "tests/fixtures/CP004/bad_missing_fields/data-card.zh.md:1:1: CP004 card page has no 'aliases' (the names readers search for)",
        "tests/fixtures/CP004/bad_missing_fields/data-card.zh.md:1:1: CP004 card page needs 'sources': a list of {id, title, url} (https; or publisher and date instead of url)",
        "tests/fixtures/CP004/bad_missing_fields/data-card.zh.md:5:1: CP004 last_reviewed '22/11/2026' is not an ISO date (YYYY-MM-DD)",
        'tests/fixtures/CP004/bad_no_front_matter.zh.md:1:1: CP004 page has no front matter (needs at least title and description)',
        "tests/fixtures/CP004/bad_situation/refused.zh.md:1:1: CP004 card page has no 'aliases' (the names readers search for)",
        "tests/fixtures/CP004/bad_situation/refused.zh.md:4:1: CP004 a page is either a card page or a situation page: remove 'card_type' or 'situation'",
        "tests/fixtures/CP004/bad_situation/unpaid-bills.zh.md:1:1: CP004 situation page has no 'aliases' (the names readers search for)",
        "tests/fixtures/CP004/bad_situation/unpaid-bills.zh.md:1:1: CP004 situation page needs 'sources': a list of {id, title, url} (https; or publisher and date instead of url)",
        "tests/fixtures/CP004/bad_situation/unpaid-bills.zh.md:4:1: CP004 situation 'refused' does not match the file slug 'unpaid-bills'",
        "tests/fixtures/CP004/bad_slug/esim.zh.md:4:1: CP004 card_type 'sim' does not match the file slug 'esim'",
        'tests/fixtures/CP004/bad_slug/esim.zh.md:5:1: CP004 every alias must be non-empty text',
        'tests/fixtures/CP004/bad_slug/esim.zh.md:6:1: CP004 warning: last_reviewed 2025-01-01 is more than 365 days ago; review the page',
        "tests/fixtures/CP004/bad_slug/esim.zh.md:7:1: CP004 card page needs 'sources': a list of {id, title, url} (https; or publisher and date instead of url)",
    ],
    "CP005": [
        'tests/fixtures/CP005/bad_alone.zh.md:1:1: CP005 translation missing: bad_alone.en.md does not exist',
        'tests/fixtures/CP005/bad_nolang.md:1:1: CP005 warning: file name has no language suffix; name it bad_nolang.zh.md / bad_nolang.en.md',
        'tests/fixtures/CP005/bad_renamed.en.md:34:1: CP005 heading id {#money} differs from bad_renamed.zh.md:34 {#balance}; headings must match in order',
        'tests/fixtures/CP005/bad_shorter.zh.md:42:1: CP005 heading {#how-long} has no counterpart in bad_shorter.en.md (that page has 8 headings, this one 9)',
        'tests/fixtures/CP005/bad_steps.en.md:18:1: CP005 {#steps} has 2 numbered steps here but 3 in bad_steps.zh.md',
    ],
    "CP006": [
        "tests/fixtures/CP006/bad_ids.zh.md:6:4: CP006 heading has no explicit id; add {#some-id} (level 1: '页')",
        "tests/fixtures/CP006/bad_ids.zh.md:8:8: CP006 heading id 'Two_2' must match [a-z0-9-]+",
        "tests/fixtures/CP006/bad_ids.zh.md:12:7: CP006 heading id 'same' is already used on line 10",
        "tests/fixtures/CP006/bad_ids.zh.md:14:6: CP006 heading has no explicit id; add {#some-id} (level 1: '没有空格')",
        "tests/fixtures/CP006/bad_ids.zh.md:16:6: CP006 heading has no explicit id; add {#some-id} (level 2: '设置型标题')",
    ],
    "CP007": [
        "tests/fixtures/CP007/bad_links.en.md:8:15: CP007 link 'missing.md' has no target: missing.en.md does not exist",
        "tests/fixtures/CP007/bad_links.en.md:8:38: CP007 link 'only-zh.md' has no target: only-zh.en.md does not exist",
        "tests/fixtures/CP007/bad_links.en.md:8:60: CP007 anchor '#para' does not exist in target.en.md (only explicit {#id}s count)",
        "tests/fixtures/CP007/bad_links.en.md:8:84: CP007 anchor '#nowhere' does not exist in this page (only explicit {#id}s count)",
        'tests/fixtures/CP007/bad_links.en.md:9:14: CP007 insecure link http://example.com/; use https://',
        "tests/fixtures/CP007/bad_links.en.md:9:48: CP007 absolute link '/esim/' breaks when the site is served under a sub-path; link to the .md file",
        "tests/fixtures/CP007/bad_links.en.md:9:77: CP007 link 'target/' points at a folder or URL; link to the page's .md file",
        "tests/fixtures/CP007/bad_links.en.md:9:95: CP007 link 'target.zh.md' names the zh page; link to 'target.md' instead",
    ],
    "CP008": [
        "tests/fixtures/CP008/bad_safety.zh.md:8:17: CP008 Telegram link ('t.me/'): the site never points readers to chats, groups or sellers",
        "tests/fixtures/CP008/bad_safety.zh.md:8:42: CP008 WhatsApp link ('wa.me/'): the site never points readers to chats, groups or sellers",
        "tests/fixtures/CP008/bad_safety.zh.md:10:7: CP008 contact handle '@cardking' next to buying/selling words",
        "tests/fixtures/CP008/bad_safety.zh.md:12:4: CP008 group invite wording ('QQ群'): the site never points readers to chats, groups or sellers",
        "tests/fixtures/CP008/bad_safety.zh.md:12:8: CP008 group invite link ('qm.qq.com'): the site never points readers to chats, groups or sellers",
        "tests/fixtures/CP008/bad_safety.zh.md:12:25: CP008 group invite wording ('微信群'): the site never points readers to chats, groups or sellers",
        'tests/fixtures/CP008/bad_safety.zh.md:14:1: CP008 raw <script>/<iframe>/<object>/<embed> HTML is not allowed on the site',
        'tests/fixtures/CP008/bad_safety.zh.md:16:1: CP008 HTML event attribute (on…=) is not allowed on the site',
        'tests/fixtures/CP008/bad_safety.zh.md:18:6: CP008 javascript: URL is not allowed on the site',
        'tests/fixtures/CP008/bad_safety.zh.md:20:7: CP008 event attribute (on…=) in an attribute list is not allowed on the site',
        "tests/fixtures/CP008/bad_telegram_word.en.md:8:12: CP008 mention of Telegram ('Telegram'): the site never points readers to chats, groups or sellers",
    ],
    "CP009": [
        'tests/fixtures/CP009/bad_binary.zh.md:1:1: CP009 file looks binary (contains NUL bytes), not Markdown text',
        'tests/fixtures/CP009/bad_blank.zh.md:1:1: CP009 file is empty',
        'tests/fixtures/CP009/bad_bom.zh.md:1:1: CP009 warning: file starts with a UTF-8 byte-order mark; save it without BOM',
        'tests/fixtures/CP009/bad_crlf.zh.md:1:4: CP009 warning: file uses CRLF line endings; use LF',
        'tests/fixtures/CP009/bad_empty.zh.md:1:1: CP009 file is empty',
        'tests/fixtures/CP009/bad_gbk.zh.md:2:9: CP009 file is not valid UTF-8 (byte 0xcf)',
    ],
    "CP010": [
        'tests/fixtures/CP010/bad_not_mapping.zh.md:2:1: CP010 front matter must be a YAML mapping of keys to values',
        "tests/fixtures/CP010/bad_unclosed.zh.md:1:1: CP010 front matter opened on line 1 is never closed with '---'",
        'tests/fixtures/CP010/bad_yaml.zh.md:3:16: CP010 front matter is not valid YAML: mapping values are not allowed in this context',
    ],
    "CP011": [
        'tests/fixtures/CP011/bad_unclosed.zh.md:5:1: CP011 code fence ``` opened here is never closed',
    ],
    "CP012": [
        "tests/fixtures/CP012/bad_sources.zh.md:8:1: CP012 source id 'same' is already used by source #1 (line 5)",
        "tests/fixtures/CP012/bad_sources.zh.md:11:1: CP012 source #3 has no 'id'; on a page that cites, every source needs one ([a-z0-9-]+)",
        "tests/fixtures/CP012/bad_sources.zh.md:13:1: CP012 source #4 id 'Bad_Id' must match [a-z0-9-]+",
        'tests/fixtures/CP012/bad_sources.zh.md:16:1: CP012 source #5 url must use https: http://example.com/five',
        "tests/fixtures/CP012/bad_sources.zh.md:19:1: CP012 source #6 needs an https 'url', or 'publisher' and 'date' when there is no stable web page",
        "tests/fixtures/CP012/bad_sources.zh.md:21:1: CP012 source #7 needs an https 'url', or 'publisher' and 'date' when there is no stable web page",
        "tests/fixtures/CP012/bad_unknown.zh.md:12:32: CP012 citation [@ithome-2024] names no source: no 'id: ithome-2024' under this page's 'sources'",
        'tests/fixtures/CP012/bad_unknown.zh.md:14:12: CP012 citation [@ithome-2025] in a heading; cite after the claim in the text',
        "tests/fixtures/CP012/bad_unknown.zh.md:16:8: CP012 citation [@IThome-2025] names no source: no 'id: IThome-2025' under this page's 'sources'",
    ],
    "CP013": [
        "tests/fixtures/CP013/bad_no_ids.en.md:5:1: CP013 warning: source #1 is never cited; give it an 'id' and cite it with [@id] after the claim",
        "tests/fixtures/CP013/bad_no_ids.en.md:7:1: CP013 warning: source #2 is never cited; give it an 'id' and cite it with [@id] after the claim",
        "tests/fixtures/CP013/bad_unused.zh.md:8:1: CP013 warning: source 'unused' is never cited; put [@unused] after the claim it supports, or remove the source",
    ],
    "CP014": [
        'tests/fixtures/CP014/bad_pair.en.md:13:1: CP014 warning: section {#bad} cites other sources than bad_pair.zh.md (only in bad_pair.zh.md: one)',
        'tests/fixtures/CP014/bad_pair.en.md:17:1: CP014 warning: section {#first} cites other sources than bad_pair.zh.md (only here: two; only in bad_pair.zh.md: one)',
    ],
    "CP015": [
        "tests/fixtures/CP015/bad_task.en.md:13:40: CP015 warning: duration 'three months' with no citation in this paragraph or item; put [@id] after the claim",
        "tests/fixtures/CP015/bad_task.en.md:17:28: CP015 warning: fee '₱40' with no citation in this paragraph or item; put [@id] after the claim",
        "tests/fixtures/CP015/bad_task.en.md:18:58: CP015 warning: date '2019' with no citation in this paragraph or item; put [@id] after the claim",
        "tests/fixtures/CP015/bad_task.en.md:19:28: CP015 warning: law or rule 'SIM Registration Act' with no citation in this paragraph or item; put [@id] after the claim",
        "tests/fixtures/CP015/bad_task.en.md:20:3: CP015 warning: law or rule 'Article 31' with no citation in this paragraph or item; put [@id] after the claim",
        "tests/fixtures/CP015/bad_task.zh.md:13:11: CP015 warning: duration '三个月' with no citation in this paragraph or item; put [@id] after the claim",
        "tests/fixtures/CP015/bad_task.zh.md:17:8: CP015 warning: fee '10 元' with no citation in this paragraph or item; put [@id] after the claim",
        "tests/fixtures/CP015/bad_task.zh.md:18:3: CP015 warning: date '2019' with no citation in this paragraph or item; put [@id] after the claim",
        "tests/fixtures/CP015/bad_task.zh.md:19:8: CP015 warning: phone number '10086' with no citation in this paragraph or item; put [@id] after the claim",
        "tests/fixtures/CP015/bad_task.zh.md:20:8: CP015 warning: phone number '+86 13800100186' with no citation in this paragraph or item; put [@id] after the claim",
        "tests/fixtures/CP015/bad_task.zh.md:21:13: CP015 warning: percentage '30%' with no citation in this paragraph or item; put [@id] after the claim",
        "tests/fixtures/CP015/bad_task.zh.md:22:5: CP015 warning: law or rule '《反电信网络诈骗法》' with no citation in this paragraph or item; put [@id] after the claim",
        "tests/fixtures/CP015/bad_task.zh.md:27:10: CP015 warning: phone number '10010' with no citation in this paragraph or item; put [@id] after the claim",
        "tests/fixtures/CP015/bad_task.zh.md:29:11: CP015 warning: duration '48 小时' with no citation in this paragraph or item; put [@id] after the claim",
    ],
    "CP016": [
        'tests/fixtures/CP016/bad_control.zh.md:2:1: CP016 title contains the control character U+0000; remove it',
        'tests/fixtures/CP016/bad_control.zh.md:3:1: CP016 description contains the control character U+2028; remove it',
        "tests/fixtures/CP016/bad_markup.en.md:2:1: CP016 title contains '<': write the text without HTML (no page needs markup here)",
        "tests/fixtures/CP016/bad_markup.en.md:3:1: CP016 description contains '>': write the text without HTML (no page needs markup here)",
        'tests/fixtures/CP016/bad_markup.en.md:4:1: CP016 alias #2 contains the control character U+0007; remove it',
        'tests/fixtures/CP016/bad_markup.en.md:4:1: CP016 alias #3 contains the control character U+202E; remove it',
    ],
    "CP017": [
        'tests/fixtures/CP017/bad_sources.en.md:5:1: CP017 source #1 url contains \'"\'; percent-encode it or remove it: \'https://x.example/" onmouseover="alert(1)\'',
        "tests/fixtures/CP017/bad_sources.en.md:9:1: CP017 source #3 url contains a space or control character (U+0020); percent-encode it or remove it: 'https://x.example/a b'",
        "tests/fixtures/CP017/bad_sources.en.md:13:1: CP017 source #5 url has no plain host name after https://: 'https:///path'",
        "tests/fixtures/CP017/bad_sources.en.md:15:1: CP017 source #6 url contains '<'; percent-encode it or remove it: 'https://x.example/<svg>'",
        'tests/fixtures/CP017/bad_task_page.zh.md:10:1: CP017 source #2 url contains \'"\'; percent-encode it or remove it: \'https://example.com/"onmouseover=alert(1)\'',
    ],
    "CP018": [
        'tests/fixtures/CP018/bad_html.en.md:8:1: CP018 raw HTML <base> is not on the allow-list (policy.HTML_ALLOWED)',
        'tests/fixtures/CP018/bad_html.en.md:10:1: CP018 raw HTML <meta> is not on the allow-list (policy.HTML_ALLOWED)',
        'tests/fixtures/CP018/bad_html.en.md:12:1: CP018 raw HTML <form> is not on the allow-list (policy.HTML_ALLOWED)',
        'tests/fixtures/CP018/bad_html.en.md:12:42: CP018 raw HTML <input> is not on the allow-list (policy.HTML_ALLOWED)',
        'tests/fixtures/CP018/bad_html.en.md:14:1: CP018 raw HTML <style> is not on the allow-list (policy.HTML_ALLOWED)',
        "tests/fixtures/CP018/bad_html.en.md:16:10: CP018 link scheme 'javascript:' is not allowed (read as 'javascript:alert(1)')",
        "tests/fixtures/CP018/bad_html.en.md:19:36: CP018 attribute 'style' on <a> is not allowed",
        "tests/fixtures/CP018/bad_html.en.md:21:13: CP018 link scheme 'data:' is not allowed (read as 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==')",
        "tests/fixtures/CP018/bad_html.en.md:23:25: CP018 link scheme 'javascript:' is not allowed (read as 'javascript:alert(1')",
        "tests/fixtures/CP018/bad_html.en.md:25:10: CP018 protocol-relative link '//x.example/'; write https://",
        "tests/fixtures/CP018/bad_html.en.md:27:10: CP018 link scheme 'javascript:' is not allowed (read as 'javascript:alert(1)')",
        'tests/fixtures/CP018/bad_html.en.md:30:1: CP018 raw HTML <img> is not on the allow-list (policy.HTML_ALLOWED)',
        "tests/fixtures/CP018/bad_html.en.md:32:33: CP018 attribute 'href' in an attribute list is not allowed",
        "tests/fixtures/CP018/bad_html.en.md:32:39: CP018 link scheme 'javascript:' is not allowed (read as 'javascript:alert(1)')",
        "tests/fixtures/CP018/bad_html.en.md:35:10: CP018 link scheme 'javascript:' is not allowed (read as 'javascript:alert(1)')",
        'tests/fixtures/CP018/bad_html.en.md:37:1: CP018 HTML declaration or processing instruction is not allowed',
    ],
    "CP019": [
        "tests/fixtures/CP019/bad_code.js:1:1: CP019 '.js' files are not published from docs/; only Markdown and images (.avif, .gif, .jpeg, .jpg, .png, .svg, .webp)",
        "tests/fixtures/CP019/bad_page.html:1:1: CP019 '.html' files are not published from docs/; only Markdown and images (.avif, .gif, .jpeg, .jpg, .png, .svg, .webp)",
        'tests/fixtures/CP019/bad_script.svg:2:1: CP019 SVG contains a <script>; images must be inert',
        'tests/fixtures/CP019/bad_script.svg:3:1: CP019 SVG contains an event attribute (on…=); images must be inert',
        'tests/fixtures/CP019/bad_script.svg:4:1: CP019 SVG contains a <foreignObject>; images must be inert',
        'tests/fixtures/CP019/bad_script.svg:5:1: CP019 SVG contains a reference to another file or site; images must be inert',
        'tests/fixtures/CP019/bad_script.svg:6:1: CP019 SVG contains a url() outside the file; images must be inert',
    ],
}


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_rule_reports_exactly_the_bad_fixtures(code: str) -> None:
    run = run_checker(["--docs", f"tests/fixtures/{code}", "--select", code, "--today", TODAY])
    assert run.lines == EXPECTED[code]
    has_errors = any(": " + code + " warning:" not in line for line in EXPECTED[code])
    assert run.code == (1 if has_errors else 0)


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_good_fixtures_have_no_finding_of_their_rule(code: str) -> None:
    flagged = [_slug(line.split(":", 1)[0]) for line in EXPECTED[code]]
    good = sorted(p for p in (FIXTURES / code).iterdir() if p.name.startswith("good_"))
    assert good, f"{code} needs at least one good_ fixture"
    for page in good:  # a page, or a folder of pages (when the file name itself matters)
        assert not any(path.startswith(_slug(f"tests/fixtures/{code}/{page.name}")) for path in flagged)


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_every_bad_fixture_is_flagged(code: str) -> None:
    """A bad page, or for a translation pair one of its two files, has a finding."""
    flagged = [_slug(line.split(":", 1)[0]) for line in EXPECTED[code]]
    for page in (FIXTURES / code).iterdir():
        if page.name.startswith("bad_"):
            prefix = _slug(f"tests/fixtures/{code}/{page.name}")
            assert any(path.startswith(prefix) for path in flagged), page.name


def _slug(path: str) -> str:
    return path.removesuffix(".md").removesuffix(".zh").removesuffix(".en")

