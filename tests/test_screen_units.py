"""The checklist on a screen, fast: checklists made by hand, laid out at a given width and
written out row by row. The `now` items come first and end within the first screen, a
tall checklist repeats them at its end, whys go from the bottom up, and each document or
law has one number."""

from __future__ import annotations

import pytest

from overdue_guide.output import screen
from overdue_guide.output.report import Group, Line, Report, SourceNote

from .tiny_report import tiny_report

SOURCES_HINT = ("Each source's exact words: save the", "checklist to a file; all sources:")


def rows(shown: screen.Screen) -> list[tuple[str, str, str]]:
    return [(row.text, row.kind, row.tail) for row in shown.rows]


def items(count: int, why: str, urgency: str, title: str = "T") -> Report:
    """`count` items of one urgency, each with the same why, and no sources."""
    lines = tuple(Line(f"i{n}", urgency, f"Item {n}", why, ()) for n in range(count))
    return Report("f", title, "en", {}, (Group(urgency, "H", lines),), (), "F")


def test_a_short_checklist_shows_every_why_and_its_sources_by_short_name() -> None:
    shown = screen.lay_out(tiny_report(), 40)
    assert rows(shown) == [
        ("Plan <X> & [more]", "title", ""),
        ("", "", ""),
        ("Now | *first*", "heading.now", ""),
        (" ☐ Call 110 [x](javascript:alert(1))", "item", ""),
        ("   ", "item", "[1-2]"),
        ("   Danger", "detail", ""),
        ("   first # _u_", "detail", ""),
        ("   → Say <b>; X|Y", "detail", ""),
        (" ☐ Keep <script>alert(1)</script> ", "item", "[2]"),
        ("   Keep `it`", "detail", ""),
        ("", "", ""),
        ("This week", "heading.this_week", ""),
        (" ☐ Check the bill ", "item", "[1-3]"),
        ("   It \\ may be wrong", "detail", ""),
        ("", "", ""),
        ("Sources", "sources", ""),
        (" [1] Document 000 · [2] A law", "source", ""),
        (" [3] A rule (reported)", "source", ""),
        (SOURCES_HINT[0], "note", ""),
        (SOURCES_HINT[1], "note", ""),
        ("overdue-guide sources", "note", ""),
        ("", "", ""),
        ("Info _only_", "footer", ""),
    ]
    assert (shown.whys, shown.now_ends) == (3, 9)


def test_a_checklist_taller_than_a_screen_ends_with_the_now_items_again() -> None:
    shown = screen.lay_out(tiny_report(), 30)
    assert rows(shown)[3:6] == [
        (" ☐ Call 110", "item", ""),
        ("   [x](javascript:alert(1))", "item", ""),
        ("   ", "item", "[1-2]"),
    ]
    assert rows(shown)[17:] == [
        ("", "", ""),
        ("Sources", "sources", ""),
        (" [1] Document 000 · [2] A law", "source", ""),
        (" [3] A rule (reported)", "source", ""),
        ("Each source's exact words:", "note", ""),
        ("save the checklist to a file;", "note", ""),
        ("all sources: overdue-guide", "note", ""),
        ("sources", "note", ""),
        ("", "", ""),
        ("Most urgent, do these first:", "heading.now", ""),
        (" ☐ Call 110", "item", ""),
        ("   [x](javascript:alert(1))", "item", ""),
        (" ☐ Keep", "item", ""),
        ("   <script>alert(1)</script>", "item", ""),
        ("", "", ""),
        ("Info _only_", "footer", ""),
    ]
    assert (shown.whys, shown.now_ends) == (3, 12)


def test_the_now_items_may_end_on_the_last_row_of_the_first_screen() -> None:
    shown = screen.lay_out(items(5, "a\nb\nc\nd", "now"), 40)
    assert (len(shown.rows), shown.whys, shown.now_ends) == (37, 5, 24)
    assert rows(shown)[23] == (" ☐ Item 4", "item", "")


