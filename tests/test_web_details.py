"""The page asks exactly the details the CLI asks on the same path: `Drafts.asked` (the
port) gives `drafts.render.details_asked`'s list for every widest path and random
paths, before any detail is given and after some are, in a real headless Chromium."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from overdue_guide.drafts.model import DraftSet
from overdue_guide.drafts.render import details_asked, offered
from overdue_guide.flow.model import Answer, Flow

from .webpage import phone, plain, random_paths

#: Each case through the page's own functions: the drafts offered, then the details asked.
ASKED = """cases => cases.map(c => {
  const data = Page.data();
  const drafts = Drafts.offered(data, c.answers);
  return Drafts.asked(data, drafts, c.answers, c.known).map(d => d.id);
})"""

#: Details known so far: none; money left each month; nothing left; one left blank for
#: good (the CLI's known details include blanks).
KNOWN: list[dict[str, str]] = [
    {},
    {"monthly_income": "4000", "essential_spending": "3000"},
    {"monthly_income": "0", "essential_spending": "1200"},
    {"monthly_income": "", "name": "张三"},
]


def test_the_page_asks_the_details_the_cli_asks_on_every_widest_path(
    browser: Any,
    web_page: Path,
    main_flow: Flow,
    drafts: DraftSet,
    widest: list[dict[str, Answer]],
) -> None:
    paths = widest + random_paths(main_flow, 50, seed=23)
    cases = [{"answers": plain(a), "known": known} for a in paths for known in KNOWN]
    expected = [
        details_asked(drafts, offered(drafts, a), a, known) for a in paths for known in KNOWN
    ]
    with phone(browser, web_page) as opened:
        found = opened.page.evaluate(ASKED, cases)
    differing = [(c, w, g) for c, w, g in zip(cases, expected, found, strict=True) if w != g]
    assert not differing, f"{len(differing)} differ; first: {differing[0]}"
    assert any("plan_amount" in e for e in expected)  # the monthly offer is asked somewhere
    assert any("defer_months" in e and "plan_amount" not in e for e in expected)


#: What a person may type into a date or an amount, checked by the page's `Drafts.isDay`
#: and `Drafts.money` (what its details form asks) as the CLI checks it.
TYPED = [
    ("date", "2026-02-28", True),
    ("date", "2026年2月28日", True),
    ("date", "２０２６/３/１", True),
    ("date", "2026-02-30", False),
    ("date", "2026-13-01", False),
    ("date", "上个月", False),
    ("money", "１，２００元", True),
    ("money", "1_200", False),
    ("money", "١٢٠٠", False),
    ("money", "1e3", False),
]

#: The page's check of one detail.
CHECKED = """cases => cases.map(c => {
  return c.kind === "date" ? Drafts.isDay(c.typed) : Drafts.money(c.typed) !== null;
})"""


def test_the_page_accepts_and_refuses_the_details_the_cli_does(
    browser: Any, web_page: Path
) -> None:
    from overdue_guide.drafts.afford import refused

    assert [refused(kind, typed) is None for kind, typed, _ in TYPED] == [ok for *_, ok in TYPED]
    cases = [{"kind": kind, "typed": typed} for kind, typed, _ in TYPED]
    with phone(browser, web_page) as opened:
        found = opened.page.evaluate(CHECKED, cases)
    assert found == [ok for *_, ok in TYPED]
