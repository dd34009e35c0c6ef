"""Fill a draft for one person: pure, from answers and details to text.

Letters and scripts are in Simplified Chinese, whatever the reader's language,
because they go to Chinese institutions and people; a reader in `en` or `zh-TW`
also gets a translation. A field not given prints as a visible blank.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from decimal import Decimal
from itertools import combinations

from ..base.i18n import text, traditional
from ..base.words import message
from ..flow.conditions import evaluate, leaves
from ..flow.model import Answer, Flow
from ..interview.engine import checklist, chosen
from ..output.report import Rendered, clean
from . import afford, fields
from .model import (
    BLANK,
    COMPUTED,
    COMPUTED_FACTS,
    FILLED,
    NOTHING_LEFT,
    Draft,
    DraftSet,
    Paragraph,
)


def facts(answers: Mapping[str, Answer], details: Mapping[str, str]) -> dict[str, Answer]:
    """What conditions see: the answers, each detail given (for `answered`), and the
    facts worked out from details (`model.COMPUTED_FACTS`)."""
    given: dict[str, Answer] = {k: v for k, v in details.items() if v.strip()}
    if afford.nothing_left(details):
        given[NOTHING_LEFT] = "yes"
    return {**given, **answers}


def offered(drafts: DraftSet, answers: Mapping[str, Answer]) -> list[Draft]:
    """The drafts that fit the path taken, in file order."""
    return [
        d for d in drafts.drafts.values() if d.when is None or evaluate(d.when, facts(answers, {}))
    ]


def fields_of(draft: Draft) -> list[str]:
    """Every field a draft may show, in order of first use, repeats dropped."""
    found: dict[str, None] = {}
    for paragraph in draft.paragraphs:
        for name in fields.names(paragraph.text.get("zh-CN")):
            found[name] = None
    return list(found)


def details_asked(
    drafts: DraftSet,
    chosen_drafts: list[Draft],
    answers: Mapping[str, Answer] | None = None,
    known: Mapping[str, str] | None = None,
) -> list[str]:
    """The details to ask for these drafts, in the file's order (computed ones and those
    filled from the evidence log are not asked). With `answers`, only the details of
    paragraphs that can show on this path, given the details already `known`: a letter
    that asks to defer does not ask how much will be paid each month."""
    needed: set[str] = set()
    for draft in chosen_drafts:
        for paragraph in draft.paragraphs:
            if answers is not None and not _may_show(drafts, paragraph, answers, known or {}):
                continue
            needed.update(paragraph_details(drafts, paragraph))
    return [d for d in drafts.details if d in needed]


def paragraph_details(drafts: DraftSet, paragraph: Paragraph) -> list[str]:
    """The details a paragraph's text needs, in the file's order: a computed field by its
    inputs, a field filled from the evidence log never."""
    needed: set[str] = set()
    for name in fields.names(paragraph.text.get("zh-CN")):
        needed.update(COMPUTED.get(name, (name,)))
    return [d for d in drafts.details if d in needed and d not in FILLED]


def condition_details(drafts: DraftSet, paragraph: Paragraph) -> list[str]:
    """The details, and the facts worked out from details, that a paragraph's condition
    tests, sorted: those a person may still give or leave blank."""
    if paragraph.when is None:
        return []
    tested = {t.question for t in leaves(paragraph.when)}
    return sorted(tested & {*drafts.details, *COMPUTED_FACTS})


def _may_show(
    drafts: DraftSet, paragraph: Paragraph, answers: Mapping[str, Answer], known: Mapping[str, str]
) -> bool:
    """Whether the paragraph shows on this path for some choice of the details its
    condition tests that are not `known` yet (given or not)."""
    if paragraph.when is None:
        return True
    decided = set(known) | {
        fact for fact, inputs in COMPUTED_FACTS.items() if all(i in known for i in inputs)
    }
    named = [name for name in condition_details(drafts, paragraph) if name not in decided]
    seen = facts(answers, known)
    return any(
        evaluate(paragraph.when, {**dict.fromkeys(given, "x"), **seen})
        for size in range(len(named) + 1)
        for given in combinations(named, size)
    )


def render(
    draft: Draft,
    flow: Flow,
    answers: Mapping[str, Answer],
    details: Mapping[str, str],
    lang: str,
    listed: Collection[str] | None = None,
) -> Rendered:
    """The draft for these answers and details, for a reader of `lang`. `listed`, the ids of
    the checklist's items, is worked out here unless a caller rendering several drafts for
    one checklist gives it."""
    seen = facts(answers, details)
    kept = [p for p in draft.paragraphs if p.when is None or evaluate(p.when, seen)]
    chinese = _join(draft, [_fill(p, flow, answers, details, "zh-CN") for p in kept])
    translation = None
    if lang == "en":
        translation = _join(draft, [_fill(p, flow, answers, details, "en") for p in kept])
    elif lang == "zh-TW":
        translation = traditional(chinese)
    notes = tuple(
        text(n.text, lang) for n in draft.notes if n.when is None or evaluate(n.when, seen)
    )
    if listed is None:
        listed = listed_items(flow, answers)
    helps = tuple(item for item in draft.items if item in listed)
    return Rendered(
        draft.id, draft.kind, text(draft.title, lang), chinese, translation, notes, helps
    )


def listed_items(flow: Flow, answers: Mapping[str, Answer]) -> frozenset[str]:
    """The ids of the items on the checklist for `answers`: what a draft may say it helps with."""
    return frozenset(item.id for item in checklist(flow, answers).items)


def _join(draft: Draft, paragraphs: list[str]) -> str:
    if draft.kind == "script":
        return "\n".join(f"{n}. {p}" for n, p in enumerate(paragraphs, 1))
    return "\n\n".join(paragraphs)


def _fill(
    paragraph: Paragraph,
    flow: Flow,
    answers: Mapping[str, Answer],
    details: Mapping[str, str],
    lang: str,
) -> str:
    def value(name: str) -> str:
        return field_value(name, flow, answers, details, lang)

    return fields.fill(paragraph.text.get(lang), value)


def field_value(
    name: str, flow: Flow, answers: Mapping[str, Answer], details: Mapping[str, str], lang: str
) -> str:
    """A field's text: a detail as given, an answer's labels, a computed amount, else BLANK.

    A detail filled from the log keeps one line per contact or file, and may carry its
    own translation under `name.lang`."""
    if name in FILLED:
        given = (details.get(f"{name}.{lang}") or details.get(name, "")).strip()
        lines = (clean(" ".join(line.split())) for line in given.splitlines() if line.strip())
        return "\n".join(lines) or BLANK
    given = details.get(name, "").strip()
    if given:
        return clean(" ".join(given.split()))
    if name == "left_over":
        left = afford.left_over(details)
        return afford.amount_text(max(left, Decimal(0))) if left is not None else BLANK
    question = flow.questions.get(name)
    if question is not None and name in answers:
        labels = [
            o.label.get(lang)
            for c in chosen(answers[name])
            if (o := question.option(c)) is not None
        ]
        joiner = ", " if lang == "en" else "、"
        return joiner.join(labels) or message("none_chosen", lang)
    return BLANK
