"""The check cache cannot lie: a tampered, forged or special entry gives exactly what
`--no-cache` gives."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from overdue_guide.content import check, checkcache

from .helpers import SMALL_SOURCES, write

FLOW = (Path(__file__).parent / "malformed" / "unknown_target.yaml").read_text("utf-8")


@pytest.fixture
def flow(tmp_path: Path) -> Path:
    write(tmp_path, "sources.yaml", SMALL_SOURCES)
    return write(tmp_path, "flow.yaml", FLOW)


def entry_after_a_first_check(flow: Path) -> Path:
    check.check_paths([flow], cache=True)
    (entry,) = checkcache.cache_dir().glob("*.json")
    return entry


def uncached(flow: Path) -> list[str]:
    return [str(f) for f in check.check_paths([flow])[0]]


def cached(flow: Path) -> list[str]:
    return [str(f) for f in check.check_paths([flow], cache=True)[0]]


def test_the_secret_and_entries_are_private(flow: Path) -> None:
    entry = entry_after_a_first_check(flow)
    secret = checkcache.cache_dir() / checkcache.SECRET_NAME
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    assert stat.S_IMODE(checkcache.cache_dir().stat().st_mode) == 0o700


def test_a_planted_entry_saying_no_findings_is_not_believed(flow: Path) -> None:
    entry = entry_after_a_first_check(flow)
    entry.write_text(json.dumps({"key": entry.stem, "findings": []}), encoding="utf-8")
    assert cached(flow) == uncached(flow) != []


def test_an_edited_entry_is_not_believed(flow: Path) -> None:
    entry = entry_after_a_first_check(flow)
    seal, _, body = entry.read_text("utf-8").partition("\n")
    document = json.loads(body)
    document["findings"] = []
    entry.write_text(f"{seal}\n{json.dumps(document)}", encoding="utf-8")
    assert cached(flow) == uncached(flow) != []


def test_an_entry_sealed_with_another_secret_is_not_believed(flow: Path) -> None:
    entry = entry_after_a_first_check(flow)
    key = entry.stem
    body = json.dumps({"key": key, "findings": []})
    forged = checkcache._seal(b"x" * checkcache.SECRET_BYTES, body.encode()).decode()
    entry.write_text(f"{forged}\n{body}", encoding="utf-8")
    assert cached(flow) == uncached(flow)


def test_a_secret_others_can_read_is_not_used(flow: Path) -> None:
    entry = entry_after_a_first_check(flow)
    secret = checkcache.cache_dir() / checkcache.SECRET_NAME
    secret.chmod(0o644)
    assert checkcache.recall(entry.stem) is None
    assert cached(flow) == uncached(flow)


def test_a_fifo_in_place_of_an_entry_is_ignored_without_hanging(flow: Path) -> None:
    entry = entry_after_a_first_check(flow)
    entry.unlink()
    os.mkfifo(entry, 0o600)
    assert checkcache.recall(entry.stem) is None
    assert cached(flow) == uncached(flow)
