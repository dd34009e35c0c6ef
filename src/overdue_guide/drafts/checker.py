"""Static checks of a drafts file against the flow whose answers and items it uses.

`flows check` runs this for `flows/drafts.yaml` (see `content.check.DATA_FILES`); the
interview refuses drafts with errors, so a person never meets a broken letter.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import Finding
from ..flow.checker import findings_of_test
from ..flow.conditions import evaluate, leaves
from ..flow.loader import parse_flow
from ..flow.model import AllOf, Answered, Condition, Flow, Loc
from . import fields
from .loader import parse_drafts
from .model import COMPUTED, COMPUTED_FACTS, Draft, DraftSet
from .paths import codes_named, situations
from .render import facts


def _at(loc: Loc, severity: str, code: str, message: str) -> Finding:
    return Finding(loc.file, loc.line, loc.col, severity, code, message)


def flow_path(drafts_path: Path, flow_id: str) -> Path:
    """The flow a drafts file names: the file beside it, else the shipped one."""
    from ..base.places import shipped_dir

    beside = drafts_path.parent / f"{flow_id}.yaml"
    return beside if beside.is_file() else shipped_dir() / f"{flow_id}.yaml"


def check_file(path: Path, documents: Path | None = None) -> list[Finding]:
    """`flows check` of a drafts file: loading problems, then checks against its flow."""
    drafts, findings = parse_drafts(path)
    if drafts is None:
        return findings
    flow_file = flow_path(path, drafts.flow)
    flow = parse_flow(flow_file)[0] if flow_file.is_file() else None
    if flow is None:
        return [
            *findings,
            _at(
                drafts.loc,
                "error",
                "unknown-flow",
                f"no usable flow '{drafts.flow}' for these drafts",
            ),
        ]
    return findings + check(drafts, flow)


def check(drafts: DraftSet, flow: Flow) -> list[Finding]:
    """Every finding of `drafts` against `flow`, in file order."""
    found = [*_details(drafts, flow)]
    for draft in drafts.drafts.values():
        found += [*_links(draft, flow), *_fields(draft, drafts, flow)]
        found += _conditions(draft, drafts, flow)
    return sorted(found, key=lambda f: (f.file, f.line, f.col, f.code))


def _details(drafts: DraftSet, flow: Flow) -> Iterator[Finding]:
    used = {
        name
        for draft in drafts.drafts.values()
        for paragraph in draft.paragraphs
        for field in fields.names(paragraph.text.get("zh-CN"))
        for name in COMPUTED.get(field, (field,))
    }
    conditioned = {
        test.question
        for draft in drafts.drafts.values()
        for condition in _all_conditions(draft)
        for test in leaves(condition)
    }
    for detail in drafts.details.values():
        if detail.id in flow.questions or detail.id in COMPUTED or detail.id in COMPUTED_FACTS:
            yield _at(
                detail.loc,
                "error",
                "duplicate-id",
                f"detail '{detail.id}' is also a question or a computed field",
            )
        elif detail.id not in used | conditioned:
            yield _at(detail.loc, "warning", "unused-detail", f"no draft uses detail '{detail.id}'")


def _all_conditions(draft: Draft) -> Iterator[Condition]:
    if draft.when is not None:
        yield draft.when
    for paragraph in (*draft.paragraphs, *draft.notes):
        if paragraph.when is not None:
            yield paragraph.when


def _links(draft: Draft, flow: Flow) -> Iterator[Finding]:
    if not draft.items:
        yield _at(
            draft.loc,
            "error",
            "unlinked-draft",
            f"no checklist item points to draft '{draft.id}': list the items it helps with",
        )
    for item in draft.items:
        if item not in flow.items:
            yield _at(
                draft.loc,
                "error",
                "unknown-item",
                f"draft '{draft.id}' links to item '{item}', which flow '{flow.id}' lacks",
            )


def _fields(draft: Draft, drafts: DraftSet, flow: Flow) -> Iterator[Finding]:
    known = {*drafts.details, *flow.questions, *COMPUTED}
    for paragraph in draft.paragraphs:
        for lang, value in paragraph.text.by_lang.items():
            for name in dict.fromkeys(fields.names(value)):
                if name not in known:
                    yield _at(
                        paragraph.text.loc,
                        "error",
                        "unknown-field",
                        f"{{{name}}} ({lang}) is neither a detail, a question nor a computed field",
                    )
        zh = set(fields.names(paragraph.text.get("zh-CN")))
        en = paragraph.text.by_lang.get("en")
        if en is not None and set(fields.names(en)) != zh:
            yield _at(
                paragraph.text.loc,
                "error",
                "field-mismatch",
                "the zh-CN and en texts must use the same fields",
            )


def _conditions(draft: Draft, drafts: DraftSet, flow: Flow) -> list[Finding]:
    found: list[Finding] = []
    for condition in _all_conditions(draft):
        found += _tests(condition, drafts, flow)
    if found:
        return found
    for paragraph in (*draft.paragraphs, *draft.notes):
        if paragraph.when is None:
            continue
        both = (
            paragraph.when
            if draft.when is None
            else AllOf((draft.when, paragraph.when), paragraph.loc)
        )
        if not _can_hold(both, drafts, flow):
            found.append(
                _at(
                    paragraph.when.loc,
                    "error",
                    "never-holds",
                    "this paragraph's condition holds on no path of the flow",
                )
            )
    if draft.when is not None and not _can_hold(draft.when, drafts, flow):
        found.append(
            _at(draft.loc, "error", "never-holds", f"draft '{draft.id}' fits no path of the flow")
        )
    elif (
        draft.paragraphs
        and all(p.when is not None for p in draft.paragraphs)
        and _may_be_empty(draft, drafts, flow)
    ):
        found.append(
            _at(
                draft.loc,
                "error",
                "may-be-empty",
                f"on some path no paragraph of draft '{draft.id}' is shown: give one no 'when'",
            )
        )
    return found


def _tests(condition: Condition, drafts: DraftSet, flow: Flow) -> Iterator[Finding]:
    for test in leaves(condition):
        question = flow.questions.get(test.question)
        if question is not None:
            if not isinstance(test, Answered):
                yield from findings_of_test(test, question)
        elif test.question in drafts.details or test.question in COMPUTED_FACTS:
            if not isinstance(test, Answered):
                yield _at(
                    test.loc,
                    "error",
                    "wrong-test",
                    f"'{test.question}' is a detail: test it with 'answered'",
                )
        else:
            yield _at(
                test.loc,
                "error",
                "unknown-question",
                f"condition names no question or detail '{test.question}'",
            )


def _details_named(conditions: list[Condition], drafts: DraftSet) -> list[str]:
    known = {*drafts.details, *COMPUTED_FACTS}
    return sorted({t.question for c in conditions for t in leaves(c) if t.question in known})


def _can_hold(condition: Condition, drafts: DraftSet, flow: Flow) -> bool:
    given = _details_named([condition], drafts)
    return any(
        evaluate(condition, facts(answers, dict.fromkeys(present, "x")))
        for answers, present in situations(flow, codes_named([condition]), given, [condition])
    )


def _may_be_empty(draft: Draft, drafts: DraftSet, flow: Flow) -> bool:
    conditions = list(_all_conditions(draft))
    given = _details_named(conditions, drafts)
    for answers, present in situations(flow, codes_named(conditions), given, conditions):
        seen = facts(answers, dict.fromkeys(present, "x"))
        if draft.when is not None and not evaluate(draft.when, seen):
            continue
        if not any(p.when is not None and evaluate(p.when, seen) for p in draft.paragraphs):
            return True
    return False
