"""The checklist for files and pipes: JSON (the contract), Markdown, HTML, plain text."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from ..base.i18n import listing
from ..base.words import message
from .report import Report

#: File extensions and the format each one means, for --output.
EXTENSIONS: dict[str, str] = {
    ".md": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".txt": "text",
}


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
            if line.helps:
                helps = message(
                    "drafts_helps", report.lang, titles=listing(line.helps, report.lang)
                )
                out.append(f"  {_md(helps)}")
        out.append("")
    if report.sources:
        out += [f"## {message('sources', report.lang)}", ""]
        for note in report.sources:
            quote = f"：「{_md(note.quote)}」" if note.quote else ""
            out.append(f"[^{note.number}]: {_md(note.label)}{quote}")
        out.append("")
    if report.drafts:
        from .drafts import markdown

        out += markdown(list(report.drafts), report.lang, _md)
    out += [f"> {_md(report.footer)}", ""]
    return "\n".join(out)


def _md(text: str) -> str:
    """Text that Markdown shows literally (no links, emphasis or HTML from flow text)."""
    for char in "\\`*_[]<>#|":
        text = text.replace(char, "\\" + char)
    return " ".join(text.split())


def as_text(report: Report, width: int = 80) -> str:
    """Plain text, laid out like the terminal checklist, with no colour codes."""
    from rich.console import Console

    from . import render

    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width, no_color=True, color_system=None, highlight=False, emoji=False
    )
    render.checklist(console, report)
    return buffer.getvalue()


_CSS = """
:root { color-scheme: light; }
body { font-family: "Noto Sans CJK SC", "Noto Sans CJK TC", "PingFang SC", "PingFang TC",
  "Microsoft YaHei", "Microsoft JhengHei", system-ui, sans-serif; line-height: 1.6;
  color: #111; background: #fff; margin: 0; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 .4rem; padding-bottom: .2rem; border-bottom: 2px solid #ccc; }
.now h2 { border-color: #b00020; color: #b00020; }
.today h2 { border-color: #b36b00; }
.notice { border-left: 4px solid #b00020; padding: .4rem .8rem; background: #fdf0f0; }
ul.checklist { list-style: none; padding: 0; margin: 0; }
ul.checklist li { margin: .7rem 0; break-inside: avoid; }
label { font-weight: 700; display: flex; gap: .5rem; align-items: baseline; }
input[type=checkbox] { width: 1.1rem; height: 1.1rem; flex: none; }
.detail { margin: .15rem 0 0 1.6rem; }
.refs { font-weight: 400; font-size: .8rem; color: #555; }
.refs a { color: inherit; }
.helps { margin: .1rem 0 0 1.6rem; font-size: .9rem; color: #333; }
ol.sources { font-size: .85rem; padding-left: 1.8rem; }
ol.sources li { margin: .35rem 0; break-inside: avoid; }
blockquote { margin: .1rem 0 0; color: #444; }
@page { size: A4; margin: 16mm 15mm; }
@media print {
  main { max-width: none; padding: 0; }
  .refs a { text-decoration: none; }
  h2 { break-after: avoid; }
}
"""


def as_html(report: Report) -> str:
    """One self-contained, printable HTML5 page: inline CSS, real checkboxes, no scripts."""
    from html import escape as e

    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{e(report.lang)}">',
        '<head>\n<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(report.title)}</title>",
        f"<style>{_CSS}</style>\n</head>",
        "<body>\n<main>",
        f"<h1>{e(report.title)}</h1>",
        f'<p class="notice">{e(message("notice", report.lang))}</p>',
    ]
    for group in report.groups:
        parts.append(
            f'<section class="{e(group.urgency.replace("_", "-"))}">\n<h2>{e(group.heading)}</h2>'
        )
        parts.append('<ul class="checklist">')
        for line in group.lines:
            refs = "".join(f'<a href="#source-{n}">[{n}]</a>' for n in line.refs)
            parts.append(
                f'<li id="item-{e(line.id)}"><label><input type="checkbox"> <span>{e(line.text)}</span>'
                f' <span class="refs">{refs}</span></label>\n<p class="detail">{e(line.detail)}</p>'
                + _helps_html(line.helps, report.lang)
                + "</li>"
            )
        parts.append("</ul>\n</section>")
    if report.sources:
        parts.append(
            f'<section>\n<h2>{e(message("sources", report.lang))}</h2>\n<ol class="sources">'
        )
        for note in report.sources:
            quote = f"<blockquote>「{e(note.quote)}」</blockquote>" if note.quote else ""
            parts.append(f'<li id="source-{note.number}">{e(note.label)}{quote}</li>')
        parts.append("</ol>\n</section>")
    if report.drafts:
        from .drafts import CSS, html

        parts[5] = parts[5].replace("</style>", f"{CSS}</style>")
        parts += html(list(report.drafts), report.lang)
    parts.append("</main>\n</body>\n</html>\n")
    return "\n".join(parts)


def _helps_html(helps: tuple[str, ...], lang: str) -> str:
    """The line under an item naming the scripts and letters that help with it."""
    from html import escape

    if not helps:
        return ""
    return f'\n<p class="helps">{escape(message("drafts_helps", lang, titles=listing(helps, lang)))}</p>'


def render_as(output_format: str, report: Report, contract: dict[str, Any]) -> str:
    """The checklist as text in one of the formats of `EXTENSIONS`."""
    if output_format == "json":
        return as_json(contract)
    if output_format == "markdown":
        return as_markdown(report)
    if output_format == "html":
        return as_html(report)
    return as_text(report)


def format_for(path: Path) -> str | None:
    """The format a file name asks for, None for an extension we do not write."""
    return EXTENSIONS.get(path.suffix.lower())
