"""The review before the checklist: change any answer, keep what still applies. No terminal."""

from __future__ import annotations

from collections.abc import Iterable

from overdue_guide.flow.model import Flow, Text
from overdue_guide.interview import engine
from overdue_guide.interview import loop as interview
from overdue_guide.interview.loop import Given, Nav, Prompt

from .helpers import CALM_PATH

CALM = ["no", "borrower", "none", [], [], "matches", "yes", "none"]
#: Someone at the home door now, who feels safe and saw both papers; otherwise calm.
DOOR = ["now", "borrower", "yes", "home", "both", "none", [], "no", [], "matches", "yes", "none"]


class Script:
    """Scripted replies to the questions and to the reviews, recording what each was shown."""

    def __init__(self, replies: Iterable[object], choices: Iterable[object]) -> None:
        self.replies = list(replies)
        self.choices = list(choices)
        self.prompts: list[Prompt] = []
        self.reviews: list[tuple[Given, ...]] = []

    def ask(self, prompt: Prompt) -> object:
        self.prompts.append(prompt)
        return self.replies.pop(0)

    def review(self, shown: tuple[Given, ...]) -> object:
        self.reviews.append(shown)
        return self.choices.pop(0)


def run(flow: Flow, script: Script, **kwargs: object) -> dict[str, object]:
    return dict(interview.run(flow, script.ask, review=script.review, **kwargs))  # type: ignore[arg-type]


def test_the_review_shows_every_answer_on_the_path_in_the_order_asked(main_flow: Flow) -> None:
    script = Script(CALM, [Nav.DONE])
    assert run(main_flow, script) == CALM_PATH
    (shown,) = script.reviews
    assert [(g.step, g.question.id, g.answer) for g in shown] == [
        (number, qid, answer) for number, (qid, answer) in enumerate(CALM_PATH.items(), 1)
    ]


def test_accepting_the_review_at_once_asks_nothing_more(main_flow: Flow) -> None:
    script = Script(CALM, [Nav.DONE])
    run(main_flow, script)
    assert len(script.prompts) == len(CALM)


def test_changing_an_answer_re_asks_it_with_the_answer_preselected(main_flow: Flow) -> None:
    script = Script([*CALM, "not_checked"], ["amount_checked", Nav.DONE])
    answers = run(main_flow, script)
    again = script.prompts[len(CALM)]
    assert again.question.id == "amount_checked"
    assert again.default == "matches" and again.step == 6 and again.can_go_back
    assert answers == {**CALM_PATH, "amount_checked": "not_checked"}
    assert len(script.reviews) == 2


def test_a_change_that_reaches_new_questions_asks_them_and_keeps_the_rest(
    main_flow: Flow,
) -> None:
    script = Script([*CALM, "now", "yes", "home", "both", "no"], ["visitor_arrived", Nav.DONE])
    answers = run(main_flow, script)
    asked = [p.question.id for p in script.prompts[len(CALM) :]]
    assert asked == [
        "visitor_arrived", "feel_safe", "visit_place", "credentials_shown", "paid_to_person"
    ]  # fmt: skip
    assert answers == {**CALM_PATH, "visitor_arrived": "now", "feel_safe": "yes",
                       "visit_place": "home", "credentials_shown": "both",
                       "paid_to_person": "no"}  # fmt: skip


def test_a_change_that_leaves_a_branch_drops_its_answers(main_flow: Flow) -> None:
    script = Script([*DOOR, "announced", "later"], ["visitor_arrived", Nav.DONE])
    answers = run(main_flow, script)
    assert "feel_safe" not in answers and "credentials_shown" not in answers
    assert answers == {**CALM_PATH, "visitor_arrived": "announced", "visit_place": "home",
                       "visit_when": "later"}  # fmt: skip
    assert [g.question.id for g in script.reviews[-1]][:5] == [
        "visitor_arrived", "user_role", "visit_place", "visit_when", "court_notice"
    ]  # fmt: skip


def test_a_branch_left_and_taken_again_is_asked_again_not_remembered(main_flow: Flow) -> None:
    again = ["yes", "home", "both", "no"]
    script = Script([*DOOR, "no", "now", *again], ["visitor_arrived"] * 2 + [Nav.DONE])
    answers = run(main_flow, script)
    assert [p.question.id for p in script.prompts[-4:]] == [
        "feel_safe", "visit_place", "credentials_shown", "paid_to_person"
    ]  # fmt: skip
    assert script.prompts[-4].default is None
    assert answers["feel_safe"] == "yes" and answers["credentials_shown"] == "both"


