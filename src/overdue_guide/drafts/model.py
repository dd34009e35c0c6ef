"""Scripts and letters as plain data: what the drafts loader builds and the renderer fills.

A draft is a list of paragraphs, each chosen by an optional declarative condition
(the flow's own `Condition`) and holding named fields `{name}`; nothing here runs code.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from ..base.record import record
from ..flow.model import Condition, Loc, Text

DraftKind = Literal["script", "letter"]
DRAFT_KINDS: tuple[str, ...] = ("script", "letter")

#: Kinds of detail: how an answer is checked and shown (money and count are numbers).
DETAIL_KINDS: tuple[str, ...] = ("text", "money", "date", "count")

#: What a field not given prints as: a visible blank to fill in by hand.
BLANK = "＿＿＿＿"

#: Fields worked out from other details, never asked: name → what it needs.
COMPUTED: Mapping[str, tuple[str, ...]] = {
    "left_over": ("monthly_income", "essential_spending"),
}

#: Facts worked out from details, which a condition may test with `answered` (never asked,
#: never shown): `nothing_left` holds when income and essential spending are given and
#: nothing is left of the one after the other.
NOTHING_LEFT = "nothing_left"
COMPUTED_FACTS: Mapping[str, tuple[str, ...]] = {
    NOTHING_LEFT: ("monthly_income", "essential_spending"),
}

#: Fields the program fills from the evidence log (`fromlog`), never asked: a letter's
#: timeline and its list of files. A value the person gives for one is kept instead.
TIMELINE, EVIDENCE = "log_timeline", "log_evidence"
FILLED: tuple[str, ...] = (TIMELINE, EVIDENCE)


@record
class Detail:
    """A fact about the person asked only when a chosen draft needs it."""

    id: str
    label: Text
    kind: str
    loc: Loc


@record
class Paragraph:
    """One line of a script or one paragraph of a letter, shown when `when` holds."""

    text: Text
    when: Condition | None
    loc: Loc


@record
class Draft:
    """A script (numbered lines to say) or a letter (paragraphs to send), with the
    checklist items it helps with and tips for the reader (`notes`, never sent)."""

    id: str
    kind: DraftKind
    title: Text
    items: tuple[str, ...]
    when: Condition | None
    paragraphs: tuple[Paragraph, ...]
    notes: tuple[Paragraph, ...]
    loc: Loc


@record
class DraftSet:
    """Every draft written for one flow, and the details they may ask for."""

    flow: str
    details: Mapping[str, Detail]
    drafts: Mapping[str, Draft]
    path: str
    loc: Loc
