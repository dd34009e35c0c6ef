"""The program's own words in every language, and which language to speak.

Flow text lives in the flows; this module holds only what the program itself
says (headings, prompts' extra choices, the footer).
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from .model import Text

LANGS: tuple[str, ...] = ("zh-CN", "en")

_MESSAGES: dict[str, dict[str, str]] = {
    "urgency.now": {"zh-CN": "马上做", "en": "Right now"},
    "urgency.today": {"zh-CN": "今天做", "en": "Today"},
    "urgency.this_week": {"zh-CN": "这周做", "en": "This week"},
    "urgency.later": {"zh-CN": "之后留意", "en": "Later"},
    "sources": {"zh-CN": "来源", "en": "Sources"},
    "footer": {
        "zh-CN": "以上是一般信息，不是法律意见。遇到危险，马上打 110。",
        "en": "This is general information, not legal advice. If you are in danger, call 110 now.",
    },
    "step": {"zh-CN": "第 {n} 步", "en": "Step {n}"},
    "back": {"zh-CN": "← 上一步", "en": "← Back"},
    "help": {"zh-CN": "？ 这是什么意思", "en": "? What does this mean"},
    "select_hint": {"zh-CN": "（↑↓ 选择，回车确认）", "en": "(↑↓ to move, Enter to choose)"},
    "checkbox_hint": {
        "zh-CN": "（空格选中，回车确认）",
        "en": "(Space to tick, Enter to confirm)",
    },
    "quit_hint": {"zh-CN": "随时按 Ctrl-C 退出。", "en": "Press Ctrl-C at any time to quit."},
    "document": {"zh-CN": "文章", "en": "Document"},
    "no_items": {"zh-CN": "这份清单是空的。", "en": "This checklist is empty."},
    "interrupted": {"zh-CN": "已退出，没有保存任何内容。", "en": "Stopped. Nothing was saved."},
}


def message(key: str, lang: str, **values: object) -> str:
    """The program's own text `key` in `lang` (zh-CN where a language lacks it)."""
    by_lang = _MESSAGES[key]
    text = by_lang.get(lang) or by_lang["zh-CN"]
    return text.format(**values) if values else text


def text(value: Text, lang: str) -> str:
    """A flow string in `lang`."""
    return value.get(lang)


def detect_lang(environ: Mapping[str, str] | None = None) -> str:
    """The language from the locale: LC_ALL, then LC_MESSAGES, then LANG; zh-CN by default."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else "zh-CN"
    return "zh-CN"


def all_keys() -> Mapping[str, Mapping[str, str]]:
    """Every message, for the test that no language lacks one."""
    return _MESSAGES
