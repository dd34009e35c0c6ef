"""The distinct situations a set of conditions can tell apart, on real paths of a flow.

A condition reads only the questions and codes it names (and whether a detail was
given). So instead of every path of a flow (millions for the main one), it is enough
to walk the flow with each question reduced to the codes that matter — those named by
the conditions at hand and by the flow's own routes, which decide the path, and any
code with a route of its own. A multiple choice takes every subset of those codes,
each alone and with all the other codes added (so an answer field sees an empty and a
full choice), codes that every test reads alike counting as one; a single choice takes
each of them and one of the rest, which the conditions cannot tell apart. Every real path agrees on every such condition with one
of these, which is why the checker and the tests can use them in place of the full walk.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from itertools import combinations as subsets_of

from ..flow.conditions import leaves
from ..flow.model import Answer, Condition, Flow, Includes, Is, Question
from ..interview import engine


def codes_named(conditions: Iterable[Condition | None]) -> dict[str, set[str]]:
    """Question id → the codes these conditions test (Is and Includes leaves)."""
    named: dict[str, set[str]] = {}
    for condition in conditions:
        if condition is None:
            continue
        for test in leaves(condition):
            codes = test.codes if isinstance(test, (Is, Includes)) else ()
            named.setdefault(test.question, set()).update(codes)
    return named


def route_codes(flow: Flow) -> dict[str, set[str]]:
    """The codes the flow's routes test: they decide which questions a path asks."""
    routes = [
        route.when
        for question in flow.questions.values()
        for route in (*question.next, *(r for o in question.options for r in o.next))
    ]
    return codes_named(routes)


def situations(
    flow: Flow,
    codes: Mapping[str, Collection[str]],
    details: Collection[str] = (),
    conditions: Iterable[Condition | None] = (),
) -> Iterator[tuple[dict[str, Answer], frozenset[str]]]:
    """Answers on real paths that differ on `codes`, each with every subset of `details`
    given: (answers, the detail ids given). With the `conditions` the codes come from, a
    multiple choice's codes that every condition (and route) tests alike are tried as one."""
    wanted = {qid: set(found) for qid, found in route_codes(flow).items()}
    for qid, found in codes.items():
        wanted.setdefault(qid, set()).update(found)
    alike = _alike([*conditions, *_route_conditions(flow)]) if conditions else {}
    detail_sets = [
        frozenset(chosen)
        for size in range(len(details) + 1)
        for chosen in subsets_of(sorted(details), size)
    ]
    todo: list[dict[str, Answer]] = [{}]
    while todo:
        answers = todo.pop()
        pending = engine.walk(flow, answers).pending
        if pending is None:
            for given in detail_sets:
                yield answers, given
            continue
        relevant = wanted.get(pending.id, set())
        for answer in _answers_to(pending, relevant, alike.get(pending.id, {})):
            todo.append({**answers, pending.id: answer})


def _route_conditions(flow: Flow) -> list[Condition | None]:
    return [
        route.when
        for question in flow.questions.values()
        for route in (*question.next, *(r for o in question.options for r in o.next))
    ]


def _alike(conditions: Iterable[Condition | None]) -> dict[str, dict[str, frozenset[object]]]:
    """Question id → code → the tests that read it: codes with the same tests are alike
    (an `includes_all` test tells every one of its codes apart)."""
    seen: dict[str, dict[str, set[object]]] = {}
    tests = [test for c in conditions if c is not None for test in leaves(c)]
    for number, test in enumerate(tests):
        if isinstance(test, Includes):
            for code in test.codes:
                mark = (number, code) if test.every else number
                seen.setdefault(test.question, {}).setdefault(code, set()).add(mark)
    return {qid: {c: frozenset(m) for c, m in codes.items()} for qid, codes in seen.items()}


def _answers_to(
    question: Question, relevant: set[str], alike: Mapping[str, frozenset[object]]
) -> list[Answer]:
    if question.kind != "multi":
        routed: list[Answer] = [o.code for o in question.options if o.code in relevant or o.next]
        rest = [c for c in question.codes if c not in routed]
        return routed + rest[:1]
    kinds: dict[object, str] = {}  # one code for each kind of code the tests tell apart
    for code in question.codes:
        if code in relevant:
            kinds.setdefault(alike.get(code, code), code)
    mattering = list(kinds.values())
    others = tuple(c for c in question.codes if c not in relevant)
    found: list[Answer] = []
    for mask in range(2 ** len(mattering)):
        part = {c for i, c in enumerate(mattering) if mask >> i & 1}
        variants = [part, part | set(others)] if others else [part]
        found += [tuple(c for c in question.codes if c in v) for v in variants]
    return found
