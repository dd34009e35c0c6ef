"""Drafts joined to a checklist view: which item each draft helps with, and the
drafts made for the person, ready for the screen and every export."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from ..base.i18n import text
from ..flow.model import Answer, Flow
from ..output.report import Report
from .model import Draft, DraftSet
from .render import listed_items, offered, render


def attach(
    view: Report,
    drafts: DraftSet,
    flow: Flow,
    answers: Mapping[str, Answer],
    details: Mapping[str, str],
    made: list[Draft],
) -> Report:
    """`view` with each item's helping drafts named under it and `made` filled in."""
    helps: dict[str, list[str]] = {}
    for draft in offered(drafts, answers):
        for item in draft.items:
            helps.setdefault(item, []).append(text(draft.title, view.lang))
    groups = tuple(
        replace(
            group,
            lines=tuple(replace(ln, helps=tuple(helps.get(ln.id, ()))) for ln in group.lines),
        )
        for group in view.groups
    )
    listed = listed_items(flow, answers)
    rendered = tuple(render(d, flow, answers, details, view.lang, listed) for d in made)
    return replace(view, groups=groups, drafts=rendered)


def contract(
    drafts: DraftSet,
    flow: Flow,
    answers: Mapping[str, Answer],
    details: Mapping[str, str],
    lang: str,
) -> list[dict[str, object]]:
    """Every draft that fits the path, filled, in the README's JSON shape."""
    listed = listed_items(flow, answers)
    return [
        render(d, flow, answers, details, lang, listed).contract() for d in offered(drafts, answers)
    ]
