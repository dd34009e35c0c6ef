"""A terminal in GBK, Big5, GB18030, Latin-1 or ASCII still gets its checklist, never a crash.

The encoding is set with PYTHONIOENCODING, which Python honours without any
system locale being installed.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pexpect
import pytest

from .helpers import SCRIPT, run_cli, write
from .test_pty import ENTER, UP, decline_to_save

ANSWERS = """
visitor_arrived: no
misconduct: []
others_contacted: []
amount_checked: matches
can_pay_full: yes
"""

#: encoding → what the checklist's first heading reads in the language the terminal can show
SHOWN = {
    "ascii": "Today",
    "latin-1": "Today",
    "gbk": "今天做",
    "big5": "今天做",
    "gb18030": "今天做",
}


def environment(encoding: str, tmp_path: Path) -> dict[str, str]:
    """A C.UTF-8 locale whose standard streams Python encodes in `encoding`."""
    found = {
        **os.environ,
        "LANG": "C.UTF-8",
        "NO_COLOR": "1",
        "TERM": "xterm-256color",
        "PROMPT_TOOLKIT_NO_CPR": "1",
        "PYTHONIOENCODING": encoding,
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    found.pop("LC_ALL", None)
    return found


def scripted(tmp_path: Path, encoding: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    answers = write(tmp_path, "answers.yaml", ANSWERS)
    return subprocess.run(
        [str(SCRIPT), "run", "--answers", str(answers), *args],
        capture_output=True,
        env=environment(encoding, tmp_path),
        timeout=60,
    )


@pytest.mark.parametrize("encoding", sorted(SHOWN))
def test_a_scripted_run_prints_the_checklist_in_any_encoding(tmp_path: Path, encoding: str) -> None:
    result = scripted(tmp_path, encoding)
    assert result.returncode == 0, result.stderr
    shown = result.stdout.decode(encoding)  # strict: nothing the terminal would garble
    assert SHOWN[encoding] in shown
    assert ("☐ " if encoding == "gb18030" else "[ ] ") in shown
    assert len(result.stderr.splitlines()) <= 1  # at most the advice to use UTF-8


def test_a_terminal_that_cannot_show_chinese_is_told_how_to_get_it(tmp_path: Path) -> None:
    result = scripted(tmp_path, "latin-1")
    (advice,) = result.stderr.decode("latin-1").splitlines()
    assert "UTF-8 terminal or --output FILE" in advice
    assert "Today" not in advice  # the checklist is never in an error line


def test_a_big5_terminal_gets_traditional_chinese(tmp_path: Path) -> None:
    shown = scripted(tmp_path, "big5").stdout.decode("big5")
    assert "現在該做什麼" in shown


def test_the_output_file_stays_utf8_whatever_the_terminal(tmp_path: Path) -> None:
    result = scripted(tmp_path, "ascii", "--output", str(tmp_path / "list.md"))
    assert result.returncode == 0, result.stderr
    written = (tmp_path / "list.md").read_text("utf-8")
    assert "- [ ] **" in written and "现在该做什么" in written


def test_json_on_an_ascii_stdout_is_the_same_document_escaped(tmp_path: Path) -> None:
    plain = scripted(tmp_path, "utf-8", "--format", "json").stdout.decode("utf-8")
    escaped = scripted(tmp_path, "ascii", "--format", "json").stdout.decode("ascii")
    assert json.loads(escaped) == json.loads(plain)


def test_an_encoding_error_line_never_holds_the_text_being_written(tmp_path: Path) -> None:
    answers = write(tmp_path, "answers.yaml", ANSWERS)
    result = run_cli("run", "--answers", str(answers), env={"PYTHONIOENCODING": "ascii"})
    assert "今天做" not in result.stderr and "\\u4eca" not in result.stderr


@pytest.mark.parametrize("encoding", ["gbk", "latin-1"])
def test_the_interview_reaches_a_checklist_in_a_legacy_terminal(
    tmp_path: Path, encoding: str
) -> None:
    child = pexpect.spawn(
        str(SCRIPT),
        [],
        cwd=str(tmp_path),
        env=environment(encoding, tmp_path),
        dimensions=(40, 100),
        encoding=encoding,
        codec_errors="strict",
        timeout=20,
    )
    zh = encoding == "gbk"
    back = "上一步" if zh else "Back"
    for number in range(1, 20):
        step = f"第 {number} 步" if zh else f"Step {number} "
        if child.expect([step, "核对一下你的回答" if zh else "Check your answers"]) == 1:
            break
        child.expect(back if number > 1 else "(这是什么意思|What does)")
        child.send(ENTER)
    child.expect(back)
    child.send(ENTER)  # the answers look right
    child.expect(r"\[ \] ")  # the checklist, its boxes in the terminal's own characters
    child.expect("来源" if encoding == "gbk" else "Sources")
    if encoding == "gbk":
        decline_to_save(child)
    else:
        child.expect("What next")
        child.expect("Done")
        child.send(UP + ENTER)  # the list wraps: up from the first entry is "done"
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
