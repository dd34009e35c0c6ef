"""The maths of the fee check: repayments, three yearly rates, overdue charges, lines.

Pure functions of `model` objects. A year is `YEAR_DAYS` (365) days everywhere.

- simple (单利): cost ÷ money in use, where money in use is Σ (principal repaid in a
  payment × years it was held) and each payment repays principal in proportion to its
  size — as a 花呗 instalment repays equal principal with an equal fee each period.
- nominal IRR: the rate r per period that discounts the repayments to the money
  received, × periods a year (how lenders and US APRs state a rate).
- effective: (1 + r)^k − 1, the same rate compounded over a year of k periods.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from .model import (
    MONTHS_A_YEAR,
    YEAR_DAYS,
    DailyRate,
    FeeInputs,
    FeeLine,
    FeeResult,
    Instalments,
    LineCheck,
    Overdue,
    OverdueCost,
    Payments,
    Rates,
    Repayment,
    Schedule,
)
from .words import problem

CENT = Decimal("0.01")
HUNDRED = Decimal(100)
#: No figure of a consumer loan is above this yearly rate, in percent: beyond it a figure
#: was mistyped, and the root finder's bracket ends here.
MAX_RATE = Decimal(1000)
#: The root finder stops when the bracket is narrower than this (a rate per period).
TOLERANCE = 1e-13
MAX_STEPS = 200


def compute(inputs: FeeInputs, lines: Sequence[FeeLine] = ()) -> FeeResult:
    """What the loan costs a year by each measure, and how that compares with `lines`.

    Raises `FeeInputError` for figures that cannot describe a loan (see `validate`).
    """
    validate(inputs)
    repayments, per_year = repayments_of(inputs)
    total = sum((r.amount for r in repayments), Decimal(0))
    cost = total - inputs.principal
    if cost < 0:
        raise problem("never_repaid", total=_money(total), principal=_money(inputs.principal))
    rates = annual_rates(inputs.principal, repayments, per_year)
    overdue = overdue_cost(inputs.overdue, inputs.principal) if inputs.overdue else None
    checks = tuple(compare(line, rates, overdue) for line in lines)
    return FeeResult(
        inputs, inputs.principal, cost, total, tuple(repayments), rates, overdue, checks
    )


def validate(inputs: FeeInputs) -> None:
    """Refuse figures no loan has: amounts and counts not above zero, rates above 1,000 %."""
    _positive(inputs.principal, "principal")
    plan = inputs.plan
    if isinstance(plan, Instalments | Payments):
        _count(plan.periods, "periods")
    if isinstance(plan, Instalments):
        _rate(plan.fee_rate, plan.fee_rate, "fee_rate", zero_ok=True)
    elif isinstance(plan, Payments):
        _positive(plan.payment, "payment")
    elif isinstance(plan, DailyRate):
        _rate(plan.daily_rate, plan.daily_rate * YEAR_DAYS, "daily_rate", zero_ok=True)
        _count(plan.term_days, "term_days")
    else:
        _check_schedule(plan)
    if inputs.overdue is not None:
        _check_overdue(inputs.overdue)


def repayments_of(inputs: FeeInputs) -> tuple[list[Repayment], int]:
    """The repayments the plan makes, and the periods a year its IRR is counted in."""
    plan, principal = inputs.plan, inputs.principal
    if isinstance(plan, Instalments):
        fee = (principal * plan.fee_rate / HUNDRED).quantize(CENT, ROUND_HALF_UP)
        return _monthly(_split(principal + fee, plan.periods)), MONTHS_A_YEAR
    if isinstance(plan, Payments):
        return _monthly([plan.payment] * plan.periods), MONTHS_A_YEAR
    if isinstance(plan, DailyRate):
        interest = principal * plan.daily_rate / HUNDRED * plan.term_days
        amount = principal + interest.quantize(CENT, ROUND_HALF_UP)
        return [Repayment(plan.term_days / YEAR_DAYS, amount)], _per_year(1, plan.term_days)
    held = [((day - plan.start).days / YEAR_DAYS, amount) for day, amount in plan.payments]
    span = (plan.payments[-1][0] - plan.start).days
    return [Repayment(y, a) for y, a in held], _per_year(len(held), span)


def annual_rates(principal: Decimal, repayments: Sequence[Repayment], per_year: int) -> Rates:
    """Simple, nominal IRR and effective yearly rates, in percent."""
    r = irr(principal, repayments, per_year)
    nominal = r * per_year
    effective = math.expm1(per_year * math.log1p(r))
    if effective * 100 > MAX_RATE:  # a yearly rate too, compounded: 83 % a month is 140,963 %
        raise problem("rate_too_high", rate=f"{effective * 100:,.0f}")
    return Rates(
        simple=simple_rate(principal, repayments),
        nominal_irr=_percent(nominal),
        effective=_percent(effective),
        periods_per_year=per_year,
    )


def simple_rate(principal: Decimal, repayments: Sequence[Repayment]) -> Decimal:
    """Cost ÷ money in use (yuan-years), in percent; principal repaid in proportion to payments."""
    total = sum((r.amount for r in repayments), Decimal(0))
    in_use = sum(float(principal * r.amount / total) * r.years for r in repayments)
    rate = float(total - principal) / in_use
    if rate * 100 > MAX_RATE:
        raise problem("rate_too_high", rate=f"{rate * 100:.0f}")
    return _percent(rate)


def irr(principal: Decimal, repayments: Sequence[Repayment], per_year: int) -> float:
    """The rate r per period (a year has `per_year`) at which the repayments are worth the
    principal, found by bisection: it always converges, or raises saying why it cannot.

    The present value falls as r rises, so between r = 0 (worth the total repaid) and
    the largest rate we accept there is exactly one root, or none.
    """
    money = float(principal)
    flows = [(r.years * per_year, float(r.amount)) for r in repayments]

    def surplus(rate: float) -> float:
        growth = math.log1p(rate)
        return sum(amount * math.exp(-periods * growth) for periods, amount in flows) - money

    at_zero = surplus(0.0)
    if at_zero < -1e-9 * money:  # beyond float rounding: less comes back than went out
        raise problem("never_repaid", total=_money(sum(a for _, a in flows)), principal=money)
    if at_zero <= 1e-12 * money:
        return 0.0
    low, high = 0.0, float(MAX_RATE) / 100 / per_year
    if surplus(high) > 0:
        raise problem("rate_too_high", rate=f"{float(MAX_RATE):.0f}+")
    for _ in range(MAX_STEPS):
        middle = (low + high) / 2
        if surplus(middle) > 0:
            low = middle
        else:
            high = middle
        if high - low < TOLERANCE:
            break
    return (low + high) / 2


def overdue_cost(overdue: Overdue, principal: Decimal) -> OverdueCost:
    """The overdue charge in yuan and as a simple yearly rate on the amount overdue."""
    on = overdue.amount if overdue.amount is not None else principal
    if overdue.daily_rate is not None:
        daily = overdue.daily_rate
        charge = (on * daily / HUNDRED * overdue.days).quantize(CENT, ROUND_HALF_UP)
    else:
        charge = overdue.charge if overdue.charge is not None else Decimal(0)
        daily = charge * HUNDRED / (on * overdue.days)
    yearly = daily * YEAR_DAYS
    if yearly > MAX_RATE:
        raise problem("rate_too_high", rate=f"{yearly:.0f}")
    return OverdueCost(overdue.days, on, charge, _fine(daily), _fine(yearly))


def compare(line: FeeLine, rates: Rates, overdue: OverdueCost | None) -> LineCheck:
    """Is the loan above `line`? By the two measures lenders may state (R34: simple or
    IRR) and by the overdue charge's yearly rate; the effective rate is shown, not compared."""
    measured = {"simple": rates.simple, "nominal_irr": rates.nominal_irr}
    if overdue is not None:
        measured["overdue"] = overdue.yearly_rate
    above = tuple(name for name, rate in measured.items() if _round(rate) > line.rate)
    return LineCheck(line, bool(above), above)


