"""A signal as a scripted command ends: exit 130 means nothing was stored, and the process
always ends with one of its own exit codes, never killed the system's way.

A script that retries `log add --from` on 130 must never store the same entries twice;
a signal right after "已保存" must not end the process with the signal's status. Each
moment is a race, so each is tried at many delays, a few children at a time.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pexpect

from .helpers import NOBODY_CAME, write
from .test_pty import spawn
from .test_pty_signals import SIGNALS, handlers_installed

#: Entries in the import: enough that storing and reporting them takes about a second.
ENTRIES = 3000


@dataclass(frozen=True)
class Ended:
    signal: str
    delay_ms: float
    status: int | None
    killed_by: int | None
    stored: int
    output: str


def import_file(folder: Path) -> Path:
    entries = [
        {
            "at": f"2025-{1 + n % 12:02d}-{1 + n % 28:02d} {n % 24:02d}:{n % 60:02d}",
            "zone": "Asia/Shanghai",
            "channel": "call",
            "number": f"95{n % 50}",
        }
        for n in range(ENTRIES)
    ]
    path = folder / "many.json"
    path.write_text(json.dumps(entries), encoding="utf-8")
    return path


def stored(folder: Path) -> int:
    log = folder / "data" / "overdue-guide" / "evidence.sqlite3"
    if not log.exists():
        return 0
    db = sqlite3.connect(log)
    try:
        return int(db.execute("SELECT count(*) FROM entries").fetchone()[0])
    except sqlite3.OperationalError:  # created, but the schema rolled back with the rest
        return 0
    finally:
        db.close()


def finished(pid: int) -> bool:
    """Whether the process has exited and waits only to be reaped (a zombie, from /proc)."""
    status = Path(f"/proc/{pid}/status").read_text()
    return any(line.startswith("State:") and "Z" in line.split()[1] for line in status.splitlines())


def signal_during(
    folder: Path, args: tuple[str, ...], wait_for: str | None, signum: int, delay_ms: float
) -> Ended:
    """Run the command in a pty; once its handlers are in (and `wait_for` is on screen),
    wait `delay_ms`, send `signum`; how did it end, and how many entries are stored?"""
    folder.mkdir()
    child = spawn(folder, *args)
    try:
        deadline = time.monotonic() + 20
        # On a busy machine a short run may finish between two looks: it has ended, its
        # handlers gone with it, and the signal below then finds it done (status 0).
        while not handlers_installed(child.pid) and not finished(child.pid):
            assert time.monotonic() < deadline, "the handlers were never installed"
            time.sleep(0.001)
        if wait_for is not None:
            child.expect(wait_for)
        time.sleep(delay_ms / 1000)
        seen = child.before or ""
        child.kill(signum)
        child.expect(pexpect.EOF, timeout=60)
        output = seen + (child.before or "")
    finally:
        child.close(force=True)
    name = signal.Signals(signum).name
    return Ended(name, delay_ms, child.exitstatus, child.signalstatus, stored(folder), output)


def each_signal(
    tmp_path: Path, args: tuple[str, ...], wait_for: str | None, delays_ms: list[float]
) -> list[Ended]:
    cases = [(SIGNALS[i % len(SIGNALS)], d) for i, d in enumerate(delays_ms)]
    with ThreadPoolExecutor(max_workers=3) as pool:
        return list(
            pool.map(
                lambda n_case: signal_during(tmp_path / str(n_case[0]), args, wait_for, *n_case[1]),
                enumerate(cases),
            )
        )


def test_a_signal_during_an_import_stores_all_and_exits_0_or_stores_nothing_and_exits_130(
    tmp_path: Path,
) -> None:
    many = import_file(tmp_path)
    delays = [60.0 * n for n in range(24)]  # from parsing the file to the last line of the report
    ended = each_signal(tmp_path, ("log", "add", "--from", str(many)), None, delays)
    wrong = [
        (e.signal, e.delay_ms, e.status, e.killed_by, e.stored)
        for e in ended
        if (e.status, e.stored) not in ((0, ENTRIES), (130, 0))
    ]
    assert not wrong, wrong
    stopped = [e for e in ended if e.status == 130]
    assert all(e.output.count("overdue-guide: 已退出。") == 1 for e in stopped)
    assert all("已退出" not in e.output for e in ended if e.status == 0)


def test_a_signal_right_after_saved_ends_with_an_exit_code_of_its_own(tmp_path: Path) -> None:
    answers = write(tmp_path, "answers.yaml", NOBODY_CAME)
    args = ("run", "--answers", str(answers), "--output", "checklist.html")
    delays = [0.0, 0.0, 0.5, 1.0, 2.0, 3.0, 5.0, 8.0] * 3
    ended = each_signal(tmp_path, args, "已保存", delays)
    wrong = [
        (e.signal, e.delay_ms, e.status, e.killed_by)
        for e in ended
        if e.killed_by is not None or e.status not in (0, 130)
    ]
    assert not wrong, wrong
    assert all(("已退出" in e.output) == (e.status == 130) for e in ended)


STOPPED_IN_A_CODEC = """
import codecs
from overdue_guide import entry
from overdue_guide.errors import Interrupted

def stopping(name):
    def decode(data, errors="strict"):
        raise Interrupted  # as the signal handler raises it, here inside a codec
    return codecs.CodecInfo(None, decode, name=name) if name == "stopping" else None

codecs.register(stopping)
entry._command = lambda: b"x".decode("stopping")
entry.main()
"""


def test_a_signal_that_lands_inside_a_codec_still_ends_with_the_one_line() -> None:
    """Python renames an exception raised inside a codec ("decoding with 'stopping' codec
    failed (Interrupted: )"): the person must still read 已退出, nothing else."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "LANG": "C.UTF-8"}
    env.pop("LC_ALL", None)
    done = subprocess.run(
        [sys.executable, "-c", STOPPED_IN_A_CODEC], capture_output=True, text=True, env=env,
        timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 130
    assert done.stderr == "overdue-guide: 已退出。\n"
