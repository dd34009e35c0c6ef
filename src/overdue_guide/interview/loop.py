"""The interactive interview as a loop over the engine, with the asking left open.

`run` knows nothing of terminals: it is handed an `ask` function (questionary in
the program, a list of replies in tests), so going back, alerts, the review of
the answers and saving progress are tested without a terminal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from ..base.i18n import text
from ..base.words import message
from ..flow.model import Answer, Flow, Question, Text
from .engine import applicable, chosen, on_path, revise, validate, walk


class Nav(Enum):
    """A reply that is not an answer."""

    BACK = "back"
    DONE = "done"


@dataclass(frozen=True)
class Prompt:
    """What to ask: the question, its step number, a preselected answer, whether back is possible."""

    question: Question
    step: int
    default: Answer | None
    can_go_back: bool


@dataclass(frozen=True)
class Given:
    """One answer as the review shows it: its step, the question and what was chosen."""

    step: int
    question: Question
    answer: Answer


Reply = Answer | Nav
Ask = Callable[[Prompt], object]
#: Shows the answers given; returns `Nav.DONE`, `Nav.BACK` or the id of a question to change.
Review = Callable[[tuple[Given, ...]], object]


def given(flow: Flow, answers: dict[str, Answer]) -> tuple[Given, ...]:
    """The answers on the path taken, in the order they were asked."""
    path = walk(flow, answers).path
    return tuple(
        Given(number, flow.questions[qid], answers[qid]) for number, qid in enumerate(path, 1)
    )


def run(
    flow: Flow,
    ask: Ask,
    alert: Callable[[Text], None] = lambda _: None,
    answers: dict[str, Answer] | None = None,
    saved: Callable[[dict[str, Answer]], None] = lambda _: None,
    review: Review | None = None,
) -> dict[str, Answer]:
    """Ask until the flow ends; return the answers on the path taken.

    Going back re-asks the previous question with its answer preselected, and
    the answers of a branch left behind are dropped. With `review`, the finished
    answers are shown before they are returned: the person may change any one
    (it is re-asked with its answer preselected; any question it newly reaches is
    asked), and is shown the review again until they accept it.
    """
    interview = _Interview(flow, ask, alert, saved, on_path(flow, answers or {}))
    while True:
        interview.ask_pending()
        if review is None:
            return interview.answers
        choice = review(given(flow, interview.answers))
        if choice is Nav.DONE:
            return interview.answers
        path = walk(flow, interview.answers).path
        qid = path[-1] if choice is Nav.BACK else choice
        if isinstance(qid, str) and qid in interview.answers:
            interview.change(qid, path.index(qid) + 1)


class _Interview:
    """The answers so far, and the asking that changes them."""

    def __init__(
        self,
        flow: Flow,
        ask: Ask,
        alert: Callable[[Text], None],
        saved: Callable[[dict[str, Answer]], None],
        answers: dict[str, Answer],
    ) -> None:
        self.flow = flow
        self.ask = ask
        self.alert = alert
        self.saved = saved
        self.answers = answers
        self.remembered: dict[str, Answer] = {}

    def ask_pending(self) -> None:
        """Ask every question the answers leave open, until the flow ends."""
        while (step := walk(self.flow, self.answers)).pending is not None:
            question = step.pending
            default = self.remembered.pop(question.id, None)
            reply = self.ask(Prompt(question, len(step.path) + 1, default, bool(step.path)))
            if reply is Nav.BACK:
                if step.path:
                    previous = step.path[-1]
                    self.remembered[previous] = self.answers.pop(previous)
                continue
            answer = validate(question, reply)
            self.answers[question.id] = answer
            self.answers = applicable(self.flow, self.answers)
            self._answered(question, answer)

    def change(self, qid: str, number: int) -> None:
        """Re-ask `qid` from the review; back leaves the answers as they were."""
        question = self.flow.questions[qid]
        reply = self.ask(Prompt(question, number, self.answers[qid], True))
        if reply is Nav.BACK:
            return
        answer = validate(question, reply)
        self.answers = revise(self.flow, self.answers, qid, answer)
        self._answered(question, answer)

    def _answered(self, question: Question, answer: Answer) -> None:
        for code in chosen(answer):
            option = question.option(code)
            if option is not None and option.alert is not None:
                self.alert(option.alert)
        self.saved(self.answers)


def answer_text(question: Question, answer: Answer | None, lang: str) -> str:
    """An answer in the person's words: the labels of the options chosen."""
    codes = (answer,) if isinstance(answer, str) else (answer or ())
    labels = [text(o.label, lang) for o in question.options if o.code in codes]
    return ("、" if lang != "en" else ", ").join(labels) or message("none_chosen", lang)
