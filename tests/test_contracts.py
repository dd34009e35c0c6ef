"""The JSON contract built in-process (the library call): shape, order, sources and marks."""

from __future__ import annotations

from typing import Any

import pytest

from overdue_guide.flow.model import Catalog, Flow
from overdue_guide.interview import engine
from overdue_guide.output import report

from .helpers import CALM_PATH as CALM

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


DOC_002 = "《支付宝花呗借呗逾期怎么样应对上门》"


@pytest.mark.parametrize(
    ("lang", "labels"),
    [
        (
            "en",
            [
                f"Document 002 {DOC_002}",
                'Alipay customer service: 95188, or "My customer service" in the Alipay app: '
                f"{SERVICE} (reported)",
                "Regulations on the Administration of the Credit Reporting Industry, arts. 17 and 25:"
                " 《征信业管理条例》第17条、第25条",
                "Document 000 《支付宝逾期还款上门规定》",
            ],
        ),
        (
            "zh-CN",
            [
                f"文章 002 {DOC_002}",
                f"{SERVICE}（据报道）",
                "《征信业管理条例》第17条、第25条",
                "文章 000 《支付宝逾期还款上门规定》",
            ],
        ),
        (
            "zh-TW",
            [
                f"文章 002 {DOC_002}",
                "支付寶官方客服 95188，或支付寶 App →“我的客服”（據報道）",
                "《徵信業管理條例》第17條、第25條",
                "文章 000 《支付宝逾期还款上门规定》",
            ],
        ),
    ],
)
def test_sources_are_labelled_by_document_or_reference_and_m_facts_as_reported(
    main_flow: Flow, catalog: Catalog, lang: str, labels: list[str]
) -> None:
    view = report.build(engine.checklist(main_flow, CALM), catalog, lang)
    assert [note.label for note in view.sources[2:6]] == labels


@pytest.mark.parametrize(
    ("item", "lang", "label"),
    [
        (
            "fee_cap",
            "en",
            "Document 000 《支付宝逾期还款上门规定》, a reader comment (wrong or dated: corrected above)",
        ),
        (
            "fee_cap",
            "zh-CN",
            "文章 000 《支付宝逾期还款上门规定》的读者评论（说法有误或过时，清单已更正）",
        ),
        (
            "contacts_limits",
            "zh-CN",
            "文章 003 《支付寶逾期會聯系哪些人》（说法有误或过时，清单已更正）",
        ),
    ],
)
def test_a_comment_and_a_corrected_claim_say_so_in_their_label(
    main_flow: Flow, catalog: Catalog, item: str, lang: str, label: str
) -> None:
    alone = engine.Checklist(main_flow, {}, (main_flow.items[item],))
    notes = report.build(alone, catalog, lang).sources
    assert [n.label for n in notes if n.contract.get("document")] == [label]


def test_a_draft_in_the_contract_has_its_fields_in_order_and_a_translation_only_if_any() -> None:
    letter = report.Rendered("complaint", "letter", "投诉信", "投诉书", None, ("tip",), ("a", "b"))
    assert letter.contract() == {
        "id": "complaint",
        "kind": "letter",
        "title": "投诉信",
        "text": "投诉书",
        "items": ["a", "b"],
        "notes": ["tip"],
    }
    translated = report.Rendered("call", "script", "T", "话", "words", (), ())
    assert list(translated.contract()) == [
        "id",
        "kind",
        "title",
        "text",
        "items",
        "translation",
        "notes",
    ]
    assert translated.contract()["translation"] == "words"


def test_the_view_groups_lines_by_urgency_under_their_headings(
    calm: tuple[report.Report, dict[str, Any]],
) -> None:
    view = calm[0]
    assert [(g.urgency, g.heading) for g in view.groups] == [
        ("today", "Today"),
        ("this_week", "This week"),
        ("later", "Later"),
    ]
    assert view.title == "Huabei / Jiebei overdue: what to do now"
    assert view.footer.startswith("This is general information, not legal advice.")
    assert view.sources[0].quote == "假如使用者有足够的还款能力,应尽快将逾期欠款一次性全部还清"
