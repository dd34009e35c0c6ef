"""Someone in a hurry presses Enter at every prompt, from the first question to the end, and
the program ends (exit 0): the menu's cursor moves on after each action (the words and
letters with none ticked, then saving, declined) to "done". With arrow-key lists and with
numbered lines, in Chinese and English, with and without --save (its keep-or-delete
question too), and after `resume`."""

from __future__ import annotations

from pathlib import Path

import pexpect
import pytest

from overdue_guide.base.words import message

from .screen import CTRL_C, ENTER, Terminal, reads

#: More Enters than any path has prompts: a menu that comes back for ever fails the test.
LIMIT = 40
#: What numbered lines wait at: a question's prompt, a yes/no question's.
PLAIN_PROMPTS = ["> ", "(y/N) "]


def waiting(screen: Terminal, plain: bool) -> bool:
    """Wait for the program to ask something; False once it has ended."""
    if plain:
        return screen.expect(*PLAIN_PROMPTS, pexpect.EOF) < len(PLAIN_PROMPTS)
    while screen.expect("\x1b[?7h", pexpect.EOF) == 0:  # a frame drawn whole
        if any(row.startswith(" » ") for row in screen.rows()):  # a list, not an answer
            return True
    return False


def enter_until_the_end(screen: Terminal, plain: bool) -> int:
    """Enter at each prompt until the program ends; its exit status."""
    for _ in range(LIMIT):
        if not waiting(screen, plain):
            return screen.finish()
        screen.send(ENTER)
    raise AssertionError("still asking after 40 Enters:\n" + "\n".join(screen.rows()))


def lines_of_the_end(screen: Terminal, lang: str) -> list[str]:
    """What the last screen must read: the menu went on to saving, then to done."""
    next_steps = message("next_steps", lang)
    return [
        f"{next_steps} {message('action_save', lang)}",
        f"{next_steps} {message('action_done', lang)}",
    ]


def start(tmp_path: Path, plain: bool, *args: str) -> Terminal:
    return Terminal(tmp_path, 100, *args, term=None if plain else "xterm-256color")


@pytest.mark.parametrize("save", [False, True], ids=["", "save"])
@pytest.mark.parametrize("lang", ["zh-CN", "en"])
@pytest.mark.parametrize("plain", [False, True], ids=["lists", "numbered"])
def test_enter_at_every_prompt_ends_the_program(
    tmp_path: Path, plain: bool, lang: str, save: bool
) -> None:
    screen = start(tmp_path, plain, "--lang", lang, *(["--save"] if save else []))
    assert enter_until_the_end(screen, plain) == 0
    rows = screen.rows()
    if not plain:
        assert all(reads(rows, line) for line in lines_of_the_end(screen, lang)), rows
    saved = tmp_path / "data" / "overdue-guide" / "progress.json"
    assert saved.is_file() == save  # Enter at the keep-or-delete question keeps them
    if save:  # the path is one word wider than the line: the terminal folds it
        said = message("still_saved", lang, path=saved).split(str(saved))
        assert all(reads(rows, part) for part in said), rows


@pytest.mark.parametrize("plain", [False, True], ids=["lists", "numbered"])
def test_enter_at_every_prompt_after_resume_ends_the_program(tmp_path: Path, plain: bool) -> None:
    first = start(tmp_path, plain, "--save")
    for _ in range(2):  # two answers saved, then stopped at the third question
        assert waiting(first, plain)
        first.send(ENTER)
    assert waiting(first, plain)
    first.send(CTRL_C)
    assert first.finish() == 130
    screen = start(tmp_path, plain, "resume")
    assert enter_until_the_end(screen, plain) == 0
    assert plain or all(reads(screen.rows(), line) for line in lines_of_the_end(screen, "zh-CN"))
