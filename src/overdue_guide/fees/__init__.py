"""The fee check (`overdue-guide fees`): what a loan really costs a year, against the
lines that matter (flows/fee_lines.yaml). A year is 365 days everywhere.

For other parts of the program:

- `compute(inputs, lines)` (pure): `FeeInputs` → `FeeResult` — figures, rates, lines.
- `render.view(result, lang)` / `render.as_text(view)` / `render.as_json(result, lang)`.
- `interactive(lang)`: the form in the terminal, the result shown, and returned
  (Ctrl-C or Ctrl-D raise `Interrupted`, from the menu after the checklist too; opened
  from that menu, Back at the first question returns None and the menu comes back).

Modules: model (data), words (texts), inputs (parsing), rates (maths), lines
(the data file), render (output), ask (the form's logic), run (the terminal edge).
"""

from __future__ import annotations

from .model import FeeInputs, FeeResult
from .rates import compute

__all__ = ["FEE_ITEMS", "FeeInputs", "FeeResult", "compute", "interactive"]

#: Checklist items whose advice turns on what the loan costs: after a checklist with any
#: of them the menu offers the fee check, and so does the web page.
FEE_ITEMS = frozenset({"fee_cap", "dispute_amount", "check_bill_in_app", "ask_installments"})


def interactive(
    lang: str, plain: bool = False, output_format: str = "text", leave: bool = False
) -> FeeResult | None:
    """Ask for the figures, show what the loan costs (text or JSON), and return the result.

    With `leave` (opened from the menu) Back at the first question returns None.
    Raises `NoTerminal` without a terminal and `Interrupted` on Ctrl-C or Ctrl-D."""
    from .run import interactive as run_interactive

    return run_interactive(lang, plain, output_format, leave)
