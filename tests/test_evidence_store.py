"""The SQLite store: migrations, transactions, concurrent writers, kill -9, damage."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import datetime, timezone
from pathlib import Path

import pytest

from overdue_guide.errors import StorageError
from overdue_guide.evidence import migrations, store
from overdue_guide.evidence.model import Entry


def entry(minute: int = 0, **fields: object) -> Entry:
    at = datetime(2026, 11, 20, 10, minute, tzinfo=timezone.utc)
    return Entry(at=at, zone="Asia/Shanghai", channel="call", **fields)  # type: ignore[arg-type]


def test_a_new_log_is_at_the_latest_schema_in_wal_mode() -> None:
    store.add([entry()])
    db = sqlite3.connect(store.path())
    assert db.execute("PRAGMA user_version").fetchone()[0] == migrations.VERSION == 3
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_a_log_of_the_first_schema_is_migrated_with_its_attachments() -> None:
    store.path().parent.mkdir(parents=True)
    db = sqlite3.connect(store.path())
    migrations.MIGRATIONS[0](db)
    db.execute("PRAGMA user_version = 1")
    body = {
        "number": "95188",
        "said": "还钱",
        "attachments": [
            {"path": "/r.m4a", "sha256": "ab" * 32, "size": 3, "mtime": "2026-11-20T10:00:00+00:00"}
        ],
    }
    db.execute(
        "INSERT INTO entries (at_utc, zone, channel, body, added_utc) VALUES (?, ?, ?, ?, ?)",
        (
            "2026-11-20T14:30:00+00:00",
            "Asia/Shanghai",
            "call",
            json.dumps(body),
            "2026-11-21T00:00:00+00:00",
        ),
    )
    db.commit()
    db.close()
    (migrated,) = store.entries()
    assert (migrated.id, migrated.number, migrated.said) == (1, "95188", "还钱")
    assert migrated.local.isoformat() == "2026-11-20T22:30:00+08:00"
    assert [(a.path, a.size) for a in migrated.attachments] == [("/r.m4a", 3)]
    db = sqlite3.connect(store.path())
    assert db.execute("PRAGMA user_version").fetchone()[0] == 3
    assert "attachments" not in json.loads(db.execute("SELECT body FROM entries").fetchone()[0])
    assert db.execute("SELECT number FROM entries").fetchone()[0] == "95188"
    db.close()


def test_a_log_from_a_newer_program_is_refused_and_left_alone(data_home: Path) -> None:
    store.add([entry()])
    db = sqlite3.connect(store.path())
    db.execute("PRAGMA user_version = 99")
    db.close()
    before = store.path().read_bytes()
    with pytest.raises(StorageError, match="newer than this program knows"):
        store.entries()
    assert store.path().read_bytes() == before


def test_a_damaged_log_is_moved_aside_unchanged_and_reported(data_home: Path) -> None:
    store.path().parent.mkdir(parents=True)
    store.path().write_bytes(b"this is not a database, but it is someone's file" * 100)
    with pytest.raises(StorageError, match=r"is damaged .*moved it to evidence\.damaged-"):
        store.add([entry()])
    (aside,) = store.path().parent.glob("evidence.damaged-*.sqlite3")
    assert aside.read_bytes().startswith(b"this is not a database")
    assert not store.path().exists()
    assert store.add([entry()]) == [1]  # the next add starts a new log


def test_a_failure_inside_a_transaction_stores_none_of_it() -> None:
    store.add([entry(0)])

    def entries_then_failure():  # type: ignore[no-untyped-def]
        yield entry(1)
        yield entry(2)
        raise RuntimeError("the disk went away")

    with pytest.raises(RuntimeError):
        store.add(entries_then_failure())
    assert [e.id for e in store.entries()] == [1]


def test_edit_replaces_fields_and_attachments_and_keeps_the_id() -> None:
    from dataclasses import replace

    from overdue_guide.evidence.model import Attachment

    (first,) = store.add([entry(attachments=(Attachment("/a", "00" * 32, 1, "t"),))])
    stored = store.get(first)
    assert stored is not None
    assert store.replace(replace(stored, said="changed", attachments=()))
    again = store.get(first)
    assert again is not None
    assert (again.said, again.attachments, again.added) == ("changed", (), stored.added)
    assert again.edited
    assert not store.replace(replace(stored, id=99))


CHILD = """
import sys, time
from datetime import datetime, timezone
from overdue_guide.evidence import migrations, store
from overdue_guide.evidence.model import Entry

def many(label, count, pause):
    for n in range(count):
        at = datetime(2026, 11, 20, 10, n % 60, tzinfo=timezone.utc)
        yield Entry(at=at, zone="UTC", channel="call", said=f"{label} {n}")
        if pause and n == count - 1:
            print("inside", flush=True)
            time.sleep(60)

mode, label, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
if mode == "each":
    for n in range(count):
        store.add(many(label + str(n), 1, False))
else:
    store.add(many(label, count, mode == "pause"))
print("done", flush=True)
"""


def child(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(CHILD), *args],
        stdout=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )


def test_two_processes_adding_at_once_both_land() -> None:
    store.add([entry()])  # the file exists; both writers race on the entries
    writers = [child("each", "a", "40"), child("each", "b", "40")]
    for writer in writers:
        assert writer.wait(timeout=120) == 0
    said = [e.said for e in store.entries()]
    assert sum(1 for s in said if s and s.startswith("a")) == 40
    assert sum(1 for s in said if s and s.startswith("b")) == 40


def test_two_first_adds_at_once_both_land_in_one_new_log() -> None:
    writers = [child("all", "a", "5"), child("all", "b", "5")]
    for writer in writers:
        assert writer.wait(timeout=120) == 0
    assert len(store.entries()) == 10


def test_kill_9_during_an_add_keeps_what_was_committed_and_no_half_entry() -> None:
    store.add([entry(0, said="kept 1"), entry(1, said="kept 2")])
    writer = child("pause", "half", "500")
    assert writer.stdout is not None
    assert writer.stdout.readline() == "inside\n"  # 500 rows inserted, not committed
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=30)
    assert [e.said for e in store.entries()] == ["kept 1", "kept 2"]
    db = sqlite3.connect(store.path())
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
    assert store.add([entry(2, said="after")]) == [3]
