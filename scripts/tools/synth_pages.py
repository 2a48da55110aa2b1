"""Synthetic but realistic page pairs for benchmarks: `write_corpus(dest, pairs)`.

Each card page pair has the site's real shape (front matter, {#identify}, prerequisites, steps, after-care,
an FAQ of 5 questions) and prose of real length: about 1,500 Chinese characters / 700 English words,
in sentences drawn from the site's own pages (docs/) and a stock set, so it varies as real text does.
Pages sit in folders of six (`group-0001/sim.zh.md` ... `virtual-number.en.md`) so card_type matches the
file slug, and links stay inside a group. The first pair is a home page (index.zh.md / index.en.md) so a
strict MkDocs build of the corpus has a homepage. Output is deterministic for a given seed and docs/.
"""
from __future__ import annotations

import json
import random
import re
import sys
from functools import lru_cache
from pathlib import Path

CARD_TYPES = ("sim", "esim", "data-card", "iot-card", "wearable-card", "virtual-number")
CARD_NAMES = {
    "sim": ("手机卡", "SIM card"), "esim": ("eSIM", "eSIM"), "data-card": ("上网卡", "data card"),
    "iot-card": ("物联网卡", "IoT card"), "wearable-card": ("手表卡", "watch line"),
    "virtual-number": ("虚拟号码", "virtual number"),
}
ZH_SENTENCES = (
    "注销之前，先确认这张卡登记在谁的名下，只有机主本人或其授权的人才能办理。",
    "很多人以为把卡拔出来扔掉就等于注销了，其实号码和套餐仍然有效，月租还会继续产生。",
    "请先结清所有账单，包括当月已经产生但还没有出账的费用，否则运营商会拒绝受理。",
    "如果号码绑定了银行卡、支付账户或社交软件，请先把这些账户换绑到你继续使用的号码上。",
    "注销后的号码会在冻结期结束后重新分配给别人，新机主可能收到发给你的验证码。",
    "营业厅通常要求出示机主本人的有效身份证件原件，复印件和照片一般不被接受。",
    "部分运营商支持在官方 App 或网上营业厅申请注销，但往往仍需要人脸识别等核验。",
    "合约期内的套餐可能需要先解除合约，提前解约时可能要支付违约金，请事先问清楚。",
    "账户里的余额一般可以申请退还，具体的退款方式和到账时间以运营商的说明为准。",
    "办理完成后请索取注销凭证，例如业务受理单、短信通知或者电子回执的截图。",
    "在注销后的下一个账单日，留意是否还有扣费；如果仍被扣费，请凭凭证联系客服。",
    "如果你人在外地，可以先拨打运营商客服热线，询问是否支持异地或线上办理。",
    "企业名下的卡通常需要单位出具的证明材料和经办人身份证件，流程比个人卡更长。",
    "有些卡同时开通了副卡或亲情号，主卡注销前要先处理这些附属业务。",
    "办理前可以用工信部的一证通查服务核对名下有几张卡，避免遗漏不用的号码。",
    "不要轻信任何自称可以代办注销的人，他们可能借机骗取你的身份信息和验证码。",
    "如果卡片已经丢失，先办理挂失停机，防止他人冒用，再按正常流程申请注销。",
    "注销和停机不是一回事：停机只是暂停服务，号码仍保留在你名下并可能产生费用。",
    "办理时工作人员可能会推荐保号套餐，如果你确定不再使用，可以明确表示直接注销。",
    "对于设备里内置的卡，除了联系运营商，还要在设备设置中删除相应的配置。",
)
EN_SENTENCES = (
    "Before you start, check whose name the line is registered to: only the holder or someone they "
    "authorise can cancel it.",
    "Pulling the card out of the phone does not cancel anything; the number and the plan stay active "
    "and keep charging the monthly fee.",
    "Settle every bill first, including charges from the current month that have not been billed yet, "
    "or the operator will refuse the request.",
    "Move bank, payment and messaging accounts that use this number to a number you keep before you "
    "cancel it.",
    "A cancelled number is frozen for a while and then given to someone else, who may receive the codes "
    "meant for you.",
    "Shops usually ask for the original identity document of the registered holder; copies and photos "
    "are rarely accepted.",
    "Some operators let you cancel in their official app or online account, often after a face check.",
    "A plan under contract may have to be ended first, and ending it early can cost a fee, so ask "
    "before you go.",
    "Any balance left on the account can usually be refunded; the operator decides how and when.",
    "Ask for proof of the cancellation, such as a receipt, a text message or a screenshot of the "
    "confirmation.",
    "Watch the next bill after the cancellation, and if you are still charged, contact customer service "
    "with your proof.",
    "If you are in another city, call the operator's hotline first and ask whether remote cancellation "
    "is possible.",
    "Lines registered to a company need a letter from the company and the identity document of the "
    "person who handles it.",
    "If the line has secondary cards or family numbers attached, sort those out before cancelling the "
    "main line.",
    "You can look up how many lines are registered to your identity number and make sure none is "
    "forgotten.",
    "Do not trust anyone who offers to cancel the line for you; they may be after your identity details "
    "and codes.",
    "If the card is lost, report it and suspend the line first so nobody can misuse it, then cancel it "
    "as usual.",
    "Suspending and cancelling are different: a suspended line stays in your name and may still cost "
    "money.",
    "Staff may suggest a cheap plan to keep the number; if you are sure you no longer need it, say you "
    "want to cancel.",
    "For a card built into a device, contact the operator and also delete the profile in the device's "
    "settings.",
)
FAQ = (
    ("get-number-back", "注销后号码还能找回吗？", "Can I get the number back after cancelling?"),
    ("balance", "账户里还有余额怎么办？", "What happens to my balance?"),
    ("from-abroad", "人在外地或国外能注销吗？", "Can I cancel from another city or from abroad?"),
    ("how-long", "注销需要多长时间？", "How long does cancelling take?"),
    ("still-charged", "注销后还被扣费怎么办？", "What if I am still charged after cancelling?"),
)


