"""Static checks of a loaded flow: every finding a flow author should fix.

The interview refuses a flow with errors, so nobody in trouble meets a dead end;
`overdue-guide flows check` prints the same findings for authors.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from ..base.files import inside, plain_name
from ..base.yamlsafe import YamlProblem, read_text
from ..errors import Finding
from .conditions import leaves
from .model import END, Catalog, Condition, Flow, Includes, Is, Loc, Question, Route

#: An item's zh-CN text longer than this is a warning: the checklist stays scannable.
MAX_TEXT_CHARS = 30
MIN_QUOTE_CHARS = 6


def _at(loc: Loc, severity: str, code: str, message: str) -> Finding:
    return Finding(loc.file, loc.line, loc.col, severity, code, message)


def check(flow: Flow, catalog: Catalog, documents: Path | None = None) -> list[Finding]:
    """All findings for `flow`, in file order; `documents` is the folder of source articles."""
    findings = [
        *_structure(flow),
        *_conditions(flow),
        *_reachability(flow),
        *_sources(flow, catalog, documents),
        *_wording(flow),
    ]
    return sorted(findings, key=lambda f: (f.file, f.line, f.col, f.code))


def _routes(question: Question) -> Iterator[Route]:
    yield from question.next
    for option in question.options:
        yield from option.next


def _structure(flow: Flow) -> Iterator[Finding]:
    known = {*flow.questions, *flow.broken, END}
    if flow.start not in flow.questions and flow.start not in flow.broken:
        yield _at(flow.loc, "error", "unknown-target", f"'start' names no question: '{flow.start}'")
    for question in flow.questions.values():
        for route in _routes(question):
            if route.goto not in known:
                yield _at(
                    route.loc,
                    "error",
                    "unknown-target",
                    f"'{route.goto}' is not a question (nor 'end')",
                )
        for option in question.options:
            if question.kind == "multi" and option.next:
                yield _at(
                    option.loc,
                    "error",
                    "bad-route",
                    "an option of a multiple choice cannot have its own 'next'",
                )
        for routes in (question.next, *(option.next for option in question.options)):
            if routes and routes[-1].when is not None:
                yield _at(
                    routes[-1].loc,
                    "warning",
                    "no-fallback",
                    "the last route has a condition: add one without 'when'",
                )
    for loc, items in _item_refs(flow):
        for item_id in items:
            if item_id not in flow.items and item_id not in flow.broken:
                yield _at(loc, "error", "unknown-item", f"no item '{item_id}'")


def _item_refs(flow: Flow) -> Iterator[tuple[Loc, tuple[str, ...]]]:
    """Every place that adds items to a checklist: questions, options, rules."""
    for question in flow.questions.values():
        yield question.loc, question.items
        for option in question.options:
            yield option.loc, option.items
    for rule in flow.rules:
        yield rule.loc, rule.items


def _all_conditions(flow: Flow) -> Iterator[tuple[Condition, Question | None]]:
    """Each condition with the question whose routing evaluates it (None: at the end)."""
    for question in flow.questions.values():
        for route in _routes(question):
            if route.when is not None:
                yield route.when, question
    for rule in flow.rules:
        yield rule.when, None


def _conditions(flow: Flow) -> Iterator[Finding]:
    dominators = _Dominators(flow)
    for condition, at in _all_conditions(flow):
        for test in leaves(condition):
            question = flow.questions.get(test.question)
            if question is None and test.question in flow.broken:
                continue
            if question is None:
                yield _at(
                    test.loc,
                    "error",
                    "unknown-question",
                    f"condition names no question '{test.question}'",
                )
                continue
            if isinstance(test, (Is, Includes)):
                yield from findings_of_test(test, question)
            if (
                at is not None
                and test.question != at.id
                and not dominators.before(test.question, at.id)
            ):
                yield _at(
                    test.loc,
                    "error",
                    "condition-order",
                    f"'{test.question}' is not always asked before '{at.id}', where this condition is evaluated",
                )


def findings_of_test(test: Is | Includes, question: Question) -> Iterator[Finding]:
    """What is wrong with one test on `question` (the wrong kind of test, a code it does not
    have); shared with the drafts checker, whose conditions test the same questions."""
    multi = question.kind == "multi"
    if isinstance(test, Is) and multi:
        yield _at(
            test.loc, "error", "wrong-test", f"'{question.id}' is a multiple choice: use 'includes'"
        )
    if isinstance(test, Includes) and not multi:
        yield _at(test.loc, "error", "wrong-test", f"'{question.id}' takes one answer: use 'is'")
    for code in test.codes:
        if code not in question.codes:
            yield _at(
                test.loc, "error", "unknown-code", f"'{question.id}' has no answer code '{code}'"
            )


def _successors(question: Question, flow: Flow) -> set[str]:
    return {r.goto for r in _routes(question) if r.goto == END or r.goto in flow.questions} or {END}


class _Dominators:
    """Which questions are asked on every path from the start to another one.

    Immediate dominators by the Cooper-Harvey-Kennedy iteration over reverse
    postorder, then a pre/post numbering of the dominator tree, so each query
    is O(1) and the whole check stays linear in the size of the flow.
    """

    def __init__(self, flow: Flow) -> None:
        order = _reverse_postorder(flow)
        self.rank = {qid: n for n, qid in enumerate(order)}
        predecessors: dict[str, list[str]] = {qid: [] for qid in order}
        for qid in order:
            for target in _successors(flow.questions[qid], flow) - {END}:
                if target in predecessors:
                    predecessors[target].append(qid)
        idom = {order[0]: order[0]} if order else {}
        changed = True
        while changed:
            changed = False
            for qid in order[1:]:
                done = [p for p in predecessors[qid] if p in idom]
                new = done[0]
                for other in done[1:]:
                    new = self._meet(idom, other, new)
                if idom.get(qid) != new:
                    idom[qid], changed = new, True
        self.pre, self.post = _number_tree(order, idom)

    def _meet(self, idom: dict[str, str], a: str, b: str) -> str:
        while a != b:
            while self.rank[a] > self.rank[b]:
                a = idom[a]
            while self.rank[b] > self.rank[a]:
                b = idom[b]
        return a

    def before(self, asked: str, at: str) -> bool:
        """Whether `asked` is always asked before `at` (it dominates `at`, and is not `at`)."""
        if asked == at or asked not in self.pre or at not in self.pre:
            return False
        return self.pre[asked] <= self.pre[at] and self.post[at] <= self.post[asked]


def _reverse_postorder(flow: Flow) -> list[str]:
    return _depth_first(flow)[0][::-1]


def _depth_first(flow: Flow) -> tuple[list[str], list[tuple[str, str]]]:
    """One walk from the start: the questions in postorder, and the routes that lead
    back to a question still on the path (each one a cycle)."""
    if flow.start not in flow.questions:
        return [], []

    def onward(qid: str) -> Iterator[str]:
        return iter(sorted(_successors(flow.questions[qid], flow) - {END}))

    state = {flow.start: 1}  # 1: on the current path, 2: done
    postorder: list[str] = []
    back: list[tuple[str, str]] = []
    stack = [(flow.start, onward(flow.start))]
    while stack:
        qid, successors = stack[-1]
        target = next(successors, None)
        if target is None:
            state[qid] = 2
            postorder.append(qid)
            stack.pop()
        elif state.get(target) == 1:
            back.append((qid, target))
        elif target not in state:
            state[target] = 1
            stack.append((target, onward(target)))
    return postorder, back


def _number_tree(order: list[str], idom: dict[str, str]) -> tuple[dict[str, int], dict[str, int]]:
    """Entry and exit numbers of a depth-first walk of the dominator tree."""
    children: dict[str, list[str]] = {qid: [] for qid in order}
    for qid in order[1:]:
        children[idom[qid]].append(qid)
    pre: dict[str, int] = {}
    post: dict[str, int] = {}
    clock = 0
    stack = [(order[0], False)] if order else []
    while stack:
        qid, leaving = stack.pop()
        clock += 1
        if leaving:
            post[qid] = clock
            continue
        pre[qid] = clock
        stack.append((qid, True))
        stack.extend((child, False) for child in children[qid])
    return pre, post


def _reachability(flow: Flow) -> Iterator[Finding]:
    if flow.start not in flow.questions:
        return
    reached, todo = {flow.start}, [flow.start]
    while todo:
        for target in _successors(flow.questions[todo.pop()], flow) - {END} - reached:
            reached.add(target)
            todo.append(target)
    for qid, question in flow.questions.items():
        if qid not in reached:
            yield _at(
                question.loc,
                "error",
                "unreachable",
                f"question '{qid}' cannot be reached from '{flow.start}'",
            )
    yield from _cycles(flow)
    used = {item_id for _, items in _item_refs(flow) for item_id in items}
    for item_id, item in flow.items.items():
        if item_id not in used:
            yield _at(
                item.loc,
                "warning",
                "unused-item",
                f"item '{item_id}' is never added to a checklist",
            )


def _cycles(flow: Flow) -> Iterator[Finding]:
    """A route back to a question already asked would never end: report each such edge."""
    for source, target in _depth_first(flow)[1]:
        question = flow.questions[source]
        route = next((r for r in _routes(question) if r.goto == target), None)
        loc = route.loc if route else question.loc
        yield _at(
            loc, "error", "cycle", f"'{source}' leads back to '{target}': this path never ends"
        )


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _sources(flow: Flow, catalog: Catalog, documents: Path | None) -> Iterator[Finding]:
    texts: dict[str, str | None] = {}
    unreadable: set[str] = set()  # reported already: no note on top
    #: Quotes not checked, by document: how many, and where the first is.
    unchecked: dict[str, list[Loc]] = {}
    for item in flow.items.values():
        for source in item.sources:
            if source.reference is not None and source.reference not in catalog.references:
                yield _at(
                    source.loc,
                    "error",
                    "unknown-reference",
                    f"no reference '{source.reference}' in the sources file",
                )
            if source.document is None or source.quote is None:
                continue
            if source.document not in catalog.documents:
                yield _at(
                    source.loc,
                    "error",
                    "unknown-document",
                    f"no document '{source.document}' in the sources file",
                )
            if len(_squash(source.quote)) < MIN_QUOTE_CHARS:
                yield _at(
                    source.loc,
                    "error",
                    "short-quote",
                    f"a quote needs at least {MIN_QUOTE_CHARS} characters",
                )
            if documents is None:
                unchecked.setdefault(source.document, []).append(source.loc)
                continue
            if source.document not in texts:
                texts[source.document], problem = _document_text(
                    documents, source.document, source.loc
                )
                if problem is not None:
                    unreadable.add(source.document)
                    yield problem
            body = texts[source.document]
            if body is None:
                if source.document not in unreadable:
                    unchecked.setdefault(source.document, []).append(source.loc)
            elif _squash(source.quote) not in body:
                yield _at(
                    source.loc,
                    "error",
                    "quote-not-found",
                    f"quote not found verbatim in {source.document}",
                )
    yield from _unchecked(unchecked, documents)


def _unchecked(unchecked: dict[str, list[Loc]], documents: Path | None) -> Iterator[Finding]:
    """A note for each document whose quotes went unchecked, and why: checking against
    nothing must never read as "no findings"."""
    for name, places in unchecked.items():
        count = f"{len(places)} quote{'s' if len(places) > 1 else ''} from {name} not checked"
        why = (
            "no documents folder was found (set OVERDUE_GUIDE_DOCUMENTS or give --documents DIR)"
            if documents is None
            else f"{name} is not in the documents folder {documents}"
        )
        yield _at(places[0], "note", "quote-unchecked", f"{count}: {why}")


def _document_text(documents: Path, name: str, loc: Loc) -> tuple[str | None, Finding | None]:
    """A document's text without whitespace; None if absent, with a finding if it is
    unreadable or lies outside `documents` (then nothing is read at all)."""
    path = documents / name
    if not plain_name(name) or not inside(documents, path):
        return None, _at(
            loc,
            "error",
            "document-outside",
            f"document '{name}' is outside the documents folder {documents}: not read",
        )
    if not os.path.lexists(path):
        return None, None
    try:
        return _squash(read_text(path, "document")), None
    except YamlProblem as problem:
        return None, problem.finding


def _wording(flow: Flow) -> Iterator[Finding]:
    for item in flow.items.values():
        length = len(item.text.get("zh-CN"))
        if length > MAX_TEXT_CHARS:
            yield _at(
                item.text.loc,
                "warning",
                "long-text",
                f"item text has {length} characters; keep it to {MAX_TEXT_CHARS}",
            )