def test_whys_go_from_the_bottom_up_until_the_now_items_end_on_the_first_screen() -> None:
    shown = screen.lay_out(items(5, "a\nb\nc\nd\ne", "now"), 40)
    assert rows(shown)[21:] == [
        (" ☐ Item 3", "item", ""),
        (" ☐ Item 4", "item", ""),
        ("To fit the screen, some items show only", "note", ""),
        ("what to do; the file you save gives", "note", ""),
        ("every reason.", "note", ""),
        ("", "", ""),
        ("Most urgent, do these first:", "heading.now", ""),
        (" ☐ Item 0", "item", ""),
        (" ☐ Item 1", "item", ""),
        (" ☐ Item 2", "item", ""),
        (" ☐ Item 3", "item", ""),
        (" ☐ Item 4", "item", ""),
        ("", "", ""),
        ("F", "footer", ""),
    ]
    assert (shown.whys, shown.now_ends) == (3, 23)


def test_a_checklist_of_exactly_the_budget_keeps_every_why() -> None:
    shown = screen.lay_out(items(12, "a\nb\nc\nd", "soon", "T\nT"), 80)
    assert (len(shown.rows), shown.whys, shown.now_ends) == (66, 12, 0)
    assert rows(shown)[-3:] == [("   d", "detail", ""), ("", "", ""), ("F", "footer", "")]


def test_one_row_past_the_budget_drops_the_last_why_and_says_so() -> None:
    shown = screen.lay_out(items(12, "a\nb\nc\nd", "soon", "T\nT\nT"), 80)
    assert (len(shown.rows), shown.whys) == (65, 11)
    assert rows(shown)[-6:] == [
        ("   d", "detail", ""),
        (" ☐ Item 11", "item", ""),
        (
            "To fit the screen, some items show only what to do; the file you save gives",
            "note",
            "",
        ),
        ("every reason.", "note", ""),
        ("", "", ""),
        ("F", "footer", ""),
    ]


def test_a_checklist_without_now_items_has_no_recap() -> None:
    shown = screen.lay_out(items(12, "a", "soon"), 40)
    assert len(shown.rows) == 29
    assert rows(shown)[-4:] == [
        (" ☐ Item 11", "item", ""),
        ("   a", "detail", ""),
        ("", "", ""),
        ("F", "footer", ""),
    ]


def test_an_empty_checklist_is_its_title_and_footer() -> None:
    shown = screen.lay_out(Report("f", "T", "en", {}, (), (), "F"), 40)
    assert rows(shown) == [("T", "title", ""), ("", "", ""), ("F", "footer", "")]
    assert (shown.whys, shown.now_ends) == (0, 0)


def test_two_articles_of_one_law_share_one_number_in_order_of_first_use() -> None:
    assert screen.origins(tiny_report()) == {1: 1, 2: 2, 3: 3, 4: 2}


@pytest.mark.parametrize(
    ("width", "most", "aimed"),
    [(0, 200, 133), (40, 200, 133), (63, 126, 84), (79, 101, 67), (80, 100, 66), (200, 100, 66)],
)
def test_the_row_limit_keeps_about_the_same_text_at_any_width(
    width: int, most: int, aimed: int
) -> None:
    assert (screen.limit(width), screen.budget(width)) == (most, aimed)


@pytest.mark.parametrize(
    ("label", "contract", "lang", "short"),
    [
        ("Document 123 《X》", {"document": "123_x.txt"}, "en", "Document 123"),
        ("文章 12", {"document": "12"}, "zh-CN", "文章 12"),
        ("A law, art 1", {"gloss": "English law; art"}, "en", "English law"),
        ("A law, art 1", {"gloss": "English law; art"}, "zh-CN", "A law"),
        ("A law, art 1", {"gloss": ""}, "en", "A law"),
        ("，lead comma", {}, "en", "，lead comma"),
        ("，lead，comma", {}, "en", "，lead"),
        ("A，b", {}, "zh-CN", "A"),
        ("《a，b》，c", {}, "zh-CN", "《a，b》"),
        ("《a，b》第 3 条，c", {}, "zh-CN", "《a，b》"),
        ("第 3 条 only", {}, "zh-CN", "第 3 条 only"),
        ("a 第3条x", {}, "en", "a"),
        ("Law（note）", {}, "en", "Law"),
        ("Law: note", {}, "en", "Law: note"),
        ("Law：note", {}, "en", "Law"),
        ("Law; note", {}, "en", "Law"),
        ("Law,note", {}, "en", "Law"),
        ("x" * 30, {}, "en", "x" * 30),
        ("x" * 31, {}, "en", "x" * 29 + "…"),
        ("长" * 15, {}, "zh-CN", "长" * 15),
        ("长" * 16, {}, "zh-CN", "长" * 14 + "…"),
        ("长" * 12 + "《短》", {}, "zh-CN", "长" * 12 + "《短》"),
        ("长" * 13 + "《短》", {}, "zh-CN", "《短》"),
    ],
)
def test_a_source_is_named_short(
    label: str, contract: dict[str, object], lang: str, short: str
) -> None:
    assert screen.short_name(SourceNote(1, label, None, contract), lang) == short


