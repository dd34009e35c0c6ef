"""The compiled flow as plain JSON, for the page's small interpreter (`assets/engine.js`).

Structure and conditions are exported as data, never as code: the page evaluates
conditions, walks routes and fills drafts exactly as `conditions`, `engine` and
`drafts.render` do. What is a property of the flow alone is computed here, once, by
the Python definitions themselves, and shipped as a result: each item's rank in every
checklist (`engine._ranks`), the questions reachable from each question
(`engine.reachable`), and every text already localized and cleaned, sources already
in their contract form and labelled (`report`). So ordering has one definition.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..base.i18n import LANGS, text
from ..base.words import message
from ..flow.model import (
    URGENCIES,
    AllOf,
    Answered,
    AnyOf,
    Catalog,
    Condition,
    Flow,
    Includes,
    Is,
    Not,
    Route,
    Source,
)
from ..interview.engine import _ranks, reachable
from ..output.report import _label, clean, contract_source

#: Plain JSON, as `json.dumps` takes it.
Json = Any


def condition(found: Condition | None) -> Json:
    """A condition as nested lists: ["is", q, codes], ["includes", q, codes, every],
    ["answered", q], ["all", terms], ["any", terms], ["not", term]; None for none."""
    if found is None:
        return None
    if isinstance(found, Is):
        return ["is", found.question, list(found.codes)]
    if isinstance(found, Includes):
        return ["includes", found.question, list(found.codes), found.every]
    if isinstance(found, Answered):
        return ["answered", found.question]
    if isinstance(found, AllOf):
        return ["all", [condition(t) for t in found.terms]]
    if isinstance(found, AnyOf):
        return ["any", [condition(t) for t in found.terms]]
    assert isinstance(found, Not)
    return ["not", condition(found.term)]


def _routes(routes: Sequence[Route]) -> Json:
    return [{"goto": r.goto, "when": condition(r.when)} for r in routes]


def structure(flow: Flow) -> Json:
    """Questions, routes, rules and item ranks: everything the walk and the checklist need."""
    ranks = _ranks(flow)
    return {
        "id": flow.id,
        "start": flow.start,
        "questions": {
            q.id: {
                "kind": q.kind,
                "items": list(q.items),
                "next": _routes(q.next),
                "ahead": sorted(reachable(flow, q.id)),
                "options": [
                    {"code": o.code, "items": list(o.items), "next": _routes(o.next)}
                    for o in q.options
                ],
            }
            for q in flow.questions.values()
        },
        "rules": [{"when": condition(r.when), "items": list(r.items)} for r in flow.rules],
        "items": {i.id: {"urgency": i.urgency, "rank": ranks[i.id]} for i in flow.items.values()},
    }


def texts(flow: Flow, catalog: Catalog, lang: str) -> Json:
    """Every flow text in `lang`, cleaned as `report` cleans it, and the numbered-source
    table: each item lists its sources as indexes into `sources`, where equal contract
    forms share one entry, as `report.build` numbers them."""
    sources: list[Json] = []
    index: dict[tuple[tuple[str, object], ...], int] = {}

    def source(found: Source) -> int:
        contract = contract_source(found, catalog, lang)
        key = tuple(sorted(contract.items()))
        if key not in index:
            index[key] = len(sources)
            quote = clean(found.quote) if found.quote else None
            label = clean(_label(found, catalog, lang))
            sources.append({"label": label, "quote": quote, "contract": contract})
        return index[key]

    return {
        "title": clean(text(flow.title, lang)),
        "intro": clean(text(flow.intro, lang)) if flow.intro else "",
        "questions": {
            q.id: {
                "prompt": text(q.prompt, lang),
                "help": text(q.help, lang) if q.help else "",
                "options": {
                    o.code: {
                        "label": text(o.label, lang),
                        "alert": text(o.alert, lang) if o.alert else "",
                    }
                    for o in q.options
                },
            }
            for q in flow.questions.values()
        },
        "items": {
            i.id: {
                "text": clean(text(i.text, lang)),
                "detail": clean(text(i.detail, lang)),
                "sources": [source(s) for s in i.sources],
            }
            for i in flow.items.values()
        },
        "sources": sources,
        "urgency": {u: message(f"urgency.{u}", lang) for u in _urgencies(flow)},
    }


def _urgencies(flow: Flow) -> list[str]:
    return [u for u in URGENCIES if any(i.urgency == u for i in flow.items.values())]


def by_lang(build: Any, *args: Any) -> Mapping[str, Json]:
    """`build(*args, lang)` for every language of the page."""
    return {lang: build(*args, lang) for lang in LANGS}
