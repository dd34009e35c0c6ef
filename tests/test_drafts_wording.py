"""What the scripts and letters say: true, within the sources, and the same in every language.

Each test guards a class of wording problem found in review, so that an edit of
flows/drafts.yaml cannot quietly bring it back.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import pytest

from overdue_guide.base import i18n, places
from overdue_guide.drafts.model import DraftSet
from overdue_guide.drafts.paths import codes_named, situations
from overdue_guide.drafts.render import Rendered, offered, render
from overdue_guide.flow.model import Answer, Flow

from .test_drafts import SAMPLE, taken

DRAFTS_FILE = places.shipped_dir() / "drafts.yaml"


_RENDERED: dict[tuple[str, bool, str], list[tuple[Mapping[str, Answer], Rendered]]] = {}


def rendered(
    drafts: DraftSet, main_flow: Flow, draft_id: str, details: Mapping[str, str], lang: str
) -> list[tuple[Mapping[str, Answer], Rendered]]:
    """The draft on every path, reduced to the situations its conditions tell apart
    (`paths.situations`); computed once per draft, details (none or all) and language."""
    key = (draft_id, bool(details), lang)
    if key not in _RENDERED:
        draft = drafts.drafts[draft_id]
        conditions = [draft.when, *(p.when for p in (*draft.paragraphs, *draft.notes))]
        codes = codes_named(conditions)
        codes.setdefault("hardship", set()).update(main_flow.questions["hardship"].codes)
        _RENDERED[key] = [
            (answers, render(draft, main_flow, answers, details, lang))
            for answers, _ in situations(main_flow, codes, (), conditions)
            if draft in offered(drafts, answers)
        ]
    return _RENDERED[key]


def all_chinese(drafts: DraftSet) -> Iterator[tuple[str, str]]:
    """Every Simplified Chinese string of the drafts file, with its draft id."""
    for draft in drafts.drafts.values():
        yield draft.id, draft.title.get("zh-CN")
        for part in (*draft.paragraphs, *draft.notes):
            yield draft.id, part.text.get("zh-CN")


def all_english(drafts: DraftSet) -> Iterator[tuple[str, str]]:
    for draft in drafts.drafts.values():
        yield draft.id, draft.title.get("en")
        for part in (*draft.paragraphs, *draft.notes):
            yield draft.id, part.text.get("en")


# --- the door script: one stance on every path -------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "是哪家机构派你来的",
        "打 95188 核实",
        "把钱交给任何人",
        "我不同意你进门",
        "请你现在离开；你不走，我就打 110",
    ],
)
def test_the_door_script_says_each_line_of_its_stance_on_every_path(
    drafts: DraftSet, main_flow: Flow, line: str
) -> None:
    for answers, done in rendered(drafts, main_flow, "door", {}, "zh-CN"):
        assert line in done.text, answers


@pytest.mark.parametrize(
    "line",
    [
        "是哪家机构派你来的",
        "打 95188 核实",
        "把钱交给任何人",
        "请不要在这里谈欠款",
        "请你现在离开；你不走，我就找单位保安或者打 110",
    ],
)
def test_the_workplace_script_says_each_line_of_its_stance_on_every_path(
    drafts: DraftSet, main_flow: Flow, line: str
) -> None:
    for answers, done in rendered(drafts, main_flow, "workplace", {}, "zh-CN"):
        assert line in done.text, answers


def test_the_night_line_is_marked_for_night_and_never_claims_it_is_night_by_itself(
    drafts: DraftSet, main_flow: Flow
) -> None:
    """A night visit among the answers is the past, not the clock now."""
    for answers, done in rendered(drafts, main_flow, "door", {}, "zh-CN"):
        night = [line for line in done.text.split("\n") if "现在是晚上" in line]
        assert len(night) == 1, answers
        assert "（晚上 10 点到早上 8 点之间，只说这一句）" in night[0]


def test_the_door_script_checks_a_claimed_court_with_12368_and_police_with_110(
    drafts: DraftSet, main_flow: Flow
) -> None:
    for answers, done in rendered(drafts, main_flow, "door", {}, "zh-CN"):
        official = answers.get("authority_claimed") == "official"
        said = "如果你说你是警察，我会打 110 核实；说是法院的，我会打 12368 核实" in done.text
        assert said == official, answers
        assert "你说你是警察或法院的人" not in done.text


# --- facts only, nothing overstated -----------------------------------------------------------

#: Words that call a charge illegal, tell the person not to pay, or reach a legal
#: conclusion the person cannot support; none belongs in what is said or sent.
FORBIDDEN_ZH = ("违法", "非法", "不合法", "不用还", "不必还", "无需还", "犯罪", "诈骗犯", "判刑")
FORBIDDEN_EN = ("illegal", "unlawful", "you need not pay", "don't pay", "crime", "criminal")


def test_no_draft_calls_anything_illegal_or_a_crime_or_says_do_not_pay(drafts: DraftSet) -> None:
    for draft_id, zh in all_chinese(drafts):
        for word in FORBIDDEN_ZH:
            assert word not in zh, (draft_id, word, zh)
    for draft_id, en in all_english(drafts):
        for word in FORBIDDEN_EN:
            assert word not in en.lower(), (draft_id, word, en)


def test_no_draft_accepts_a_bill_as_right_when_the_person_disputes_it(drafts: DraftSet) -> None:
    """Asking the lender to "go by its own bill" concedes the figure; ask for the exact amount."""
    for draft_id, zh in all_chinese(drafts):
        assert "为准" not in zh, (draft_id, zh)
    for draft_id, en in all_english(drafts):
        assert "go by your own bill" not in en, (draft_id, en)


def test_every_draft_names_the_agency_only_as_claimed(drafts: DraftSet) -> None:
    """Whether the agency really acts for the lender is what 95188 is asked to confirm:
    every paragraph that names it, in every draft and on every path, says it is claimed."""
    naming = [
        p.text.get("zh-CN")
        for d in drafts.drafts.values()
        for p in d.paragraphs
        if "{agency}" in p.text.get("zh-CN")
    ]
    assert len(naming) >= 4
    for text in naming:
        assert "自称" in text, text


def test_the_110_script_states_what_is_known_and_asks_what_is_happening(
    drafts: DraftSet, main_flow: Flow
) -> None:
    for answers, done in rendered(drafts, main_flow, "call_110", {}, "zh-CN"):
        assert "我现在有危险" not in done.text and "他们在威胁我" not in done.text
        assert "他们现在在做什么" in done.text and "有没有人受伤" in done.text, answers


def test_a_reason_is_said_in_words_never_as_an_option_label(
    drafts: DraftSet, main_flow: Flow
) -> None:
    labels = [o.label.get("zh-CN") for o in main_flow.questions["hardship"].options]
    for draft_id in ("call_95188", "instalment_request"):
        for answers, done in rendered(drafts, main_flow, draft_id, SAMPLE, "zh-CN"):
            for label in labels:
                assert f"原因是：{label}" not in done.text, (draft_id, answers)


# --- sources: rules matched, M facts as published rules ---------------------------------------

#: Each conduct a complaint can name, and the rule it is matched to (R02, R07, R20, R04, R06,
#: R22, R02/R08, R08, R07).
COMPLAINT_RULES = {
    "threats": "《银行保险机构消费者权益保护管理办法》第41条",
    "violence": "《银行保险机构消费者权益保护管理办法》第41条",
    "insults": "《金融机构个人消费类贷款催收工作指引（试行）》",
    "refuses_to_leave": "《民法典》第1032条、第1033条",
    "night_visit": "中国银行业协会发布的催收工作指引说",
    "personal_account": "中国银行业协会的催收工作指引说",
    "told_others": "《个人信息保护法》第10条",
    "fake_authority": "《银行保险机构消费者权益保护管理办法》第41条",
    "too_many_calls": "催收工作指引说，同一个号码一天最多打 6 次",
    "new_loan": "催收工作指引禁止逼人借新还旧",
    "public_post": "中国银行业协会发布的催收工作指引也禁止公开张贴、散布隐私",
}


@pytest.mark.parametrize("conduct", sorted(COMPLAINT_RULES))
def test_the_complaint_matches_each_conduct_to_its_rule(
    drafts: DraftSet, main_flow: Flow, conduct: str
) -> None:
    extra = {"authority_claimed": "official"} if conduct == "fake_authority" else {}
    answers = taken(main_flow, visitor_arrived="earlier", credentials_shown="none",
                    misconduct=[conduct], others_contacted=[], amount_checked="matches",
                    can_pay_full="yes", **extra)  # fmt: skip
    done = render(drafts.drafts["complaint"], main_flow, answers, SAMPLE, "zh-CN")
    assert COMPLAINT_RULES[conduct] in done.text


@pytest.mark.parametrize("marker", ["指引", "GB/T", "自律公约", "有关规定"])
def test_a_medium_confidence_rule_is_given_as_what_a_named_rule_says(
    drafts: DraftSet, marker: str
) -> None:
    """M facts (R04–R08) are "rules published by … say", never a bare must."""
    for draft_id, zh in all_chinese(drafts):
        for sentence in zh.split("。"):
            if marker in sentence:
                assert any(w in sentence for w in ("说", "禁止")), (draft_id, sentence)
                assert "必须" not in sentence and "应当" not in sentence, (draft_id, sentence)


# --- relatives: R23 and R05 -------------------------------------------------------------------


def test_the_relatives_message_never_tells_a_spouse_they_owe_nothing(
    drafts: DraftSet, main_flow: Flow
) -> None:
    """R23: a spouse may share a debt; only other relatives owe nothing without signing."""
    for answers, done in rendered(drafts, main_flow, "relatives_message", {}, "zh-CN"):
        owe_nothing = [line for line in done.text.split("\n") if "不欠这笔钱" in line]
        assert owe_nothing and all("如果你不是我的配偶" in line for line in owe_nothing)
        if set(answers.get("others_contacted") or ()) & {"family", "emergency_contact"}:
            assert "夫妻共同债务" in done.text, answers


def test_the_relatives_message_gives_the_contact_rule_and_the_complaint_route(
    drafts: DraftSet, main_flow: Flow
) -> None:
    for answers, done in rendered(drafts, main_flow, "relatives_message", {}, "zh-CN"):
        assert "有关规定说，联系不上我时" in done.text, answers
        assert done.text.index("95188") < done.text.index("12378"), answers


# --- translations -----------------------------------------------------------------------------

#: What OpenCC's Taiwan phrasing would wrongly make of a law's name or a word's meaning.
CHANGED_IN_TW = ("籤", "最佳化", "資訊保護法", "網際網路金融", "檔案", "程式")


def test_the_zh_tw_reading_keeps_names_of_laws_and_meanings(drafts: DraftSet) -> None:
    for draft_id, zh in all_chinese(drafts):
        converted = i18n.traditional(zh)
        for wrong in CHANGED_IN_TW:
            assert wrong not in converted, (draft_id, wrong, converted)


@pytest.mark.parametrize(
    ("simplified", "kept"),
    [
        ("《个人信息保护法》第10条", "《個人信息保護法》第10條"),
        ("中国互联网金融协会", "中國互聯網金融協會"),
        ("不要找“债务优化”中介", "不要找“債務優化”中介"),
        ("个人信息", "個人資訊"),
        ("任何文件都看懂再签，拿不准先别签", "任何文件都看懂再簽，拿不準先別簽"),
    ],
)
def test_traditional_keeps_names_and_meanings_and_phrases_the_rest(
    simplified: str, kept: str
) -> None:
    assert i18n.traditional(simplified) == kept


def test_every_paragraph_has_an_english_line_naming_the_same_numbers(drafts: DraftSet) -> None:
    """A translation that drops a hotline or an article number means something else."""
    import re

    for draft in drafts.drafts.values():
        for part in (*draft.paragraphs, *draft.notes):
            zh, en = part.text.get("zh-CN"), part.text.get("en")
            numbers = sorted(re.findall(r"\d+", zh))
            assert numbers == sorted(re.findall(r"\d+", en)), (draft.id, zh, en)
