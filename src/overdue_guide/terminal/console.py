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
    """A rich console on stdout; `plain` turns colour off here and in the prompts."""
    from rich.console import Console

    if plain:
        os.environ["NO_COLOR"] = "1"
    # rich takes TERM=dumb for a terminal without colours, but not a missing TERM: the
    # prompts treat both alike (numbered lines), and so does what is printed around them.
    colours: Literal["auto"] | None = None if wanted() else "auto"
    return Console(no_color=plain or None, color_system=colours, highlight=False, emoji=False)
