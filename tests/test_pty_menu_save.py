"""Saving the checklist from the menu, in a terminal, as a person would: a name that cannot
be written says why, with the path, in the person's language, and the menu comes back; a
file already there is replaced only if they say so, a pipe never; two saves on one day
keep both files. Also: an escape sequence typed or pasted into a prompt is ignored, and
a second `--save` interview is refused while one runs."""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

import pexpect

from .test_pty import (
    DOWN,
    ENTER,
    enter_until_the_checklist,
    spawn,
    step,
    to_the_save_question,
)

CLEAR = "\x15"  # Ctrl-U: the suggested name goes, the field is empty


#: After an action the cursor is on "done" (the entries after saving ask for new facts):
#: down wraps to the first entry, and once more is saving.
AGAIN = DOWN * 2


def save_as(child: pexpect.spawn, name: str, keys: str = AGAIN) -> None:
    to_the_save_question(child, keys)
    child.send(CLEAR + name + ENTER)


def finish(child: pexpect.spawn) -> int | None:
    """Back at the menu after an action, the cursor is on "done": Enter ends the program."""
    child.expect("接下来做什么")
    child.expect("完成")
    child.send(ENTER)
    child.expect(pexpect.EOF)
    child.close()
    status: int | None = child.exitstatus
    return status


def test_a_save_that_cannot_be_written_says_why_in_chinese_and_the_menu_comes_back(
    tmp_path: Path,
) -> None:
    (tmp_path / "file.txt").write_text("a file, not a folder")
    child = spawn(tmp_path)
    enter_until_the_checklist(child)
    save_as(child, "file.txt/x.html", DOWN)
    child.expect("无法写入 file.txt/x.html")
    child.expect("路径里有一段是文件，不是文件夹")
    save_as(child, "a" * 300 + ".html")
    child.expect("文件名太长")
    save_as(child, "/proc/version")  # no known extension: saved as text, /proc/version.txt
    child.expect("无法写入 /proc/version.txt")
    child.expect("没有这个文件夹，或者不能在这里建文件")
    assert finish(child) == 0
    assert "File exists" not in (child.before or "")


def test_a_file_there_is_kept_unless_replacing_is_chosen_and_a_pipe_is_never_replaced(
    tmp_path: Path,
) -> None:
    mine = tmp_path / "mine.html"
    mine.write_text("my own page")
    pipe = tmp_path / "pipe.html"
    os.mkfifo(pipe)
    child = spawn(tmp_path)
    enter_until_the_checklist(child)
    save_as(child, "mine.html", DOWN)
    child.expect("已经有文件 mine.html，要用这份清单替换它吗")
    child.send(ENTER)  # no, the default
    child.expect("没有保存，mine.html 原样留着")
    save_as(child, "pipe.html")
    child.expect("无法写入 pipe.html：不是普通文件")
    assert finish(child) == 0
    assert mine.read_text() == "my own page"
    assert stat.S_ISFIFO(pipe.stat().st_mode)


def test_two_saves_on_one_day_keep_both_files(tmp_path: Path) -> None:
    child = spawn(tmp_path)
    enter_until_the_checklist(child)
    for keys in (DOWN, AGAIN):
        to_the_save_question(child, keys)
        child.send(ENTER)  # the suggested name
        child.expect("已保存")
    assert finish(child) == 0
    today = date.today().isoformat()
    saved = sorted(p.name for p in tmp_path.glob("逾期行动清单-*.html"))
    assert saved == [f"逾期行动清单-{today}-2.html", f"逾期行动清单-{today}.html"]


def test_an_escape_sequence_typed_into_a_list_or_a_field_is_ignored(tmp_path: Path) -> None:
    child = spawn(tmp_path)
    step(child, 1)
    child.send("\x1b[31m")  # what pasting coloured text sends
    child.send(DOWN * 3 + ENTER)  # the list still answers: nobody came
    step(child, 2)
    child.close(force=True)
    fees = spawn(tmp_path, "fees")
    fees.expect("到手金额")
    fees.expect("账单哪里")  # the field is ready
    fees.send("\x1b[31m" + "1200" + ENTER)
    fees.expect("账单上写的是哪种")  # the next question: the amount was taken
    fees.close(force=True)
    for shown in (child.before or "", fees.before or ""):
        assert "Unhandled exception" not in shown and "Press ENTER" not in shown


def test_a_second_save_interview_is_refused_while_one_runs(tmp_path: Path) -> None:
    first = spawn(tmp_path, "--save")
    step(first, 1)
    second = spawn(tmp_path, "--save")
    second.expect("另一个带 --save 的问答正在进行")
    second.expect(pexpect.EOF)
    second.close()
    assert second.exitstatus == 2
    first.close(force=True)
    third = spawn(tmp_path, "--save")  # the first one is gone: its lock went with it
    step(third, 1)
    third.close(force=True)