def test_back_while_changing_an_answer_returns_to_the_review_unchanged(main_flow: Flow) -> None:
    script = Script([*CALM, Nav.BACK], ["can_pay_full", Nav.DONE])
    assert run(main_flow, script) == CALM_PATH
    assert len(script.reviews) == 2


def test_back_at_the_review_re_asks_the_last_question(main_flow: Flow) -> None:
    script = Script([*CALM, "contacted"], [Nav.BACK, Nav.DONE])
    answers = run(main_flow, script)
    assert script.prompts[len(CALM)].question.id == "debt_agent"
    assert answers == {**CALM_PATH, "debt_agent": "contacted"}


def test_back_still_works_on_a_question_newly_reached_after_a_change(main_flow: Flow) -> None:
    script = Script([*CALM, "no", Nav.BACK, "yes"], ["can_pay_full", Nav.DONE])
    answers = run(main_flow, script)
    assert [p.question.id for p in script.prompts[len(CALM) :]] == [
        "can_pay_full",
        "can_pay_some",
        "can_pay_full",
    ]
    assert script.prompts[-1].default == "no"
    assert answers == CALM_PATH


def test_a_change_shows_the_alert_of_the_new_answer(main_flow: Flow) -> None:
    shown: list[Text] = []
    script = Script([*CALM, "now", "no", "home", "none", "no"], ["visitor_arrived", Nav.DONE])
    run(main_flow, script, alert=shown.append)
    assert ["110" in t.get("zh-CN") for t in shown] == [False, True]  # the door, then 110
    assert "别让人进门" in shown[0].get("zh-CN")


def test_a_change_is_saved_as_progress(main_flow: Flow) -> None:
    saved: list[dict[str, object]] = []
    script = Script([*CALM, "differs"], ["amount_checked", Nav.DONE])
    run(main_flow, script, saved=lambda answers: saved.append(dict(answers)))
    assert saved[-1] == {**CALM_PATH, "amount_checked": "differs"}


def test_resuming_finished_answers_goes_straight_to_the_review(main_flow: Flow) -> None:
    script = Script([], [Nav.DONE])
    assert run(main_flow, script, answers=dict(CALM_PATH)) == CALM_PATH
    assert not script.prompts and len(script.reviews) == 1


def test_without_a_review_the_answers_are_returned_as_soon_as_the_flow_ends(
    main_flow: Flow,
) -> None:
    replies = list(CALM)
    answers = interview.run(main_flow, lambda _: replies.pop(0))
    assert answers == CALM_PATH


def test_revise_keeps_answers_beyond_a_newly_reached_question(main_flow: Flow) -> None:
    revised = engine.revise(main_flow, CALM_PATH, "visitor_arrived", "now")
    assert revised == {**CALM_PATH, "visitor_arrived": "now"}
    assert engine.walk(main_flow, revised).pending.id == "feel_safe"  # type: ignore[union-attr]


def test_revise_drops_answers_no_route_can_reach_any_more(main_flow: Flow) -> None:
    door = {
        **CALM_PATH,
        "visitor_arrived": "now",
        "feel_safe": "yes",
        "visit_place": "home",
        "credentials_shown": "both",
        "paid_to_person": "no",
    }
    revised = engine.revise(main_flow, door, "visitor_arrived", "earlier")
    assert "feel_safe" not in revised and revised["credentials_shown"] == "both"
    assert engine.walk(main_flow, revised).finished


def test_reachable_follows_every_route_of_every_option(main_flow: Flow) -> None:
    assert engine.reachable(main_flow, main_flow.start) == set(main_flow.questions) - {
        main_flow.start
    }
    assert engine.reachable(main_flow, "debt_agent") == set()


def test_a_review_line_is_the_whole_question_and_the_whole_answer(main_flow: Flow) -> None:
    from overdue_guide.terminal.prompts import review_line

    door = Given(1, main_flow.questions["visitor_arrived"], "now")
    assert review_line(door, "zh-CN") == (
        "1. 有人上门催收吗？（到家里或单位都算） → 有，人现在就在门口或单位"
    )
    many = Given(4, main_flow.questions["misconduct"], ("threats", "insults"))
    assert review_line(many, "en").endswith("→ Threats or intimidation, Insults or humiliation")
    assert review_line(Given(4, many.question, ()), "zh-CN").endswith("→ 都没有")
