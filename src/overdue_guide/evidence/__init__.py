"""The evidence log: calls, messages, visits and letters, checked against published rules.

`model` (the entry and its contract) → `parse` (files, options, the form) →
`store` (SQLite) → `rules` (flags from flows/evidence_rules.yaml) → `export`
(Markdown, HTML, CSV, JSON, letter material); `attach` fingerprints files and
`commands` is the I/O edge the CLI calls. The two functions below are the entry
points for other features; they import lazily so this package costs nothing
until used.
"""

from __future__ import annotations

from typing import Any


def interactive_add(lang: str) -> int | None:
    """Ask for one entry in the terminal and store it; its id, or None if not saved.

    Raises `Interrupted` on Ctrl-C (nothing written) and `NoTerminal` without a terminal."""
    from .commands import interactive_add as run

    return run(lang)


def letter_material() -> dict[str, Any] | None:
    """The log's timeline and evidence list as plain data, or None when there is no log
    (shape: `export.letter_material`)."""
    from .commands import load_for_letters

    return load_for_letters()
