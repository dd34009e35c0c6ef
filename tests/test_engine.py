"""The engine: next question, routing, checklist order, validation. No terminal."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from overdue_guide.errors import AnswersError, FlowError, MissingAnswer
from overdue_guide.flow.model import Answer, Flow
from overdue_guide.interview import engine

from .helpers import small_flow

FLOW = """
flow: demo
title: {zh-CN: 演示, en: Demo}
start: first
questions:
  - id: first
    prompt: {zh-CN: 第一, en: First}
    items: [always]
    options:
      - {code: a, label: {zh-CN: 甲, en: A}, items: [later_item, urgent_item], next: second}
      - {code: b, label: {zh-CN: 乙, en: B}, items: [urgent_item]}
    next: third
  - id: second
    kind: multi
    prompt: {zh-CN: 第二, en: Second}
    options:
      - {code: x, label: {zh-CN: 叉, en: X}, items: [today_item]}
      - {code: y, label: {zh-CN: 歪, en: Y}}
    next:
      - {when: {question: second, includes: y}, goto: end}
      - {goto: third}
  - id: third
    kind: yes_no
    prompt: {zh-CN: 第三, en: Third}
    default: "no"
    next: end
rules:
  - when: {all: [{question: first, is: a}, {not: {question: second, includes: x}}]}
    items: [rule_item]
items:
  - {id: always, urgency: later, text: {zh-CN: 总是, en: Always}, detail: {zh-CN: 因为, en: Because}, sources: [{reference: R1}]}
  - {id: later_item, urgency: later, text: {zh-CN: 以后, en: Later}, detail: {zh-CN: 因为, en: Because}, sources: [{reference: R1}]}
  - {id: today_item, urgency: today, text: {zh-CN: 今天, en: Today}, detail: {zh-CN: 因为, en: Because}, sources: [{reference: R1}]}
  - {id: rule_item, urgency: this_week, text: {zh-CN: 规则, en: Rule}, detail: {zh-CN: 因为, en: Because}, sources: [{reference: R1}]}
  - {id: urgent_item, urgency: now, text: {zh-CN: 马上, en: Now}, detail: {zh-CN: 因为, en: Because}, sources: [{reference: R1}]}
