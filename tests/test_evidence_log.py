"""The log commands as a script drives them: add, list, show, edit, delete, verify, forget,
and bad input that is one line, exit 2, and nothing written."""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import stat
from pathlib import Path

import pytest

from overdue_guide.evidence import store

from .helpers import run_cli, write


def data(tmp_path: Path) -> dict[str, str]:
    return {"XDG_DATA_HOME": str(tmp_path / "data"), "TZ": "Asia/Shanghai"}


def log(tmp_path: Path, *args: str) -> tuple[int, str, str]:
    result = run_cli("log", *args, "--lang", "en", env=data(tmp_path))
    return result.returncode, result.stdout, result.stderr


def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "overdue-guide" / store.FILE_NAME


WEEK = """\
- at: 2026-11-16 22:40
  zone: Asia/Shanghai
  channel: call
  direction: in
  number: "0571 8888 0000"
  org: 某某资产管理公司
  name: 王经理
  staff_id: "A1024"
  identified: true
  said: 今天不还就上门
  duration_s: 95
- at: "2026-11-18T10:00:00+08:00"
  channel: message
  number: wx_collector
  identified: false
  third_parties:
    - {who: 我妈妈, told: 你儿子欠了花呗五万不还}
- at: 2026-11-20 15:00
  zone: Asia/Shanghai
  channel: visit
  people: 2
  id_shown: false
  authorization_shown: false
  entry_attempted: true
  impersonated: [court]
  threats: [detention]
  witnesses: [邻居李阿姨]
"""


def test_a_week_from_a_file_is_stored_listed_and_flagged(tmp_path: Path) -> None:
    status, out, err = log(tmp_path, "add", "--from", str(write(tmp_path, "week.yaml", WEEK)))
    assert (status, err) == (0, "")
    assert "logged entry 3: 2026-11-20 15:00 (+08:00)" in out
    status, out, _ = log(tmp_path, "list")
    entries = re.split(r"\n(?= +\d)", out)  # an entry's flags are lines under it, after ⚑
    assert len(entries) == 3
    assert "night_hours, R04" in entries[0]
    assert "third_party_disclosure, R05" in entries[1] and "no_institution, R08" in entries[1]
    assert "impersonation, R02)" in entries[2] and "threat, R12" in entries[2]


def test_the_log_is_created_by_the_first_add_only_and_only_the_owner_can_read_it(
    tmp_path: Path,
) -> None:
    for command in (["list"], ["export"], ["verify"], ["show", "1"]):
        log(tmp_path, *command)
    assert not db(tmp_path).exists()
    assert log(tmp_path, "add", "--at", "2026-11-20 10:00", "--channel", "sms")[0] == 0
    assert stat.S_IMODE(db(tmp_path).stat().st_mode) == 0o600
    assert stat.S_IMODE(db(tmp_path).parent.stat().st_mode) == 0o700


def test_an_entry_keeps_the_zone_it_was_entered_in_and_utc(tmp_path: Path) -> None:
    log(tmp_path, "add", "--at", "2026-11-20 22:30", "--zone", "Europe/Berlin", "--channel", "call")
    document = json.loads(log(tmp_path, "export", "--format", "json")[1])
    (entry,) = document["entries"]
    assert entry["at"] == "2026-11-20T22:30:00+01:00"
    assert entry["zone"] == "Europe/Berlin"
    assert entry["at_utc"] == "2026-11-20T21:30:00Z"


def test_show_edit_and_delete_one_entry(tmp_path: Path) -> None:
    log(tmp_path, "add", "--at", "2026-11-20 10:00", "--channel", "call", "--said", "old words")
    assert log(tmp_path, "edit", "1", "--said", "new words", "--at", "2026-11-20 23:00")[0] == 0
    status, out, _ = log(tmp_path, "show", "1")
    assert status == 0
    assert "new words" in out and "old words" not in out
    assert "2026-11-20 23:00 (+08:00)" in out and "night hours (night_hours, R04)" in out
    assert "edited" in out
    assert log(tmp_path, "delete", "1")[0] == 2  # no terminal to confirm in, no --yes
    assert log(tmp_path, "delete", "1", "--yes")[0] == 0
    status, _, err = log(tmp_path, "show", "1")
    assert (status, err) == (2, "overdue-guide: no entry 1 in the log\n")


