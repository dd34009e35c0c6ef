"""No network, and text from flows shown literally and safely, at any width."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pexpect
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console

from overdue_guide.flow.model import Catalog, Flow
from overdue_guide.interview import engine
from overdue_guide.output import render, report
from overdue_guide.output.export import as_text
from overdue_guide.output.layout import wrap

from .helpers import SMALL_SOURCES, run_cli, small_flow, write

NO_NETWORK = Path(__file__).with_name("no_network.py")
CALM = "visitor_arrived: 'no'\nmisconduct: []\nothers_contacted: []\namount_checked: differs\ncan_pay_full: 'no'\nhardship: job_loss\n"


def without_network(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(NO_NETWORK), *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )


def test_scripted_runs_and_author_tools_use_no_network(tmp_path: Path) -> None:
    answers = write(tmp_path, "a.yaml", CALM)
    for args in (
        ["run", "--answers", str(answers), "--format", "json"],
        ["flows", "check"],
        ["flows", "graph"],
        ["sources"],
        ["--help"],
    ):
        result = without_network(*args)
        assert result.returncode == 0, (args, result.stderr)


def test_the_interview_uses_no_network(tmp_path: Path) -> None:
    child = pexpect.spawn(
        sys.executable,
        [str(NO_NETWORK)],
        env={
            "LANG": "C.UTF-8",
            "TERM": "xterm",
            "PROMPT_TOOLKIT_NO_CPR": "1",
            "PATH": "/usr/bin:/bin",
        },
        encoding="utf-8",
        timeout=20,
        dimensions=(40, 100),
    )
    for number in range(1, 20):
        if child.expect([f"第 {number} 步", "核对一下你的回答"]) == 1:
            break
        child.expect("上一步" if number > 1 else "这是什么意思")
        child.send("\r")
    child.expect("上一步")
    child.send("\r")  # the answers look right
    child.expect("完成")  # the next steps after the checklist; up from the first is "done"
    child.send("\x1b[A\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


UNTRUSTED = r"""
flow: untrusted
title: {zh-CN: "[bold red]标题[/]", en: "[bold red]Title[/]"}
start: q
questions:
  - id: q
    prompt: {zh-CN: "问[link=http://x]链接[/link]", en: Ask}
    options:
      - {code: a, label: {zh-CN: 甲, en: A}, items: [i]}
      - {code: b, label: {zh-CN: 乙, en: B}, items: [i]}
    next: end
items:
  - id: i
    urgency: now
    text: {zh-CN: "[blink]闪[/blink] \e[31m红色\e[0m", en: "[blink]x[/blink] \e[31mred\e[0m"}
    detail: {zh-CN: "LONGWORD", en: "LONGWORD"}
    sources: [{reference: R1}]
"""


def untrusted(tmp_path: Path) -> tuple[Flow, Catalog]:
    return small_flow(tmp_path, UNTRUSTED.replace("LONGWORD", "长" * 3000 + "x" * 3000))


def test_markup_and_escape_sequences_in_flow_text_are_shown_literally(tmp_path: Path) -> None:
    flow, catalog = untrusted(tmp_path)
    view = report.build(engine.checklist(flow, {"q": "a"}), catalog, "zh-CN")
    buffer = io.StringIO()
    render.checklist(
        Console(file=buffer, width=60, force_terminal=True, color_system="truecolor"), view
    )
    out = buffer.getvalue()
    assert "[bold red]标题[/]" in out and "[blink]闪[/blink]" in out
    assert "\\x1b[31m红色" in out
    assert "\x1b[31m红色" not in out and "\x1b[5m" not in out


def test_untrusted_text_stays_literal_in_every_export(tmp_path: Path) -> None:
    write(tmp_path, "sources.yaml", SMALL_SOURCES)
    flow = write(tmp_path, "flow.yaml", UNTRUSTED.replace("LONGWORD", "长"))
    answers = write(tmp_path, "a.yaml", "q: a\n")
    for output_format in ("text", "markdown", "json"):
        result = run_cli("run", str(flow), "--answers", str(answers), "--format", output_format)
        assert result.returncode == 0, result.stderr
        assert "\x1b" not in result.stdout


def test_an_escape_sequence_in_a_bad_answer_is_not_sent_to_the_terminal(tmp_path: Path) -> None:
    answers = write(tmp_path, "a.yaml", 'visitor_arrived: "\\e[2J\\e[31mnow"\n')
    result = run_cli("run", "--answers", str(answers))
    assert result.returncode == 2
    assert "\x1b" not in result.stderr and "\\x1b[2J" in result.stderr


def test_a_very_long_line_wraps_within_the_width(tmp_path: Path) -> None:
    flow, catalog = untrusted(tmp_path)
    view = report.build(engine.checklist(flow, {"q": "a"}), catalog, "en")
    for width in (40, 200):
        lines = as_text(view, width).splitlines()
        assert max(cell_len(line) for line in lines) <= width


def test_the_main_checklist_fits_40_and_200_columns(main_flow: Flow, catalog: Catalog) -> None:
    answers = {
        "visitor_arrived": "now",
        "feel_safe": "no",
        "credentials_shown": "none",
        "misconduct": ("threats", "told_others"),
        "others_contacted": ("family",),
        "amount_checked": "differs",
        "can_pay_full": "no",
        "hardship": "illness",
    }
    for lang in ("zh-CN", "en"):
        taken = engine.complete(main_flow, answers)
        view = report.build(engine.checklist(main_flow, taken), catalog, lang)
        for width in (40, 200):
            text = as_text(view, width)
            assert max(cell_len(line) for line in text.splitlines()) <= width
            assert "☐" in text


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=300),
    st.integers(2, 200),
)
def test_wrapping_never_exceeds_the_width_nor_loses_a_character(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(cell_len(line) <= width for line in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())


def test_plain_output_has_no_colours(tmp_path: Path) -> None:
    answers = write(tmp_path, "a.yaml", CALM)
    child = pexpect.spawn(
        sys.executable,
        ["-m", "overdue_guide", "run", "--plain", "--answers", str(answers)],
        env={"LANG": "C.UTF-8", "TERM": "xterm-256color", "PATH": "/usr/bin:/bin"},
        encoding="utf-8",
        timeout=20,
        dimensions=(40, 100),
    )
    child.expect(pexpect.EOF)
    output = child.before
    assert "☐" in output
    assert "\x1b[3" not in output and "\x1b[9" not in output and "38;" not in output
