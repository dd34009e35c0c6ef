"""Which entries break which rule: the rules (`rules`) evaluated over entries. Pure."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .codes import FLAG_CODES
from .model import Entry, number_key
from .rules import Rule, Rules, Test


@dataclass(frozen=True)
class Flag:
    """Entry `entry` broke the rule `code` published in `reference`."""

    entry: int
    code: str
    reference: str


def evaluate(entries: Sequence[Entry], rules: Rules) -> list[Flag]:
    """Every flag the entries raise, in the order of the entries, each code once per entry."""
    raised: dict[int, dict[tuple[str, str], None]] = defaultdict(dict)
    for rule in rules.rules:
        applicable = [e for e in entries if _applies(rule, e)]
        if rule.per_number_per_day is not None:
            hits = _too_many(applicable, rule.per_number_per_day)
        elif rule.night is not None:
            hits = [e for e in applicable if _at_night(e, rule.night)]
        else:
            hits = [e for e in applicable if any(_passes(t, e) for t in rule.any)]
        for entry in hits:
            raised[entry.id][(rule.code, rule.reference)] = None
    return [
        Flag(entry.id, code, reference)
        for entry in entries
        for code, reference in sorted(raised.get(entry.id, {}), key=_code_order)
    ]


_ORDER = {code: n for n, code in enumerate(FLAG_CODES)}


def _code_order(pair: tuple[str, str]) -> tuple[int, str]:
    return _ORDER[pair[0]], pair[1]


def _applies(rule: Rule, entry: Entry) -> bool:
    if rule.channels is not None and entry.channel not in rule.channels:
        return False
    # An entry that does not say who contacted whom counts as their contact.
    return rule.directions is None or (entry.direction or "in") in rule.directions


def _at_night(entry: Entry, window: tuple[int, int]) -> bool:
    local = entry.local
    minute = local.hour * 60 + local.minute
    start, end = window
    return start <= minute or minute < end if start > end else start <= minute < end


def _too_many(entries: Sequence[Entry], limit: int) -> list[Entry]:
    """The entries past the `limit`-th of the same number on the same local day."""
    counted: dict[tuple[str, object], int] = defaultdict(int)
    over = []
    for entry in sorted(entries, key=lambda e: (e.at, e.id)):
        if not entry.number:
            continue
        key = (number_key(entry.number), entry.local.date())
        counted[key] += 1
        if counted[key] > limit:
            over.append(entry)
    return over


def _passes(test: Test, entry: Entry) -> bool:
    if test.field == "third_parties.told":
        values: list[object] = [p.told for p in entry.third_parties if p.told]
    else:
        value = getattr(entry, test.field)
        values = list(value) if isinstance(value, tuple) else [value]
        values = [v for v in values if v is not None and v != ""]
    if test.is_ == "set":
        return bool(values)
    if test.is_ in ("true", "false"):
        return any(v is (test.is_ == "true") for v in values)
    return any(word in str(v).lower() for v in values for word in test.words)
