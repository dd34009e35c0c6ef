"""The flags kept beside the entries, so `log list` and `log add` need not re-check the
whole log (or parse YAML) on every run.

The flags are a cache: the store keeps, in its `meta` table, the text of the rules
file they were computed under and those rules as JSON. While the file is unchanged,
a change re-checks only the entries it can affect (the same number within a few
days: the only rule that looks at other entries counts calls per number per local
day); when the file changed, the next change re-checks every entry, and reads
compute flags afresh without writing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import timedelta
from typing import TYPE_CHECKING

from .paths import rules_path as shipped_path

if TYPE_CHECKING:
    from .model import Entry
    from .rules import Rules

#: Entries whose flags a change can affect: the same number within this many days
#: (a local day in any zone lies within 3 days of any moment on it in another zone).
AFFECTED = timedelta(days=3)


def _source() -> str:
    """The rules file as it is now: what the kept flags are checked against."""
    return shipped_path().read_text("utf-8")


def _meta(db: sqlite3.Connection) -> dict[str, str]:
    return dict(db.execute("SELECT key, value FROM meta").fetchall())


def is_fresh(db: sqlite3.Connection) -> bool:
    """Whether the stored flags were computed under the rules file as it is now."""
    return _meta(db).get("rules_source") == _source()


def current(db: sqlite3.Connection) -> tuple[Rules, bool]:
    """The rules (from the store's copy while the file is unchanged) and whether they are
    the ones the stored flags were computed under."""
    from .rules import from_json, load

    meta = _meta(db)
    if meta.get("rules_source") == _source():
        return from_json(meta["rules"], str(shipped_path())), True
    return load(), False


def encode(flags: Sequence[tuple[str, str]]) -> str:
    return " ".join(f"{code}:{reference}" for code, reference in flags)


def decode(text: str | None) -> list[tuple[str, str]]:
    return [tuple(item.split(":", 1)) for item in (text or "").split()]  # type: ignore[misc]


def refresh(db: sqlite3.Connection, touched: Sequence[tuple[int, Entry]]) -> None:
    """Inside a write transaction: recompute the flags `touched` entries can have changed."""
    from .rules import to_json
    from .store import read

    rules, fresh = current(db)
    if not fresh:
        _store(db, read(db, ""), rules)
        db.execute("INSERT OR REPLACE INTO meta VALUES ('rules_source', ?)", (_source(),))
        db.execute("INSERT OR REPLACE INTO meta VALUES ('rules', ?)", (to_json(rules),))
        return
    update = {entry_id for entry_id, _ in touched}
    near: set[int] = set()
    for _, entry in touched:
        if entry.number:
            update |= _same_number(db, entry, AFFECTED)
            near |= _same_number(db, entry, 2 * AFFECTED)
    ids = sorted(update | near)
    marks = ",".join("?" * len(ids))
    entries = read(db, f"WHERE id IN ({marks})", tuple(ids))
    _store(db, [e for e in entries if e.id in update], rules, context=entries)


def _same_number(db: sqlite3.Connection, entry: Entry, within: timedelta) -> set[int]:
    from .model import number_key

    rows = db.execute(
        "SELECT id FROM entries WHERE number_key = ? AND at_utc BETWEEN ? AND ?",
        (
            number_key(entry.number or ""),
            (entry.at - within).isoformat(timespec="seconds"),
            (entry.at + within).isoformat(timespec="seconds"),
        ),
    )
    return {row[0] for row in rows}


def _store(
    db: sqlite3.Connection,
    targets: Iterable[Entry],
    rules: Rules,
    context: Sequence[Entry] | None = None,
) -> None:
    from .rules import evaluate

    targets = list(targets)
    found: dict[int, list[tuple[str, str]]] = {e.id: [] for e in targets}
    for flag in evaluate(context if context is not None else targets, rules):
        if flag.entry in found:
            found[flag.entry].append((flag.code, flag.reference))
    db.executemany(
        "UPDATE entries SET flags = ? WHERE id = ?",
        [(encode(flags), entry_id) for entry_id, flags in found.items()],
    )
