"""The fee check (`overdue-guide fees`): what a loan really costs a year, against the
lines that matter (flows/fee_lines.yaml). A year is 365 days everywhere.

For other parts of the program:

- `compute(inputs, lines)` (pure): `FeeInputs` → `FeeResult` — figures, rates, lines.
- `render.view(result, lang)` / `render.as_text(view)` / `render.as_json(result, lang)`.
- `interactive(lang)`: the form in the terminal, the result shown, and returned;
  `from_menu(lang)` the same, but Ctrl-C in the form returns None instead of exiting.

Modules: model (data), words (texts), inputs (parsing), rates (maths), lines
(the data file), render (output), ask (the form's logic), run (the terminal edge).
"""

from __future__ import annotations

from .model import FeeInputs, FeeResult
from .rates import compute

__all__ = ["FeeInputs", "FeeResult", "compute", "from_menu", "interactive"]


def interactive(lang: str, plain: bool = False, output_format: str = "text") -> FeeResult:
    """Ask for the figures, show what the loan costs (text or JSON), and return the result.

    Raises `NoTerminal` without a terminal and `Interrupted` on Ctrl-C or Ctrl-D."""
    from .run import interactive as run_interactive

    return run_interactive(lang, plain, output_format)


def from_menu(lang: str, plain: bool = False) -> FeeResult | None:
    """`interactive` for a menu after the checklist: Ctrl-C or Ctrl-D in the form returns
    None (back to the menu) instead of ending the program."""
    from ..errors import Interrupted

    try:
        return interactive(lang, plain)
    except Interrupted:
        return None
