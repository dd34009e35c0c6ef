"""A log entry that cannot be kept is refused in the session's language (`--lang`):
the options of `log add` and `log edit`, `--from` files, attachments."""

from __future__ import annotations

from pathlib import Path

import pytest

from overdue_guide.evidence.problems import EntryError, localized, problem, said
from tests.helpers import run_cli


def refused(tmp_path: Path, *args: str) -> str:
    """The one line `log …` prints on stderr, run in `tmp_path` with its own data folder."""
    env = {"XDG_DATA_HOME": str(tmp_path / "data"), "TZ": "Asia/Shanghai"}
    result = run_cli("log", *args, cwd=tmp_path, env=env)
    assert result.returncode == 2, result.stderr
    return result.stderr


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        (
            "zh-CN",
            "overdue-guide: --at：“2026-02-30 10:00”不是一个真实存在的日期和时间"
            "（比如这样写：2026-11-20 22:30 或 2026-11-20T22:30+08:00）\n",
        ),
        (
            "en",
            "overdue-guide: --at: '2026-02-30 10:00' is not a possible date and time "
            "(write it like 2026-11-20 22:30 or 2026-11-20T22:30+08:00)\n",
        ),
    ],
)
def test_an_impossible_date_is_refused_in_the_language_asked(
    tmp_path: Path, lang: str, line: str
) -> None:
    args = ("--at", "2026-02-30 10:00", "--zone", "UTC", "--channel", "call", "--lang", lang)
    assert refused(tmp_path, "add", *args) == line


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        (
            "zh-CN",
            "overdue-guide: --zone：没有这个时区：Nowhere/Zone（请写一个地方，比如 Asia/Shanghai）\n",
        ),
        (
            "en",
            "overdue-guide: --zone: no such time zone: Nowhere/Zone (name a place, like Asia/Shanghai)\n",
        ),
    ],
)
def test_a_zone_that_does_not_exist_is_refused_in_the_language_asked(
    tmp_path: Path, lang: str, line: str
) -> None:
    args = ("--at", "2026-02-10 10:00", "--zone", "Nowhere/Zone", "--channel", "call")
    assert refused(tmp_path, "add", *args, "--lang", lang) == line


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("zh-CN", "overdue-guide: --duration：-1 超出了能填的范围\n"),
        ("en", "overdue-guide: --duration: -1 is out of range\n"),
    ],
)
def test_a_negative_duration_is_refused_in_the_language_asked(
    tmp_path: Path, lang: str, line: str
) -> None:
    args = ("--at", "2026-02-10 10:00", "--channel", "call", "--duration", "-1")
    assert refused(tmp_path, "add", *args, "--lang", lang) == line


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("zh-CN", "overdue-guide: --attach：附件 nowhere.m4a 不存在\n"),
        ("zh-TW", "overdue-guide: --attach：附件 nowhere.m4a 不存在\n"),
        ("en", "overdue-guide: --attach: attachment nowhere.m4a does not exist\n"),
    ],
)
def test_a_missing_attachment_is_refused_at_its_option_in_the_language_asked(
    tmp_path: Path, lang: str, line: str
) -> None:
    args = ("--at", "2026-02-10 10:00", "--channel", "call", "--attach", "nowhere.m4a")
    assert refused(tmp_path, "add", *args, "--lang", lang) == line


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("zh-CN", "overdue-guide: entries.yaml:3:11：“many”不是一个整数\n"),
        ("zh-TW", "overdue-guide: entries.yaml:3:11：“many”不是一個整數\n"),
        ("en", "overdue-guide: entries.yaml:3:11: 'many' is not a whole number\n"),
    ],
)
def test_a_bad_value_in_a_from_file_is_located_and_refused_in_the_language_asked(
    tmp_path: Path, lang: str, line: str
) -> None:
    text = "- at: 2026-02-10 10:00\n  channel: call\n  people: many\n"
    (tmp_path / "entries.yaml").write_text(text, encoding="utf-8")
    assert refused(tmp_path, "add", "--from", "entries.yaml", "--lang", lang) == line


def test_a_from_file_that_is_no_list_of_entries_is_refused_in_chinese(tmp_path: Path) -> None:
    (tmp_path / "entries.yaml").write_text("at: 2026-02-10 10:00\n", encoding="utf-8")
    assert refused(tmp_path, "add", "--from", "entries.yaml", "--lang", "zh-CN") == (
        "overdue-guide: entries.yaml:1:1：这里应该是一列记录\n"
    )


def test_log_edit_refuses_a_bad_value_in_the_language_asked(tmp_path: Path) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path / "data"), "TZ": "Asia/Shanghai"}
    added = run_cli("log", "add", "--at", "2026-02-10 10:00", "--channel", "call", env=env)
    assert added.returncode == 0, added.stderr
    assert refused(tmp_path, "edit", "1", "--channel", "fax", "--lang", "zh-CN") == (
        "overdue-guide: --channel：“fax”不在这些里面：call, sms, message, visit, letter\n"
    )


def test_a_problem_found_at_a_place_is_said_wholly_in_one_language() -> None:
    inner = problem("attach_folder", path="calls")
    outer = problem("placed", where="--attach", error=inner)
    assert str(outer) == "--attach: attachment calls is a folder: give a file"
    assert said(outer, "zh-CN") == "--attach：附件 calls 是一个文件夹：请给一个文件"


def test_an_error_without_a_key_is_left_as_it_was_said() -> None:
    error = EntryError("没有第 3 条记录")
    assert localized(error, "en") is error
