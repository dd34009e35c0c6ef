"""A usage mistake (an unknown command or option, a bad or missing value) as one line.

typer prints such mistakes as a boxed block over several lines; the CLI's
promise is one line starting `overdue-guide:` that names what would be valid.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

import typer

# typer exports only BadParameter; its base, click's UsageError, is every usage mistake
# (typer vendors click from 0.22 on, so it is found by name rather than imported).
UsageError: type[Exception] = next(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError"
)


def line(error: Any, root: Any, prog: str, argv: list[str]) -> str:
    """`error` (a click UsageError) in one line, with the valid choices and where to read more.

    `root` is the click command that parsed `argv` and `prog` how it is typed: they find
    the command when click leaves the error without one (a missing value)."""
    command, path = _command(error, root, prog, argv)
    kind = type(error).__name__
    said = " ".join(error.format_message().replace("Value error, ", "").split()).rstrip(".")
    if kind == "NoArgsIsHelpError":  # the help is on stdout already
        said = "name a command"
    said = said[:1].lower() + said[1:]
    where = f"{path.partition(' ')[2]}: " if " " in path else ""
    return f"{where}{said}{_valid(error, command)} (see '{path} --help')"


def _command(error: Any, root: Any, prog: str, argv: list[str]) -> tuple[Any, str]:
    """The click command the mistake is about, and how it is typed (lazy groups included:
    each is asked for its command by name)."""
    if error.ctx is not None:
        return error.ctx.command, error.ctx.command_path
    command, path = root, [prog]
    for word in argv:
        find = getattr(command, "get_command", None)
        found = find(None, word) if find is not None and not word.startswith("-") else None
        if found is None:
            break
        command = found
        path.append(word)
    return command, " ".join(path)


def _valid(error: Any, command: Any) -> str:
    """The choices the mistake missed: options, commands or values."""
    option = getattr(error, "option_name", None) or _named(error)
    kind = type(error).__name__
    if kind == "NoSuchOption":
        names = sorted(o for p in command.params for o in p.opts if o.startswith("--"))
        return f"; options: {', '.join(names)}" if names else ""
    if "No such command" in error.format_message() or kind == "NoArgsIsHelpError":
        return f"; commands: {', '.join(command.list_commands(error.ctx))}"  # lazy ones too
    if option and "is not one of" not in error.format_message():
        for param in command.params:
            choices = _choices(param)
            if option in param.opts and choices:
                return f"; one of: {', '.join(choices)}"
    return ""


def _choices(param: Any) -> list[str]:
    """An option's valid values: click's Choice, the Enum typer keeps beside it, or, for
    text the library checks itself (the log's codes), the values its metavar lists
    (`call|sms|message|visit|letter`)."""
    found = getattr(getattr(param, "type", None), "choices", None)
    if found is None:
        kind = getattr(getattr(param, "type_descriptor", None), "annotation", None)
        found = list(kind) if isinstance(kind, type) and issubclass(kind, Enum) else []
    if not found and "|" in (getattr(param, "metavar", None) or ""):
        found = param.metavar.split("|")
    return [str(getattr(c, "value", c)) for c in found]


def _named(error: Any) -> str | None:
    param = getattr(error, "param", None)
    opts = getattr(param, "opts", None)
    return opts[0] if opts else None
