"""The menu after the checklist offers each tool on the paths that need it."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest

from overdue_guide.errors import Interrupted
from overdue_guide.fees import FEE_ITEMS
from overdue_guide.flow.model import Flow
from overdue_guide.session import menu as nextsteps

RESULT = SimpleNamespace(rates=SimpleNamespace(nominal_irr=Decimal("15.8612")))


def menus(
    flow: Flow,
    item: str,
    replies: list[str],
    pointed: list[str | None] | None = None,
    drafts: object = None,
) -> tuple[list[list[str]], dict[str, str]]:
    """The menus shown for a checklist of one item (with `drafts`, the words and letters
    too; never "save": an output file was given), answering with `replies`; where the
    cursor was each time goes to `pointed`."""
    view = SimpleNamespace(groups=[SimpleNamespace(lines=[SimpleNamespace(id=item)])])
    context = nextsteps.Context("en", flow, {}, view, {}, None, drafts, file_given=True)  # type: ignore[arg-type]
    offered: list[list[str]] = []
    answers = iter(replies)

    def choose(choices: list[tuple[str, str]], point: str | None) -> str | None:
        offered.append([key for _, key in choices])
        if pointed is not None:
            pointed.append(point)
        return next(answers)

    nextsteps.run(context, choose)
    return offered, context.details


@pytest.mark.parametrize("item", sorted(FEE_ITEMS))
def test_the_fee_check_is_offered_where_the_advice_turns_on_the_cost(
    main_flow: Flow, item: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import overdue_guide.fees as fees

    monkeypatch.setattr(fees, "interactive", lambda lang, leave: RESULT)
    offered, _ = menus(main_flow, item, ["fees", "done"])
    assert "fees" in offered[0]


def test_the_fee_check_is_not_offered_when_the_cost_is_not_in_question(main_flow: Flow) -> None:
    offered, _ = menus(main_flow, "pay_in_full", ["done"])
    assert "fees" not in offered[0]


def test_the_fee_checks_annual_rate_becomes_a_detail_for_the_letter(
    main_flow: Flow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import overdue_guide.fees as fees

    monkeypatch.setattr(fees, "interactive", lambda lang, leave: RESULT)
    _, details = menus(main_flow, "fee_cap", ["fees", "done"])
    assert details["annual_rate"] == "15.86"


def test_ctrl_c_in_an_actions_form_ends_the_program_not_just_the_form(
    main_flow: Flow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import overdue_guide.fees as fees

    def stopped(lang: str, leave: bool) -> None:
        raise Interrupted("Stopped.")

    monkeypatch.setattr(fees, "interactive", stopped)
    with pytest.raises(Interrupted):
        menus(main_flow, "fee_cap", ["fees", "done"])


def test_back_at_the_fee_checks_first_question_returns_to_the_menu_with_no_rate(
    main_flow: Flow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import overdue_guide.fees as fees

    opened: list[bool] = []

    def went_back(lang: str, leave: bool) -> None:
        opened.append(leave)

    monkeypatch.setattr(fees, "interactive", went_back)
    offered, details = menus(main_flow, "fee_cap", ["fees", "done"])
    assert opened == [True]
    assert len(offered) == 2
    assert "annual_rate" not in details


def test_after_each_action_the_cursor_moves_on_and_reaches_done(
    main_flow: Flow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import overdue_guide.drafts.interview as drafts

    monkeypatch.setattr(drafts, "make", lambda context: None)  # none chosen
    pointed: list[str | None] = []
    offered, _ = menus(main_flow, "pay_in_full", ["drafts", "drafts", "done"], pointed, object())
    assert offered[0] == ["drafts", "done"]
    assert pointed == [None, "done", "done"]  # the first entry at first, then the next one


def test_enter_alone_never_reaches_the_evidence_log_or_the_fee_check(
    main_flow: Flow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import overdue_guide.evidence as evidence
    import overdue_guide.fees as fees

    monkeypatch.setattr(fees, "interactive", lambda lang, leave: None)
    monkeypatch.setattr(evidence, "interactive_add", lambda lang, leave: None)
    for item in ("fee_cap", "keep_evidence"):
        pointed: list[str | None] = []
        offered, _ = menus(
            main_flow, item, ["fees" if item == "fee_cap" else "log", "done"], pointed
        )
        assert ("fees" if item == "fee_cap" else "log") in offered[0]
        assert pointed == [None, "done"]


@pytest.mark.parametrize(
    ("key", "expected"),
    [("drafts", "save"), ("save", "done"), ("log", "done"), ("fees", "done"), ("gone", "done")],
)
def test_the_entry_after_an_action_is_the_next_one_enter_may_reach(key: str, expected: str) -> None:
    assert nextsteps.after(key, nextsteps.ACTIONS) == expected
