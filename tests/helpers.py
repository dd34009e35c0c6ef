"""Helpers for tests: small flows written inside a test, the installed console script."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from overdue_guide.flow import bundle
from overdue_guide.flow.conditions import leaves
from overdue_guide.flow.model import (
    END,
    AllOf,
    Answer,
    Answered,
    AnyOf,
    Catalog,
    Condition,
    Flow,
    Includes,
    Is,
    Not,
    Option,
    Question,
)
from overdue_guide.interview import engine

#: The installed console script, beside the interpreter running the tests.
SCRIPT = Path(sys.executable).with_name("overdue-guide")

#: The source documents, when the checkout sits beside shared/ (CI and developers).
SEEDS = Path(
    os.environ.get("OVERDUE_GUIDE_DOCUMENTS")
    or Path(__file__).resolve().parents[2] / "shared" / "seeds"
)

#: For a test that reads the source documents: it says where it looked when they are not there.
needs_seeds = pytest.mark.skipif(
    not SEEDS.is_dir(),
    reason=f"the source documents are not at {SEEDS}: set OVERDUE_GUIDE_DOCUMENTS",
)

#: A catalogue with one document and one reference, for the small flows of tests.
SMALL_SOURCES = """
documents:
  - file: doc.txt
    title: A document
references:
  - id: R1
    cite: A law, article 1
    confidence: H
    summary: {zh-CN: 一条法律, en: A law}
