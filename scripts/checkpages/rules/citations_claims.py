"""CP015 citations-claims: on task pages, a paragraph or list item stating a figure or a law cites a source.

What counts as a figure or a named rule is the patterns below (documented in scripts/README.md). They
are tuned on the real pages to stay quiet on prose: digit counts of identifiers ("19–20 位", "15 digits"),
ordinals ("第 2 步", "step 3"), bare counts ("两张卡") and words such as 办法 ("way") or 规定 used as a
verb are not figures; durations, fees, years and dates, phone numbers, percentages and named laws are.
"""
from __future__ import annotations

import re
from typing import Iterator, Optional

from checkpages.model import Diagnostic, Page, Severity, Site
from checkpages.scanner import mask_inline_code

code = "CP015"
name = "citations-claims"
description = ("Warning, card and situation pages: a paragraph, list item or table row that states a "
               "duration, fee, year or date, phone number or percentage, or names a law or rule, has no "
               "[@id] citation.")

_CN_NUMBER = "[一二两三四五六七八九十百半]+"
_FIGURES: tuple[tuple[str, str], ...] = (
    ("duration", rf"(?:\d+(?:\.\d+)?|{_CN_NUMBER})\s*(?:个)?(?:工作日|自然日|天|日内|个月|周|小时|年内|年后|年以上)"),
    ("duration", r"\b\d+(?:\.\d+)?[\s-]*(?:working |business |calendar )?(?:days?|weeks?|months?|years?|hours?)\b"),
    ("duration", r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|thirty|sixty|ninety)"
                 r"[\s-]+(?:working |business |calendar )?(?:days?|weeks?|months?|years?|hours?)\b"),
    ("fee", r"[¥￥₱$£€]\s*\d[\d,]*(?:\.\d+)?|\d[\d,.]*\s*(?:元|块钱|比索|港元|港币)|\b\d[\d,.]*\s*(?:pesos?|yuan|PHP|RMB|HKD|USD)\b"),
    ("percentage", r"\d+(?:\.\d+)?\s*[%％]|百分之"),
    ("date", r"(?<![\d.])(?:19|20)\d{2}(?![\d.])|\d{1,2}\s*月\s*\d{1,2}\s*日"),
    ("phone number", r"(?<![\d.\-/])(?:\+\d{1,3}[\s-]?\d[\d\s-]{5,}\d|1\d{10}|1\d{4}|\d{3,4}-\d{7,8})(?![\d.\-/])"),
    ("law or rule", r"《[^》]{2,}》|第\s*[\d一二三四五六七八九十百零]+\s*条|令\s*第\s*\d+\s*号|第\s*\d+\s*号令"
                    r"|(?:条例|管理办法|管理规定|登记规定|若干规定|暂行规定|申诉处理办法|实施办法|实施细则)"
                    r"|(?:保护|安全|诈骗|合同|登记|电信)法|民法典"),
    ("law or rule", r"\b(?:[A-Z][\w-]*\s+){1,6}(?:Act|Law)\b|\bRegulations?\b|\bRules and Regulations\b"
                    r"|\bArt(?:icle|\.)\s*\d+|\b(?:Section|Sec\.)\s*\d+|\b(?:RA|R\.A\.)\s*(?:No\.\s*)?\d{3,5}\b"
                    r"|\bRepublic Act\b|\bOrder\s+(?:No\.\s*)?\d+|\bIRR\b|\bMemorandum Circular\b"),
)
# Something every pattern above needs: a digit, a currency or percent sign, a Chinese number or law word,
# or an English law word or spelt-out number. A line without any cannot match.
_MAYBE_FIGURE = re.compile(r"[\d¥￥₱$£€%％《百半两一二三四五六七八九十法例定]|Act|Law|Regulation|Art|Section|Sec\.|RA|R\.A\."
                           r"|Republic|Order|IRR|Memorandum|(?i:one|two|three|four|five|six|seven|eight|nine|ten"
                           r"|twelve|fifteen|thirty|sixty|ninety)")
_FIGURE = re.compile("|".join(f"(?P<g{index}>{pattern})" for index, (_, pattern) in enumerate(_FIGURES)))
_KINDS = {f"g{index}": kind for index, (kind, _) in enumerate(_FIGURES)}
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s")
_UNIT_START = re.compile(r"^\s*(?:[-*+]\s|\d{1,9}[.)]\s|\||!!!|\?\?\?)")
_SKIP_LINE = re.compile(r"^\s*(?:--8<--|\{[:#.])")  # a snippet include, an attr list alone
# Not read as a claim: links' targets, citations, HTML tags, attr lists, bare URLs, and the date a
# section is written against ("截至 2026 年", "as of 2026"), which dates the text rather than states a fact.
_NOT_TEXT = re.compile(r"截至\s*(?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*月)?|\b[Aa]s of\s+(?:[A-Z][a-z]+\s+)?(?:19|20)\d{2}\b|\]\([^)\s]*(?:\s+\"[^\"]*\")?\)|\[@[^\]\s]+\]|<[^>\n]*>|\{[:#.][^}\n]*\}|https?://\S+")


def check(page: Page, site: Site) -> Iterator[Diagnostic]:
    if not page.readable or not page.is_task:
        return
    units = list(text_units(page))
    for index, unit in enumerate(units):
        following = units[index + 1] if index + 1 < len(units) else None
        if _cites(page, unit) or _introduces_cited_list(page, unit, following):
            continue
        found = first_figure(page, unit)
        if found:
            line, col, kind, text = found
            yield page.finding(code, line, col, f"{kind} '{text}' with no citation in this paragraph or item; "
                                                "put [@id] after the claim", Severity.WARNING)


def _cites(page: Page, unit: list[int]) -> bool:
    return any("[@" in page.lines[number - 1] for number in unit)


def _introduces_cited_list(page: Page, unit: list[int], following: Optional[list[int]]) -> bool:
    """A lead-in ending in a colon ("the agreements say:") is supported by the cited list right after it."""
    if following is None or not page.lines[unit[-1] - 1].rstrip().endswith((":", "：")):
        return False
    first = page.lines[following[0] - 1]
    return following[0] - unit[-1] <= 2 and bool(_LIST_ITEM.match(first)) and _cites(page, following)


def text_units(page: Page) -> Iterator[list[int]]:
    """Line numbers of each paragraph, list item, table row or admonition, outside code and headings."""
    skipped = {h.line for h in page.headings}
    skipped.update(h.line + 1 for h in page.headings if not page.lines[h.line - 1].startswith("#"))  # setext
    skipped.update(page.code_lines)
    content, lines = page.content_lines, page.lines
    unit: list[int] = []
    for number in range(page.body_start, len(lines) + 1):
        line = lines[number - 1]
        if number in skipped or number not in content or _SKIP_LINE.match(line):
            if unit:
                yield unit
                unit = []
        elif _UNIT_START.match(line) and unit:
            yield unit
            unit = [number]
        else:
            unit.append(number)
    if unit:
        yield unit


def visible_text(line: str) -> str:
    """The line with code, link targets, citations, tags and URLs blanked (columns stay the same)."""
    return _NOT_TEXT.sub(lambda match: " " * len(match.group(0)), mask_inline_code(line))


def first_figure(page: Page, unit: list[int]) -> Optional[tuple[int, int, str, str]]:
    for number in unit:
        line = page.lines[number - 1]
        if not _MAYBE_FIGURE.search(line):
            continue  # the full patterns are slow; most prose has none of their first characters
        match = _FIGURE.search(visible_text(line))
        if match:
            kind = _KINDS[match.lastgroup or ""]
            return number, match.start() + 1, kind, match.group(0).strip()
    return None
