"""The page's interpreter gives exactly the CLI's JSON: the checklist (ids, urgencies,
order, texts, sources) and the drafts, on every widest path and 200 random paths, in every language, in one batch in a real
headless Chromium."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from overdue_guide.base import i18n
from overdue_guide.drafts.model import DraftSet
from overdue_guide.flow.model import Answer, Catalog, Flow

from .webpage import DETAILS, cli_document, phone, plain, random_paths

#: Runs each case through the page's own functions: the checklist, then the drafts.
RUN_CASES = """cases => cases.map(c => {
  const data = Page.data();
  const found = Engine.contract(data, c.lang, c.answers);
  found.drafts = Drafts.contract(data, found.answers, c.details, c.lang);
  return found;
})"""


def compare(
    browser: Any, web_page: Path, cases: list[dict[str, Any]], expected: list[dict[str, Any]]
) -> None:
    with phone(browser, web_page) as opened:
        found = opened.page.evaluate(RUN_CASES, cases)
    differing = [
        (case, want, got)
        for case, want, got in zip(cases, expected, found, strict=True)
        if want != got
    ]
    assert not differing, first_difference(*differing[0], count=len(differing))


def first_difference(
    case: dict[str, Any], want: dict[str, Any], got: dict[str, Any], count: int
) -> str:
    for key in want:
        if want[key] != got.get(key):
            cli, page = want[key], got.get(key)
            if isinstance(cli, list) and isinstance(page, list):
                for a, b in zip(cli, page, strict=False):
                    if a != b:
                        return f"{count} differ; first: {case}\n{key}: CLI {a}\npage {b}"
            return f"{count} differ; first: {case}\n{key}: CLI {cli}\npage {page}"
    return f"{count} differ; first: {case}"


def in_every_language(
    paths: list[dict[str, Answer]], main_flow: Flow, catalog: Catalog, drafts: DraftSet
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The page's cases for each path in each language, without details, and the CLI's JSON
    for each."""
    cases = [
        {"answers": plain(a), "lang": lang, "details": {}} for a in paths for lang in i18n.LANGS
    ]
    expected = [
        cli_document(main_flow, catalog, drafts, a, lang) for a in paths for lang in i18n.LANGS
    ]
    return cases, expected


def test_every_widest_path_gives_the_cli_json_in_every_language(
    browser: Any,
    web_page: Path,
    main_flow: Flow,
    catalog: Catalog,
    drafts: DraftSet,
    widest: list[dict[str, Answer]],
) -> None:
    paths = widest
    cases, expected = in_every_language(paths, main_flow, catalog, drafts)
    assert len(paths) >= 50
    compare(browser, web_page, cases, expected)


def test_two_hundred_random_paths_give_the_cli_json_in_every_language(
    browser: Any, web_page: Path, main_flow: Flow, catalog: Catalog, drafts: DraftSet
) -> None:
    paths = random_paths(main_flow, 200, seed=21)
    cases, expected = in_every_language(paths, main_flow, catalog, drafts)
    compare(browser, web_page, cases, expected)


def test_letters_filled_with_typed_details_read_as_the_cli_s(
    browser: Any,
    web_page: Path,
    main_flow: Flow,
    catalog: Catalog,
    drafts: DraftSet,
    widest: list[dict[str, Answer]],
) -> None:
    paths = random_paths(main_flow, 30, seed=7) + widest[:10]
    cases, expected = [], []
    for number, answers in enumerate(paths):
        details = DETAILS[number % len(DETAILS)]
        for lang in i18n.LANGS:
            cases.append({"answers": plain(answers), "lang": lang, "details": details})
            expected.append(cli_document(main_flow, catalog, drafts, answers, lang, details))
    compare(browser, web_page, cases, expected)
