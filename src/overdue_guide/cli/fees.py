"""The options of `overdue-guide fees` (the README's contract), parsed only when it runs.

The main command line hands `fees` its arguments unparsed; building these dozen
options costs every other command time, so they are built here, on demand.
"""

from pathlib import Path
from typing import Annotated, Any

import typer

from .options import CONTEXT, CheckFormat, Command, LangOption, PlainOption, lang_code

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings=CONTEXT,
)


def _figure(metavar: str, help_text: str) -> Any:
    return typer.Option(metavar=metavar, help=help_text, show_default=False)


@app.command(cls=Command)
def fees(
    principal: Annotated[str | None, _figure("YUAN", "Money actually received, in yuan.")] = None,
    periods: Annotated[
        str | None, _figure("N", "Monthly periods (with --fee-rate or --payment).")
    ] = None,
    fee_rate: Annotated[
        str | None, _figure("PCT", "Total fee in percent, as the app shows it.")
    ] = None,
    payment: Annotated[str | None, _figure("YUAN", "Payment per period, in yuan.")] = None,
    schedule: Annotated[
        Path | None, _figure("FILE", "CSV or YAML of date,amount rows (UTF-8, dates in order).")
    ] = None,
    start: Annotated[
        str | None, _figure("DATE", "With --schedule: the date the money came (YYYY-MM-DD).")
    ] = None,
    daily_rate: Annotated[str | None, _figure("PCT", "Interest in percent a day (Jiebei).")] = None,
    term_days: Annotated[
        str | None, _figure("DAYS", "With --daily-rate: days until repaid.")
    ] = None,
    days_overdue: Annotated[str | None, _figure("DAYS", "Days overdue.")] = None,
    overdue_rate: Annotated[str | None, _figure("PCT", "Overdue charge in percent a day.")] = None,
    overdue_charge: Annotated[
        str | None, _figure("YUAN", "Overdue charge so far, in yuan.")
    ] = None,
    overdue_amount: Annotated[
        str | None, _figure("YUAN", "The amount overdue (default: --principal).")
    ] = None,
    output_format: Annotated[
        CheckFormat, typer.Option("--format", help="text, or json for scripts.")
    ] = CheckFormat.text,
    lang: LangOption = None,
    plain: PlainOption = False,
) -> None:
    """What the loan really costs a year, against the 24 % line and 4 × LPR.

    Without figures it asks for them. A year is 365 days.

    The figures are your own, not checked. General information, not legal advice.

    Example: overdue-guide fees --principal 1200 --periods 12 --fee-rate 8.8
    """
    from ..fees.inputs import Figures
    from ..fees.run import interactive, scripted

    figures = Figures(
        principal, periods, fee_rate, payment, schedule, start, daily_rate, term_days,
        days_overdue, overdue_rate, overdue_charge, overdue_amount,
    )  # fmt: skip
    chosen = lang_code(lang)
    if output_format is CheckFormat.text:  # JSON keeps its language, in JSON's own escapes
        from ..output.encoding import screen_lang

        chosen = screen_lang(chosen, "--format json")
    if figures.any_given():
        scripted(figures, chosen, output_format.value, plain)
    else:
        interactive(chosen, plain, output_format.value)
