"""The evidence log's operations: add, change, delete and read entries, each change one
transaction with the flags it affects kept beside it (`flagcache`).

The file itself (`path`, `exists`, `forget`) is `db`'s; rows are `rows`'s.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from . import flagcache
from .db import FILE_NAME, exists, forget, opened, path, transaction
from .rows import body, insert_attachments, read, shown, utc

if TYPE_CHECKING:  # `log list` reads columns only: the entry model is loaded when needed
    from .model import Entry

__all__ = ["FILE_NAME", "exists", "forget", "path"]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def add(entries: Iterable[Entry]) -> list[int]:
    """Store entries, all in one transaction, and their flags; their new ids.
    Creates the log if needed."""
    with opened(create=True) as db:
        assert db is not None
        ids = []
        with transaction(db):
            touched = []
            for entry in entries:
                cursor = db.execute(
                    "INSERT INTO entries (at_utc, zone, channel, body, added_utc, at_local,"
                    " direction, number, number_key, org) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        utc(entry.at),
                        entry.zone,
                        entry.channel,
                        body(entry),
                        _now(),
                        *shown(entry),
                    ),
                )
                assert cursor.lastrowid is not None
                insert_attachments(db, cursor.lastrowid, entry.attachments)
                ids.append(cursor.lastrowid)
                touched.append((cursor.lastrowid, entry))
            flagcache.refresh(db, touched)
        return ids


def replace(entry: Entry) -> bool:
    """Overwrite a stored entry (`log edit`); False if there is no entry with its id."""
    with opened() as db:
        if db is None:
            return False
        with transaction(db):
            before = read(db, "WHERE id = ?", (entry.id,))
            if not before:
                return False
            db.execute(
                "UPDATE entries SET at_utc = ?, zone = ?, channel = ?, body = ?, at_local = ?,"
                " direction = ?, number = ?, number_key = ?, org = ?, edited_utc = ? WHERE id = ?",
                (
                    utc(entry.at),
                    entry.zone,
                    entry.channel,
                    body(entry),
                    *shown(entry),
                    _now(),
                    entry.id,
                ),
            )
            db.execute("DELETE FROM attachments WHERE entry_id = ?", (entry.id,))
            insert_attachments(db, entry.id, entry.attachments)
            flagcache.refresh(db, [(entry.id, entry), (entry.id, before[0])])
        return True


def delete(entry_id: int) -> bool:
    """Remove one entry and its attachment records (never the files themselves)."""
    with opened() as db:
        if db is None:
            return False
        with transaction(db):
            before = read(db, "WHERE id = ?", (entry_id,))
            if not before:
                return False
            db.execute("DELETE FROM entries WHERE id = ?", (entry_id,))
            flagcache.refresh(db, [(entry_id, before[0])])
        return True


def entries() -> list[Entry]:
    """Every entry, oldest first (an empty list when there is no log)."""
    with opened() as db:
        return [] if db is None else read(db, "")


def listing(words: Mapping[str, str]) -> tuple[list[tuple[int, str, str]], bool]:
    """For `log list`: (id, line, flags) of every entry, oldest first, and whether the stored
    flags follow the current rules. SQLite builds each line (number, local time, channel
    and direction in `words`, number, institution), so a long log costs one string a row."""
    codes = [*words]
    cases = " ".join("WHEN ? THEN ?" for _ in codes)
    named = [value for code in codes for value in (code, words[code])]
    with opened() as db:
        if db is None:
            return [], True
        rows = db.execute(
            "SELECT id, printf('%5d', id) || '  ' || substr(at_local, 1, 10) || ' '"
            " || substr(at_local, 12, 5) || ' (' || substr(at_local, 20) || ')  '"
            f" || CASE channel {cases} ELSE channel END"
            f" || CASE direction {cases} ELSE '' END"
            " || '  ' || coalesce(nullif(number, ''), '-')"
            " || CASE WHEN coalesce(org, '') = '' THEN '' ELSE '  ' || org END,"
            " coalesce(flags, '') FROM entries ORDER BY at_utc, id",
            named + named,
        ).fetchall()
        return rows, flagcache.is_fresh(db)


def all_flags() -> list[tuple[int, str, str]] | None:
    """Every stored flag as (entry, code, reference), entries oldest first; None if the
    rules changed since the flags were kept."""
    with opened() as db:
        if db is None:
            return []
        if not flagcache.is_fresh(db):
            return None
        rows = db.execute("SELECT id, flags FROM entries WHERE flags != '' ORDER BY at_utc, id")
        return [(row[0], code, ref) for row in rows for code, ref in flagcache.decode(row[1])]


def stored_flags(ids: Iterable[int]) -> dict[int, list[tuple[str, str]]] | None:
    """The flags kept for entries `ids`, or None if the rules changed since they were kept."""
    with opened() as db:
        if db is None or not flagcache.is_fresh(db):
            return None
        wanted = list(ids)
        marks = ",".join("?" * len(wanted))
        rows = db.execute(f"SELECT id, flags FROM entries WHERE id IN ({marks})", wanted)
        return {row[0]: flagcache.decode(row[1]) for row in rows}


def entries_by_id(ids: Iterable[int]) -> list[Entry]:
    """The entries with these ids, oldest first."""
    wanted = tuple(ids)
    with opened() as db:
        if db is None or not wanted:
            return []
        return read(db, f"WHERE id IN ({','.join('?' * len(wanted))})", wanted)


def get(entry_id: int) -> Entry | None:
    with opened() as db:
        if db is None:
            return None
        found = read(db, "WHERE id = ?", (entry_id,))
        return found[0] if found else None
