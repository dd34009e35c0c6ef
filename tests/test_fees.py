"""The fee check's maths: the issue's test vectors, round trips, and refused figures."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_CEILING
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from overdue_guide.errors import FeeInputError
from overdue_guide.fees import compute
from overdue_guide.fees.lines import load_lines
from overdue_guide.fees.model import DailyRate, FeeInputs, Instalments, Overdue, Payments, Schedule
from overdue_guide.fees.render import as_json, money, percent, yuan


def shown(rate: D) -> str:
    return percent(rate)


def test_twelve_periods_at_8_8_percent_match_the_issue_vector() -> None:
    result = compute(FeeInputs(D(1200), Instalments(12, D("8.8"))))
    assert [r.amount for r in result.repayments] == [D("108.80")] * 12
    assert result.cost_of_credit == D("105.60")
    assert result.total_to_repay == D("1305.60")
    rates = result.rates
    assert (shown(rates.nominal_irr), shown(rates.effective), shown(rates.simple)) == (
        "15.86",
        "17.07",
        "16.25",
    )


def test_three_periods_at_2_5_percent_match_the_issue_vector() -> None:
    rates = compute(FeeInputs(D(5000), Instalments(3, D("2.5")))).rates
    assert (shown(rates.nominal_irr), shown(rates.effective), shown(rates.simple)) == (
        "14.94",
        "16.00",
        "15.00",
    )


def test_a_payment_per_period_gives_the_same_rates_as_the_fee_rate_it_implies() -> None:
    by_fee = compute(FeeInputs(D(1200), Instalments(12, D("8.8")))).rates
    by_payment = compute(FeeInputs(D(1200), Payments(12, D("108.80")))).rates
    assert by_fee == by_payment


def test_instalments_that_do_not_divide_evenly_put_the_remainder_on_the_last() -> None:
    result = compute(FeeInputs(D(5000), Instalments(3, D("2.5"))))
    assert [r.amount for r in result.repayments] == [D("1708.33"), D("1708.33"), D("1708.34")]


def test_a_fee_of_half_a_fen_rounds_up_to_the_fen() -> None:
    result = compute(FeeInputs(D(101), Instalments(3, D("0.5"))))
    assert result.cost_of_credit == D("0.51")
    assert [r.amount for r in result.repayments] == [D("33.83"), D("33.83"), D("33.85")]


def test_daily_interest_of_half_a_fen_rounds_up_to_the_fen() -> None:
    result = compute(FeeInputs(D(101), DailyRate(D("0.05"), 10)))
    assert result.cost_of_credit == D("0.51")


def test_an_overdue_charge_of_half_a_fen_rounds_up_to_the_fen() -> None:
    result = compute(FeeInputs(D(101), Payments(1, D(101)), Overdue(10, daily_rate=D("0.05"))))
    assert result.overdue is not None
    assert result.overdue.charge == D("0.51")


def test_shown_money_and_rates_round_half_up() -> None:
    assert money(D("0.505")) == "¥0.51"
    assert money(D("1234.5")) == "¥1,234.50"
    assert percent(D("15.005")) == "15.01"
    assert percent(D("15.0049")) == "15.00"


def test_a_daily_rate_is_simple_interest_of_365_days_a_year() -> None:
    result = compute(FeeInputs(D(10000), DailyRate(D("0.05"), 30)))
    assert result.cost_of_credit == D("150.00")
    assert shown(result.rates.simple) == "18.25"


def test_a_monthly_schedule_file_gives_about_the_monthly_plan_rates() -> None:
    start = date(2025, 1, 1)
    days = [start + timedelta(days=round(365 * i / 12)) for i in range(1, 13)]
    plan = Schedule(start, tuple((d, D("108.80")) for d in days))
    rates = compute(FeeInputs(D(1200), plan)).rates
    assert rates.periods_per_year == 12
    assert abs(rates.nominal_irr - D("15.86")) < D("0.05")


def test_a_loan_without_cost_has_every_rate_zero() -> None:
    rates = compute(FeeInputs(D(1200), Payments(12, D(100)))).rates
    assert rates.simple == rates.nominal_irr == rates.effective == 0


@settings(max_examples=200, deadline=None)
@given(
    rate=st.decimals(min_value=0, max_value=200, places=3),
    periods=st.integers(min_value=1, max_value=60),
    principal=st.decimals(min_value=100, max_value=1_000_000, places=2),
)
def test_an_annuity_built_from_any_nominal_rate_gives_that_rate_back(
    rate: D, periods: int, principal: D
) -> None:
    r = rate / 100 / 12
    exact = principal / periods if r == 0 else principal * r / (1 - (1 + r) ** -periods)
    payment = exact.quantize(D("1e-18"), ROUND_CEILING)  # never a hair short of the principal
    nominal = compute(FeeInputs(principal, Payments(periods, payment))).rates.nominal_irr
    assert abs(nominal - rate) <= D("0.001")


@settings(max_examples=200, deadline=None)
@given(
    rate=st.decimals(min_value=0, max_value=200, places=3),
    gaps=st.lists(st.integers(min_value=1, max_value=120), min_size=1, max_size=24),
    principal=st.decimals(min_value=100, max_value=1_000_000, places=2),
)
def test_a_dated_schedule_built_from_any_effective_rate_gives_that_rate_back(
    rate: D, gaps: list[int], principal: D
) -> None:
    start, days, elapsed = date(2025, 1, 1), [], 0
    for gap in gaps:
        elapsed += gap
        days.append(elapsed)
    each = (principal / len(days)).quantize(D("1e-18"), ROUND_CEILING)
    growth = 1 + rate / 100
    payments = tuple((start + timedelta(days=d), each * growth ** (D(d) / 365)) for d in days)
    effective = compute(FeeInputs(principal, Schedule(start, payments))).rates.effective
    assert abs(effective - rate) <= D("0.001")


def test_the_overdue_charge_from_a_daily_rate_is_in_yuan_and_a_yearly_rate() -> None:
    result = compute(FeeInputs(D(1000), Payments(1, D(1000)), Overdue(30, daily_rate=D("0.05"))))
    assert result.overdue is not None
    assert result.overdue.charge == D("15.00")
    assert result.overdue.yearly_rate == D("18.25")


def test_the_overdue_charge_as_an_amount_is_turned_into_a_yearly_rate_on_what_is_overdue() -> None:
    overdue = Overdue(10, charge=D("10"), amount=D("1000"))
    result = compute(FeeInputs(D(1000), Payments(1, D(1000)), overdue))
    assert result.overdue is not None
    assert shown(result.overdue.yearly_rate) == "36.50"


def test_the_shipped_lines_are_24_percent_and_4_times_the_lpr() -> None:
    lines = {line.id: line for line in load_lines()}
    assert lines["court_24"].rate == 24
    assert lines["court_24"].references == ("R32", "R36")
    assert lines["lpr_4x"].lpr is not None and lines["lpr_4x"].rate == 4 * lines["lpr_4x"].lpr
    assert lines["lpr_4x"].references == ("R31", "R35")
    assert all(line.date for line in lines.values())


def test_a_loan_under_24_percent_is_below_that_line_and_above_4_times_lpr() -> None:
    checks = compute(FeeInputs(D(1200), Instalments(12, D("8.8"))), load_lines()).lines
    by_id = {c.line.id: c for c in checks}
    assert not by_id["court_24"].above
    assert by_id["lpr_4x"].above and by_id["lpr_4x"].measures == ("simple", "nominal_irr")


def test_an_overdue_charge_above_24_percent_crosses_the_line_by_that_measure() -> None:
    inputs = FeeInputs(D(1000), Payments(1, D(1000)), Overdue(30, daily_rate=D("0.1")))
    by_id = {c.line.id: c for c in compute(inputs, load_lines()).lines}
    assert by_id["court_24"].above and by_id["court_24"].measures == ("overdue",)


@pytest.mark.parametrize(
    ("inputs", "key"),
    [
        (FeeInputs(D(0), Instalments(12, D("8.8"))), "not_positive"),
        (FeeInputs(D(-5), Instalments(12, D("8.8"))), "not_positive"),
        (FeeInputs(D("NaN"), Instalments(12, D("8.8"))), "not_a_number"),
        (FeeInputs(D(1200), Instalments(0, D("8.8"))), "not_positive"),
        (FeeInputs(D(1200), Instalments(12, D("1000.1"))), "rate_too_high"),
        (FeeInputs(D(1200), Payments(12, D(99))), "never_repaid"),
        (FeeInputs(D(1200), Payments(12, D(0))), "not_positive"),
        (FeeInputs(D(1200), Payments(1, D(100000))), "rate_too_high"),
        (FeeInputs(D(1200), DailyRate(D("2.8"), 30)), "rate_too_high"),
        (FeeInputs(D(1200), DailyRate(D("0.05"), 0)), "not_positive"),
        (
            FeeInputs(
                D(1200),
                Schedule(
                    date(2025, 1, 1), ((date(2025, 3, 1), D(700)), (date(2025, 2, 1), D(700)))
                ),
            ),
            "dates_out_of_order",
        ),
        (
            FeeInputs(D(1200), Payments(12, D(110)), Overdue(0, daily_rate=D("0.05"))),
            "not_positive",
        ),
        (FeeInputs(D(1200), Payments(12, D(110)), Overdue(5)), "overdue_one_of"),
        (FeeInputs(D(1200), Payments(12, D(110)), Overdue(5, D("3"))), "rate_too_high"),
    ],
)
def test_figures_no_loan_has_are_refused_naming_the_problem(inputs: FeeInputs, key: str) -> None:
    with pytest.raises(FeeInputError) as raised:
        compute(inputs)
    assert raised.value.key == key


def test_the_json_contract_of_a_fee_check_is_written_out() -> None:
    overdue = Overdue(30, daily_rate=D("0.05"), amount=D("400"))
    result = compute(FeeInputs(D(1200), Instalments(3, D("2.5")), overdue), load_lines())
    assert as_json(result, "en") == {
        "lang": "en",
        "inputs": {
            "principal": "1200",
            "plan": "instalments",
            "periods": 3,
            "fee_rate": "2.5",
            "days_overdue": 30,
            "overdue_rate": "0.05",
            "overdue_amount": "400",
        },
        "amount_received": "1200.00",
        "cost_of_credit": "30.00",
        "total_to_repay": "1230.00",
        "repayments": [
            {"after_days": "30.42", "amount": "410.00"},
            {"after_days": "60.83", "amount": "410.00"},
            {"after_days": "91.25", "amount": "410.00"},
        ],
        "rates": {"simple": "15.00", "nominal_irr": "14.94", "effective": "16.00"},
        "periods_per_year": 12,
        "year_days": 365,
        "overdue": {
            "days": 30,
            "on_amount": "400.00",
            "charge": "6.00",
            "daily_rate": "0.0500",
            "yearly_rate": "18.25",
        },
        "lines": [
            {
                "id": "court_24",
                "name": "The 24 % line",
                "rate": "24.00",
                "above": False,
                "by": [],
                "reference": "R32",
                "references": ["R32", "R36"],
                "date": "2025-10-01",
                "checked": None,
                "lpr": None,
            },
            {
                "id": "lpr_4x",
                "name": "4 × LPR",
                "rate": "12.00",
                "above": True,
                "by": ["simple", "nominal_irr", "overdue"],
                "reference": "R31",
                "references": ["R31", "R35"],
                "date": "2025-05-20",
                "checked": "2026-01-20",
                "lpr": "3.00",
            },
        ],
    }


def test_the_json_inputs_name_each_kind_of_plan_and_its_own_fields() -> None:
    daily = compute(FeeInputs(D(1000), DailyRate(D("0.05"), 30)))
    assert as_json(daily, "en")["inputs"] == {
        "principal": "1000",
        "plan": "daily_rate",
        "daily_rate": "0.05",
        "term_days": 30,
    }
    assert as_json(daily, "en")["overdue"] is None
    paid = compute(FeeInputs(D(1000), Payments(2, D("510"))))
    assert as_json(paid, "en")["inputs"] == {
        "principal": "1000",
        "plan": "payments",
        "periods": 2,
        "payment": "510",
    }
    plan = Schedule(date(2026, 1, 1), ((date(2026, 2, 1), D("520")), (date(2026, 3, 1), D("520"))))
    dated = compute(FeeInputs(D(1000), plan, Overdue(5, charge=D("3"))))
    assert as_json(dated, "en")["inputs"] == {
        "principal": "1000",
        "plan": "schedule",
        "start": "2026-01-01",
        "schedule": [
            {"date": "2026-02-01", "amount": "520"},
            {"date": "2026-03-01", "amount": "520"},
        ],
        "days_overdue": 5,
        "overdue_charge": "3",
    }


PAID = Payments(12, D(110))


@pytest.mark.parametrize(
    ("inputs", "message"),
    [
        (
            FeeInputs(D(1200), PAID, Overdue(5, charge=D("NaN"))),
            "the overdue charge must be a number such as 1200 or 8.8 (got 'NaN')",
        ),
        (
            FeeInputs(D(1200), PAID, Overdue(5, charge=D("-1"))),
            "the overdue charge must be more than 0 (got -1)",
        ),
        (
            FeeInputs(D(1200), PAID, Overdue(5, daily_rate=D("-0.1"))),
            "the overdue daily rate must be more than 0 (got -0.1)",
        ),
        (
            FeeInputs(D(1200), PAID, Overdue(5, daily_rate=D("NaN"))),
            "the overdue daily rate must be a number such as 1200 or 8.8 (got 'NaN')",
        ),
        (
            FeeInputs(D(1200), PAID, Overdue(5, daily_rate=D("2.74"))),
            "that is above 1,000 % a year (about 1000 %): a figure is probably mistyped;"
            " check it against the bill",
        ),
        (
            FeeInputs(D(1200), PAID, Overdue(5, daily_rate=D("0.05"), amount=D("0"))),
            "the amount overdue must be more than 0 (got 0)",
        ),
        (
            FeeInputs(D(1200), PAID, Overdue(-1, daily_rate=D("0.05"))),
            "the days overdue must be more than 0 (got -1)",
        ),
        (
            FeeInputs(D(1200), Instalments(12, D("-1"))),
            "the total fee rate must be more than 0 (got -1)",
        ),
        (
            FeeInputs(D(1200), Instalments(12, D("NaN"))),
            "the total fee rate must be a number such as 1200 or 8.8 (got 'NaN')",
        ),
        (
            FeeInputs(D(1200), DailyRate(D("-1"), 30)),
            "the daily rate must be more than 0 (got -1)",
        ),
        (
            FeeInputs(D(1200), Payments(12, D("NaN"))),
            "the payment per period must be a number such as 1200 or 8.8 (got 'NaN')",
        ),
        (FeeInputs(D(1200), Schedule(date(2025, 1, 1), ())), "the schedule has no repayments"),
        (FeeInputs(D(0), PAID), "the amount received must be more than 0 (got 0)"),
        (
            FeeInputs(D(1200), Payments(0, D(110))),
            "the number of periods must be more than 0 (got 0)",
        ),
        (
            FeeInputs(D(1200), DailyRate(D("0.05"), 0)),
            "the term in days must be more than 0 (got 0)",
        ),
        (
            FeeInputs(D("1200.005"), Payments(12, D(99))),
            "the repayments add up to ¥1,188.00, less than the ¥1,200.01 received,"
            " so they never repay it: check the figures",
        ),
        (
            FeeInputs(D(1200), DailyRate(D("2.8"), 30)),
            "that is above 1,000 % a year (about 1022 %): a figure is probably mistyped;"
            " check it against the bill",
        ),
        (
            FeeInputs(D(1200), PAID, Overdue(1, charge=D("30"), amount=D("1000"))),
            "that is above 1,000 % a year (about 1095 %): a figure is probably mistyped;"
            " check it against the bill",
        ),
        (
            FeeInputs(D(1200), Schedule(date(2025, 1, 1), ((date(2025, 1, 1), D(1300)),))),
            "repayment 1 is dated 2025-01-01, not after 2025-01-01: dates must be in order",
        ),
        (
            FeeInputs(D(1200), Schedule(date(2025, 1, 1), ((date(2025, 2, 1), D(0)),))),
            "repayment 1 must be more than 0 (got 0)",
        ),
    ],
)
def test_a_refusal_names_the_figure_and_what_was_given(inputs: FeeInputs, message: str) -> None:
    with pytest.raises(FeeInputError) as raised:
        compute(inputs)
    assert str(raised.value) == message


@pytest.mark.parametrize(
    "inputs",
    [
        FeeInputs(D(1200), PAID, Overdue(5, charge=D("0"))),
        FeeInputs(D(1200), PAID, Overdue(5, daily_rate=D("0"))),
        FeeInputs(D(1200), Instalments(12, D("0"))),
        FeeInputs(D(1200), DailyRate(D("0"), 30)),
    ],
)
def test_a_rate_or_charge_of_zero_is_a_free_loan_not_a_mistake(inputs: FeeInputs) -> None:
    result = compute(inputs)
    free = result.overdue.charge if result.overdue else result.cost_of_credit
    assert free == 0


def test_amounts_in_json_and_text_round_half_up_to_the_fen() -> None:
    overdue = Overdue(10, charge=D("3"), amount=D("400.005"))
    result = compute(FeeInputs(D("1000.005"), Payments(1, D(1100)), overdue))
    assert as_json(result, "en")["amount_received"] == "1000.01"
    assert as_json(result, "en")["overdue"]["on_amount"] == "400.01"
    assert yuan(D("1234.505")) == "1,234.51"


def test_a_monthly_rate_that_compounds_past_1000_percent_a_year_is_refused_with_it() -> None:
    with pytest.raises(FeeInputError) as raised:
        compute(FeeInputs(D(1000), Payments(12, D("503.89"))))  # 50 % a month
    assert str(raised.value) == (
        "that is above 1,000 % a year (about 12,875 %): a figure is probably mistyped;"
        " check it against the bill"
    )


def test_repayments_short_of_the_money_received_say_both_sums() -> None:
    with pytest.raises(FeeInputError) as raised:
        compute(FeeInputs(D("1200.5"), Payments(12, D(99))))
    assert str(raised.value) == (
        "the repayments add up to ¥1,188.00, less than the ¥1,200.50 received,"
        " so they never repay it: check the figures"
    )


def test_a_loan_repaid_once_after_30_days_counts_12_periods_a_year() -> None:
    result = compute(FeeInputs(D(1000), DailyRate(D("0.05"), 30)))
    assert result.rates.periods_per_year == 12
    assert as_json(result, "en")["repayments"] == [{"after_days": "30.00", "amount": "1015.00"}]


def test_one_repayment_two_years_on_counts_one_period_a_year() -> None:
    plan = Schedule(date(2025, 1, 1), ((date(2027, 1, 1), D(1200)),))
    rates = compute(FeeInputs(D(1000), plan)).rates
    assert (rates.periods_per_year, shown(rates.simple), shown(rates.nominal_irr)) == (
        1,
        "10.00",
        "9.54",
    )


def test_a_simple_rate_past_1000_percent_is_refused_where_compounding_stays_under() -> None:
    plan = Schedule(date(2025, 1, 1), ((date(2027, 1, 1), D(25000)),))  # 358 % compounded
    with pytest.raises(FeeInputError) as raised:
        compute(FeeInputs(D(1000), plan))
    assert str(raised.value) == (
        "that is above 1,000 % a year (about 1200 %): a figure is probably mistyped;"
        " check it against the bill"
    )
