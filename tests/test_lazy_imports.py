"""What each command loads before it does its work: the start-up cost the benchmarks
measure (benchmarks/README.md, "What makes it fast"), kept from creeping back."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
import sys
sys.argv = ["overdue-guide", *sys.argv[1:]]
def report():
    with open({out!r}, "w") as f:
        f.write("\\n".join(sys.modules))
import atexit
atexit.register(report)
from overdue_guide.entry import main
main()
"""


def loaded(tmp_path: Path, *argv: str) -> set[str]:
    """The modules a run of `overdue-guide ARGV` had loaded when it exited."""
    out = tmp_path / "modules.txt"
    subprocess.run(
        [sys.executable, "-c", PROBE.format(out=str(out)), *argv],
        env=dict(os.environ),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=120,
    )
    return set(out.read_text("utf-8").split())


ENTRY = ("--at", "2026-11-20 23:10", "--zone", "Asia/Shanghai", "--channel", "call")


@pytest.fixture
def one_entry(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "overdue_guide", "log", "add", *ENTRY],
        env=dict(os.environ),
        stdout=subprocess.DEVNULL,
        check=True,
        timeout=120,
    )


def test_log_list_loads_neither_the_other_commands_nor_the_entry_model(
    tmp_path: Path, one_entry: None
) -> None:
    modules = loaded(tmp_path, "log", "list")
    assert "overdue_guide.evidence.store" in modules  # the probe saw the work done
    for heavy in ("overdue_guide.cli.main", "overdue_guide.evidence.model", "yaml", "rich"):
        assert heavy not in modules, heavy


def test_log_add_by_options_loads_no_yaml_parser_no_terminal_widgets_and_no_file_hashing(
    tmp_path: Path, one_entry: None
) -> None:
    modules = loaded(tmp_path, "log", "add", "--at", "2026-11-21 10:00", "--channel", "sms")
    assert "overdue_guide.evidence.flagcache" in modules
    for heavy in (
        "overdue_guide.cli.main",
        "yaml",
        "rich",
        "questionary",
        "overdue_guide.evidence.attach",
    ):
        assert heavy not in modules, heavy


def test_scripted_fees_load_neither_the_other_commands_nor_the_log_nor_widgets(
    tmp_path: Path,
) -> None:
    modules = loaded(
        tmp_path, "fees", "--principal", "1200", "--periods", "12", "--fee-rate", "8.8"
    )
    assert "overdue_guide.cli.fees" in modules
    for heavy in ("overdue_guide.cli.main", "overdue_guide.evidence.store", "questionary"):
        assert heavy not in modules, heavy


LETTERS = """
visitor_arrived: "no"
misconduct: [threats]
others_contacted: []
amount_checked: matches
can_pay_full: "yes"
"""

#: What a scripted JSON run has no use for: drawing, asking, the other formats, and
#: (without a log, or with one whose kept flags are fresh) the log's model, rules and export.
NOT_FOR_JSON = (
    "rich",
    "questionary",
    "overdue_guide.output.render",
    "overdue_guide.drafts.export",
    "html",
    "unicodedata",
    "overdue_guide.evidence.model",
    "overdue_guide.evidence.rules",
    "overdue_guide.evidence.export",
    "overdue_guide.evidence.commands",
)


def test_a_scripted_json_run_without_a_log_loads_neither_widgets_nor_sqlite_nor_the_log(
    tmp_path: Path,
) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text(LETTERS, encoding="utf-8")
    modules = loaded(tmp_path, "run", "--answers", str(answers), "--format", "json")
    assert "overdue_guide.drafts.render" in modules  # the probe saw the letters filled
    for heavy in (
        *NOT_FOR_JSON,
        "sqlite3",
        "overdue_guide.evidence.store",
        "overdue_guide.cli.main",
    ):
        assert heavy not in modules, heavy


def test_a_scripted_json_run_reads_the_log_for_its_letters_without_the_entry_model(
    tmp_path: Path, one_entry: None
) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text(LETTERS, encoding="utf-8")
    modules = loaded(tmp_path, "run", "--answers", str(answers), "--format", "json")
    assert "overdue_guide.evidence.letters" in modules
    for heavy in NOT_FOR_JSON:
        assert heavy not in modules, heavy