def test_verify_reports_a_changed_and_a_missing_attachment(tmp_path: Path) -> None:
    kept, changed, lost = (write(tmp_path, f"{n}.m4a", n) for n in ("kept", "changed", "lost"))
    args = ["add", "--at", "2026-11-20 10:00", "--channel", "call"]
    assert log(tmp_path, *args, "--attach", str(kept), "--attach", str(changed))[0] == 0
    assert log(tmp_path, *args, "--attach", str(lost))[0] == 0
    assert log(tmp_path, "verify") == (0, "all 3 attachments are present and unchanged\n", "")
    changed.write_text("cut", encoding="utf-8")
    lost.unlink()
    status, out, err = log(tmp_path, "verify")
    assert status == 1
    assert f"entry 1: attachment changed: {changed}" in out
    assert f"entry 2: attachment missing: {lost}" in out
    assert str(kept) not in out
    assert err.startswith("overdue-guide: 2 of 3 attachments changed or missing")


def test_an_attachment_is_fingerprinted_and_never_touched(tmp_path: Path) -> None:
    recording = write(tmp_path, "call.m4a", "audio")
    os.utime(recording, (1_700_000_000, 1_700_000_000))
    before = recording.stat()
    log(
        tmp_path, "add", "--at", "2026-11-20 10:00", "--channel", "call", "--attach", str(recording)
    )
    (attachment,) = json.loads(log(tmp_path, "export", "--format", "json")[1])["entries"][0][
        "attachments"
    ]
    assert attachment == {
        "path": str(recording),
        "sha256": hashlib.sha256(b"audio").hexdigest(),
        "size": 5,
        "mtime": "2023-11-14T22:13:20+00:00",
    }
    after = recording.stat()
    assert (after.st_mtime_ns, after.st_size, after.st_ino) == (
        before.st_mtime_ns,
        before.st_size,
        before.st_ino,
    )


def test_log_forget_removes_the_database_and_its_journal_files(tmp_path: Path) -> None:
    log(tmp_path, "add", "--at", "2026-11-20 10:00", "--channel", "call")
    reader = sqlite3.connect(db(tmp_path))  # an open reader keeps the -wal and -shm files
    reader.execute("SELECT count(*) FROM entries").fetchone()
    assert Path(f"{db(tmp_path)}-wal").exists() and Path(f"{db(tmp_path)}-shm").exists()
    status, out, _ = log(tmp_path, "forget", "--yes")
    reader.close()
    assert status == 0 and out.count("deleted") == 3
    assert list(db(tmp_path).parent.iterdir()) == []


