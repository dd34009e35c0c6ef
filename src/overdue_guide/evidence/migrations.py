"""The evidence log's database schema, version by version.

`MIGRATIONS[n]` upgrades a database at schema version n (`PRAGMA user_version`) to
n + 1; a new database runs them all. A migration runs inside the store's
transaction, so a database is at one version or the next, never between. Never
edit a published step: add the next one.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import datetime


def _schema_1(db: sqlite3.Connection) -> None:
    """The first schema: each entry's fields as JSON, attachments inside it."""
    db.execute(
        """CREATE TABLE entries (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at_utc TEXT NOT NULL,
            zone TEXT NOT NULL,
            channel TEXT NOT NULL,
            body TEXT NOT NULL,
            added_utc TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX entries_by_time ON entries (at_utc, id)")


def _schema_2(db: sqlite3.Connection) -> None:
    """Attachments get a table (so `log verify` need not parse bodies); entries get the
    columns `log list` shows and the per-number counts use, an edit time, and their flags
    (a cache, kept under the rules recorded in `meta`; see `flagcache`)."""
    from .model import number_key, zone_info

    for column in ("at_local", "direction", "number", "number_key", "org", "flags", "edited_utc"):
        db.execute(f"ALTER TABLE entries ADD COLUMN {column} TEXT")
    db.execute(
        """CREATE TABLE attachments (
            entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            path TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            mtime TEXT NOT NULL,
            PRIMARY KEY (entry_id, position)
        )"""
    )
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    rows = db.execute("SELECT id, at_utc, zone, body FROM entries").fetchall()
    for entry_id, at, zone, body in rows:
        fields = json.loads(body)
        for position, item in enumerate(fields.pop("attachments", [])):
            db.execute(
                "INSERT INTO attachments VALUES (?, ?, ?, ?, ?, ?)",
                (entry_id, position, item["path"], item["sha256"], item["size"], item["mtime"]),
            )
        local = datetime.fromisoformat(at).astimezone(zone_info(zone)).isoformat(timespec="seconds")
        number = fields.get("number")
        db.execute(
            "UPDATE entries SET body = ?, at_local = ?, direction = ?, number = ?,"
            " number_key = ?, org = ? WHERE id = ?",
            (
                json.dumps(fields, ensure_ascii=False),
                local,
                fields.get("direction"),
                number,
                number_key(number) if number else None,
                fields.get("org"),
                entry_id,
            ),
        )
    db.execute("CREATE INDEX entries_by_number ON entries (number_key, at_utc)")


def _schema_3(db: sqlite3.Connection) -> None:
    """Numbers are counted by a normalised key (`model.number_key`: full-width digits,
    dashes and invisible marks no longer make another number): every key is worked out
    again, and the flags kept under the old keys are dropped, to be worked out afresh."""
    from .model import number_key

    rows = db.execute("SELECT id, number FROM entries WHERE number IS NOT NULL").fetchall()
    db.executemany(
        "UPDATE entries SET number_key = ? WHERE id = ?",
        [(number_key(number), entry_id) for entry_id, number in rows],
    )
    db.execute("DELETE FROM meta WHERE key IN ('rules_source', 'rules')")


#: MIGRATIONS[n] upgrades a database at schema version n to n + 1.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_schema_1, _schema_2, _schema_3)
VERSION = len(MIGRATIONS)
