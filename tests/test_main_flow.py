"""The advice itself: what the main flow gives for the situations the documents describe."""

from __future__ import annotations

import re

import pytest

from overdue_guide.flow.model import URGENCIES, Answer, Catalog, Flow
from overdue_guide.interview import engine

from .helpers import SEEDS, needs_seeds

CALM = {
    "visitor_arrived": "no",
    "misconduct": [],
    "others_contacted": [],
    "amount_checked": "matches",
    "can_pay_full": "yes",
}


def ids(flow: Flow, **answers: object) -> list[str]:
    given = {**CALM, **answers}
    checked = {k: engine.validate(flow.questions[k], v) for k, v in given.items()}
    return [item.id for item in engine.checklist(flow, engine.complete(flow, checked)).items]


def at_the_door(flow: Flow, shown: str = "none", **answers: object) -> list[str]:
    """The checklist with someone at the door now who feels safe, having shown `shown`."""
    return ids(flow, visitor_arrived="now", feel_safe="yes", credentials_shown=shown, **answers)


def test_a_visitor_at_the_door_and_not_feeling_safe_puts_110_first(main_flow: Flow) -> None:
    got = ids(main_flow, visitor_arrived="now", feel_safe="no", credentials_shown="none")
    assert got[0] == "safety_110"
    assert main_flow.items["safety_110"].urgency == "now"


def test_at_the_door_the_whole_stance_is_now_and_nothing_reads_otherwise(main_flow: Flow) -> None:
    got = at_the_door(main_flow, "both")
    now = [i for i in got if main_flow.items[i].urgency == "now"]
    assert now == ["door_closed", "note_visitor", "record_now", "pay_official_only"]
    assert "read_before_signing" not in got and "know_visit_rules" not in got


def test_a_visitor_who_showed_both_papers_is_still_paid_nothing(main_flow: Flow) -> None:
    got = at_the_door(main_flow, "both")
    assert "pay_official_only" in got
    detail = main_flow.items["pay_official_only"].detail.get("zh-CN")
    assert "不管对方出示什么证件" in detail and "95188" in detail


def test_the_night_at_the_door_needs_no_opening_and_ends_with_110(main_flow: Flow) -> None:
    got = at_the_door(main_flow, misconduct=["night_visit"])
    assert main_flow.items[got[0]].urgency == "now"
    detail = main_flow.items["door_closed"].detail
    assert "晚上 10 点到早上 8 点" in detail.get("zh-CN") and "打 110" in detail.get("zh-CN")
    assert "need not open" in detail.get("en")


@pytest.mark.parametrize("act", ["threats", "violence", "insults"])
@pytest.mark.parametrize("visitor", ["earlier", "announced", "no"])
def test_danger_away_from_the_door_goes_to_the_police_not_behind_a_door(
    main_flow: Flow, act: str, visitor: str
) -> None:
    extra = {"credentials_shown": "both"} if visitor == "earlier" else {}
    got = ids(main_flow, visitor_arrived=visitor, misconduct=[act], **extra)
    assert "safety_110" not in got and "door_closed" not in got
    assert {"report_police", "keep_evidence"} <= set(got)
    assert "回执" in main_flow.items["report_police"].text.get("zh-CN")


@pytest.mark.parametrize("act", ["threats", "violence", "refuses_to_leave"])
def test_danger_at_the_door_puts_110_first(main_flow: Flow, act: str) -> None:
    got = ids(
        main_flow,
        visitor_arrived="now",
        feel_safe="yes",
        credentials_shown="both",
        misconduct=[act],
    )
    assert got[0] == "safety_110"


def test_a_threat_of_arrest_is_met_with_the_civil_matter(main_flow: Flow) -> None:
    got = ids(main_flow, misconduct=["threats"])
    assert "civil_matter" in got
    detail = main_flow.items["civil_matter"].detail.get("zh-CN")
    assert "民事纠纷" in detail and "第193" in detail and "夸大法律后果" in detail


def test_a_calm_situation_gives_no_call_to_110_and_nothing_urgent(main_flow: Flow) -> None:
    got = ids(main_flow)
    assert "safety_110" not in got
    assert all(main_flow.items[i].urgency != "now" for i in got)


def test_credentials_not_shown_at_the_door_means_checking_them_first(main_flow: Flow) -> None:
    got = at_the_door(main_flow, "id_only")
    assert "check_credentials" in got and "note_visitor" not in got
    assert main_flow.items["check_credentials"].urgency == "now"


def test_a_past_visitor_is_checked_with_95188_whatever_they_showed(main_flow: Flow) -> None:
    for shown in ("both", "id_only", "none"):
        got = ids(main_flow, visitor_arrived="earlier", credentials_shown=shown)
        assert {"verify_with_95188", "keep_evidence", "know_visit_rules"} <= set(got)


