"""Writing to disk safely: whole files or nothing, and only into folders that are ours.

A file is written to a temporary beside it and renamed over it, so a crash or a full disk
never leaves half a file. Every folder the program makes is created 0700, whatever the
umask, and a folder or file that another user owns or could write is refused with the fix
named: it could hold "advice" or a log planted by someone else. A damaged file is moved
aside under a name no other copy has, never over one.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from ..errors import StorageError
from .i18n import detect_lang
from .places import data_dir
from .words import message


def write_atomic(path: Path, text: str, private: bool = False, lang: str | None = None) -> None:
    """Write `text` to `path` so that a crash or a full disk never leaves half a file.

    The text goes to a temporary file beside `path`, is flushed to disk, then renamed over
    `path`; on failure `path` is left as it was. A `path` that is there but is not a regular
    file (a device, a pipe, a folder) is refused: a rename would replace the thing itself.
    Every failure is a `StorageError` naming the path and why, in `lang`.
    """
    try:
        refuse_special(path, lang)
        make_private_dirs(path.parent)
        handle, temporary = tempfile.mkstemp(prefix=_temporary_prefix(path), dir=path.parent)
    except OSError as error:
        raise StorageError(say("cannot_write", lang, path=path, reason=why(error, lang))) from None
    except ValueError:  # a NUL in the name (pasted): no file can have it
        reason = say("reason_nul", lang)
        raise StorageError(say("cannot_write", lang, path=repr(str(path)), reason=reason)) from None
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
        raise StorageError(say("cannot_write", lang, path=path, reason=why(error, lang))) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _temporary_prefix(path: Path) -> str:
    """`.NAME.`: hidden, beside the file, its name's start kept (`forget` finds it by that)
    but short, so that a name near the 255-byte limit still leaves room for the suffix."""
    name = path.name
    while len(os.fsencode(name)) > 100:
        name = name[:-1]
    return f".{name}."


def refuse_special(path: Path, lang: str | None = None) -> None:
    """A `StorageError` if `path` is there and is not a regular file (symlinks followed)."""
    if special(path):
        reason = message("reason_not_file", lang or detect_lang())
        raise StorageError(say("cannot_write", lang, path=path, reason=reason))


def special(path: Path) -> bool:
    """Whether `path` is there but is not a regular file (a device such as /dev/full, a
    pipe, a folder; symlinks followed): a file written by a rename would replace the thing
    itself, or fail late. Not there (yet) is not special: writing it says what is wrong."""
    try:
        return not stat.S_ISREG(path.stat().st_mode)
    except (OSError, ValueError):  # ValueError: a NUL in the name, which nothing can have
        return False


def refuse_data_folder(path: Path, lang: str | None = None) -> None:
    """A `StorageError` if `path` lies in the program's own data folder: a checklist or an
    export written there could replace the evidence log or saved progress (`log export
    --format markdown --output …/evidence.sqlite3` would destroy the log)."""
    if inside_data_folder(path):
        raise StorageError(
            say("cannot_write", lang, path=path, reason=say("reason_own_data", lang))
        )


def inside_data_folder(path: Path) -> bool:
    """Whether `path`, symlinks followed, is in the data folder (or is it)."""
    try:
        return path.resolve().is_relative_to(data_dir().resolve())
    except (OSError, RuntimeError, ValueError):  # a symlink loop, a NUL in the name
        return False


def make_private_dirs(folder: Path) -> None:
    """Create `folder` and every missing folder above it with mode 0700, whatever the umask
    (`mkdir -p` gives the folders above the umask's mode: 0777 under `umask 000`)."""
    missing = []
    current = folder
    while not os.path.lexists(current) and current != current.parent:
        missing.append(current)
        current = current.parent
    for made in reversed(missing):
        try:
            os.mkdir(made, 0o700)
        except FileExistsError:
            continue  # made meanwhile by someone else: checked by whoever trusts it
        os.chmod(made, 0o700)  # a umask such as 0277 takes bits from mkdir's mode


def private_dir() -> Path:
    """The data folder, created 0700; a `StorageError` naming the fix if another user owns it
    or could write to it."""
    folder = data_dir()
    try:
        make_private_dirs(folder)
    except OSError as error:
        raise StorageError(say("cannot_write", path=folder, reason=why(error))) from None
    refuse_open_folder(folder)
    return folder


def owned_privately(
    path: Path, is_kind: Callable[[int], bool] | None = None, strict: bool = False
) -> bool:
    """Whether `path` (not followed if a symlink) is ours and no other user may write it
    (`strict`: nor read it), and, given `is_kind` (`stat.S_ISDIR`…), of that kind."""
    try:
        status = os.lstat(path)
    except OSError:
        return False
    if is_kind is not None and not is_kind(status.st_mode):
        return False
    return _trouble(status, strict) is None


def _trouble(status: os.stat_result, strict: bool = False) -> str | None:
    """What makes a file or folder untrustworthy: another owner, or others may write it."""
    if status.st_uid != os.getuid():
        return "foreign"
    if status.st_mode & (0o077 if strict else 0o022):
        return "open"
    return None


def refuse_open_folder(folder: Path) -> None:
    """A `StorageError` naming the fix if `folder` is another user's or others can write it."""
    try:
        status = folder.stat()
    except OSError as error:
        raise StorageError(say("cannot_write", path=folder, reason=why(error))) from None
    trouble = _trouble(status)
    if trouble == "foreign":
        raise StorageError(say("storage_foreign_owner", path=folder))
    if trouble == "open":
        raise StorageError(say("storage_open_folder", path=folder))


def refuse_foreign(path: Path, open_fix: str = "storage_open_file") -> None:
    """Refuse a saved file that another user owns or could write (a folder check is not
    enough: the file may have been planted before the folder was made private).
    `open_fix` is the message, naming the fix, for a file others can write."""
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as error:
        raise StorageError(say("cannot_write", path=path, reason=why(error))) from None
    if not stat.S_ISREG(status.st_mode):
        return  # not a file at all: the reader sets it aside
    trouble = _trouble(status)
    if trouble == "foreign":
        raise StorageError(say("storage_foreign_owner", path=path))
    if trouble == "open":
        raise StorageError(say(open_fix, path=path))


def refuse_untrusted(files: Iterable[Path], open_fix: str = "storage_open_file") -> Path:
    """The data folder (made 0700 if new) when it and each of `files` there is the person's
    own; else the `StorageError` that names the fix. Saved progress and the evidence log
    both start here."""
    folder = private_dir()
    for path in files:
        refuse_foreign(path, open_fix)
    return folder


def set_aside_name(path: Path, label: str, folder: bool = False) -> Path:
    """A free name beside `path` for a copy moved aside: `evidence.damaged-20261120-223000
    .sqlite3`, then `…-223000-2.sqlite3`… when several are set aside in one second. The
    name is reserved by creating it (an empty 0600 file, or for a `folder` an empty 0700
    folder, either replaced by the rename), so two processes never pick the same one and
    no copy is ever overwritten."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for number in range(1, 10_000):
        tail = stamp if number == 1 else f"{stamp}-{number}"
        aside = path.with_name(f"{path.stem}.{label}-{tail}{path.suffix}")
        try:
            if folder:
                os.mkdir(aside, 0o700)
            else:
                os.close(os.open(aside, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        except FileExistsError:
            continue
        return aside
    raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path))


def move_aside(path: Path, label: str) -> Path:
    """Move `path` (a file, a pipe, a folder: whatever it is) to a free name beside it."""
    folder = stat.S_ISDIR(os.lstat(path).st_mode)
    aside = set_aside_name(path, label, folder)
    try:
        path.replace(aside)
    except OSError:
        (os.rmdir if folder else os.unlink)(aside)
        raise
    return aside


def say(key: str, lang: str | None = None, **values: object) -> str:
    """A storage message in `lang`, else the locale's language (these errors may come before
    any --lang is known)."""
    return message(key, lang or detect_lang(), **values)


#: The errors a person can act on, in their words (`why`); others keep the system's.
_REASONS = {
    errno.ENOTDIR: "reason_not_a_folder",
    errno.ENAMETOOLONG: "reason_name_too_long",
    errno.ENOSPC: "reason_disk_full",
    errno.EDQUOT: "reason_disk_full",
    errno.EACCES: "reason_no_permission",
    errno.EPERM: "reason_no_permission",
    errno.EROFS: "reason_read_only",
    errno.ENOENT: "reason_no_such_folder",
    errno.EISDIR: "reason_is_a_folder",
}


def why(error: OSError, lang: str | None = None) -> str:
    """Why a write failed, in `lang` (the system's words for a rare error)."""
    key = _REASONS.get(error.errno or 0)
    if key is None:
        return error.strerror or str(error)
    return message(key, lang or detect_lang())
