"""Every path of a flow, reduced to what one advice rule can see.

A rule (tests/rules.py) says: when its condition holds, some items are on the checklist
(`needs`, `needs_one`) and others are not (`never`, `not_together`). Its verdict on a path
depends on two things only: the answers its condition names, and whether each item it
names is on the checklist. An item is on the checklist when a question that lists it is
asked, an option that lists it is chosen, or a flow rule that lists it holds. So a rule
sees only:

- which questions are asked, decided by the flow's routes (the codes they test, and the
  options with a route of their own);
- the codes its own condition names, and those named by the conditions of flow rules
  that add one of its items (`tested`);
- the codes whose options add one of its items: on a single choice they are tested too;
  on a multiple choice (`adders`) they only ever add items, since no condition the rule
  sees reads them.

Any other code changes nothing the rule sees. `sightings` therefore walks the flow with
each single choice reduced to its tested and routed codes plus one stand-in for the rest,
and each multiple choice to every subset of its tested codes, with no adder ticked
(`fewest`) and with every adder ticked (`most`). Between those two, a path's items can only
grow. What a rule needs holds on every path if it holds with the fewest items; what it
forbids, if it is absent with the most. That covers every path of the flow in a few
thousand checklists per rule, where the full walk has billions.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from itertools import combinations

from overdue_guide.drafts.paths import codes_named, route_codes
from overdue_guide.flow.conditions import evaluate
from overdue_guide.flow.model import Answer, Condition, Flow, Question
from overdue_guide.interview import engine


@dataclass(frozen=True)
class Rule:
    """When `when` holds (always, without one): each item of `needs` is on the checklist
    (at the urgency given), at least one of `needs_one`, none of `never`, and never all of
    one set of `not_together`."""

    says: str
    when: Condition | None = None
    needs: Mapping[str, str] = field(default_factory=dict)
    needs_one: frozenset[str] = frozenset()
    never: frozenset[str] = frozenset()
    not_together: tuple[frozenset[str], ...] = ()

    @property
    def items(self) -> frozenset[str]:
        """Every item the rule looks at."""
        return frozenset(
            {*self.needs, *self.needs_one, *self.never, *(i for s in self.not_together for i in s)}
        )

    def met_by_fewest(self, items: frozenset[str]) -> bool:
        """What the rule needs, checked on the path with the fewest items."""
        return set(self.needs) <= items and (not self.needs_one or bool(self.needs_one & items))

    def met_by_most(self, items: frozenset[str]) -> bool:
        """What the rule forbids, checked on the path with the most items."""
        return self.never.isdisjoint(items) and not any(s <= items for s in self.not_together)


def sight(flow: Flow, rule: Rule) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """The codes the rule sees: (tested, adders), by question id."""
    tested = {qid: set(codes) for qid, codes in route_codes(flow).items()}
    conditions = [rule.when, *(r.when for r in flow.rules if rule.items & set(r.items))]
    for qid, codes in codes_named(conditions).items():
        tested.setdefault(qid, set()).update(codes)
    adders: dict[str, set[str]] = {}
    for question in flow.questions.values():
        for option in question.options:
            if rule.items.isdisjoint(option.items):
                continue
            into = adders if question.kind == "multi" else tested
            into.setdefault(question.id, set()).add(option.code)
    for qid, codes in adders.items():
        codes -= tested.get(qid, set())
    return tested, adders


Answers = dict[str, Answer]


def sightings(
    flow: Flow, tested: Mapping[str, set[str]], adders: Mapping[str, set[str]]
) -> Iterator[tuple[Answers, Answers]]:
    """Complete paths that differ on the tested codes: (with no adder, with every adder)."""
    todo: list[tuple[Answers, Answers]] = [({}, {})]
    while todo:
        fewest, most = todo.pop()
        pending = engine.walk(flow, fewest).pending
        if pending is None:
            yield fewest, most
            continue
        wanted, adding = tested.get(pending.id, set()), adders.get(pending.id, set())
        for few, many in _choices(pending, wanted, adding):
            todo.append(({**fewest, pending.id: few}, {**most, pending.id: many}))


def _choices(question: Question, tested: set[str], adders: set[str]) -> list[tuple[Answer, Answer]]:
    if question.kind != "multi":
        seen = [o.code for o in question.options if o.code in tested or o.next]
        rest = [c for c in question.codes if c not in seen]
        return [(c, c) for c in seen + rest[:1]]
    varied = [c for c in question.codes if c in tested]
    found: list[tuple[Answer, Answer]] = []
    for size in range(len(varied) + 1):
        for ticked in combinations(varied, size):
            few = tuple(c for c in question.codes if c in ticked)
            many = tuple(c for c in question.codes if c in ticked or c in adders)
            found.append((few, many))
    return found


@dataclass
class Verdict:
    """One rule's walk: the paths it looked at, and up to three that broke it."""

    paths: int = 0
    broken: list[dict[str, object]] = field(default_factory=list)


class Checker:
    """Rules checked on the main flow, each checklist computed once for all of them."""

    def __init__(self, flow: Flow) -> None:
        self.flow = flow
        self._seen: dict[tuple[tuple[str, Answer], ...], frozenset[str]] = {}

    def items(self, answers: Answers) -> frozenset[str]:
        key = tuple(sorted(answers.items()))
        if key not in self._seen:
            checklist = engine.checklist(self.flow, answers)
            self._seen[key] = frozenset(i.id for i in checklist.items)
        return self._seen[key]

    def check(self, rule: Rule) -> Verdict:
        """The rule on every path, through `sightings` (see the module's docstring)."""
        verdict = Verdict()
        for fewest, most in sightings(self.flow, *sight(self.flow, rule)):
            verdict.paths += 1
            if rule.when is not None and not evaluate(rule.when, fewest):
                continue
            for answers, met in ((fewest, rule.met_by_fewest), (most, rule.met_by_most)):
                if not met(self.items(answers)) and len(verdict.broken) < 3:
                    verdict.broken.append(
                        {"answers": answers, "items": sorted(self.items(answers))}
                    )
        return verdict


def count_paths(flow: Flow) -> int:
    """How many complete paths the flow has, counted without walking each one: the flow
    is walked on the codes its routes test, each answer standing for those like it."""
    routed = route_codes(flow)
    total = 0
    todo: list[tuple[Answers, int]] = [({}, 1)]
    while todo:
        answers, weight = todo.pop()
        pending = engine.walk(flow, answers).pending
        if pending is None:
            total += weight
            continue
        for answer, alike in _classes(pending, routed.get(pending.id, set())):
            todo.append(({**answers, pending.id: answer}, weight * alike))
    return total


def _classes(question: Question, routed: set[str]) -> list[tuple[Answer, int]]:
    if question.kind != "multi":
        seen = [o.code for o in question.options if o.code in routed or o.next]
        rest = [c for c in question.codes if c not in seen]
        return [(c, 1) for c in seen] + ([(rest[0], len(rest))] if rest else [])
    varied = [c for c in question.codes if c in routed]
    others = 2 ** (len(question.codes) - len(varied))
    return [
        (tuple(c for c in question.codes if c in ticked), others)
        for size in range(len(varied) + 1)
        for ticked in combinations(varied, size)
    ]
