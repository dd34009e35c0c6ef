"""`overdue-guide fees` in a pseudo-terminal: the form as a person fills it in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pexpect
import pytest

from .test_pty import CTRL_C, DOWN, ENTER, spawn

KILL_LINE = "\x15"


@pytest.fixture
def form(tmp_path: Path) -> Iterator[pexpect.spawn]:
    child = spawn(tmp_path, "fees")
    yield child
    child.close(force=True)


def answer(child: pexpect.spawn, prompt: str, typed: str) -> None:
    child.expect(prompt)
    child.expect("账单哪里")  # the hint ends the prompt line: the field is ready
    child.send(typed + ENTER)


def test_the_form_with_help_back_and_a_typo_reaches_the_issue_vector(
    form: pexpect.spawn,
) -> None:
    answer(form, "到手金额", "?")
    form.expect("分期本金")  # where on the bill
    answer(form, "到手金额", "1,200")
    form.expect("账单上写的是哪种")
    form.expect("借呗")
    form.send(ENTER)  # periods and a total fee rate
    answer(form, "分几期", "<")
    form.expect("账单上写的是哪种")
    form.expect("借呗")
    form.send(ENTER)
    answer(form, "分几期", "12")
    answer(form, "总手续费率", "8.8x")
    form.expect("要写成数字")
    form.send(KILL_LINE + "8.8" + ENTER)
    form.expect("已经逾期了吗")
    form.expect("没有逾期")
    form.send(ENTER)
    for shown in ("¥1,305.60", "16.25 %", "15.86 %", "17.07 %", "24% 线", "不是法律意见"):
        form.expect_exact(shown)
    form.expect(pexpect.EOF)
    form.close()
    assert form.exitstatus == 0


def test_payments_that_never_repay_are_said_and_asked_again(form: pexpect.spawn) -> None:
    answer(form, "到手金额", "1200")
    form.expect("借呗")
    form.send(DOWN + ENTER)  # periods and a payment
    answer(form, "分几期", "12")
    answer(form, "每期还多少", "90")
    form.expect("没有逾期")
    form.send(ENTER)
    form.expect("还不清本金")
    form.expect("分几期")


def test_ctrl_c_exits_130_with_one_line(form: pexpect.spawn) -> None:
    form.expect("到手金额")
    form.expect("账单哪里")
    form.send(CTRL_C)
    form.expect("overdue-guide: 已退出。")
    form.expect(pexpect.EOF)
    form.close()
    assert form.exitstatus == 130
