"""Remember the findings of `flows check` by content, so an unchanged flow is not parsed again.

The key is a hash of everything the findings depend on: this program's version,
the path as given, the bytes of the flow, of its sources file and of the
documents its quotes are checked against. Entries are plain JSON in the user
cache directory; one that does not match its key or its shape is ignored and
replaced. Only the author tool uses this: the interview writes no cache.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from . import __version__
from .errors import Finding, GuideError

KEEP = 64
_FIELDS = {"file": str, "line": int, "col": int, "severity": str, "code": str, "message": str}


def cache_dir() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path("overdue-guide", appauthor=False) / "check"


def key(flow: Path, catalog: Path, documents: Path | None) -> str | None:
    """The hash of every input of a check; None when one cannot be read (no caching then)."""
    digest = hashlib.sha256(f"overdue-guide {__version__} check\0{flow}\0".encode())
    try:
        for part in (flow, catalog):
            digest.update(part.read_bytes() + b"\0")
        if documents is not None and documents.is_dir():
            for document in sorted(documents.glob("*.txt")):
                digest.update(document.name.encode() + b"\0" + document.read_bytes() + b"\0")
    except OSError:
        return None
    return digest.hexdigest()


def recall(entry: str) -> list[Finding] | None:
    """The findings remembered under `entry`, or None if absent, stale or damaged."""
    try:
        document = json.loads((cache_dir() / f"{entry}.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(document, dict) or document.get("key") != entry:
        return None
    found = document.get("findings")
    if not isinstance(found, list) or not all(_well_formed(f) for f in found):
        return None
    return [Finding(**f) for f in found]


def _well_formed(value: object) -> bool:
    return (
        isinstance(value, dict)
        and set(value) == set(_FIELDS)
        and all(isinstance(value[name], kind) for name, kind in _FIELDS.items())
    )


def remember(entry: str, findings: list[Finding]) -> None:
    """Keep `findings` under `entry`; a cache that cannot be written is simply not used."""
    from dataclasses import asdict

    from .storage import write_atomic

    folder = cache_dir()
    document = {"key": entry, "findings": [asdict(f) for f in findings]}
    try:
        write_atomic(folder / f"{entry}.json", json.dumps(document, ensure_ascii=False))
        entries = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[KEEP:]:
            old.unlink(missing_ok=True)
    except (GuideError, OSError):
        return
