"""The fee check at the edge: figures in (options or the form), the result out.

Where the pure parts (inputs, rates, render) meet the terminal: the one place
here that prints or asks. Errors are `FeeInputError`s in the person's language;
the console script's boundary (entry.py) turns them into one line and exit 2.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..errors import FeeInputError, Interrupted, NoTerminal
from .inputs import Figures, from_figures
from .lines import load_lines
from .model import FeeInputs, FeeResult
from .rates import compute
from .words import localized, say

if TYPE_CHECKING:
    from rich.console import Console

    from ..interview.loop import Nav


def calculate(inputs: FeeInputs, lang: str) -> FeeResult:
    """`compute` against the shipped lines, any problem said in `lang`."""
    try:
        return compute(inputs, load_lines())
    except FeeInputError as error:
        raise localized(error, lang) from None


def scripted(
    figures: Figures, lang: str, output_format: str = "text", plain: bool = False
) -> FeeResult:
    """The figures from options: check, compute, print in `output_format` (text or json)."""
    try:
        inputs = from_figures(figures)
    except FeeInputError as error:
        raise localized(error, lang) from None
    result = calculate(inputs, lang)
    emit(result, lang, output_format, plain)
    return result


def emit(result: FeeResult, lang: str, output_format: str = "text", plain: bool = False) -> None:
    """Print the result: JSON (the contract), or the text view (coloured in a terminal)."""
    from . import render

    if output_format == "json":
        import json  # not export.as_json: that module brings the checklist's report along

        from ..output.encoding import for_format

        for_format(sys.stdout, "json")  # a terminal not in UTF-8: JSON escapes, same content
        sys.stdout.write(json.dumps(render.as_json(result, lang), ensure_ascii=False, indent=2))
        sys.stdout.write("\n")
        return
    shown = render.view(result, lang, _cites(lang))
    if sys.stdout.isatty():
        from ..terminal.console import console

        screen = console(plain)
        screen.print()
        render.show(screen, shown)
    else:
        sys.stdout.write(render.as_text(shown, shutil.get_terminal_size((80, 24)).columns))


def interactive(
    lang: str, plain: bool = False, output_format: str = "text", leave: bool = False
) -> FeeResult | None:
    """The form in the terminal, then the result on screen; returns it for the caller
    (an instalment letter can quote `result.rates`). Ctrl-C or Ctrl-D: `Interrupted`.
    With `leave`, Back at the first question returns None (see `ask.run_form`)."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise NoTerminal(say("no_terminal", lang))
    from ..output.layout import Wrapped
    from ..terminal.console import console
    from .ask import run_form

    screen = console(plain)
    screen.print(Wrapped(say("title", lang), "bold underline"))
    screen.print(Wrapped(say("intro", lang), "dim"))
    lines = load_lines()
    try:
        figures = run_form(
            _Terminal(lang, screen), lang, lambda f: compute(from_figures(f), lines), leave
        )
    except (KeyboardInterrupt, EOFError):
        raise Interrupted(_interrupted(lang)) from None
    if figures is None:
        return None
    result = calculate(from_figures(figures), lang)
    emit(result, lang, output_format, plain)
    return result


def _interrupted(lang: str) -> str:
    from ..base.words import message

    return message("interrupted", lang)


def _cites(lang: str) -> dict[str, str]:
    """Reference id → what it cites (`render.cites`), from the shipped sources file."""
    from ..base.places import shipped_dir
    from ..flow.bundle import SOURCES_FILE
    from ..flow.catalog import parse_catalog
    from .render import cites

    catalog, _ = parse_catalog(shipped_dir() / SOURCES_FILE)
    return {} if catalog is None else cites(catalog, lang)


class _Terminal:
    """The form's `Asker` on a real terminal: questionary through prompts.py, rich notes."""

    def __init__(self, lang: str, screen: Console) -> None:
        self.lang = lang
        self.screen = screen

    def choice(
        self, title: str, choices: list[tuple[str, str]], default: str | None, back: bool
    ) -> str | Nav:
        from ..terminal import prompts

        return prompts.ask_choice(title, choices, default, self.lang, back)

    def text(
        self, title: str, hint: str, default: str, validate: Callable[[str], str | None]
    ) -> str:
        from ..terminal import prompts

        return prompts.ask_text(title, default, validate, hint, self.lang)

    def note(self, text: str) -> None:
        from ..output import render

        render.note(self.screen, text)
