"""Entries as rows of the log and back: the JSON body, the columns `log list` and the
counts read, and the attachments' table."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # `log list` reads columns only: the entry model is loaded when needed
    from .model import Attachment, Entry

#: Columns of `entries` kept out of the JSON body; attachments have a table of their own.
_COLUMNS = ("at", "zone", "channel", "attachments")


def shown(entry: Entry) -> tuple[str | None, ...]:
    """The columns kept beside the body: what `log list` shows and the counts group by."""
    from .model import number_key

    key = number_key(entry.number) if entry.number else None
    return (
        entry.local.isoformat(timespec="seconds"),
        entry.direction,
        entry.number,
        key,
        entry.org,
    )


def utc(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")


def body(entry: Entry) -> str:
    from .model import to_mapping

    fields = to_mapping(entry)
    for name in _COLUMNS:
        fields.pop(name, None)
    return json.dumps(fields, ensure_ascii=False)


def insert_attachments(
    db: sqlite3.Connection, entry_id: int, attachments: tuple[Attachment, ...]
) -> None:
    db.executemany(
        "INSERT INTO attachments VALUES (?, ?, ?, ?, ?, ?)",
        [(entry_id, n, a.path, a.sha256, a.size, a.mtime) for n, a in enumerate(attachments)],
    )


def read(db: sqlite3.Connection, where: str, args: tuple[object, ...] = ()) -> list[Entry]:
    from .model import Attachment

    files: dict[int, list[Attachment]] = {}
    attachment_where = where.replace("id", "entry_id")
    for row in db.execute(
        f"SELECT entry_id, path, sha256, size, mtime FROM attachments {attachment_where}"
        " ORDER BY entry_id, position",
        args,
    ):
        files.setdefault(row[0], []).append(Attachment(*row[1:]))
    rows = db.execute(
        "SELECT id, at_utc, zone, channel, body, added_utc, edited_utc FROM entries"
        f" {where} ORDER BY at_utc, id",
        args,
    )
    return [_entry(row, tuple(files.get(row[0], ()))) for row in rows]


@lru_cache(maxsize=1)
def _defaults() -> dict[str, Any]:
    """Every field of an entry with its default, for building stored entries fast."""
    from dataclasses import fields

    from .model import Entry

    return {f.name: f.default for f in fields(Entry)}


def _entry(row: tuple[Any, ...], attachments: tuple[Attachment, ...]) -> Entry:
    """An entry from a row this module wrote. The rows are trusted, so the dataclass's
    `__init__` (a frozen one sets each of 25 fields through `object.__setattr__`) is
    skipped: a long log loads several times faster."""
    from .model import Entry, ThirdParty

    entry_id, at, zone, channel, body, added, edited = row
    values = json.loads(body)
    values.pop("id", None)
    for name, value in values.items():
        if name == "third_parties":
            values[name] = tuple(ThirdParty(p["who"], p.get("told")) for p in value)
        elif isinstance(value, list):
            values[name] = tuple(value)
    entry: Entry = object.__new__(Entry)
    entry.__dict__.update(
        _defaults(),
        **values,
        at=datetime.fromisoformat(at),
        zone=zone,
        channel=channel,
        attachments=attachments,
        id=entry_id,
        added=added,
        edited=edited or "",
    )
    return entry
