"""Reading YAML nodes against a format, with every problem a located finding.

The one reader of every data file in `flows/`: flows (`loader`) and their sources
(`catalog`), scripts and letters (`drafts.loader`), fee lines (`fees.lines`) and the
evidence rules (`evidence.rules`). A `Reader` collects the findings of one file; the
reading goes on past a problem, so an author sees all of them at once. A file whose
format names its finding codes its own way (the evidence rules: `rules-…`) passes
`codes` to rename the shared ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TypeVar

from ..base.yamlsafe import Node
from ..errors import Finding
from .model import FLOW_LANGS, Loc, Text

T = TypeVar("T")


class Reader:
    """Reads nodes of one file against the format, collecting findings."""

    def __init__(self, name: str, codes: Mapping[str, str] | None = None) -> None:
        self.name = name
        self.findings: list[Finding] = []
        self.codes: Mapping[str, str] = codes or {}

    def loc(self, node: Node) -> Loc:
        return Loc(self.name, node.line, node.col)

    def report(self, node: Node, code: str, message: str, severity: str = "error") -> None:
        code = self.codes.get(code, code)
        self.findings.append(Finding(self.name, node.line, node.col, severity, code, message))

    def mapping(
        self, node: Node, what: str, required: Iterable[str], optional: Iterable[str] = ()
    ) -> dict[str, Node] | None:
        """The keys of a mapping node; reports wrong type, duplicates, unknown and missing keys."""
        if node.kind != "map":
            self.report(node, "wrong-type", f"{what} must be a mapping (key: value)")
            return None
        required, optional = tuple(required), tuple(optional)
        known = (*required, *optional)
        found: dict[str, Node] = {}
        for key, value in node.pairs:
            name = key.value if key.kind == "scalar" else ""
            if name in found:
                self.report(key, "duplicate-key", f"'{name}' appears twice in {what}")
            elif name not in known:
                self.report(
                    key, "unknown-key", f"unknown key '{name}' in {what}; expected {words(known)}"
                )
            found[name] = value
        for name in required:
            if name not in found:
                self.report(node, "missing-field", f"{what} needs '{name}'")
        return found

    def string(self, node: Node, what: str) -> str | None:
        if node.kind != "scalar" or node.is_null:
            self.report(
                node,
                "wrong-type" if node.kind != "scalar" else "missing-field",
                f"{what} must be text",
            )
            return None
        if not node.value.strip():
            self.report(node, "missing-field", f"{what} is empty")
            return None
        return node.value

    def identifier(self, node: Node, what: str) -> str | None:
        value = self.string(node, what)
        if value is not None and not is_identifier(value):
            self.report(
                node, "bad-id", f"{what} '{value}' must be lower-case letters, digits and _"
            )
            return None
        return value

    def sequence(self, node: Node, what: str) -> Sequence[Node]:
        if node.kind == "seq":
            return node.items
        self.report(node, "wrong-type", f"{what} must be a list")
        return []

    def words(self, node: Node, what: str, allowed: Sequence[str] | None) -> tuple[str, ...]:
        """A word or a list of words, each one of `allowed` (any word when None)."""
        found = []
        for item in node.items if node.kind == "seq" else [node]:
            if item.kind != "scalar" or not item.value:
                self.report(item, "wrong-type", f"{what} must be a list of words")
            elif allowed is not None and item.value not in allowed:
                self.report(
                    item,
                    "bad-value",
                    f"'{item.value}' in {what} is not one of: {', '.join(allowed)}",
                )
            else:
                found.append(item.value)
        return tuple(found)

    def ids(self, node: Node, what: str) -> tuple[str, ...]:
        """A list of ids; a single id is accepted as a list of one."""
        items = [node] if node.kind == "scalar" else self.sequence(node, what)
        found = (self.identifier(child, f"an entry of {what}") for child in items)
        return tuple(value for value in found if value is not None)

    def text(self, node: Node, what: str) -> Text | None:
        """A string in every flow language: {zh-CN: ..., en: ...}."""
        keys = self.mapping(node, what, (), FLOW_LANGS)
        if keys is None:
            return None
        by_lang = {}
        for lang in FLOW_LANGS:
            value = keys.get(lang)
            if value is None and lang == "zh-CN":
                self.report(node, "missing-field", f"{what} needs its 'zh-CN' text")
            elif value is None:
                self.report(node, "missing-translation", f"{what} has no '{lang}' text", "warning")
            elif (text := self.string(value, f"the {lang} text of {what}")) is not None:
                by_lang[lang] = text.strip()
        if "zh-CN" not in by_lang:
            return None
        return Text(by_lang, self.loc(node))

    def unique(
        self, entries: list[tuple[Node, T | None]], key: Callable[[T], str], what: str
    ) -> list[T]:
        """Drop failed entries and report repeated ids."""
        seen: dict[str, Node] = {}
        kept: list[T] = []
        for node, value in entries:
            if value is None:
                continue
            ident = key(value)
            if ident in seen:
                self.report(
                    node,
                    "duplicate-id",
                    f"{what.format(ident)} is defined twice (first at line {seen[ident].line})",
                )
                continue
            seen[ident] = node
            kept.append(value)
        return kept

    def optional_sequence(self, node: Node | None, what: str) -> Sequence[Node]:
        """The items of a list that may be left out."""
        return [] if node is None else self.sequence(node, what)

    def each(
        self,
        node: Node | None,
        what: str,
        build: Callable[[Reader, Node], T | None],
        key: Callable[[T], str],
        kind: str,
    ) -> list[T]:
        """Every entry of an optional list built, failed ones dropped, repeated ids reported."""
        entries = [(child, build(self, child)) for child in self.optional_sequence(node, what)]
        return self.unique(entries, key, kind)


def is_identifier(value: str) -> bool:
    return (
        value.isascii()
        and value.replace("_", "a").isalnum()
        and value[0].isalpha()
        and value == value.lower()
    )


def words(names: Iterable[str]) -> str:
    return ", ".join(f"'{name}'" for name in names)
