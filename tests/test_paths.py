"""Every way through every shipped flow ends in a checklist: random walks with back
steps, and for the main flow every single path."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from overdue_guide.flow import bundle
from overdue_guide.interview import engine
from overdue_guide.interview import loop as interview
from overdue_guide.interview.loop import Nav, Prompt

from .rules import Verdicts

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


def test_every_path_of_the_main_flow_ends_in_a_short_ordered_checklist(
    every_path: Verdicts,
) -> None:
    assert every_path.paths == 2_027_520
    assert every_path.broken["ordered_short_and_safety_first"] == []
