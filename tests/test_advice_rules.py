"""Each rule of the advice (tests/rules.py), held on every path of the main flow.

The paths are walked through `reduction.sightings`, which covers every path with the
few that one rule can tell apart (README, "How the rules cover every path"); random
complete paths check the same rules directly, as an independent witness.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from overdue_guide.base import places
from overdue_guide.flow.conditions import evaluate, leaves
from overdue_guide.flow.loader import parse_flow
from overdue_guide.flow.model import Answer, Flow
from overdue_guide.interview import engine

from .helpers import random_path, small_flow
from .reduction import Checker, Rule, sight, sightings
from .rules import AT_THE_DOOR, HOME_DOOR_WORDS, PAYING_WORDS, has, is_, rules, saying

SHIPPED = parse_flow(places.shipped_dir() / "main.yaml")[0]
assert SHIPPED is not None
RULES = rules(SHIPPED)


@pytest.fixture(scope="session")
def checker(main_flow: Flow) -> Checker:
    return Checker(main_flow)


@pytest.mark.parametrize("name", sorted(RULES))
def test_the_rule_holds_on_every_path(checker: Checker, name: str) -> None:
    verdict = checker.check(RULES[name])
    assert verdict.broken == [], RULES[name].says


@pytest.mark.parametrize("name", sorted(RULES))
def test_the_rule_applies_on_some_path(main_flow: Flow, name: str) -> None:
    """A rule whose condition holds nowhere would pass without saying anything."""
    rule = RULES[name]
    found = sightings(main_flow, *sight(main_flow, rule))
    assert rule.when is None or any(evaluate(rule.when, fewest) for fewest, _ in found)


def test_every_rule_names_questions_codes_and_items_of_the_flow(main_flow: Flow) -> None:
    for name, rule in RULES.items():
        assert rule.items <= set(main_flow.items), name
        for leaf in leaves(rule.when) if rule.when is not None else ():
            question = main_flow.questions[leaf.question]
            assert set(getattr(leaf, "codes", ())) <= set(question.codes), name


def test_every_rule_gives_the_urgency_the_flow_gives(main_flow: Flow) -> None:
    for name, rule in RULES.items():
        for item, urgency in rule.needs.items():
            assert main_flow.items[item].urgency == urgency, (name, item)


def test_the_110_items_come_first_and_money_paid_to_a_person_right_after(main_flow: Flow) -> None:
    """With the rules above (never both 110 items; each where it belongs) this puts 110
    first on every path that has it, and the money item in the first two."""
    order = list(main_flow.items)
    assert order[:3] == ["safety_110", "safety_110_work", "paid_report"]
    assert {main_flow.items[i].urgency for i in order[:3]} == {"now"}


def test_the_fee_check_comes_before_paying_in_full(main_flow: Flow) -> None:
    order = list(main_flow.items)
    assert main_flow.items["fee_cap"].urgency == main_flow.items["pay_in_full"].urgency
    assert order.index("fee_cap") < order.index("pay_in_full")


def test_every_path_has_an_item(main_flow: Flow) -> None:
    assert main_flow.questions[main_flow.start].items


def test_the_longest_checklist_is_under_thirty_items(
    main_flow: Flow, widest: list[dict[str, Answer]]
) -> None:
    assert max(len(engine.checklist(main_flow, a).items) for a in widest) <= 30


def test_the_sets_read_from_the_words_find_the_items_that_say_them(main_flow: Flow) -> None:
    door = saying(main_flow, HOME_DOOR_WORDS)
    assert {"safety_110", "door_closed", "check_credentials", "know_visit_rules"} <= door
    assert "visit_today_home" in door and "workplace_now" not in door
    paying = saying(main_flow, PAYING_WORDS)
    assert {"ask_installments", "make_a_plan", "pay_in_full"} <= paying
    assert AT_THE_DOOR & door == {"safety_110", "door_closed", "check_credentials"}


def test_random_complete_paths_keep_every_rule(main_flow: Flow) -> None:
    """An independent witness of the reduction: whole paths, every rule read directly."""
    chooser = random.Random(23)
    for _ in range(400):
        answers = random_path(main_flow, chooser)
        items = frozenset(i.id for i in engine.checklist(main_flow, answers).items)
        for name, rule in RULES.items():
            if rule.when is None or evaluate(rule.when, answers):
                assert rule.met_by_fewest(items) and rule.met_by_most(items), (name, answers)


# --- the reduction itself, on small flows with a known answer ---------------------------------

SMALL = """
format: 1
flow: small
title: {zh-CN: 小, en: Small}
start: who
questions:
  - id: who
    options:
      - {code: a, label: {zh-CN: 甲, en: A}}
      - {code: b, label: {zh-CN: 乙, en: B}, items: [y]}
      - {code: c, label: {zh-CN: 丙, en: C}}
    prompt: {zh-CN: 谁, en: Who}
    next: acts
  - id: acts
    kind: multi
    prompt: {zh-CN: 做了什么, en: Acts}
    options:
      - {code: p, label: {zh-CN: 一, en: P}, items: [x]}
      - {code: q, label: {zh-CN: 二, en: Q}}
      - {code: r, label: {zh-CN: 三, en: R}, items: [z]}
    next: end
