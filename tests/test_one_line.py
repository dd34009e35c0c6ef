"""Every mistake a person or a script can make ends in one line on stderr and exit 2."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from overdue_guide.content import check
from overdue_guide.errors import StorageError
from overdue_guide.session import progress as storage

from .helpers import ENGLISH, SCRIPT, run_cli, write


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
    line = assert_one_line(run_cli(*args, env=ENGLISH))
    assert names in line


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["bogus"], "没有“bogus”这个命令。可以用的命令有：run、resume、forget、sources、fees"),
        (["run", "-1"], "run：没有 -1 这个选项。可以用的选项有：--answers、--format、--lang"),
        (
            ["run", "--format", "xml"],
            "run：--format 不能写“xml”。可以写：text、markdown、html、json",
        ),
        (["run", "--format=xml"], "run：--format 不能写“xml”。可以写：text、markdown"),
        (["run", "--format"], "run：--format 后面要写上一个值。可以写：text、markdown"),
        (["run", "--plain=yes"], "run：--plain 后面不用写值（说明见 overdue-guide run --help）"),
        (["run", "main", "extra"], "run：多出了“extra”，不知道它是什么意思（说明见"),
        (["log", "show", "abc"], "log show：entry_id 要写一个整数，比如 3（说明见"),
        (["log", "edit"], "log edit：缺少 entry_id，这一项一定要写（说明见"),
        (["flows", "bogus"], "没有“bogus”这个命令。可以用的命令有：check、graph、schema"),
        (["flows"], "flows：请写出要用哪个命令。可以用的命令有：check、graph、schema"),
    ],
)
def test_a_usage_mistake_is_said_in_the_chinese_of_a_chinese_locale(
    args: list[str], said: str
) -> None:
    line = assert_one_line(run_cli(*args, env={"LANG": "zh_CN.UTF-8"}))
    assert said in line
    assert line.endswith("--help）")


def test_lang_on_the_command_line_chooses_the_language_of_a_usage_mistake() -> None:
    english = assert_one_line(run_cli("run", "--lang", "en", "-1", env={"LANG": "zh_CN.UTF-8"}))
    traditional = assert_one_line(run_cli("--lang=zh-TW", "run", "--format", "xml", env=ENGLISH))
    assert english.startswith("overdue-guide: run: no such option: -1; options: --answers")
    assert traditional == (
        "overdue-guide: run：--format 不能寫“xml”。可以寫：text、markdown、html、json"
        "（說明見 overdue-guide run --help）"
    )


def test_no_terminal_to_ask_in_is_said_in_the_runs_language() -> None:
    chinese = assert_one_line(run_cli("--lang", "zh-CN"))
    english = assert_one_line(run_cli("run", "--lang", "en"))
    assert chinese == (
        "overdue-guide: 这里没有能提问的终端：请用 --answers 文件给出答案"
        "（下一个问题“visitor_arrived”：now | earlier | announced | no）"
    )
    assert english == (
        "overdue-guide: no terminal to ask in: give the answers with --answers FILE "
        "(next question 'visitor_arrived': now | earlier | announced | no)"
    )


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