@pytest.mark.parametrize(
    ("numbers", "shown"),
    [
        ([], ""),
        ([5], "[5]"),
        ([2, 2, 1], "[1-2]"),
        ([1, 3], "[1,3]"),
        ([9, 1, 2, 3, 7], "[1-3,7,9]"),
    ],
)
def test_source_numbers_are_ranges_in_order(numbers: list[int], shown: str) -> None:
    assert screen.refs(numbers) == shown


@pytest.mark.parametrize(
    ("width", "first", "second"),
    [
        (34, " [1] Law 1 · [2] Law 2 · [3] Law 3", " [4] Law 4 · [5] Law 5"),
        (33, " [1] Law 1 · [2] Law 2", " [3] Law 3 · [4] Law 4"),
    ],
)
def test_a_long_list_of_sources_wraps_between_names(width: int, first: str, second: str) -> None:
    sources = tuple(SourceNote(n, f"Law {n}", None, {"reference": f"Law {n}"}) for n in range(1, 6))
    line = Line("a", "soon", "A", "why", (1, 2, 3, 4, 5))
    report = Report("f", "T", "en", {}, (Group("soon", "H", (line,)),), sources, "F")
    assert rows(screen.lay_out(report, width))[3:9] == [
        (" ☐ A ", "item", "[1-5]"),
        ("   why", "detail", ""),
        ("", "", ""),
        ("Sources", "sources", ""),
        (first, "source", ""),
        (second, "source", ""),
    ]


def test_the_most_whys_that_fit_are_found_whatever_the_count() -> None:
    shown = screen.lay_out(items(7, "a\nb\nc\nd", "now"), 40)
    assert (len(shown.rows), shown.whys, shown.now_ends) == (36, 3, 22)
    assert rows(shown)[17:20] == [
        ("   d", "detail", ""),
        (" ☐ Item 3", "item", ""),
        (" ☐ Item 4", "item", ""),
    ]


def test_a_checklist_of_exactly_one_screen_is_not_repeated() -> None:
    shown = screen.lay_out(items(6, "a\nb", "now", "T\nT"), 40)
    assert (len(shown.rows), shown.whys) == (24, 6)
    assert rows(shown)[-3:] == [("   b", "detail", ""), ("", "", ""), ("F", "footer", "")]


def test_items_and_whys_fill_the_width_less_their_indent() -> None:
    fits = Line("a", "soon", "x" * 31, "w" * 20 + " " + "v" * 16, (1,))
    wraps = Line("b", "soon", "y" * 32, "w" * 20 + " " + "v" * 17, (1,))
    sources = (SourceNote(1, "Z" * 25, None, {"reference": "Z"}),)
    report = Report("f", "T", "en", {}, (Group("soon", "H", (fits, wraps)),), sources, "F")
    assert rows(screen.lay_out(report, 40))[3:14] == [
        (" ☐ " + "x" * 31 + " ", "item", "[1]"),
        ("   " + "w" * 20 + " " + "v" * 16, "detail", ""),
        (" ☐ " + "y" * 32, "item", ""),
        ("   ", "item", "[1]"),
        ("   " + "w" * 20, "detail", ""),
        ("   " + "v" * 17, "detail", ""),
        ("", "", ""),
        ("Sources", "sources", ""),
        (" [1] " + "Z" * 25, "source", ""),
        (SOURCES_HINT[0], "note", ""),
        (SOURCES_HINT[1], "note", ""),
    ]
    assert rows(screen.lay_out(report, 20))[19] == (" [1] " + "Z" * 15, "source", "")


def test_in_english_two_laws_with_one_english_name_share_a_number() -> None:
    sources = (
        SourceNote(1, "《刑法》第238条", None, {"reference": "a", "gloss": "Criminal Law"}),
        SourceNote(2, "《中华人民共和国刑法》", None, {"reference": "b", "gloss": "Criminal Law"}),
    )
    report = Report("f", "T", "en", {}, (), sources, "F")
    assert screen.origins(report) == {1: 1, 2: 1}
