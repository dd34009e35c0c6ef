"""A form's text fields, as the README says: `<` alone goes back one question, `\\<` alone is a
literal `<` — in the details of the words and letters, the file name to save to and the
evidence log."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console

from overdue_guide.drafts.interview import make
from overdue_guide.evidence import form
from overdue_guide.flow.model import Catalog, Flow
from overdue_guide.interview import engine
from overdue_guide.interview.loop import Nav
from overdue_guide.output import report
from overdue_guide.session.menu import Context
from overdue_guide.terminal import plainprompts, prompts

from .test_drafts_fromlog import drafts_of
from .test_plainprompts import replies


def test_lt_alone_is_back_and_a_backslash_before_it_is_the_character() -> None:
    assert plainprompts.field_value("<") is Nav.BACK
    assert plainprompts.field_value("\\<") == "<"
    assert plainprompts.field_value("<b>") == "<b>"
    assert plainprompts.field_default("<") == "\\<"  # Enter on a "<" kept keeps it


def test_going_back_is_never_refused_and_the_literal_is_checked_as_typed() -> None:
    seen: list[str] = []

    def refuse(value: str) -> str:
        seen.append(value)
        return "no"

    check = plainprompts.field_check(refuse)
    assert (check("<"), check(" \\< "), check("x")) == (None, "no", "no")
    assert seen == ["<", "x"]


def test_lt_at_the_file_name_asks_the_format_again() -> None:
    said, read = replies("2", "<", "4", "")
    assert plainprompts.offer_save("en", "2026-01-01", read, said.append) == Path(
        "overdue-checklist-2026-01-01.txt"
    )
    assert sum(line.startswith("Save this checklist") for line in said) == 2


Asked = list[tuple[str, str]]


def fake_fields(monkeypatch: pytest.MonkeyPatch, typed: list[str]) -> tuple[Asked, list[list[str]]]:
    """Text fields answered from `typed` (None: Enter, keeping what is in the field) and the
    choice of drafts answered with the complaint; what each asked, and what was ticked."""
    asked: Asked = []
    ticked: list[list[str]] = []

    def ask_text(label: str, default: str, check: Callable[[str], str | None], *_: object) -> str:
        asked.append((label, default))
        reply = typed.pop(0) if typed else ""
        assert check(reply) is None
        return reply or default

    def ask_many(title: str, choices: object, chosen: list[str], *_: object) -> list[str]:
        ticked.append(list(chosen))
        return ["complaint"]

    monkeypatch.setattr(prompts, "ask_text", ask_text)
    monkeypatch.setattr(prompts, "ask_many", ask_many)
    return asked, ticked


def complaint_context(flow: Flow, catalog: Catalog) -> tuple[Context, io.StringIO]:
    """A checklist with a complaint to make; where its screen writes."""
    answers = engine.complete(
        flow,
        {
            "visitor_arrived": "no",
            "misconduct": ("threats",),
            "others_contacted": (),
            "amount_checked": "matches",
            "can_pay_full": "yes",
        },
    )
    view = report.build(engine.checklist(flow, answers), catalog, "zh-CN")
    shown = io.StringIO()
    screen = Console(file=shown, width=100)
    return Context("zh-CN", flow, answers, view, {}, screen, drafts_of()), shown


def test_lt_at_the_first_detail_asks_again_which_drafts_with_the_same_ticked(
    monkeypatch: pytest.MonkeyPatch, main_flow: Flow, catalog: Catalog
) -> None:
    asked, ticked = fake_fields(monkeypatch, ["<", "王五"])
    context, _ = complaint_context(main_flow, catalog)
    make(context)
    assert ticked == [[], ["complaint"]]
    assert [label for label, _ in asked[:2]] == ["你的姓名", "你的姓名"]
    assert context.details["name"] == "王五"


def test_lt_at_a_later_detail_goes_back_one_with_its_answer_kept(
    monkeypatch: pytest.MonkeyPatch, main_flow: Flow, catalog: Catalog
) -> None:
    asked, _ = fake_fields(monkeypatch, ["\\<", "<", "", "138"])
    context, shown = complaint_context(main_flow, catalog)
    make(context)
    assert [label for label, _ in asked[:4]] == ["你的姓名", "你的手机号", "你的姓名", "你的手机号"]
    assert asked[2] == ("你的姓名", "\\<")  # the literal "<" typed before, shown as typed
    assert (context.details["name"], context.details["phone"]) == ("<", "138")
    assert "投诉人：<" in shown.getvalue()


def test_a_backslash_lt_in_the_evidence_form_is_stored_as_lt(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    typed = ["2026-11-20 22:30", "\\<"]
    monkeypatch.setattr(prompts, "ask_text", lambda *_: typed.pop(0))
    choices = {"Channel": "call", "Direction": "in", "Save this entry?": "save"}
    monkeypatch.setattr(prompts, "ask_choice", lambda title, *_: choices[title])
    monkeypatch.setattr(prompts, "ask_many", lambda *_, **__: [])
    monkeypatch.setattr(prompts, "show", lambda *_, **__: None)
    entry = form.entry_form("en", None, "Asia/Shanghai")
    assert entry is not None
    assert entry.number == "<"
