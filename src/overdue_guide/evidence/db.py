"""The evidence log's file: one SQLite database in the user data directory.

Why SQLite: every change is a transaction, so a crash or `kill -9` loses nothing
committed and leaves no half entry; WAL and a busy timeout let two `log add`
run at once and both land. The file is created by the first `log add` only,
with mode 0600. `PRAGMA user_version` is the schema version; `MIGRATIONS`
upgrades older files in place, in a transaction. A file SQLite calls damaged
is moved aside (with its -wal and -shm files) and reported, never overwritten.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import StorageError
from .migrations import MIGRATIONS, VERSION
from .paths import LOG_FILE, log_path

FILE_NAME = LOG_FILE
SUFFIXES = ("", "-wal", "-shm", "-journal")
BUSY_TIMEOUT_MS = 30_000


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