def _round(rate: Decimal) -> Decimal:
    """A rate as shown, two decimals: a line is crossed only if the shown figure crosses it."""
    return rate.quantize(CENT, ROUND_HALF_UP)


def _monthly(amounts: Sequence[Decimal]) -> list[Repayment]:
    return [Repayment((i + 1) / MONTHS_A_YEAR, a) for i, a in enumerate(amounts)]


def _split(total: Decimal, periods: int) -> list[Decimal]:
    """`total` in `periods` equal payments to the cent, the last taking the remainder."""
    each = (total / periods).quantize(CENT, ROUND_DOWN)
    return [each] * (periods - 1) + [total - each * (periods - 1)]


def _per_year(payments: int, span_days: int) -> int:
    """Periods a year for repayments at roughly even intervals over `span_days`."""
    return max(1, round(payments * YEAR_DAYS / span_days))


def _percent(rate: float) -> Decimal:
    return _fine(Decimal(repr(rate * 100)))


def _fine(percent: Decimal) -> Decimal:
    """A rate kept to a millionth of a percent: finer than any figure shown."""
    return percent.quantize(Decimal("0.000001"), ROUND_HALF_UP)


def _money(amount: Decimal | float) -> str:
    return f"{Decimal(str(amount)).quantize(CENT, ROUND_HALF_UP):,}"


def _positive(value: Decimal, field: str, **where: object) -> None:
    if not value.is_finite():
        raise problem("not_a_number", field=field, value=value, **where)
    if value <= 0:
        raise problem("not_positive", field=field, value=value, **where)


def _count(value: int, field: str) -> None:
    if value <= 0:
        raise problem("not_positive", field=field, value=value)


def _rate(value: Decimal, yearly: Decimal, field: str, zero_ok: bool = False) -> None:
    if not value.is_finite():
        raise problem("not_a_number", field=field, value=value)
    if value < 0 or (value == 0 and not zero_ok):
        raise problem("not_positive", field=field, value=value)
    if yearly > MAX_RATE:
        raise problem("rate_too_high", rate=f"{yearly:.0f}")


def _check_schedule(plan: Schedule) -> None:
    if not plan.payments:
        raise problem("schedule_empty")
    previous = plan.start
    for number, (day, amount) in enumerate(plan.payments, start=1):
        _positive(amount, "schedule_amount", number=number)
        if day <= previous:
            raise problem("dates_out_of_order", number=number, day=day, previous=previous)
        previous = day


def _check_overdue(overdue: Overdue) -> None:
    _count(overdue.days, "days_overdue")
    if (overdue.daily_rate is None) == (overdue.charge is None):
        raise problem("overdue_one_of")
    if overdue.daily_rate is not None:
        _rate(overdue.daily_rate, overdue.daily_rate * YEAR_DAYS, "overdue_rate", zero_ok=True)
    if overdue.charge is not None:
        if not overdue.charge.is_finite():
            raise problem("not_a_number", field="overdue_charge", value=overdue.charge)
        if overdue.charge < 0:
            raise problem("not_positive", field="overdue_charge", value=overdue.charge)
    if overdue.amount is not None:
        _positive(overdue.amount, "overdue_amount")
