"""Text broken into lines that fit a terminal: at spaces between words, and between two
Chinese characters; never inside an English word, never cut off.

prompt_toolkit draws a line that is too long either cut at the edge (an option
"a court or a" losing "lawyer") or broken at the last column ("durin / g"). Every
prompt goes through `fit` first, so each line it draws already fits. Chinese
breaks between any two characters, but not before closing punctuation (，。）)
nor after opening punctuation (（“), as Chinese typesetting does; English breaks
at spaces; a word wider than a whole line (a long path) is folded by character,
the last resort. Widths are terminal cells as prompt_toolkit counts them
(wcwidth): a Chinese character takes two.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from typing import Any

#: Never at the start of a line: they close what comes before (避头).
_CLOSING = frozenset("，。、；：？！）」』》〉】〕…·％,.;:?!)]}%’”")
#: Never at the end of a line: they open what comes after (避尾).
_OPENING = frozenset("（「『《〈【〔“‘([{")
#: What stands before the words of a list's line: the pointer, a tick box, a number.
_LEAD = re.compile(r"[\s»●○*]*(?:\d+\.\s+)?")

#: A fragment of prompt_toolkit's formatted text: (style, text) or (style, text, handler).
Fragment = tuple[Any, ...]
Hang = Callable[[str], int]


@lru_cache(maxsize=4096)
def cells(char: str) -> int:
    """The terminal cells one character takes (0 for a combining mark or a control)."""
    from wcwidth import wcwidth

    return max(wcwidth(char), 0)


def width(text: str) -> int:
    """The terminal cells `text` takes on one line."""
    return sum(cells(c) for c in text)


def lead(line: str) -> int:
    """The cells before a list line's words (" » ● ", " *3. "): where its next lines start."""
    found = _LEAD.match(line)
    return width(found.group()) if found else 0


def wrap(text: str, room: int, hang: int = 0) -> list[str]:
    """`text` (one line) as lines of at most `room` cells; the caller puts `hang` spaces
    before each line after the first, so those have `hang` cells less."""
    return [text[start:end] for start, end in spans(text, room, hang)]


def indented(text: str, room: int, hang: Hang | int = 0) -> str:
    """Each line of `text` wrapped to `room` cells, the lines it adds indented by `hang`
    (or by `hang(line)`): ready to print."""
    shown = []
    for line in text.split("\n"):
        indent = _indent(line, room, hang)
        shown.append(("\n" + " " * indent).join(wrap(line, room, indent)))
    return "\n".join(shown)


def spans(text: str, room: int, hang: int = 0) -> list[tuple[int, int]]:
    """Where each line of `text` starts and ends; the spaces at a break belong to no line.

    Spaces that open the text stay (an indent); those that end it stay on its last line."""
    lines: list[tuple[int, int]] = []
    start = end = used = 0
    filled = False  # the line holds more than its indent
    for first, last in _units(text):
        spaces = width(text[end:first])
        here = room - (hang if lines else 0)
        size = width(text[first:last])
        if filled and used + spaces + size > here:
            lines.append((start, end))
            start = end = first
            used = spaces = 0
            here = room - hang
        if used + spaces + size <= here:
            used, end, filled = used + spaces + size, last, True
            continue
        for index in range(first, last):  # wider than a whole line: folded by character
            one = cells(text[index])
            if filled and used + spaces + one > here:
                lines.append((start, end))
                start, used, spaces, here = index, 0, 0, room - hang
            used, end, filled, spaces = used + spaces + one, index + 1, True, 0
    lines.append((start, len(text)))
    return lines


def _units(text: str) -> Iterator[tuple[int, int]]:
    """The pieces a line may not break inside: an English word, a Chinese character with
    the punctuation that clings to it."""
    first = last = -1
    for index, char in enumerate(text):
        if char.isspace():
            continue
        if index == last and _clings(text[index - 1], char):
            last = index + 1
            continue
        if first >= 0:
            yield first, last
        first, last = index, index + 1
    if first >= 0:
        yield first, last


def _clings(before: str, char: str) -> bool:
    """Whether no break may come between two characters written side by side."""
    if char in _CLOSING or before in _OPENING or cells(char) == 0:
        return True
    return cells(char) == 1 and cells(before) == 1  # inside an English word or a number


def _indent(line: str, room: int, hang: Hang | int) -> int:
    """The indent of a line's continuation, at most half the room (a 30-column screen
    still has room for words)."""
    return min(hang(line) if callable(hang) else hang, room // 2)


def fit(fragments: Sequence[Fragment], room: int, hang: Hang | int = 0) -> list[Fragment]:
    """prompt_toolkit's formatted text with each line wrapped to `room` cells; the lines it
    adds start with `hang` spaces (or `hang(line)`). Styles and the cursor's place
    (a fragment with no text) are kept."""
    shown: list[Fragment] = []
    for number, line in enumerate(_split(fragments)):
        if number:
            shown.append(("", "\n"))
        text = "".join(fragment[1] for fragment in line)
        indent = _indent(text, room, hang)
        found = spans(text, room, indent)
        for index, (start, end) in enumerate(found):
            if index:
                shown.append(("", "\n" + " " * indent))
            upto = found[index + 1][0] if index + 1 < len(found) else len(text) + 1
            shown += _between(line, start, end, upto)
    return shown


def _split(fragments: Sequence[Fragment]) -> Iterator[list[Fragment]]:
    """The fragments line by line (at each newline), keeping those with no text."""
    line: list[Fragment] = []
    for style, text, *rest in fragments:
        if not text:  # a mark, as the cursor's place
            line.append((style, text, *rest))
            continue
        *ended, last = text.split("\n")
        for part in ended:
            line += [(style, part, *rest)] if part else []
            yield line
            line = []
        line += [(style, last, *rest)] if last else []
    yield line


def _between(line: list[Fragment], start: int, end: int, upto: int) -> list[Fragment]:
    """The text of `line` from `start` to `end`, and its empty fragments (a cursor mark)
    from `start` until the next line begins at `upto`."""
    taken: list[Fragment] = []
    offset = 0
    for style, text, *rest in line:
        after = offset + len(text)
        if not text and start <= offset < upto:
            taken.append((style, text, *rest))
        elif text and offset < end and after > start:
            taken.append((style, text[max(start - offset, 0) : end - offset], *rest))
        offset = after
    return taken
