"""Each rule of the advice, held on every path of the main flow (tests/rules.py).

The walk runs once per session (the `every_path` fixture); each test reads its rule's verdict.
"""

from __future__ import annotations

import pytest

from .rules import RULES, Verdicts


@pytest.mark.parametrize("rule", sorted(RULES))
def test_the_rule_holds_on_every_path(every_path: Verdicts, rule: str) -> None:
    assert every_path.broken[rule] == [], RULES[rule].__doc__
