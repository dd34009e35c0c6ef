"""The page's engine (`web/assets/engine.js`) and letters (`drafts.js`) held to the Python
side, as data for the Node harness `tests/web_engine_node.mjs`: the page's packed data, and
cases whose expected values come from the Python side (the equality spec, as in
`test_web_engine.py`) or, for the small hand-made flows and conditions, are written out.

Run as a script it writes the cases to a file, for StrykerJS (`mutation/README.md`):
`python -m tests.enginecases FILE`.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Any

from overdue_guide.base import i18n, places
from overdue_guide.drafts import afford
from overdue_guide.drafts.afford import INCOME, OFFER, SPENDING, amount_text
from overdue_guide.drafts.loader import parse_drafts
from overdue_guide.drafts.model import DraftSet
from overdue_guide.drafts.render import details_asked, offered
from overdue_guide.drafts.view import contract as drafts_contract
from overdue_guide.errors import AnswersError
from overdue_guide.flow.model import (
    AllOf,
    Answer,
    Answered,
    AnyOf,
    Catalog,
    Condition,
    Flow,
    Includes,
    Is,
    Loc,
    Not,
)
from overdue_guide.interview import engine
from overdue_guide.output import report
from overdue_guide.web.build import page_data
from overdue_guide.web.draftdata import drafts_json
from overdue_guide.web.flowdata import condition
from overdue_guide.web.pack import pack

from .helpers import CALM_PATH, widest_paths
from .webpage import DETAILS, plain, random_paths

#: Plain JSON, as `json.dumps` takes it.
Json = Any

#: The harness beside this file.
HARNESS = Path(__file__).with_name("web_engine_node.mjs")

#: A raw answer read back from a phone's storage that is no answer to any question.
NOT_ANSWERS: list[object] = [None, 3, True, {}, "", "nonsense"]


class Expected:
    """What the Python side gives for complete paths, said once: each item's contract entry
    and checklist line (the same on every path, in one language), each source note, and
    per path only what depends on it (the items in order, their source numbers)."""

    def __init__(self, flow: Flow, catalog: Catalog) -> None:
        self.flow = flow
        self.catalog = catalog
        self.tables: Json = {"flow": flow.id, "entries": {}, "lines": {}, "notes": {}}
        self.numbered: dict[str, dict[str, int]] = {}  # a note's place in `notes`, by lang
        for lang in i18n.LANGS:
            for table in ("entries", "lines", "notes"):
                self.tables[table][lang] = {} if table != "notes" else []

    def case(self, answers: dict[str, Answer], lang: str) -> Json:
        """A path's answers in `lang`, and what the contract and the checklist view
        (`report.build`) give for them, as references into the tables."""
        checklist = engine.checklist(self.flow, answers)
        view = report.build(checklist, self.catalog, lang)
        document = report.contract(view, checklist, self.catalog)
        assert document["flow"] == self.tables["flow"] and document["lang"] == lang
        for entry in document["checklist"]:
            self._once("entries", lang, entry["id"], entry)
        for ln in view.lines:
            line = {"id": ln.id, "urgency": ln.urgency, "text": ln.text, "detail": ln.detail}
            self._once("lines", lang, ln.id, line)
        found: Json = {
            "lang": lang,
            "answers": plain(answers),
            "items": [entry["id"] for entry in document["checklist"]],
            "refs": [list(ln.refs) for ln in view.lines],
            "sources": [[self._note(lang, n), n.number] for n in view.sources],
        }
        assert found["items"] == [ln.id for ln in view.lines]
        if document["answers"] != found["answers"]:
            found["taken"] = document["answers"]
        return found

    def _once(self, table: str, lang: str, key: str, value: Json) -> None:
        kept = self.tables[table][lang].setdefault(key, value)
        assert kept == value, f"{table} {lang} {key} differs between paths"

    def _note(self, lang: str, note: report.SourceNote) -> int:
        numbered = self.numbered.setdefault(lang, {})
        key = json.dumps([note.label, note.quote], ensure_ascii=False)
        if key not in numbered:
            numbered[key] = len(self.tables["notes"][lang])
            self.tables["notes"][lang].append({"label": note.label, "quote": note.quote})
        return numbered[key]


def partial_case(flow: Flow, answers: dict[str, Answer]) -> Json:
    """Answers that may stop short of the end or stray off the path: the walk, the answers
    on the path and those that still count."""
    step = engine.walk(flow, answers)
    return {
        "answers": plain(answers),
        "path": list(step.path),
        "pending": step.pending.id if step.pending else None,
        "on_path": plain(engine.on_path(flow, answers)),
        "applicable": plain(engine.applicable(flow, answers)),
    }


def partial_answers(flow: Flow, count: int, seed: int) -> list[dict[str, Answer]]:
    """A path cut short at a random point, with the answers of another path's questions
    off it mixed in (a branch left behind at the review)."""
    chooser = random.Random(seed)
    whole = random_paths(flow, count * 2, seed)
    found = []
    for mine, other in zip(whole[::2], whole[1::2], strict=True):
        ids = list(mine)
        kept = {qid: mine[qid] for qid in ids[: chooser.randrange(len(ids) + 1)]}
        stray = {qid: a for qid, a in other.items() if qid not in kept and chooser.random() < 0.5}
        found.append({**kept, **stray})
    return found


def strayed(flow: Flow, count: int, seed: int) -> list[dict[str, Answer]]:
    """Complete paths with the answers of another path's questions off them mixed in: the
    checklist reads only the answers on the path (its rules too)."""
    whole = random_paths(flow, count * 2, seed)
    return [{**other, **mine} for mine, other in zip(whole[::2], whole[1::2], strict=True)]


def revise_cases(flow: Flow, paths: list[dict[str, Answer]], seed: int) -> list[Json]:
    """One answer on a complete path changed to another of its question's answers."""
    chooser = random.Random(seed)
    found = []
    for answers in paths:
        qid = chooser.choice(list(answers))
        question = flow.questions[qid]
        if question.kind == "multi":
            answer: Answer = tuple(c for c in question.codes if chooser.random() < 0.5)
        else:
            answer = chooser.choice(question.codes)
        revised = engine.revise(flow, answers, qid, answer)
        found.append(
            {
                "answers": plain(answers),
                "id": qid,
                "answer": plain({qid: answer})[qid],
                "expected": plain(revised),
            }
        )
    return found


