"""The interactive interview as a loop over the engine, with the asking left open.

`run` knows nothing of terminals: it is handed an `ask` function (questionary in
the program, a list of replies in tests), so going back, alerts and saving
progress are tested without a terminal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from .engine import chosen, on_path, validate, walk
from .model import Answer, Flow, Question, Text


class Nav(Enum):
    """A reply that is not an answer."""

    BACK = "back"


@dataclass(frozen=True)
class Prompt:
    """What to ask: the question, its step number, a preselected answer, whether back is possible."""

    question: Question
    step: int
    default: Answer | None
    can_go_back: bool


Reply = Answer | Nav
Ask = Callable[[Prompt], object]


def run(
    flow: Flow,
    ask: Ask,
    alert: Callable[[Text], None] = lambda _: None,
    answers: dict[str, Answer] | None = None,
    saved: Callable[[dict[str, Answer]], None] = lambda _: None,
) -> dict[str, Answer]:
    """Ask until the flow ends; return the answers on the path taken.

    Going back re-asks the previous question with its answer preselected, and
    the answers of a branch left behind are dropped.
    """
    current = on_path(flow, answers or {})
    remembered: dict[str, Answer] = {}
    while (step := walk(flow, current)).pending is not None:
        question = step.pending
        default = remembered.pop(question.id, None)
        reply = ask(Prompt(question, len(step.path) + 1, default, bool(step.path)))
        if reply is Nav.BACK:
            if step.path:
                previous = step.path[-1]
                remembered[previous] = current.pop(previous)
            continue
        answer = validate(question, reply)
        current[question.id] = answer
        current = on_path(flow, current)
        for code in chosen(answer):
            option = question.option(code)
            if option is not None and option.alert is not None:
                alert(option.alert)
        saved(current)
    return current
