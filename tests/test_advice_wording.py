"""How the advice is worded and sourced: rules that hold for every item, whatever the path."""

from __future__ import annotations

import re
from pathlib import Path

from overdue_guide.base import i18n, words
from overdue_guide.flow.model import Catalog, Flow, Item, Text
from overdue_guide.interview import engine
from overdue_guide.output import report

from .helpers import SEEDS, needs_seeds, run_cli, write
from .rules import AT_THE_DOOR

#: Words above a middle-school reading level: replaced, or only inside a gloss （…）.
JARGON = (
    "债权方",
    "债权人",
    "债务人",
    "委托",
    "连带责任",
    "罚息",
    "调减",
    "异议",
    "报送",
    "计算依据",
)
#: Channels: citing one is naming a phone number, not stating a reported fact.
CHANNELS = {"R52", "R56"}
AMERICAN = re.compile(
    r"authoriz|organiz|recogniz|optimiz|installment|\bcolor|\bcenter|behavior|\bfavor|"
    r"defense|judgement|labeled|canceled|\bprogram\b",
    re.I,
)


def flow_texts(flow: Flow) -> list[Text]:
    texts = [flow.title, *([flow.intro] if flow.intro else [])]
    for question in flow.questions.values():
        texts += [question.prompt, *([question.help] if question.help else [])]
        for option in question.options:
            texts += [option.label, *([option.alert] if option.alert else [])]
    for item in flow.items.values():
        texts += [item.text, item.detail]
    return texts


def catalog_texts(catalog: Catalog) -> list[Text]:
    notes = [d.note for d in catalog.documents.values() if d.note]
    return [*notes, *(r.summary for r in catalog.references.values())]


def confidences(item: Item, catalog: Catalog) -> set[str]:
    return {catalog.references[s.reference].confidence for s in item.sources if s.reference}


def test_must_is_said_only_on_a_fact_marked_high(main_flow: Flow, catalog: Catalog) -> None:
    for item in main_flow.items.values():
        said = re.search(r"\bmust\b", item.detail.get("en")) or "必须" in item.detail.get("zh-CN")
        if said:
            assert "H" in confidences(item, catalog), item.id


def test_a_medium_fact_is_worded_as_reported(main_flow: Flow, catalog: Catalog) -> None:
    for item in main_flow.items.values():
        medium = {
            s.reference
            for s in item.sources
            if s.reference
            and s.reference not in CHANNELS
            and catalog.references[s.reference].confidence == "M"
        }
        if medium:
            assert "据报道" in item.detail.get("zh-CN"), item.id
            assert "reported" in item.detail.get("en"), item.id


def test_no_charge_is_called_illegal_and_no_one_is_told_they_need_not_pay(main_flow: Flow) -> None:
    for text in flow_texts(main_flow):
        english, chinese = text.get("en").lower(), text.get("zh-CN")
        assert "illegal" not in english and "need not pay" not in english, english
        assert "have to pay" not in english and "no need to pay" not in english, english
        for phrase in (
            "不用还",
            "不必还",
            "可以不还",
            "不用付",
            "违法",  # "illegal", of a charge or of anything: the law's name says what it punishes
            "非法",
        ):
            assert phrase not in chinese, chinese


def test_an_item_that_asks_for_papers_at_the_door_puts_110_first(main_flow: Flow) -> None:
    """Asked of someone who may have said "not safe": seeing papers comes after safety."""
    for item_id in AT_THE_DOOR:
        detail = main_flow.items[item_id].detail
        if "工作证" in detail.get("zh-CN"):
            assert "害怕就别问，先打 110" in detail.get("zh-CN"), item_id
            assert "If you are afraid, ask nothing and call 110 first" in detail.get("en"), item_id


def test_no_source_the_reader_is_shown_calls_a_debt_illegal(catalog: Catalog) -> None:
    """`overdue-guide sources` lists every reference: none may read as "your debt is
    illegal" (the crime of collecting an illegal debt is about usury, not about 花呗)."""
    for reference in catalog.references.values():
        english = " ".join([reference.summary.get("en"), reference.gloss or ""]).lower()
        chinese = reference.summary.get("zh-CN") + reference.cite
        assert "illegal" not in english, reference.id
        assert "违法" not in chinese and "非法债务" not in chinese, reference.id


