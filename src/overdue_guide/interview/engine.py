"""Walk a flow: given the answers so far, the next question or the checklist.

Pure functions over `model` objects: no terminal, no files. The interactive
prompts, scripted answers files and resumed sessions all go through here, and
all validate answers with `validate`, so each path accepts exactly the same.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from ..base.record import record
from ..errors import Finding, FlowError, MissingAnswer
from ..flow.conditions import evaluate
from ..flow.model import END, URGENCIES, Answer, Answers, Flow, Item, Question
from .answerwords import problem


@record
class Step:
    """Where an interview stands: the questions answered on the path, and what comes next."""

    path: tuple[str, ...]
    pending: Question | None

    @property
    def finished(self) -> bool:
        return self.pending is None


@record
class Checklist:
    """The result: the answers on the path taken and the items they call for, most urgent first."""

    flow: Flow
    answers: Mapping[str, Answer]
    items: tuple[Item, ...]


def validate(question: Question, raw: object) -> Answer:
    """Turn a raw answer (a code, or a list of codes) into a checked `Answer`."""
    codes = question.codes
    allowed = ", ".join(codes)
    if question.kind == "multi":
        if not isinstance(raw, (list, tuple)) or not all(isinstance(c, str) for c in raw):
            raise problem("takes_codes", id=question.id, allowed=allowed)
        unknown = [c for c in raw if c not in codes]
        if unknown:
            raise problem("unknown_code", id=question.id, code=unknown[0], allowed=allowed)
        return tuple(c for c in codes if c in raw)
    if not isinstance(raw, str):
        raise problem("takes_one_code", id=question.id, allowed=allowed)
    if raw not in codes:
        raise problem("unknown_code", id=question.id, code=raw, allowed=allowed)
    return raw


def walk(flow: Flow, answers: Answers) -> Step:
    """Follow the answers from the start; stop at the first question they do not answer."""
    path: list[str] = []
    current = flow.start
    while current != END:
        question = _question(flow, current, path)
        if current not in answers:
            return Step(tuple(path), question)
        path.append(current)
        current = next_target(question, answers)
    return Step(tuple(path), None)


def next_target(question: Question, answers: Answers) -> str:
    """Where the flow goes after `question`: the chosen option's route, else the question's."""
    answer = answers[question.id]
    option = question.option(answer) if isinstance(answer, str) else None
    routes = (option.next if option else ()) or question.next
    for route in routes:
        if route.when is None or evaluate(route.when, answers):
            return route.goto
    return END


def on_path(flow: Flow, answers: Answers) -> dict[str, Answer]:
    """Only the answers of questions on the path taken: abandoned branches are dropped."""
    return {qid: answers[qid] for qid in walk(flow, answers).path}


def applicable(flow: Flow, answers: Answers) -> dict[str, Answer]:
    """The answers that still count: those on the path up to the first question the
    answers leave open, and those of questions that can still be reached from it.

    After one answer is changed at the review, a newly reached question is asked
    but what lies beyond it is kept; the answers of a branch that can no longer be
    reached are dropped. Once the path is complete this is `on_path`.
    """
    step = walk(flow, answers)
    kept = {qid: answers[qid] for qid in step.path}
    if step.pending is not None:
        ahead = reachable(flow, step.pending.id)
        kept.update({qid: answer for qid, answer in answers.items() if qid in ahead})
    return kept


def revise(flow: Flow, answers: Answers, qid: str, answer: Answer) -> dict[str, Answer]:
    """The answers after the person changes the answer to `qid` (see `applicable`)."""
    return applicable(flow, {**answers, qid: answer})


def reachable(flow: Flow, start: str) -> set[str]:
    """Every question that some route leads to from `start` (itself excluded)."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        question = flow.questions.get(todo.pop())
        if question is None:
            continue
        routes = [*question.next, *(r for o in question.options for r in o.next)]
        for route in routes:
            if route.goto in flow.questions and route.goto not in seen:
                seen.add(route.goto)
                todo.append(route.goto)
    return seen


def complete(flow: Flow, answers: Answers) -> dict[str, Answer]:
    """Answers for a scripted run: the given ones, plus defaults where a question has one."""
    filled = dict(answers)
    while (step := walk(flow, filled)).pending is not None:
        question = step.pending
        if question.default is None:
            raise MissingAnswer(question.id, question.codes, question.kind == "multi")
        filled[question.id] = question.default
    return on_path(flow, filled)


def checklist(flow: Flow, answers: Answers) -> Checklist:
    """The finished checklist for answers that reach the end of the flow."""
    step = walk(flow, answers)
    if step.pending is not None:
        question = step.pending
        raise MissingAnswer(question.id, question.codes, question.kind == "multi")
    taken = {qid: answers[qid] for qid in step.path}
    wanted: list[str] = []
    for qid in step.path:
        question = flow.questions[qid]
        wanted.extend(question.items)
        for code in chosen(taken[qid]):
            option = question.option(code)
            wanted.extend(option.items if option else ())
    for rule in flow.rules:
        if evaluate(rule.when, taken):
            wanted.extend(rule.items)
    return Checklist(flow, taken, _ordered(flow, wanted))


def chosen(answer: Answer) -> tuple[str, ...]:
    """The codes of an answer, whether one code or several."""
    return (answer,) if isinstance(answer, str) else answer


def plain(answers: Mapping[str, object]) -> dict[str, object]:
    """Answers as JSON holds them: lists for multiple choices."""
    return {
        qid: list(answer) if isinstance(answer, tuple) else answer
        for qid, answer in answers.items()
    }


def _ordered(flow: Flow, wanted: list[str]) -> tuple[Item, ...]:
    """De-duplicated, most urgent first; within an urgency, in the order the flow lists items."""
    rank = _ranks(flow)
    ranked = sorted({item_id for item_id in wanted if item_id in rank}, key=rank.__getitem__)
    return tuple(flow.items[item_id] for item_id in ranked)


@lru_cache(maxsize=8)
def _ranks(flow: Flow) -> dict[str, int]:
    """Each item's place in every checklist of `flow`: by urgency, then as listed."""
    order = sorted(
        enumerate(flow.items.values()), key=lambda e: (URGENCIES.index(e[1].urgency), e[0])
    )
    return {item.id: rank for rank, (_, item) in enumerate(order)}


def _question(flow: Flow, qid: str, path: list[str]) -> Question:
    """The question `qid`, or a `FlowError` for a route the checker would have refused."""
    question = flow.questions.get(qid)
    if question is None:
        raise FlowError(
            [
                Finding(
                    flow.path, flow.loc.line, 1, "error", "unknown-target", f"no question '{qid}'"
                )
            ]
        )
    if qid in path:
        raise FlowError(
            [
                Finding(
                    flow.path,
                    question.loc.line,
                    question.loc.col,
                    "error",
                    "cycle",
                    f"'{qid}' is reached twice",
                )
            ]
        )
    return question
