"""The fee check as plain data: what the person gave, and what it works out to.

Money is `Decimal` (yuan, as on the bill); rates are `Decimal` percent. Nothing
here computes, reads files or prints: `rates` computes, `inputs` reads, `render`
shows. A year is 365 days everywhere (`YEAR_DAYS`), a month one twelfth of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..flow.model import Text

#: Days in a year, in every rate this package computes (a month is YEAR_DAYS / 12).
YEAR_DAYS = 365

#: Instalments of 花呗 and most consumer loans fall due monthly.
MONTHS_A_YEAR = 12


@dataclass(frozen=True)
class Instalments:
    """An instalment plan as the app shows it: n monthly periods and the total fee in percent."""

    periods: int
    fee_rate: Decimal


@dataclass(frozen=True)
class Payments:
    """n monthly payments of the same amount."""

    periods: int
    payment: Decimal


@dataclass(frozen=True)
class Schedule:
    """Repayments on given dates (from a file); `start` is when the money was received."""

    start: date
    payments: tuple[tuple[date, Decimal], ...]


@dataclass(frozen=True)
class DailyRate:
    """A 借呗-style loan: interest of `daily_rate` percent a day, all repaid after `term_days`."""

    daily_rate: Decimal
    term_days: int


Plan = Instalments | Payments | Schedule | DailyRate


@dataclass(frozen=True)
class Overdue:
    """Days overdue, and the charge as a daily rate (percent) or as the amount charged.

    `amount` is what is overdue (the charge is on it); None means the whole principal.
    """

    days: int
    daily_rate: Decimal | None = None
    charge: Decimal | None = None
    amount: Decimal | None = None


@dataclass(frozen=True)
class FeeInputs:
    """Everything the person typed: the money received, the plan, and any overdue charge."""

    principal: Decimal
    plan: Plan
    overdue: Overdue | None = None


@dataclass(frozen=True)
class Repayment:
    """One repayment: `years` after the money was received, `amount` yuan."""

    years: float
    amount: Decimal


@dataclass(frozen=True)
class Rates:
    """The three yearly rates, in percent, and the periods a year the IRR is counted in."""

    simple: Decimal
    nominal_irr: Decimal
    effective: Decimal
    periods_per_year: int


@dataclass(frozen=True)
class OverdueCost:
    """The overdue charge in yuan and as a simple yearly rate (percent)."""

    days: int
    on_amount: Decimal
    charge: Decimal
    daily_rate: Decimal
    yearly_rate: Decimal


@dataclass(frozen=True)
class FeeLine:
    """A line a yearly cost is compared with, as authors write it in flows/fee_lines.yaml.

    `lpr` (with `lpr_date`) is set for a line that is a multiple of the LPR; `date` is the
    date of the figure, `checked` when an author last confirmed it was still current.
    """

    id: str
    name: Text
    rate: Decimal
    date: str
    references: tuple[str, ...]
    above: Text
    below: Text
    note: Text | None = None
    lpr: Decimal | None = None
    checked: str | None = None


@dataclass(frozen=True)
class LineCheck:
    """One line against this loan: above it or not, and by which measures."""

    line: FeeLine
    above: bool
    measures: tuple[str, ...]


@dataclass(frozen=True)
class FeeResult:
    """What the loan costs: the figures of a disclosure box, the rates, the lines."""

    inputs: FeeInputs
    amount_received: Decimal
    cost_of_credit: Decimal
    total_to_repay: Decimal
    repayments: tuple[Repayment, ...]
    rates: Rates
    overdue: OverdueCost | None
    lines: tuple[LineCheck, ...]
