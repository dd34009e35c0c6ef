"""The page speaks to a phone: nothing it can show tells a person to press keys of a
terminal or to type a command. Read for terminal-only words: every text the page carries
(the flow, sources, drafts, fee lines and its own words, in every language; its scripts
take every word they show from there), what it shows without JavaScript, its template."""

from __future__ import annotations

import re
from collections.abc import Iterator

from overdue_guide.base import places
from overdue_guide.flow.model import Catalog, Flow
from overdue_guide.web.build import asset, no_script, page_data
from overdue_guide.web.flowdata import Json

#: Words that only make sense at a terminal: keys to press, and command lines.
TERMINAL_ONLY = re.compile(
    r"回车|回車|空格键|空格鍵|Enter key|press Enter|Enter to|Enter alone|Space to|Ctrl-C|↑↓"
    r"|overdue-guide (?:log|fees|run|resume|forget|sources|flows|web)\b|--[a-z]"
)


def strings(data: Json) -> Iterator[str]:
    """Every string in the page's data, keys left out."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from strings(value)


def test_the_pattern_finds_the_terminal_words_it_is_for() -> None:
    for said in ("都没有就直接回车", "(none: just press Enter)", "overdue-guide log add"):
        assert TERMINAL_ONLY.search(said)
    for said in ("Enter a number, e.g. 1500", "the overdue-guide program", "点“下一步”"):
        assert not TERMINAL_ONLY.search(said)


def test_nothing_the_page_can_show_names_a_key_or_a_command(
    main_flow: Flow, catalog: Catalog
) -> None:
    data = page_data(main_flow, catalog, places.shipped_dir() / "main.yaml")
    found = sorted({s for s in strings(data) if TERMINAL_ONLY.search(s)})
    found += [line for line in no_script(main_flow).split("<") if TERMINAL_ONLY.search(line)]
    found += [line for line in asset("page.html").splitlines() if TERMINAL_ONLY.search(line)]
    assert found == []


def test_the_terminal_still_says_how_to_leave_a_multiple_choice_empty(main_flow: Flow) -> None:
    from overdue_guide.base.words import message

    assert message("checkbox_hint", "zh-CN") == "（空格选中，回车确认；都没有就直接回车）"
    assert (
        message("checkbox_hint", "en")
        == "(Space to tick, Enter to confirm; none: just press Enter)"
    )
