"""Lines that fit a terminal: English broken between words, Chinese between characters
(not before closing nor after opening punctuation), nothing cut, widths in cells."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from overdue_guide.terminal.lines import fit, indented, lead, width, wrap


def test_english_breaks_between_words_never_inside_one() -> None:
    assert wrap("Claimed to be police, a court or a lawyer", 20) == [
        "Claimed to be",
        "police, a court or a",
        "lawyer",
    ]


def test_chinese_breaks_between_any_two_characters() -> None:
    assert wrap("算一算這筆借款一年實際花多少", 10) == ["算一算這筆", "借款一年實", "際花多少"]


def test_closing_punctuation_never_starts_a_line_nor_opening_ends_one() -> None:
    assert wrap("花多少（費用核算），好", 12) == ["花多少（費用", "核算），好"]
    assert wrap("我叫“张三”。", 6) == ["我叫", "“张", "三”。"]


def test_a_line_mixing_chinese_and_english_breaks_at_either() -> None:
    assert wrap("第 1 步 · 有人上门催收吗？ (Enter to choose)", 20) == [
        "第 1 步 · 有人上门催",
        "收吗？ (Enter to",
        "choose)",
    ]


def test_the_lines_after_the_first_leave_room_for_their_indent() -> None:
    assert wrap("A visit was announced; no one has come yet", 16, hang=4) == [
        "A visit was",
        "announced;",
        "no one has",
        "come yet",
    ]


def test_a_word_wider_than_the_line_is_folded_by_character() -> None:
    assert wrap("see /very/long/path/to/a/file.txt", 12) == [
        "see",
        "/very/long/p",
        "ath/to/a/fil",
        "e.txt",
    ]


def test_an_opening_indent_stays_and_the_spaces_at_a_break_go() -> None:
    assert wrap("   No one has come", 10) == ["   No one", "has come"]


def test_a_chinese_character_takes_two_cells() -> None:
    assert (width("借款"), width("ab"), width("→ …")) == (4, 2, 3)


def test_a_list_lines_words_start_after_its_pointer_box_and_number() -> None:
    assert (lead(" » ○ Threats"), lead("   ● Threats"), lead(" *12. A visit"), lead("x")) == (
        5,
        5,
        6,
        0,
    )


def test_indented_puts_the_next_lines_under_the_words() -> None:
    shown = indented(" *3. A visit was announced; no one has come yet", 24, lead)
    assert shown.split("\n") == [" *3. A visit was", "     announced; no one", "     has come yet"]


def test_formatted_text_keeps_its_styles_and_the_cursor_mark_across_a_break() -> None:
    fragments = [
        ("class:pointer", " » "),
        ("[SetCursorPosition]", ""),
        ("class:highlighted", "A visit was announced; no one has come yet"),
        ("", "\n"),
        ("class:text", "   Done"),
    ]
    assert fit(fragments, 20, lead) == [
        ("class:pointer", " » "),
        ("[SetCursorPosition]", ""),
        ("class:highlighted", "A visit was"),
        ("", "\n   "),
        ("class:highlighted", "announced; no one"),
        ("", "\n   "),
        ("class:highlighted", "has come yet"),
        ("", "\n"),
        ("class:text", "   Done"),
    ]


WORDS = st.lists(
    st.one_of(
        st.text("abcdefghij", min_size=1, max_size=14), st.text("借款一年实际花", min_size=1)
    ),
    min_size=1,
    max_size=12,
)


@given(WORDS, st.integers(min_value=8, max_value=60), st.integers(min_value=0, max_value=6))
def test_every_line_fits_and_nothing_is_lost(words: list[str], room: int, hang: int) -> None:
    text = " ".join(words)
    lines = wrap(text, room, hang)
    assert width(lines[0]) <= room
    assert all(width(line) <= room - hang for line in lines[1:])
    assert "".join("".join(lines).split()) == "".join(text.split())


@pytest.mark.parametrize("room", [30, 40, 80])
def test_text_that_fits_is_left_as_it_is(room: int) -> None:
    assert wrap("? What next? (↑↓ to move, Enter to choose)", room)[0].startswith("? What next?")
    assert indented("短", room) == "短"
