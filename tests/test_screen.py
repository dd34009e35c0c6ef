"""The checklist on screen fits a small terminal: measured over the widest paths of the
main flow, in every language, so the limits keep holding as the advice grows."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console

from overdue_guide.flow.model import Answer, Catalog, Flow
from overdue_guide.interview import engine
from overdue_guide.output import render, report, screen
from overdue_guide.output.export import as_html, as_markdown, as_text

from .helpers import small_flow
from .test_safety import UNTRUSTED

LANGS = ("zh-CN", "zh-TW", "en")
#: The issue's limits: the longest path in at most 100 lines at 80 columns, 200 at 40.
LIMITS = {80: 100, 40: 200}


def view(flow: Flow, catalog: Catalog, answers: dict[str, Answer], lang: str) -> report.Report:
    return report.build(engine.checklist(flow, engine.complete(flow, answers)), catalog, lang)


def drawn(view: report.Report, width: int) -> list[str]:
    """The checklist as the terminal shows it, line by line."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system=None, highlight=False, emoji=False)
    render.on_screen(console, view)
    return buffer.getvalue().splitlines()


Drawing = tuple[dict[str, Answer], report.Report, list[str]]
Measure = tuple[dict[str, Answer], report.Report, screen.Screen]


@pytest.fixture(scope="session")
def measures(
    main_flow: Flow, catalog: Catalog, widest: list[dict[str, Answer]]
) -> Callable[[str, int], list[Measure]]:
    """Each widest path's checklist in `lang`, laid out at `width` (once per session):
    the rows `screen` measures are the lines drawn (see the test of that)."""
    cache: dict[tuple[str, int], list[Measure]] = {}
    views: dict[str, list[tuple[dict[str, Answer], report.Report]]] = {}

    def measure(lang: str, width: int) -> list[Measure]:
        if lang not in views:
            views[lang] = [(a, view(main_flow, catalog, a, lang)) for a in widest]
        if (lang, width) not in cache:
            cache[lang, width] = [(a, v, screen.lay_out(v, width)) for a, v in views[lang]]
        return cache[lang, width]

    return measure


@pytest.fixture(scope="session")
def drawings(
    main_flow: Flow, measures: Callable[[str, int], list[Measure]]
) -> Callable[[str, int], list[Drawing]]:
    """The telling widest paths drawn in `lang` at `width`: the five tallest there, and
    enough others that every item of the flow is drawn at least once."""
    cache: dict[tuple[str, int], list[Drawing]] = {}

    def draw(lang: str, width: int) -> list[Drawing]:
        if (lang, width) not in cache:
            laid = sorted(measures(lang, width), key=lambda m: -len(m[2].rows))
            telling, shown = laid[:5], {ln.id for _, v, _ in laid[:5] for ln in v.lines}
            for measure in laid[5:]:
                if not {ln.id for ln in measure[1].lines} <= shown:
                    telling.append(measure)
                    shown |= {ln.id for ln in measure[1].lines}
            assert shown == set(main_flow.items)
            cache[lang, width] = [(a, v, drawn(v, width)) for a, v, _ in telling]
        return cache[lang, width]

    return draw


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_every_path_s_checklist_is_part_of_a_widest_path_s(
    main_flow: Flow, widest: list[dict[str, Answer]], data: st.DataObject
) -> None:
    answers: dict[str, Answer] = {}
    while (pending := engine.walk(main_flow, answers).pending) is not None:
        if pending.kind == "multi":
            picked = data.draw(st.lists(st.sampled_from(pending.codes), unique=True))
            answers[pending.id] = engine.validate(pending, picked)
        else:
            answers[pending.id] = data.draw(st.sampled_from(pending.codes))
    items = {item.id for item in engine.checklist(main_flow, answers).items}
    assert any(items <= set(checklist_ids(main_flow, wide)) for wide in widest)


def checklist_ids(flow: Flow, answers: dict[str, Answer]) -> list[str]:
    return [item.id for item in engine.checklist(flow, answers).items]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", sorted(LIMITS))
