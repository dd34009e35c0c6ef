"""The flags kept beside the entries, so `log list` and `log add` need not re-check the
whole log (or parse YAML) on every run.

The flags are a cache: the store keeps, in its `meta` table, the text of the rules
file they were computed under and those rules as JSON. While the file is unchanged,
a change re-checks only the entries it can affect (the same number on the same
local day: the only rule that looks at other entries counts calls per number per
local day); when the file changed, the next change re-checks every entry, and reads
compute flags afresh without writing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import timedelta
from typing import TYPE_CHECKING

from .paths import rules_path as shipped_path
from .rows import read

if TYPE_CHECKING:
    from .model import Entry
    from .rules import Rules

#: Entries counted on one local day lie within this many days of each other
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

    rules, fresh = current(db)
    if not fresh:
        _store(db, read(db, ""), rules)
        db.execute("INSERT OR REPLACE INTO meta VALUES ('rules_source', ?)", (_source(),))
        db.execute("INSERT OR REPLACE INTO meta VALUES ('rules', ?)", (to_json(rules),))
        return
    group = {entry_id for entry_id, _ in touched}
    for _, entry in touched:
        if entry.number:
            group |= _same_day_same_number(db, entry)
    ids = sorted(group)
    marks = ",".join("?" * len(ids))
    _store(db, read(db, f"WHERE id IN ({marks})", tuple(ids)), rules)


def _same_day_same_number(db: sqlite3.Connection, entry: Entry) -> set[int]:
    """The entries counted with `entry` by the only rule that looks at other entries
    (calls per number per local day): its number, on its local day. Each entry's day is
    in its own zone, so the index narrows by time and the kept local date decides."""
    from .model import number_key

    rows = db.execute(
        "SELECT id FROM entries WHERE number_key = ? AND at_utc BETWEEN ? AND ?"
        " AND substr(at_local, 1, 10) = ?",
        (
            number_key(entry.number or ""),
            (entry.at - AFFECTED).isoformat(timespec="seconds"),
            (entry.at + AFFECTED).isoformat(timespec="seconds"),
            entry.local.date().isoformat(),
        ),
    )
    return {row[0] for row in rows}


def _store(db: sqlite3.Connection, targets: Sequence[Entry], rules: Rules) -> None:
    """Keep the flags of `targets`, which hold every entry counted with any of them."""
    from .flags import evaluate

    found: dict[int, list[tuple[str, str]]] = {e.id: [] for e in targets}
    for flag in evaluate(targets, rules):
        if flag.entry in found:
            found[flag.entry].append((flag.code, flag.reference))
    db.executemany(
        "UPDATE entries SET flags = ? WHERE id = ?",
        [(encode(flags), entry_id) for entry_id, flags in found.items()],
    )
