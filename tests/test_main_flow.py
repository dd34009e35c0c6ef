"""The advice itself: what the main flow gives for the situations the documents describe."""

from __future__ import annotations

import re

import pytest

from overdue_guide import engine
from overdue_guide.model import URGENCIES, Catalog, Flow

from .helpers import SEEDS, all_paths

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
    return [item.id for item in engine.checklist(flow, engine.on_path(flow, checked)).items]


def test_a_visitor_at_the_door_and_not_feeling_safe_puts_110_first(main_flow: Flow) -> None:
    got = ids(main_flow, visitor_arrived="now", feel_safe="no", credentials_shown="none")
    assert got[0] == "safety_110"
    assert main_flow.items["safety_110"].urgency == "now"


@pytest.mark.parametrize("act", ["threats", "violence"])
@pytest.mark.parametrize("visitor", ["now", "earlier", "announced", "no"])
def test_threats_or_violence_put_110_first_wherever_they_happened(
    main_flow: Flow, act: str, visitor: str
) -> None:
    extra = {"feel_safe": "yes", "credentials_shown": "both"} if visitor == "now" else {}
    if visitor == "earlier":
        extra = {"credentials_shown": "both"}
    assert ids(main_flow, visitor_arrived=visitor, misconduct=[act], **extra)[0] == "safety_110"


def test_a_calm_situation_gives_no_call_to_110(main_flow: Flow) -> None:
    assert "safety_110" not in ids(main_flow)


def test_credentials_not_shown_at_the_door_means_checking_them_before_anything_else(
    main_flow: Flow,
) -> None:
    got = ids(main_flow, visitor_arrived="now", feel_safe="yes", credentials_shown="id_only")
    assert got[0] == "check_credentials"
    assert "note_visitor" not in got


def test_a_past_visitor_without_credentials_is_checked_with_95188(main_flow: Flow) -> None:
    got = ids(main_flow, visitor_arrived="earlier", credentials_shown="none")
    assert "verify_with_95188" in got and "keep_evidence" in got


def test_paying_into_a_personal_account_is_stopped_at_once(main_flow: Flow) -> None:
    got = ids(main_flow, misconduct=["personal_account"])
    assert got[0] == "pay_official_only"


def test_a_different_amount_asks_for_the_calculation_and_a_check_of_the_fees(
    main_flow: Flow,
) -> None:
    got = ids(main_flow, amount_checked="differs")
    assert {"dispute_amount", "fee_cap"} <= set(got)
    assert "check_bill_in_app" not in got


def test_an_unchecked_amount_asks_to_look_at_the_bill_in_the_app(main_flow: Flow) -> None:
    assert "check_bill_in_app" in ids(main_flow, amount_checked="not_checked")


def test_paying_in_full_gives_the_official_way_and_no_instalment_advice(main_flow: Flow) -> None:
    got = ids(main_flow)
    assert "pay_in_full" in got
    assert not {"ask_installments", "make_a_plan", "beware_debt_agents"} & set(got)


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
def test_contacted_relatives_and_friends_learn_what_collectors_may_not_do(
    main_flow: Flow, who: str
) -> None:
    assert "contacts_limits" in ids(main_flow, others_contacted=[who])


def test_a_contacted_co_borrower_means_planning_together(main_flow: Flow) -> None:
    got = ids(main_flow, others_contacted=["co_borrower"])
    assert "co_borrower_talk" in got and "contacts_limits" not in got


def test_any_misconduct_means_keeping_evidence_and_complaining(main_flow: Flow) -> None:
    for act in main_flow.questions["misconduct"].codes:
        got = ids(main_flow, misconduct=[act])
        assert {"keep_evidence", "report_12378"} <= set(got), act


def test_every_checklist_is_ordered_by_urgency(main_flow: Flow) -> None:
    for answers in all_paths(main_flow, subsets=False):
        ranks = [URGENCIES.index(i.urgency) for i in engine.checklist(main_flow, answers).items]
        assert ranks == sorted(ranks)


def test_every_item_is_reachable_on_some_path(main_flow: Flow) -> None:
    seen: set[str] = set()
    for answers in all_paths(main_flow, subsets=False):
        seen.update(i.id for i in engine.checklist(main_flow, answers).items)
    assert seen == set(main_flow.items)


def test_no_path_gives_more_than_20_items_or_none(main_flow: Flow) -> None:
    sizes = [len(engine.checklist(main_flow, a).items) for a in all_paths(main_flow, subsets=False)]
    assert min(sizes) >= 1 and max(sizes) <= 20


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


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the source documents are not beside this checkout")
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
