"""Turn `flows/drafts.yaml` into a `DraftSet`, every problem a located finding.

It reads with the flow loader's own reader, so keys, ids, texts and conditions
are checked exactly as in a flow and report the same codes (docs/drafts-format.md).
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from ..base import yamlsafe
from ..base.yamlsafe import Node
from ..errors import Finding
from ..flow.loader import parse_condition
from ..flow.reader import Reader
from . import fields
from .model import DETAIL_KINDS, DRAFT_KINDS, Detail, Draft, DraftKind, DraftSet, Paragraph


def parse_drafts(path: Path) -> tuple[DraftSet | None, list[Finding]]:
    """Load a drafts file, returning it (None if unusable) and every finding."""
    root, problems = yamlsafe.load_root(path, "drafts file")
    if root is None:
        return None, problems
    reader = Reader(str(path))
    return _draft_set(reader, root), reader.findings


def _draft_set(r: Reader, root: Node) -> DraftSet | None:
    keys = r.mapping(root, "the drafts file", ("flow", "drafts"), ("format", "details"))
    if keys is None:
        return None
    if "format" in keys and keys["format"].value != "1":
        r.report(keys["format"], "bad-value", "this program reads drafts format 1")
    flow = r.identifier(keys["flow"], "'flow'") if "flow" in keys else None
    details = r.each(keys.get("details"), "'details'", _detail, lambda d: d.id, "detail '{}'")
    drafts = r.each(keys.get("drafts"), "'drafts'", _draft, lambda d: d.id, "draft '{}'")
    if flow is None:
        return None
    return DraftSet(
        flow, {d.id: d for d in details}, {d.id: d for d in drafts}, r.name, r.loc(root)
    )


def _detail(r: Reader, node: Node) -> Detail | None:
    keys = r.mapping(node, "a detail", ("id", "label"), ("kind",))
    if keys is None:
        return None
    ident = r.identifier(keys["id"], "a detail id") if "id" in keys else None
    label = r.text(keys["label"], f"the label of detail '{ident}'") if "label" in keys else None
    kind = r.string(keys["kind"], "'kind' of a detail") if "kind" in keys else "text"
    if kind is not None and kind not in DETAIL_KINDS:
        r.report(keys["kind"], "bad-value", f"a detail's kind is one of {', '.join(DETAIL_KINDS)}")
        kind = None
    if ident is None or label is None or kind is None:
        return None
    return Detail(ident, label, kind, r.loc(node))


def _draft(r: Reader, node: Node) -> Draft | None:
    keys = r.mapping(
        node, "a draft", ("id", "kind", "title", "items", "paragraphs"), ("when", "notes")
    )
    if keys is None:
        return None
    ident = r.identifier(keys["id"], "a draft id") if "id" in keys else None
    what = f"draft '{ident}'"
    kind = r.string(keys["kind"], f"the kind of {what}") if "kind" in keys else None
    if kind is not None and kind not in DRAFT_KINDS:
        r.report(keys["kind"], "bad-value", f"the kind of {what} is 'script' or 'letter'")
        kind = None
    title = r.text(keys["title"], f"the title of {what}") if "title" in keys else None
    items = r.ids(keys["items"], f"'items' of {what}") if "items" in keys else ()
    when = parse_condition(r, keys["when"]) if "when" in keys else None
    paragraphs = _paragraphs(r, keys.get("paragraphs"), f"'paragraphs' of {what}")
    notes = _paragraphs(r, keys.get("notes"), f"'notes' of {what}")
    if "paragraphs" in keys and not paragraphs and keys["paragraphs"].kind == "seq":
        r.report(keys["paragraphs"], "missing-field", f"{what} has no paragraphs")
    if ident is None or kind is None or title is None:
        return None
    return Draft(ident, cast("DraftKind", kind), title, items, when, paragraphs, notes, r.loc(node))


def _paragraphs(r: Reader, node: Node | None, what: str) -> tuple[Paragraph, ...]:
    found = []
    for child in r.optional_sequence(node, what):
        keys = r.mapping(child, f"a paragraph of {what}", ("text",), ("when",))
        if keys is None or "text" not in keys:
            continue
        text = r.text(keys["text"], f"a paragraph of {what}")
        when = parse_condition(r, keys["when"]) if "when" in keys else None
        if text is None or ("when" in keys and when is None):
            continue
        for value in text.by_lang.values():
            for problem in fields.problems(value):
                r.report(
                    keys["text"],
                    "bad-field",
                    f"'{problem.text}' at character {problem.offset + 1} opens or closes no "
                    "field: write {name}, or {{ and }} for a brace",
                )
        found.append(Paragraph(text, when, r.loc(child)))
    return tuple(found)
