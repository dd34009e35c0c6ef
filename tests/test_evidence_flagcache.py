"""Flags kept in the store always equal the flags of the whole log checked afresh."""

from __future__ import annotations

import random
import shutil
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from overdue_guide.base import places
from overdue_guide.evidence import flagcache, flags, rules, store
from overdue_guide.evidence.model import Entry


def stored() -> dict[int, list[tuple[str, str]]]:
    ids = [e.id for e in store.entries()]
    kept = store.stored_flags(ids)
    assert kept is not None
    return {k: v for k, v in kept.items() if v}


def afresh() -> dict[int, list[tuple[str, str]]]:
    found: dict[int, list[tuple[str, str]]] = {}
    for flag in flags.evaluate(store.entries(), rules.load()):
        found.setdefault(flag.entry, []).append((flag.code, flag.reference))
    return found


def call(rng: random.Random) -> Entry:
    start = datetime(2026, 11, 20, tzinfo=timezone.utc)
    at = start + timedelta(minutes=rng.randrange(0, 3 * 24 * 60, 7))
    zone = rng.choice(["Asia/Shanghai", "UTC", "America/New_York"])
    return Entry(at=at, zone=zone, channel="call", number=rng.choice(["1", "2", "1 "]))


def test_stored_flags_follow_every_add_edit_and_delete() -> None:
    rng = random.Random(12)
    for _ in range(12):
        store.add([call(rng) for _ in range(rng.randint(1, 6))])
        entries = store.entries()
        victim = rng.choice(entries)
        if rng.random() < 0.5:
            store.replace(replace(call(rng), id=victim.id, added=victim.added))
        else:
            store.delete(victim.id)
        assert stored() == afresh()
    assert any(code == "call_frequency" for flags in afresh().values() for code, _ in flags)


def test_a_changed_rules_file_is_read_afresh_and_the_next_change_rechecks_everything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / rules.FILE_NAME
    shutil.copy(rules.shipped_path(), copy)
    monkeypatch.setattr(flagcache, "shipped_path", lambda: copy)
    monkeypatch.setattr(rules, "shipped_path", lambda: copy)
    night = Entry(
        at=datetime(2026, 11, 20, 14, 30, tzinfo=timezone.utc), zone="Asia/Shanghai", channel="sms"
    )
    store.add([night])
    assert stored() == {1: [("night_hours", "R04")]}
    copy.write_text(copy.read_text("utf-8").replace('from: "22:00"', 'from: "23:00"'), "utf-8")
    assert store.stored_flags([1]) is None  # the kept flags no longer count
    store.add([replace(night, at=night.at + timedelta(days=1))])
    assert stored() == {}


def test_the_log_and_the_rules_are_where_the_rest_of_the_program_looks() -> None:
    assert store.path().parent == places.data_dir()
    assert rules.shipped_path() == places.shipped_dir() / rules.FILE_NAME


def test_log_list_shows_flags_worked_out_afresh_when_the_rules_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from overdue_guide.evidence import commands

    copy = tmp_path / rules.FILE_NAME
    shutil.copy(rules.shipped_path(), copy)
    monkeypatch.setattr(flagcache, "shipped_path", lambda: copy)
    monkeypatch.setattr(rules, "shipped_path", lambda: copy)
    at = datetime(2026, 11, 20, 14, 30, tzinfo=timezone.utc)  # 22:30 in Shanghai
    store.add([Entry(at=at, zone="Asia/Shanghai", channel="sms", number="95188", org="某公司")])
    capsys.readouterr()
    commands.list_entries("en")
    kept = capsys.readouterr().out
    assert kept == (
        "    1  2026-11-20 22:30 (+08:00)  SMS  95188  某公司\n"
        "       ⚑ night hours (night_hours, R04)\n"
    )
    copy.write_text(copy.read_text("utf-8").replace('from: "22:00"', 'from: "23:00"'), "utf-8")
    commands.list_entries("en")
    assert capsys.readouterr().out == "    1  2026-11-20 22:30 (+08:00)  SMS  95188  某公司\n"
