"""Traditional Chinese means what the Simplified says: names kept, bad phrasings fixed."""

from __future__ import annotations

import re

import opencc
import pytest

from overdue_guide.base import i18n, words
from overdue_guide.evidence import texts as evidence_texts
from overdue_guide.fees import words as fee_words
from overdue_guide.flow.model import Catalog, Flow

from .test_advice_wording import catalog_texts, flow_texts

#: Every bad conversion found so far: the Simplified text, and what must never come back.
#: Where a word is right elsewhere (資訊 is information, 檔案 a computer file), the bad
#: text is the phrase around it, so the scan of shipped text needs no exemption.
KNOWN_BAD = [
    ("任何文件都看懂再签", "任何檔案"),  # papers are 文件, not computer files
    ("纸质或电子文件", "電子檔案"),
    ("什么都不签", "籤"),  # signing is 簽; 籤 is a lot or a label
    ("看懂再签，拿不准先别签", "籤"),
    ("别找收费的“债务优化”中介", "最佳化"),  # a scam's own name
    ("《个人信息保护法》第10条", "資訊保護法"),  # the law's name
    ("中国互联网金融协会", "網際網路"),  # the institution's name
    ("《互联网金融逾期债务催收自律公约(试行)》", "網際網路"),
    ("发布者做“债务优化”生意", "釋出"),  # published, not released
    ("20 天内核查并书面答复", "核心"),  # within 20 days, not "kernel"
    ("反复发骚扰信息", "騷擾資訊"),  # messages, not information
    ("多次发送侮辱恐吓等信息", "恐嚇等資訊"),
    ("侵犯公民个人信息（第253条之一）", "公民個人資訊"),  # the crime's name
    ("保存原始文件和存文件的手机", "儲存"),  # keep the original, not "save" it
    ("不良记录从还清之日起保存 5 年", "儲存"),  # records are kept, not stored
    ("号码或账号", "賬"),  # Taiwan writes 帳號, as 帳戶 and 轉帳
    ("别找收费的“债务优化”“停息挂账”中介", "賬"),
    ("它要有原始证据支持", "支援"),  # evidence backs it, not "assistance"
    ("逾期费用折合年利率", "摺"),  # comes to, not folds
    ("请告诉我年化利率和算法", "演算法"),  # a way of working it out, not an algorithm
    ("银行和互联网平台合作发放的贷款", "網際網路"),  # Taiwan says 網路平台
    ("被发到群里或网上", "髮"),  # sent, posted: 髮 is hair
    ("被发给了通讯录里的人", "髮"),
    ("没有权限写这里", "許可權"),  # Taiwan says 權限 too
    ("请用参数给出数字", "引數"),  # a figure given, as Taiwan says it: 參數
    ("《中华人民共和国民事诉讼法》督促程序（2021 年版第227条）", "督促程式"),  # not a program
]


@pytest.mark.parametrize(("simplified", "bad"), KNOWN_BAD)
def test_a_known_bad_conversion_never_comes_back(simplified: str, bad: str) -> None:
    assert bad not in i18n.traditional(simplified)


def test_proper_names_keep_their_words() -> None:
    assert i18n.traditional("《个人信息保护法》") == "《個人信息保護法》"
    assert i18n.traditional("中国互联网金融协会") == "中國互聯網金融協會"
    assert i18n.traditional("别找“债务优化”中介") == "別找“債務優化”中介"


def test_the_fee_checks_words_read_as_taiwan_writes_them() -> None:
    assert i18n.traditional("折合年利率") == "折合年利率"
    assert i18n.traditional("年化利率和计算方式") == "年化利率和計算方式"
    assert i18n.traditional("银行和互联网平台合作") == "銀行和網路平台合作"


def test_a_post_in_a_group_is_sent_not_hair() -> None:
    assert i18n.traditional("被发到群里或网上") == "被發到群裡或網上"
    assert i18n.traditional("被发现") == "被發現"


def test_taiwan_wording_stays_where_it_keeps_the_meaning() -> None:
    assert i18n.traditional("短信和网络信息") == "簡訊和網路資訊"
    assert i18n.traditional("看账单") == "看帳單"
    assert i18n.traditional("号码或账号") == "號碼或帳號"
    assert i18n.traditional("原始证据支持") == "原始證據支持"


