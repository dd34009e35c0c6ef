"""The rules the log's entries are checked against, from a rules file in `flows/`.

The rules are data (`flows/evidence_rules.yaml`, format in docs/evidence-rules.md):
each names a flag code, the reference it comes from, the channels and
directions it applies to, and one test — a night-hours window, a number of calls
per number per day, or field tests. This module reads that file with located
findings (for `flows check`) and keeps the rules as JSON beside the flags they gave;
`flags` evaluates them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..base.numerals import whole
from ..errors import Finding, FlowError
from .codes import CHANNELS, DIRECTIONS, FLAG_CODES
from .model import FIELDS
from .paths import RULES_FILE
from .paths import rules_path as shipped_path

if TYPE_CHECKING:
    from ..base.yamlsafe import Node
    from ..flow.reader import Reader

FILE_NAME = RULES_FILE
FORMAT_VERSION = 1
#: Fields a field test may name; `third_parties.told` is the `told` of any third party.
TESTABLE: tuple[str, ...] = (
    *(name for name in FIELDS if name not in ("at", "zone", "attachments")),
    "third_parties.told",
)
_RULE_KEYS = ("code", "reference", "channels", "directions", "night", "per_number_per_day", "any")
_TESTS = ("is", "contains")


@dataclass(frozen=True)
class Test:
    """`field` is set / true / false, or contains one of `words` (any case)."""

    field: str
    is_: str | None = None  # "set" | "true" | "false"
    words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rule:
    code: str
    reference: str
    channels: frozenset[str] | None = None
    directions: frozenset[str] | None = None
    night: tuple[int, int] | None = None  # minutes after midnight: from, until
    per_number_per_day: int | None = None
    any: tuple[Test, ...] = ()


@dataclass(frozen=True)
class Rules:
    rules: tuple[Rule, ...]
    path: str = ""


def load(path: Path | None = None) -> Rules:
    """The rules for the log; a `FlowError` if the file has any error."""
    where = path or shipped_path()
    rules, findings = parse(where)
    if rules is None or any(f.severity == "error" for f in findings):
        raise FlowError(findings)
    return rules


def check_file(path: Path, documents: Path | None = None) -> list[Finding]:
    """`flows check` of a rules file (see `content.check.DATA_FILES`): its form and its references."""
    rules, findings = parse(path)
    if rules is None:
        return findings
    from ..flow.bundle import catalog_for
    from ..flow.catalog import parse_catalog

    catalog, _ = parse_catalog(catalog_for(path))
    if catalog is not None:
        findings += _check_references(path, catalog.references)
    return findings


def _check_references(path: Path, known: object) -> list[Finding]:
    from ..base import yamlsafe

    found = []
    root = yamlsafe.load(path)
    assert root is not None
    for node in _rule_nodes(root):
        for key, value in node.pairs:
            if key.value == "reference" and value.value not in known:  # type: ignore[operator]
                found.append(
                    Finding(
                        str(path),
                        value.line,
                        value.col,
                        "error",
                        "rules-unknown-reference",
                        f"no reference '{value.value}' in the sources file",
                    )
                )
    return found


def _rule_nodes(root: Node) -> list[Node]:
    for key, value in root.pairs:
        if key.value == "rules" and value.kind == "seq":
            return [n for n in value.items if n.kind == "map"]
    return []


#: The shared reader's finding codes as this file's format names them (docs/evidence-rules.md).
_CODES = {
    "wrong-type": "rules-bad-value",
    "duplicate-key": "rules-bad-value",
    "bad-value": "rules-bad-value",
    "unknown-key": "rules-unknown-key",
    "missing-field": "rules-missing-field",
}


def _keys(r: Reader, node: Node, what: str, allowed: Sequence[str]) -> dict[str, Node]:
    """The keys of a mapping node (none if it is not one), every problem reported."""
    return r.mapping(node, what, (), allowed) or {}


def parse(path: Path) -> tuple[Rules | None, list[Finding]]:
    """The rules in `path` and every problem found, located."""
    from ..base import yamlsafe
    from ..flow.reader import Reader

    root, problems = yamlsafe.load_root(path, "rules file", "rules-missing-field")
    if root is None:
        return None, problems
    r = Reader(str(path), _CODES)
    top = _keys(r, root, "the rules file", ("version", "rules"))
    version = top.get("version")
    if version is None or version.value != str(FORMAT_VERSION):
        r.report(version or root, "rules-version", f"'version: {FORMAT_VERSION}' is required")
    body = top.get("rules")
    if body is None or body.kind != "seq" or not body.items:
        r.report(body or root, "rules-missing-field", "'rules' must be a list of rules")
        return None, r.findings
    rules = [rule for node in body.items if (rule := _rule(r, node)) is not None]
    return Rules(tuple(rules), str(path)), r.findings


def _rule(r: Reader, node: Node) -> Rule | None:
    keys = _keys(r, node, "a rule", _RULE_KEYS)
    if not keys:
        return None
    missing = [k for k in ("code", "reference") if k not in keys]
    for name in missing:
        r.report(node, "rules-missing-field", f"a rule needs '{name}'")
    tests = [k for k in ("night", "per_number_per_day", "any") if k in keys]
    if len(tests) != 1:
        r.report(
            node,
            "rules-missing-field",
            "a rule needs exactly one of: night, per_number_per_day, any",
        )
    if missing or len(tests) != 1:
        return None
    code = keys["code"].value
    if code not in FLAG_CODES:
        r.report(
            keys["code"],
            "rules-unknown-code",
            f"'{code}' is not a flag code (codes: {', '.join(FLAG_CODES)})",
        )
        return None
    channels = (
        frozenset(r.words(keys["channels"], "'channels'", CHANNELS)) if "channels" in keys else None
    )
    directions = (
        frozenset(r.words(keys["directions"], "'directions'", DIRECTIONS))
        if "directions" in keys
        else None
    )
    rule = Rule(code, keys["reference"].value, channels, directions)
    if "night" in keys:
        window = _keys(r, keys["night"], "'night'", ("from", "until"))
        if set(window) != {"from", "until"}:
            r.report(keys["night"], "rules-missing-field", "'night' needs 'from' and 'until'")
            return None
        start, end = _minutes(r, window["from"]), _minutes(r, window["until"])
        return None if start is None or end is None else _with(rule, night=(start, end))
    if "per_number_per_day" in keys:
        limit = keys["per_number_per_day"]
        most = whole(limit.value)
        if most is None or most < 1:  # not isdigit(): '²' is a digit that int() refuses
            r.report(limit, "rules-bad-value", "'per_number_per_day' must be a whole number ≥ 1")
            return None
        return _with(rule, per_number_per_day=most)
    found = keys["any"]
    tests_found = [
        t for item in (found.items if found.kind == "seq" else [found]) if (t := _test(r, item))
    ]
    return _with(rule, any=tuple(tests_found)) if tests_found else None


def _with(rule: Rule, **changes: object) -> Rule:
    from dataclasses import replace

    return replace(rule, **changes)  # type: ignore[arg-type]


def _minutes(r: Reader, node: Node) -> int | None:
    written_hours, _, written_minutes = node.value.partition(":")
    hours, minutes = whole(written_hours), whole(written_minutes)
    two_digits = len(written_minutes.strip()) == 2
    if hours is not None and minutes is not None and hours < 24 and minutes < 60 and two_digits:
        return hours * 60 + minutes
    r.report(node, "rules-bad-time", f"'{node.value}' is not a time of day like 22:00")
    return None


def _test(r: Reader, node: Node) -> Test | None:
    keys = _keys(r, node, "a test", ("field", *_TESTS))
    if "field" not in keys or sum(k in keys for k in _TESTS) != 1:
        r.report(node, "rules-missing-field", "a test needs 'field' and one of: is, contains")
        return None
    field = keys["field"].value
    if field not in TESTABLE:
        r.report(
            keys["field"],
            "rules-unknown-field",
            f"no field '{field}' (fields: {', '.join(TESTABLE)})",
        )
        return None
    if "is" in keys:
        value = keys["is"].value.lower()
        if value not in ("set", "true", "false"):
            r.report(keys["is"], "rules-bad-value", "'is' must be set, true or false")
            return None
        return Test(field, is_=value)
    words = r.words(keys["contains"], "'contains'", None)
    return Test(field, words=tuple(w.lower() for w in words)) if words else None


def to_json(rules: Rules) -> str:
    """The rules as JSON, so the store can keep them beside the flags they gave."""
    return json.dumps([asdict(rule) for rule in rules.rules], default=sorted)


def from_json(text: str, path: str = "") -> Rules:
    """Rules from `to_json`: no YAML parser needed."""
    loaded = []
    for item in json.loads(text):
        for name in ("channels", "directions"):
            if item[name] is not None:
                item[name] = frozenset(item[name])
        item["night"] = tuple(item["night"]) if item["night"] else None
        item["any"] = tuple(Test(t["field"], t["is_"], tuple(t["words"])) for t in item["any"])
        loaded.append(Rule(**item))
    return Rules(tuple(loaded), path)
