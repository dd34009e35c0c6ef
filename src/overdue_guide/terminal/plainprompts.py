"""Questions as numbered lines, for a terminal that cannot move its cursor (TERM=dumb).

Emacs shells, some screen readers and serial consoles say TERM=dumb; there the
arrow-key lists would fill the screen with cursor codes. Each question is
printed once with numbered choices and answered by typing numbers; Enter keeps
the preselected answer, "<" (or "b") goes back, as "<" does in a text field, and "?"
shows the help. `prompts` calls
these when `wanted` says so, for every question the program asks (the
interview, the menu after it, the evidence log's and the fee check's forms).
End of input (Ctrl-D) raises `Interrupted`, as Ctrl-C does. Lines are broken to
the terminal's width at words (English) or characters (Chinese), an option's next
lines under its words: a terminal that wraps by itself would cut words in two.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from ..base.i18n import text
from ..base.visible import visible
from ..base.words import message
from ..errors import Interrupted
from ..flow.model import Question
from ..interview.loop import Given, Nav, Prompt, answer_text
from .lines import indented, lead
from .signals import interrupted

#: What a form's text field takes for "back", and how a literal "<" is typed there.
BACK_KEY, LITERAL_BACK_KEY = "<", "\\<"
#: What goes back in numbered lines: "<" as in every text field, and "b" as it always did.
_BACK = frozenset({BACK_KEY, "b"})

Read = Callable[[str], str]
Write = Callable[[str], None]


def field_value(reply: str) -> str | Literal[Nav.BACK]:
    """A form field's reply: `<` alone is "back", `\\<` alone a literal `<`."""
    if reply == BACK_KEY:
        return Nav.BACK
    return BACK_KEY if reply == LITERAL_BACK_KEY else reply


def field_default(value: str) -> str:
    """A field's value shown for editing: a literal `<` as `\\<`, so Enter keeps it."""
    return LITERAL_BACK_KEY if value == BACK_KEY else value


def field_check(check: Callable[[str], str | None]) -> Callable[[str], str | None]:
    """`check` for a form field: "back" is never refused; `\\<` is checked as `<`."""

    def checked(reply: str) -> str | None:
        value = field_value(reply.strip())
        return None if value is Nav.BACK else check(value)

    return checked


def _fit(line: str, hang: Callable[[str], int] | int = 0) -> str:
    """`line` (untrusted text made visible) broken to the terminal's width."""
    room = shutil.get_terminal_size((80, 24)).columns
    return indented(visible(line), room, hang)


def say(line: str) -> None:
    """A line between questions (a form's title), broken to the terminal's width."""
    print(_fit(line))


def _line(read: Read, prompt: str, lang: str | None) -> str:
    """One line typed; the end of input (Ctrl-D) stops the program, as Ctrl-C does, and
    either way the line saying so starts on a line of its own (not after "> ^C")."""
    try:
        return read(prompt)
    except (EOFError, KeyboardInterrupt, Interrupted):
        with contextlib.suppress(OSError, ValueError):  # no terminal left (SIGHUP)
            sys.stdout.write("\n")
            sys.stdout.flush()
        raise interrupted(lang) from None


def make_ask(
    lang: str, show_help: Callable[[str], None], read: Read = input, write: Write = print
) -> Callable[[Prompt], object]:
    """An `ask` for `interview.run` that reads numbers typed on a line."""

    def ask(prompt: Prompt) -> object:
        question = prompt.question
        while True:
            _show(prompt, lang, write)
            reply = _line(read, "> ", lang).strip().lower()
            if reply == "?" and question.help is not None:
                show_help(text(question.help, lang))
                continue
            if reply in _BACK and prompt.can_go_back:
                return Nav.BACK
            answer = _answer(question, prompt.default, reply)
            if answer is not None:
                return answer
            write(_fit(message("plain_again", lang, n=len(question.options))))

    return ask


def _show(prompt: Prompt, lang: str, write: Write) -> None:
    question = prompt.question
    chosen = prompt.default if isinstance(prompt.default, tuple) else (prompt.default,)
    if question.kind != "multi" and prompt.default is None:
        chosen = question.codes[:1]  # what Enter alone picks, as in the arrow-key list
    title = text(question.prompt, lang)
    write(_fit(f"{message('step', lang, n=prompt.step)} · {title}"))  # flow text: escapes shown
    for number, option in enumerate(question.options, start=1):
        mark = "*" if option.code in chosen else " "
        write(_fit(f" {mark}{number}. {text(option.label, lang)}", lead))
    hints = [message("plain_multi" if question.kind == "multi" else "plain_single", lang)]
    if question.help is not None:
        hints.append(message("plain_help", lang))
    if prompt.can_go_back:
        hints.append(message("plain_back", lang))
    write(_fit("  ".join(hints)))


def _answer(question: Question, default: object, reply: str) -> str | list[str] | None:
    """The codes `reply` names; None when it names something that is not a choice."""
    codes = question.codes
    if not reply:
        if question.kind == "multi":
            return list(default) if isinstance(default, tuple) else []
        return default if isinstance(default, str) else codes[0]
    numbers = re.split(r"[\s,，、]+", reply)
    if not all(n.isdigit() and 1 <= int(n) <= len(codes) for n in numbers):
        return None
    picked = [codes[int(n) - 1] for n in numbers]
    if question.kind == "multi":
        return [c for c in codes if c in picked]
    return picked[0] if len(picked) == 1 else None


