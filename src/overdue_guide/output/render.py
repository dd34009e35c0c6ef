"""Draw a report, an alert or a heading on a rich `Console` that the caller owns.

All flow text goes in as `rich.text.Text`, never as markup, so a '[bold]' in a
flow or an answer is shown as written.
"""

from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from ..base.i18n import listing, text
from ..base.words import message
from ..flow.model import Catalog
from .layout import Wrapped
from .report import Rendered, Report

URGENCY_STYLES = {
    "now": "bold red",
    "today": "bold yellow",
    "this_week": "bold cyan",
    "later": "bold",
}


def refs(numbers: tuple[int, ...]) -> str:
    return "".join(f"[{n}]" for n in numbers)


def checklist(console: Console, report: Report) -> None:
    """The whole checklist, for files and pipes: grouped by urgency, each item ☐ with its
    why and its source numbers, every source with its quote."""
    console.print(Wrapped(report.title, "bold underline"))
    for group in report.groups:
        console.print()
        console.print(Text(group.heading, style=URGENCY_STYLES.get(group.urgency, "bold")))
        for line in group.lines:
            console.print(Wrapped(f"☐ {line.text}", "bold", indent=1, tail=refs(line.refs), hang=2))
            detail = line.detail
            if line.helps:
                helps = message(
                    "drafts_helps", report.lang, titles=listing(line.helps, report.lang)
                )
                detail = f"{detail}\n{helps}"
            console.print(Wrapped(detail, indent=3))
    if report.sources:
        console.print()
        console.print(Text(message("sources", report.lang), style="bold"))
        for note in report.sources:
            console.print(Wrapped(f"[{note.number}] {note.label}", indent=1, hang=4))
            if note.quote:
                console.print(Wrapped(f"「{note.quote}」", "dim", indent=5))
    if report.drafts:
        show_drafts(console, list(report.drafts), report.lang)
    console.print()
    console.print(Wrapped(report.footer, "bold"))


_ROW_STYLES = {
    "title": "bold underline",
    "item": "bold",
    "sources": "bold",
    "note": "dim",
    "footer": "bold",
    **{f"heading.{urgency}": style for urgency, style in URGENCY_STYLES.items()},
}


def on_screen(console: Console, report: Report) -> None:
    """The checklist as `screen` lays it out to fit the console: `now` first, sources short."""
    from .screen import lay_out

    for row in lay_out(report, console.width).rows:
        line = Text(row.text, style=_ROW_STYLES.get(row.kind, ""), no_wrap=True, overflow="crop")
        if row.tail:
            line.append(row.tail, style="dim")
        console.print(line, no_wrap=True, overflow="crop")


def alert(console: Console, message: str) -> None:
    """An urgent safety message, impossible to miss."""
    console.print(Panel(Wrapped(message, "bold"), border_style="red", expand=False))


def heading(console: Console, title: str, lines: list[str]) -> None:
    console.print(Wrapped(title, "bold"))
    for line in lines:
        console.print(Wrapped(line, "dim"))
    console.print()


def note(console: Console, message: str) -> None:
    """Help text, set apart from the questions."""
    console.print(Wrapped(message, "italic", indent=2))


def sources(console: Console, catalog: Catalog, lang: str) -> None:
    """Every document and reference the flows may cite, described for a reader."""
    for document in catalog.documents.values():
        console.print(Wrapped(f"{document.file}  《{document.title}》", "bold"))
        facts = " · ".join(x for x in (document.site, document.date, document.url) if x)
        if facts:
            console.print(Wrapped(facts, indent=2))
        if document.note:
            console.print(Wrapped(text(document.note, lang), "dim", indent=2))
    console.print()
    for reference in catalog.references.values():
        cite = (
            f"{reference.gloss}: {reference.cite}"
            if lang == "en" and reference.gloss
            else reference.cite
        )
        console.print(Wrapped(f"{reference.id} [{reference.confidence}] {cite}", "bold"))
        console.print(Wrapped(text(reference.summary, lang), "dim", indent=2))


def show_drafts(console: Console, made: list[Rendered], lang: str) -> None:
    """The drafts made: the Chinese to say or send, then the reader's translation and tips."""
    for draft in made:
        console.print()
        console.print(Text(f"■ {draft.title}", style="bold underline"))
        for paragraph in draft.text.split("\n"):
            if paragraph:
                console.print(Wrapped(paragraph, indent=1))
        if draft.translation is not None:
            console.print(Wrapped(message("drafts_translation", lang), "italic", indent=1))
            for paragraph in draft.translation.split("\n"):
                if paragraph:
                    console.print(Wrapped(paragraph, "dim", indent=3))
        for note in draft.notes:
            console.print(Wrapped(f"{message('drafts_tip', lang)}{note}", "italic", indent=1))