DOCS = Path(__file__).resolve().parent.parent / "docs"
MARKUP = re.compile(r"\*\*|`|\{[^}]*\}|<[^>]+>|\[@[^\]\s]+\]")  # citations too: pages cite their sources
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
# Anything that could read as markup, a link or a contact once cut out of its page.
UNSAFE = re.compile(r"[\[\]|#@<>:*_]|https?|\.md|!!!|telegram|whatsapp|电报|加群|微信群|qq群|javascript",
                    re.IGNORECASE)
WHOLE = re.compile(r"[A-Z0-9\u4e00-\u9fff]")  # starts like a sentence, not a fragment


def _site_sentences(language: str) -> list[str]:
    """Sentences from the site's own pages: prose of real variety, so gzip sizes mean something.

    A few dozen stock sentences repeated over 1,000 pages compress to 3% of their size, where the
    real pages compress to about 28%.
    """
    split = r"(?<=[。！？])" if language == "zh" else r"(?<=[.!?])\s+"
    joiner = "" if language == "zh" else " "
    found: list[str] = []
    for page in sorted(DOCS.glob(f"*.{language}.md")):
        body = page.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        # Paragraphs and list items wrap over several lines: rejoin each block before splitting it.
        for block in re.split(r"\n\s*\n|\n(?=\s*(?:[-*] |\d+\. |#|!!!))", body):
            line = joiner.join(part.strip() for part in block.splitlines())
            line = MARKUP.sub("", LINK.sub(r"\1", line.strip().lstrip("-0123456789. ")))
            found += [s.strip() for s in re.split(split, line)
                      if len(s.strip()) > 12 and not UNSAFE.search(s) and WHOLE.match(s.strip())]
    return sorted(set(found))


@lru_cache(maxsize=None)
def _sentences(language: str) -> tuple[str, ...]:
    stock = ZH_SENTENCES if language == "zh" else EN_SENTENCES
    return tuple(stock) + tuple(_site_sentences(language))


def _zh_prose(rng: random.Random, chars: int) -> str:
    pool, text = _sentences("zh"), ""
    while len(text) < chars:
        text += rng.choice(pool)
    return text


def _en_prose(rng: random.Random, words: int) -> str:
    pool, picked, count = _sentences("en"), [], 0
    while count < words:
        picked.append(rng.choice(pool))
        count += len(picked[-1].split())
    return " ".join(picked)


