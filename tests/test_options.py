"""Options are honoured or refused, never dropped; help shows flags as flags and explains
every option."""

from __future__ import annotations

from typing import Any

import pytest
import typer

from overdue_guide.cli.log import log_group
from overdue_guide.cli.main import app
from overdue_guide.cli.options import hoisted

from .helpers import ENGLISH, run_cli


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        (["--lang", "en", "sources"], ["sources", "--lang", "en"]),
        (["--lang=en", "--plain", "run", "x.yaml"], ["run", "--lang=en", "--plain", "x.yaml"]),
        (["--save", "run"], ["run", "--save"]),
        (["--lang", "en", "log", "list"], ["log", "list", "--lang", "en"]),
        (["--lang", "en", "flows", "graph", "--format", "dot"],
         ["flows", "graph", "--lang", "en", "--format", "dot"]),
        (["--lang", "en", "log"], ["log", "--lang", "en"]),
        (["--lang", "en"], ["--lang", "en"]),
        (["--plain", "--save"], ["--plain", "--save"]),
        (["run", "--lang", "en"], ["run", "--lang", "en"]),
        (["--help", "run"], ["--help", "run"]),
    ],
)  # fmt: skip
def test_options_typed_before_the_command_move_to_just_after_its_name(
    typed: list[str], read: list[str]
) -> None:
    assert hoisted(typed) == read


def test_lang_before_the_command_is_honoured() -> None:
    before = run_cli("--lang", "en", "flows", "graph")
    assert before.returncode == 0
    assert before.stdout == run_cli("flows", "graph", "--lang", "en").stdout
    assert before.stdout != run_cli("flows", "graph", "--lang", "zh-CN").stdout


def test_plain_and_lang_before_fees_are_honoured() -> None:
    figures = ("--principal", "1200", "--periods", "12", "--fee-rate", "8.8")
    result = run_cli("--lang", "en", "--plain", "fees", *figures)
    assert result.returncode == 0
    assert result.stdout.startswith("What this loan really costs a year")


def test_save_before_a_command_that_cannot_save_is_refused_in_one_line() -> None:
    result = run_cli("--save", "sources", env=ENGLISH)
    assert result.returncode == 2
    assert result.stderr == (
        "overdue-guide: sources: no such option: --save; options: --lang"
        " (see 'overdue-guide sources --help')\n"
    )


def test_save_before_a_command_that_cannot_save_is_refused_in_the_locales_chinese() -> None:
    result = run_cli("--save", "sources", env={"LANG": "zh_CN.UTF-8"})
    assert result.returncode == 2
    assert result.stderr == (
        "overdue-guide: sources：没有 --save 这个选项。可以用的选项有：--lang"
        "（说明见 overdue-guide sources --help）\n"
    )


def test_help_shows_flags_without_a_value() -> None:
    shown = run_cli("run", "--help", env={"COLUMNS": "100"}).stdout
    plain = next(line for line in shown.splitlines() if "--plain" in line)
    assert "<bool>" not in shown
    assert plain.split("--plain")[1].split()[0] == "No"


def _commands() -> list[tuple[str, Any]]:
    """Every command of the program, with how it is typed."""
    found: list[tuple[str, Any]] = []

    def walk(path: str, command: Any) -> None:
        subcommands = getattr(command, "commands", None)
        if subcommands is None:
            found.append((path, command))
            return
        for name in command.list_commands(None):
            walk(f"{path} {name}", command.get_command(None, name))

    walk("overdue-guide", typer.main.get_command(app))
    walk("overdue-guide log", log_group())
    return found


def test_every_option_of_every_command_says_what_it_is_for() -> None:
    silent = [
        f"{path} {param.opts[0]}"
        for path, command in _commands()
        for param in command.params
        if param.param_type_name == "option" and not (param.help or "").strip()
    ]
    assert len(_commands()) >= 18
    assert silent == []