def make_review(
    lang: str, read: Read = input, write: Write = print
) -> Callable[[tuple[Given, ...]], object]:
    """A `review` for `interview.run`: the answers numbered; Enter accepts, a number changes one."""

    def review(shown: tuple[Given, ...]) -> object:
        while True:
            write(_fit(message("review_title", lang)))
            for g in shown:
                answer = answer_text(g.question, g.answer, lang)
                write(_fit(f"  {g.step}. {text(g.question.prompt, lang)} → {answer}", lead))
            write(_fit(message("plain_review", lang)))
            reply = _line(read, "> ", lang).strip().lower()
            if not reply:
                return Nav.DONE
            if reply in _BACK:
                return Nav.BACK
            if reply.isdigit() and 1 <= int(reply) <= len(shown):
                return shown[int(reply) - 1].question.id
            write(_fit(message("plain_again", lang, n=len(shown))))

    return review


def ask_choice(
    title: str,
    choices: list[tuple[str, str]],
    default: str | None,
    lang: str,
    can_go_back: bool = False,
    read: Read = input,
    write: Write = print,
) -> str | Nav:
    """One of (label, key) by number, Enter alone keeping `default` (else the first); or
    `Nav.BACK` for "<" or "b"."""
    keys = [key for _, key in choices]
    first = keys.index(default) if default in keys else 0
    while True:
        _numbered(title, [label for label, _ in choices], {first}, write)
        write(_fit(_hints("plain_single", can_go_back, lang)))
        reply = _line(read, "> ", lang).strip().lower()
        if reply in _BACK and can_go_back:
            return Nav.BACK
        if not reply:
            return keys[first]
        if reply.isdigit() and 1 <= int(reply) <= len(choices):
            return keys[int(reply) - 1]
        write(_fit(message("plain_again", lang, n=len(choices))))


def ask_many(
    title: str,
    choices: list[tuple[str, str]],
    chosen: list[str],
    lang: str,
    can_go_back: bool = False,
    read: Read = input,
    write: Write = print,
) -> list[str] | Nav:
    """Several of (label, key) by numbers; Enter alone keeps `chosen`; `Nav.BACK` for "<" or "b"."""
    keys = [key for _, key in choices]
    while True:
        ticked = {n for n, key in enumerate(keys) if key in chosen}
        _numbered(title, [label for label, _ in choices], ticked, write)
        write(_fit(_hints("plain_multi", can_go_back, lang)))
        reply = _line(read, "> ", lang).strip().lower()
        if reply in _BACK and can_go_back:
            return Nav.BACK
        if not reply:
            return [key for key in keys if key in chosen]
        numbers = re.split(r"[\s,，、]+", reply)
        if all(n.isdigit() and 1 <= int(n) <= len(keys) for n in numbers):
            picked = {keys[int(n) - 1] for n in numbers}
            return [key for key in keys if key in picked]
        write(_fit(message("plain_again", lang, n=len(keys))))


def ask_text(
    label: str,
    default: str,
    check: Callable[[str], str | None],
    instruction: str | None = None,
    lang: str | None = None,
    read: Read = input,
    write: Write = print,
) -> str:
    """A line of text, stripped; Enter alone keeps `default`; asked again while `check`
    returns a message."""
    shown = f" [{default}]" if default else ""
    while True:
        write(_fit(f"{label} {instruction or ''}".rstrip()))
        reply = _line(read, f"{shown.strip()}> ".lstrip(), lang).strip() or default.strip()
        problem = check(reply)
        if problem is None:
            return reply
        write(_fit(problem))


def confirm(question: str, lang: str, read: Read = input, write: Write = print) -> bool:
    """Yes ("y") or no; Enter alone is no."""
    reply = _asked(read, write, f"{question} (y/N) ", lang).strip().lower()
    return reply in ("y", "yes", "是")


def _numbered(title: str, labels: list[str], starred: set[int], write: Write) -> None:
    write(_fit(title))
    for n, label in enumerate(labels):
        write(_fit(f" {'*' if n in starred else ' '}{n + 1}. {label}", lead))


def _hints(key: str, can_go_back: bool, lang: str) -> str:
    return "  ".join([message(key, lang), *([message("plain_back", lang)] if can_go_back else [])])


def offer_save(lang: str, today: str, read: Read = input, write: Write = print) -> Path | None:
    """Ask whether to save the checklist, in which format and where; None for no.
    `<` at "where" asks the format again."""
    choices = [("", "save_no"), (".html", "save_html"), (".md", "save_markdown")]
    choices.append((".txt", "save_text"))
    while True:
        write(_fit(message("save_offer", lang)))
        for number, (suffix, key) in enumerate(choices, start=1):
            write(_fit(f"  {number}. {message(key, lang)} {suffix}".rstrip(), lead))
        reply = _line(read, "> ", lang).strip() or "1"
        if not (reply.isdigit() and 1 <= int(reply) <= len(choices)):
            write(_fit(message("plain_again", lang, n=len(choices))))
            continue
        suffix = choices[int(reply) - 1][0]
        if not suffix:
            return None
        default = f"{message('file_name', lang)}-{today}{suffix}"
        asked = f"{message('save_where', lang)} {message('field_back_hint', lang)} [{default}] "
        name = field_value(_asked(read, write, asked, lang).strip() or default)
        if name is not Nav.BACK:
            return Path(name).expanduser()


def _asked(read: Read, write: Write, question: str, lang: str) -> str:
    """A line typed after `question`, which is broken to the width: all but its last line
    printed, the last one the prompt the reply is typed after."""
    shown = _fit(question)
    head, _, last = shown.rpartition("\n")
    if head:
        write(head)
    return _line(read, last, lang)
