"""Every way through every shipped flow ends in a checklist: random walks with back
steps; and how many paths the main flow has, which the advice rules cover."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from overdue_guide.flow import bundle
from overdue_guide.flow.model import Flow
from overdue_guide.interview import engine
from overdue_guide.interview import loop as interview
from overdue_guide.interview.loop import Nav, Prompt

from .helpers import all_paths, small_flow
from .reduction import count_paths
from .test_advice_rules import SMALL

FLOWS = {name: bundle.open_flow(name).flow for name in bundle.shipped_names()}


@settings(max_examples=2000, deadline=None)
@given(st.sampled_from(sorted(FLOWS)), st.data())
def test_random_answers_with_back_steps_always_end_in_a_checklist(
    name: str, data: st.DataObject
) -> None:
    flow = FLOWS[name]
    steps = 0

    def ask(prompt: Prompt) -> object:
        nonlocal steps
        steps += 1
        question = prompt.question
        if prompt.can_go_back and steps < 40 and data.draw(st.integers(0, 4)) == 0:
            return Nav.BACK
        if question.kind == "multi":
            return data.draw(st.lists(st.sampled_from(question.codes), unique=True))
        return data.draw(st.sampled_from(question.codes))

    answers = interview.run(flow, ask)
    assert engine.walk(flow, answers).finished
    assert engine.checklist(flow, answers).items


def test_the_paths_of_a_flow_are_counted_as_walking_them_would(tmp_path: Path) -> None:
    flow, _ = small_flow(tmp_path, SMALL)
    assert count_paths(flow) == len(list(all_paths(flow))) == 24


def test_the_main_flow_has_billions_of_paths_which_the_rules_cover(main_flow: Flow) -> None:
    """README, "How the rules cover every path": far too many to walk one by one."""
    assert count_paths(main_flow) == 4_475_584_512
