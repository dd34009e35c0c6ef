"""Remember the findings of `flows check` by content, so an unchanged flow is not parsed again.

The key is a hash of everything the findings depend on: this program's version,
the path as given, the bytes of the flow, of its sources file and of the
documents its quotes are checked against. Entries are JSON in the user cache
directory, each sealed with an HMAC under a random per-user secret kept 0600
beside them: an entry is trusted only if it is a regular file, its seal is
intact and it matches its key and shape, so another user (or a damaged disk)
cannot make `flows check` report what it did not find. Anything else is
ignored and replaced, giving exactly what `--no-cache` gives. Only the author
tool uses this: the interview writes no cache.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import stat
from collections.abc import Callable
from pathlib import Path

from .. import __version__
from ..base import disk, files, places
from ..errors import Finding, GuideError

SECRET_NAME = "secret.key"
SECRET_BYTES = 32

KEEP = 64
_FIELDS = {"file": str, "line": int, "col": int, "severity": str, "code": str, "message": str}


def cache_dir() -> Path:
    return places.cache_dir() / "check"


def key(flow: Path, catalog: Path, documents: Path | None) -> str | None:
    """The hash of every input of a check; None when one cannot be read (no caching then).

    The documents are every entry of the folder, whatever its name: the catalogue may name
    any file there (`doc.md` as well as `doc.txt`), and the checker reads what it names. A
    document that is not a regular file, or lies outside the folder, counts by its name and
    kind; it is not read here (the checker reports it). Reading is bounded like every read."""
    digest = hashlib.sha256(f"overdue-guide {__version__} check\0{flow}\0".encode())
    try:
        for part, kind in ((flow, "flow file"), (catalog, "sources file")):
            digest.update(files.read_bytes(part, kind) + b"\0")
        if documents is not None and documents.is_dir():
            for document in sorted(documents.iterdir()):
                digest.update(os.fsencode(document.name) + b"\0" + _document(documents, document))
    except (files.Unreadable, OSError):
        return None
    return digest.hexdigest()


def _document(documents: Path, document: Path) -> bytes:
    """What a document adds to the key: its bytes, or what keeps the checker from reading it."""
    if not files.inside(documents, document):
        return b"outside\0"
    try:
        return files.read_bytes(document, "document") + b"\0"
    except files.Unreadable as problem:
        return f"{problem.code}: {problem.reason}\0".encode()


def recall(entry: str) -> list[Finding] | None:
    """The findings remembered under `entry`, or None if absent, stale, damaged or tampered with."""
    secret = _secret(create=False)
    if secret is None:
        return None
    try:
        sealed = files.read_bytes(cache_dir() / f"{entry}.json", "cache entry")
    except files.Unreadable:
        return None
    seal, _, body = sealed.partition(b"\n")
    if not hmac.compare_digest(seal, _seal(secret, body)):
        return None
    try:
        document = json.loads(body.decode("utf-8"))
    except (ValueError, RecursionError):
        return None
    if not isinstance(document, dict) or document.get("key") != entry:
        return None
    found = document.get("findings")
    if not isinstance(found, list) or not all(_well_formed(f) for f in found):
        return None
    return [Finding(**f) for f in found]


def _seal(secret: bytes, body: bytes) -> bytes:
    return hmac.new(secret, body, hashlib.sha256).hexdigest().encode()


def _secret(create: bool) -> bytes | None:
    """This user's cache secret; None (no cache) if it is missing and not to be made, or if
    it or its folder could be read or replaced by another user."""
    folder = cache_dir()
    path = folder / SECRET_NAME
    if not _private(folder, stat.S_ISDIR):
        if not create or folder.exists():
            return None
        try:
            disk.make_private_dirs(folder)
        except OSError:
            return None
        if not _private(folder, stat.S_ISDIR):
            return None
    if create and not path.exists():
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except OSError:
            return None
        with os.fdopen(descriptor, "wb") as out:
            out.write(secrets.token_bytes(SECRET_BYTES))
    if not _private(path, stat.S_ISREG):
        return None
    try:
        secret = files.read_bytes(path, "cache entry")
    except files.Unreadable:
        return None
    return secret if len(secret) == SECRET_BYTES else None


def _private(path: Path, is_kind: Callable[[int], bool]) -> bool:
    """`path` exists (not as a symlink), is of the kind, is ours and no one else may touch it
    (the one ownership check of `disk`, strict: the secret must not be read by others)."""
    return disk.owned_privately(path, is_kind, strict=True)


def _well_formed(value: object) -> bool:
    return (
        isinstance(value, dict)
        and set(value) == set(_FIELDS)
        and all(isinstance(value[name], kind) for name, kind in _FIELDS.items())
    )


def remember(entry: str, findings: list[Finding]) -> None:
    """Keep `findings` under `entry`, sealed; a cache that cannot be written is simply not used."""
    from dataclasses import asdict

    folder = cache_dir()
    try:
        secret = _secret(create=True)
        if secret is None:
            return
        body = json.dumps({"key": entry, "findings": [asdict(f) for f in findings]})
        seal = _seal(secret, body.encode("utf-8")).decode()
        disk.write_atomic(folder / f"{entry}.json", f"{seal}\n{body}", private=True)
        entries = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[KEEP:]:
            old.unlink(missing_ok=True)
    except (GuideError, OSError):
        return
