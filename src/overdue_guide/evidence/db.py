"""The evidence log's file: one SQLite database in the user data directory.

Why SQLite: every change is a transaction, so a crash or `kill -9` loses nothing
committed and leaves no half entry; WAL and a busy timeout let two `log add`
run at once and both land. The file is created by the first `log add` only,
with mode 0600. `PRAGMA user_version` is the schema version; `MIGRATIONS`
upgrades older files in place, in a transaction. A file SQLite calls damaged
is moved aside (with its -wal and -shm files) and reported, never overwritten.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..base import disk
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
    `create` is false. Damage found while it is open moves the file aside.

    The log is trusted as saved progress is (`disk.refuse_untrusted`): a data folder or a
    file of the log that another user owns or could write is refused, the fix named."""
    where = path()
    if not os.path.lexists(where):
        if not create:
            yield None
            return
        disk.refuse_untrusted([])
        _create_file(where)
    _trusted(where)
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
        if "readonly" in str(error):
            raise StorageError(_read_only(where)) from None
        raise StorageError(disk.say("storage_log_error", path=where, reason=error)) from None
    except sqlite3.DatabaseError as error:
        if db is not None:
            db.close()
            db = None
        raise _set_aside(where, str(error)) from None
    finally:
        if db is not None:
            db.close()


def _trusted(where: Path) -> None:
    """Refuse a log that is not the person's own; give back write access to a -wal or -shm
    file of theirs that a read-only moment left read-only (SQLite makes them with the log's
    mode: a log made read-only for a while leaves a read-only -shm that fails every write)."""
    if not stat.S_ISREG(os.lstat(where).st_mode):
        raise StorageError(disk.say("cannot_write", path=where, reason=disk.say("reason_not_file")))
    disk.refuse_open_folder(where.parent)
    files = [Path(f"{where}{suffix}") for suffix in SUFFIXES]
    for file in files:
        disk.refuse_foreign(file, "storage_open_log")
    mode = stat.S_IMODE(os.stat(where).st_mode)
    if not mode & stat.S_IWUSR:
        return  # the log itself is read-only: reading it is all that is asked
    for file in files[1:]:
        with contextlib.suppress(OSError):  # gone meanwhile: SQLite makes a new one
            if not os.stat(file).st_mode & stat.S_IWUSR:
                os.chmod(file, mode)


def _read_only(where: Path) -> str:
    """The hint for SQLite's "attempt to write a readonly database": which files, the fix."""
    files = " ".join(str(f) for s in SUFFIXES if os.path.exists(f := f"{where}{s}"))
    return disk.say("storage_log_read_only", path=where, files=files or where)


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
        os.close(os.open(where, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        pass
    except OSError as error:
        reason = disk.why(error)
        raise StorageError(
            disk.say("storage_log_cannot_create", path=where, reason=reason)
        ) from None


def _migrate(db: sqlite3.Connection, where: Path) -> None:
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version == VERSION:
        return
    if version > VERSION:
        raise StorageError(
            disk.say("storage_log_newer", path=where, version=version, known=VERSION)
        )
    with transaction(db):
        version = db.execute("PRAGMA user_version").fetchone()[0]  # another process may be first
        for step in MIGRATIONS[version:]:
            step(db)
        db.execute(f"PRAGMA user_version = {VERSION}")


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[None]:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any exception: all of it or none. A stopping
    signal noted meanwhile (`signals.held`) stops it here, before the commit: after it,
    nothing can make the run end as if nothing had been stored."""
    from ..terminal import signals

    db.execute("BEGIN IMMEDIATE")
    try:
        yield
        signals.check()
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _set_aside(where: Path, reason: str) -> StorageError:
    try:
        aside = disk.set_aside_name(where, "damaged")
        for suffix in SUFFIXES:
            source = Path(f"{where}{suffix}")
            if source.exists():
                source.replace(Path(f"{aside}{suffix}"))
    except OSError as error:
        return StorageError(
            disk.say("storage_log_damaged_stuck", path=where, reason=reason, error=disk.why(error))
        )
    return StorageError(
        disk.say("storage_log_damaged", path=where, reason=reason, aside=aside.name)
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
