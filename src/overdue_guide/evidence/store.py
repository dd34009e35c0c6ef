"""The evidence log on disk: one SQLite database in the user data directory.

Why SQLite: every change is a transaction, so a crash or `kill -9` loses nothing
committed and leaves no half entry; WAL and a busy timeout let two `log add`
run at once and both land. The file is created by the first `log add` only,
with mode 0600. `PRAGMA user_version` is the schema version; `MIGRATIONS`
upgrades older files in place, in a transaction. A file SQLite calls damaged
is moved aside (with its -wal and -shm files) and reported, never overwritten.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import StorageError
from .migrations import MIGRATIONS, VERSION
from .paths import LOG_FILE, log_path

if TYPE_CHECKING:  # `log list` reads columns only: the entry model is loaded when needed
    from .model import Attachment, Entry

FILE_NAME = LOG_FILE
SUFFIXES = ("", "-wal", "-shm", "-journal")
BUSY_TIMEOUT_MS = 30_000

#: Columns of `entries` kept out of the JSON body; attachments have a table of their own.
_COLUMNS = ("at", "zone", "channel", "attachments")


def path() -> Path:
    """Where the log lives (`paths.log_path`)."""
    return log_path()


def exists() -> bool:
    return path().is_file()


@contextmanager
def opened(create: bool = False) -> Iterator[sqlite3.Connection | None]:
    """A connection to the log, migrated to `VERSION`; None if there is no log and
    `create` is false. Damage found while it is open moves the file aside."""
    where = path()
    if not where.exists():
        if not create:
            yield None
            return
        _create_file(where)
    db: sqlite3.Connection | None = None
    try:
        db = sqlite3.connect(where, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        _use_wal(db)
        db.execute("PRAGMA synchronous = NORMAL")
        _migrate(db, where)
        yield db
    except sqlite3.OperationalError as error:
        raise StorageError(f"evidence log {where}: {error}") from None
    except sqlite3.DatabaseError as error:
        if db is not None:
            db.close()
            db = None
        raise _set_aside(where, str(error)) from None
    finally:
        if db is not None:
            db.close()


def _use_wal(db: sqlite3.Connection) -> None:
    """Switch a new log to WAL. Two first `log add`s race here, and SQLite does not apply
    the busy timeout to a journal-mode change: wait for the other one instead of failing."""
    import time

    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        try:
            db.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _create_file(where: Path) -> None:
    """An empty file with mode 0600 (SQLite gives -wal and -shm the same mode)."""
    try:
        where.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.close(os.open(where, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        pass
    except OSError as error:
        raise StorageError(f"cannot create the evidence log {where}: {error.strerror}") from None


def _migrate(db: sqlite3.Connection, where: Path) -> None:
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version == VERSION:
        return
    if version > VERSION:
        raise StorageError(
            f"evidence log {where} has schema {version}, newer than this program knows "
            f"({VERSION}): update overdue-guide; the file was left as it is"
        )
    with transaction(db):
        version = db.execute("PRAGMA user_version").fetchone()[0]  # another process may be first
        for step in MIGRATIONS[version:]:
            step(db)
        db.execute(f"PRAGMA user_version = {VERSION}")


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[None]:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any exception: all of it or none."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _set_aside(where: Path, reason: str) -> StorageError:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = where.with_name(f"{where.stem}.damaged-{stamp}{where.suffix}")
    try:
        for suffix in SUFFIXES:
            source = Path(f"{where}{suffix}")
            if source.exists():
                source.replace(Path(f"{aside}{suffix}"))
    except OSError as error:
        return StorageError(
            f"evidence log {where} is damaged ({reason}) and could not be moved aside: "
            f"{error.strerror}"
        )
    return StorageError(
        f"evidence log {where} is damaged ({reason}); moved it to {aside.name}, "
        "kept it unchanged, and wrote nothing"
    )


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def add(entries: Iterable[Entry]) -> list[int]:
    """Store entries, all in one transaction, and their flags; their new ids.
    Creates the log if needed."""
    from . import flagcache

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
                        _utc(entry.at),
                        entry.zone,
                        entry.channel,
                        _body(entry),
                        _now(),
                        *_shown(entry),
                    ),
                )
                assert cursor.lastrowid is not None
                _insert_attachments(db, cursor.lastrowid, entry.attachments)
                ids.append(cursor.lastrowid)
                touched.append((cursor.lastrowid, entry))
            flagcache.refresh(db, touched)
        return ids


def replace(entry: Entry) -> bool:
    """Overwrite a stored entry (`log edit`); False if there is no entry with its id."""
    from . import flagcache

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
                    _utc(entry.at),
                    entry.zone,
                    entry.channel,
                    _body(entry),
                    *_shown(entry),
                    _now(),
                    entry.id,
                ),
            )
            db.execute("DELETE FROM attachments WHERE entry_id = ?", (entry.id,))
            _insert_attachments(db, entry.id, entry.attachments)
            flagcache.refresh(db, [(entry.id, entry), (entry.id, before[0])])
        return True


def delete(entry_id: int) -> bool:
    """Remove one entry and its attachment records (never the files themselves)."""
    from . import flagcache

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


def _shown(entry: Entry) -> tuple[str | None, ...]:
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


def entries() -> list[Entry]:
    """Every entry, oldest first (an empty list when there is no log)."""
    with opened() as db:
        return [] if db is None else read(db, "")


def listing(words: Mapping[str, str]) -> tuple[list[tuple[int, str, str]], bool]:
    """For `log list`: (id, line, flags) of every entry, oldest first, and whether the stored
    flags follow the current rules. SQLite builds each line (number, local time, channel
    and direction in `words`, number, institution), so a long log costs one string a row."""
    from . import flagcache

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
    from . import flagcache

    with opened() as db:
        if db is None:
            return []
        if not flagcache.is_fresh(db):
            return None
        rows = db.execute("SELECT id, flags FROM entries WHERE flags != '' ORDER BY at_utc, id")
        return [(row[0], code, ref) for row in rows for code, ref in flagcache.decode(row[1])]


def stored_flags(ids: Iterable[int]) -> dict[int, list[tuple[str, str]]] | None:
    """The flags kept for entries `ids`, or None if the rules changed since they were kept."""
    from . import flagcache

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


def forget() -> list[Path]:
    """Delete the log and its journal files; what was deleted."""
    where = path()
    removed = []
    for suffix in SUFFIXES:
        target = Path(f"{where}{suffix}")
        if target.exists():
            target.unlink()
            removed.append(target)
    return removed


def _utc(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")


def _body(entry: Entry) -> str:
    from .model import to_mapping

    fields = to_mapping(entry)
    for name in _COLUMNS:
        fields.pop(name, None)
    return json.dumps(fields, ensure_ascii=False)


def _insert_attachments(
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
