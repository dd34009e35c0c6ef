"""The page's engine and letters, run in Node with no browser, give the Python side's
results (`enginecases.py` says which): the contract and the checklist view on random paths,
paths with answers off them and the widest paths, in every language; walks cut short, a
changed answer, every raw answer read back from storage; the letters filled with typed
details, the details they ask for, the monthly plan's verdict and typed amounts; and
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

from overdue_guide.base import i18n, places
from overdue_guide.drafts.model import DraftSet
from overdue_guide.flow.conditions import evaluate
from overdue_guide.flow.model import Answer, Catalog, Flow
from overdue_guide.web.build import page_data
from overdue_guide.web.pack import pack

from .enginecases import CONDITIONS, GIVEN, HARNESS, Expected, engine_cases
from .helpers import CALM_PATH


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


def test_the_page_s_engine_and_letters_give_the_python_side_s_results(
    main_flow: Flow,
    catalog: Catalog,
    drafts: DraftSet,
    widest: list[dict[str, Answer]],
    tmp_path: Path,
) -> None:
    cases = engine_cases(main_flow, catalog, drafts, widest)
    assert {c["lang"] for c in cases["paths"]} == {"zh-CN", "zh-TW", "en"}
    assert sum("taken" in c for c in cases["paths"]) >= 150  # answers off the path
    assert sum(c["pending"] is not None for c in cases["partial"]) >= 50  # cut short
    done = run_harness(cases, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"the page agrees with the Python side on {results(cases)} results\n"


def test_the_harness_fails_on_one_difference_and_says_where(
    main_flow: Flow, catalog: Catalog, tmp_path: Path
) -> None:
    expected = Expected(main_flow, catalog)
    right = expected.case(dict(CALM_PATH), "en")
    wrong = {**expected.case(dict(CALM_PATH), "zh-CN"), "items": right["items"][::-1]}
    shipped = places.shipped_dir() / "main.yaml"
    packed = pack(page_data(main_flow, catalog, shipped), i18n.LANGS)
    cases = {"packed": packed, "expected": expected.tables, "paths": [right, wrong]}
    done = run_harness(cases, tmp_path)
    assert done.returncode == 1
    assert done.stderr.startswith("2 differ; first: contract zh-CN ")
    assert "\nat /checklist/0/id\n" in done.stderr


def test_the_hand_made_conditions_hold_as_the_python_evaluator_says() -> None:
    found = [True if c is None else evaluate(c, GIVEN) for c, _ in CONDITIONS]
    assert found == [holds for _, holds in CONDITIONS]


def results(cases: dict[str, Any]) -> int:
    """How many results the harness compares: two for a path (its contract and its view),
    three for answers cut short (the walk, on the path, applicable), five for a path's
    letters (filled, and the details asked four ways), one for every other case."""
    flows = sum(len(f["walk"]) + len(f["checklist"]) for f in cases["flows"])
    letters = len(cases["drafts"]) + len(cases["hand_drafts"]["cases"])
    weighed = 2 * len(cases["paths"]) + 3 * len(cases["partial"]) + 5 * letters
    ones = ("revise", "validate", "reports", "conditions", "verdicts", "amounts")
    return weighed + flows + sum(len(cases[k]) for k in ones)