BAD = [
    (
        ["--at", "2026-02-30 10:00", "--channel", "call"],
        "--at: '2026-02-30 10:00' is not a possible date",
    ),
    (["--at", "2026-13-01 10:00", "--channel", "call"], "is not a possible date"),
    (["--at", "2999-01-01 10:00", "--channel", "call"], "--at: 2999-01-01 10:00 is in the future"),
    (
        ["--at", "2026-11-20 10:00", "--zone", "Asia/Atlantis", "--channel", "call"],
        "--zone: no such time zone: Asia/Atlantis",
    ),
    (["--at", "2026-11-20 10:00", "--channel", "fax"], "--channel: 'fax' is not one of: call, sms"),
    (["--at", "2026-11-20 10:00"], "'channel' is required"),
    (["--channel", "call"], "'at' is required"),
    (
        ["--at", "2026-11-20 10:00", "--channel", "call", "--threat", "rude"],
        "--threat: 'rude' is not one of",
    ),
    (
        ["--at", "2026-11-20 10:00", "--channel", "call", "--attach", "nowhere.m4a"],
        "--attach: attachment nowhere.m4a does not exist",
    ),
    (
        ["--at", "2026-11-20 10:00", "--channel", "call", "--attach", "."],
        "--attach: attachment . is a folder",
    ),
    (
        ["--at", "2026-03-08T02:30", "--zone", "America/New_York", "--channel", "call"],
        "--at: 2026-03-08 02:30 did not exist in America/New_York: "
        "that day the clocks jumped from 02:00 straight to 03:00",
    ),
    (
        ["--at", "2025-11-02T01:30", "--zone", "America/New_York", "--channel", "call"],
        "--at: 2025-11-02 01:30 happened twice in America/New_York (the clocks went back): "
        "write 2025-11-02T01:30-04:00 for the first time or 2025-11-02T01:30-05:00 for the second",
    ),
    (
        ["--at", "2025-11-02T01:30-06:00", "--zone", "America/New_York", "--channel", "call"],
        "--at: 2025-11-02 01:30 in America/New_York has the offset -04:00 or -05:00, not -06:00",
    ),
    (["--at", "2026-11-20", "--channel", "call"], "--at: '2026-11-20' needs a date and a time"),
    (["--at", "2026-11-20T22", "--channel", "call"], "needs a date and a time of day"),
    (["--at", "2026-W47-5 22:30", "--channel", "call"], "needs a date and a time of day"),
    (
        ["--at", "0001-01-01T00:00+08:00", "--channel", "call"],
        "--at: 0001-01-01T00:00+08:00 is not a time a log entry can have: from 1970",
    ),
    (["--at", "9999-12-31T23:59-05:00", "--channel", "call"], "is not a time a log entry can"),
    (["--at", "1900-01-01 12:00", "--channel", "call"], "is not a time a log entry can have"),
    (
        ["--at", "2026-11-20T22:30+08:00:30", "--channel", "call"],
        "an offset is whole minutes, like +08:00",
    ),
    (["--at", "", "--channel", "call"], "--at: cannot be empty"),
    (["--at", "2026-11-20 10:00", "--zone", "", "--channel", "call"], "--zone: cannot be empty"),
    (["--at", "2026-11-20 10:00", "--channel", ""], "--channel: cannot be empty"),
    (
        ["--at", "2026-11-20 10:00", "--channel", "call", "--attach", ""],
        "--attach: an attachment cannot be empty",
    ),
]


@pytest.mark.parametrize(("args", "said"), BAD, ids=[b[1][:30] for b in BAD])
def test_bad_input_is_one_line_exit_2_and_nothing_written(
    tmp_path: Path, args: list[str], said: str
) -> None:
    status, out, err = log(tmp_path, "add", *args)
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("overdue-guide: ")
    assert said in err
    assert not db(tmp_path).exists()


def test_bad_input_adds_nothing_to_an_existing_log(tmp_path: Path) -> None:
    log(tmp_path, "add", "--at", "2026-11-20 10:00", "--channel", "call")
    before = db(tmp_path).read_bytes()
    log(tmp_path, "add", "--at", "2026-02-30 10:00", "--channel", "call")
    assert db(tmp_path).read_bytes() == before


def test_one_bad_entry_in_a_file_is_located_and_none_of_the_file_is_stored(tmp_path: Path) -> None:
    text = WEEK + "- at: 2026-11-21 09:00\n  channel: call\n  people: many\n"
    status, _, err = log(tmp_path, "add", "--from", str(write(tmp_path, "week.yaml", text)))
    assert status == 2
    assert err == f"overdue-guide: {tmp_path / 'week.yaml'}:30:11: 'many' is not a whole number\n"
    assert not db(tmp_path).exists()


def test_an_unknown_field_in_a_file_is_located(tmp_path: Path) -> None:
    path = write(
        tmp_path, "e.json", '[{"at": "2026-11-20T10:00+08:00", "channel": "call", "mood": "bad"}]'
    )
    status, _, err = log(tmp_path, "add", "--from", str(path))
    assert status == 2
    assert err.startswith(f"overdue-guide: {path}:1:62: unknown field 'mood'")


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "gbk.yaml"
    path.write_bytes("- at: 2026-11-20 10:00\n  channel: call\n  said: 还钱\n".encode("gbk"))
    status, _, err = log(tmp_path, "add", "--from", str(path))
    assert status == 2
    assert "is not UTF-8 (it looks like GBK: save it as UTF-8)" in err
    assert not db(tmp_path).exists()


