"""Drafts on a rich console: the Chinese to say or send, then the reader's translation."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from ..base.i18n import message
from ..output.layout import Wrapped
from .render import Rendered


def show(console: Console, drafts: list[Rendered], lang: str) -> None:
    for draft in drafts:
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
