"""Writing to disk safely: whole files or nothing, and only into folders that are ours.

A file is written to a temporary beside it and renamed over it, so a crash or a full disk
never leaves half a file. The data folder is created 0700, and a folder or file that
another user owns or could write is refused with the fix named: it could hold "advice"
or a log planted by someone else.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from ..errors import StorageError
from .i18n import detect_lang
from .places import data_dir
from .words import message


def write_atomic(path: Path, text: str, private: bool = False) -> None:
    """Write `text` to `path` so that a crash or a full disk never leaves half a file.

    The text goes to a temporary file beside `path`, is flushed to disk, then
    renamed over `path`; on failure `path` is left as it was.
    """
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            if private:
                os.fchmod(out.fileno(), 0o600)
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise StorageError(say("cannot_write", path=path, reason=why(error))) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def private_dir() -> Path:
    """The data folder, created 0700; a `StorageError` naming the fix if another user owns it
    or could write to it."""
    folder = data_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as error:
        raise StorageError(say("cannot_write", path=folder, reason=why(error))) from None
    refuse_open_folder(folder)
    return folder


def refuse_open_folder(folder: Path) -> None:
    """A `StorageError` naming the fix if `folder` is another user's or others can write it."""
    try:
        status = folder.stat()
    except OSError as error:
        raise StorageError(say("cannot_write", path=folder, reason=why(error))) from None
    if status.st_uid != os.getuid():
        raise StorageError(say("storage_foreign_owner", path=folder))
    if status.st_mode & 0o022:
        raise StorageError(say("storage_open_folder", path=folder))


def refuse_foreign(path: Path) -> None:
    """Refuse a saved file that another user owns or could write (a folder check is not
    enough: the file may have been planted before the folder was made private)."""
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as error:
        raise StorageError(say("cannot_write", path=path, reason=why(error))) from None
    if not stat.S_ISREG(status.st_mode):
        return  # not a file at all: the reader sets it aside
    if status.st_uid != os.getuid():
        raise StorageError(say("storage_foreign_owner", path=path))
    if status.st_mode & 0o022:
        raise StorageError(say("storage_open_file", path=path))


def say(key: str, **values: object) -> str:
    """A storage message in the language of the locale (these errors come before any --lang)."""
    return message(key, detect_lang(), **values)


def why(error: OSError) -> str:
    return error.strerror or str(error)
