"""Read YAML into located nodes, safely, whatever the bytes.

PyYAML's own composer recurses (a deeply nested file crashes the C version of
it outright) and its constructors turn tags into objects. We walk the event
stream instead: no tag ever builds anything, nesting, size and alias expansion
are bounded, and every node keeps the line and column it was written at.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from ..errors import Finding
from . import files
from .yamlimport import reader_pattern_deferred

with reader_pattern_deferred():  # see base/yamlimport.py: a tenth of a scripted run
    import yaml

MAX_DEPTH = 64
#: A 25 MB flow (the 100k-node benchmark) has 3.2 million; each costs about 240 bytes.
MAX_NODES = 4_000_000
#: Aliases are for small repeated pieces; what they may add in all is kept small,
#: so no "billion laughs" file can make the reader work for long.
MAX_ALIAS_NODES = 100_000

#: libyaml's parser when PyYAML has it; only its event stream is used.
_Parser: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(eq=False, slots=True)
class Node:
    """A scalar (`value` is str), sequence (`items`) or mapping (`pairs`)."""

    kind: str  # "scalar" | "seq" | "map"
    line: int
    col: int
    value: str = ""
    plain: bool = False
    tag: str | None = None
    # A scalar shares one empty tuple: a large file has millions of scalars.
    items: Sequence[Node] = ()
    pairs: Sequence[tuple[Node, Node]] = ()

    @property
    def is_null(self) -> bool:
        return self.kind == "scalar" and self.plain and self.value in ("", "~", "null", "Null")


class YamlProblem(Exception):
    """The bytes are not a YAML document we will read; carries one finding."""

    def __init__(self, finding: Finding) -> None:
        self.finding = finding
        super().__init__(str(finding))


def read_text(path: Path, what: str = "flow file") -> str:
    """The file as text: a regular file, UTF-8 only, bounded in size (`files.LIMITS[what]`),
    one clear error otherwise."""
    name = str(path)
    try:
        data = files.read_bytes(path, what)
    except files.Unreadable as problem:
        raise YamlProblem(Finding(name, 0, 0, "error", problem.code, problem.reason)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        hint = " (it looks like GBK: save it as UTF-8)" if _looks_like_gbk(data) else ""
        message = f"{what} is not UTF-8{hint}"
        raise YamlProblem(Finding(name, line, 1, "error", "not-utf8", message)) from None


def _looks_like_gbk(data: bytes) -> bool:
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return True


def parse(text: str, name: str) -> Node | None:
    """One YAML document as a node tree (None for an empty document)."""
    try:
        return _compose(text, name)
    except yaml.MarkedYAMLError as exc:
        mark: Any = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
        problem = exc.problem or exc.context or "not valid YAML"
        if "nesting depth" in problem:  # PyYAML 6.0.4+ stops deep nesting before we count it
            too_deep = f"nested more than {MAX_DEPTH} levels"
            raise YamlProblem(Finding(name, line, col, "error", "too-deep", too_deep)) from None
        raise YamlProblem(Finding(name, line, col, "error", "yaml-syntax", problem)) from None
    except yaml.reader.ReaderError as exc:  # a character YAML forbids, e.g. a NUL byte
        before = _text_before(text, exc.position)
        line, col = before.count("\n") + 1, len(before) - before.rfind("\n")
        character = f"U+{exc.character:04X}" if isinstance(exc.character, int) else "a character"
        message = f"{character} is a control character, not allowed in YAML"
        raise YamlProblem(Finding(name, line, col, "error", "yaml-syntax", message)) from None
    except yaml.YAMLError as exc:
        message = " ".join(str(exc).split())
        raise YamlProblem(Finding(name, 0, 0, "error", "yaml-syntax", message)) from None


def _text_before(text: str, position: int) -> str:
    """The text before a reader error's position: libyaml counts UTF-8 bytes, PyYAML characters."""
    if _Parser is yaml.SafeLoader:
        return text[:position]
    return text.encode("utf-8")[:position].decode("utf-8", errors="ignore")


def load(path: Path, what: str = "flow file") -> Node | None:
    """Read and parse `path`; every failure is a `YamlProblem` naming the file."""
    return parse(read_text(path, what), str(path))


def load_root(
    path: Path, what: str, code: str = "missing-field"
) -> tuple[Node | None, list[Finding]]:
    """The root node of a YAML file of kind `what`, or None and the one finding that says
    why not (it does not parse, or it is empty): every loader starts here."""
    try:
        root = load(path, what)
    except YamlProblem as problem:
        return None, [problem.finding]
    if root is None:
        return None, [Finding(str(path), 1, 1, "error", code, f"the {what} is empty")]
    return root, []


def _compose(text: str, name: str) -> Node | None:
    parser = _Parser(text)
    try:
        return _Composer(parser, name).document()
    finally:
        parser.dispose()


