"""The condition evaluator: declarative tests over answers, never eval."""

from __future__ import annotations

from overdue_guide.flow.conditions import evaluate
from overdue_guide.flow.model import NOWHERE, AllOf, Answered, AnyOf, Includes, Is, Not

ANSWERS = {"visitor": "now", "misconduct": ("threats", "insults")}


def test_is_holds_for_one_of_its_codes() -> None:
    assert evaluate(Is("visitor", ("earlier", "now"), NOWHERE), ANSWERS)
    assert not evaluate(Is("visitor", ("no",), NOWHERE), ANSWERS)


def test_a_test_on_an_unanswered_question_is_false() -> None:
    assert not evaluate(Is("feel_safe", ("no",), NOWHERE), ANSWERS)
    assert not evaluate(Includes("others", ("family",), False, NOWHERE), ANSWERS)


def test_includes_any_and_includes_all() -> None:
    assert evaluate(Includes("misconduct", ("violence", "threats"), False, NOWHERE), ANSWERS)
    assert not evaluate(Includes("misconduct", ("violence", "threats"), True, NOWHERE), ANSWERS)
    assert evaluate(Includes("misconduct", ("threats", "insults"), True, NOWHERE), ANSWERS)


def test_answered_all_any_not_combine() -> None:
    yes, no = Answered("visitor", NOWHERE), Answered("hardship", NOWHERE)
    assert evaluate(AllOf((yes, Not(no, NOWHERE)), NOWHERE), ANSWERS)
    assert evaluate(AnyOf((no, yes), NOWHERE), ANSWERS)
    assert not evaluate(AllOf((yes, no), NOWHERE), ANSWERS)