"""


#: An answers file for the shortest path of the main flow: nobody came, nothing happened.
NOBODY_CAME = """
visitor_arrived: no
misconduct: []
others_contacted: []
amount_checked: matches
can_pay_full: 'yes'
"""

#: The same shortest path as answers in the engine's form, every question on it answered.
CALM_PATH: dict[str, Answer] = {
    "visitor_arrived": "no",
    "user_role": "borrower",
    "court_notice": "none",
    "misconduct": (),
    "others_contacted": (),
    "amount_checked": "matches",
    "can_pay_full": "yes",
    "debt_agent": "none",
}


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def small_flow(tmp_path: Path, text: str) -> tuple[Flow, Catalog]:
    """A flow written in a test, with the small catalogue beside it; fails on any error."""
    write(tmp_path, "sources.yaml", SMALL_SOURCES)
    flow, catalog, findings = bundle.load(write(tmp_path, "flow.yaml", text))
    errors = [str(f) for f in findings if f.severity == "error"]
    assert not errors, errors
    assert flow is not None and catalog is not None
    return flow, catalog


#: The environment of a reader whose locale is English: what a usage mistake is said in.
ENGLISH = {"LANG": "en_US.UTF-8"}


def run_cli(
    *args: str,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    preexec_fn: Callable[[], None] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run the installed console script with no terminal, as a script would
    (`preexec_fn` runs in the child first, e.g. to cap its memory)."""
    environment = {**os.environ, "LANG": "C.UTF-8", "NO_COLOR": "1", **(env or {})}
    environment.pop("LC_ALL", None)
    return subprocess.run(
        [str(SCRIPT), *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        cwd=cwd,
        env=environment,
        timeout=60,
        preexec_fn=preexec_fn,
    )


def all_paths(flow: Flow, subsets: bool = True) -> Iterator[dict[str, Answer]]:
    """Every complete set of answers through `flow` (each subset of a multiple choice,
    or with `subsets=False` only none, each single option and all)."""
    todo: list[tuple[dict[str, Answer], str]] = [({}, flow.start)]
    while todo:
        answers, current = todo.pop()
        if current == END:
            yield answers
            continue
        question = flow.questions[current]
        for answer in _answers_to(question, subsets):
            given = {**answers, question.id: answer}
            todo.append((given, engine.next_target(question, given)))


def _answers_to(question: Question, subsets: bool) -> list[Answer]:
    codes = question.codes
    if question.kind != "multi":
        return list(codes)
    if not subsets:
        return [(), *((c,) for c in codes), codes]
    return [
        tuple(c for c in codes if mask >> codes.index(c) & 1) for mask in range(2 ** len(codes))
    ]


def random_path(flow: Flow, chooser: random.Random) -> dict[str, Answer]:
    """One complete path, each answer drawn by `chooser` (a code ticked with chance 0.3)."""
    answers: dict[str, Answer] = {}
    while (pending := engine.walk(flow, answers).pending) is not None:
        if pending.kind == "multi":
            answers[pending.id] = tuple(c for c in pending.codes if chooser.random() < 0.3)
        else:
            answers[pending.id] = chooser.choice(pending.codes)
    return answers


def widest_paths(flow: Flow) -> list[dict[str, Answer]]:
    """Paths whose checklists are the largest: no other path's items include theirs.

    A code of a multiple choice that only rules read, and only where ticking it can add
    items (never under a `not`), only ever adds items: it is always ticked. Every
    combination of the other codes that conditions read (routes, or under a `not`) is
    tried. A code of a single choice that no condition reads, and whose items another
    such code of the same question also brings by the same route, is left out. Any
    path's checklist is a subset of one of these, so a bound that grows with the items
    (lines on screen, say) holds for every path when it holds for these.
    """
    varied, read = _read_codes(flow)
    found: dict[frozenset[str], dict[str, Answer]] = {}
    todo: list[dict[str, Answer]] = [{}]
    while todo:
        answers = todo.pop()
        step = engine.walk(flow, answers)
        if step.pending is None:
            items = frozenset(i.id for i in engine.checklist(flow, answers).items)
            found.setdefault(items, answers)
            continue
        question = step.pending
        for answer in _widest_answers(question, varied.get(question.id, set()), read):
            todo.append({**answers, question.id: answer})
    return [found[s] for s in found if not any(s < other for other in found)]


def _read_codes(flow: Flow) -> tuple[dict[str, set[str]], set[tuple[str, str]]]:
    """(codes to vary: in routes or under a `not`, by question; every code any condition reads)."""
    varied: dict[str, set[str]] = {}
    read: set[tuple[str, str]] = set()
    for question in flow.questions.values():
        for route in (*question.next, *(r for o in question.options for r in o.next)):
            for leaf in leaves(route.when) if route.when is not None else ():
                codes = getattr(leaf, "codes", ())
                read.update((leaf.question, code) for code in codes)
                varied.setdefault(leaf.question, set()).update(codes)
    for rule in flow.rules:
        for leaf, under_not in polar_leaves(rule.when, False):
            codes = getattr(leaf, "codes", ())
            read.update((leaf.question, code) for code in codes)
            if under_not:
                varied.setdefault(leaf.question, set()).update(codes)
    return varied, read


def polar_leaves(
    condition: Condition, negated: bool
) -> Iterator[tuple[Is | Includes | Answered, bool]]:
    """Each test in `condition`, and whether it stands under a `not` (so that ticking
    its codes could make the condition false)."""
    if isinstance(condition, (AllOf, AnyOf)):
        for term in condition.terms:
            yield from polar_leaves(term, negated)
    elif isinstance(condition, Not):
        yield from polar_leaves(condition.term, not negated)
    else:
        yield condition, negated


def _widest_answers(
    question: Question, varied: set[str], read: set[tuple[str, str]]
) -> list[Answer]:
    if question.kind != "multi":
        return [o.code for o in question.options if not _outdone(question, o, read)]
    tried = [c for c in question.codes if c in varied]
    return [
        tuple(c for c in question.codes if c not in tried or c in ticked)
        for ticked in (
            {c for i, c in enumerate(tried) if mask >> i & 1} for mask in range(2 ** len(tried))
        )
    ]


def _outdone(question: Question, option: Option, read: set[tuple[str, str]]) -> bool:
    """Whether another option, unread like this one and routed alike, brings all its items
    (the first of equals is kept)."""
    if (question.id, option.code) in read:
        return False
    mine = set(option.items)
    for other in question.options:
        if other is option or (question.id, other.code) in read:
            continue
        if option.next or other.next:
            continue
        theirs = set(other.items)
        if mine < theirs or (
            mine == theirs and question.options.index(other) < question.options.index(option)
        ):
            return True
    return False