def test_chinese_avoids_jargon_or_glosses_it(main_flow: Flow, catalog: Catalog) -> None:
    for text in [*flow_texts(main_flow), *catalog_texts(catalog)]:
        outside_glosses = re.sub(r"（[^）]*）", "", text.get("zh-CN"))
        for word in JARGON:
            assert word not in outside_glosses, (word, text.get("zh-CN"))


def test_english_has_one_spelling_throughout(main_flow: Flow, catalog: Catalog) -> None:
    for text in [*flow_texts(main_flow), *catalog_texts(catalog)]:
        assert not AMERICAN.search(text.get("en")), text.get("en")
    for reference in catalog.references.values():
        assert not AMERICAN.search(reference.gloss or ""), reference.id


def test_every_reference_has_an_english_gloss_shown_in_english(
    main_flow: Flow, catalog: Catalog
) -> None:
    assert all(reference.gloss for reference in catalog.references.values())
    answers = {"visitor_arrived": "no", "misconduct": ("threats",), "others_contacted": ()}
    answers |= {"amount_checked": "matches", "can_pay_full": "yes"}
    view = report.build(
        engine.checklist(main_flow, engine.complete(main_flow, answers)), catalog, "en"
    )
    for note in view.sources:
        if "reference" in note.contract:
            assert note.contract["gloss"] in note.label, note.label


def test_medium_facts_are_marked_reported_once_in_the_source_list(
    main_flow: Flow, catalog: Catalog
) -> None:
    answers = {"visitor_arrived": "now", "feel_safe": "yes", "credentials_shown": "none"}
    answers |= {"misconduct": ("threats", "told_others"), "others_contacted": ("family",)}
    answers |= {"amount_checked": "fees_high", "can_pay_full": "yes"}
    for lang, mark in (("zh-CN", "据报道"), ("zh-TW", "據報道"), ("en", "(reported)")):
        view = report.build(
            engine.checklist(main_flow, engine.complete(main_flow, answers)), catalog, lang
        )
        for note in view.sources:
            medium = note.contract.get("confidence") == "M"
            assert (note.label.count(mark) == 1) if medium else (mark not in note.label), note


@needs_seeds
def test_a_reader_comment_is_cited_as_a_comment_and_only_then(main_flow: Flow) -> None:
    body = re.sub(r"\s", "", (SEEDS / "000_e7ca3ee93b5e22fe.txt").read_text("utf-8"))
    comments_start = body.index("精彩评论")
    for item in main_flow.items.values():
        for source in item.sources:
            if source.document == "000_e7ca3ee93b5e22fe.txt" and source.quote:
                in_comments = body.index(re.sub(r"\s", "", source.quote)) > comments_start
                assert source.comment == in_comments, (item.id, source.quote)
            elif source.document:
                assert not source.comment, (item.id, source.quote)


def test_a_corrected_claim_is_marked_where_listed_and_the_item_says_so(
    main_flow: Flow, catalog: Catalog
) -> None:
    corrected = {
        (item.id, s.document)
        for item in main_flow.items.values()
        for s in item.sources
        if s.corrected and s.document
    }
    assert corrected == {
        ("fee_cap", "000_e7ca3ee93b5e22fe.txt"),
        ("contacts_limits", "003_ad2b9378eca5f89c.txt"),
    }
    for item_id, document in corrected:
        assert document[:3] in main_flow.items[item_id].detail.get("zh-CN")
        assert document[:3] in main_flow.items[item_id].detail.get("en")
    answers = {"visitor_arrived": "no", "misconduct": ("told_others",), "others_contacted": ()}
    answers |= {"amount_checked": "fees_high", "can_pay_full": "yes"}
    for lang, mark in (("zh-CN", "已更正"), ("en", "corrected")):
        view = report.build(
            engine.checklist(main_flow, engine.complete(main_flow, answers)), catalog, lang
        )
        marked = [n for n in view.sources if n.contract.get("corrected")]
        assert len(marked) == 2 and all(mark in n.label for n in marked)


