"""Named fields in draft text: `{name}` is filled, `{{` and `}}` are literal braces.

A tiny parser of our own, so a draft can never run template code; the loader
reports a malformed field, the checker an unknown one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ..base.record import record

_TOKEN = re.compile(r"\{\{|\}\}|\{([a-z][a-z0-9_]*)\}|[{}]")


@record
class FieldProblem:
    """A brace that opens or closes no field, at `offset` in the text."""

    offset: int
    text: str


def names(template: str) -> Iterator[str]:
    """The field names in `template`, in order (repeats kept)."""
    for match in _TOKEN.finditer(template):
        if match.group(1):
            yield match.group(1)


def problems(template: str) -> list[FieldProblem]:
    """Braces that are neither a field nor a doubled literal brace."""
    return [
        FieldProblem(m.start(), m.group(0))
        for m in _TOKEN.finditer(template)
        if m.group(0) in ("{", "}")
    ]


def fill(template: str, value: Callable[[str], str]) -> str:
    """`template` with each field replaced by `value(name)`, literal braces undoubled."""

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if match.group(1):
            return value(match.group(1))
        return token[0] if token in ("{{", "}}") else token

    return _TOKEN.sub(replace, template)
