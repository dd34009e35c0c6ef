"""Adversarial figures for `overdue-guide fees`: huge, overflowing and endless inputs end in
one line and exit 2, at once, never an unexpected error or a hang."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from overdue_guide.errors import FeeInputError
from overdue_guide.fees.inputs import MAX_ROWS, Figures, from_figures, read_schedule

from .helpers import run_cli


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("principal", "1e400"),
        ("principal", "1e999999999"),
        ("principal", "-1e999999999"),
        ("principal", "9" * 5000),
        ("periods", "100000000"),
        ("periods", "1e400"),
        ("periods", "1e9999999"),
    ],
)
def test_a_figure_too_large_for_any_loan_is_refused_as_mistyped(field: str, value: str) -> None:
    figures = {"principal": "1000", "periods": "12", "fee_rate": "8"} | {field: value}
    with pytest.raises(FeeInputError) as raised:
        from_figures(Figures(**figures))
    assert raised.value.key == "too_large"
    assert len(str(raised.value)) < 200


@pytest.mark.parametrize("field", ["term_days", "days_overdue"])
def test_a_count_of_days_beyond_a_century_is_refused(field: str) -> None:
    figures = {"principal": "1000", "daily_rate": "0.05", "term_days": "30"}
    figures |= {"days_overdue": "10", "overdue_rate": "0.05", field: "100000000"}
    with pytest.raises(FeeInputError) as raised:
        from_figures(Figures(**figures))
    assert raised.value.key == "too_large"


def test_a_schedule_with_more_rows_than_any_loan_is_refused(tmp_path: Path) -> None:
    first = datetime.date(2000, 1, 1)
    rows = (f"{first + datetime.timedelta(days=i)},1\n" for i in range(MAX_ROWS + 1))
    schedule = tmp_path / "long.csv"
    schedule.write_text("".join(rows), encoding="utf-8")
    with pytest.raises(FeeInputError) as raised:
        read_schedule(schedule)
    assert raised.value.key == "schedule_too_long"


def test_rows_out_of_order_are_named_by_the_row_not_an_inferred_start(tmp_path: Path) -> None:
    schedule = tmp_path / "order.csv"
    schedule.write_text("2026-03-01,100\n2026-02-01,100\n", encoding="utf-8")
    with pytest.raises(FeeInputError) as raised:
        read_schedule(schedule)
    assert raised.value.key == "dates_out_of_order"
    assert raised.value.values["number"] == 2


def test_a_start_inferred_before_the_year_one_asks_for_start(tmp_path: Path) -> None:
    schedule = tmp_path / "early.csv"
    schedule.write_text("0001-01-01,100\n0001-01-05,100\n", encoding="utf-8")
    with pytest.raises(FeeInputError) as raised:
        read_schedule(schedule)
    assert raised.value.key == "schedule_start_before_year_1"  # two rows: not "only one"


def test_a_huge_period_count_ends_at_once_in_one_line() -> None:
    done = run_cli(
        "fees", "--principal", "1000", "--periods", "100000000", "--fee-rate", "8", "--lang", "en"
    )
    assert done.returncode == 2
    assert done.stderr.startswith("overdue-guide: the number of periods is too large")
    assert done.stderr.count("\n") == 1
