"""The evidence log under hostile input (issue 22): escapes, invisible characters, planted
or damaged files, time zones the machine names oddly, bytes that are not UTF-8."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from overdue_guide.base import places
from overdue_guide.errors import StorageError
from overdue_guide.evidence import flagcache, rules, store
from overdue_guide.evidence.model import number_key

from .helpers import NOBODY_CAME, SCRIPT, run_cli, write

ENV = {"TZ": "Asia/Shanghai"}


def log(tmp_path: Path, *args: str, **env: str) -> tuple[int, str, str]:
    done = run_cli("log", *args, env={"XDG_DATA_HOME": str(tmp_path / "data"), **ENV, **env})
    return done.returncode, done.stdout, done.stderr


def add(tmp_path: Path, *args: str) -> None:
    status, _, error = log(tmp_path, "add", "--at", "2026-01-20 10:00", "--channel", "call", *args)
    assert status == 0, error


def folder(tmp_path: Path) -> Path:
    return tmp_path / "data" / "overdue-guide"


# --- 1. what goes to a terminal: escapes and bidi controls shown, never run ---------------


def test_log_list_shows_escape_sequences_and_bidi_controls_as_text(tmp_path: Path) -> None:
    add(tmp_path, "--number", "\x1b[31mRED", "--org", "\x1b]0;PWNED\x07\u202eabc")
    status, out, _ = log(tmp_path, "list")
    assert status == 0
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "\\x1b[31mRED" in out and "\\x1b]0;PWNED\\x07\\u202eabc" in out


@pytest.mark.parametrize("output_format", ["markdown", "html"])
def test_markdown_and_html_exports_show_escapes_as_text(tmp_path: Path, output_format: str) -> None:
    add(tmp_path, "--said", "\x1b[2J\x1b]0;PWNED\x07 \u202eevil")
    status, out, _ = log(tmp_path, "export", "--format", output_format)
    assert status == 0
    assert "\x1b" not in out and "\u202e" not in out
    assert "\\x1b" in out and "\\u202e" in out


def test_json_export_escapes_bidi_controls_and_keeps_the_text(tmp_path: Path) -> None:
    add(tmp_path, "--said", "a\u202eb")
    status, out, _ = log(tmp_path, "export", "--format", "json")
    assert status == 0 and "\u202e" not in out
    assert json.loads(out)["entries"][0]["said"] == "a\u202eb"


@pytest.mark.parametrize("output_format", ["csv", "json", "markdown"])
def test_an_export_piped_in_a_gbk_locale_is_exactly_what_output_writes(
    tmp_path: Path, output_format: str
) -> None:
    add(tmp_path, "--said", "☐ 😀 原话\x1b[31m")
    out = tmp_path / f"log.{ {'markdown': 'md'}.get(output_format, output_format) }"
    assert log(tmp_path, "export", "--output", str(out))[0] == 0
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "PYTHONIOENCODING": "gbk", **ENV}
    piped = subprocess.run(
        [str(SCRIPT), "log", "export", "--format", output_format],
        capture_output=True, env=env, timeout=60, check=False,
    )  # fmt: skip
    assert piped.returncode == 0, piped.stderr
    if output_format == "markdown":  # made a minute apart at most: the time line may differ
        assert piped.stdout.splitlines()[3:] == out.read_bytes().splitlines()[3:]
    else:
        assert piped.stdout == out.read_bytes()
    assert "☐ 😀 原话".encode() in piped.stdout


# --- 3. damaged files set aside in one second keep distinct names -------------------------


def test_three_damaged_logs_in_one_second_are_all_kept(data_home: Path) -> None:
    for n in range(3):
        store.path().parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        store.path().write_bytes(b"not a database " * 100 + bytes([n]))
        with pytest.raises(StorageError, match="moved it to"):
            store.entries()
    kept = sorted(store.path().parent.glob("evidence.damaged-*.sqlite3"))
    assert len(kept) == 3
    assert {p.read_bytes()[-1] for p in kept} == {0, 1, 2}


# --- 4. the log is trusted only as saved progress is --------------------------------------


def test_a_log_in_a_folder_others_can_write_is_refused_naming_the_fix(tmp_path: Path) -> None:
    add(tmp_path)
    folder(tmp_path).chmod(0o777)
    status, _, error = log(tmp_path, "list", "--lang", "en")
    assert status == 2 and f"chmod 700 {folder(tmp_path)}" in error


def test_a_log_file_others_can_write_is_refused_naming_the_fix(tmp_path: Path) -> None:
    add(tmp_path)
    planted = folder(tmp_path) / "evidence.sqlite3"
    planted.chmod(0o666)
    status, out, error = log(tmp_path, "list", "--lang", "en")
    assert status == 2 and out == ""
    assert f"chmod 600 {planted}" in error


def test_a_log_owned_by_another_user_is_refused(
    data_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add([])  # the file exists, owned by us
    real = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: real + 1)
    with pytest.raises(StorageError, match="belongs to another user"):
        store.entries()


def test_under_umask_000_every_folder_the_program_makes_is_0700(tmp_path: Path) -> None:
    data, cache = tmp_path / "xdg-data", tmp_path / "xdg-cache"
    env = {"XDG_DATA_HOME": str(data), "XDG_CACHE_HOME": str(cache), **ENV}

    def open_umask() -> None:
        os.umask(0)

    for args in (
        ("log", "add", "--at", "2026-01-20 10:00", "--channel", "call"),
        ("flows", "check", str(places.shipped_dir() / "main.yaml")),
        (
            "run",
            "--answers",
            str(write(tmp_path, "a.yaml", NOBODY_CAME)),
            "--output",
            str(tmp_path / "new/sub/c.md"),
        ),
    ):
        done = run_cli(*args, env=env, preexec_fn=open_umask)
        assert done.returncode == 0, done.stderr
    made = [data, data / "overdue-guide", cache, cache / "overdue-guide", tmp_path / "new/sub"]
    assert {str(p): oct(stat.S_IMODE(p.stat().st_mode)) for p in made} == {
        str(p): "0o700" for p in made
    }


# --- 6. one number, however it was copied -------------------------------------------------


def test_invisible_marks_full_width_digits_and_dashes_make_no_other_number() -> None:
    forms = [
        "\u2068138 0013 8000\u2069",
        "１３８００１３８０００",
        "138-0013-8000",
        "138\u200b00138000",
    ]
    assert {number_key(f) for f in forms} == {"13800138000"}


def test_seven_calls_from_one_number_written_seven_ways_raise_call_frequency(
    tmp_path: Path,
) -> None:
    forms = ["13800138000", "\u2068138 0013 8000\u2069", "１３８００１３８０００", "138-0013-8000",
             "138\u200b00138000", "138\u00a00013\u00a08000", "138‐0013‐8000"]  # fmt: skip
    entries = [
        {"at": f"2026-01-20 10:0{n}", "zone": "Asia/Shanghai", "channel": "call", "number": f}
        for n, f in enumerate(forms)
    ]
    given = tmp_path / "calls.json"
    given.write_text(json.dumps(entries), encoding="utf-8")
    assert log(tmp_path, "add", "--from", str(given))[0] == 0
    out = log(tmp_path, "export", "--format", "json")[1]
    document = json.loads(out)
    assert document["summary"]["flags"].get("call_frequency") == 1
    assert document["summary"]["per_number"] == {"13800138000": 7}


def test_a_log_of_schema_2_gets_the_new_number_keys_and_its_flags_again(data_home: Path) -> None:
    from overdue_guide.evidence import migrations

    store.path().parent.mkdir(parents=True, mode=0o700)
    db = sqlite3.connect(store.path())
    for step in migrations.MIGRATIONS[:2]:
        step(db)
    for n in range(7):
        number = "\u206895188\u2069" if n % 2 else "95188"
        db.execute(
            "INSERT INTO entries (at_utc, zone, channel, body, added_utc, at_local, number,"
            " number_key, flags) VALUES (?, 'Asia/Shanghai', 'call', ?, '', ?, ?, ?, '')",
            (f"2026-01-20T02:0{n}:00+00:00", json.dumps({"number": number}),
             f"2026-01-20T10:0{n}:00+08:00", number, number.strip("\u2068\u2069") + "x" * (n % 2)),
        )  # fmt: skip
    db.execute("PRAGMA user_version = 2")
    db.commit()
    db.close()
    assert store.all_flags() is None  # the flags kept under old keys are not trusted
    db = sqlite3.connect(store.path())
    assert {k for (k,) in db.execute("SELECT number_key FROM entries")} == {"95188"}
    db.close()


# --- 12. a read-only -shm left behind ------------------------------------------------------


def as_a_user(folder: Path, work: Callable[[], object]) -> int:
    """Run `work` in a child process as a user whom file modes bind (root, whom they do not,
    becomes `nobody`, and `folder` theirs); the child's exit status: 0 if `work` returned.
    What the child raised is printed, so a failure says why."""
    nobody = 65534
    if os.getuid() == 0:
        os.chown(folder, nobody, nobody)
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child, which never returns
        os.close(reading)
        try:
            if os.getuid() == 0:
                os.setgid(nobody)
                os.setuid(nobody)
            work()
            os._exit(0)
        except BaseException:
            import traceback

            os.write(writing, traceback.format_exc().encode())
            os._exit(1)
    os.close(writing)
    with os.fdopen(reading, "rb") as said:
        print(said.read().decode())
    return os.waitstatus_to_exitcode(os.waitpid(child, 0)[1])


def test_a_log_made_read_only_for_a_while_takes_entries_again_once_writable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading a log made read-only leaves its -wal and -shm read-only (SQLite gives them
    the log's mode); once the log is writable again, so must its writes be."""
    import shutil
    import tempfile
    from datetime import datetime, timezone

    from overdue_guide.evidence.model import Entry

    one = Entry(at=datetime(2026, 1, 20, 2, tzinfo=timezone.utc), zone="+08:00", channel="call")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "warm"))
    store.add([one])  # every module the child needs is loaded before it drops its rights
    assert store.entries()[0].local.hour == 10
    mine = Path(tempfile.mkdtemp(prefix="overdue-guide-test-"))  # in /tmp: `nobody` gets in
    monkeypatch.setenv("XDG_DATA_HOME", str(mine))
    # The installed package may lie where `nobody` cannot read (CI's venv is in a 0700 temp
    # folder), and each change compares the log's flags with the rules file as it is now.
    rules_copy = mine / "rules.yaml"
    shutil.copy(flagcache.shipped_path(), rules_copy)
    monkeypatch.setattr(flagcache, "shipped_path", lambda: rules_copy)
    monkeypatch.setattr(rules, "shipped_path", lambda: rules_copy)

    def read_only_moment() -> None:
        store.add([one])
        store.path().chmod(0o400)
        assert len(store.entries()) == 1
        store.path().chmod(0o600)
        store.add([one])
        assert len(store.entries()) == 2

    try:
        assert as_a_user(mine, read_only_moment) == 0
    finally:
        shutil.rmtree(mine)


