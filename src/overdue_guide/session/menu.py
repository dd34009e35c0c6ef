"""What the interview offers after the checklist: a small menu of actions.

Each action is a label and a function over one shared `Context`; a new tool (an
evidence log, a fee check) joins the menu by adding one `Action` to `ACTIONS`.
Nothing here draws or asks directly: `choose` is passed in (questionary in the
program, a list of replies in tests). Ctrl-C or Ctrl-D, at the menu or in any
action's form, end the program (exit 130) as everywhere else.

After an action the menu's cursor moves on to the next entry, so a person who only
presses Enter goes through the words and letters (none ticked), saving (no) and
reaches "done". The evidence log and the fee check ask for new facts (a call, the
figures of a bill): the cursor never moves on to them, so Enter alone never logs
a call that did not happen; they are there for whoever picks them.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..base.words import message
from ..flow.model import Answer, Flow
from ..output.report import Report


@dataclass
class Context:
    """One finished interview, and what its actions made so far (kept in memory only)."""

    lang: str
    flow: Flow
    answers: dict[str, Answer]
    view: Report
    contract: dict[str, Any]
    screen: Any  # rich.console.Console
    drafts: Any = None  # drafts.model.DraftSet | None
    details: dict[str, str] = field(default_factory=dict)
    made: list[Any] = field(default_factory=list)  # drafts.model.Draft
    saved: list[Path] = field(default_factory=list)
    #: An --output file will get the checklist anyway: no need to offer saving it.
    file_given: bool = False
    #: Called when details change: keeps them with the progress under --save, else nothing.
    keep: Callable[[dict[str, str]], None] = lambda _: None

    def current(self) -> Report:
        """The checklist view with the drafts made so far."""
        if self.drafts is None:
            return self.view
        from ..drafts.view import attach

        return attach(self.view, self.drafts, self.flow, self.answers, self.details, self.made)


@dataclass(frozen=True)
class Action:
    key: str
    label: str  # an i18n message key
    run: Callable[[Context], None]
    shown: Callable[[Context], bool] = lambda _: True
    #: Whether the cursor moves on to it after the entry before: not for a form that
    #: asks for new facts, which Enter alone must never fill in.
    on_the_way: bool = True


def _make_drafts(context: Context) -> None:
    from ..drafts.interview import make

    make(context)


def _save(context: Context) -> None:
    """Save the checklist where the person says. A file already there is replaced only if
    they say so, a pipe or a device never; a save that fails says why, with the path, in
    their language, and the menu comes back: nothing is lost by a mistyped name."""
    from datetime import date

    from rich.text import Text

    from ..base.disk import refuse_data_folder, write_atomic
    from ..base.visible import visible
    from ..errors import StorageError
    from ..output import render
    from ..output.export import format_for, render_as
    from ..terminal import prompts

    lang = context.lang
    chosen = prompts.offer_save(lang, free_stamp(date.today().isoformat(), lang))
    if chosen is None:
        return
    if _is(chosen, stat.S_ISDIR):  # a folder: the checklist goes in it, under the usual name
        stamp = free_stamp(date.today().isoformat(), lang, chosen)
        chosen = chosen / f"{message('file_name', lang)}-{stamp}.html"
    if format_for(chosen) is None:
        chosen = chosen.with_name(chosen.name + ".txt")
    replacing = _is(chosen, stat.S_ISREG)
    if replacing and not prompts.confirm(message("save_replace", lang, path=chosen), lang):
        render.note(context.screen, message("save_not_replaced", lang, path=chosen))
        return
    text = render_as(format_for(chosen) or "text", context.current(), context.contract)
    try:
        refuse_data_folder(chosen, lang)
        write_atomic(chosen, text, private=True, lang=lang)
    except StorageError as error:
        render.alert(context.screen, str(error))
        return
    context.saved.append(chosen)
    context.screen.print(Text(visible(message("saved", lang, path=chosen))))


def _is(path: Path, kind: Callable[[int], bool]) -> bool:
    """Whether `path` is there and of `kind` (`stat.S_ISDIR`…); False for any path that
    cannot be looked at (a name too long, a file where a folder should be)."""
    try:
        return kind(path.stat().st_mode)
    except (OSError, ValueError):
        return False


def free_stamp(today: str, lang: str, folder: Path | None = None) -> str:
    """The date for the offered file name, with `-2`, `-3`… when a checklist of that name
    (in any format) is already in `folder` (the current one): two saves on one day keep
    both files."""
    base = Path(folder or ".") / f"{message('file_name', lang)}-"
    stamp, number = today, 1
    while any(os.path.lexists(f"{base}{stamp}{suffix}") for suffix in (".html", ".md", ".txt")):
        number += 1
        stamp = f"{today}-{number}"
    return stamp


def _log_evidence(context: Context) -> None:
    """The evidence log's form; Back at its first question, or "quit" at its end, returns
    to the menu with nothing written."""
    from ..evidence import interactive_add

    interactive_add(context.lang, leave=True)


def _item_ids(context: Context) -> list[str]:
    """The ids of the checklist's items (none before there is a checklist)."""
    view = context.view
    return [] if view is None else [line.id for g in view.groups for line in g.lines]


def _has_evidence_to_keep(context: Context) -> bool:
    from ..evidence import worth_offering

    return worth_offering(_item_ids(context))


def _check_fees(context: Context) -> None:
    """The fee check's form; its annual rate then fills the instalment request's line on it."""
    from ..drafts.fromlog import without_filled
    from ..fees import interactive
    from ..fees.render import percent

    result = interactive(context.lang, leave=True)
    if result is None:
        return
    context.details["annual_rate"] = percent(result.rates.nominal_irr)
    context.keep(without_filled(context.details))


def _has_fee_items(context: Context) -> bool:
    from ..fees import FEE_ITEMS  # the fee check's package, loaded only when asked

    return not FEE_ITEMS.isdisjoint(_item_ids(context))


#: The menu, in order; "done" always comes last.
ACTIONS: list[Action] = [
    Action("drafts", "action_drafts", _make_drafts, lambda c: c.drafts is not None),
    Action("save", "action_save", _save, lambda c: not c.file_given),
    Action("log", "action_log", _log_evidence, _has_evidence_to_keep, on_the_way=False),
    Action("fees", "action_fees", _check_fees, _has_fee_items, on_the_way=False),
]

#: The last entry, always shown.
DONE = "done"

Choose = Callable[[list[tuple[str, str]], str | None], str | None]


def run(context: Context, choose: Choose) -> None:
    """Offer the actions until the person is done. `choose(choices, point)` asks for one
    of (label, key), the cursor on the entry `point` (None: the first)."""
    point: str | None = None
    while True:
        shown = [a for a in ACTIONS if a.shown(context)]
        choices = [(message(a.label, context.lang), a.key) for a in shown]
        key = choose([*choices, (message("action_done", context.lang), DONE)], point)
        action = next((a for a in shown if a.key == key), None)
        if action is None:
            return
        action.run(context)
        point = after(action.key, [a for a in ACTIONS if a.shown(context)])


def after(key: str, shown: list[Action]) -> str:
    """Where the cursor goes once the action `key` is over: the next entry shown that
    Enter alone may reach, else "done"."""
    keys = [a.key for a in shown]
    later = shown[keys.index(key) + 1 :] if key in keys else []
    return next((a.key for a in later if a.on_the_way), DONE)
