"""Helpers for tests: small flows written inside a test, the installed console script."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

from overdue_guide import bundle, engine
from overdue_guide.model import END, Answer, Catalog, Flow, Question

#: The installed console script, beside the interpreter running the tests.
SCRIPT = Path(sys.executable).with_name("overdue-guide")

#: The source documents, when the checkout sits beside shared/ (CI and developers).
SEEDS = Path(
    os.environ.get("OVERDUE_GUIDE_DOCUMENTS")
    or Path(__file__).resolve().parents[2] / "shared" / "seeds"
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
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the installed console script with no terminal, as a script would."""
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
