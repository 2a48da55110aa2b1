"""CP008 safety: no messaging-app links, group invites, seller handles or active HTML on the site.

The site's source material was spam selling "cancellation services" through such contacts. Ordinary prose
that warns about those services is fine: only links, invites, handles and the word Telegram are findings.
"""
from __future__ import annotations

import bisect
import re
from typing import Iterator

from checkpages.model import Diagnostic, Page, Site
from checkpages.scanner import mask_inline_code

code = "CP008"
name = "safety"
description = ("No Telegram/WhatsApp/WeChat/QQ links, group invites or @handles near buy/sell words; "
               "no <script>, <iframe>, on…= event attributes or javascript: URLs.")

_DOMAIN_START = r"(?<![\w.-])"
# (pattern, what it is, lower-case needles: the regex runs only on a file that contains one of them)
# Checked on every line, front matter and code blocks included: a contact is a contact wherever it is.
_CONTACT_PATTERNS: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...] = (
    (re.compile(_DOMAIN_START + r"(?:t\.me|telegram\.me|telegram\.dog)/", re.I), "Telegram link",
     ("t.me/", "telegram.me/", "telegram.dog/")),
    (re.compile(r"\btg://", re.I), "Telegram link", ("tg://",)),
    (re.compile(r"(?<![A-Za-z])telegram(?![A-Za-z])", re.I), "mention of Telegram", ("telegram",)),
    (re.compile(r"电报群|飞机群|TG群", re.I), "mention of a Telegram group", ("电报群", "飞机群", "tg群")),
    (re.compile(_DOMAIN_START + r"(?:wa\.me/|chat\.whatsapp\.com|api\.whatsapp\.com/send)", re.I),
     "WhatsApp link", ("wa.me/", "whatsapp.com")),
    (re.compile(_DOMAIN_START + r"(?:weixin\.qq\.com/g/|qm\.qq\.com|jq\.qq\.com)", re.I), "group invite link",
     ("qq.com",)),
    (re.compile(r"QQ[ \t]*群|微信[ \t]*群|加[ \t]*群(?![众体组])", re.I), "group invite wording", ("群",)),
)
_TRADE_WORDS = re.compile(r"买|卖|出售|收购|出租|代办|代注销|\b(?:buy|sell|selling|rent)\b", re.I)
_HANDLE = re.compile(r"(?<![\w.@/[])@[A-Za-z][A-Za-z0-9_]{2,31}\b")
_HANDLE_DISTANCE = 30  # characters between a handle and a trade word that make it a seller contact
# Checked outside code and front matter: in a code block this text is shown, not run.
_ACTIVE_HTML: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...] = (
    (re.compile(r"<\s*(?:script|iframe|object|embed)\b", re.I), "raw <script>/<iframe>/<object>/<embed> HTML",
     ("<",)),
    (re.compile(r"<[A-Za-z][^>]{0,500}?\son[a-z]+\s*=", re.I), "HTML event attribute (on…=)", ("=",)),
    (re.compile(r"\{[^}\n]{0,500}?(?<![\w-])on[a-z]+\s*=", re.I), "event attribute (on…=) in an attribute list",
     ("=",)),
    (re.compile(r"(?:java|vb)script\s*:", re.I), "javascript: URL", ("javascript", "vbscript")),
)


def check(page: Page, site: Site) -> Iterator[Diagnostic]:
    if not page.readable:
        return
    text = "\n".join(page.lines)
    lowered = text.lower()
    locate = _Locator(page.lines)  # cheap until first called
    for pattern, what, needles in _CONTACT_PATTERNS:
        if any(needle in lowered for needle in needles):
            for match in pattern.finditer(text):
                yield page.finding(code, *locate(match.start()),
                                   f"{what} ('{match.group(0)}'): the site never points readers to chats, "
                                   "groups or sellers")
    if "@" in text:
        for number, line in enumerate(page.lines, start=1):
            yield from _handles(page, number, line)
    active = [(pattern, what) for pattern, what, needles in _ACTIVE_HTML if any(n in lowered for n in needles)]
    if active:
        shown = "\n".join(rendered_lines(page))
        for pattern, what in active:
            for match in pattern.finditer(shown):
                yield page.finding(code, *locate(match.start()), f"{what} is not allowed on the site")


def rendered_lines(page: Page) -> Iterator[str]:
    """The page's lines with front matter, code blocks and code spans blanked (line numbers kept)."""
    for number, line in enumerate(page.lines, start=1):
        hidden = number < page.body_start or number in page.code_lines
        yield " " * len(line) if hidden else mask_inline_code(line)


class _Locator:
    """Offset in the joined text -> (line, column), both 1-based."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.starts: list[int] = []

    def __call__(self, offset: int) -> tuple[int, int]:
        if not self.starts:  # built on the first finding: clean pages never pay for it
            position = 0
            for line in self.lines:
                self.starts.append(position)
                position += len(line) + 1
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1


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
