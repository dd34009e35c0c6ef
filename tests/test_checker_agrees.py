"""Whenever `flows check` is clean, the engine walks the flow exactly as it is written, and
every step it takes is an edge of the graph that `flows graph` draws."""

from __future__ import annotations

import itertools
import json
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from overdue_guide.flow import bundle, graph
from overdue_guide.flow.model import Answer, Flow
from overdue_guide.interview import engine

from .helpers import SMALL_SOURCES, all_paths

IDS = ["q0", "q1", "q2", "q3"]
Written = dict[str, Any]


def _strategies(
    at: int, count: int
) -> tuple[st.SearchStrategy[Written], st.SearchStrategy[Written | str | None]]:
    """Conditions and `next` values for question number `at` of `count`: mostly on questions
    asked before it and towards later ones (so that many flows are clean), sometimes anything."""
    asked = st.sampled_from(IDS[: at + 1]) | st.sampled_from(IDS)
    onward = st.sampled_from([*IDS[at + 1 : count], "end"]) | st.sampled_from([*IDS, "end"])
    codes = st.lists(st.sampled_from(["a", "b"]), max_size=2, unique=True) | st.lists(
        st.sampled_from(["yes", "no"]), max_size=2, unique=True
    )
    leaf = st.one_of(
        st.builds(lambda q, c: {"question": q, "is": c}, asked, codes),
        st.builds(lambda q, c: {"question": q, "includes": c}, asked, codes),
        st.builds(lambda q, c: {"question": q, "includes_all": c}, asked, codes),
        st.builds(lambda q: {"answered": q}, asked),
    )
    condition = st.recursive(
        leaf,
        lambda inner: st.one_of(
            st.builds(lambda c: {"not": c}, inner),
            st.builds(lambda cs: {"all": cs}, st.lists(inner, min_size=1, max_size=2)),
            st.builds(lambda cs: {"any": cs}, st.lists(inner, min_size=1, max_size=2)),
        ),
        max_leaves=3,
    )
    route = st.builds(
        lambda goto, when: {"goto": goto} if when is None else {"goto": goto, "when": when},
        onward,
        st.none() | condition,
    )
    fallback = st.builds(lambda goto: [{"goto": goto}], onward)
    routes = st.builds(lambda a, b: a + b, st.lists(route, min_size=1, max_size=2), fallback)
    return routes | st.lists(route, min_size=1, max_size=3), st.none() | onward


def _label(code: str) -> dict[str, str]:
    return {"zh-CN": f"选{code}", "en": f"Pick {code}"}


@st.composite
def _question(draw: st.DrawFn, at: int, qid: str, count: int) -> Written:
    routes_of, target = _strategies(at, count)
    kind = draw(st.sampled_from(["single", "yes_no", "multi"]))
    question: Written = {"id": qid, "kind": kind, "prompt": _label(qid), "items": ["i1"]}
    if kind != "yes_no":
        codes = draw(st.sampled_from([["a", "b"], ["a", "b", "c"]]))
        options: list[Written] = [{"code": c, "label": _label(c)} for c in codes]
        if kind == "single":
            for option in options:
                routes = draw(st.none() | routes_of)
                if routes is not None:
                    option["next"] = routes
        question["options"] = options
    routes = draw(target | routes_of)
    if routes is not None:
        question["next"] = routes
    return question


@st.composite
def written_flows(draw: st.DrawFn) -> Written:
    count = draw(st.integers(1, len(IDS)))
    ids = list(IDS[:count])
    if draw(st.integers(0, 19)) == 0:
        ids[-1] = "end"
    return {
        "flow": "generated",
        "title": _label("title"),
        "start": "end" if draw(st.integers(0, 19)) == 0 else ids[0],
        "questions": [draw(_question(at, qid, count)) for at, qid in enumerate(ids)],
        "items": [
            {
                "id": "i1",
                "urgency": "now",
                "text": _label("do"),
                "detail": _label("why"),
                "sources": [{"reference": "R1"}],
            }
        ],
    }


def load(written: Written) -> tuple[Flow | None, int]:
    """The flow as the program loads it, and how many findings `flows check` gives."""
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "sources.yaml").write_text(SMALL_SOURCES, encoding="utf-8")
        path = Path(folder) / "flow.yaml"
        path.write_text(json.dumps(written, ensure_ascii=False), encoding="utf-8")
        flow, _, findings = bundle.load(path)
    return flow, len(findings)


def holds(condition: Written, answers: Mapping[str, Answer]) -> bool:
    """The written condition, read as docs/flow-format.md describes it."""
    if "not" in condition:
        return not holds(condition["not"], answers)
    if "all" in condition:
        return all(holds(term, answers) for term in condition["all"])
    if "any" in condition:
        return any(holds(term, answers) for term in condition["any"])
    if "answered" in condition:
        return condition["answered"] in answers
    answer = answers.get(condition["question"])
    if "is" in condition:
        return isinstance(answer, str) and answer in condition["is"]
    if not isinstance(answer, tuple):
        return False
    if "includes" in condition:
        return any(code in answer for code in condition["includes"])
    return all(code in answer for code in condition["includes_all"])


def written_path(written: Written, answers: Mapping[str, Answer]) -> list[str]:
    """The questions the written flow asks for `answers`, ending with 'end'."""
    questions = {q["id"]: q for q in written["questions"]}
    path, current = [], written["start"]
    while current != "end" and current not in path:
        path.append(current)
        question = questions[current]
        answer = answers[current]
        chosen = next((o for o in question.get("options", []) if o["code"] == answer), {})
        routes = chosen.get("next") or question.get("next") or []
        if isinstance(routes, str):
            routes = [{"goto": routes}]
        current = next(
            (r["goto"] for r in routes if "when" not in r or holds(r["when"], answers)), "end"
        )
    return [*path, current]


def graph_steps(flow: Flow) -> set[tuple[str, str]]:
    return {(e.source, e.target) for e in graph._edges(flow, "en") if not e.dotted}


def node(qid: str) -> str:
    return "done" if qid == "end" else f"q_{qid}"


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(written_flows())
def test_a_clean_flow_is_walked_as_written_along_edges_of_its_graph(written: Written) -> None:
    flow, findings = load(written)
    assume(findings == 0 and flow is not None)  # Hypothesis fails if no flow is ever clean
    assert flow is not None
    steps = graph_steps(flow)
    for answers in all_paths(flow):
        walked = [*engine.walk(flow, answers).path, "end"]
        assert walked == written_path(written, answers), answers
        for source, target in itertools.pairwise(walked):
            assert (node(source), node(target)) in steps, (source, target)
