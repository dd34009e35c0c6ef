"""Questions as numbered lines, for a terminal that cannot move its cursor (TERM=dumb).

Emacs shells, some screen readers and serial consoles say TERM=dumb; there the
arrow-key lists would fill the screen with cursor codes. Each question is
printed once with numbered choices and answered by typing numbers; Enter keeps
the preselected answer, "b" goes back and "?" shows the help.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from pathlib import Path

from .i18n import message, text
from .interview import Given, Nav, Prompt
from .model import Question
from .visible import visible

Read = Callable[[str], str]
Write = Callable[[str], None]


def wanted(environ: Mapping[str, str] | None = None) -> bool:
    """Whether the terminal asks for plain lines: TERM=dumb (or no TERM at all)."""
    env = os.environ if environ is None else environ
    return env.get("TERM", "dumb") in ("", "dumb")


def make_ask(
    lang: str, show_help: Callable[[str], None], read: Read = input, write: Write = print
) -> Callable[[Prompt], object]:
    """An `ask` for `interview.run` that reads numbers typed on a line."""

    def ask(prompt: Prompt) -> object:
        question = prompt.question
        while True:
            _show(prompt, lang, write)
            reply = read("> ").strip().lower()
            if reply == "?" and question.help is not None:
                show_help(text(question.help, lang))
                continue
            if reply == "b" and prompt.can_go_back:
                return Nav.BACK
            answer = _answer(question, prompt.default, reply)
            if answer is not None:
                return answer
            write(message("plain_again", lang, n=len(question.options)))

    return ask


def _show(prompt: Prompt, lang: str, write: Write) -> None:
    question = prompt.question
    chosen = prompt.default if isinstance(prompt.default, tuple) else (prompt.default,)
    if question.kind != "multi" and prompt.default is None:
        chosen = question.codes[:1]  # what Enter alone picks, as in the arrow-key list
    title = text(question.prompt, lang)
    write(visible(f"{message('step', lang, n=prompt.step)} · {title}"))  # flow text: escapes shown
    for number, option in enumerate(question.options, start=1):
        mark = "*" if option.code in chosen else " "
        write(visible(f" {mark}{number}. {text(option.label, lang)}"))
    hints = [message("plain_multi" if question.kind == "multi" else "plain_single", lang)]
    if question.help is not None:
        hints.append(message("plain_help", lang))
    if prompt.can_go_back:
        hints.append(message("plain_back", lang))
    write("  ".join(hints))


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
    from .prompts import answer_text

    def review(shown: tuple[Given, ...]) -> object:
        while True:
            write(message("review_title", lang))
            for g in shown:
                answer = answer_text(g.question, g.answer, lang)
                write(visible(f"  {g.step}. {text(g.question.prompt, lang)} → {answer}"))
            write(message("plain_review", lang))
            reply = read("> ").strip().lower()
            if not reply:
                return Nav.DONE
            if reply == "b":
                return Nav.BACK
            if reply.isdigit() and 1 <= int(reply) <= len(shown):
                return shown[int(reply) - 1].question.id
            write(message("plain_again", lang, n=len(shown)))

    return review


def choose_action(
    lang: str, title: str, choices: list[tuple[str, str]], read: Read = input, write: Write = print
) -> str | None:
    """One of (label, key), by number; Enter alone takes the first; None at end of input."""
    while True:
        write(visible(title))
        for number, (label, _) in enumerate(choices, start=1):
            write(visible(f" {'*' if number == 1 else ' '}{number}. {label}"))
        write(message("plain_single", lang))
        try:
            reply = read("> ").strip() or "1"
        except EOFError:
            return None
        if reply.isdigit() and 1 <= int(reply) <= len(choices):
            return choices[int(reply) - 1][1]
        write(message("plain_again", lang, n=len(choices)))


def offer_save(lang: str, today: str, read: Read = input, write: Write = print) -> Path | None:
    """Ask whether to save the checklist, in which format and where; None for no."""
    choices = [("", "save_no"), (".html", "save_html"), (".md", "save_markdown")]
    choices.append((".txt", "save_text"))
    while True:
        write(message("save_offer", lang))
        for number, (suffix, key) in enumerate(choices, start=1):
            write(f"  {number}. {message(key, lang)} {suffix}".rstrip())
        reply = read("> ").strip() or "1"
        if reply.isdigit() and 1 <= int(reply) <= len(choices):
            break
        write(message("plain_again", lang, n=len(choices)))
    suffix = choices[int(reply) - 1][0]
    if not suffix:
        return None
    default = f"{message('file_name', lang)}-{today}{suffix}"
    name = read(f"{message('save_where', lang)} [{default}] ").strip() or default
    return Path(name).expanduser()
