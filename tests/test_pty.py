"""End to end in a pseudo-terminal: the installed command, answered with keys as a person would."""

from __future__ import annotations

import os
import signal
import termios
from collections.abc import Iterator
from pathlib import Path

import pexpect
import pytest

from .helpers import SCRIPT

UP, DOWN, ENTER, CTRL_C, CTRL_D = "\x1b[A", "\x1b[B", "\r", "\x03", "\x04"


def spawn(tmp_path: Path, *args: str) -> pexpect.spawn:
    """The command in a 100×40 terminal, started outside the checkout, saving under tmp_path."""
    env = {
        **os.environ,
        "LANG": "C.UTF-8",
        "TERM": "xterm-256color",
        "PROMPT_TOOLKIT_NO_CPR": "1",
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    env.pop("LC_ALL", None)
    return pexpect.spawn(
        str(SCRIPT),
        list(args),
        cwd=str(tmp_path),
        env=env,
        dimensions=(40, 100),
        encoding="utf-8",
        timeout=20,
    )


@pytest.fixture
def term(tmp_path: Path) -> Iterator[pexpect.spawn]:
    child = spawn(tmp_path)
    yield child
    child.close(force=True)


def step(child: pexpect.spawn, number: int) -> None:
    """Wait until question `number` is on screen with its whole list drawn."""
    child.expect(f"第 {number} 步")
    child.expect("上一步" if number > 1 else "这是什么意思")


def decline_to_save(child: pexpect.spawn) -> None:
    """At the menu after the checklist, choose "done" (the last entry)."""
    child.expect("接下来做什么")
    child.expect("完成")
    child.send(UP + ENTER)  # the list wraps: up from the first entry is "done"


def accept_the_review(child: pexpect.spawn) -> None:
    """At the review of the answers, choose "looks right" (the first choice)."""
    child.expect("核对一下你的回答")
    child.expect("上一步")
    child.send(ENTER)


def to_the_save_question(child: pexpect.spawn, keys: str = DOWN) -> None:
    """From the menu: save (reached with `keys` from where the cursor is: the first entry,
    at first), as a web page; the field with the suggested name is up."""
    child.expect("接下来做什么")
    child.expect("完成")
    child.send(keys + ENTER)  # 把清单存成文件
    child.expect("要把这份清单存成文件吗")
    child.expect("纯文本")
    child.send(DOWN + ENTER)  # 网页（可打印）
    child.expect("存到哪里")


def enter_until_the_checklist(child: pexpect.spawn) -> None:
    """Press Enter at every question and at the review, as someone in a hurry would,
    until the sources show."""
    for number in range(1, 20):
        if child.expect([f"第 {number} 步", "核对一下你的回答"]) == 1:
            break
        child.expect("上一步" if number > 1 else "这是什么意思")
        child.send(ENTER)
    child.expect("上一步")
    child.send(ENTER)
    child.expect("来源")


def test_pressing_enter_at_every_prompt_reaches_a_checklist(term: pexpect.spawn) -> None:
    enter_until_the_checklist(term)
    term.expect("不是法律意见")
    decline_to_save(term)
    term.expect(pexpect.EOF)
    term.close()
    assert term.exitstatus == 0


def test_arrow_keys_choose_and_back_returns_to_the_previous_question(term: pexpect.spawn) -> None:
    step(term, 1)
    term.send(DOWN * 3 + ENTER)  # 没有人上门
    step(term, 2)
    term.send(DOWN * 3 + DOWN + ENTER)  # past three options and the help line: back
    term.expect("第 1 步")
    term.expect("» .{0,12}没有人上门")  # the earlier answer is preselected
    term.expect("这是什么意思")
    term.send(UP * 2 + ENTER)  # 之前来过
    step(term, 2)
    term.send(ENTER)  # the borrower
    term.expect("第 3 步 · 他们来的")  # where: asked about a past visit
    term.expect("上一步")
    term.send(ENTER)  # at home
    term.expect("第 4 步 · 来人出示工作证")  # credentials are asked about a past visit
    term.expect("上一步")
    term.send(ENTER)  # 都没有 (the first: Enter alone never says papers were shown)
    for number in range(5, 12):  # no court papers, no misconduct, nothing paid to a person,
        step(term, number)  # nobody else contacted, amount matches, can pay in full, no agent
        term.send(ENTER)
    accept_the_review(term)
    term.expect("打 95188 核实：来人真是贷款机构派的吗")
    term.expect("来源")
    term.expect("不是法律意见")
    decline_to_save(term)
    term.expect(pexpect.EOF)


def test_not_feeling_safe_shows_the_110_alert_at_once(term: pexpect.spawn) -> None:
    step(term, 1)
    term.send(ENTER)  # someone is at the door now
    step(term, 2)
    term.send(ENTER)  # the borrower
    step(term, 3)
    term.send(ENTER)  # not safe (the first: Enter alone at the door gets 110)
    term.expect("马上拨打 110")
    step(term, 4)


def test_ctrl_c_ends_at_once_with_130(term: pexpect.spawn) -> None:
    step(term, 1)
    term.send(CTRL_C)
    term.expect("已退出")
    term.expect(pexpect.EOF)
    term.close()
    assert term.exitstatus == 130


def test_ctrl_d_in_a_checkbox_list_ends_cleanly(term: pexpect.spawn) -> None:
    step(term, 1)
    term.send(DOWN * 3 + ENTER)
    for number in (2, 3):  # the borrower, no court papers
        step(term, number)
        term.send(ENTER)
    step(term, 4)  # the misconduct checkbox list
    term.send(CTRL_D)
    term.expect("已退出")
    term.expect(pexpect.EOF)
    term.close()
    assert term.exitstatus == 130


def test_save_then_resume_continues_where_it_stopped(tmp_path: Path) -> None:
    first = spawn(tmp_path, "--save")
    step(first, 1)
    first.send(DOWN * 3 + ENTER)  # nobody came
    for number in (2, 3, 4):  # the borrower, no court papers, no misconduct
        step(first, number)
        first.send(ENTER)
    step(first, 5)
    first.send(CTRL_C)
    first.expect(pexpect.EOF)
    saved = tmp_path / "data" / "overdue-guide" / "progress.json"
    assert saved.is_file()
    second = spawn(tmp_path, "resume")
    for number in (5, 6, 7, 8):  # others_contacted: the first four answers were kept
        step(second, number)
        second.send(ENTER)
    accept_the_review(second)
    second.expect("来源")
    decline_to_save(second)
    second.expect("要删除保存的回答吗")
    second.expect("删除")
    second.send(DOWN + ENTER)  # delete them
    second.expect("保存的回答已删除")
    second.expect(pexpect.EOF)
    second.close()
    assert second.exitstatus == 0
    assert not saved.exists()


def test_a_finished_save_interview_says_the_answers_are_still_saved(tmp_path: Path) -> None:
    child = spawn(tmp_path, "--save")
    enter_until_the_checklist(child)
    decline_to_save(child)
    child.expect("要删除保存的回答吗")
    child.expect("删除")
    child.send(ENTER)  # keep them
    child.expect("你的回答还保存在")
    child.expect("overdue-guide forget")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert (tmp_path / "data" / "overdue-guide" / "progress.json").is_file()


def assert_terminal_sane(child: pexpect.spawn) -> None:
    """The pty is back in cooked mode with echo (a pty's two ends share one termios)."""
    lflag = termios.tcgetattr(child.child_fd)[3]
    assert lflag & termios.ICANON and lflag & termios.ECHO


def test_sigterm_ends_cleanly_and_leaves_the_terminal_sane(term: pexpect.spawn) -> None:
    step(term, 1)
    term.kill(signal.SIGTERM)
    term.expect("已退出")
    term.expect(pexpect.EOF)
    assert_terminal_sane(term)
    term.close()
    assert term.exitstatus == 130


def test_after_ctrl_c_the_terminal_is_sane_and_the_cursor_shown(term: pexpect.spawn) -> None:
    step(term, 1)
    term.send(CTRL_C)
    term.expect_exact("\x1b[?25h")
    term.expect(pexpect.EOF)
    assert_terminal_sane(term)


def test_the_checklist_can_be_saved_as_a_printable_page_at_the_end(
    term: pexpect.spawn, tmp_path: Path
) -> None:
    enter_until_the_checklist(term)
    to_the_save_question(term)
    term.send(ENTER)  # the suggested name
    term.expect("已保存")
    term.expect("接下来做什么")
    term.expect("完成")
    term.send(ENTER)  # the cursor moved on past the evidence log (a form for new facts): done
    term.expect(pexpect.EOF)
    (saved,) = tmp_path.glob("逾期行动清单-*.html")
    assert "<!DOCTYPE html>" in saved.read_text("utf-8")


def test_a_checkbox_answer_shows_the_ticked_labels_not_done(term: pexpect.spawn) -> None:
    step(term, 1)
    term.send(DOWN * 3 + ENTER)  # nobody came
    for number in (2, 3):  # the borrower, no court papers
        step(term, number)
        term.send(ENTER)
    step(term, 4)
    term.send(DOWN * 2 + " " + DOWN * 4 + " " + ENTER)  # insults and told_others
    term.expect("辱骂、羞辱、把欠钱的事告诉别人")  # the answered line, in Chinese
    step(term, 5)
    term.send(ENTER)  # nobody else contacted
    term.expect("都没有")
    assert "done" not in term.before


def test_a_letter_is_made_in_the_interview_with_only_the_details_it_needs(
    term: pexpect.spawn, tmp_path: Path
) -> None:
    step(term, 1)
    term.send(DOWN * 3 + ENTER)  # nobody came
    for number in (2, 3, 4, 5, 6):  # the borrower, no court papers, no misconduct,
        step(term, number)  # nobody else contacted, amount matches
        term.send(ENTER)
    step(term, 7)
    term.send(DOWN + ENTER)  # cannot pay in full
    step(term, 8)
    term.send(ENTER)  # can pay some
    step(term, 9)
    term.send(DOWN + ENTER)  # job loss
    step(term, 10)
    term.send(ENTER)  # no agent
    accept_the_review(term)
    term.expect("→ [^\r\n]*分期 / 延期还款申请")  # under the items the letter helps with
    term.expect("接下来做什么")
    term.expect("完成")
    term.send(ENTER)  # make the words and letters
    term.expect("要哪些")
    term.expect("报警情况说明|分期 / 延期还款申请")
    term.send(ENTER)  # none ticked: back to the menu
    term.expect("都没有")  # the answered line, in Chinese
    assert "done" not in term.before
    term.expect("接下来做什么")
    term.expect("完成")
    term.send(UP + ENTER)  # the cursor moved on to saving: up, the words and letters again
    term.expect("要哪些")
    term.expect("分期 / 延期还款申请")
    term.send(DOWN + " " + ENTER)  # 95188, then the instalment request
    answers = {
        "你的姓名": "王五",
        "你的手机号": "",
        "贷款机构的全称": "",
        "哪一项": "借呗",
        "应还金额": "3000",
        "从哪天开始逾期": "",
        "还不上的原因": "",
        "这个变故从哪天开始": "",
        "现在每月收入": "4000",
        "每月必要开支": "3500",
        "你每月能还多少": "900",
    }
    for label, value in answers.items():
        term.expect(label)
        term.send(value + ENTER)
    term.expect("只剩约 500 元")  # the offer is flagged before the letter is written
    term.expect("你每月能还多少")
    term.send("400" + ENTER)
    term.expect("由贷款机构决定")
    for label in ("分几期", "从哪天开始还", "你算出的年化利率", "落款日期"):
        term.expect(label)
        term.send(ENTER)
    term.expect("申请人：王五")
    term.expect("每月还 400 元")
    term.expect("接下来做什么")
    term.expect("完成")
    term.send(ENTER)  # the cursor moved on: save the checklist, with the letter
    term.expect("要把这份清单存成文件吗")
    term.expect("纯文本")
    term.send(ENTER)  # no, thanks
    term.expect("接下来做什么")
    term.expect("完成")
    term.send(ENTER)  # the cursor moved on past the fee check: done
    term.expect(pexpect.EOF)
    term.close()
    assert term.exitstatus == 0
    assert not list((tmp_path / "data").glob("**/*"))  # nothing kept without --save


def test_an_exported_columns_does_not_wrap_the_answer_narrower_than_the_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The prompts measure the terminal itself; the lines between them must too."""
    monkeypatch.setenv("COLUMNS", "30")
    child = spawn(tmp_path)
    try:
        step(child, 1)
        child.send(DOWN * 3 + ENTER)  # nobody came
        for number in (2, 3):  # the borrower, no court papers
            step(child, number)
            child.send(ENTER)
        step(child, 4)
        child.send(DOWN * 2 + " " + DOWN * 4 + " " + ENTER)  # insults and told_others
        child.expect("辱骂、羞辱、把欠钱的事告诉别人")  # whole, on one line of the 100 columns
    finally:
        child.close(force=True)
