"""Evaluate the declarative conditions of a flow against answers.

Conditions are plain data (see `model`); this small evaluator is the only thing
that gives them meaning, so a flow file can never run code.
"""

from __future__ import annotations

from collections.abc import Iterator

from .model import AllOf, Answered, Answers, AnyOf, Condition, Includes, Is, Not


def evaluate(condition: Condition, answers: Answers) -> bool:
    """Whether `condition` holds; a question not answered satisfies no test on it."""
    if isinstance(condition, Is):
        answer = answers.get(condition.question)
        return isinstance(answer, str) and answer in condition.codes
    if isinstance(condition, Includes):
        chosen = answers.get(condition.question)
        if not isinstance(chosen, tuple):
            return False
        hits = [code in chosen for code in condition.codes]
        return all(hits) if condition.every else any(hits)
    if isinstance(condition, Answered):
        return condition.question in answers
    if isinstance(condition, AllOf):
        return all(evaluate(term, answers) for term in condition.terms)
    if isinstance(condition, AnyOf):
        return any(evaluate(term, answers) for term in condition.terms)
    return not evaluate(condition.term, answers)


def leaves(condition: Condition) -> Iterator[Is | Includes | Answered]:
    """Every test on a single question inside `condition`, for the checker."""
    if isinstance(condition, (AllOf, AnyOf)):
        for term in condition.terms:
            yield from leaves(term)
    elif isinstance(condition, Not):
        yield from leaves(condition.term)
    else:
        yield condition
