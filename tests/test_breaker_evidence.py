"""Adversarial ids for `overdue-guide log show/edit/delete`: an id beyond what SQLite holds,
or below 1, is no such entry (one line, exit 2), never an unexpected error."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from .helpers import run_cli

HUGE = "9" * 26


@pytest.mark.parametrize(
    "args",
    [
        ("show", HUGE),
        ("edit", HUGE, "--said", "x"),
        ("delete", HUGE, "--yes"),
        ("show", "--", "-1"),
    ],
)
def test_an_id_no_entry_can_have_is_no_such_entry(args: tuple[str, ...], tmp_path: Path) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path), "TZ": "Asia/Shanghai"}
    added = run_cli("log", "add", "--channel", "call", "--at", "2026-11-20 10:00", env=env)
    assert added.returncode == 0, added.stderr
    done = run_cli("log", args[0], "--lang", "en", *args[1:], env=env)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("overdue-guide: ")
    assert "unexpected" not in done.stderr
    assert done.stderr.count("\n") == 1


def test_an_export_onto_a_pipe_or_device_is_refused_and_leaves_it_be(tmp_path: Path) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path), "TZ": "Asia/Shanghai"}
    added = run_cli("log", "add", "--channel", "call", "--at", "2026-11-20 10:00", env=env)
    assert added.returncode == 0, added.stderr
    pipe = tmp_path / "out.md"
    os.mkfifo(pipe)
    done = run_cli("log", "export", "--output", str(pipe), "--lang", "en", env=env)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("overdue-guide: cannot export to")
    assert stat.S_ISFIFO(pipe.stat().st_mode)


def test_log_show_prints_an_escape_sequence_in_said_as_visible_text(tmp_path: Path) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path), "TZ": "Asia/Shanghai"}
    said = "a\x1b]0;pwn\x07\x1b[31mred"
    added = run_cli(
        "log", "add", "--channel", "call", "--at", "2026-11-20 10:00", "--said", said, env=env
    )
    assert added.returncode == 0, added.stderr
    done = run_cli("log", "show", "1", env=env)
    assert "\x1b" not in done.stdout
    assert "\\x1b[31mred" in done.stdout
