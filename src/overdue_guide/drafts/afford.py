"""Is the monthly offer in an instalment request affordable? A pure check, asked
before the letter is written, so a letter never promises more than is left."""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal

from ..base import numerals
from ..base.record import record

INCOME, SPENDING, OFFER = "monthly_income", "essential_spending", "plan_amount"


def money(value: str | None) -> Decimal | None:
    """An amount of yuan as a person types it ('3,000', '3000元', '¥ 2500.5'); None if not
    one: digits with an optional decimal part, so never NaN, infinity, an exponent or a
    minus sign (a letter must never say "每月还 NaN 元" or "-1500 元")."""
    if value is None:
        return None
    cleaned = numerals.fold(value)  # full-width digits, as an input method types them
    cleaned = cleaned.replace(",", "").replace("元", "").replace("¥", "").strip()
    if not _AMOUNT.fullmatch(cleaned):  # the page's check too: no "5." and no ".5"
        return None
    return numerals.decimal(cleaned)


_AMOUNT = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def count(value: str) -> int | None:
    """A whole number of 1 or more as typed ('12', or full width, '１２'); None if not one."""
    number = numerals.whole(value)
    return number if number is not None and number > 0 else None


def refused(kind: str, value: str) -> str | None:
    """The message key (`base.words`) for a detail of `kind` that `value` is not; None if
    it will do. Empty is fine: the letter leaves a blank."""
    if not value.strip():
        return None
    if kind == "money" and money(value) is None:
        return "detail_not_money"
    if kind == "count" and count(value) is None:
        return "detail_not_count"
    if kind == "date" and numerals.day(value) is None:
        return "detail_not_date"
    return None


def as_given(kind: str, value: str) -> str:
    """A detail as the letter writes it: an amount without its own 元 or commas (the letter
    says 元), a count in plain digits, anything else as typed."""
    if kind == "money" and (amount := money(value)) is not None:
        return amount_text(amount)
    if kind == "count" and (number := count(value)) is not None:
        return str(number)
    return value


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