"""


@pytest.fixture
def flow(tmp_path: Path) -> Flow:
    return small_flow(tmp_path, FLOW)[0]


def test_with_no_answers_the_first_question_is_the_start(flow: Flow) -> None:
    step = engine.walk(flow, {})
    assert step.pending is not None and step.pending.id == "first"
    assert step.path == ()


def test_an_option_with_its_own_next_overrides_the_question_next(flow: Flow) -> None:
    assert engine.walk(flow, {"first": "a"}).pending.id == "second"  # type: ignore[union-attr]
    assert engine.walk(flow, {"first": "b"}).pending.id == "third"  # type: ignore[union-attr]


def test_routes_are_tried_in_order_and_the_first_whose_condition_holds_wins(flow: Flow) -> None:
    assert engine.walk(flow, {"first": "a", "second": ("y",)}).finished
    assert engine.walk(flow, {"first": "a", "second": ("x",)}).pending.id == "third"  # type: ignore[union-attr]


def test_answers_off_the_path_are_dropped(flow: Flow) -> None:
    kept = engine.on_path(flow, {"first": "b", "second": ("x",), "third": "yes"})
    assert kept == {"first": "b", "third": "yes"}


def test_checklist_is_most_urgent_first_and_in_flow_order_within_an_urgency(flow: Flow) -> None:
    result = engine.checklist(flow, {"first": "a", "second": (), "third": "no"})
    assert [i.id for i in result.items] == ["urgent_item", "rule_item", "always", "later_item"]


def test_an_item_added_twice_appears_once(flow: Flow) -> None:
    result = engine.checklist(flow, {"first": "a", "second": ("x",), "third": "yes"})
    ids = [i.id for i in result.items]
    assert len(ids) == len(set(ids))


def test_a_rule_adds_items_only_when_its_condition_holds(flow: Flow) -> None:
    with_x = engine.checklist(flow, {"first": "a", "second": ("x",), "third": "yes"})
    assert "rule_item" not in [i.id for i in with_x.items]


def test_checklist_of_unfinished_answers_names_the_missing_question(flow: Flow) -> None:
    with pytest.raises(MissingAnswer, match="'first'"):
        engine.checklist(flow, {})


def test_complete_fills_a_question_with_its_default(flow: Flow) -> None:
    assert engine.complete(flow, {"first": "b"}) == {"first": "b", "third": "no"}


def test_complete_refuses_a_required_question_without_answer(flow: Flow) -> None:
    with pytest.raises(MissingAnswer) as caught:
        engine.complete(flow, {"first": "a"})
    assert str(caught.value) == "no answer for 'second': give a list of any of: x, y ([] for none)"
    assert (caught.value.key, caught.value.values) == (
        "missing_many",
        {"id": "second", "allowed": "x, y"},
    )


def test_validate_lists_the_allowed_codes_for_an_unknown_one(flow: Flow) -> None:
    with pytest.raises(AnswersError, match="allowed: a, b"):
        engine.validate(flow.questions["first"], "c")


def test_validate_refuses_a_list_for_a_single_choice(flow: Flow) -> None:
    with pytest.raises(AnswersError, match="takes one code"):
        engine.validate(flow.questions["first"], ["a"])


def test_validate_refuses_a_single_code_for_a_multiple_choice(flow: Flow) -> None:
    with pytest.raises(AnswersError, match="list of codes"):
        engine.validate(flow.questions["second"], "x")


@pytest.mark.parametrize(
    ("qid", "raw", "key", "values", "said"),
    [
        (
            "first",
            "c",
            "unknown_code",
            {"id": "first", "code": "c", "allowed": "a, b"},
            "'first': unknown code 'c'; allowed: a, b",
        ),
        (
            "first",
            ["a"],
            "takes_one_code",
            {"id": "first", "allowed": "a, b"},
            "'first' takes one code (one of: a, b)",
        ),
        (
            "second",
            "x",
            "takes_codes",
            {"id": "second", "allowed": "x, y"},
            "'second' takes a list of codes (any of: x, y; [] for none)",
        ),
    ],
)
def test_a_refused_answer_names_its_question_what_was_given_and_what_is_allowed(
    flow: Flow, qid: str, raw: object, key: str, values: dict[str, str], said: str
) -> None:
    with pytest.raises(AnswersError) as caught:
        engine.validate(flow.questions[qid], raw)
    assert (caught.value.key, caught.value.values, str(caught.value)) == (key, values, said)


#: Each question leads only to the next: what is reachable is found step after step.
CHAIN = """
flow: chain
title: {zh-CN: 链, en: Chain}
start: one
questions:
  - {id: one, kind: yes_no, prompt: {zh-CN: 一, en: One}, next: two}
  - {id: two, kind: yes_no, prompt: {zh-CN: 二, en: Two}, next: three}
  - {id: three, kind: yes_no, prompt: {zh-CN: 三, en: Three}, next: end}
items:
  - {id: it, urgency: later, text: {zh-CN: 项, en: Item}, detail: {zh-CN: 因为, en: Because}, sources: [{reference: R1}]}
"""


def test_reachable_follows_routes_beyond_the_first_step(tmp_path: Path) -> None:
    chain = small_flow(tmp_path, CHAIN)[0]
    assert engine.reachable(chain, "one") == {"two", "three"}


def test_validate_puts_multiple_choices_in_option_order_without_repeats(flow: Flow) -> None:
    assert engine.validate(flow.questions["second"], ["y", "x", "y"]) == ("x", "y")


#: A flow whose one rule reads a question that only one branch asks.
OFF_PATH_RULE = """
flow: demo
title: {zh-CN: 演示, en: Demo}
start: first
questions:
  - id: first
    prompt: {zh-CN: 第一, en: First}
    options:
      - {code: a, label: {zh-CN: 甲, en: A}, next: second}
      - {code: b, label: {zh-CN: 乙, en: B}, items: [always]}
    next: end
  - id: second
    prompt: {zh-CN: 第二, en: Second}
    options:
      - {code: x, label: {zh-CN: 叉, en: X}}
      - {code: y, label: {zh-CN: 歪, en: Y}, items: [always]}
    next: end
