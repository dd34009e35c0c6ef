"""Escape and control characters in flows, file names and keys are shown, never run."""

from __future__ import annotations

import io
import os
import signal
from pathlib import Path

import pexpect

from overdue_guide.flow import graph

from .helpers import SCRIPT, SMALL_SOURCES, run_cli, small_flow, write
from .test_pty import accept_the_review, decline_to_save

#: A flow whose every kind of text tries to clear the screen or retitle the window.
HOSTILE = r"""
flow: hostile
title: {zh-CN: "标题\e[2J\e]0;pwned\a", en: "Title\e[2J"}
intro: {zh-CN: "介绍\e[31m", en: "Intro\e[31m"}
start: q1
questions:
  - id: q1
    prompt: {zh-CN: "问题\e[5m", en: "Ask\e[5m"}
    help: {zh-CN: "帮助\e[2J", en: "Help\e[2J"}
    options:
      - code: a
        label: {zh-CN: "`甲\e[1m", en: "`A"}
        items: [i1]
        alert: {zh-CN: "警报\e[2J", en: "Alert\e[2J"}
      - {code: b, label: {zh-CN: "乙\"<b>#quot;", en: B}}
    next: end
items:
  - id: i1
    urgency: now
    text: {zh-CN: "做\e[2J", en: Do}
    detail: {zh-CN: 因为, en: Because}
    sources: [{reference: R1}]
"""


def test_flow_text_in_a_mermaid_graph_is_escaped_and_labels_stay_labels(tmp_path: Path) -> None:
    flow, _ = small_flow(tmp_path, HOSTILE)
    drawn = graph.mermaid(flow)
    assert "\x1b" not in drawn and "\\x1b[5m" in drawn
    assert '-->|"#96;甲\\x1b[1m"| done' in drawn  # a leading backtick is not Markdown
    assert '|"乙#quot;#lt;b#gt;#35;quot;"|' in drawn  # nor HTML, nor an entity


def test_flow_text_in_a_dot_graph_is_escaped(tmp_path: Path) -> None:
    flow, _ = small_flow(tmp_path, HOSTILE)
    assert "\x1b" not in graph.dot(flow) and "\\\\x1b[2J" in graph.dot(flow)


def test_findings_show_escapes_in_file_names_and_keys(tmp_path: Path) -> None:
    write(tmp_path, "sources.yaml", SMALL_SOURCES)
    write(tmp_path, "bad\x1b[31m.yaml", 'flow: x\n"k\\e[31m": 1\n')
    result = run_cli("flows", "check", "--no-cache", str(tmp_path))
    assert result.returncode == 1
    assert "\x1b" not in result.stdout
    assert "bad\\x1b[31m.yaml:2:1: error unknown-key unknown key 'k\\x1b[31m'" in result.stdout


def interview(tmp_path: Path, term: str) -> pexpect.spawn:
    write(tmp_path, "sources.yaml", SMALL_SOURCES)
    write(tmp_path, "hostile.yaml", HOSTILE)
    env = {**os.environ, "LANG": "C.UTF-8", "TERM": term, "PROMPT_TOOLKIT_NO_CPR": "1"}
    env.pop("LC_ALL", None)
    return pexpect.spawn(
        str(SCRIPT),
        ["run", "hostile.yaml"],
        cwd=str(tmp_path),
        env={**env, "XDG_DATA_HOME": str(tmp_path / "data")},
        dimensions=(40, 100),
        encoding="utf-8",
        timeout=20,
    )


def test_flow_text_in_the_interview_is_shown_not_run(tmp_path: Path) -> None:
    child = interview(tmp_path, "xterm-256color")
    child.logfile_read = io.StringIO()
    child.expect("这是什么意思")
    child.send("\x1b[B" * 2 + "\r")  # the help
    child.expect_exact("帮助\\x1b[2J")
    child.expect("这是什么意思")
    child.send("\r")  # the first option: an alert, the review, then the checklist
    accept_the_review(child)
    decline_to_save(child)
    child.expect(pexpect.EOF)
    seen = child.logfile_read.getvalue()
    for shown in ("标题\\x1b[2J\\x1b]0;pwned\\x07", "介绍\\x1b[31m", "警报\\x1b[2J", "做\\x1b[2J"):
        assert shown in seen
    assert "\x1b]0;" not in seen and "\x1b[2J" not in seen


def test_a_dumb_terminal_gets_numbered_questions_and_no_cursor_codes(tmp_path: Path) -> None:
    child = interview(tmp_path, "dumb")
    transcript = []
    for reply in ["?", "9", "1", ""]:  # help, too large a number, the first option, the review
        child.expect("> ")
        transcript.append(child.before)
        child.sendline(reply)
    child.expect(r"(\d+)\. 完成")  # the next steps, as numbered lines too
    done = child.match.group(1)
    transcript.append(child.before)
    child.expect("> ")
    child.sendline(done)
    child.expect(pexpect.EOF)
    transcript.append(child.before)
    child.close()
    shown = "".join(transcript)
    assert child.exitstatus == 0
    assert "\x1b" not in shown
    assert "第 1 步 · 问题\\x1b[5m" in shown and " *1. `甲\\x1b[1m" in shown
    assert "帮助\\x1b[2J" in shown and "请输入 1 到 2 之间的编号" in shown
    assert "☐ 做\\x1b[2J" in shown


def test_a_dumb_terminal_interrupted_gets_no_escape_codes_either(tmp_path: Path) -> None:
    child = interview(tmp_path, "dumb")
    child.expect("> ")
    child.kill(signal.SIGTERM)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "\x1b" not in child.before and "已退出" in child.before
