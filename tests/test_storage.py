"""Saved progress: opt-in, atomic, private, never silently trusted, deleted on request."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from overdue_guide.base import disk
from overdue_guide.errors import StorageError
from overdue_guide.session import progress as storage

from .helpers import run_cli, write

#: Every test here runs with a data directory of its own (the `data_home` fixture).
pytestmark = pytest.mark.usefixtures("data_home")


def test_progress_lives_in_the_xdg_data_directory(data_home: Path) -> None:
    path = storage.save(storage.Progress("main", "zh-CN", {"visitor_arrived": "no"}))
    assert path == data_home / "overdue-guide" / "progress.json"


def test_details_for_the_letters_are_saved_with_progress_and_load_back() -> None:
    storage.save(storage.Progress("main", "zh-CN", {"visitor_arrived": "no"}, {"name": "张三"}))
    assert storage.progress_path().stat().st_mode & 0o777 == 0o600
    loaded = storage.load()
    assert loaded is not None and loaded.details == {"name": "张三"}


def test_progress_is_readable_by_its_owner_only() -> None:
    path = storage.save(storage.Progress("main", "zh-CN", {"misconduct": ("threats",)}))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_saved_progress_loads_back() -> None:
    storage.save(
        storage.Progress("main", "en", {"misconduct": ("threats",), "visitor_arrived": "no"})
    )
    loaded = storage.load()
    assert loaded == storage.Progress(
        "main", "en", {"misconduct": ["threats"], "visitor_arrived": "no"}
    )


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out" / "file.txt"
    disk.write_atomic(target, "old")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(StorageError, match="No space left"):
        disk.write_atomic(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in target.parent.iterdir()] == ["file.txt"]


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        '{"format": "something-else", "version": 1}',
        "[]",
        '{"format": "overdue-guide/progress", "version": 1}',
    ],
)
def test_a_corrupt_or_foreign_file_is_moved_aside_not_used_nor_deleted(
    content: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    path = storage.progress_path()
    path.parent.mkdir(parents=True)
    path.write_text(content, encoding="utf-8")
    with pytest.raises(StorageError, match=r"moved it to progress\.corrupt-"):
        storage.load()
    assert not path.exists()
    (aside,) = path.parent.glob("progress.corrupt-*.json")
    assert aside.read_text("utf-8").strip() == content


def test_forget_deletes_everything_saved(data_home: Path) -> None:
    storage.save(storage.Progress("main", "zh-CN", {}))
    assert storage.forget() == [data_home / "overdue-guide" / "progress.json"]
    assert not (data_home / "overdue-guide").exists()


def test_a_scripted_run_writes_nothing_anywhere(tmp_path: Path, data_home: Path) -> None:
    answers = write(
        tmp_path,
        "a.yaml",
        "visitor_arrived: 'no'\nmisconduct: []\nothers_contacted: []\namount_checked: matches\ncan_pay_full: 'yes'\n",
    )
    home = tmp_path / "home"
    home.mkdir()
    before = sorted(tmp_path.rglob("*"))
    result = run_cli(
        "run",
        "--answers",
        str(answers),
        env={
            "XDG_DATA_HOME": str(data_home),
            "HOME": str(home),
            "XDG_CACHE_HOME": str(tmp_path / "cache"),
        },
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert sorted(tmp_path.rglob("*")) == before


def test_resume_with_nothing_saved_says_so_in_the_persons_language() -> None:
    result = run_cli("resume", env={"XDG_DATA_HOME": os.environ["XDG_DATA_HOME"]})
    assert result.returncode == 2 and "没有保存过进度" in result.stderr
    english = run_cli(
        "resume", env={"XDG_DATA_HOME": os.environ["XDG_DATA_HOME"], "LANG": "en_US.UTF-8"}
    )
    assert "nothing saved" in english.stderr


def test_resume_of_a_finished_session_prints_its_checklist(data_home: Path) -> None:
    answers = {
        "visitor_arrived": "no",
        "user_role": "borrower",
        "court_notice": "none",
        "misconduct": [],
        "others_contacted": [],
        "amount_checked": "matches",
        "can_pay_full": "yes",
        "debt_agent": "none",
    }
    storage.save(storage.Progress("main", "en", answers))
    result = run_cli("resume", "--format", "json", env={"XDG_DATA_HOME": str(data_home)})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["answers"] == answers


def test_resume_of_progress_that_no_longer_fits_the_flow_moves_it_aside(data_home: Path) -> None:
    storage.save(storage.Progress("main", "zh-CN", {"visitor_arrived": "sometimes"}))
    result = run_cli("resume", env={"XDG_DATA_HOME": str(data_home), "LANG": "en_US.UTF-8"})
    assert result.returncode == 2 and "moved it to" in result.stderr
    assert list((data_home / "overdue-guide").glob("progress.corrupt-*.json"))


def test_resume_without_a_terminal_names_the_next_question(data_home: Path) -> None:
    storage.save(storage.Progress("main", "zh-CN", {"visitor_arrived": "no"}))
    result = run_cli("resume", env={"XDG_DATA_HOME": str(data_home)})
    assert result.returncode == 2
    assert result.stderr == (  # in the saved interview's language
        "overdue-guide: 这里没有能提问的终端：请用 --answers 文件给出答案"
        "（下一个问题“user_role”：borrower | spouse | relative）\n"
    )