def _front_matter(title: str, description: str, card: str, aliases: list[str]) -> str:
    # JSON strings and lists are valid YAML and quote any ': ' in the prose
    return (f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n"
            f"description: {json.dumps(description, ensure_ascii=False)}\ncard_type: {card}\n"
            f"aliases: {json.dumps(aliases, ensure_ascii=False)}\nlast_reviewed: 2026-11-01\nsources:\n"
            "  - id: miit\n    title: MIIT\n    url: https://www.miit.gov.cn/\n"
            "  - id: gsma\n    title: GSMA\n    url: https://www.gsma.com/\n---\n\n")


def _cited(text: str, *ids: str) -> str:
    """A paragraph or list item as the real pages write it: the claim, then its citations."""
    return text + "".join(f"[@{source_id}]" for source_id in ids)


def _card_page(card: str, language: str, steps: int, neighbour: str, seed: int) -> str:
    rng = random.Random(f"{seed}-{language}")
    zh = language == "zh"
    name = CARD_NAMES[card][0 if zh else 1]
    # sizes below are in Chinese characters; scaled so a page lands near 1,500 characters / 700 words
    text = (lambda size: _zh_prose(rng, int(size * 0.92))) if zh else (lambda size: _en_prose(rng, int(size * 0.36)))

    def prose(size: int) -> str:
        return _cited(text(size), "miit")

    article = "an" if name[0] in "eIaou" else "a"
    h = ("如何注销" + name, "准备", "步骤", "注销之后", "常见问题", "怎么认出这类卡") if zh else \
        (f"How to cancel {article} {name}", "Prerequisites", "Steps", "After-care", "FAQ", "How to tell it is yours")
    parts = [
        _front_matter(h[0], text(40)[:60] if zh else text(40)[:150], card, [name, card]),
        f"# {h[0]} {{#{card}}}\n\n{_cited(text(200), 'miit', 'gsma')}\n\n",
        f"## {h[5]} {{#identify}}\n\n{prose(150)}\n\n",
        f"## {h[1]} {{#prerequisites}}\n\n" + "".join(f"- {prose(40)}\n" for _ in range(4)) + "\n",
        f"## {h[2]} {{#steps}}\n\n" + "".join(f"{i}. {prose(45)}\n" for i in range(1, steps + 1)),
        f"\n{'另见' if zh else 'See also'} [{neighbour}]({neighbour}.md#steps).\n\n",
        f"## {h[3]} {{#after-care}}\n\n" + "".join(f"- {prose(40)}\n" for _ in range(2)) + f"\n{prose(80)}\n\n",
        f"## {h[4]} {{#faq}}\n\n",
    ]
    for faq_id, question_zh, question_en in FAQ:
        parts.append(f"### {question_zh if zh else question_en} {{#{faq_id}}}\n\n{prose(80)}\n\n")
    return "".join(parts)


def _home_page(language: str, groups: int) -> str:
    zh = language == "zh"
    title = "注销指南" if zh else "Card Cancellation Guide"
    links = "".join(f"- [group-{g:04d}](group-{g:04d}/sim.md)\n" for g in range(1, min(groups, 20) + 1))
    return (f"---\ntitle: {title}\ndescription: {title}.\n---\n\n# {title} {{#home}}\n\n"
            f"## {'目录' if zh else 'Contents'} {{#contents}}\n\n{links}")


def write_corpus(dest: Path, pairs: int, seed: int = 0) -> list[Path]:
    """Write `pairs` zh+en page pairs under dest (the home page pair first); return the files written."""
    dest.mkdir(parents=True, exist_ok=True)
    card_pairs = max(pairs - 1, 0)
    groups = -(-card_pairs // len(CARD_TYPES))
    written = []
    for language in ("zh", "en"):
        path = dest / f"index.{language}.md"
        path.write_text(_home_page(language, groups), encoding="utf-8")
        written.append(path)
    for number in range(card_pairs):
        group, card = divmod(number, len(CARD_TYPES))
        folder = dest / f"group-{group + 1:04d}"
        folder.mkdir(exist_ok=True)
        steps = 3 + (number * 7 + seed) % 5  # the same count in both languages
        neighbour = CARD_TYPES[max(card - 1, 0)]  # written already, so the link always resolves
        for language in ("zh", "en"):
            path = folder / f"{CARD_TYPES[card]}.{language}.md"
            path.write_text(_card_page(CARD_TYPES[card], language, steps, neighbour, seed * 100_003 + number),
                            encoding="utf-8")
            written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("synthetic-docs")
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 12
    print(f"{len(write_corpus(target, count))} files written to {target}")
