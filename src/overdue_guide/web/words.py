"""The page's own words, in zh-CN and en; zh-TW is converted at build time
(`i18n.traditional`), as everywhere else. Words the terminal already says come
from `i18n.message` and `fees.words`, so the page and the CLI say them alike.
"""

from __future__ import annotations

from ..base.i18n import LANGS, pick
from ..base.words import message
from ..fees.words import all_words as fee_words

#: The program's own messages the page shows as they are.
SHARED: tuple[str, ...] = (
    "step",
    "back",
    "help",
    "review_title",
    "review_done",
    "sources",
    "footer",
    "none_chosen",
    "no_items",
    "drafts_heading",
    "drafts_helps",
    "drafts_translation",
    "drafts_tip",
    "detail_not_money",
    "detail_not_count",
    "detail_not_date",
    "lender_decides",
    "action_fees",
)

#: Words only the page says.
PAGE: dict[str, dict[str, str]] = {
    "danger": {"zh-CN": "有危险？打 110", "en": "Danger? Call 110"},
    "language": {"zh-CN": "语言", "en": "Language"},
    "next": {"zh-CN": "下一步", "en": "Next"},
    "choose_one": {"zh-CN": "请先选一项。", "en": "Choose one option first."},
    "multi_hint": {
        "zh-CN": "可以选几项；都没有就不选，直接点“下一步”。",
        "en": "Tick all that apply; if none does, tick nothing and press Next.",
    },
    "change": {"zh-CN": "改", "en": "Change"},
    "change_label": {"zh-CN": "改第 {n} 步的回答", "en": "Change the answer to step {n}"},
    "why": {"zh-CN": "为什么", "en": "Why"},
    "source_button": {"zh-CN": "来源 {n}", "en": "Source {n}"},
    "quote": {"zh-CN": "原文：", "en": "Exact words: "},
    "all_reasons": {"zh-CN": "展开每一条的原因", "en": "Show every reason"},
    "details_heading": {"zh-CN": "填上你的情况（都可以不填）", "en": "Your details (all optional)"},
    "details_hint": {
        "zh-CN": "不知道或不想填就空着，信里会留出 ＿＿＿＿ 让你手写。填的内容只在这个网页里，不会发出去。",
        "en": "Leave anything blank: the letter then shows ＿＿＿＿ to fill in by hand. What you type stays in this page; nothing is sent.",
    },
    "not_affordable": {
        "zh-CN": "每月收入减去必要开支，只剩约 {left} 元，比你想每月还的 {offer} 元少。只写你真能做到的数：信里这一项先留空。",
        "en": "Income minus essential spending leaves about {left} yuan a month, less than the {offer} yuan you offered. Offer only what you can really pay: the letter leaves it blank for now.",
    },
    "nothing_left": {
        "zh-CN": "收入交完房租、吃饭、看病这些必要开支，每月已经不剩钱了，不要许诺每月还 {offer} 元。信会写成请求暂缓还款：这一项先留空。",
        "en": "After rent, food, medical care and other essentials, nothing of your income is left each month, so do not promise {offer} yuan a month. The letter asks to defer repayment: this is left blank.",
    },
    "copy": {"zh-CN": "复制中文", "en": "Copy the Chinese"},
    "copied": {"zh-CN": "已复制。", "en": "Copied."},
    "copy_failed": {
        "zh-CN": "没能复制：请长按文字，选择“复制”。",
        "en": "Could not copy: press and hold the text, then choose Copy.",
    },
    "evidence": {
        "zh-CN": "这个网页不能记证据。要把每一次电话和上门记下来（证据记录），请在电脑上打开 overdue-guide 程序，选“记下一次电话或上门”。",
        "en": 'This page cannot keep an evidence log. To note down each call and visit (the evidence log), open the overdue-guide program on a computer and choose "Log a call or visit".',
    },
    "keep": {"zh-CN": "把我的回答保存在这台手机上", "en": "Keep my answers on this phone"},
    "forget": {"zh-CN": "删除保存在这台手机上的回答", "en": "Forget my answers on this phone"},
    "kept": {
        "zh-CN": "已保存在这台手机的浏览器里。别人也用这台手机时，请删除。",
        "en": "Kept in this phone's browser. If others use this phone, forget them.",
    },
    "forgotten": {
        "zh-CN": "已删除，这台手机上没有保存你的回答。",
        "en": "Forgotten: nothing of yours is kept on this phone.",
    },
    "restored": {
        "zh-CN": "已接着用保存在这台手机上的回答。",
        "en": "Continuing with the answers kept on this phone.",
    },
    "cannot_keep": {
        "zh-CN": "这个浏览器不让网页保存，回答没有保存。",
        "en": "This browser does not let the page keep anything: your answers are not kept.",
    },
    "privacy": {
        "zh-CN": "这个网页不联网，不发送、也不记录你的任何信息；除非你点“保存”，关掉网页就全忘了。",
        "en": "This page makes no connection and sends or records nothing about you; unless you press “keep”, closing it forgets everything.",
    },
    "start_again": {"zh-CN": "重新开始", "en": "Start again"},
    "print": {"zh-CN": "打印或存成 PDF", "en": "Print or save as PDF"},
    "fees_intro": {
        "zh-CN": "照着账单填几个数字，算出这笔借款一年要花多少。",
        "en": "Type a few figures from your bill to see what the loan costs a year.",
    },
    "fees_go": {"zh-CN": "算一算", "en": "Work it out"},
    "fees_schedule": {
        "zh-CN": "还款计划（每行：日期,金额）",
        "en": "Repayments (one a line: date,amount)",
    },
    "fees_schedule_name": {"zh-CN": "还款计划", "en": "the repayments"},
    "fees_filled": {
        "zh-CN": "IRR 年化 {rate} % 已填进分期申请信。",
        "en": "The nominal IRR of {rate} % is now in the instalment request.",
    },
    "optional": {"zh-CN": "（可不填）", "en": "(optional)"},
    "nojs_heading": {
        "zh-CN": "有人在门口？先做这几件事",
        "en": "Someone at the door? Do these first",
    },
    "nojs_whole": {
        "zh-CN": "要回答问题、得到你自己的清单和信件，请在浏览器设置里打开 JavaScript 后再打开这个文件；也可以在电脑上用 overdue-guide 程序（不联网）。",
        "en": "To answer the questions and get your own checklist and letters, turn on JavaScript in the browser settings and open this file again, or use the overdue-guide program on a computer (it works offline).",
    },
}

