"""The drafts step of the interview: choose scripts and letters, give the details they
need (each may be left blank), check an instalment offer, show the result."""

from __future__ import annotations

from functools import partial
from typing import Any, Literal, Protocol

from ..base.i18n import text
from ..base.words import message
from ..flow.model import Answer, Flow
from ..interview.loop import Nav
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
    """Ask which drafts to make, then only the details those need; show them. `<` at the
    first detail asks again which drafts, with the same ones ticked."""
    from ..output import render
    from ..terminal import prompts
    from .view import attach

    lang, drafts = context.lang, context.drafts
    if drafts is None:
        return
    fitting = offered(drafts, context.answers)
    choices = [(text(d.title, lang), d.id) for d in fitting]
    ids: list[str] = []
    while True:
        ticked = prompts.ask_many(message("drafts_choose", lang), choices, ids, lang, False)
        ids = ticked if isinstance(ticked, list) else []
        chosen = [d for d in fitting if d.id in ids]
        if not chosen:
            return
        for key in set(context.details) - set(without_filled(context.details)):
            del context.details[key]  # filled from the log before it grew: read it again
        alert = partial(render.alert, context.screen)
        from_log(context.details, [*chosen, *context.made], alert)
        render.note(context.screen, message("detail_hint", lang))
        if _ask_details(context, drafts, chosen):
            break
    context.made = [d for d in drafts.drafts.values() if d in chosen or d in context.made]
    context.keep(without_filled(context.details))
    view = attach(context.view, drafts, context.flow, context.answers, context.details, chosen)
    render.show_drafts(context.screen, list(view.drafts), lang)
    context.screen.print()


def _ask_details(context: Context, drafts: DraftSet, chosen: list[Draft]) -> bool:
    """The details `chosen` need on this path, one by one; `<` goes back one. A detail
    that what was given before it shows is not needed (the monthly offer, when nothing is
    left) is passed over, either way. False: `<` at the first."""
    fields = details_asked(drafts, chosen, context.answers)
    given: set[str] = set()
    index, step = 0, 1
    while 0 <= index < len(fields):
        known = {f: context.details.get(f, "") for f in fields[:index] if f in given}
        if fields[index] not in details_asked(drafts, chosen, context.answers, known):
            index += step
            continue
        detail = drafts.details[fields[index]]
        value = _ask(detail, context.details.get(detail.id, ""), context.lang)
        if value is not Nav.BACK and detail.id == afford.OFFER:
            context.details[detail.id] = value
            value = _check_offer(context, detail)
        if value is Nav.BACK:
            index, step = index - 1, -1
            continue
        context.details[detail.id] = value
        given.add(detail.id)
        index, step = index + 1, 1
    return index >= 0


def _ask(detail: Detail, default: str, lang: str) -> str | Literal[Nav.BACK]:
    from ..terminal import prompts

    def check(value: str) -> str | None:
        key = afford.refused(detail.kind, value)
        return None if key is None else message(key, lang)

    hint = message("field_back_hint", lang)
    given = prompts.ask_field(text(detail.label, lang), default, check, hint, lang)
    return given if given is Nav.BACK else afford.as_given(detail.kind, given)


def _check_offer(context: Context, detail: Detail) -> str | Literal[Nav.BACK]:
    """An offer above what is left each month is flagged and asked again, before the
    letter is written: a letter never promises more than the person can pay. `<` there
    drops the offer and goes back."""
    from ..output import render

    while (verdict := afford.check(context.details)) is not None and not verdict.affordable:
        key, figures = afford.problem(verdict)
        render.alert(context.screen, message(key, context.lang, **figures))
        again = _ask(detail, "", context.lang)
        if again is Nav.BACK:
            del context.details[detail.id]
            return Nav.BACK
        context.details[detail.id] = again
    if afford.OFFER in context.details:
        render.note(context.screen, message("lender_decides", context.lang))
    return context.details[detail.id]
