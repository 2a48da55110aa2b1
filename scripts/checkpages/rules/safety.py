"""CP008 safety: no messaging-app links, group invites, seller handles or active HTML on the site.

The site's source material was spam selling "cancellation services" through such contacts. Ordinary prose
that warns about those services is fine: only links, invites, handles and the word Telegram are findings.
"""
from __future__ import annotations

import re
from typing import Iterator

from checkpages.model import Diagnostic, Page, Site
from checkpages.scanner import mask_inline_code

code = "CP008"
name = "safety"
description = ("No Telegram/WhatsApp/WeChat/QQ links, group invites or @handles near buy/sell words; "
               "no <script>, <iframe>, on…= event attributes or javascript: URLs.")

_DOMAIN_START = r"(?<![\w.-])"
# Checked on every line, front matter and code blocks included: a contact is a contact wherever it is.
_CONTACT_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(_DOMAIN_START + r"(?:t\.me|telegram\.me|telegram\.dog)/", re.I), "Telegram link"),
    (re.compile(r"\btg://", re.I), "Telegram link"),
    (re.compile(r"(?<![A-Za-z])telegram(?![A-Za-z])", re.I), "mention of Telegram"),
    (re.compile(r"电报群|飞机群|TG群", re.I), "mention of a Telegram group"),
    (re.compile(_DOMAIN_START + r"(?:wa\.me/|chat\.whatsapp\.com|api\.whatsapp\.com/send)", re.I),
     "WhatsApp link"),
    (re.compile(_DOMAIN_START + r"(?:weixin\.qq\.com/g/|qm\.qq\.com|jq\.qq\.com)", re.I), "group invite link"),
    (re.compile(r"QQ\s*群|微信\s*群|加\s*群(?![众体组])", re.I), "group invite wording"),
)
_TRADE_WORDS = re.compile(r"买|卖|出售|收购|出租|代办|代注销|\b(?:buy|sell|selling|rent)\b", re.I)
_HANDLE = re.compile(r"(?<![\w.@/])@[A-Za-z][A-Za-z0-9_]{2,31}\b")
_HANDLE_DISTANCE = 30  # characters between a handle and a trade word that make it a seller contact
# Checked outside code: in a code block this text is shown, not run.
_ACTIVE_HTML: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"<\s*(?:script|iframe|object|embed)\b", re.I), "raw <script>/<iframe>/<object>/<embed> HTML"),
    (re.compile(r"<[A-Za-z][^>]{0,500}?\son[a-z]+\s*=", re.I), "HTML event attribute (on…=)"),
    (re.compile(r"\{[^}]{0,500}?(?<![\w-])on[a-z]+\s*=", re.I), "event attribute (on…=) in an attribute list"),
    (re.compile(r"(?:java|vb)script\s*:", re.I), "javascript: URL"),
)


def check(page: Page, site: Site) -> Iterator[Diagnostic]:
    if not page.readable:
        return
    for number, line in enumerate(page.lines, start=1):
        if line.isascii() and "@" not in line and not _maybe_contact_ascii(line):
            continue  # fast path: most lines have nothing any pattern could match
        yield from _contacts(page, number, line)
        yield from _handles(page, number, line)
    for number, line in enumerate(page.lines, start=1):
        if number in page.code_lines or number < page.body_start:
            continue
        if "<" in line or "{" in line or "script" in line.lower():
            yield from _active_html(page, number, mask_inline_code(line))


def _maybe_contact_ascii(line: str) -> bool:
    lowered = line.lower()
    return any(marker in lowered for marker in ("t.me", "telegram", "tg://", "wa.me", "whatsapp", "qq.com",
                                                "tg群"))


def _contacts(page: Page, number: int, line: str) -> Iterator[Diagnostic]:
    for pattern, what in _CONTACT_PATTERNS:
        for match in pattern.finditer(line):
            yield page.finding(code, number, match.start() + 1,
                               f"{what} ('{match.group(0)}'): the site never points readers to chats, "
                               "groups or sellers")


def _handles(page: Page, number: int, line: str) -> Iterator[Diagnostic]:
    if "@" not in line:
        return
    trades = [match.start() for match in _TRADE_WORDS.finditer(line)]
    if not trades:
        return
    for handle in _HANDLE.finditer(line):
        if any(abs(start - handle.start()) <= _HANDLE_DISTANCE for start in trades):
            yield page.finding(code, number, handle.start() + 1,
                               f"contact handle '{handle.group(0)}' next to buying/selling words")


def _active_html(page: Page, number: int, line: str) -> Iterator[Diagnostic]:
    for pattern, what in _ACTIVE_HTML:
        for match in pattern.finditer(line):
            yield page.finding(code, number, match.start() + 1, f"{what} is not allowed on the site")