def test_the_longest_checklist_fits_the_line_limit(
    measures: Callable[[str, int], list[Measure]], lang: str, width: int
) -> None:
    for answers, _, laid in measures(lang, width):
        assert len(laid.rows) <= LIMITS[width], (answers, len(laid.rows))
        assert len(laid.rows) <= screen.budget(width) or laid.whys == 0, (
            "over the budget while a why could still be left out"
        )


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", [40, 80, 200])
def test_the_rows_measured_are_the_lines_drawn(
    drawings: Callable[[str, int], list[Drawing]], lang: str, width: int
) -> None:
    for answers, shown, lines in drawings(lang, width):
        assert len(lines) == len(screen.lay_out(shown, width).rows), answers


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", sorted(LIMITS))
def test_the_now_items_are_on_the_first_screen(
    drawings: Callable[[str, int], list[Drawing]], lang: str, width: int
) -> None:
    for answers, shown, lines in drawings(lang, width):
        first = "".join(lines[: screen.FIRST_SCREEN])
        now = [line for line in shown.lines if line.urgency == "now"]
        assert now, answers
        for line in now:
            assert line.text[:8] in first, (answers, line.id)
        assert lines[2] == shown.groups[0].heading  # nothing comes before them but the title


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", sorted(LIMITS))
def test_a_tall_checklist_ends_with_the_now_items_again(
    drawings: Callable[[str, int], list[Drawing]], lang: str, width: int
) -> None:
    """Scrolled to its end, the terminal still shows what to do now (three rows are
    left for the offer to save that follows)."""
    for answers, shown, lines in drawings(lang, width):
        last = "".join(lines[-(screen.FIRST_SCREEN - 3) :])
        for line in shown.lines:
            if line.urgency == "now":
                assert line.text[:8] in last, (answers, line.id)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", [40, 80, 200])
def test_no_line_on_screen_is_wider_than_the_terminal(
    drawings: Callable[[str, int], list[Drawing]], lang: str, width: int
) -> None:
    for _, _, lines in drawings(lang, width):
        assert max(cell_len(line) for line in lines) <= width


def test_a_checklist_that_fits_one_screen_is_not_repeated(tmp_path: Path) -> None:
    flow, catalog = small_flow(tmp_path, UNTRUSTED.replace("LONGWORD", "因为危险"))
    shown = report.build(engine.checklist(flow, {"q": "a"}), catalog, "zh-CN")
    lines = drawn(shown, 80)
    assert len(lines) <= screen.FIRST_SCREEN
    assert sum("红色" in line for line in lines) == 1
    assert "[blink]闪[/blink]" in lines[3] and "\\x1b[31m红色" in lines[3]  # shown as written


def test_every_item_and_its_source_numbers_are_on_screen(
    measures: Callable[[str, int], list[Measure]],
) -> None:
    for _, shown, laid in measures("zh-CN", 80):
        text = "\n".join(row.text + row.tail for row in laid.rows)
        sources = text[text.index("\n来源\n") :]
        numbers = screen.origins(shown)
        for line in shown.lines:
            assert f"☐ {line.text[:10]}" in text.replace("\n   ", "")
        for number in set(numbers.values()):
            assert f"[{number}] " in sources
        assert max(numbers.values()) == len(set(numbers.values()))


def test_each_document_and_law_is_named_once_on_screen(
    main_flow: Flow, catalog: Catalog, widest: list[dict[str, Answer]]
) -> None:
    shown = view(main_flow, catalog, widest[0], "zh-CN")
    names = [screen.short_name(note, "zh-CN") for note in shown.sources]
    assert len(set(screen.origins(shown).values())) == len(set(names)) < len(shown.sources)


