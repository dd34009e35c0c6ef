"""The scripts and letters made for a person in files: Markdown and HTML (each letter on a
page of its own when printed)."""

from __future__ import annotations

from html import escape

from ..base.words import message
from .report import Rendered


def markdown(drafts: list[Rendered], lang: str, md: object) -> list[str]:
    """Markdown lines for the drafts; `md` escapes flow text (export._md)."""
    escape_md = md if callable(md) else str
    out = [f"## {escape_md(message('drafts_heading', lang))}", ""]
    for draft in drafts:
        out += [f"### {escape_md(draft.title)}", ""]
        for paragraph in draft.text.split("\n"):
            if paragraph:
                out += [escape_md(paragraph), ""]
        if draft.translation is not None:
            out += [f"*{escape_md(message('drafts_translation', lang))}*", ""]
            out += [f"> {escape_md(p)}" for p in draft.translation.split("\n") if p]
            out.append("")
        for note in draft.notes:
            out += [f"- {escape_md(message('drafts_tip', lang) + note)}"]
        out.append("")
    return out


CSS = """
section.draft { margin-top: 2rem; }
section.draft.letter { break-before: page; }
section.draft.script { break-inside: avoid; }
.draft .chinese p { margin: .5rem 0; white-space: pre-wrap; }
.draft .translation { color: #444; border-left: 3px solid #ccc; padding-left: .8rem; }
.draft .tip { font-size: .9rem; color: #555; }
"""


def html(drafts: list[Rendered], lang: str) -> list[str]:
    """HTML sections for the drafts: scripts kept together, each letter on its own page."""
    parts: list[str] = []
    for draft in drafts:
        parts.append(f'<section class="draft {escape(draft.kind)}" id="draft-{escape(draft.id)}">')
        parts.append(f"<h2>{escape(draft.title)}</h2>")
        parts.append(f'<div class="chinese" lang="zh-CN">{_paragraphs(draft.text)}</div>')
        if draft.translation is not None:
            parts.append(
                f'<div class="translation" lang="{escape(lang)}">'
                f"<p><em>{escape(message('drafts_translation', lang))}</em></p>"
                f"{_paragraphs(draft.translation)}</div>"
            )
        for note in draft.notes:
            parts.append(f'<p class="tip">{escape(message("drafts_tip", lang))}{escape(note)}</p>')
        parts.append("</section>")
    return parts


def _paragraphs(value: str) -> str:
    return "".join(f"<p>{escape(p)}</p>" for p in value.split("\n") if p)
