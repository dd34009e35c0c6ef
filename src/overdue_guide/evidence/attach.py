"""Fingerprints of the person's own files (recordings, screenshots, photos).

A file is only read: never moved, copied or edited. What is kept is its
SHA-256, size and modification time, so `log verify` can later say whether
the original is still there and unchanged (R15: keep the original file).
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from .model import Attachment, Entry
from .problems import problem

_CHUNK = 1024 * 1024


def fingerprint(path: str) -> Attachment:
    """The file at `path` fingerprinted; an `EntryError` if it is missing or not a file."""
    absolute = Path(path).expanduser().absolute()
    try:
        info = absolute.stat()
    except FileNotFoundError:
        raise problem("attach_missing", path=path) from None
    except OSError as error:
        raise problem("attach_unreadable", path=path, reason=error.strerror) from None
    if stat.S_ISDIR(info.st_mode):
        raise problem("attach_folder", path=path)
    if not stat.S_ISREG(info.st_mode):
        raise problem("attach_not_file", path=path)
    try:
        digest = _sha256(absolute)
    except OSError as error:
        raise problem("attach_unreadable", path=path, reason=error.strerror) from None
    return Attachment(str(absolute), digest, info.st_size, _mtime(info.st_mtime))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _mtime(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Check:
    """One attachment re-checked: "ok", "changed" or "missing"; `reason` says why, as a key
    of the log's words (`texts`) filled with `values`, so it reads in the person's language."""

    entry: int
    attachment: Attachment
    status: str
    reason: str = ""
    values: tuple[tuple[str, object], ...] = ()


def verify(entries: Iterable[Entry]) -> list[Check]:
    """Re-hash every attachment of every entry and say what became of it."""
    checks = []
    for entry in entries:
        for attachment in entry.attachments:
            checks.append(_check(entry.id, attachment))
    return checks


def _check(entry: int, attachment: Attachment) -> Check:
    path = Path(attachment.path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return Check(entry, attachment, "missing", "verify_not_a_file")
        digest = _sha256(path)
    except FileNotFoundError:
        return Check(entry, attachment, "missing", "verify_not_found")
    except OSError as error:
        why = (("error", error.strerror or str(error)),)
        return Check(entry, attachment, "missing", "verify_unreadable", why)
    if digest != attachment.sha256:
        now = (("digest", digest), ("size", info.st_size), ("was", attachment.size))
        return Check(entry, attachment, "changed", "verify_now", now)
    return Check(entry, attachment, "ok")


def home_relative(path: str) -> str:
    """A path as a person reads it: ~ for the home folder."""
    home = os.path.expanduser("~")
    return "~" + path[len(home) :] if path.startswith(home + os.sep) else path
