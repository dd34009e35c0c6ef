"""The page's engine, run in Node with no browser, gives the Python engine's results: the
contract and the checklist view on 200 random paths and 100 paths with answers off them in
every language, and on every widest path in one language in turn; the walk, the answers on the path and those that still
count on answers cut short; a changed answer; every raw answer read back from storage; and
hand-made conditions and small flows, their results written out. Fast enough to run once per
mutant under StrykerJS (`mutation/README.md`)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from overdue_guide.flow.conditions import evaluate
from overdue_guide.flow.model import Answer, Catalog, Flow

from .enginecases import CONDITIONS, GIVEN, HARNESS, engine_cases


def node() -> str:
    """Node, which runs the harness; skipped without it (except on CI, which must have it)."""
    found = shutil.which("node")
    if found is None:
        assert not os.environ.get("CI"), "CI must install Node (.ci/run)"
        pytest.skip("no `node` on PATH: the page's engine is run by tests/web_engine_node.mjs")
    return found


def run_harness(cases: dict[str, Any], folder: Path) -> subprocess.CompletedProcess[str]:
    path = folder / "cases.json"
    path.write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    return subprocess.run(
        [node(), str(HARNESS), str(path)], capture_output=True, text=True, timeout=60
    )


@pytest.fixture(scope="module")
def cases(main_flow: Flow, catalog: Catalog, widest: list[dict[str, Answer]]) -> dict[str, Any]:
    found: dict[str, Any] = engine_cases(main_flow, catalog, widest)
    return found


def test_the_page_s_engine_gives_the_python_engine_s_results(
    cases: dict[str, Any], tmp_path: Path
) -> None:
    done = run_harness(cases, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"the page's engine agrees on {count(cases)} cases\n"


def test_the_harness_fails_on_one_difference_and_says_where(
    cases: dict[str, Any], tmp_path: Path
) -> None:
    first, second = cases["paths"][:2]
    changed = {**cases, "paths": [second, {**first, "items": first["items"][::-1]}]}
    rest = {"partial": [], "revise": [], "validate": [], "reports": []}
    done = run_harness({**changed, **rest}, tmp_path)
    assert done.returncode == 1
    assert done.stderr.startswith("2 differ; first: contract zh-CN ")
    assert "\nat /checklist/0/id\n" in done.stderr


def test_the_hand_made_conditions_hold_as_the_python_evaluator_says() -> None:
    found = [True if c is None else evaluate(c, GIVEN) for c, _ in CONDITIONS]
    assert found == [holds for _, holds in CONDITIONS]


def test_the_cases_cover_every_language_and_answers_off_the_path(cases: dict[str, Any]) -> None:
    assert {c["lang"] for c in cases["paths"]} == {"zh-CN", "zh-TW", "en"}
    assert sum("taken" in c for c in cases["paths"]) >= 150
    assert sum(c["pending"] is not None for c in cases["partial"]) >= 50


def count(cases: dict[str, Any]) -> int:
    sections = ("paths", "partial", "revise", "validate", "reports", "conditions", "flows")
    return sum(len(cases[k]) for k in sections)
