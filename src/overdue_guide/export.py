"""The checklist as text for files and pipes: JSON (the contract), Markdown, plain text."""

from __future__ import annotations

import io
import json
from typing import Any

from rich.console import Console

from . import render
from .i18n import message
from .report import Report

FORMATS: tuple[str, ...] = ("text", "markdown", "json")


def as_json(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def as_markdown(report: Report) -> str:
    """A task list grouped by urgency; sources as numbered notes."""
    out = [f"# {_md(report.title)}", ""]
    for group in report.groups:
        out += [f"## {_md(group.heading)}", ""]
        for line in group.lines:
            notes = "".join(f"[^{n}]" for n in line.refs)
            out.append(f"- [ ] **{_md(line.text)}**{notes}  ")
            out.append(f"  {_md(line.detail)}")
        out.append("")
    if report.sources:
        out += [f"## {message('sources', report.lang)}", ""]
        for note in report.sources:
            quote = f"：「{_md(note.quote)}」" if note.quote else ""
            out.append(f"[^{note.number}]: {_md(note.label)}{quote}")
        out.append("")
    out += [f"> {_md(report.footer)}", ""]
    return "\n".join(out)


def _md(text: str) -> str:
    """Text that Markdown shows literally (no links, emphasis or HTML from flow text)."""
    for char in "\\`*_[]<>#|":
        text = text.replace(char, "\\" + char)
    return " ".join(text.split())


def as_text(report: Report, width: int = 80) -> str:
    """Plain text, laid out like the terminal checklist, with no colour codes."""
    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width, no_color=True, color_system=None, highlight=False, emoji=False
    )
    render.checklist(console, report)
    return buffer.getvalue()
