"""A usage mistake (an unknown command or option, a bad or missing value) as one line.

typer prints such mistakes as a boxed block over several lines; the CLI's
promise is one line starting `overdue-guide:` that names what would be valid, in the
language of the run (`--lang`, else the locale). The English is click's own sentence,
as scripts read it; the Chinese is said from what the mistake is, not translated from it.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Any

import typer

from ..base.i18n import Table

# typer exports only BadParameter; its base, click's UsageError, is every usage mistake
# (typer vendors click from 0.22 on, so it is found by name rather than imported).
UsageError: type[Exception] = next(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError"
)


WORDS = Table(
    {
        "no_option": {"zh-CN": "没有 {option} 这个选项"},
        "no_command": {"zh-CN": "没有“{name}”这个命令"},
        "name_command": {"zh-CN": "请写出要用哪个命令", "en": "name a command"},
        "missing": {"zh-CN": "缺少 {param}，这一项一定要写"},
        "needs_value": {"zh-CN": "{option} 后面要写上一个值"},
        "takes_no_value": {"zh-CN": "{option} 后面不用写值"},
        "extra": {"zh-CN": "多出了“{words}”，不知道它是什么意思"},
        "not_a_choice": {"zh-CN": "{param} 不能写“{value}”"},
        "whole_number": {"zh-CN": "{param} 要写一个整数，比如 3{now}"},
        "bad_value": {"zh-CN": "{param} 的值写得不对{now}"},
        "now": {"zh-CN": "（现在写的是“{value}”）"},
        "options": {"zh-CN": "。可以用的选项有：{names}", "en": "; options: {names}"},
        "commands": {"zh-CN": "。可以用的命令有：{names}", "en": "; commands: {names}"},
        "choices": {"zh-CN": "。可以写：{names}", "en": "; one of: {names}"},
        "help": {"zh-CN": "（说明见 {path} --help）", "en": " (see '{path} --help')"},
        "where": {"zh-CN": "{command}：", "en": "{command}: "},
    }
)


def line(error: Any, root: Any, prog: str, argv: list[str], lang: str = "en") -> str:
    """`error` (a click UsageError) in one line, with the valid choices and where to read more.

    `root` is the click command that parsed `argv` and `prog` how it is typed: they find
    the command when click leaves the error without one (a missing value)."""
    command, path = _command(error, root, prog, argv)
    said = _english(error) if lang == "en" else _chinese(error, argv, lang)
    where = WORDS.say("where", lang, command=path.partition(" ")[2]) if " " in path else ""
    valid = _valid(error, command)
    if lang == "en" and valid is not None and "is not one of" in error.format_message():
        valid = None  # click's sentence lists them already
    listed = ""
    if valid is not None:
        separator = ", " if lang == "en" else "、"
        listed = WORDS.say(valid[0], lang, names=separator.join(valid[1]))
    return f"{where}{said}{listed}{WORDS.say('help', lang, path=path)}"


def _english(error: Any) -> str:
    """click's own sentence, on one line, starting small."""
    if type(error).__name__ == "NoArgsIsHelpError":  # the help is on stdout already
        return WORDS.say("name_command", "en")
    said = " ".join(error.format_message().replace("Value error, ", "").split()).rstrip(".")
    return said[:1].lower() + said[1:]


def _chinese(error: Any, argv: list[str], lang: str) -> str:
    """The mistake said in Chinese from what it is: its kind, the option, what was typed."""
    kind = type(error).__name__
    message = error.format_message()
    quoted = re.findall(r"'([^']*)'", message)
    param = _named(error) or _argument(error)
    if kind == "NoArgsIsHelpError":
        return WORDS.say("name_command", lang)
    if kind == "NoSuchOption":
        return WORDS.say("no_option", lang, option=error.option_name)
    if "No such command" in message and quoted:
        return WORDS.say("no_command", lang, name=quoted[0])
    if kind == "MissingParameter":
        return WORDS.say("missing", lang, param=param or "")
    if kind == "BadOptionUsage":
        key = "takes_no_value" if "does not take a value" in message else "needs_value"
        return WORDS.say(key, lang, option=error.option_name)
    extra = re.search(r"unexpected extra argument(?:s|\(s\))? \((.*)\)", message)
    if extra:
        return WORDS.say("extra", lang, words=extra.group(1))
    if isinstance(error, typer.BadParameter) and param:
        typed = _typed(argv, param)
        choice = re.search(r"'([^']*)' is not one of", message)
        if choice:
            return WORDS.say("not_a_choice", lang, param=param, value=choice.group(1))
        now = WORDS.say("now", lang, value=typed) if typed is not None else ""
        key = "whole_number" if "valid integer" in message else "bad_value"
        return WORDS.say(key, lang, param=param, now=now)
    return _english(error)  # a kind of mistake this program never meets in its own options


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


def _valid(error: Any, command: Any) -> tuple[str, list[str]] | None:
    """The choices the mistake missed, and what they are: options, commands or values. The
    English names none where click's own sentence already lists the values."""
    option = getattr(error, "option_name", None) or _named(error)
    kind = type(error).__name__
    if kind == "NoSuchOption":
        names = sorted(o for p in command.params for o in p.opts if o.startswith("--"))
        return ("options", names) if names else None
    if "No such command" in error.format_message() or kind == "NoArgsIsHelpError":
        return ("commands", list(command.list_commands(error.ctx)))  # lazy ones too
    if option:
        for param in command.params:
            choices = _choices(param)
            if option in param.opts and choices:
                return ("choices", choices)
    return None


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
    """The option the mistake is about, by its first name (`--format`)."""
    param = getattr(error, "param", None)
    opts = getattr(param, "opts", None)
    return opts[0] if opts and str(opts[0]).startswith("-") else None


def _argument(error: Any) -> str | None:
    """The argument the mistake is about, as its help names it (`ENTRY`)."""
    param = getattr(error, "param", None)
    name = getattr(param, "metavar", None) or getattr(param, "name", None)
    return str(name) if name else None


def _typed(argv: list[str], option: str) -> str | None:
    """What was typed for `option` (`--format xml` or `--format=xml`), if it can be found."""
    for at, word in enumerate(argv):
        if word.startswith(option + "="):
            return word.partition("=")[2]
        if word == option and at + 1 < len(argv):
            return argv[at + 1]
    return None