def validate_cases(flow: Flow) -> list[Json]:
    """Raw answers to every question, good and bad: the checked answer, or None where
    `engine.validate` refuses it."""
    found = []
    for question in flow.questions.values():
        codes = list(question.codes)
        raws: list[object] = [*codes, codes, codes[::-1], codes[:1], [], [*codes, "nonsense"]]
        for raw in [*raws, *NOT_ANSWERS]:
            try:
                checked: object = plain({"_": engine.validate(question, raw)})["_"]
            except AnswersError:
                checked = None
            found.append({"id": question.id, "raw": raw, "expected": checked})
    return found


def _is(question: str, *codes: str) -> Is:
    return Is(question, codes, HERE)


def _includes(question: str, *codes: str, every: bool = False) -> Includes:
    return Includes(question, codes, every, HERE)


#: Where the hand-made conditions are written.
HERE = Loc("tests/enginecases.py", 1, 1)

#: Answers for the hand-made conditions: a single choice, a multiple choice, one unanswered.
GIVEN: dict[str, Answer] = {"one": "b", "many": ("x", "y")}

#: Conditions on `GIVEN`, and whether each holds (`conditions.evaluate`), written out.
CONDITIONS: list[tuple[Condition | None, bool]] = [
    (None, True),
    (_is("one", "a", "b"), True),
    (_is("one", "a"), False),
    (_is("unanswered", "a"), False),
    (_is("many", "x"), False),
    (_includes("many", "y", "z"), True),
    (_includes("many", "z"), False),
    (_includes("many", "x", "y", every=True), True),
    (_includes("many", "x", "z", every=True), False),
    (_includes("one", "b"), False),
    (_includes("unanswered", "x"), False),
    (Answered("one", HERE), True),
    (Answered("unanswered", HERE), False),
    (AllOf((_is("one", "b"), _includes("many", "x")), HERE), True),
    (AllOf((_is("one", "b"), _includes("many", "z")), HERE), False),
    (AllOf((), HERE), True),
    (AnyOf((_is("one", "a"), _includes("many", "x")), HERE), True),
    (AnyOf((_is("one", "a"), _includes("many", "z")), HERE), False),
    (AnyOf((), HERE), False),
    (Not(_is("one", "b"), HERE), False),
    (Not(_is("one", "a"), HERE), True),
]


