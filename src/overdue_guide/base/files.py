"""Read a file only if it is a regular file no larger than its limit.

Every file this program reads that someone else could have named or planted —
flows, sources, documents, data files in `flows/`, answers files, saved
progress, check-cache entries — comes through `read_bytes`. A FIFO would block
an `open()` forever, `/dev/zero` never ends and a sparse file claims a
gigabyte: the file is opened without blocking, its type and size are checked
on the open descriptor (no race with a rename), and at most `limit + 1` bytes
are ever read. The limits are documented in docs/flow-format.md (a test
compares them).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MIB = 1024 * 1024

#: The largest file of each kind that is read at all, in bytes.
LIMITS: dict[str, int] = {
    "flow file": 32 * MIB,
    "sources file": 32 * MIB,
    "data file": 32 * MIB,
    "document": 16 * MIB,
    "answers file": 1 * MIB,
    "saved progress": 1 * MIB,
    "cache entry": 64 * MIB,
}


class Unreadable(Exception):
    """A file that was not read: `code` is `unreadable` or `too-large`, `reason` says why
    (in English, for findings); `what` names the cause for words in other languages: a
    kind of file (`folder`, `pipe`, `device`, `socket`, `special`), `too-large`, or the
    errno's name of a failed open or read (`ENOENT`, `EACCES`…)."""

    def __init__(self, code: str, reason: str, what: str = "") -> None:
        self.code = code
        self.reason = reason
        self.what = what
        super().__init__(reason)


def read_bytes(path: Path, kind: str) -> bytes:
    """The bytes of the regular file `path`; `Unreadable` for anything else or anything larger
    than the limit of `kind` (a key of `LIMITS`; any other name gets the limit of a data file,
    so a feature's own data file in `flows/` is bounded too)."""
    limit = LIMITS.get(kind, LIMITS["data file"])
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        raise _failed(kind, error) from None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            shown, what = kind_of(status.st_mode)
            raise Unreadable("unreadable", f"{kind} is {shown}, not a file", what)
        if status.st_size > limit:
            raise Unreadable("too-large", f"{kind} is larger than {describe(limit)}", "too-large")
        data = _read_at_most(descriptor, limit + 1)
    except OSError as error:
        raise _failed(kind, error) from None
    finally:
        os.close(descriptor)
    if len(data) > limit:  # it grew while we read it
        raise Unreadable("too-large", f"{kind} is larger than {describe(limit)}", "too-large")
    return data


def _failed(kind: str, error: OSError) -> Unreadable:
    import errno

    what = errno.errorcode.get(error.errno or 0, "")
    return Unreadable("unreadable", f"cannot read {kind}: {_reason(error)}", what)


def is_regular(path: Path) -> bool:
    """Whether `path` is a regular file (following symlinks), without opening it."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def describe(limit: int) -> str:
    """A limit as the docs write it: '32 MiB', '512 KiB'."""
    return f"{limit // MIB} MiB" if limit % MIB == 0 else f"{limit // 1024} KiB"


def _read_at_most(descriptor: int, size: int) -> bytes:
    chunks: list[bytes] = []
    left = size
    while left > 0:
        chunk = os.read(descriptor, min(left, MIB))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def kind_of(mode: int) -> tuple[str, str]:
    """What a file that is not a regular one is: in words, and as a short name."""
    if stat.S_ISDIR(mode):
        return "a folder", "folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)", "pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device", "device"
    if stat.S_ISSOCK(mode):
        return "a socket", "socket"
    return "a special file", "special"


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def inside(folder: Path, path: Path) -> bool:
    """Whether `path`, every symlink followed, is within `folder` (also resolved)."""
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a symlink loop
        return False


def plain_name(name: str) -> bool:
    """Whether `name` is a bare file name: no folder part, not absolute, not '.' or '..'."""
    return bool(name) and name not in (".", "..") and "/" not in name and "\\" not in name
