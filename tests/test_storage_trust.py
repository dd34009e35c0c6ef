"""Saved progress is the person's own: nothing another user could plant is used, and nothing
unusable fails every `resume`."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from overdue_guide.base import places
from overdue_guide.errors import StorageError
from overdue_guide.session import progress as storage

from .helpers import run_cli, write

ANSWERS = {
    "visitor_arrived": "no",
    "user_role": "borrower",
    "court_notice": "none",
    "misconduct": [],
    "others_contacted": [],
    "amount_checked": "matches",
    "can_pay_full": "yes",
    "debt_agent": "none",
}


#: Every test here runs with a data directory of its own (the `data_home` fixture).
pytestmark = pytest.mark.usefixtures("data_home")


def plant(document: object) -> Path:
    """A progress file written by someone else than this program."""
    path = storage.progress_path()
    path.parent.mkdir(parents=True, mode=0o700, exist_ok=True)
    text = document if isinstance(document, str) else json.dumps(document)
    path.write_text(text, encoding="utf-8")
    path.chmod(0o600)
    return path


def progress(flow: str, answers: object = None) -> dict[str, object]:
    return {
        "format": "overdue-guide/progress",
        "version": 1,
        "flow": flow,
        "lang": "en",
        "answers": ANSWERS if answers is None else answers,
    }


def resume(data_home: Path, *args: str) -> tuple[int, str, str]:
    environment = {"XDG_DATA_HOME": str(data_home), "LANG": "en_US.UTF-8"}
    result = run_cli("resume", "--format", "json", *args, env=environment)
    return result.returncode, result.stdout, result.stderr


def test_the_data_folder_is_created_private() -> None:
    path = storage.save(storage.Progress("main", "en", {}))
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_a_folder_other_users_can_write_is_refused_naming_the_fix() -> None:
    folder = places.data_dir()
    folder.mkdir(parents=True)
    folder.chmod(0o777)
    with pytest.raises(StorageError, match=rf"chmod 700 {folder}"):
        storage.save(storage.Progress("main", "en", {}))
    assert not (folder / "progress.json").exists()


def test_progress_in_a_folder_other_users_can_write_is_not_read() -> None:
    path = plant(progress("main"))
    path.parent.chmod(0o775)
    with pytest.raises(StorageError, match="chmod 700"):
        storage.load()
    assert path.exists()


def test_a_progress_file_other_users_can_write_is_refused() -> None:
    path = plant(progress("main"))
    path.chmod(0o666)
    with pytest.raises(StorageError, match=rf"other users can write .* run chmod 600 {path}"):
        storage.load()


def test_progress_owned_by_another_user_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    plant(progress("main"))
    real = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: real + 1)
    with pytest.raises(StorageError, match="belongs to another user"):
        storage.load()


@pytest.mark.parametrize(
    "flow", ["/tmp/no-such-flow.yaml", "no_such_shipped_flow", "../../elsewhere/flow.yaml"]
)
def test_progress_naming_a_missing_flow_is_moved_aside(data_home: Path, flow: str) -> None:
    path = plant(progress(flow))
    status, _, error = resume(data_home)
    assert status == 2 and "moved it to" in error
    assert not path.exists()
    assert resume(data_home)[2].count("nothing saved") == 1


def test_progress_holding_a_5000_digit_number_is_moved_aside(data_home: Path) -> None:
    path = plant('{"format": "overdue-guide/progress", "version": 1, "x": ' + "9" * 5000 + "}")
    status, _, error = resume(data_home)
    assert status == 2 and "moved it to" in error and "unexpected" not in error
    assert not path.exists()


def test_a_fifo_in_place_of_progress_is_moved_aside_without_hanging(data_home: Path) -> None:
    path = storage.progress_path()
    path.parent.mkdir(parents=True, mode=0o700)
    os.mkfifo(path, 0o600)
    status, _, error = resume(data_home)
    assert status == 2 and "not a regular file" in error
    assert not os.path.lexists(path)


def test_progress_of_a_flow_file_resumes_only_when_that_file_is_named_again(
    tmp_path: Path, data_home: Path
) -> None:
    shipped = Path(__file__).parents[1] / "flows"
    flow = tmp_path / "mine.yaml"
    flow.write_bytes((shipped / "main.yaml").read_bytes())
    write(tmp_path, "sources.yaml", (shipped / "sources.yaml").read_text("utf-8"))
    plant(progress(str(flow.resolve())))
    status, _, error = resume(data_home)
    assert status == 2 and f"overdue-guide resume {flow.resolve()}" in error
    other = tmp_path / "other.yaml"
    other.write_bytes(flow.read_bytes())
    assert resume(data_home, str(other))[0] == 2
    status, out, error = resume(data_home, str(flow))
    assert status == 0, error
    assert json.loads(out)["answers"] == ANSWERS


def test_forget_removes_fifos_and_copies_moved_aside(data_home: Path) -> None:
    folder = places.data_dir()
    folder.mkdir(parents=True, mode=0o700)
    os.mkfifo(folder / "progress.json")
    (folder / "progress.corrupt-20260101-000000.json").write_text("x")
    (folder / ".progress.json.abc").write_text("half")
    assert len(storage.forget()) == 3
    assert not folder.exists()


def test_forget_names_a_folder_moved_aside_and_leaves_what_is_in_it(data_home: Path) -> None:
    folder = places.data_dir()
    (folder / "progress.json" / "inside").mkdir(parents=True, mode=0o700)
    with pytest.raises(StorageError, match="moved it to"):
        storage.load()  # a folder where progress should be is moved aside
    (aside,) = folder.glob("progress.corrupt-*")
    result = run_cli("forget", "--lang", "en", env={"XDG_DATA_HOME": str(data_home)})
    assert result.stdout.splitlines() == [
        f"left the folder {aside}: it is not a file this program wrote;"
        " look inside before you delete it",
        f"nothing saved in {folder}",
    ]
    assert (aside / "inside").is_dir()


def test_a_finished_saved_session_says_the_answers_are_still_saved(data_home: Path) -> None:
    storage.save(storage.Progress("main", "en", ANSWERS))
    status, _, error = resume(data_home)
    assert status == 0
    assert "still saved" in error and "overdue-guide forget" in error


def test_saving_that_fails_says_so_once_and_the_interview_goes_on(
    data_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from overdue_guide.flow import bundle
    from overdue_guide.interview.loop import Nav
    from overdue_guide.session import run as session

    data_home.write_text("a file where the data folder should be")
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    asked = []

    def ask_factory(lang: str, show_help: object) -> object:
        def ask(prompt: object) -> object:
            question = prompt.question  # type: ignore[attr-defined]
            asked.append(question.id)
            return ANSWERS.get(question.id, question.codes[0])

        return ask

    monkeypatch.setattr("overdue_guide.terminal.prompts.make_ask", ask_factory)
    monkeypatch.setattr(
        "overdue_guide.terminal.prompts.make_review", lambda lang: lambda shown: Nav.DONE
    )
    opened = bundle.open_flow("main")
    output = session.Output("en", plain=True)
    answers = session._interview(opened, output, {}, "main")
    assert len(asked) >= 5 and set(ANSWERS) <= set(answers)
    assert capsys.readouterr().err.count("cannot save progress") == 1