def _question(kind: str, options: Json, items: Json = (), goto: Json = ()) -> Json:
    routes = [{"goto": g, "when": None} for g in goto]
    return {
        "kind": kind,
        "items": list(items),
        "next": routes,
        "ahead": list(goto),
        "options": options,
    }


def _option(code: str, items: Json = (), routes: Json = ()) -> Json:
    return {"code": code, "items": list(items), "next": list(routes)}


#: A small flow in the page's form: `a`'s option `x` has a route that never holds (the
#: flow ends there), `y` goes on to the multiple choice `b`, which ends the flow when `p`
#: is ticked and else asks `c`. An item no flow lists (`ghost`) is dropped; a rule reads
#: `c`, which is off the path after `x`; a code no option has (`w`, `nope`: answers not
#: checked) brings no items and takes the question's own route, as in `engine.checklist`.
SMALL = {
    "id": "small",
    "start": "a",
    "questions": {
        "a": _question(
            "single",
            [
                _option("x", ["i_x"], [{"goto": "b", "when": ["is", "a", ["y"]]}]),
                _option("y", ["ghost", "i_y"]),
            ],
            ["i_a"],
            ["b"],
        ),
        "b": {
            **_question("multi", [_option("p", ["i_p"]), _option("q", ["i_q", "i_a"])]),
            "next": [
                {"goto": "end", "when": ["includes", "b", ["p"], False]},
                {"goto": "c", "when": None},
            ],
            "ahead": ["c"],
        },
        "c": _question("single", [_option("z")]),
    },
    "rules": [
        {"when": ["all", [["is", "a", ["y"]], ["includes", "b", ["q"], False]]], "items": ["i_r"]},
        {"when": ["answered", "c"], "items": ["i_c"]},
    ],
    "items": {
        name: {"urgency": "soon", "rank": rank}
        for rank, name in enumerate(["i_x", "i_y", "i_q", "i_a", "i_p", "i_r", "i_c"])
    },
}

#: Answers read back from storage for questions the flow does not have, some named as
#: what every JavaScript object inherits: each is dropped (None), never looked up.
UNKNOWN_IDS: list[Json] = [
    {"id": qid, "raw": "yes", "expected": None}
    for qid in ("no_such_question", "toString", "constructor", "__proto__", "hasOwnProperty")
]

#: The checklist view of two items by hand (`report.build` numbers sources in order of
#: first use, once each, and lists each line's numbers sorted and once): `one` names
#: source 1 twice, `two` a new source before an old one.
REPORT: Json = {
    "data": {
        "flow": {"items": {"one": {"urgency": "now"}, "two": {"urgency": "soon"}}},
        "texts": {
            "en": {
                "items": {
                    "one": {"text": "One", "detail": "First", "sources": [1, 0, 1]},
                    "two": {"text": "Two", "detail": "Second", "sources": [2, 0]},
                },
                "sources": [
                    {"label": "A", "quote": "a", "contract": {}},
                    {"label": "B", "quote": None, "contract": {}},
                    {"label": "C", "quote": "c", "contract": {}},
                ],
            }
        },
    },
    "lang": "en",
    "result": {"items": ["one", "two"]},
    "expected": {
        "lines": [
            {"id": "one", "urgency": "now", "text": "One", "detail": "First", "refs": [1, 2]},
            {"id": "two", "urgency": "soon", "text": "Two", "detail": "Second", "refs": [2, 3]},
        ],
        "sources": [
            {"number": 1, "label": "B", "quote": None},
            {"number": 2, "label": "A", "quote": "a"},
            {"number": 3, "label": "C", "quote": "c"},
        ],
    },
}