rules:
  - when: {all: [{question: who, is: c}, {question: acts, includes_all: [q, r]}]}
    items: [w]
items:
  - {id: w, urgency: today, text: {zh-CN: 五, en: W}, detail: {zh-CN: 五, en: W}, sources: [{reference: R1}]}
  - {id: x, urgency: today, text: {zh-CN: 六, en: X}, detail: {zh-CN: 六, en: X}, sources: [{reference: R1}]}
  - {id: y, urgency: today, text: {zh-CN: 七, en: Y}, detail: {zh-CN: 七, en: Y}, sources: [{reference: R1}]}
  - {id: z, urgency: today, text: {zh-CN: 八, en: Z}, detail: {zh-CN: 八, en: Z}, sources: [{reference: R1}]}
"""


def _broken(flow: Flow, rule: Rule) -> list[dict[str, object]]:
    return Checker(flow).check(rule).broken


def test_the_reduction_finds_an_item_that_takes_two_ticks_and_one_choice(tmp_path: Path) -> None:
    flow, _ = small_flow(tmp_path, SMALL)
    broken = _broken(flow, Rule("never w", never=frozenset({"w"})))
    assert broken and broken[0]["answers"] == {"who": "c", "acts": ("q", "r")}


def test_the_reduction_finds_an_item_missing_when_an_adder_is_not_ticked(tmp_path: Path) -> None:
    flow, _ = small_flow(tmp_path, SMALL)
    broken = _broken(flow, Rule("a needs x", is_("who", "a"), {"x": "today"}))
    assert broken and broken[0]["answers"] == {"who": "a", "acts": ()}


def test_the_reduction_finds_an_item_present_when_every_adder_is_ticked(tmp_path: Path) -> None:
    flow, _ = small_flow(tmp_path, SMALL)
    broken = _broken(flow, Rule("never z with q", has("acts", "q"), never=frozenset({"z"})))
    assert broken and broken[0]["answers"] == {"who": "a", "acts": ("q", "r")}


def test_the_reduction_holds_what_holds_on_every_path_of_a_small_flow(tmp_path: Path) -> None:
    flow, _ = small_flow(tmp_path, SMALL)
    assert _broken(flow, Rule("b needs y", is_("who", "b"), {"y": "today"})) == []
    assert _broken(flow, Rule("not c: no w", is_("who", "a", "b"), never=frozenset({"w"}))) == []


def test_a_single_choice_no_condition_reads_is_walked_once(tmp_path: Path) -> None:
    flow, _ = small_flow(tmp_path, SMALL)
    seen = {f["who"] for f, _ in sightings(flow, *sight(flow, Rule("x", needs={"x": "today"})))}
    assert seen == {"a"}
