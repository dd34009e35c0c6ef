"""Saved progress, only when the person asks for it (`--save`).

Progress is one small JSON file in the user data directory (XDG_DATA_HOME is
honoured), in a folder of mode 0700, written atomically with mode 0600. A
folder or file that another user owns or could write is refused (it could hold
"advice" planted by them); a file that cannot be used is reported and moved
aside, never silently used or deleted, so it cannot fail every `resume`.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..base import disk, files, places
from ..base.i18n import LANGS
from ..base.words import message
from ..errors import StorageError
from ..interview.engine import plain

FORMAT = "overdue-guide/progress"
VERSION = 1


def progress_path() -> Path:
    return places.data_dir() / "progress.json"


@dataclass(frozen=True)
class Progress:
    """An interview in progress: which flow, in which language, and the answers so far."""

    flow: str
    lang: str
    answers: dict[str, object]
    #: Details given for the drafts (name, phone, amounts…), kept only under --save.
    details: dict[str, str] = field(default_factory=dict)


@contextmanager
def one_at_a_time(lang: str, create: bool = True) -> Iterator[None]:
    """One `--save` interview (or `resume`) at a time: two would each overwrite the other's
    answers, the last writer winning. The data folder is locked (`flock`, which the system
    releases when the process ends, however it ends); a second is refused, naming the fix.
    A data folder that cannot be made or trusted takes no lock: saving then fails, and the
    interview goes on without it, as it says. Without `create` (resume) a missing folder is
    not made: there is nothing to resume."""
    import fcntl

    try:
        if not create and not places.data_dir().is_dir():
            raise StorageError("nothing saved: nothing to lock")  # resume then says so
        folder = disk.private_dir()
        handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except (StorageError, OSError):
        yield
        return
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StorageError(message("save_busy", lang)) from None
        yield
    finally:
        os.close(handle)


def save(progress: Progress) -> Path:
    """Keep the progress after an answer; only ever called with --save."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "flow": progress.flow,
        "lang": progress.lang,
        "answers": plain(progress.answers),
    }
    if progress.details:
        document["details"] = dict(progress.details)
    path = progress_path()
    disk.refuse_untrusted([path])
    disk.write_atomic(path, json.dumps(document, ensure_ascii=False, indent=2) + "\n", private=True)
    return path


def load() -> Progress | None:
    """The saved progress, None if there is none; an unusable file is moved aside."""
    path = progress_path()
    if not os.path.lexists(path):
        return None
    disk.refuse_open_folder(path.parent)
    disk.refuse_foreign(path)
    if not stat.S_ISREG(os.lstat(path).st_mode):  # a pipe, a device, a symlink: never followed
        raise _set_aside(path, disk.say("reason_not_file"))
    try:
        text = files.read_bytes(path, "saved progress").decode("utf-8")
    except files.Unreadable as problem:
        reason = "reason_damaged" if problem.code == "too-large" else "reason_not_file"
        raise _set_aside(path, disk.say(reason)) from None
    except UnicodeDecodeError:
        raise _set_aside(path, disk.say("reason_damaged")) from None
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):  # also a number too long to convert
        raise _set_aside(path, disk.say("reason_damaged")) from None
    if (
        not isinstance(document, dict)
        or document.get("format") != FORMAT
        or document.get("version") != VERSION
    ):
        raise _set_aside(path, disk.say("reason_foreign"))
    flow, lang, answers = document.get("flow"), document.get("lang"), document.get("answers")
    if not isinstance(flow, str) or lang not in LANGS or not isinstance(answers, dict):
        raise _set_aside(path, disk.say("reason_damaged"))
    details = document.get("details", {})
    if not isinstance(details, dict) or not all(isinstance(v, str) for v in details.values()):
        raise _set_aside(path, disk.say("reason_damaged"))
    return Progress(flow, str(lang), answers, {str(k): v for k, v in details.items()})


def reject(reason: str) -> StorageError:
    """Move the saved progress aside because its content does not fit the flow."""
    return _set_aside(progress_path(), reason)


def _set_aside(path: Path, reason: str) -> StorageError:
    try:
        aside = disk.move_aside(path, "corrupt")
    except OSError as error:
        return StorageError(
            disk.say("set_aside_failed", path=path, reason=reason, error=disk.why(error))
        )
    return StorageError(disk.say("set_aside", path=path, reason=reason, aside=aside.name))


def forget() -> list[Path]:
    """Delete everything this program saved about the person — progress, copies moved aside,
    half-written temporaries, whatever kind of file they are; return what was deleted."""
    folder = places.data_dir()
    if not folder.is_dir():
        return []
    removed = []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith(("progress", ".progress")) and not _is_folder(entry):
            entry.unlink()
            removed.append(entry)
    if not any(folder.iterdir()):
        folder.rmdir()
    return removed


def left_behind() -> list[Path]:
    """Folders found where saved progress should be (and moved aside): `forget` never
    deletes a folder, whose contents this program did not write, but names each."""
    folder = places.data_dir()
    if not folder.is_dir():
        return []
    named = (e for e in sorted(folder.iterdir()) if e.name.startswith(("progress", ".progress")))
    return [entry for entry in named if _is_folder(entry)]


def _is_folder(path: Path) -> bool:
    return stat.S_ISDIR(os.lstat(path).st_mode)
