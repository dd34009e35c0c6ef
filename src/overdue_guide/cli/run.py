"""`overdue-guide run`: the interview, or a scripted run from an answers file.

Its own module, like `fees` and `log`, so that a scripted run (see `entry.py`) loads
only this command, not the definitions of every other one.

No `from __future__ import annotations` here: typer reads the annotations on every run.
"""

from pathlib import Path
from typing import Annotated

import typer

from .options import (
    CONTEXT,
    Command,
    FlowArgument,
    Format,
    FormatOption,
    LangOption,
    OutputOption,
    PlainOption,
    SaveOption,
    lang_code,
)


def run(
    flow: FlowArgument = None,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers", help="YAML or JSON file of question id → answer code: no prompts."
        ),
    ] = None,
    output_format: FormatOption = Format.text,
    output: OutputOption = None,
    lang: LangOption = None,
    plain: PlainOption = False,
    save: SaveOption = False,
) -> None:
    """Ask the questions (or read them from --answers) and print the checklist.

    Example: overdue-guide run --answers answers.yaml --format json
    """
    from ..session import run as session

    settings = session.Output(lang_code(lang), output_format.value, output, plain)
    if answers is not None:
        session.scripted(flow, answers, settings)
    else:
        session.interactive(flow, settings, save)


#: `run` on its own, for `entry.py`: a scripted run need not build the other commands.
run_app = typer.Typer(
    add_completion=False, pretty_exceptions_enable=False, context_settings=CONTEXT
)
run_app.command(cls=Command)(run)
