"""The log as the letters need it, read with two narrow queries.

A letter shows each contact's local time, channel, who and what was said, and the
rules it may break, and each kept file's fingerprint: a few columns, not whole
entries. While the flags kept beside the entries follow the rules file as it is
now (see `flagcache`), SQLite hands over exactly those, and neither the entry model,
the rules nor the export are loaded. When the rules file changed since, the flags
are worked out afresh through `commands.load_for_letters`, as before.

The shape is `export.letter_material`'s; the tests hold the two equal.
"""

from __future__ import annotations

from typing import Any

from . import flagcache
from .db import opened

#: Entry fields a letter shows, read from each entry's JSON body (as `rows.read` does).
_SHOWN = ("channel", "direction", "number", "org", "name", "staff_id", "said")


def material() -> dict[str, Any] | None:
    """`{"timeline": [...], "evidence": [...]}` (see `export.letter_material`), or None
    when there is no log or it has no entries."""
    with opened() as db:
        if db is None:
            return None
        if not flagcache.is_fresh(db):
            rows = None
        else:
            extract = ", ".join(f"json_extract(body, '$.{name}')" for name in _SHOWN[1:])
            rows = db.execute(
                f"SELECT id, at_local, zone, channel, {extract}, flags FROM entries"
                " ORDER BY at_utc, id"
            ).fetchall()
            files = db.execute(
                "SELECT a.entry_id, a.path, a.sha256, a.size, a.mtime FROM attachments a"
                " JOIN entries e ON e.id = a.entry_id ORDER BY e.at_utc, e.id, a.position"
            ).fetchall()
    if rows is None:
        from .commands import load_for_letters

        return load_for_letters()
    if not rows:
        return None
    timeline = []
    for row in rows:
        found: dict[str, Any] = {"entry": row[0], "at": row[1], "zone": row[2]}
        found.update(zip(_SHOWN, row[3:10], strict=True))
        found["flags"] = [
            {"code": code, "reference": reference} for code, reference in flagcache.decode(row[10])
        ]
        timeline.append(found)
    evidence = [
        {"entry": entry, "path": path, "sha256": sha256, "size": size, "mtime": mtime}
        for entry, path, sha256, size, mtime in files
    ]
    return {"timeline": timeline, "evidence": evidence}
