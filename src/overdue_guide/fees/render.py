"""The fee check's result for people (a screen, plain text) and for scripts (JSON).

`view` turns a `FeeResult` into the words of one language, as plain data; `show`
draws that on a rich console, `as_text` the same without colour, `as_json` is the
contract in the README. Rates are shown to two decimals, money to the fen.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from .model import YEAR_DAYS, DailyRate, FeeResult, Instalments, LineCheck, Payments, Schedule
from .words import say

if TYPE_CHECKING:
    from rich.console import Console

    from ..flow.model import Catalog

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Row:
    """A figure: what it is, its value, and how it is worked out (or what it covers)."""

    label: str
    value: str
    note: str = ""


@dataclass(frozen=True)
class LineView:
    """One line that matters, against this loan."""

    above: bool
    head: str
    verdict: str
    note: str


@dataclass(frozen=True)
class View:
    """Everything the screen shows, in one language."""

    lang: str
    title: str
    caveat: str
    box: tuple[Row, ...]
    rates: tuple[Row, ...]
    how: str
    overdue: tuple[Row, ...]
    lines: tuple[LineView, ...]
    advice: tuple[str, ...]
    sources: tuple[tuple[str, str], ...]


def money(amount: Decimal) -> str:
    return f"¥{amount.quantize(CENT, ROUND_HALF_UP):,}"


def percent(rate: Decimal, places: str = "0.01") -> str:
    return f"{rate.quantize(Decimal(places), ROUND_HALF_UP)}"


# pragma: no mutate start (the terminal view's layout and wording: tests/test_fees_form.py)
def view(result: FeeResult, lang: str, cites: dict[str, str] | None = None) -> View:
    """The result in `lang`; `cites` maps reference ids to what they cite, for the sources."""
    above = any(check.above for check in result.lines)
    advice = (say("agents", lang), say("free_advice", lang)) if above else ()
    cited = {ref for check in result.lines for ref in check.line.references}
    cited |= {"R53", "R60"} if above else set()
    in_order = sorted(cited, key=lambda ref: (len(ref), ref))
    return View(
        lang=lang,
        title=say("title", lang),
        caveat=say("own_figures", lang),
        box=_box(result, lang),
        rates=_rate_rows(result, lang),
        how=say("how_computed", lang, k=result.rates.periods_per_year),
        overdue=_overdue_rows(result, lang),
        lines=tuple(_line(check, lang) for check in result.lines),
        advice=advice,
        sources=tuple((ref, (cites or {}).get(ref, "")) for ref in in_order),
    )


def _box(result: FeeResult, lang: str) -> tuple[Row, ...]:
    """The four figures of a US credit disclosure box."""
    return (
        Row(say("received", lang), money(result.amount_received)),
        Row(say("cost", lang), money(result.cost_of_credit)),
        Row(say("total", lang), money(result.total_to_repay), _plan_note(result, lang)),
        Row(say("annual", lang), f"{percent(result.rates.nominal_irr)} %"),
    )


def _rate_rows(result: FeeResult, lang: str) -> tuple[Row, ...]:
    """The three yearly rates, each with what it measures in plain words (the formulas
    are in `how`, one line, and in the JSON)."""
    rates, k = result.rates, result.rates.periods_per_year
    per_period = percent(rates.nominal_irr / k, "0.0001")
    return (
        Row(say("simple", lang), f"{percent(rates.simple)} %", say("simple_formula", lang)),
        Row(
            say("nominal_irr", lang),
            f"{percent(rates.nominal_irr)} %",
            say("nominal_formula", lang, r=per_period, k=k),
        ),
        Row(
            say("effective", lang),
            f"{percent(rates.effective)} %",
            say("effective_formula", lang, k=k),
        ),
    )


def _overdue_rows(result: FeeResult, lang: str) -> tuple[Row, ...]:
    """What the overdue charge is in yuan (a row without a value) and as a yearly rate."""
    o = result.overdue
    if o is None:
        return ()
    what = say(
        "overdue_line",
        lang,
        days=o.days,
        on=yuan(o.on_amount),
        charge=yuan(o.charge),
        daily=percent(o.daily_rate, "0.0001").rstrip("0").rstrip("."),
    )
    yearly = f"{percent(o.yearly_rate)} %"
    return (Row(what, ""), Row(say("overdue_rate", lang), yearly, say("overdue_formula", lang)))


# pragma: no mutate end


def yuan(amount: Decimal) -> str:
    """An amount with thousands separators and two decimals, without the ¥."""
    return money(amount).removeprefix("¥")


# pragma: no mutate start (the terminal view's layout and wording: tests/test_fees_form.py)
def _plan_note(result: FeeResult, lang: str) -> str:
    plan, repayments = result.inputs.plan, result.repayments
    if isinstance(plan, Instalments | Payments):
        return say(
            "plan_instalments",
            lang,
            periods=plan.periods,
            payment=yuan(repayments[0].amount),
        )
    if isinstance(plan, Schedule):
        return say(
            "plan_schedule", lang, count=len(plan.payments), last=plan.payments[-1][0].isoformat()
        )
    if isinstance(plan, DailyRate):
        return say("plan_daily", lang, days=plan.term_days)
    return ""


def _line(check: LineCheck, lang: str) -> LineView:
    line = check.line
    sep = ", " if lang == "en" else "，"
    figure = [say("line_rate", lang, rate=percent(line.rate))]
    if line.lpr is not None:
        times = (line.rate / line.lpr).normalize()
        figure.append(say("lpr_of", lang, lpr=percent(line.lpr), times=times))
    figure.append(say("line_date", lang, date=line.date))
    if line.checked:
        figure.append(say("line_checked", lang, date=line.checked))
    wrapped = f" ({sep.join(figure)})" if lang == "en" else f"（{sep.join(figure)}）"
    head = f"{_text(line.name, lang)}{wrapped} {' '.join(line.references)}"
    verdict = _text(line.above if check.above else line.below, lang)
    if check.above:
        names = [say(f"measure_{m}", lang) for m in check.measures]
        joined = (", " if lang == "en" else "、").join(names)
        verdict += (" " if lang == "en" else "") + say("by_measures", lang, measures=joined)
    note = _text(line.note, lang) if line.note else ""
    return LineView(check.above, head, verdict, note)


def _text(value: Any, lang: str) -> str:
    from ..base.i18n import text

    return text(value, lang)


def show(console: Console, shown: View) -> None:
    """Draw the view: figures in aligned columns, lines marked, sources, the footer."""
    from rich.table import Table
    from rich.text import Text

    from ..output.layout import Wrapped

    console.print(Wrapped(shown.title, "bold underline"))
    console.print(Wrapped(shown.caveat, "dim"))
    for heading, rows in (
        (say("box", shown.lang), shown.box),
        (say("rates", shown.lang), shown.rates),
        (say("overdue", shown.lang), shown.overdue),
    ):
        if not rows:
            continue
        console.print()
        console.print(Text(heading, style="bold"))
        for row in rows:
            if not row.value:
                console.print(Wrapped(row.label, indent=1))
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True)
        table.add_column(justify="right", no_wrap=True, style="bold")
        table.add_column(style="dim")
        for row in rows:
            if row.value:
                table.add_row(f" {row.label}", row.value, row.note)
        console.print(table)
        if rows is shown.rates:
            console.print(Wrapped(shown.how, "dim", indent=1))
    console.print()
    console.print(Text(say("lines", shown.lang), style="bold"))
    for line in shown.lines:
        mark, style = ("▲", "bold yellow") if line.above else ("·", "bold")
        console.print(Wrapped(f"{mark} {line.head}", style, indent=1, hang=2))
        console.print(Wrapped(line.verdict, "yellow" if line.above else "", indent=3))
        if line.note:
            console.print(Wrapped(line.note, "dim", indent=3))
    for advice in shown.advice:
        console.print()
        console.print(Wrapped(advice, "bold", indent=1))
    if shown.sources:
        console.print()
        console.print(Text(say("sources", shown.lang), style="bold"))
        for ident, cite in shown.sources:
            console.print(Wrapped(f"{ident} {cite}".rstrip(), indent=1, hang=4))
    console.print()
    console.print(Wrapped(say("footer", shown.lang), "bold"))


def as_text(shown: View, width: int = 80) -> str:
    """The view as plain text, laid out as on screen, without colour codes."""
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width, no_color=True, color_system=None, highlight=False, emoji=False
    )
    show(console, shown)
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


# pragma: no mutate end


def as_json(result: FeeResult, lang: str) -> dict[str, Any]:
    """The README's JSON contract: money and yearly rates as strings with two decimals."""
    o = result.overdue
    return {
        "lang": lang,
        "inputs": inputs_json(result),
        "amount_received": _m(result.amount_received),
        "cost_of_credit": _m(result.cost_of_credit),
        "total_to_repay": _m(result.total_to_repay),
        "repayments": [
            {"after_days": f"{r.years * YEAR_DAYS:.2f}", "amount": _m(r.amount)}
            for r in result.repayments
        ],
        "rates": {
            "simple": percent(result.rates.simple),
            "nominal_irr": percent(result.rates.nominal_irr),
            "effective": percent(result.rates.effective),
        },
        "periods_per_year": result.rates.periods_per_year,
        "year_days": YEAR_DAYS,
        "overdue": None
        if o is None
        else {
            "days": o.days,
            "on_amount": _m(o.on_amount),
            "charge": _m(o.charge),
            "daily_rate": percent(o.daily_rate, "0.0001"),
            "yearly_rate": percent(o.yearly_rate),
        },
        "lines": [
            {
                "id": c.line.id,
                "name": _text(c.line.name, lang),
                "rate": percent(c.line.rate),
                "above": c.above,
                "by": list(c.measures),
                "reference": c.line.references[0],
                "references": list(c.line.references),
                "date": c.line.date,
                "checked": c.line.checked,
                "lpr": percent(c.line.lpr) if c.line.lpr is not None else None,
            }
            for c in result.lines
        ],
    }


