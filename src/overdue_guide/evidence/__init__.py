"""The evidence log: calls, messages, visits and letters, checked against published rules.

`model` (the entry and its contract) → `parse` (files, options, the form; `times`
reads local times where clocks change) → `store` (SQLite) → `rules` (flags from
flows/evidence_rules.yaml) → `export` (Markdown, HTML, CSV, JSON, letter
material); `attach` fingerprints files, `letters` reads just what the letters
show, and `commands` is the I/O edge the CLI calls. The functions below are the
entry points for other features; they import lazily so this package costs
nothing until used.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

#: Checklist items of the main flow that tell the person to keep evidence or to complain:
#: a checklist with any of them is one after which the interview offers the log.
OFFER_AFTER_ITEMS: frozenset[str] = frozenset(
    {"keep_evidence", "record_now", "note_visitor", "fake_authority", "contacts_limits"}
    | {"report_12378"}
)


def worth_offering(item_ids: Iterable[str]) -> bool:
    """Whether a checklist with these item ids has evidence to keep (offer `interactive_add`)."""
    return not OFFER_AFTER_ITEMS.isdisjoint(item_ids)


def interactive_add(lang: str, leave: bool = False) -> int | None:
    """Ask for one entry in the terminal and store it; its id, or None if not saved
    (with `leave`, Back at the first question also means not saved).

    Raises `Interrupted` on Ctrl-C (nothing written) and `NoTerminal` without a terminal."""
    from .commands import interactive_add as run

    return run(lang, leave)


def letter_material() -> dict[str, Any] | None:
    """The log's timeline and evidence list as plain data, or None when there is no log
    (shape: `export.letter_material`). Without a log this costs a stat: SQLite and the
    store are not even imported."""
    from .paths import log_path

    if not log_path().is_file():  # as `store.exists()`
        return None
    from .letters import material

    return material()