#: Small flows, walks and checklists, their results written out.
FLOWS: list[Json] = [
    {
        "name": "small",
        "flow": SMALL,
        "walk": [
            {"answers": {}, "expected": {"path": [], "pending": "a"}},
            {"answers": {"a": "x", "c": "z"}, "expected": {"path": ["a"], "pending": None}},
            {"answers": {"a": "y"}, "expected": {"path": ["a"], "pending": "b"}},
            {"answers": {"a": "y", "b": ["p"]}, "expected": {"path": ["a", "b"], "pending": None}},
            {"answers": {"a": "y", "b": []}, "expected": {"path": ["a", "b"], "pending": "c"}},
            {
                "answers": {"a": "y", "b": ["q"], "c": "z"},
                "expected": {"path": ["a", "b", "c"], "pending": None},
            },
        ],
        "checklist": [
            {
                "answers": {"a": "x", "c": "z"},
                "expected": {"answers": {"a": "x"}, "items": ["i_x", "i_a"]},
            },
            {
                "answers": {"a": "y", "b": ["q"], "c": "z"},
                "expected": {
                    "answers": {"a": "y", "b": ["q"], "c": "z"},
                    "items": ["i_y", "i_q", "i_a", "i_r", "i_c"],
                },
            },
            {
                "answers": {"a": "y", "b": ["p", "q"]},
                "expected": {
                    "answers": {"a": "y", "b": ["p", "q"]},
                    "items": ["i_y", "i_q", "i_a", "i_p", "i_r"],
                },
            },
            {"answers": {"a": "y", "b": []}, "expected": {"throws": "no answer for 'c'"}},
            {
                "answers": {"a": "w", "b": ["p", "nope"]},
                "expected": {"answers": {"a": "w", "b": ["p", "nope"]}, "items": ["i_a", "i_p"]},
            },
        ],
    },
    {
        "name": "a route to no question",
        "flow": {**SMALL, "questions": {"a": _question("single", [_option("x")], goto=["gone"])}},
        "walk": [{"answers": {"a": "x"}, "expected": {"throws": "no question 'gone'"}}],
        "checklist": [{"answers": {"a": "x"}, "expected": {"throws": "no question 'gone'"}}],
    },
    {
        "name": "a loop",
        "flow": {
            **SMALL,
            "questions": {
                "a": _question("single", [_option("x")], goto=["b"]),
                "b": _question("single", [_option("x")], goto=["a"]),
            },
        },
        "walk": [{"answers": {"a": "x", "b": "x"}, "expected": {"throws": "'a' is reached twice"}}],
        "checklist": [],
    },
]


#: Details beyond `DETAILS`, for the letters' sums and fields: nothing left (exactly, and
#: below nothing), an offer just over and exactly at what is left, full-width digits, amounts
#: the CLI refuses (an exponent, a sign, a bare point), control characters and runs of
#: spaces, and lines from the evidence log with an English version of their own.
TYPED: list[dict[str, str]] = [
    *DETAILS,
    {"monthly_income": "3000", "essential_spending": "3000", "plan_amount": "100"},
    {"monthly_income": "2000", "essential_spending": "2500.75", "plan_amount": "0"},
    {"monthly_income": "5000", "essential_spending": "1000", "plan_amount": "4000.01"},
    {"monthly_income": "5000.004", "essential_spending": "1000", "plan_amount": "4000"},
    {
        "monthly_income": "１２０００",
        "essential_spending": "３，０００元",
        "plan_amount": "￥９００",
    },
    {"monthly_income": "1e4", "essential_spending": "3000", "plan_amount": "+5"},
    {"monthly_income": "5000", "essential_spending": ".5", "plan_amount": "-0"},
    {"monthly_income": "NaN", "essential_spending": "1_000", "plan_amount": "5."},
    {"name": " ", "plan_amount": ""},
    {
        "user_role": " typed\tby  hand ",
        "misconduct": "  ",
        "monthly_income": "100",
        "plan_amount": "50",
        "log_evidence": " a.mp3 \n\n b.jpg ",
    },
    {
        "name": " Li\x07  Si\t\x7f\x9f",
        "address": "Room \u202e12\u202c, \u2066Road\u2069 \u200f\u061c",
        "cause": "lost\u2028my  job",
        "log_timeline": " 3 May  called\r\n\n 4 May\x1b visit \x0b",
        "log_timeline.en": "3 May: a call",
        "log_evidence": "   ",
    },
]

#: Amounts as a person might type them: `afford.money` reads some, refuses the rest.
AMOUNTS: list[str] = sorted(
    {d[k] for d in TYPED for k in d if k in (INCOME, SPENDING, OFFER)}
    | {"0", "0.005", "0.015", "12.345", "1 000", "0x10", "Infinity", "1E2", "3,000元"}
)


def drafts_case(
    flow: Flow, drafts: DraftSet, answers: dict[str, Answer], details: dict[str, str], lang: str
) -> Json:
    """The drafts a path offers, filled with `details` in `lang` (`drafts.view.contract`),
    and the details they ask for: on any path, on this path, and on this path once the
    details given are known, or once each is given or left blank (`render.details_asked`)."""
    taken = engine.checklist(flow, answers).answers
    chosen = offered(drafts, taken)
    known = {k: v for k, v in details.items() if v.strip()}
    return {
        "answers": plain(taken),
        "details": details,
        "lang": lang,
        "drafts": drafts_contract(drafts, flow, taken, details, lang),
        "asked": details_asked(drafts, chosen),
        "asked_here": details_asked(drafts, chosen, taken),
        "asked_known": details_asked(drafts, chosen, taken, known),
        "asked_decided": details_asked(drafts, chosen, taken, details),
    }


