"""Figures as a person or a script gives them (text), turned into `FeeInputs`.

Parsing is strict and says what is wrong in one line (a `FeeInputError`): a
number that is not one (NaN, "1,2,3", "١٢٠٠"), a date not written YYYY-MM-DD, a schedule
file that is not UTF-8 or has its dates out of order. Thousands separators and
a trailing "%" or "元" are accepted, as people copy them from the app, and full-width
figures as a Chinese input method types them (`base.numerals` says why).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from itertools import pairwise
from pathlib import Path

from ..base import numerals
from ..errors import FeeInputError
from .model import DailyRate, FeeInputs, Instalments, Overdue, Payments, Plan, Schedule
from .words import problem

_STRIP = ("%", "元", "¥", "￥", "％")

#: No figure of a consumer loan comes near these. Beyond them a figure was mistyped, and the
#: arithmetic would fail (Decimal keeps 28 digits) or never end (a list of every payment).
MAX_FIGURE = Decimal(10) ** 12
#: Periods or days: a hundred years.
MAX_COUNT = 36_500
#: Repayments in a schedule file: ten years of daily ones (a 10 MB file holds far more, and
#: the rate would take minutes to find).
MAX_ROWS = 3_650
#: A figure quoted back in a message is cut to this many characters.
SHOWN = 40


@dataclass(frozen=True)
class Figures:
    """The figures as typed, before parsing: every field optional, as on the command line."""

    principal: str | None = None
    periods: str | None = None
    fee_rate: str | None = None
    payment: str | None = None
    schedule: Path | None = None
    start: str | None = None
    daily_rate: str | None = None
    term_days: str | None = None
    days_overdue: str | None = None
    overdue_rate: str | None = None
    overdue_charge: str | None = None
    overdue_amount: str | None = None

    def any_given(self) -> bool:
        return any(value is not None for value in vars(self).values())


def from_figures(figures: Figures) -> FeeInputs:
    """Parse and combine the figures; exactly one plan, an overdue charge one way."""
    if figures.principal is None:
        raise problem("need_principal")
    principal = number(figures.principal, "principal")
    return FeeInputs(principal, _plan(figures), _overdue(figures))


def _plan(f: Figures) -> Plan:
    given = {
        "instalments": f.fee_rate is not None,
        "payments": f.payment is not None,
        "schedule": f.schedule is not None,
        "daily": f.daily_rate is not None or f.term_days is not None,
    }
    needs_periods = given["instalments"] or given["payments"]
    if sum(given.values()) != 1 or needs_periods != (f.periods is not None):
        raise problem("plan_one_of")
    if f.start is not None and not given["schedule"]:
        raise problem("start_without_schedule")
    if f.fee_rate is not None:
        return Instalments(whole(f.periods, "periods"), number(f.fee_rate, "fee_rate"))
    if f.payment is not None:
        return Payments(whole(f.periods, "periods"), number(f.payment, "payment"))
    if f.schedule is not None:
        start = day(f.start, "start") if f.start is not None else None
        return read_schedule(f.schedule, start)
    if f.daily_rate is None or f.term_days is None:
        raise problem("plan_one_of")
    return DailyRate(number(f.daily_rate, "daily_rate"), whole(f.term_days, "term_days"))


def _overdue(f: Figures) -> Overdue | None:
    if f.days_overdue is None:
        if f.overdue_rate is not None or f.overdue_charge is not None or f.overdue_amount:
            raise problem("overdue_needs_days")
        return None
    if (f.overdue_rate is None) == (f.overdue_charge is None):
        raise problem("overdue_one_of")
    return Overdue(
        whole(f.days_overdue, "days_overdue"),
        number(f.overdue_rate, "overdue_rate") if f.overdue_rate is not None else None,
        number(f.overdue_charge, "overdue_charge") if f.overdue_charge is not None else None,
        number(f.overdue_amount, "overdue_amount") if f.overdue_amount is not None else None,
    )


def number(text: str, field: str, limit: Decimal = MAX_FIGURE, **where: object) -> Decimal:
    """A finite decimal number, as typed ("1,200", "8.8%", "108.80元", "１２００" are fine)."""
    cleaned = numerals.fold(text).replace(",", "")  # folding made "，" a ","
    for mark in _STRIP:
        cleaned = cleaned.removesuffix(mark).removeprefix(mark).strip()
    value = numerals.decimal(cleaned, signed=True, exponent=True)
    if value is None:  # not one, NaN, infinity, or digits of another script
        raise problem("not_a_number", field=field, value=_shown(text), **where)
    if value.copy_abs() > limit:  # copy_abs: exact, where abs() may overflow
        raise problem("too_large", field=field, value=_shown(text), limit=f"{limit:,}", **where)
    return value


def whole(text: str | None, field: str) -> int:
    """A whole number, as typed."""
    value = number(text or "", field, Decimal(MAX_COUNT))
    if value != value.to_integral_value():
        raise problem("not_whole", field=field, value=_shown(text or ""))
    return int(value)


def _shown(text: str) -> str:
    """A figure as typed, for a message: stripped, and cut short if it is long."""
    text = text.strip()
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


def day(text: str, field: str, **where: object) -> date:
    """A date written YYYY-MM-DD (or YYYY/MM/DD, as some apps show it)."""
    try:
        return date.fromisoformat(text.strip().replace("/", "-"))
    except ValueError:
        raise problem("bad_date", field=field, value=_shown(text), **where) from None


def read_schedule(path: Path, start: date | None = None) -> Schedule:
    """A schedule file: CSV rows of `date,amount` (a header row is fine) or YAML, a list
    of {date, amount}. Without `start`, the money is taken as received one interval (the
    gap between the first two repayments) before the first repayment."""
    text = _read_text(path)
    if path.suffix.lower() in (".yaml", ".yml"):
        written_start, rows = _yaml_rows(path, text)
        start = start or (day(written_start, "start") if written_start else None)
    else:
        rows = _csv_rows(path, text)
    if len(rows) > MAX_ROWS:
        raise problem("schedule_too_long", path=path, limit=f"{MAX_ROWS:,}")
    payments = [
        (day(d, "row_date", path=path, line=line), number(a, "row_amount", path=path, line=line))
        for line, d, a in rows
    ]
    if not payments:
        raise problem("schedule_empty")
    for number_, ((earlier, _), (later, _)) in enumerate(pairwise(payments), start=2):
        if later <= earlier:  # said before a start is inferred from the first two rows
            raise problem("dates_out_of_order", number=number_, day=later, previous=earlier)
    if start is None:
        if len(payments) < 2:
            raise problem("schedule_needs_start")
        try:
            start = payments[0][0] - (payments[1][0] - payments[0][0])
        except OverflowError:  # before the year 1: two rows, but no day to count from
            raise problem("schedule_start_before_year_1") from None
    return Schedule(start, tuple(payments))


#: Why a schedule was not read, by `files.Unreadable.what`: each has its words in `words`.
UNREADABLE = {
    "folder": "schedule_is_folder",
    "pipe": "schedule_is_pipe",
    "device": "schedule_is_device",
    "socket": "schedule_is_special",
    "special": "schedule_is_special",
    "too-large": "schedule_too_large",
    "ENOENT": "schedule_missing",
    "ENOTDIR": "schedule_missing",
    "EACCES": "schedule_no_permission",
    "EPERM": "schedule_no_permission",
}


def unreadable(path: Path, what: str, reason: str) -> FeeInputError:
    """The problem with a schedule that was not read, in words every language has (the
    system's own words, in English, only for a rare failure)."""
    key = UNREADABLE.get(what)
    if key is not None:
        return problem(key, path=path)
    import errno
    import os

    number = getattr(errno, what, None) if what.startswith("E") else None
    said = os.strerror(number) if isinstance(number, int) else reason  # the system's words alone
    return problem("schedule_unreadable", path=path, reason=said)


def _read_text(path: Path) -> str:
    """The schedule as text: a regular file (a pipe or a device is refused without waiting),
    bounded in size, UTF-8."""
    from ..base import files

    try:
        data = files.read_bytes(path, "schedule file")
    except files.Unreadable as error:
        raise unreadable(path, error.what, error.reason) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise problem("schedule_not_utf8", path=path, line=line) from None


def _csv_rows(path: Path, text: str) -> list[tuple[int, str, str]]:
    """(line, date, amount) of each data row; blank lines, '#' comments and a header skipped."""
    import csv
    import io

    rows: list[tuple[int, str, str]] = []
    dialect = "excel-tab" if "\t" in text and "," not in text else "excel"
    for number_, cells in enumerate(csv.reader(io.StringIO(text), dialect), start=1):
        cells = [c.strip() for c in cells if c.strip()]
        if not cells or cells[0].startswith("#"):
            continue
        if len(cells) != 2:
            raise problem("schedule_bad_row", path=path, line=number_)
        if not rows and not cells[0][:1].isdigit():
            continue  # a header row, such as "date,amount" or "日期,金额"
        rows.append((number_, cells[0], cells[1]))
        if len(rows) > MAX_ROWS:
            break  # enough to refuse the file
    return rows


def _yaml_rows(path: Path, text: str) -> tuple[str | None, list[tuple[int, str, str]]]:
    """(start as written, rows): a list of {date, amount}, or {start, payments: [...]}."""
    from ..base import yamlsafe

    try:
        root = yamlsafe.parse(text, str(path))
        yamlsafe.plain_value(root, str(path))  # a date or amount given twice: refused
    except yamlsafe.YamlProblem as error:
        finding = error.finding
        if finding.code == "duplicate-key":
            raise problem("schedule_key_twice", path=path, line=finding.line) from None
        raise problem(
            "schedule_bad_value", path=path, line=finding.line, reason=finding.message
        ) from None
    start, items = None, root.items if root is not None and root.kind == "seq" else None
    if root is not None and root.kind == "map":
        found = {k.value: v for k, v in root.pairs}
        items = found["payments"].items if "payments" in found else None
        start = found["start"].value if "start" in found else None
    if items is None:
        raise problem("schedule_bad_row", path=path, line=root.line if root else 1)
    rows: list[tuple[int, str, str]] = []
    for item in items:
        fields = {k.value: v for k, v in item.pairs} if item.kind == "map" else {}
        d, a = fields.get("date"), fields.get("amount")
        if d is None or a is None or d.kind != "scalar" or a.kind != "scalar":
            raise problem("schedule_bad_row", path=path, line=item.line)
        rows.append((item.line, d.value, a.value))
    return start, rows
