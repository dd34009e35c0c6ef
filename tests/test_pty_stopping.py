"""Stopping is one rule at every prompt: Ctrl-C, Ctrl-D or a signal give one line and exit 130,
and what the person saved stays saved. The interview's own questions are covered in
test_pty.py and test_pty_signals.py; these are the places after it, the forms, and the
numbered lines of a dumb terminal."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pexpect
import pytest

from overdue_guide.evidence import store

from .helpers import SCRIPT
from .test_pty import CTRL_C, CTRL_D, DOWN, ENTER, UP, enter_until_the_checklist, spawn

STOPPED_ZH, STOPPED_EN = "overdue-guide: 已退出。", "overdue-guide: Stopped."


def ends_stopped(child: pexpect.spawn, line: str = STOPPED_ZH) -> str:
    """Wait for the end; assert one stop line, no traceback and exit 130; what was printed."""
    child.expect(pexpect.EOF, timeout=30)
    child.close()
    seen = child.before or ""
    assert seen.count(line) == 1, seen[-400:]
    assert "Traceback" not in seen
    assert child.exitstatus == 130
    return seen


def at_the_menu(child: pexpect.spawn) -> None:
    enter_until_the_checklist(child)
    child.expect("接下来做什么")
    child.expect("完成")


@pytest.mark.parametrize("key", [CTRL_C, CTRL_D], ids=["ctrl-c", "ctrl-d"])
def test_stopping_at_the_menu_exits_130_and_still_writes_the_output_file(
    tmp_path: Path, key: str
) -> None:
    child = spawn(tmp_path, "run", "--output", "out.md")
    at_the_menu(child)
    child.send(key)
    ends_stopped(child)
    assert "## " in (tmp_path / "out.md").read_text("utf-8")


def test_ctrl_d_in_the_file_name_field_with_the_name_typed_exits_130(tmp_path: Path) -> None:
    child = spawn(tmp_path)
    at_the_menu(child)
    child.send(DOWN + ENTER)  # save the checklist to a file
    child.expect("纯文本")
    child.send(DOWN + ENTER)  # a printable page
    child.expect("存到哪里")
    child.expect(r"\.html")  # the suggested name is in the field: Ctrl-D would delete nothing
    child.send(CTRL_D)
    ends_stopped(child)
    assert not list(tmp_path.glob("*.html"))


def test_ctrl_c_in_the_evidence_form_offered_by_the_menu_ends_the_program(
    tmp_path: Path,
) -> None:
    child = spawn(tmp_path)
    at_the_menu(child)
    child.send(DOWN * 2 + ENTER)  # log a call or visit
    child.expect("什么时候")
    child.expect("< 上一步")
    child.send(CTRL_C)
    ends_stopped(child)
    assert not (tmp_path / "data" / "overdue-guide" / store.FILE_NAME).exists()


def test_back_at_the_evidence_forms_first_question_returns_to_the_menu(tmp_path: Path) -> None:
    child = spawn(tmp_path)
    at_the_menu(child)
    child.send(DOWN * 2 + ENTER)  # log a call or visit
    child.expect("什么时候")
    child.expect("< 上一步")
    child.send("\x15<" + ENTER)  # Ctrl-U clears the suggested time, then "<"
    child.expect("没有保存")
    child.expect("接下来做什么")
    child.expect("完成")
    child.send(ENTER)  # the cursor moved on to done
    child.expect(pexpect.EOF, timeout=30)
    child.close()
    assert child.exitstatus == 0
    assert not (tmp_path / "data" / "overdue-guide" / store.FILE_NAME).exists()


def test_ctrl_c_at_the_keep_or_delete_question_keeps_the_saved_answers(tmp_path: Path) -> None:
    child = spawn(tmp_path, "--save")
    at_the_menu(child)
    child.send(UP + ENTER)  # done
    child.expect("要删除保存的回答吗")
    child.expect("删除")
    child.send(CTRL_C)
    ends_stopped(child)
    assert (tmp_path / "data" / "overdue-guide" / "progress.json").is_file()


@pytest.mark.parametrize("where", ["a filled text field", "a list"])
def test_ctrl_d_in_log_add_ends_it_with_130_and_writes_nothing(tmp_path: Path, where: str) -> None:
    child = spawn(tmp_path, "log", "add", "--lang", "en")
    child.expect("When")
    child.expect(r"\d\d:\d\d")  # the field holds the time now
    if where == "a list":
        child.send(ENTER)
        child.expect("Channel")
        child.expect("letter")
    child.send(CTRL_D)
    ends_stopped(child, STOPPED_EN)
    assert not (tmp_path / "data" / "overdue-guide" / store.FILE_NAME).exists()


def test_a_signal_in_the_log_form_says_stopped_in_the_forms_language(tmp_path: Path) -> None:
    child = spawn(tmp_path, "log", "add", "--lang", "en")
    child.expect("When")
    child.expect(r"\d\d:\d\d")
    child.kill(signal.SIGTERM)
    ends_stopped(child, STOPPED_EN)


def dumb(tmp_path: Path, term: str | None, *args: str) -> pexpect.spawn:
    """The command where TERM is `term` (None: no TERM at all)."""
    env = {**os.environ, "LANG": "C.UTF-8", "XDG_DATA_HOME": str(tmp_path / "data")}
    env.pop("LC_ALL", None)
    env.pop("TERM", None)
    if term is not None:
        env["TERM"] = term
    return pexpect.spawn(
        str(SCRIPT), list(args), cwd=str(tmp_path), env=env, encoding="utf-8", timeout=20
    )


def test_on_a_dumb_terminal_log_add_asks_in_numbered_lines_without_cursor_codes(
    tmp_path: Path,
) -> None:
    child = dumb(tmp_path, "dumb", "log", "add", "--lang", "en")
    for question in ("When", "Channel", "Direction", "Number or account", "What else"):
        child.expect(question)
        child.expect("> ")
        child.send("95188\r" if question == "Number or account" else "\r")
    child.expect("Save this entry")
    child.expect(" \\*1. Save")
    child.expect("> ")
    child.send("\r")
    child.expect("logged entry 1")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "\x1b" not in (child.before or "")


@pytest.mark.parametrize("key", [CTRL_C, CTRL_D], ids=["ctrl-c", "ctrl-d"])
def test_without_term_stopping_a_numbered_question_says_so_on_a_line_of_its_own(
    tmp_path: Path, key: str
) -> None:
    child = dumb(tmp_path, None, "fees")
    child.expect("到手金额")
    child.expect("> ")
    child.send(key)
    seen = ends_stopped(child)
    assert f"\n{STOPPED_ZH}" in seen.replace("\r", "")