rules:
  - when: {question: second, is: x}
    items: [rule_item]
items:
  - {id: always, urgency: later, text: {zh-CN: 总是, en: Always}, detail: {zh-CN: 因为, en: Because}, sources: [{reference: R1}]}
  - {id: rule_item, urgency: this_week, text: {zh-CN: 规则, en: Rule}, detail: {zh-CN: 因为, en: Because}, sources: [{reference: R1}]}
"""


def test_the_library_call_lets_no_rule_read_an_answer_off_the_path(tmp_path: Path) -> None:
    flow = small_flow(tmp_path, OFF_PATH_RULE)[0]
    result = engine.checklist(flow, {"first": "b", "second": "x"})
    assert [i.id for i in result.items] == ["always"]
    assert result.answers == {"first": "b"}
    on_the_path = engine.checklist(flow, {"first": "a", "second": "x"})
    assert [i.id for i in on_the_path.items] == ["rule_item"]


def test_an_unknown_code_in_a_list_is_named_with_the_allowed_ones(flow: Flow) -> None:
    with pytest.raises(AnswersError) as caught:
        engine.validate(flow.questions["second"], ["x", "zz", "qq"])
    assert str(caught.value) == "'second': unknown code 'zz'; allowed: x, y"


def test_a_missing_multiple_choice_asks_for_a_list(flow: Flow) -> None:
    with pytest.raises(MissingAnswer) as caught:
        engine.checklist(flow, {"first": "a"})
    assert str(caught.value) == "no answer for 'second': give a list of any of: x, y ([] for none)"


def test_a_missing_single_choice_asks_for_one_code(flow: Flow) -> None:
    with pytest.raises(MissingAnswer) as caught:
        engine.checklist(flow, {})
    assert str(caught.value) == "no answer for 'first': give one of: a, b"
    with pytest.raises(MissingAnswer) as completing:
        engine.complete(flow, {})
    assert str(completing.value) == "no answer for 'first': give one of: a, b"


def test_a_chosen_option_of_a_multiple_choice_adds_its_items(flow: Flow) -> None:
    result = engine.checklist(flow, {"first": "a", "second": ("x",), "third": "no"})
    assert [i.id for i in result.items] == ["urgent_item", "today_item", "always", "later_item"]


def test_reachable_is_every_question_some_route_leads_to(flow: Flow) -> None:
    assert engine.reachable(flow, "first") == {"second", "third"}
    assert engine.reachable(flow, "second") == {"third"}
    assert engine.reachable(flow, "third") == set()
    assert engine.reachable(flow, "end") == set()


def test_a_changed_answer_drops_the_branch_it_leaves(flow: Flow) -> None:
    answers: dict[str, Answer] = {"first": "a", "second": ("x",), "third": "yes"}
    assert engine.revise(flow, answers, "first", "b") == {"first": "b", "third": "yes"}


def test_a_changed_answer_keeps_what_lies_beyond_a_newly_reached_question(flow: Flow) -> None:
    answers = {"first": "b", "third": "yes"}
    assert engine.revise(flow, answers, "first", "a") == {"first": "a", "third": "yes"}


def test_a_route_to_no_question_is_a_located_flow_error(flow: Flow) -> None:
    with pytest.raises(FlowError) as caught:
        engine.walk(replace(flow, start="nowhere"), {})
    (finding,) = caught.value.findings
    assert (
        str(finding) == f"{flow.path}:{flow.loc.line}:1: error unknown-target no question 'nowhere'"
    )


def test_a_route_back_to_a_question_on_the_path_is_a_located_cycle(flow: Flow) -> None:
    third = flow.questions["third"]
    looped = replace(third, next=(replace(third.next[0], goto="first"),))
    with pytest.raises(FlowError) as caught:
        engine.walk(replace(flow, questions={**flow.questions, "third": looped}), CYCLE)
    (finding,) = caught.value.findings
    where = f"{flow.path}:{flow.questions['first'].loc.line}:{flow.questions['first'].loc.col}"
    assert str(finding) == f"{where}: error cycle 'first' is reached twice"


CYCLE = {"first": "b", "third": "no"}
