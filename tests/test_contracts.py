"""The JSON contract built in-process (the library call): shape, order, sources and marks."""

from __future__ import annotations

from typing import Any

import pytest

from overdue_guide.flow.model import Catalog, Flow
from overdue_guide.interview import engine
from overdue_guide.output import report

CALM = {
    "visitor_arrived": "no",
    "user_role": "borrower",
    "court_notice": "none",
    "misconduct": (),
    "others_contacted": (),
    "amount_checked": "matches",
    "can_pay_full": "yes",
    "debt_agent": "none",
}
SERVICE = "支付宝官方客服 95188，或支付宝 App →“我的客服”"


@pytest.fixture
def calm(main_flow: Flow, catalog: Catalog) -> tuple[report.Report, dict[str, Any]]:
    checklist = engine.checklist(main_flow, CALM)
    view = report.build(checklist, catalog, "en")
    return view, report.contract(view, checklist, catalog)


def test_the_contract_names_the_flow_language_and_answers_as_plain_lists(
    calm: tuple[report.Report, dict[str, Any]],
) -> None:
    document = calm[1]
    assert list(document) == ["flow", "lang", "answers", "checklist"]
    assert (document["flow"], document["lang"]) == ("main", "en")
    assert document["answers"] == {**CALM, "misconduct": [], "others_contacted": []}


def test_the_first_item_of_a_calm_path_reads_in_full(
    calm: tuple[report.Report, dict[str, Any]],
) -> None:
    first = calm[1]["checklist"][0]
    assert first["id"] == "pay_in_full" and first["urgency"] == "today"
    assert first["text"] == "Once the amount is checked, pay it all in the Alipay app"
    assert first["detail"].startswith("Make sure your balance is enough, and pay only in the app.")
    assert first["sources"][0] == {
        "document": "002_9359cfa0df809533.txt",
        "quote": "假如使用者有足够的还款能力,应尽快将逾期欠款一次性全部还清",
    }
    assert first["sources"][3] == {
        "reference": SERVICE,
        "confidence": "M",
        "gloss": 'Alipay customer service: 95188, or "My customer service" in the Alipay app',
    }


def test_a_source_cited_twice_has_one_number(calm: tuple[report.Report, dict[str, Any]]) -> None:
    view = calm[0]
    assert [line.refs for line in view.lines[:2]] == [(1, 2, 3, 4, 5), (4, 6, 7)]
    assert [note.number for note in view.sources] == list(range(1, 15))


def test_a_quote_from_a_comment_the_checklist_corrects_carries_both_marks(
    main_flow: Flow, catalog: Catalog
) -> None:
    (quoted,) = [s for s in main_flow.items["fee_cap"].sources if s.document]
    found = report.contract_source(quoted, catalog, "zh-CN")
    assert set(found) == {"document", "quote", "comment", "corrected"}
    assert (found["document"], found["comment"], found["corrected"]) == (
        "000_e7ca3ee93b5e22fe.txt",
        True,
        True,
    )


def test_a_reference_in_zh_tw_is_converted_and_has_no_gloss(
    main_flow: Flow, catalog: Catalog
) -> None:
    sources = main_flow.items["pay_in_full"].sources
    (service,) = [
        s for s in sources if s.reference and "95188" in catalog.references[s.reference].cite
    ]
    assert report.contract_source(service, catalog, "zh-TW") == {
        "reference": "支付寶官方客服 95188，或支付寶 App →“我的客服”",
        "confidence": "M",
    }