class _Composer:
    """Builds nodes from parser events with an explicit stack: no recursion."""

    def __init__(self, parser: Any, name: str) -> None:
        self.parser = parser
        self.name = name
        self.anchors: dict[str, Node] = {}
        self.open: list[Node] = []
        self.expanded = 0
        self.aliased = 0
        self.shared: dict[str, str] = {}
        self.lines: dict[int, int] = {}

    def problem(self, event: Any, code: str, message: str) -> YamlProblem:
        line, col = _position(event)
        return YamlProblem(Finding(self.name, line, col, "error", code, message))

    def document(self) -> Node | None:
        get = self.parser.get_event
        get()  # StreamStart
        if self.parser.check_event(yaml.StreamEndEvent):
            return None
        get()  # DocumentStart
        root = self.node()
        get()  # DocumentEnd
        if not self.parser.check_event(yaml.StreamEndEvent):
            raise self.problem(
                self.parser.peek_event(), "yaml-syntax", "only one YAML document is allowed"
            )
        return root

    def node(self) -> Node:
        stack = self.open
        pending_key: list[Node | None] = []
        root: Node | None = None
        while True:
            event = self.parser.get_event()
            if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                done = stack.pop()
                pending_key.pop()
                if not stack:
                    return done
                continue
            made = self.make(event, len(stack))
            if stack:
                self.attach(stack[-1], pending_key, made)
            else:
                root = made
            if made.kind != "scalar" and not isinstance(event, yaml.AliasEvent):
                stack.append(made)
                pending_key.append(None)
            elif not stack:
                return root if root is not None else made

    def attach(self, parent: Node, pending_key: list[Node | None], child: Node) -> None:
        if parent.kind == "seq":
            cast("list[Node]", parent.items).append(child)
        elif pending_key[-1] is None:
            pending_key[-1] = child
        else:
            key = pending_key[-1]
            cast("list[tuple[Node, Node]]", parent.pairs).append((key, child))
            pending_key[-1] = None

    def make(self, event: Any, depth: int) -> Node:
        self.expanded += 1
        if self.expanded > MAX_NODES:
            raise self.problem(event, "too-large", f"more than {MAX_NODES} YAML nodes")
        if isinstance(event, yaml.AliasEvent):
            target = self.anchors.get(event.anchor or "")
            if target is None:
                raise self.problem(event, "yaml-syntax", f"unknown alias *{event.anchor}")
            if any(target is open_node for open_node in self.open):
                raise self.problem(event, "yaml-syntax", f"alias *{event.anchor} refers to itself")
            count, height = _size(target)
            self.expanded += count
            self.aliased += count
            if self.aliased > MAX_ALIAS_NODES:
                raise self.problem(event, "too-large", "aliases expand to too many YAML nodes")
            if depth + height > MAX_DEPTH:
                raise self.problem(event, "too-deep", f"nested more than {MAX_DEPTH} levels")
            return target
        if depth >= MAX_DEPTH:
            raise self.problem(event, "too-deep", f"nested more than {MAX_DEPTH} levels")
        line, col = _position(event)
        line = self.lines.setdefault(line, line)  # a key and its value share one int
        tag = event.tag if event.tag not in (None, "!") else None
        if isinstance(event, yaml.ScalarEvent):
            value = event.value
            if len(value) <= _SHARED_LENGTH:  # keys and codes repeat: keep one copy of each
                value = self.shared.setdefault(value, value)
            node = Node("scalar", line, col, value, event.implicit[0], tag)
        elif isinstance(event, yaml.SequenceStartEvent):
            node = Node("seq", line, col, tag=tag, items=[])
        elif isinstance(event, yaml.MappingStartEvent):
            node = Node("map", line, col, tag=tag, pairs=[])
        else:  # pragma: no cover - the parser emits nothing else inside a document
            raise self.problem(event, "yaml-syntax", "unexpected YAML event")
        if event.anchor:
            self.anchors[event.anchor] = node
        return node


#: Scalars this short are shared between nodes when equal (ids, codes, keys, languages).
_SHARED_LENGTH = 24


def _position(event: Any) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)


def _size(node: Node) -> tuple[int, int]:
    """How many nodes `node` stands for once expanded, and how deep it goes."""
    total, height, todo = 0, 0, [(node, 1)]
    while todo and total <= MAX_ALIAS_NODES:
        current, level = todo.pop()
        total += 1
        height = max(height, level)
        todo.extend((child, level + 1) for child in current.items)
        for key, value in current.pairs:
            todo.extend(((key, level + 1), (value, level + 1)))
    return total, height


def plain_value(node: Node | None, name: str = "") -> object:
    """The node as plain Python data (str, list, dict; None for null), for answers files,
    entries and schedules. A key given twice in a mapping, at any depth, is a `YamlProblem`
    located in `name`: YAML would keep the last silently, JSON readers here refuse it."""
    if node is None or node.is_null:
        return None
    if node.kind == "scalar":
        return node.value
    if node.kind == "seq":
        return [plain_value(child, name) for child in node.items]
    return {key: plain_value(value, name) for key, value in unique_pairs(node, name).items()}


def unique_pairs(node: Node, name: str = "") -> dict[str, Node]:
    """A mapping's values by key (a key that is not text by its text); a `YamlProblem` at the
    second of two equal keys."""
    found: dict[str, Node] = {}
    for key, value in node.pairs:
        text = str(plain_value(key, name))
        if text in found:
            message = f"'{text}' is given twice"
            raise YamlProblem(Finding(name, key.line, key.col, "error", "duplicate-key", message))
        found[text] = value
    return found
