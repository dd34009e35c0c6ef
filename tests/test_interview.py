"""The interview loop, driven by scripted replies instead of a terminal."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from overdue_guide.flow.model import Flow, Text
from overdue_guide.interview import loop as interview
from overdue_guide.interview.loop import Nav, Prompt


class Replies:
    """An `ask` that gives the next scripted reply and records every prompt."""

    def __init__(self, replies: Iterable[object]) -> None:
        self.replies = list(replies)
        self.prompts: list[Prompt] = []

    def __call__(self, prompt: Prompt) -> object:
        self.prompts.append(prompt)
        if not self.replies:
            raise RepliesRanOut(prompt.question.id)
        return self.replies.pop(0)


class RepliesRanOut(Exception):
    """The script had no reply for this question (its id is the message)."""


CALM = ["no", "borrower", "none", [], [], "matches", "yes", "none"]


def test_a_run_returns_the_answers_on_the_path_taken(main_flow: Flow) -> None:
    answers = interview.run(main_flow, Replies(CALM))
    assert answers == {
        "visitor_arrived": "no",
        "user_role": "borrower",
        "court_notice": "none",
        "misconduct": (),
        "others_contacted": (),
        "amount_checked": "matches",
        "can_pay_full": "yes",
        "debt_agent": "none",
    }


def test_steps_are_numbered_and_back_is_offered_after_the_first(main_flow: Flow) -> None:
    ask = Replies(CALM)
    interview.run(main_flow, ask)
    assert [p.step for p in ask.prompts] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert [p.can_go_back for p in ask.prompts] == [False] + [True] * 7


def test_back_re_asks_the_previous_question_with_its_answer_preselected(main_flow: Flow) -> None:
    ask = Replies(["no", Nav.BACK, "announced", "borrower", "home", "later", *CALM[2:]])
    answers = interview.run(main_flow, ask)
    assert ask.prompts[2].question.id == "visitor_arrived"
    assert ask.prompts[2].default == "no"
    assert answers["visitor_arrived"] == "announced"


def test_going_back_and_taking_another_branch_drops_the_abandoned_answers(main_flow: Flow) -> None:
    ask = Replies(["now", "borrower", "no", Nav.BACK, Nav.BACK, Nav.BACK, "no", *CALM[1:]])
    answers = interview.run(main_flow, ask)
    assert "feel_safe" not in answers
    assert answers["visitor_arrived"] == "no"


def test_back_at_the_first_question_stays_there(main_flow: Flow) -> None:
    ask = Replies([Nav.BACK, *CALM])
    interview.run(main_flow, ask)
    assert ask.prompts[1].question.id == "visitor_arrived"


def test_an_option_with_an_alert_shows_it_at_once(main_flow: Flow) -> None:
    shown: list[Text] = []
    ask = Replies(["now", "borrower", "no"])
    with pytest.raises(RepliesRanOut, match=r"^visit_place$"):  # the script ends after the alert
        interview.run(main_flow, ask, alert=shown.append)
    assert [("别让人进门" in t.get("zh-CN"), "110" in t.get("zh-CN")) for t in shown] == [
        (True, False),
        (False, True),
    ]


def test_progress_is_reported_after_every_answer(main_flow: Flow) -> None:
    saved: list[dict[str, object]] = []
    interview.run(main_flow, Replies(CALM), saved=lambda answers: saved.append(dict(answers)))
    assert [len(s) for s in saved] == [1, 2, 3, 4, 5, 6, 7, 8]
