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
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from ..errors import StorageError
from .model import Attachment, Entry, ThirdParty, to_mapping

FILE_NAME = "evidence.sqlite3"
SUFFIXES = ("", "-wal", "-shm", "-journal")
BUSY_TIMEOUT_MS = 30_000

#: Columns of `entries` kept out of the JSON body; attachments have a table of their own.
_COLUMNS = ("at", "zone", "channel", "attachments")


def path() -> Path:
    """Where the log lives: beside saved progress, in the user data directory."""
    from ..storage import data_dir

    return data_dir() / FILE_NAME


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
    """Attachments get a table (so `log verify` need not parse bodies), entries a
    `number` column for the per-number counts, and an edit time."""
    db.execute("ALTER TABLE entries ADD COLUMN number TEXT")
    db.execute("ALTER TABLE entries ADD COLUMN edited_utc TEXT")
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
    rows = db.execute("SELECT id, body FROM entries").fetchall()
    for entry_id, body in rows:
        fields = json.loads(body)
        for position, item in enumerate(fields.pop("attachments", [])):
            db.execute(
                "INSERT INTO attachments VALUES (?, ?, ?, ?, ?, ?)",
                (entry_id, position, item["path"], item["sha256"], item["size"], item["mtime"]),
            )
        db.execute(
            "UPDATE entries SET body = ?, number = ? WHERE id = ?",
            (json.dumps(fields, ensure_ascii=False), fields.get("number"), entry_id),
        )
    db.execute("CREATE INDEX entries_by_number ON entries (number)")


#: MIGRATIONS[n] upgrades a database at schema version n to n + 1.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_schema_1, _schema_2)
VERSION = len(MIGRATIONS)


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
        if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            db.execute("PRAGMA journal_mode = WAL")
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
    """Store entries, all in one transaction; their new ids. Creates the log if needed."""
    with opened(create=True) as db:
        assert db is not None
        ids = []
        with transaction(db):
            for entry in entries:
                cursor = db.execute(
                    "INSERT INTO entries (at_utc, zone, channel, body, added_utc, number)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (_utc(entry.at), entry.zone, entry.channel, _body(entry), _now(), entry.number),
                )
                assert cursor.lastrowid is not None
                _insert_attachments(db, cursor.lastrowid, entry.attachments)
                ids.append(cursor.lastrowid)
        return ids


def replace(entry: Entry) -> bool:
    """Overwrite a stored entry (`log edit`); False if there is no entry with its id."""
    with opened() as db:
        if db is None:
            return False
        with transaction(db):
            cursor = db.execute(
                "UPDATE entries SET at_utc = ?, zone = ?, channel = ?, body = ?, number = ?,"
                " edited_utc = ? WHERE id = ?",
                (
                    _utc(entry.at),
                    entry.zone,
                    entry.channel,
                    _body(entry),
                    entry.number,
                    _now(),
                    entry.id,
                ),
            )
            if cursor.rowcount == 0:
                return False
            db.execute("DELETE FROM attachments WHERE entry_id = ?", (entry.id,))
            _insert_attachments(db, entry.id, entry.attachments)
        return True


def delete(entry_id: int) -> bool:
    """Remove one entry and its attachment records (never the files themselves)."""
    with opened() as db:
        if db is None:
            return False
        with transaction(db):
            cursor = db.execute("DELETE FROM entries WHERE id = ?", (entry_id,))
        return cursor.rowcount > 0


def entries() -> list[Entry]:
    """Every entry, oldest first (an empty list when there is no log)."""
    with opened() as db:
        return [] if db is None else _read(db, "")


def get(entry_id: int) -> Entry | None:
    with opened() as db:
        if db is None:
            return None
        found = _read(db, "WHERE id = ?", (entry_id,))
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


def _read(db: sqlite3.Connection, where: str, args: tuple[object, ...] = ()) -> list[Entry]:
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


def _entry(row: tuple[object, ...], attachments: tuple[Attachment, ...]) -> Entry:
    entry_id, at, zone, channel, body, added, edited = row
    fields = json.loads(str(body))
    fields.pop("id", None)
    for name, value in fields.items():
        if name == "third_parties":
            fields[name] = tuple(ThirdParty(p["who"], p.get("told")) for p in value)
        elif isinstance(value, list):
            fields[name] = tuple(value)
    return Entry(
        at=datetime.fromisoformat(str(at)),
        zone=str(zone),
        channel=str(channel),
        attachments=attachments,
        id=int(str(entry_id)),
        added=str(added),
        edited=str(edited or ""),
        **fields,
    )
