"""`log add` as a person uses it: the form in a pseudo-terminal, Back, Ctrl-C."""

from __future__ import annotations

from pathlib import Path

import pexpect
import pytest

from overdue_guide.evidence import store

from . import test_pty

UP, DOWN, ENTER, SPACE, CTRL_C, CTRL_U = "\x1b[A", "\x1b[B", "\r", " ", "\x03", "\x15"


def spawn(tmp_path: Path, *args: str) -> pexpect.spawn:
    """`overdue-guide log …` in English, in the interview tests' terminal."""
    return test_pty.spawn(tmp_path, "log", *args, "--lang", "en")


def answer(child: pexpect.spawn, question: str, keys: str, drawn: str = "") -> None:
    child.expect(question)
    if drawn:
        child.expect(drawn)
    child.send(keys)


def as_a_letter(child: pexpect.spawn, number: str = ENTER) -> None:
    """The questions after "When": a letter, its direction unknown, `number` typed at the
    number or account, nothing more to note."""
    answer(child, "Channel", ENTER, "letter")
    answer(child, "Direction", ENTER, "not sure")
    answer(child, "Number or account", number)
    answer(child, "What else to note", ENTER, "Witnesses")


def ends_with(child: pexpect.spawn, status: int) -> None:
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == status


def test_the_form_logs_an_entry_going_back_once_and_shows_its_flags(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    child = spawn(tmp_path, "add")
    answer(child, "When", CTRL_U + "2026-11-20 22:30" + ENTER)
    answer(child, "Channel", ENTER, "letter")  # call
    answer(child, "Direction", DOWN + ENTER, "not sure")  # I contacted them
    answer(child, "Number or account", "<" + ENTER)  # no: back to the direction,
    answer(child, "Direction", UP + ENTER, "not sure")  # which remembers it; up: they did
    answer(child, "Number or account", "95188" + ENTER)
    answer(child, "What else to note", DOWN + SPACE + ENTER, "Witnesses")  # their words
    answer(child, "Words quoted", "pay my personal account" + ENTER)
    answer(child, "Save this entry", ENTER, "quit")
    child.expect("logged entry 1: 2026-11-20 22:30")  # in this machine's zone
    child.expect("⚑ night hours \\(night_hours, R04\\)")
    child.expect("⚑ pay to a personal account \\(personal_account, R61\\)")
    ends_with(child, 0)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    (entry,) = store.entries()
    assert (entry.direction, entry.number, entry.said) == ("in", "95188", "pay my personal account")


def test_ctrl_c_in_the_form_exits_130_with_one_line_and_writes_nothing(tmp_path: Path) -> None:
    child = spawn(tmp_path, "add")
    answer(child, "When", ENTER)
    answer(child, "Channel", ENTER, "letter")
    answer(child, "Direction", CTRL_C, "not sure")
    child.expect("overdue-guide: Stopped.")
    ends_with(child, 130)
    assert not (tmp_path / "data" / "overdue-guide" / store.FILE_NAME).exists()


def test_quitting_at_the_end_saves_nothing(tmp_path: Path) -> None:
    child = spawn(tmp_path, "add")
    answer(child, "When", ENTER)
    as_a_letter(child)
    answer(child, "Save this entry", DOWN + ENTER, "quit")
    child.expect("not saved")
    ends_with(child, 0)
    assert not (tmp_path / "data" / "overdue-guide" / store.FILE_NAME).exists()


def test_the_edit_form_starts_from_the_entry_and_keeps_what_is_not_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    from datetime import datetime, timezone

    from overdue_guide.evidence.model import Entry

    at = datetime(2026, 11, 20, 2, 0, tzinfo=timezone.utc)
    store.add([Entry(at=at, zone="UTC", channel="call", number="123", org="X", said="hello")])
    child = spawn(tmp_path, "edit", "1")
    answer(child, "When", ENTER)
    answer(child, "Channel", ENTER, "letter")
    answer(child, "Direction", ENTER, "not sure")  # stays unknown
    answer(child, "Number or account", CTRL_U + "456" + ENTER)
    answer(child, "What else to note", ENTER, "Witnesses")  # who and words, ticked already
    for question in ("Institution claimed", "Name given", "Staff number"):
        answer(child, question, ENTER)
    answer(child, "Said whom they act for", ENTER, "not sure")  # stays unknown
    answer(child, "Words quoted", CTRL_U + ENTER)  # emptied: the field is cleared
    answer(child, "Save this entry", ENTER, "quit")
    child.expect("changed entry 1")
    ends_with(child, 0)
    edited = store.get(1)
    assert edited is not None
    assert (edited.number, edited.org, edited.said) == ("456", "X", None)
    assert (edited.direction, edited.identified, edited.at) == (None, None, at)
    assert "night_hours" in str(store.stored_flags([1]))


def test_the_form_asks_again_for_a_time_that_did_not_exist_or_happened_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "America/New_York")
    child = spawn(tmp_path, "add")
    answer(child, "When", CTRL_U + "2026-03-08 02:30" + ENTER)
    child.expect("did not exist in America/New_York")
    child.send(CTRL_U + "2025-11-02 01:30" + ENTER)
    child.expect("happened twice in America/New_York")
    child.send(CTRL_U + ENTER)
    child.expect("empty")
    child.send("2025-11-02 01:30-05:00" + ENTER)
    as_a_letter(child)
    answer(child, "Save this entry", ENTER, "quit")
    child.expect("logged entry 1: 2025-11-02 01:30 \\(-05:00\\)")
    ends_with(child, 0)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    (entry,) = store.entries()
    assert (entry.zone, entry.at.isoformat()) == ("America/New_York", "2025-11-02T06:30:00+00:00")


def test_the_edit_form_keeps_a_time_that_happened_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    from datetime import datetime, timezone

    from overdue_guide.evidence.model import Entry

    at = datetime(2025, 11, 2, 6, 30, tzinfo=timezone.utc)  # the second 01:30 in New York
    store.add([Entry(at=at, zone="America/New_York", channel="call")])
    child = spawn(tmp_path, "edit", "1")
    answer(child, "When", ENTER, "2025-11-02 01:30-05:00")
    as_a_letter(child, "95188" + ENTER)
    answer(child, "Save this entry", ENTER, "quit")
    child.expect("changed entry 1")
    ends_with(child, 0)
    edited = store.get(1)
    assert edited is not None
    assert (edited.at, edited.zone, edited.number) == (at, "America/New_York", "95188")