#: Items shown without JavaScript: the safety line, then the four door rules.
NO_SCRIPT_ITEMS: tuple[str, ...] = (
    "safety_110",
    "door_closed",
    "check_credentials",
    "record_now",
    "pay_official_only",
)

#: The fee check's words that speak of a terminal (keys, the command and its options): the
#: page, a form, never shows them.
FEE_TERMINAL_ONLY: frozenset[str] = frozenset(
    {
        "intro",
        "text_hint",
        "first_hint",
        "optional_hint",
        "no_terminal",
        "plan_one_of",
        "need_principal",
        "overdue_one_of",
        "overdue_needs_days",
        "start_without_schedule",
        "schedule_start_before_year_1",
    }
)

#: The fee check's words as the page says them, where the terminal's name an option.
FEE_ON_PAGE: dict[str, dict[str, str]] = {
    "schedule_needs_start": {
        "zh-CN": "只有一笔还款时，请填上放款日期",
        "en": "with a single repayment, give the date the money was received",
    },
}

#: The languages' names, each in its own script, on the switch.
LANG_NAMES: dict[str, str] = {"zh-CN": "简体", "zh-TW": "繁體", "en": "EN"}
#: Their full names, for screen readers.
LANG_FULL: dict[str, str] = {"zh-CN": "简体中文", "zh-TW": "繁體中文", "en": "English"}


def page_words(lang: str) -> dict[str, str]:
    """Every word the page says in `lang`: its own, the program's, the fee check's (`fee.*`,
    as a form words them)."""
    found = {key: pick(value, lang) for key, value in PAGE.items()}
    found |= {key: message(key, lang) for key in SHARED}
    fees = {**fee_words(), **FEE_ON_PAGE}
    found |= {f"fee.{k}": pick(v, lang) for k, v in fees.items() if k not in FEE_TERMINAL_ONLY}
    return found


def all_page_words() -> dict[str, dict[str, str]]:
    """The words of every language, for the page."""
    return {lang: page_words(lang) for lang in LANGS}