def test_the_truth_comes_before_the_correction_of_document_003(main_flow: Flow) -> None:
    detail = main_flow.items["contacts_limits"].detail.get("zh-CN")
    assert detail.index("不欠这笔钱") < detail.index("文章 003")
    assert detail.index("不能说欠款和逾期") < detail.index("文章 003")


def test_the_police_law_is_cited_by_name_not_by_its_old_article(catalog: Catalog) -> None:
    for reference in catalog.references.values():
        if "治安管理处罚法" in reference.cite:
            assert "第42条" not in reference.cite, reference.id


def test_an_item_that_asks_through_the_door_also_says_no_talk_is_needed_at_night(
    main_flow: Flow,
) -> None:
    for item in main_flow.items.values():
        if "隔着门" in item.text.get("zh-CN") + item.detail.get("zh-CN"):
            assert "晚上 10 点到早上 8 点" in item.detail.get("zh-CN"), item.id
            assert "10 pm and 8 am" in item.detail.get("en"), item.id


def test_a_title_that_says_relatives_owe_nothing_names_the_spouse_exception(
    main_flow: Flow,
) -> None:
    """On a small screen the title may be all that shows: it must not overstate."""
    for item in main_flow.items.values():
        if "不欠这笔钱" in item.text.get("zh-CN"):
            assert "配偶" in item.text.get("zh-CN"), item.id
            assert "spouse" in item.text.get("en"), item.id


def test_titles_are_listed_apart_from_the_commas_inside_them() -> None:
    assert i18n.listing(["What to say at the door", "A complaint"], "en") == (
        "What to say at the door; A complaint"
    )
    titles = ["发给被打扰的家人、同事的话", "投诉信：先找支付宝，再找 12378"]
    assert (
        i18n.listing(titles, "zh-CN")
        == "发给被打扰的家人、同事的话；投诉信：先找支付宝，再找 12378"
    )


def test_an_english_checklist_has_no_chinese_punctuation_in_its_own_lines(
    tmp_path: Path,
) -> None:
    answers = write(
        tmp_path,
        "answers.yaml",
        "{visitor_arrived: now, feel_safe: 'no', credentials_shown: none, misconduct: [threats],"
        " others_contacted: [family], amount_checked: differs, can_pay_full: 'no', hardship: none}",
    )
    for fmt in ("text", "markdown", "html"):
        done = run_cli("run", "--answers", str(answers), "--lang", "en", "--format", fmt)
        assert done.returncode == 0, done.stderr
        checklist = done.stdout.split("Sources")[0]
        assert "、" not in checklist and "，" not in checklist, fmt


def test_an_item_names_a_menu_entry_as_the_menu_says_it_never_a_command(main_flow: Flow) -> None:
    """A middle-school reader looks for the words on the menu, not a command to type."""
    entries = {lang: {words.message(k, lang) for k in ("action_log", "action_fees")}
               for lang in ("zh-CN", "en")}  # fmt: skip
    named = 0
    for item in main_flow.items.values():
        for lang, quoted in (
            ("zh-CN", r"菜单里选“([^”]+)”"),
            ("en", r'menu after this checklist, "([^"]+)"'),
        ):
            said = item.text.get(lang) + item.detail.get(lang)
            assert "overdue-guide" not in said, item.id
            for entry in re.findall(quoted, said):
                assert entry in entries[lang], (item.id, entry)
                named += 1
    assert named >= 6  # keep_evidence, dispute_amount and fee_cap, in both languages


def test_english_says_credentials_are_shown_without_being_asked(
    main_flow: Flow, catalog: Catalog
) -> None:
    for text in [*flow_texts(main_flow), *catalog_texts(catalog)]:
        assert "unasked" not in text.get("en"), text.get("en")
