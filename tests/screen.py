"""A terminal read as a person reads it: the installed command in a pseudo-terminal of a
given size, everything it writes drawn by a terminal emulator (pyte), so a test looks at
the rows on the screen (what is cut, where a line breaks), not at the bytes."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pexpect
import pyte

from .helpers import SCRIPT

ENTER, UP, DOWN, SPACE, CTRL_C, CTRL_U = "\r", "\x1b[A", "\x1b[B", " ", "\x03", "\x15"

#: A Chinese character or full-width punctuation: a line may break beside it with no space.
_WIDE = "[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]"


class Terminal:
    """The command in a `columns`-wide terminal, its screen kept by an emulator."""

    def __init__(
        self,
        tmp_path: Path,
        columns: int,
        *args: str,
        term: str | None = "xterm-256color",
        rows: int = 60,
    ) -> None:
        self.columns = columns
        self.screen = pyte.Screen(columns, rows)
        self.stream = pyte.Stream(self.screen)
        env = {
            **os.environ,
            "LANG": "C.UTF-8",
            "PROMPT_TOOLKIT_NO_CPR": "1",
            "XDG_DATA_HOME": str(tmp_path / "data"),
        }
        env.pop("LC_ALL", None)
        env.pop("COLUMNS", None)
        env.pop("TERM", None)
        if term is not None:
            env["TERM"] = term
        self.child = pexpect.spawn(
            str(SCRIPT),
            list(args),
            cwd=str(tmp_path),
            env=env,
            dimensions=(rows, columns),
            encoding="utf-8",
            timeout=60,  # generous: two cores shared with other work
        )
        self.child.logfile_read = self

    def write(self, data: str) -> None:
        """What the command writes, drawn on the emulated screen (pexpect's log)."""
        self.stream.feed(data)

    def flush(self) -> None:
        """Nothing to flush: the screen is drawn as the text comes."""

    def expect(self, *texts: object) -> int:
        """Wait for the first of `texts` (exact text, not patterns, or pexpect.EOF); which
        one came."""
        index: int = self.child.expect_exact(list(texts))
        return index

    def frame(self, title: str | None = None) -> None:
        """Wait until the frame of a question (the first one since the last wait whose
        title starts with `title`, when given) is drawn whole: prompt_toolkit ends each
        frame by turning the terminal's own line wrapping back on."""
        if title is not None:
            self.expect(title)
        self.child.expect_exact("\x1b[?7h")

    def send(self, keys: str) -> None:
        self.child.send(keys)

    def rows(self) -> list[str]:
        """The screen as it reads now, one string a row, without trailing spaces."""
        return [row.rstrip() for row in self.screen.display]

    def since(self, marker: str) -> list[str]:
        """The rows from the last one that starts with `marker` to the last one written."""
        rows = "\n".join(self.rows()).rstrip("\n").split("\n")
        starts = [n for n, row in enumerate(rows) if row.startswith(marker)]
        assert starts, f"{marker!r} is not on the screen:\n" + "\n".join(rows)
        return rows[starts[-1] :]

    def finish(self) -> int:
        """Wait for the end; the exit status."""
        self.child.expect(pexpect.EOF)
        self.child.close()
        status: int = self.child.exitstatus
        return status


def flat(text: str) -> str:
    """Text as it reads: every run of spaces as one, and none beside a Chinese character
    (a line broken between two Chinese characters reads as one word)."""
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(f" (?={_WIDE})|(?<={_WIDE}) ", "", text)


def reads(rows: list[str], text: str) -> bool:
    """Whether `text` is on `rows` whole: cut nowhere, broken only between words (English)
    or characters (Chinese), wherever the lines happen to end."""
    return flat(text) in flat(" ".join(rows))


def unreadable(rows: list[str], texts: list[str]) -> list[str]:
    """The `texts` not on `rows` whole, with the rows, for an assertion's message."""
    missing = [text for text in texts if not reads(rows, text)]
    return [*missing, "--- on screen:", *rows] if missing else []
