"""Helpers for tests: small flows written inside a test, the installed console script."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from overdue_guide.flow import bundle
from overdue_guide.flow.conditions import leaves
from overdue_guide.flow.model import END, Answer, Answered, Catalog, Flow, Includes, Is, Question
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


def widest_paths(flow: Flow) -> list[dict[str, Answer]]:
    """Paths whose checklists are the largest: no other path's items include theirs.

    A code of a multiple choice that no condition tests only ever adds items, so it
    is always ticked; every combination of the tested codes is tried. Any path's
    checklist is a subset of one of these, so a bound that grows with the items
    (lines on screen, say) holds for every path when it holds for these.
    """
    tested: dict[str, set[str]] = {}
    for leaf in _leaves(flow):  # every code any condition tests, across all conditions
        tested.setdefault(leaf.question, set()).update(getattr(leaf, "codes", ()))
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
        for answer in _widest_answers(question, tested.get(question.id, set())):
            todo.append({**answers, question.id: answer})
    return [found[s] for s in found if not any(s < other for other in found)]


def _widest_answers(question: Question, tested: set[str]) -> list[Answer]:
    if question.kind != "multi":
        return list(question.codes)
    varied = [c for c in question.codes if c in tested]
    return [
        tuple(c for c in question.codes if c not in tested or c in ticked)
        for ticked in (
            {c for i, c in enumerate(varied) if mask >> i & 1} for mask in range(2 ** len(varied))
        )
    ]


def _leaves(flow: Flow) -> Iterator[Is | Includes | Answered]:
    """Every test on one question in the flow's conditions: rules and routes."""
    routes = [
        route
        for question in flow.questions.values()
        for route in (*question.next, *(r for o in question.options for r in o.next))
    ]
    conditions = [rule.when for rule in flow.rules] + [r.when for r in routes if r.when]
    for condition in conditions:
        yield from leaves(condition)
