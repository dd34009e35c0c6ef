"""Draw a flow as a Mermaid flowchart or a Graphviz DOT graph, for authors.

Questions are nodes, options are labelled edges, items hang off the option,
question or rule that adds them (dotted).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..base.i18n import text
from ..base.visible import visible
from .model import END, NOWHERE, Flow, Route


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str
    dotted: bool = False


def _edges(flow: Flow, lang: str) -> Iterator[Edge]:
    for question in flow.questions.values():
        qid = _q(question.id)
        for item in question.items:
            yield Edge(qid, _i(item), "", dotted=True)
        for option in question.options:
            for item in option.items:
                yield Edge(qid, _i(item), option.code, dotted=True)
        if question.kind == "multi":
            for route in question.next or (_ENDING,):
                yield Edge(qid, _target(route.goto), "if …" if route.when else "")
            continue
        for option in question.options:
            label = text(option.label, lang)
            for route in option.next or question.next or (_ENDING,):
                yield Edge(qid, _target(route.goto), f"{label} (if …)" if route.when else label)
    for number, rule in enumerate(flow.rules, start=1):
        for item in rule.items:
            yield Edge(f"rule_{number}", _i(item), "", dotted=True)


_ENDING = Route(END, None, NOWHERE)


def _q(qid: str) -> str:
    return f"q_{qid}"


def _i(item: str) -> str:
    return f"i_{item}"


def _target(goto: str) -> str:
    return "done" if goto == END else _q(goto)


def _nodes(flow: Flow, lang: str) -> Iterator[tuple[str, str, str]]:
    """(node id, label, shape) for every question, item, rule and the end."""
    for question in flow.questions.values():
        yield _q(question.id), f"{question.id}: {text(question.prompt, lang)}", "question"
    for item in flow.items.values():
        yield _i(item.id), f"☐ {text(item.text, lang)}", "item"
    for number, _rule in enumerate(flow.rules, start=1):
        yield f"rule_{number}", f"rule {number}", "rule"
    yield "done", "end", "end"


def mermaid(flow: Flow, lang: str = "zh-CN") -> str:
    """A Mermaid flowchart: renders on any Git forge inside a ```mermaid block."""
    shapes = {
        "question": ('["', '"]'),
        "item": ('[/"', '"/]'),
        "rule": ('{{"', '"}}'),
        "end": ('(("', '"))'),
    }
    lines = ["flowchart TD"]
    for node, label, shape in _nodes(flow, lang):
        left, right = shapes[shape]
        lines.append(f"  {node}{left}{_mermaid_text(label)}{right}")
    for edge in _edges(flow, lang):
        arrow = "-.->" if edge.dotted else "-->"
        label = f'|"{_mermaid_text(edge.label)}"|' if edge.label else ""
        lines.append(f"  {edge.source} {arrow}{label} {edge.target}")
    return "\n".join(lines) + "\n"


#: Mermaid entity codes for what would end a label, start a Markdown label (a backtick)
#: or be read as HTML; '#' first, so that an entity written in the flow stays text.
_MERMAID = {"#": "#35;", '"': "#quot;", "`": "#96;", "<": "#lt;", ">": "#gt;", "\n": " "}


def _mermaid_text(value: str) -> str:
    return "".join(_MERMAID.get(c, c) for c in visible(value, keep="\n"))


def dot(flow: Flow, lang: str = "zh-CN") -> str:
    """A Graphviz DOT digraph."""
    shapes = {"question": "box", "item": "note", "rule": "hexagon", "end": "doublecircle"}
    lines = [f"digraph {_dot_text(flow.id)} {{", "  rankdir=TB;", '  node [fontname="sans-serif"];']
    for node, label, shape in _nodes(flow, lang):
        lines.append(f"  {node} [label={_dot_text(label)}, shape={shapes[shape]}];")
    for edge in _edges(flow, lang):
        attributes = [f"label={_dot_text(edge.label)}"] if edge.label else []
        if edge.dotted:
            attributes.append("style=dotted")
        suffix = f" [{', '.join(attributes)}]" if attributes else ""
        lines.append(f"  {edge.source} -> {edge.target}{suffix};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _dot_text(value: str) -> str:
    safe = visible(value, keep="\n").replace("\\", "\\\\").replace('"', '\\"')
    return '"' + safe.replace("\n", " ") + '"'
