"""The drafts step of the interview: choose scripts and letters, give the details they
need (each may be left blank), check an instalment offer, show the result."""

from __future__ import annotations

from typing import Any, Protocol

from ..base.i18n import text
from ..base.words import message
from ..flow.model import Answer, Flow
from ..output.report import Report
from . import afford
from .fromlog import from_log, without_filled
from .model import Detail, Draft, DraftSet
from .render import details_asked, offered


class Context(Protocol):
    """What the drafts step reads and changes of the menu's context (`session.menu.Context`)."""

    lang: str
    flow: Flow
    answers: dict[str, Answer]
    view: Report
    screen: Any  # rich.console.Console
    drafts: DraftSet | None
    details: dict[str, str]
    made: list[Draft]

    def keep(self, details: dict[str, str]) -> None:
        """Keep the details with the progress (under --save), else nothing."""


def make(context: Context) -> None:
    """Ask which drafts to make, then only the details those need; show them."""
    from ..output import render
    from ..terminal import prompts
    from .view import attach

    lang, drafts = context.lang, context.drafts
    if drafts is None:
        return
    fitting = offered(drafts, context.answers)
    choices = [(text(d.title, lang), d.id) for d in fitting]
    ids = prompts.choose_many(lang, message("drafts_choose", lang), choices)
    chosen = [d for d in fitting if d.id in ids]
    if not chosen:
        return
    for key in set(context.details) - set(without_filled(context.details)):
        del context.details[key]  # filled from the log before it grew: read it again
    from_log(
        context.details, [*chosen, *context.made], lambda line: render.alert(context.screen, line)
    )
    render.note(context.screen, message("detail_hint", lang))
    known: dict[str, str] = {}
    for field in details_asked(drafts, chosen, context.answers):
        if field not in details_asked(drafts, chosen, context.answers, known):
            continue  # what was given so far shows it is not needed (nothing is left, say)
        detail = drafts.details[field]
        context.details[field] = _ask(detail, context.details.get(field, ""), lang)
        if field == afford.OFFER:
            _check_offer(context, detail)
        known[field] = context.details[field]
    context.made = [d for d in drafts.drafts.values() if d in chosen or d in context.made]
    context.keep(without_filled(context.details))
    view = attach(context.view, drafts, context.flow, context.answers, context.details, chosen)
    render.show_drafts(context.screen, list(view.drafts), lang)
    context.screen.print()


def _ask(detail: Detail, default: str, lang: str) -> str:
    from ..terminal import prompts

    def check(value: str) -> str | None:
        value = value.strip()
        if not value:
            return None
        if detail.kind == "money" and afford.money(value) is None:
            return message("detail_not_money", lang)
        if detail.kind == "count" and not (value.isdigit() and int(value) > 0):
            return message("detail_not_count", lang)
        return None

    return prompts.ask_text(text(detail.label, lang), default, check, None, lang)


def _check_offer(context: Context, detail: Detail) -> None:
    """An offer above what is left each month is flagged and asked again, before the
    letter is written: a letter never promises more than the person can pay."""
    from ..output import render

    while (verdict := afford.check(context.details)) is not None and not verdict.affordable:
        key, figures = afford.problem(verdict)
        render.alert(context.screen, message(key, context.lang, **figures))
        context.details[detail.id] = _ask(detail, "", context.lang)
    if afford.OFFER in context.details:
        render.note(context.screen, message("lender_decides", context.lang))