def test_a_read_only_log_says_which_files_and_the_fix(
    data_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from overdue_guide.evidence import db

    store.add([])

    def read_only(*_: object) -> None:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(db, "_migrate", read_only)
    with pytest.raises(StorageError, match=r"read-only: run chmod 600 .*evidence\.sqlite3"):
        store.entries()


# --- 19. TZ the program cannot keep ------------------------------------------------------


@pytest.mark.parametrize("tz", ["EST5EDT,M3.2.0,M11.1.0", "Mars/Olympus", "posixrules"])
def test_a_tz_this_program_cannot_keep_is_refused_where_a_local_time_needs_it(
    tmp_path: Path, tz: str
) -> None:
    status, _, error = log(
        tmp_path, "add", "--at", "2026-01-20 10:00", "--channel", "call", "--lang", "en", TZ=tz
    )
    assert status == 2 and f"TZ={tz}" in error and "--zone" in error
    assert not (folder(tmp_path) / "evidence.sqlite3").exists()
    with_zone = ("--at", "2026-01-20 10:00", "--zone", "Asia/Shanghai", "--channel", "call")
    assert log(tmp_path, "add", *with_zone, TZ=tz)[0] == 0
    with_offset = ("--at", "2026-01-21T10:00+08:00", "--channel", "call")
    assert log(tmp_path, "add", *with_offset, TZ=tz)[0] == 0


@pytest.mark.parametrize(
    ("tz", "shown"),
    [
        ("<+0830>-8:30", "(+08:30)"),
        ("CST-8", "(+08:00)"),
        (":/usr/share/zoneinfo/Asia/Tokyo", "(+09:00)"),
    ],
)
def test_a_posix_fixed_offset_or_a_zoneinfo_path_in_tz_is_honoured(
    tmp_path: Path, tz: str, shown: str
) -> None:
    status, out, error = log(
        tmp_path, "add", "--at", "2026-01-20 10:00", "--channel", "call", TZ=tz
    )
    assert status == 0, error
    assert f"2026-01-20 10:00 {shown}" in out


# --- 20, 21. bytes that are not UTF-8; an option without its value -----------------------


def test_an_argument_that_is_not_utf8_is_named_and_refused(tmp_path: Path) -> None:
    status, _, error = log(tmp_path, "add", "--at", "2026-01-20 10:00", "--channel", "call",
                           "--said", "a\udc9bb", "--lang", "en")  # fmt: skip
    assert status == 2
    assert "--said: not UTF-8 text: a\\x9bb" in error and "--output" not in error


def test_a_channel_without_a_value_names_the_valid_ones(tmp_path: Path) -> None:
    status, _, error = log(tmp_path, "add", "--lang", "en", "--channel")
    assert status == 2
    assert "one of: call, sms, message, visit, letter" in error
    assert "(see 'overdue-guide log add --help')" in error


# --- 15. log verify says why in the person's language ------------------------------------


def test_log_verify_says_what_became_of_a_file_in_chinese(tmp_path: Path) -> None:
    kept, gone = tmp_path / "a.m4a", tmp_path / "b.png"
    kept.write_bytes(b"recording")
    gone.write_bytes(b"screenshot")
    add(tmp_path, "--attach", str(kept), "--attach", str(gone))
    kept.unlink()
    kept.mkdir()  # a folder where the recording was
    gone.unlink()
    status, out, _ = log(tmp_path, "verify", "--lang", "zh-CN")
    assert status == 1
    assert "已经不是普通文件了" in out and "找不到了" in out
    assert "no longer" not in out and "not found" not in out


# --- found in the second adversarial pass -----------------------------------------------


def test_an_export_is_never_written_over_the_log_itself(tmp_path: Path) -> None:
    add(tmp_path)
    the_log = folder(tmp_path) / "evidence.sqlite3"
    export = ("export", "--format", "markdown", "--output", str(the_log), "--lang", "en")
    status, _, error = log(tmp_path, *export)
    assert status == 2 and "keeps saved progress and the evidence log" in error
    status, out, _ = log(tmp_path, "list")
    assert status == 0 and "2026-01-20 10:00" in out  # the entry is still there


def test_a_line_break_in_a_number_cannot_make_a_line_look_like_another_entry(
    tmp_path: Path,
) -> None:
    add(tmp_path, "--number", "95188\n    2  2026-01-20 11:00 (+08:00)  电话  110")
    status, out, _ = log(tmp_path, "list")
    assert status == 0
    assert out.count("\n") == 1 and "95188\\x0a    2  2026-01-20 11:00" in out


def test_a_line_break_in_a_field_cannot_make_log_show_show_another_field(tmp_path: Path) -> None:
    add(tmp_path, "--org", "X\n附件: /fake")
    status, out, _ = log(tmp_path, "show", "1")
    assert status == 0
    assert "自称的机构: X\\x0a附件: /fake" in out
    assert not [line for line in out.splitlines() if line.startswith("附件")]