def test_whys_are_left_out_from_the_bottom_up_and_the_screen_says_so(
    main_flow: Flow, catalog: Catalog, widest: list[dict[str, Answer]]
) -> None:
    shown = view(main_flow, catalog, widest[-1], "zh-CN")
    laid = screen.lay_out(shown, 80)
    assert 0 < laid.whys < len(shown.lines)
    details = "".join(row.text.strip() for row in laid.rows if row.kind == "detail")
    with_why = [line for line in shown.lines if line.detail[:20] in details]
    assert with_why == list(shown.lines[: laid.whys])
    assert any(row.kind == "note" and "屏幕放不下" in row.text for row in laid.rows)


def test_a_short_checklist_shows_every_why_and_no_note_about_it(
    main_flow: Flow, catalog: Catalog
) -> None:
    calm = {"visitor_arrived": "no", "misconduct": (), "others_contacted": (),
            "amount_checked": "matches", "can_pay_full": "yes"}  # fmt: skip
    shown = view(main_flow, catalog, calm, "zh-CN")
    laid = screen.lay_out(shown, 80)
    assert laid.whys == len(shown.lines)
    assert not any("屏幕放不下" in row.text for row in laid.rows)


@pytest.mark.parametrize(
    ("label", "short"),
    [
        ("110 报警电话", "110 报警电话"),
        ("《中华人民共和国刑法》 第238条 非法拘禁罪、第245条 非法侵入住宅罪", "《中华人民共和国刑法》"),
        ("支付宝官方客服 95188，或支付宝 App →“我的客服”", "支付宝官方客服 95188"),
        ("《治安管理处罚法》第42条（2012 年文本；修订后条号可能变化）", "《治安管理处罚法》"),
        ("12348 公共法律服务热线；《法律援助法》", "12348 公共法律服务热线"),
        ("某协会《一部名字很长很长很长很长很长的自律公约(试行)》2018（据报道）", "《一部名字很长很长很长很长很长的自律公约(试行)》"),
    ],
)  # fmt: skip
def test_a_source_is_named_by_its_title_without_articles(label: str, short: str) -> None:
    note = report.SourceNote(1, label, None, {"reference": label})
    got = screen.short_name(note, "zh-CN")
    assert got == short if cell_len(short) <= screen.SHORT_NAME else got.endswith("…")
    assert cell_len(got) <= screen.SHORT_NAME


def test_a_document_is_named_by_its_number() -> None:
    note = report.SourceNote(
        1, "文章 000 《标题》", "原文", {"document": "000_x.txt", "quote": "原文"}
    )
    assert screen.short_name(note, "zh-CN") == "文章 000"
    assert screen.short_name(note, "en") == "Document 000"


def test_source_numbers_are_written_as_ranges() -> None:
    assert screen.refs([3, 1, 2, 7, 9, 8]) == "[1-3,7-9]"
    assert screen.refs([4]) == "[4]"


def test_files_keep_every_source_with_its_quote(
    main_flow: Flow, catalog: Catalog, widest: list[dict[str, Answer]]
) -> None:
    shown = view(main_flow, catalog, widest[0], "zh-CN")
    quotes = [note.quote for note in shown.sources if note.quote]
    assert quotes
    for document in (as_text(shown, 80), as_markdown(shown), as_html(shown)):
        flat = "".join(document.split())
        assert all("".join(q.split())[:30] in flat for q in quotes)
        assert all(line.detail[:15] in document for line in shown.lines)


@pytest.mark.parametrize("width", [40, 80])
def test_the_budget_is_two_thirds_of_the_limit(width: int) -> None:
    assert screen.limit(width) == LIMITS[width]
    assert screen.budget(width) == LIMITS[width] * 2 // 3


def test_in_english_a_reference_is_named_by_its_english_name() -> None:
    label = "Criminal Law of the PRC: 《中华人民共和国刑法》 第245条 非法侵入住宅罪"
    contract = {"reference": "《中华人民共和国刑法》", "gloss": "Criminal Law of the PRC"}
    note = report.SourceNote(1, label, None, contract)
    assert screen.short_name(note, "en") == "Criminal Law of the PRC"
    assert screen.short_name(note, "zh-CN") == "《中华人民共和国刑法》"
