"""Which language to speak, and how every text gets into it.

Texts are written in zh-CN and en: the flows' strings, and the program's own words in
`Table`s (`base/words.py`, `fees/words.py`, `evidence/texts.py`). Traditional Chinese
(zh-TW) is never written by hand: it is converted from zh-CN by OpenCC with Taiwan
phrasing, loaded only when asked.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any, Protocol

LANGS: tuple[str, ...] = ("zh-CN", "zh-TW", "en")
_TRADITIONAL_LOCALES = ("zh_tw", "zh_hk", "zh_mo", "zh-tw", "zh-hk", "zh-mo", "zh_hant", "zh-hant")


class Table:
    """The texts of one part of the program: key → {"zh-CN": …, "en": …}.

    One shape for every table (the interview's, the fee check's, the log's), with one
    fallback: zh-TW is the zh-CN text converted, any other language missing falls back
    to zh-CN. `{name}` fields are filled from the values given.
    """

    def __init__(self, entries: Mapping[str, Mapping[str, str]]) -> None:
        self.entries = entries

    def __contains__(self, key: str) -> bool:
        return key in self.entries

    def say(self, key: str, lang: str, **values: object) -> str:
        """The text `key` in `lang`, with `values` filled in."""
        found = pick(self.entries[key], lang)
        return found.format(**values) if values else found


def pick(by_lang: Mapping[str, str], lang: str) -> str:
    """One text in `lang` from its zh-CN and en versions (see `Table`)."""
    if lang == "zh-TW":
        return traditional(by_lang["zh-CN"])
    return by_lang.get(lang) or by_lang["zh-CN"]


def listing(titles: Sequence[str], lang: str) -> str:
    """Titles in a run-on list, a semicolon between them: titles hold 、 and commas
    of their own, and each English title starts with a capital."""
    return ("; " if lang == "en" else "；").join(titles)


class Localized(Protocol):
    """A flow string (`flow.model.Text`): its text in a language, zh-CN when it has none."""

    def get(self, lang: str) -> str: ...


def text(value: Localized, lang: str) -> str:
    """A flow string in `lang`; zh-TW is the zh-CN text converted."""
    return traditional(value.get("zh-CN")) if lang == "zh-TW" else value.get(lang)


#: Proper names kept as named: laws and titles in 《》 and these institutions are
#: converted character by character (OpenCC s2tw), never rephrased, so that
#: 《个人信息保护法》 stays 《個人信息保護法》, not 《個人資訊保護法》.
_NAMES: tuple[str, ...] = (
    "中国互联网金融协会",
    "中国银行业协会",
    "国家金融监督管理总局",
    "金融监管总局",
    "中国人民银行",
    "人民银行",
    "最高人民法院",
    "最高人民检察院",
    "全国人大常委会",
    "中央网信办",
    "国家网信办",
    "银保监会",
    "银监会",
    "证监会",
    "公安部",
    "司法部",
    "重庆蚂蚁消费金融",
    "侵犯公民个人信息",
)

#: Phrases that Taiwan phrasing (s2twp) gets wrong here, and what they must read.
#: Every entry is a bad conversion once found; tests/test_traditional.py keeps them fixed.
PHRASES: Mapping[str, str] = {
    "任何文件": "任何文件",  # papers, not 檔案 (computer files)
    "电子文件": "電子文件",
    "债务优化": "債務優化",  # a scam's own name, not 債務最佳化
    "发布": "發布",  # published, not 釋出
    "内核查": "內核查",  # "checked within", not 核心 (kernel)
    "骚扰信息": "騷擾訊息",  # messages, not 資訊 (information)
    "恐吓等信息": "恐嚇等訊息",
    "账单": "帳單",  # Taiwan writes 帳 for accounts and bills
    "账户": "帳戶",
    "转账": "轉帳",
    "账号": "帳號",  # s2twp gives 賬號
    "停息挂账": "停息掛帳",  # a scam's own name, with Taiwan's 帳
    "证据支持": "證據支持",  # evidence backs it up: not 支援 (assistance)
    "保存": "保存",  # keep, preserve (evidence, records): not 儲存 (store, save a file)
    "折合": "折合",  # comes to (a yearly rate), not 摺合 (to fold)
    "算法": "算法",  # a way of working a figure out, not 演算法 (an algorithm)
    "互联网平台": "網路平台",  # s2twp gives 網際網路平臺
    "被发": "被發",  # sent, posted: s2twp reads 被髮 (hair worn loose)
    "权限": "權限",  # permission: s2twp gives 許可權
    "参数": "參數",  # a figure given on the command line: s2twp gives 引數
    "督促程序": "督促程序",  # the courts' payment-order procedure: s2twp gives 程式 (a program)
    "答案代码": "答案代碼",  # an answer's code in an answers file: s2twp gives 程式碼 (program code)
}


@lru_cache(maxsize=1)
def _protected() -> re.Pattern[str]:
    """Titles, names and phrases converted on their own; compiled on the first zh-TW text
    (about a millisecond that a run in another language need not pay)."""
    return re.compile(
        "《[^》]*》|"
        + "|".join(re.escape(w) for w in sorted((*_NAMES, *PHRASES), key=len, reverse=True))
    )


@lru_cache(maxsize=4096)
def traditional(simplified: str) -> str:
    """Simplified Chinese in Traditional script with Taiwan phrasing (OpenCC s2twp),
    proper names converted character by character and known bad phrasings fixed."""
    out: list[str] = []
    position = 0
    for match in _protected().finditer(simplified):
        out.append(_converter("s2twp").convert(simplified[position : match.start()]))
        token = match.group(0)
        out.append(PHRASES.get(token) or _converter("s2tw").convert(token))
        position = match.end()
    out.append(_converter("s2twp").convert(simplified[position:]))
    # 签 is always "sign" here: OpenCC sometimes gives 籤 (a lot, a label).
    return "".join(out).replace("籤", "簽")


@lru_cache(maxsize=2)
def _converter(config: str) -> Any:
    import opencc

    return opencc.OpenCC(config)


def detect_lang(environ: Mapping[str, str] | None = None) -> str:
    """The language from the locale: the first of LC_ALL, LC_MESSAGES, LANG that is set.

    zh_TW, zh_HK and zh_MO give zh-TW; en gives en; anything else zh-CN.
    """
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "").lower()
        if value:
            if value.startswith(_TRADITIONAL_LOCALES):
                return "zh-TW"
            return "en" if value.startswith("en") else "zh-CN"
    return "zh-CN"