def test_no_shipped_text_converts_badly(main_flow: Flow, catalog: Catalog) -> None:
    texts = [t.get("zh-CN") for t in [*flow_texts(main_flow), *catalog_texts(catalog)]]
    texts += [r.cite for r in catalog.references.values()]
    texts += [by_lang["zh-CN"] for by_lang in words.all_keys().values()]
    texts += [by_lang["zh-CN"] for by_lang in evidence_texts.all_keys().values()]
    texts += [by_lang["zh-CN"] for by_lang in fee_words.all_words().values()]
    bad = {b for _, b in KNOWN_BAD}
    for text in texts:
        converted = i18n.traditional(text)
        assert not any(b in converted for b in bad), converted
        for simplified, _ in KNOWN_BAD:
            if simplified in text:
                assert _ not in i18n.traditional(simplified)


TABLE = i18n.Table(
    {"hello": {"zh-CN": "欢迎，{name}", "en": "Hello, {name}"}, "only": {"zh-CN": "只有中文"}}
)


def test_a_table_converts_its_words_not_the_values_filled_in_and_falls_back_to_zh_cn() -> None:
    assert "hello" in TABLE and "goodbye" not in TABLE
    assert TABLE.say("hello", "zh-TW", name="阿强") == "歡迎，阿强"
    assert TABLE.say("hello", "en", name="Qiang") == "Hello, Qiang"
    assert TABLE.say("only", "en") == "只有中文"
    assert TABLE.say("only", "zh-TW") == "只有中文"


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LANG": "zh_Hant_TW.UTF-8"}, "zh-TW"),
        ({"LC_ALL": "", "LANG": "zh_TW.UTF-8"}, "zh-TW"),
        ({"LC_MESSAGES": "EN_US"}, "en"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "zh_TW.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "zh-CN"),
        ({"LANG": ""}, "zh-CN"),
    ],
)
def test_traditional_script_locales_and_empty_variables_are_read_as_people_set_them(
    environ: dict[str, str], lang: str
) -> None:
    assert i18n.detect_lang(environ) == lang


class Written:
    """A flow string: its text in each language it was written in."""

    def __init__(self, **by_lang: str) -> None:
        self.by_lang = {k.replace("_", "-"): v for k, v in by_lang.items()}

    def get(self, lang: str) -> str:
        return self.by_lang.get(lang) or self.by_lang["zh-CN"]


def test_a_flow_string_in_zh_tw_is_its_zh_cn_text_converted() -> None:
    written = Written(zh_CN="看账单", en="Check the bill")
    assert i18n.text(written, "zh-TW") == "看帳單"
    assert i18n.text(written, "en") == "Check the bill"
    assert i18n.text(written, "zh-CN") == "看账单"


def test_titles_are_listed_with_a_semicolon_of_the_language() -> None:
    assert i18n.listing(["A", "B", "C"], "en") == "A; B; C"
    assert i18n.listing(["甲", "乙"], "zh-TW") == "甲；乙"


def test_with_no_environment_given_the_language_is_read_from_the_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "zh_HK.UTF-8")
    assert i18n.detect_lang() == "zh-TW"


def test_a_court_procedure_is_a_procedure_and_this_program_a_program() -> None:
    assert i18n.traditional("督促程序") == "督促程序"
    assert i18n.traditional("请他自己用这个程序") == "請他自己用這個程式"


def test_a_citation_is_a_name_converted_character_by_character(catalog: Catalog) -> None:
    """A law's, a rule's or a procedure's name is never rephrased in Taiwan's words (督促程序
    is a procedure, not a program); only what a citation says in brackets is plain words."""
    by_character = opencc.OpenCC("s2tw")

    def names(cite: str) -> str:
        return re.sub(r"（[^）]*）", "（）", cite).replace("籤", "簽")

    for reference in catalog.references.values():
        got = i18n.traditional(reference.cite)
        assert names(got) == names(by_character.convert(reference.cite)), reference.id
