"""Is the monthly offer in an instalment request affordable? A pure check, asked
before the letter is written, so a letter never promises more than is left."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from ..base.record import record

INCOME, SPENDING, OFFER = "monthly_income", "essential_spending", "plan_amount"


def money(value: str | None) -> Decimal | None:
    """An amount of yuan as a person types it ('3,000', '3000元', '¥ 2500.5'); None if not one."""
    if value is None:
        return None
    cleaned = value.strip().replace(",", "").replace("，", "").replace("元", "")
    cleaned = cleaned.replace("¥", "").replace("￥", "").strip()
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        return None
    return amount if amount.is_finite() and amount >= 0 else None


def amount_text(amount: Decimal) -> str:
    """An amount as a letter writes it: no trailing zeros, no exponent."""
    text = f"{amount.quantize(Decimal('0.01')):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def left_over(details: Mapping[str, str]) -> Decimal | None:
    """Income minus essential spending, when both are given as amounts."""
    income, spending = money(details.get(INCOME)), money(details.get(SPENDING))
    if income is None or spending is None:
        return None
    return income - spending


def nothing_left(details: Mapping[str, str]) -> bool:
    """Whether income and essential spending are given and nothing is left of the one
    after the other: the instalment letter then asks to defer, and prints no negative sum."""
    left = left_over(details)
    return left is not None and left <= 0


@record
class Verdict:
    """What is left each month (never below nothing) and whether the offer fits in it."""

    left: Decimal
    offer: Decimal

    @property
    def affordable(self) -> bool:
        return self.offer <= self.left

    @property
    def nothing_left(self) -> bool:
        return self.left <= 0


def problem(verdict: Verdict) -> tuple[str, dict[str, str]]:
    """What to say of an offer that does not fit: a message key and its figures, never a
    negative one (`not_affordable`, or `nothing_left` when nothing is left at all)."""
    figures = {"left": amount_text(verdict.left), "offer": amount_text(verdict.offer)}
    return ("nothing_left" if verdict.nothing_left else "not_affordable"), figures


def check(details: Mapping[str, str]) -> Verdict | None:
    """The verdict when income, spending and the offer are all given; else None."""
    left, offer = left_over(details), money(details.get(OFFER))
    if left is None or offer is None:
        return None
    return Verdict(max(left, Decimal(0)), offer)
