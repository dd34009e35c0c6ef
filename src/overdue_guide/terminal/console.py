"""The rich console everything on screen is drawn on."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from rich.console import Console


def wanted(environ: Mapping[str, str] | None = None) -> bool:
    """Whether the terminal asks for plain lines: TERM=dumb (or no TERM at all)."""
    env = os.environ if environ is None else environ
    return env.get("TERM", "dumb") in ("", "dumb")


def console(plain: bool) -> Console:
    """A rich console on stdout; `plain` (or NO_COLOR) turns styling off here and colour in
    the prompts."""
    from rich.console import Console

    if plain:
        os.environ["NO_COLOR"] = "1"
    # No escape codes at all for a plain run: bold and underline are noise to a screen
    # reader and in a log, as colour is. rich takes TERM=dumb for a terminal without
    # colours, but not a missing TERM: the prompts treat both alike (numbered lines), and
    # so does what is printed around them.
    styled = not (plain or os.environ.get("NO_COLOR") or wanted())
    colours: Literal["auto"] | None = "auto" if styled else None
    return Console(color_system=colours, highlight=False, emoji=False)
