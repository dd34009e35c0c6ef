"""Options shared by the top-level command line and the commands built on their own.

`run`, `log` and `fees` are run without building the top-level app (see `entry.py`), so
what they share with it lives here rather than in `cli/main.py`.
"""

from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup


class Lang(str, Enum):
    zh_cn = "zh-CN"
    zh_tw = "zh-TW"
    en = "en"


class CheckFormat(str, Enum):
    text = "text"
    json = "json"


class Format(str, Enum):
    text = "text"
    markdown = "markdown"
    html = "html"
    json = "json"


LangOption = Annotated[
    Lang | None,
    typer.Option("--lang", help="zh-CN, zh-TW or en (default: from LC_ALL, LC_MESSAGES or LANG)."),
]
PlainOption = Annotated[bool, typer.Option("--plain", help="No colours (also: NO_COLOR=1).")]
FlowArgument = Annotated[
    str | None, typer.Argument(help="A shipped flow's name or a flow file (default: main).")
]
FormatOption = Annotated[Format, typer.Option("--format", help="What goes to standard output.")]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", help="Also write the checklist to FILE: .md, .html, .json or .txt."
    ),
]
SaveOption = Annotated[
    bool, typer.Option("--save", help="Keep progress after each answer, to continue with `resume`.")
]

#: What every command line of the program accepts for help.
CONTEXT = {"help_option_names": ["-h", "--help"]}

#: Options of the top level that a person may also type before a command's name.
BEFORE_COMMAND = ("--lang", "--plain", "--save")
#: Commands whose own commands come next (`log list`, `flows graph`).
GROUPS = ("log", "flows")


def hoisted(argv: Sequence[str]) -> list[str]:
    """The arguments with `--lang`, `--plain` and `--save` typed before a command moved
    to just after its name, where the command reads them (`overdue-guide --lang en
    sources` is `overdue-guide sources --lang en`). A command that does not take one
    then refuses it in the usual one line; nothing is dropped in silence."""
    words = list(argv)
    moved: list[str] = []
    while words and words[0].split("=", 1)[0] in BEFORE_COMMAND:
        word = words.pop(0)
        moved.append(word)
        if word == "--lang" and words:
            moved.append(words.pop(0))
    if not moved or not words or words[0].startswith("-"):
        return list(argv)  # no command named: the top level takes them (the interview)
    at = 2 if words[0] in GROUPS and len(words) > 1 and not words[1].startswith("-") else 1
    return [*words[:at], *moved, *words[at:]]


def _as_flags(params: list[Any]) -> list[Any]:
    """Options that take no value show none in help: typer would show `<bool>`, which
    reads as if `--plain true` were meant (and `true` would be taken for a flow name)."""
    for param in params:
        if getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = ""
    return params


class Command(TyperCommand):
    """Every command of the program: flags shown as flags in its help."""

    def get_params(self, ctx: Any) -> list[Any]:
        return _as_flags(super().get_params(ctx))


class Group(TyperGroup):
    """Every group of commands of the program: flags shown as flags in its help."""

    def get_params(self, ctx: Any) -> list[Any]:
        return _as_flags(super().get_params(ctx))


def asked_lang(argv: Sequence[str]) -> str:
    """The language a command line asks for (`--lang en`, `--lang=en`), else the one the
    environment names: what a mistake in that very line is said in."""
    codes = [lang.value for lang in Lang]
    for at, word in enumerate(argv):
        value = argv[at + 1] if word == "--lang" and at + 1 < len(argv) else None
        value = word.partition("=")[2] if word.startswith("--lang=") else value
        if value in codes:
            return value
    return lang_code(None)


def lang_code(lang: Lang | None) -> str:
    """The language asked for, else the one the environment names."""
    from ..base.i18n import detect_lang

    return lang.value if lang else detect_lang()