def inputs_json(result: FeeResult) -> dict[str, Any]:
    """The figures as given: the plan's kind and its fields, the overdue ones if any."""
    inputs, plan = result.inputs, result.inputs.plan
    found: dict[str, Any] = {"principal": str(inputs.principal)}
    if isinstance(plan, Instalments):
        found |= {"plan": "instalments", "periods": plan.periods, "fee_rate": str(plan.fee_rate)}
    elif isinstance(plan, Payments):
        found |= {"plan": "payments", "periods": plan.periods, "payment": str(plan.payment)}
    elif isinstance(plan, DailyRate):
        found |= {
            "plan": "daily_rate",
            "daily_rate": str(plan.daily_rate),
            "term_days": plan.term_days,
        }
    else:
        found |= {
            "plan": "schedule",
            "start": plan.start.isoformat(),
            "schedule": [{"date": d.isoformat(), "amount": str(a)} for d, a in plan.payments],
        }
    if inputs.overdue is not None:
        o = inputs.overdue
        found["days_overdue"] = o.days
        for name, value in (
            ("overdue_rate", o.daily_rate),
            ("overdue_charge", o.charge),
            ("overdue_amount", o.amount),
        ):
            if value is not None:
                found[name] = str(value)
    return found


def _m(amount: Decimal) -> str:
    return f"{amount.quantize(CENT, ROUND_HALF_UP)}"


def cites(catalog: Catalog, lang: str) -> dict[str, str]:
    """Reference id → what it cites, as the fee check's sources list it (on a terminal and
    on the page alike): in the script of `lang`, in English after its English name, a fact
    marked M said to be reported, as the checklist's source list does."""
    from ..base.i18n import traditional
    from ..base.words import message

    found = {}
    for ident, ref in catalog.references.items():
        cite = traditional(ref.cite) if lang == "zh-TW" else ref.cite
        if lang == "en" and ref.gloss:
            cite = f"{ref.gloss}: {cite}"
        reported = ref.confidence == "M" and (lang == "en" or "据报道" not in ref.cite)
        found[ident] = cite + (message("source_reported", lang) if reported else "")
    return found
