"""Wrap mixed Chinese and Latin text to a width in terminal cells.

Rich and textwrap break lines only at spaces, so a Chinese sentence is one long
"word" to them and "App 账单" breaks at the space. Here a line may break between
any two CJK characters, Latin words stay whole, and no line starts with closing
punctuation such as "，" or "。".
"""

from __future__ import annotations

import re

from rich.cells import cell_len, chop_cells
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

from ..base.visible import visible

_NO_LINE_START = frozenset("，。、；：？！）》」』”’,.;:?!)]}%")
_NO_LINE_END = frozenset("（《「『“‘([{")
_TOKEN = re.compile(r"\s+|[A-Za-z0-9@#$%&*+=/\\_.,;:!?'\"()\[\]{}<>~`^|-]+|.", re.S)


def wrap(text: str, width: int) -> list[str]:
    """`text` as lines of at most `width` cells (at least one line, possibly empty)."""
    width = max(width, 2)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, width))
    return lines


def _wrap_paragraph(paragraph: str, width: int) -> list[str]:
    """One paragraph as lines; linear in its length whatever the width: each token is
    measured once and the cells of the current line are counted as it grows."""
    lines: list[str] = []
    line, used = "", 0
    for token in _TOKEN.findall(paragraph):
        if token.isspace():
            if line and used < width:
                line, used = line + " ", used + 1
            elif line:
                lines.append(line.rstrip())
                line, used = "", 0
            continue
        size = cell_len(token)
        if used + size <= width:
            line, used = line + token, used + size
            continue
        line = _break(lines, line, token)
        used = cell_len(line)
        for piece in chop_cells(token, width) if size > width else [token]:
            piece_size = cell_len(piece) if size > width else size
            if used + piece_size > width:
                lines.append(line)
                line, used = "", 0
            line, used = line + piece, used + piece_size
    lines.append(line.rstrip())
    return lines


#: At most this many characters move down to the next line to keep punctuation in place: a
#: run of punctuation longer than that breaks anyway, and each break costs the same.
MAX_CARRY = 4


def _break(lines: list[str], line: str, token: str) -> str:
    """End the current line before `token`; return what the next line starts with.

    Characters move down with the token so that no line starts with closing
    punctuation and none ends with opening punctuation (up to `MAX_CARRY` of them).
    """
    head, carried = line.rstrip(), ""
    while (
        len(head) > 1
        and len(carried) < MAX_CARRY
        and ((carried or token)[0] in _NO_LINE_START or head[-1] in _NO_LINE_END)
    ):
        head, carried = head[:-1], head[-1] + carried
    if head.strip():
        lines.append(head.rstrip())
    return carried


class Wrapped:
    """A rich renderable: text wrapped by `wrap` to the width it is given, indented.

    `tail` (source numbers, say) follows the text in a quieter style.
    """

    def __init__(
        self, text: str, style: str = "", indent: int = 0, tail: str = "", hang: int = 0
    ) -> None:
        self.text = visible(text)  # flow text may hold escapes: shown, never run
        self.style = style
        self.indent = indent
        self.tail = tail
        self.hang = hang

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        body = f"{self.text} {self.tail}" if self.tail else self.text
        widest = max(cell_len(part) for part in body.split("\n")) + self.indent
        return Measurement(min(widest, 2 + self.indent + self.hang), min(widest, options.max_width))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        body = f"{self.text} {self.tail}" if self.tail else self.text
        lines = wrap(body, options.max_width - self.indent - self.hang)
        for number, line in enumerate(lines, start=1):
            margin = self.indent + (self.hang if number > 1 else 0)
            row = Text(" " * margin + line, style=self.style, no_wrap=True, overflow="fold")
            if self.tail and number == len(lines) and line.endswith(self.tail):
                row.stylize("dim", len(row) - len(self.tail))
            yield row
