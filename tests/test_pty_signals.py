"""SIGINT, SIGTERM and SIGHUP at any moment of an interview: one line, exit 130, a sane terminal.

A signal races with whatever the program is doing, so each moment is tried
many times at small delays; the children run a few at a time to keep this fast.
"""

from __future__ import annotations

import signal
import termios
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pexpect
import pytest

from .test_pty import DOWN, ENTER, enter_until_the_checklist, spawn, step

SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)
HIDE_CURSOR, SHOW_CURSOR = "\x1b[?25l", "\x1b[?25h"


@dataclass(frozen=True)
class Outcome:
    signal: str
    delay_ms: float
    status: int | None
    sane: bool
    output: str

    def problems(self) -> list[str]:
        found = []
        if self.status != 130:
            found.append(f"exit status {self.status}")
        if not self.sane:
            found.append("terminal left raw")
        if self.output.count("overdue-guide: 已退出。") != 1:
            found.append("no single 'overdue-guide: 已退出。' line")
        for trace in ("Traceback", "Press ENTER", "Error", "unexpected error"):
            if trace in self.output:
                found.append(f"{trace!r} in the output")
        if self.output.rfind(HIDE_CURSOR) > self.output.rfind(SHOW_CURSOR):
            found.append("cursor left hidden")
        return found


def handlers_installed(pid: int) -> bool:
    """Whether the process catches SIGHUP, SIGINT and SIGTERM yet (from /proc)."""
    status = Path(f"/proc/{pid}/status").read_text()
    caught = int(next(x for x in status.splitlines() if x.startswith("SigCgt:")).split()[1], 16)
    return all(caught >> (s - 1) & 1 for s in SIGNALS)


def interrupt(
    tmp_path: Path, reach: Callable[[pexpect.spawn], None], signum: int, delay_ms: float
) -> Outcome:
    """Start an interview, `reach` a moment, wait `delay_ms`, send `signum`, see how it ends."""
    tmp_path.mkdir()
    child = spawn(tmp_path)
    try:
        reach(child)
        time.sleep(delay_ms / 1000)
        seen = child.before or ""
        child.kill(signum)
        if child.expect([pexpect.EOF, pexpect.TIMEOUT], timeout=15) == 1:
            return Outcome(signal.Signals(signum).name, delay_ms, None, False, "still running")
        lflag = termios.tcgetattr(child.child_fd)[3]
        sane = bool(lflag & termios.ICANON and lflag & termios.ECHO)
        rest = seen + (child.before or "")
    finally:
        child.close(force=True)
    return Outcome(signal.Signals(signum).name, delay_ms, child.exitstatus, sane, rest)


def try_many(
    tmp_path: Path, reach: Callable[[pexpect.spawn], None], delays_ms: list[float]
) -> None:
    """Each delay with the next of the three signals, four children at a time; all end well."""
    cases = [(SIGNALS[i % len(SIGNALS)], d) for i, d in enumerate(delays_ms)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        outcomes = list(
            pool.map(
                lambda n_case: interrupt(tmp_path / str(n_case[0]), reach, *n_case[1]),
                enumerate(cases),
            )
        )
    failed = [(o.signal, o.delay_ms, o.problems()) for o in outcomes if o.problems()]
    assert not failed, failed


def at_the_first_question(child: pexpect.spawn) -> None:
    step(child, 1)


def just_after_a_keypress(child: pexpect.spawn) -> None:
    step(child, 1)
    child.send(DOWN * 3 + ENTER)  # nobody came: the next list follows


def while_the_next_question_draws(child: pexpect.spawn) -> None:
    step(child, 1)
    child.send(ENTER)  # someone at the door
    step(child, 2)
    child.send(ENTER)  # the borrower
    step(child, 3)
    child.send(ENTER)  # not safe (the first option): an alert, then the next list
    child.expect("110")


def during_start_up(child: pexpect.spawn) -> None:
    """From the moment the handlers exist, before anything is on screen."""
    deadline = time.monotonic() + 20
    while not handlers_installed(child.pid):
        assert time.monotonic() < deadline, "the handlers were never installed"
        time.sleep(0.001)


def at_the_review(child: pexpect.spawn) -> None:
    for number in range(1, 20):
        if child.expect([f"第 {number} 步", "核对一下你的回答"]) == 1:
            break
        child.expect("上一步" if number > 1 else "这是什么意思")
        child.send(ENTER)
    child.expect("上一步")


def at_the_next_steps(child: pexpect.spawn) -> None:
    enter_until_the_checklist(child)
    child.expect("接下来做什么")
    child.expect("完成")


def at_the_save_offer(child: pexpect.spawn) -> None:
    at_the_next_steps(child)
    child.send(DOWN + ENTER)  # save the checklist to a file
    child.expect("要把这份清单存成文件吗")
    child.expect("纯文本")


def at_the_file_name_prompt(child: pexpect.spawn) -> None:
    at_the_save_offer(child)
    child.send(DOWN + ENTER)  # a printable page
    child.expect("存到哪里")


def test_a_signal_at_an_idle_prompt_ends_cleanly(tmp_path: Path) -> None:
    try_many(tmp_path, at_the_first_question, [50, 50, 50])


def test_a_signal_just_after_a_keypress_ends_cleanly(tmp_path: Path) -> None:
    try_many(tmp_path, just_after_a_keypress, [float(ms) for ms in range(21)])


def test_a_signal_while_a_question_and_an_alert_draw_ends_cleanly(tmp_path: Path) -> None:
    try_many(tmp_path, while_the_next_question_draws, [0, 1, 2, 4, 8, 16])


def test_a_signal_during_start_up_ends_cleanly(tmp_path: Path) -> None:
    try_many(tmp_path, during_start_up, [0, 5, 10, 20, 40, 80, 120, 200, 300])


@pytest.mark.parametrize(
    "reach", [at_the_review, at_the_next_steps, at_the_save_offer, at_the_file_name_prompt]
)
def test_a_signal_at_the_review_or_when_offered_to_save_ends_cleanly(
    tmp_path: Path, reach: Callable[[pexpect.spawn], None]
) -> None:
    try_many(tmp_path, reach, [0, 10, 30])


def test_when_the_terminal_goes_away_the_interview_ends_with_130(tmp_path: Path) -> None:
    """A real hangup: the terminal's side closes, the kernel sends SIGHUP, writes fail."""
    child = spawn(tmp_path)
    step(child, 1)
    child.ptyproc.fileobj.close()  # the only holder of the terminal's side
    deadline = time.monotonic() + 15
    while child.isalive():
        assert time.monotonic() < deadline, "still running after its terminal went away"
        time.sleep(0.05)
    assert child.exitstatus == 130
