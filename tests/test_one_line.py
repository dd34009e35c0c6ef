"""Every mistake a person or a script can make ends in one line on stderr and exit 2."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from overdue_guide.content import check
from overdue_guide.errors import StorageError
from overdue_guide.session import progress as storage

from .helpers import SCRIPT, run_cli, write


def assert_one_line(result: subprocess.CompletedProcess[str], status: int = 2) -> str:
    assert result.returncode == status, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("overdue-guide: "), result.stderr
    return lines[0]


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (["bogus"], "commands: run, resume, forget, sources"),
        (["--bogus"], "options: --lang, --plain, --save"),
        (["run", "--bogus"], "--answers, --format, --lang"),
        (["run", "--format", "xml"], "'text', 'markdown', 'html', 'json'"),
        (["run", "--lang", "fr"], "'zh-CN', 'zh-TW', 'en'"),
        (["run", "--format"], "one of: text, markdown, html, json"),
        (["flows", "check", "--format"], "one of: text, json"),
        (["flows", "graph", "--lang"], "one of: zh-CN, zh-TW, en"),
        (["flows", "bogus"], "commands: check, graph, schema"),
        (["run", "--answers"], "'overdue-guide run --help'"),
    ],
)
def test_a_usage_mistake_is_one_line_naming_the_valid_choices(args: list[str], names: str) -> None:
    line = assert_one_line(run_cli(*args))
    assert names in line


def test_help_still_exits_0() -> None:
    result = run_cli("run", "--help")
    assert result.returncode == 0 and "--answers" in result.stdout


def run_closed(redirect: str, *args: str) -> subprocess.CompletedProcess[str]:
    """The command with a standard stream closed by the shell (`<&-`, `>&-`)."""
    command = " ".join([str(SCRIPT), *args, redirect])
    environment = {**os.environ, "LANG": "C.UTF-8"}
    return subprocess.run(
        ["sh", "-c", command], capture_output=redirect == "<&-", text=True, env=environment
    )


def test_a_closed_stdin_is_no_terminal_exit_2() -> None:
    line = assert_one_line(run_closed("<&-"))
    assert "--answers" in line


def test_a_closed_stdout_exits_2(tmp_path: Path) -> None:
    stderr = tmp_path / "stderr"
    result = run_closed(f">&- 2>{stderr}", "flows", "schema")
    assert result.returncode == 2
    assert stderr.read_text().startswith("overdue-guide: standard output is closed")


def test_a_huge_number_in_a_json_answers_file_exits_2(tmp_path: Path) -> None:
    answers = write(tmp_path, "a.json", '{"visitor_arrived": ' + "9" * 5000 + "}")
    assert "5000 digits" in assert_one_line(
        run_cli("run", "--answers", str(answers), "--lang", "en")
    )


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("a.json", '{"visitor_arrived": "no", "visitor_arrived": "now"}'),
        ("a.yaml", "visitor_arrived: no\nvisitor_arrived: now\n"),
    ],
)
def test_a_question_answered_twice_is_an_error(tmp_path: Path, name: str, text: str) -> None:
    answers = write(tmp_path, name, text)
    line = assert_one_line(run_cli("run", "--answers", str(answers), "--lang", "en"))
    assert "'visitor_arrived' is answered twice" in line


def test_a_nul_byte_in_a_flow_is_one_located_finding(tmp_path: Path) -> None:
    path = tmp_path / "flow.yaml"
    path.write_text('flow: x\ntitle: {zh-CN: "a\x00b"}\n', encoding="utf-8")
    (finding,) = check.check_paths([path])[0]
    assert (finding.line, finding.col, finding.code) == (2, 18, "yaml-syntax")
    assert "U+0000" in finding.message and "\n" not in finding.message


def test_damaged_saved_progress_is_reported_in_chinese_in_a_chinese_locale(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    path = storage.progress_path()
    path.parent.mkdir(parents=True)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(StorageError, match=r"已损坏，已移到 progress\.corrupt-"):
        storage.load()