def test_a_note_of_10_mb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_text(
        "- at: 2026-11-20 10:00\n  channel: call\n  said: " + "话" * 3_500_000 + "\n", "utf-8"
    )
    assert path.stat().st_size > 10_000_000
    status, _, err = log(tmp_path, "add", "--from", str(path))
    assert status == 2
    assert err == f"overdue-guide: {path}:3:9: longer than 10000 characters\n"
    assert not db(tmp_path).exists()


def test_an_empty_from_file_is_refused(tmp_path: Path) -> None:
    status, _, err = log(tmp_path, "add", "--from", str(write(tmp_path, "e.yaml", "")))
    assert status == 2 and "expected a list of entries" in err


def test_a_json_export_can_be_read_back_by_add(tmp_path: Path) -> None:
    log(tmp_path, "add", "--from", str(write(tmp_path, "week.yaml", WEEK)))
    exported = json.loads(log(tmp_path, "export", "--format", "json")[1])
    fields = [
        {k: v for k, v in e.items() if k not in ("id", "at_utc")} for e in exported["entries"]
    ]
    again = tmp_path / "again"
    path = write(tmp_path, "again.json", json.dumps(fields, ensure_ascii=False))
    result = run_cli("log", "add", "--from", str(path), env=data(again))
    assert result.returncode == 0, result.stderr
    second = json.loads(run_cli("log", "export", "--format", "json", env=data(again)).stdout)
    assert second["entries"] == exported["entries"]
    assert second["flags"] == exported["flags"]


def test_a_json_export_is_read_back_as_it_is_with_its_attachments(tmp_path: Path) -> None:
    recording = write(tmp_path, "call.m4a", "a recording")
    log(
        tmp_path, "add", "--at", "2026-11-20 22:30", "--channel", "call", "--attach", str(recording)
    )
    exported = log(tmp_path, "export", "--format", "json")[1]
    again = tmp_path / "again"
    path = write(tmp_path, "export.json", exported)
    result = run_cli("log", "add", "--from", str(path), env=data(again))
    assert result.returncode == 0, result.stderr
    second = run_cli("log", "export", "--format", "json", env=data(again)).stdout
    assert json.loads(second)["entries"] == json.loads(exported)["entries"]


def test_reading_back_an_export_refuses_an_attachment_changed_since(tmp_path: Path) -> None:
    recording = write(tmp_path, "call.m4a", "a recording")
    log(
        tmp_path, "add", "--at", "2026-11-20 22:30", "--channel", "call", "--attach", str(recording)
    )
    path = write(tmp_path, "export.json", log(tmp_path, "export", "--format", "json")[1])
    Path(recording).write_text("cut", encoding="utf-8")
    result = run_cli(
        "log", "add", "--from", str(path), "--lang", "en", env=data(tmp_path / "again")
    )
    assert result.returncode == 2
    assert "call.m4a has changed since it was logged" in result.stderr
    assert not (tmp_path / "again").exists()


def test_a_field_given_twice_in_one_entry_is_located_and_nothing_stored(tmp_path: Path) -> None:
    text = '[{"at": "2026-01-01 10:00", "at": "2026-01-02 10:00", "channel": "call"}]'
    status, _, err = log(tmp_path, "add", "--from", str(write(tmp_path, "twice.json", text)))
    assert status == 2
    assert "twice.json:1:" in err and "'at' is given twice in one entry" in err
    assert not db(tmp_path).exists()


def test_without_a_terminal_add_with_no_entry_says_what_to_give(tmp_path: Path) -> None:
    status, _, err = log(tmp_path, "add")
    assert status == 2
    assert "no terminal for the form: give --from FILE" in err


