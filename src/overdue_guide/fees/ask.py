"""The fee check's form: a few figures from the bill, one at a time, with a way back.

Pure logic over an `ask` object (prompts.py does the asking, questionary stays
there): which step comes next from the answers so far, what each step accepts,
and what "?" (where on the bill) and "<" (back) do. Answers stay as typed, so a
step revisited shows what was there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from ..errors import FeeInputError
from ..interview.loop import Nav
from .inputs import Figures, day, number, unreadable, whole
from .words import localized, say

HELP_KEY, BACK_KEY = "?", "<"

#: The plans a person can choose, and the figures each needs, in the order asked.
PLANS: dict[str, tuple[str, ...]] = {
    "instalments": ("periods", "fee_rate"),
    "payments": ("periods", "payment"),
    "daily": ("daily_rate", "term_days"),
    "schedule": ("schedule", "start"),
}
OVERDUE: dict[str, tuple[str, ...]] = {
    "no": (),
    "by_rate": ("days_overdue", "overdue_rate", "overdue_amount"),
    "by_charge": ("days_overdue", "overdue_charge", "overdue_amount"),
}
OPTIONAL = frozenset({"start", "overdue_amount"})
WHOLE = frozenset({"periods", "term_days", "days_overdue"})


class Asker(Protocol):
    """What the form needs from a terminal (prompts.py gives the real one)."""

    def choice(
        self, title: str, choices: list[tuple[str, str]], default: str | None, back: bool
    ) -> str | Nav: ...

    def text(
        self, title: str, hint: str, default: str, validate: Callable[[str], str | None]
    ) -> str: ...

    def note(self, text: str) -> None: ...


@dataclass(frozen=True)
class Step:
    """One question of the form: a figure ("principal") or a choice ("plan", "overdue")."""

    name: str


def steps(answers: dict[str, str]) -> list[Step]:
    """The steps the answers so far lead through, in order."""
    names = ["principal", "plan"]
    names += PLANS.get(answers.get("plan", ""), ())
    names.append("overdue")
    names += OVERDUE.get(answers.get("overdue", ""), ())
    return [Step(name) for name in names]


def figures(answers: dict[str, str]) -> Figures:
    """The typed answers as `Figures`, only those of the chosen plan and overdue kind."""
    wanted = {"principal", *PLANS[answers["plan"]], *OVERDUE[answers["overdue"]]}
    given: dict[str, Any] = {k: v for k, v in answers.items() if k in wanted and v.strip()}
    if "schedule" in given:
        given["schedule"] = Path(given["schedule"]).expanduser()
    return Figures(**given)


def problem_with(field: str, text: str, lang: str) -> str | None:
    """What is wrong with `text` as the figure `field`, in `lang`; None if it will do."""
    stripped = text.strip()
    if stripped in (HELP_KEY, BACK_KEY) or (not stripped and field in OPTIONAL):
        return None
    try:
        if field == "schedule":
            return _schedule_problem(Path(stripped).expanduser(), stripped, lang)
        elif field == "start":
            day(stripped, field)
        elif field in WHOLE:
            if whole(stripped, field) <= 0:
                return say("not_positive", lang, field=field, value=stripped)
        elif number(stripped, field) < 0 or (field != "fee_rate" and number(stripped, field) == 0):
            return say("not_positive", lang, field=field, value=stripped)
    except FeeInputError as error:
        return str(localized(error, lang))
    return None


def _schedule_problem(path: Path, typed: str, lang: str) -> str | None:
    """What keeps `path` from being read as a schedule, found without opening it (a FIFO
    would wait for a writer): missing, not a regular file, or not ours to read."""
    import errno
    import os
    import stat

    from ..base.files import kind_of

    try:
        mode = path.stat().st_mode
    except OSError as error:
        what = errno.errorcode.get(error.errno or 0, "")
        return str(localized(unreadable(Path(typed), what, error.strerror or ""), lang))
    if not stat.S_ISREG(mode):
        return str(localized(unreadable(Path(typed), kind_of(mode)[1], ""), lang))
    return None if os.access(path, os.R_OK) else say("schedule_no_permission", lang, path=typed)


def run_form(
    ask: Asker, lang: str, check: Callable[[Figures], object], leave: bool = False
) -> Figures | None:
    """Ask until the figures pass `check` (which raises `FeeInputError` if they do not).

    With `leave` (the form opened from the menu after the checklist), the first question
    has a way back too, and taking it returns None: the person is back at the menu."""
    answers: dict[str, str] = {}
    position = 0
    while True:
        path = steps(answers)
        if position >= len(path):
            found = figures(answers)
            try:
                check(found)
            except FeeInputError as error:
                ask.note(str(localized(error, lang)))
                position = path.index(Step("plan")) + 1
                continue
            return found
        reply = _ask_step(ask, path[position].name, answers, lang, leave or position > 0)
        if reply is Nav.BACK:
            if position == 0 and leave:
                return None
            position = max(0, position - 1)
            continue
        answers[path[position].name] = str(reply)
        position += 1


def _ask_step(ask: Asker, name: str, answers: dict[str, str], lang: str, back: bool) -> str | Nav:
    if name in ("plan", "overdue"):
        keys = PLANS if name == "plan" else OVERDUE
        prefix = "kind_" if name == "plan" else "overdue_"
        choices = [(say(prefix + key, lang), key) for key in keys]
        title = say("ask_kind" if name == "plan" else "ask_overdue", lang)
        return ask.choice(title, choices, answers.get(name), back)
    hint = say("optional_hint" if name in OPTIONAL else "text_hint" if back else "first_hint", lang)
    while True:
        typed = ask.text(
            say(f"ask_{name}", lang),
            hint,
            answers.get(name, ""),
            lambda text: problem_with(name, text, lang),
        ).strip()
        if typed == HELP_KEY:
            ask.note(say(f"help_{name}", lang))
            continue
        return Nav.BACK if typed == BACK_KEY else typed
