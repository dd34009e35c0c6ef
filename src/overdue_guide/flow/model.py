"""The flow as plain data: what the loader builds and the engine walks.

Nothing here reads files or talks to a terminal; every object remembers where
in its YAML file it was written, so any later finding can point at it. Objects
are `record`s: immutable (mypy refuses any assignment), compared by identity, and
cheap to define, since this module is imported on every run.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from functools import cached_property
from typing import Literal

from ..base.record import record

#: Languages every flow string is written in; zh-TW is derived from zh-CN.
FLOW_LANGS: tuple[str, ...] = ("zh-CN", "en")

#: Most urgent first: the order of the checklist.
URGENCIES: tuple[str, ...] = ("now", "today", "this_week", "later")

#: The reserved target that ends the interview.
END = "end"

Kind = Literal["single", "yes_no", "multi"]
KINDS: tuple[str, ...] = ("single", "yes_no", "multi")

#: A validated answer: one code, or a tuple of codes for a multiple choice.
Answer = str | tuple[str, ...]
Answers = Mapping[str, Answer]


@record
class Loc:
    """A place in a flow file, 1-based, as an author's editor counts."""

    file: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


NOWHERE = Loc("<built-in>", 0, 0)


@record
class Text:
    """One string in every flow language, keyed by language tag."""

    by_lang: Mapping[str, str]
    loc: Loc = NOWHERE

    def get(self, lang: str) -> str:
        """The text in `lang`, falling back to zh-CN, the language flows are written in."""
        return self.by_lang.get(lang) or self.by_lang.get("zh-CN", "")


@record
class Source:
    """Where a piece of advice comes from: a quoted document or a cited reference."""

    loc: Loc
    document: str | None = None
    quote: str | None = None
    reference: str | None = None
    article: str | None = None
    #: The quote is from a reader comment under the document, not the document's own text.
    comment: bool = False
    #: The quoted claim is wrong or dated; the item says what is right instead.
    corrected: bool = False


@record
class Item:
    """One line of the checklist: what to do, why, how urgent, and on whose word."""

    id: str
    text: Text
    detail: Text
    urgency: str
    sources: tuple[Source, ...]
    loc: Loc


# --- conditions: declarative data, evaluated by conditions.evaluate ---------


@record
class Is:
    """True when `question` was answered with one of `codes`."""

    question: str
    codes: tuple[str, ...]
    loc: Loc


@record
class Includes:
    """True when the multiple-choice `question` includes any (or all) of `codes`."""

    question: str
    codes: tuple[str, ...]
    every: bool
    loc: Loc


@record
class Answered:
    """True when `question` was asked and answered on the path taken."""

    question: str
    loc: Loc


@record
class AllOf:
    terms: tuple[Condition, ...]
    loc: Loc


@record
class AnyOf:
    terms: tuple[Condition, ...]
    loc: Loc


@record
class Not:
    term: Condition
    loc: Loc


Condition = Is | Includes | Answered | AllOf | AnyOf | Not


# --- the tree ----------------------------------------------------------------


@record
class Route:
    """Go to `goto` when `when` holds (or always, when `when` is None)."""

    goto: str
    when: Condition | None
    loc: Loc


@record
class Option:
    """One answer to a question: a stable code, its label, and what choosing it brings."""

    code: str
    label: Text
    items: tuple[str, ...]
    next: tuple[Route, ...]
    alert: Text | None
    loc: Loc


@record
class Question:
    """One step of the interview."""

    id: str
    kind: Kind
    prompt: Text
    help: Text | None
    options: tuple[Option, ...]
    next: tuple[Route, ...]
    items: tuple[str, ...]
    default: Answer | None
    loc: Loc

    def option(self, code: str) -> Option | None:
        return self._by_code.get(code)

    @cached_property
    def _by_code(self) -> Mapping[str, Option]:
        """Options by code: the engine looks one up for every answer on every path."""
        return {o.code: o for o in self.options}

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(o.code for o in self.options)


@record
class Rule:
    """Items added whenever `when` holds over the answers on the path taken."""

    when: Condition
    items: tuple[str, ...]
    loc: Loc


@record
class Flow:
    """A whole interview: its questions, its checklist items and how they connect."""

    id: str
    title: Text
    intro: Text | None
    start: str
    questions: Mapping[str, Question]
    items: Mapping[str, Item]
    rules: tuple[Rule, ...]
    path: str
    loc: Loc = NOWHERE
    #: Ids written in the file whose entries had errors: not reported again as missing.
    broken: frozenset[str] = frozenset()


# --- the catalogue of sources -------------------------------------------------


@record
class Document:
    """One of the source articles, described so a reader can find it."""

    file: str
    title: str
    site: str | None
    date: str | None
    url: str | None
    note: Text | None
    loc: Loc


@record
class Reference:
    """A law, rule or official channel, cited as references.md gives it."""

    id: str
    cite: str
    summary: Text
    confidence: str
    loc: Loc
    #: The instrument's name in English, shown beside the Chinese citation in English output.
    gloss: str | None = None


@record
class Catalog:
    """Every document and reference the flows may cite."""

    documents: Mapping[str, Document] = field(default_factory=dict)
    references: Mapping[str, Reference] = field(default_factory=dict)
    path: str = ""