#: Drafts by hand whose fields name questions (their answers' labels), the sum left, the
#: lines from the evidence log, and a paragraph that needs two details given.
HAND_DRAFTS = Path(__file__).with_name("enginedrafts.yaml")


def hand_drafts(flow: Flow) -> Json:
    """The hand-made drafts as the page carries them, and their cases in every language:
    the calm path (no box ticked, `visit_place` not asked), the calm path with a code no
    option has (an answer not checked), and 30 random paths, with each set of typed details
    in turn."""
    drafts = parse_drafts(HAND_DRAFTS)[0]
    assert drafts is not None
    unchecked = {**CALM_PATH, "misconduct": ("threats", "nonsense")}
    paths = [dict(CALM_PATH), unchecked, *random_paths(flow, 30, seed=13)]
    cases = [
        drafts_case(flow, drafts, a, TYPED[n % len(TYPED)], lang)
        for n, a in enumerate(paths)
        for lang in i18n.LANGS
    ]
    return {"drafts": drafts_json(drafts), "cases": cases}


def verdict_case(details: dict[str, str]) -> Json:
    """What `afford.check` says of the details' sums, figures as a letter writes them."""
    found = afford.check(details)
    if found is None:
        return {"details": details, "expected": None}
    figures = {"left": amount_text(found.left), "offer": amount_text(found.offer)}
    return {
        "details": details,
        "expected": {
            **figures,
            "affordable": found.affordable,
            "nothing_left": found.nothing_left,
        },
    }


def money_case(typed: str) -> Json:
    amount = afford.money(typed)
    return {"typed": typed, "expected": None if amount is None else amount_text(amount)}


def engine_cases(
    flow: Flow, catalog: Catalog, drafts: DraftSet, widest: list[dict[str, Answer]]
) -> Json:
    """Every case the harness runs, with the packed page data they run on: the random
    paths in every language, each widest path in one (in turn: `test_web_engine.py`
    runs them all in every language in Chromium; here they cost time once per mutant)."""
    shipped = places.shipped_dir() / "main.yaml"
    paths = random_paths(flow, 200, seed=21) + strayed(flow, 100, seed=3)
    expected = Expected(flow, catalog)
    langs = i18n.LANGS
    return {
        "packed": pack(page_data(flow, catalog, shipped), langs),
        "paths": [expected.case(a, lang) for a in paths for lang in langs]
        + [expected.case(a, langs[n % len(langs)]) for n, a in enumerate(widest)],
        "expected": expected.tables,
        "partial": [partial_case(flow, a) for a in partial_answers(flow, 200, seed=5)],
        "revise": revise_cases(flow, random_paths(flow, 100, seed=9), seed=9),
        "validate": validate_cases(flow) + UNKNOWN_IDS,
        "reports": [REPORT],
        "conditions": [
            {"condition": condition(c), "answers": plain(GIVEN), "expected": holds}
            for c, holds in CONDITIONS
        ],
        "flows": FLOWS,
        "drafts": [
            drafts_case(flow, drafts, a, TYPED[n % len(TYPED)], langs[n % len(langs)])
            for n, a in enumerate(random_paths(flow, 100, seed=21) + widest[:: len(widest) // 20])
        ],
        "hand_drafts": hand_drafts(flow),
        "verdicts": [verdict_case(d) for d in TYPED],
        "amounts": [money_case(a) for a in AMOUNTS],
    }


def write_cases(target: Path) -> None:
    """The shipped main flow's cases, written to `target` as JSON."""
    from overdue_guide.flow.catalog import parse_catalog
    from overdue_guide.flow.loader import parse_flow

    flow = parse_flow(places.shipped_dir() / "main.yaml")[0]
    catalog = parse_catalog(places.shipped_dir() / "sources.yaml")[0]
    drafts = parse_drafts(places.shipped_dir() / "drafts.yaml")[0]
    assert flow is not None and catalog is not None and drafts is not None
    cases = engine_cases(flow, catalog, drafts, widest_paths(flow))
    target.write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    write_cases(Path(sys.argv[1]))
