"""The fee check's form and words without a terminal: steps, back, help, retries; texts."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from overdue_guide.fees import words
from overdue_guide.fees.ask import run_form
from overdue_guide.fees.inputs import Figures, from_figures
from overdue_guide.fees.rates import compute
from overdue_guide.interview.loop import Nav


class Script:
    """An `Asker` that replies from a list and records what it was asked and told."""

    def __init__(self, replies: list[str | Nav]) -> None:
        self.replies = replies
        self.asked: list[str] = []
        self.notes: list[str] = []

    def choice(
        self, title: str, choices: list[tuple[str, str]], default: str | None, back: bool
    ) -> str | Nav:
        self.asked.append(title)
        return self.replies.pop(0)

    def text(
        self, title: str, hint: str, default: str, validate: Callable[[str], str | None]
    ) -> str:
        self.asked.append(title)
        reply = self.replies.pop(0)
        assert isinstance(reply, str)
        problem = validate(reply)
        if problem is not None:  # as prompt_toolkit does: shown under the field, asked again
            self.notes.append(problem)
            return self.text(title, hint, default, validate)
        return reply

    def note(self, text: str) -> None:
        self.notes.append(text)


def check(figures: Figures) -> object:
    return compute(from_figures(figures))


def test_the_form_collects_the_figures_of_the_chosen_plan() -> None:
    script = Script(["1200", "instalments", "12", "8.8", "no"])
    figures = run_form(script, "en", check)
    assert figures == Figures(principal="1200", periods="12", fee_rate="8.8")


def test_back_at_the_first_question_leaves_the_form_when_opened_from_the_menu() -> None:
    script = Script(["<"])
    assert run_form(script, "en", check, leave=True) is None


def test_back_at_the_first_question_stays_there_when_the_form_is_the_command() -> None:
    script = Script(["<", "1200", "instalments", "12", "8.8", "no"])
    figures = run_form(script, "en", check)
    assert figures == Figures(principal="1200", periods="12", fee_rate="8.8")
    assert script.asked[0] == script.asked[1]


def test_back_returns_to_the_previous_step_and_keeps_the_plan_changeable() -> None:
    script = Script(["1200", "instalments", "<", "daily", "0.05", "30", "no"])
    figures = run_form(script, "en", check)
    assert figures == Figures(principal="1200", daily_rate="0.05", term_days="30")


def test_a_question_mark_shows_where_on_the_bill_the_figure_is() -> None:
    script = Script(["?", "1200", "payments", "12", "110", "no"])
    run_form(script, "zh-CN", check)
    assert "分期本金" in script.notes[0]


def test_a_figure_that_is_not_a_number_is_refused_in_place() -> None:
    script = Script(["abc", "1200", "payments", "12", "110", "no"])
    run_form(script, "en", check)
    assert script.notes == ["the amount received must be a number such as 1200 or 8.8 (got 'abc')"]


def test_figures_that_never_repay_are_said_and_the_plan_is_asked_again() -> None:
    script = Script(["1200", "payments", "12", "90", "no", "12", "110", "no"])
    figures = run_form(script, "en", check)
    assert "never repay" in script.notes[0]
    assert figures.payment == "110"


def test_an_overdue_charge_by_amount_with_the_amount_left_empty() -> None:
    script = Script(["1200", "payments", "12", "110", "by_charge", "10", "6", ""])
    figures = run_form(script, "en", check)
    assert (figures.days_overdue, figures.overdue_charge, figures.overdue_amount) == (
        "10",
        "6",
        None,
    )


def test_a_schedule_path_must_name_a_file(tmp_path: Path) -> None:
    plan = tmp_path / "plan.csv"
    plan.write_text("2026-01-10,600\n2026-02-10,600\n", encoding="utf-8")
    script = Script(["1000", "schedule", str(tmp_path / "nope.csv"), str(plan), "", "no"])
    figures = run_form(script, "en", check)
    assert figures.schedule == plan and "no file at" in script.notes[0]
    assert from_figures(figures).principal == Decimal(1000)


def test_every_text_is_written_in_zh_cn_and_en() -> None:
    for key, by_lang in words.all_words().items():
        assert by_lang.get("zh-CN") and by_lang.get("en"), key


def test_traditional_chinese_is_the_simplified_text_converted() -> None:
    assert words.say("title", "zh-TW") == "這筆借款一年的真實成本"


@pytest.mark.parametrize(
    "forbidden", ["illegal", "need not pay", "非法", "不用还", "无需还", "不必还"]
)
def test_no_text_calls_a_charge_illegal_or_says_it_need_not_be_paid(forbidden: str) -> None:
    lines = (Path(__file__).resolve().parents[1] / "flows" / "fee_lines.yaml").read_text("utf-8")
    texts = [v for by_lang in words.all_words().values() for v in by_lang.values()]
    assert all(forbidden not in t.lower() for t in [*texts, lines])