def test_the_program_wide_forget_keeps_the_log_and_says_how_to_delete_it(tmp_path: Path) -> None:
    log(tmp_path, "add", "--at", "2026-11-20 10:00", "--channel", "call")
    result = run_cli("forget", "--lang", "en", env=data(tmp_path))
    assert result.returncode == 0
    assert "`overdue-guide log forget` deletes it" in result.stdout
    assert db(tmp_path).exists()


def test_the_program_wide_forget_speaks_the_persons_language(tmp_path: Path) -> None:
    log(tmp_path, "add", "--at", "2026-11-20 10:00", "--channel", "call")
    folder = tmp_path / "data" / "overdue-guide"
    chinese = run_cli("forget", env=data(tmp_path)).stdout.splitlines()
    assert chinese == [
        f"{folder} 里没有保存任何东西",
        f"证据记录 {folder / store.FILE_NAME} 没有删除；要删除它：overdue-guide log forget",
    ]
    traditional = run_cli("forget", "--lang", "zh-TW", env=data(tmp_path)).stdout
    assert traditional.startswith(f"{folder} 裡沒有保存任何東西")


def test_attachments_in_a_file_are_found_beside_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    write(folder, "call.m4a", "audio")
    path = write(
        folder, "e.yaml", "- at: 2026-11-20 10:00\n  channel: call\n  attachments: [call.m4a]\n"
    )
    assert log(tmp_path, "add", "--from", str(path))[0] == 0
    document = json.loads(log(tmp_path, "export", "--format", "json")[1])
    assert document["entries"][0]["attachments"][0]["path"] == str(folder / "call.m4a")


def test_a_time_that_happened_twice_is_stored_with_the_offset_given(tmp_path: Path) -> None:
    args = ["add", "--zone", "America/New_York", "--channel", "call"]
    assert log(tmp_path, *args, "--at", "2025-11-02T01:30-04:00")[0] == 0
    assert log(tmp_path, *args, "--at", "2025-11-02T01:30-05:00")[0] == 0
    entries = json.loads(log(tmp_path, "export", "--format", "json")[1])["entries"]
    assert [(e["at"], e["zone"], e["at_utc"]) for e in entries] == [
        ("2025-11-02T01:30:00-04:00", "America/New_York", "2025-11-02T05:30:00Z"),
        ("2025-11-02T01:30:00-05:00", "America/New_York", "2025-11-02T06:30:00Z"),
    ]


def test_a_time_that_happened_twice_in_a_file_is_located_and_none_of_the_file_stored(
    tmp_path: Path,
) -> None:
    text = WEEK + "- at: 2025-11-02 01:30\n  zone: America/New_York\n  channel: call\n"
    path = write(tmp_path, "week.yaml", text)
    status, out, err = log(tmp_path, "add", "--from", str(path))
    assert (status, out) == (2, "")
    assert err.startswith(f"overdue-guide: {path}:28:7: 2025-11-02 01:30 happened twice in ")
    assert err.count("\n") == 1
    assert not db(tmp_path).exists()


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--at", "2026-03-08 02:30", "--zone", "America/New_York"], "--at: 2026-03-08 02:30 did"),
        (["--at", "2025-11-02 01:30", "--zone", "America/New_York"], "--at: 2025-11-02 01:30 happ"),
        (["--at", ""], "--at: cannot be empty"),
        (["--zone", ""], "--zone: cannot be empty"),
        (["--channel", ""], "--channel: cannot be empty"),
    ],
)
def test_a_bad_edit_is_one_line_exit_2_and_changes_nothing(
    tmp_path: Path, args: list[str], said: str
) -> None:
    log(tmp_path, "add", "--at", "2026-11-20 10:00", "--channel", "call")
    before = db(tmp_path).read_bytes()
    status, out, err = log(tmp_path, "edit", "1", *args)
    assert (status, out) == (2, "")
    assert err.count("\n") == 1 and err.startswith(f"overdue-guide: {said}")
    assert db(tmp_path).read_bytes() == before