def test_someone_posing_as_police_at_the_door_means_110(main_flow: Flow) -> None:
    got = at_the_door(
        main_flow, "both", misconduct=["fake_authority"], authority_claimed="official"
    )
    assert got[0] == "safety_110"
    assert {"fake_authority", "civil_matter", "report_police"} <= set(got)
    assert "12368" in main_flow.items["fake_authority"].detail.get("zh-CN")


def test_a_lawyer_is_lawful_but_has_no_power_and_no_110(main_flow: Flow) -> None:
    got = ids(main_flow, misconduct=["fake_authority"], authority_claimed="lawyer")
    assert "lawyer_letter" in got and "fake_authority" not in got and "safety_110" not in got
    assert "12368" in main_flow.items["lawyer_letter"].detail.get("zh-CN")


def test_money_already_paid_to_a_person_means_110_and_the_bank_at_once(main_flow: Flow) -> None:
    got = ids(main_flow, misconduct=["personal_account"], paid_to_person="yes")
    assert got[0] == "paid_report" and got[1] == "pay_official_only"
    assert "银行" in main_flow.items["paid_report"].text.get("zh-CN")


def test_paying_into_a_personal_account_is_stopped_at_once(main_flow: Flow) -> None:
    got = ids(main_flow, misconduct=["personal_account"])
    assert got[0] == "pay_official_only"


def test_a_different_amount_goes_to_alipay_not_the_collector_and_no_fee_alarm(
    main_flow: Flow,
) -> None:
    got = ids(main_flow, amount_checked="differs")
    assert "dispute_amount" in got and "fee_cap" not in got and "check_bill_in_app" not in got
    assert "问支付宝" in main_flow.items["dispute_amount"].text.get("zh-CN")


def test_high_charges_bring_the_fee_item(main_flow: Flow) -> None:
    got = ids(main_flow, amount_checked="fees_high")
    assert "fee_cap" in got and "dispute_amount" not in got


def test_an_unchecked_amount_asks_to_look_at_the_bill_in_the_app(main_flow: Flow) -> None:
    assert "check_bill_in_app" in ids(main_flow, amount_checked="not_checked")


def test_paying_in_full_gives_the_official_way_proof_and_the_credit_report(
    main_flow: Flow,
) -> None:
    got = ids(main_flow)
    assert {"pay_in_full", "credit_report"} <= set(got)
    assert not {"ask_installments", "make_a_plan", "beware_debt_agents"} & set(got)
    detail = main_flow.items["pay_in_full"].detail.get("zh-CN")
    assert "结清证明" in detail and "信用报告" in detail


def test_not_paying_in_full_gives_instalments_a_plan_and_a_warning_about_agents(
    main_flow: Flow,
) -> None:
    got = ids(main_flow, can_pay_full="no", hardship="none")
    assert {"ask_installments", "make_a_plan", "beware_debt_agents"} <= set(got)
    assert "pay_in_full" not in got and "explain_hardship" not in got


@pytest.mark.parametrize("cause", ["job_loss", "illness", "other"])
def test_a_hardship_is_explained_to_customer_service(main_flow: Flow, cause: str) -> None:
    assert "explain_hardship" in ids(main_flow, can_pay_full="no", hardship=cause)


@pytest.mark.parametrize("who", ["emergency_contact", "family", "friends_colleagues"])
def test_contacted_relatives_learn_today_what_they_owe_and_may_be_told(
    main_flow: Flow, who: str
) -> None:
    got = ids(main_flow, others_contacted=[who])
    assert {"contacts_limits", "keep_evidence"} <= set(got)
    assert main_flow.items["contacts_limits"].urgency == "today"
    detail = main_flow.items["contacts_limits"].detail.get("zh-CN")
    assert "配偶" in detail and "担保人" in detail


def test_a_contacted_co_borrower_means_planning_together_today(main_flow: Flow) -> None:
    got = ids(main_flow, others_contacted=["co_borrower"])
    assert "co_borrower_talk" in got and "contacts_limits" not in got
    item = main_flow.items["co_borrower_talk"]
    assert item.urgency == "today" and "R23" in {s.reference for s in item.sources}


def test_any_misconduct_means_keeping_evidence_and_complaining(main_flow: Flow) -> None:
    for act in main_flow.questions["misconduct"].codes:
        got = ids(main_flow, misconduct=[act])
        assert {"keep_evidence", "report_12378"} <= set(got), act


def test_every_checklist_is_ordered_by_urgency(
    main_flow: Flow, widest: list[dict[str, Answer]]
) -> None:
    """A checklist is a fixed order of all items, filtered: ordered on the widest paths,
    of which every path's items are a part, it is ordered on every path."""
    for answers in widest:
        ranks = [URGENCIES.index(i.urgency) for i in engine.checklist(main_flow, answers).items]
        assert ranks == sorted(ranks)


