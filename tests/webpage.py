"""Helpers for the web page's tests: a phone-sized page with every request refused and
counted, and the CLI's JSON document for the same answers, to compare with."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from overdue_guide.drafts.model import DraftSet
from overdue_guide.drafts.view import contract as drafts_contract
from overdue_guide.flow.model import Answer, Catalog, Flow
from overdue_guide.interview import engine
from overdue_guide.output import report

#: Flags for a Chromium that downloads nothing and talks to nothing (benchmarks/web.py too).
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

#: A phone: 360 × 740 CSS pixels, touch.
PHONE: dict[str, Any] = {
    "viewport": {"width": 360, "height": 740},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
}


class Opened:
    """A page in its own browser context, and the requests it tried to make."""

    def __init__(self, context: Any, page: Any) -> None:
        self.context = context
        self.page = page
        self.requests: list[str] = []
        self.errors: list[str] = []


@contextmanager
def phone(
    browser: Any, path: Path, lang: str | None = None, locale: str = "zh-CN", **options: Any
) -> Iterator[Opened]:
    """The page opened from its file on a phone-sized screen; every request other than the
    file itself is refused (and recorded), as a phone with no network would."""
    context = browser.new_context(locale=locale, **{**PHONE, **options})
    opened = Opened(context, context.new_page())

    def refuse(route: Any) -> None:
        url = route.request.url
        if url == path.as_uri():
            route.continue_()
        else:
            opened.requests.append(url)
            route.abort()

    opened.page.route("**/*", refuse)
    opened.page.on("pageerror", lambda error: opened.errors.append(str(error)))
    opened.page.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
    opened.page.goto(path.as_uri() + (f"#lang={lang}" if lang else ""))
    try:
        yield opened
    finally:
        context.close()


#: Details as a person might type them, to fill the letters (blanks elsewhere): the page's
#: letters are held to the CLI's with them (`test_web_engine.py`, `enginecases.py`).
DETAILS: list[dict[str, str]] = [
    {},
    {
        "name": "张三",
        "phone": "138 0000 0000",
        "address": "北京市朝阳区建国路 1 号",
        "amount": "3,000元",
        "monthly_income": "4000",
        "essential_spending": "3000.50",
        "plan_amount": "500",
        "plan_periods": "12",
        "cause": "  失业了，\n正在找工作  ",
        "ticket_number": "A123",
    },
    {"monthly_income": "¥ 2500.5", "essential_spending": "2,000", "collector": "李四"},
]


def cli_document(
    flow: Flow,
    catalog: Catalog,
    drafts: DraftSet,
    answers: Mapping[str, Answer],
    lang: str,
    details: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """What `overdue-guide run --answers … --format json` prints for complete answers
    (session._emit), as plain JSON."""
    checklist = engine.checklist(flow, answers)
    view = report.build(checklist, catalog, lang)
    document = report.contract(view, checklist, catalog)
    document["drafts"] = drafts_contract(drafts, flow, checklist.answers, details or {}, lang)
    loaded: dict[str, Any] = json.loads(json.dumps(document, ensure_ascii=False))
    return loaded


def random_paths(flow: Flow, count: int, seed: int) -> list[dict[str, Answer]]:
    """`count` complete paths, each answer drawn at random (a random subset for a
    multiple choice)."""
    chooser = random.Random(seed)
    found = []
    for _ in range(count):
        answers: dict[str, Answer] = {}
        while (step := engine.walk(flow, answers)).pending is not None:
            question = step.pending
            if question.kind == "multi":
                answers[question.id] = tuple(c for c in question.codes if chooser.random() < 0.5)
            else:
                answers[question.id] = chooser.choice(question.codes)
        found.append(answers)
    return found


def plain(answers: Mapping[str, Answer]) -> dict[str, object]:
    """Answers as the page takes them: lists for multiple choices."""
    found: dict[str, object] = engine.plain(answers)
    return found
