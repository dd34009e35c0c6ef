"""The checklist laid out to fit a terminal: what a person sees first is what to do now.

Files and pipes get the whole checklist (every why, every quote: see `export`).
On screen it must stay short enough to read in a small terminal, so this pure
module lays it out as rows of a given width:

- the `now` items come right under the title, and their lines stay within the
  first screen (`FIRST_SCREEN` rows);
- sources are one paragraph of numbered short names, one number per document or
  reference (the quotes are in the saved file and in `overdue-guide sources`);
- a checklist taller than a screen ends with the `now` items again, so that
  they are in view whether the terminal shows its top or, scrolled, its end;
- when the whole checklist is taller than `budget`, the whys are left out from
  the bottom up (the least urgent first, the `now` whys last) until it fits.

The rows are measured with the same wrapping that draws them, so a test can
count lines without a terminal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size

from ..base.i18n import listing
from ..base.words import message
from .layout import wrap
from .report import Line, Report, SourceNote

#: The rows of a small terminal: the `now` items must end within them.
FIRST_SCREEN = 24
#: The longest a source's short name may be, in cells.
SHORT_NAME = 30
_ARTICLE = re.compile(r"\s*第\s*\d+\s*条.*$")
_CUT = frozenset("，；（：,;")


@dataclass(frozen=True)
class Row:
    """One line on screen: its text, what kind of line it is, and a quieter tail."""

    text: str
    kind: str = ""
    tail: str = ""


@dataclass(frozen=True)
class Screen:
    """The rows; how many items (from the top) show their why; the row the `now` items end at."""

    rows: tuple[Row, ...]
    whys: int
    now_ends: int


def limit(width: int) -> int:
    """The most rows the longest checklist may ever take at `width`: 100 at 80 columns,
    200 at 40 (about the same amount of text at any width)."""
    return min(200, max(100, 8000 // max(width, 1)))


def budget(width: int) -> int:
    """The rows the layout aims at: two thirds of `limit`, room for the advice to grow."""
    return limit(width) * 2 // 3


def lay_out(report: Report, width: int) -> Screen:
    """The checklist at `width`, with as many whys as fit (see the module's docstring)."""
    parts = _Parts(report, width)
    low, high = 0, len(report.lines)  # the most whys that fit, by bisection: rows grow with it
    while low < high:
        middle = (low + high + 1) // 2
        fitting = parts.screen(middle)
        if len(fitting.rows) <= budget(width) and fitting.now_ends <= FIRST_SCREEN:
            low = middle
        else:
            high = middle - 1
    return parts.screen(low)


def origins(report: Report) -> dict[int, int]:
    """The screen number of each of the report's sources: one number per short name (a
    document, a law), numbered in order of first use."""
    names: dict[str, int] = {}
    numbers: dict[int, int] = {}
    for note in report.sources:
        numbers[note.number] = names.setdefault(short_name(note, report.lang), len(names) + 1)
    return numbers


def short_name(note: SourceNote, lang: str) -> str:
    """A name to recognise a source by: '文章 000', '《民法典》', '110 报警电话'."""
    if "document" in note.contract:
        return f"{message('document', lang)} {str(note.contract['document'])[:3]}"
    gloss = note.contract.get("gloss")  # in English, the instrument's English name
    name = _before_separator(str(gloss) if gloss and lang == "en" else note.label)
    if cell_len(name) > SHORT_NAME and (title := re.search(r"《[^》]*》", name)):
        name = title.group(0)
    name = _ARTICLE.sub("", name).strip() or note.label
    if cell_len(name) > SHORT_NAME:
        name = set_cell_size(name, SHORT_NAME - 1).rstrip() + "…"
    return name


def _before_separator(label: str) -> str:
    """`label` up to its first comma, semicolon or bracket outside a 《title》."""
    depth = 0
    for index, char in enumerate(label):
        depth += (char == "《") - (char == "》")
        if depth == 0 and char in _CUT and index > 0:
            return label[:index]
    return label


def refs(numbers: list[int]) -> str:
    """Source numbers as compact ranges: [1-3,7]."""
    spans: list[list[int]] = []
    for n in sorted(set(numbers)):
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    parts = [f"{a}" if a == b else f"{a}-{b}" for a, b in spans]
    return f"[{','.join(parts)}]" if parts else ""


class _Parts:
    """The checklist's pieces wrapped once at one width, to be assembled with more or fewer whys."""

    def __init__(self, report: Report, width: int) -> None:
        numbers = origins(report)
        self.report = report
        self.title = [Row(line, "title") for line in wrap(report.title, width)]
        self.items = [
            _hanging(f"☐ {line.text}", refs([numbers[n] for n in line.refs]), width)
            for line in report.lines
        ]
        self.whys = [
            [Row("   " + part, "detail") for part in wrap(_why(line, report.lang), width - 3)]
            for line in report.lines
        ]
        self.sources = _sources(report, numbers, width)
        hint = message("screen_details_hint", report.lang)
        self.hint = [Row(part, "note") for part in wrap(hint, width)]
        self.footer = [Row("")] + [Row(part, "footer") for part in wrap(report.footer, width)]
        now = [line for line in report.lines if line.urgency == "now"]
        recap = [Row(""), Row(message("screen_recap", report.lang), "heading.now")]
        self.recap = recap + [row for line in now for row in _hanging(f"☐ {line.text}", "", width)]
        self.recap = self.recap if now else []

    def screen(self, whys: int) -> Screen:
        """The rows with the whys of the first `whys` items."""
        rows = list(self.title)
        now_ends = index = 0
        for group in self.report.groups:
            rows += [Row(""), Row(group.heading, f"heading.{group.urgency}")]
            for _ in group.lines:
                rows += self.items[index]
                if group.urgency == "now":
                    now_ends = len(rows)
                rows += self.whys[index] if index < whys else []
                index += 1
        rows += self.sources
        rows += self.hint if whys < len(self.items) else []
        if len(rows) + len(self.footer) > FIRST_SCREEN:
            rows += self.recap  # a tall checklist scrolls its top away: the last screen repeats it
        return Screen(tuple(rows + self.footer), whys, now_ends)


def _why(line: Line, lang: str) -> str:
    """An item's why, and under it the scripts and letters that help with it (if any):
    they go with the why, so the budget that drops whys drops them too."""
    if not line.helps:
        return line.detail
    return f"{line.detail}\n{message('drafts_helps', lang, titles=listing(line.helps, lang))}"


def _hanging(text: str, tail: str, width: int) -> list[Row]:
    """An item's line: indented by one, continuation lines by three, the numbers last."""
    body = f"{text} {tail}" if tail else text
    parts = wrap(body, width - 3)
    rows = []
    for number, part in enumerate(parts, start=1):
        margin = " " if number == 1 else "   "
        if tail and number == len(parts) and part.endswith(tail):
            rows.append(Row(margin + part[: -len(tail)], "item", tail))
        else:
            rows.append(Row(margin + part, "item"))
    return rows


def _sources(report: Report, numbers: dict[int, int], width: int) -> list[Row]:
    """The sources as one paragraph of numbered short names, and where to find the rest."""
    if not numbers:
        return []
    names = {numbers[note.number]: short_name(note, report.lang) for note in report.sources}
    rows = [Row(""), Row(message("sources", report.lang), "sources")]
    line = ""
    for number, name in sorted(names.items()):
        entry = set_cell_size(f"[{number}] {name}", width - 1).rstrip()
        joined = f"{line} · {entry}" if line else entry
        if line and cell_len(joined) > width - 1:
            rows.append(Row(" " + line, "source"))
            joined = entry
        line = joined
    rows.append(Row(" " + line, "source"))
    hint = message("screen_sources_hint", report.lang)
    return rows + [Row(part, "note") for part in wrap(hint, width)]