def test_every_item_is_reachable_on_some_path(
    main_flow: Flow, widest: list[dict[str, Answer]]
) -> None:
    seen: set[str] = set()
    for answers in widest:
        seen.update(i.id for i in engine.checklist(main_flow, answers).items)
    assert seen == set(main_flow.items)


def test_every_document_is_cited(main_flow: Flow, catalog: Catalog) -> None:
    cited = {s.document for item in main_flow.items.values() for s in item.sources if s.document}
    assert cited == set(catalog.documents)


def test_every_item_has_a_source(main_flow: Flow) -> None:
    assert all(item.sources for item in main_flow.items.values())


def test_every_reference_is_in_the_catalogue_and_marked_high_or_medium(
    main_flow: Flow, catalog: Catalog
) -> None:
    for item in main_flow.items.values():
        for source in item.sources:
            if source.reference is not None:
                assert catalog.references[source.reference].confidence in ("H", "M")


def test_every_quote_has_at_least_six_characters(main_flow: Flow) -> None:
    for item in main_flow.items.values():
        for source in item.sources:
            if source.quote is not None:
                assert len(re.sub(r"\s", "", source.quote)) >= 6, item.id


@needs_seeds
def test_every_quote_stands_verbatim_in_its_document(main_flow: Flow) -> None:
    for item in main_flow.items.values():
        for source in item.sources:
            if source.document is not None and source.quote is not None:
                body = re.sub(r"\s", "", (SEEDS / source.document).read_text("utf-8"))
                assert re.sub(r"\s", "", source.quote) in body, (item.id, source.quote)


def test_item_texts_are_short_and_quotes_stay_out_of_them(main_flow: Flow) -> None:
    quotes = {s.quote for item in main_flow.items.values() for s in item.sources if s.quote}
    for item in main_flow.items.values():
        assert len(item.text.get("zh-CN")) <= 30, item.id
        assert not any(
            q in item.text.get("zh-CN") or q in item.detail.get("zh-CN") for q in quotes
        ), item.id


def test_every_string_has_chinese_and_english(main_flow: Flow) -> None:
    texts = [main_flow.title]
    for question in main_flow.questions.values():
        texts += [question.prompt, *(o.label for o in question.options)]
    for item in main_flow.items.values():
        texts += [item.text, item.detail]
    assert all(t.by_lang.get("zh-CN") and t.by_lang.get("en") for t in texts)


def test_the_36_percent_remark_of_document_000_is_corrected(main_flow: Flow) -> None:
    item = main_flow.items["fee_cap"]
    assert {s.reference for s in item.sources} >= {"R31", "R32"}
    assert any(
        s.document == "000_e7ca3ee93b5e22fe.txt" and "36%" in (s.quote or "") for s in item.sources
    )
    assert "36%" in item.detail.get("zh-CN") and "2015" in item.detail.get("zh-CN")


def test_document_003_on_contacts_is_corrected_by_the_rules_on_what_they_may_be_told(
    main_flow: Flow,
) -> None:
    item = main_flow.items["contacts_limits"]
    assert any(s.document == "003_ad2b9378eca5f89c.txt" for s in item.sources)
    assert "R05" in {s.reference for s in item.sources}
    assert "003" in item.detail.get("zh-CN")


def test_new_questions_have_defaults_so_old_answer_files_run(main_flow: Flow) -> None:
    contract = {"visitor_arrived", "feel_safe", "credentials_shown", "misconduct"}
    contract |= {"others_contacted", "amount_checked", "can_pay_full", "hardship"}
    for question in main_flow.questions.values():
        if question.id not in contract:
            assert question.default is not None, question.id
    answers = {**CALM, "misconduct": ("fake_authority", "personal_account")}
    filled = engine.complete(main_flow, answers)
    assert filled["authority_claimed"] == "official" and filled["paid_to_person"] == "no"


def test_enter_alone_at_the_door_takes_the_careful_answer(main_flow: Flow) -> None:
    """Someone frightened at the door presses Enter: the first option (what Enter picks)
    is the one whose mistake costs least: unsafe, no papers seen, no money paid."""
    first = {q: main_flow.questions[q].options[0].code for q in ("feel_safe", "credentials_shown")}
    assert first == {"feel_safe": "no", "credentials_shown": "none"}
    assert main_flow.questions["paid_to_person"].options[0].code == "no"
    got = ids(main_flow, visitor_arrived="now", feel_safe="no", credentials_shown="none")
    assert got[:2] == ["safety_110", "door_closed"] and "check_credentials" in got
