"""Untrusted text shown, not obeyed: every control, bidi control and stray byte written out."""

from __future__ import annotations

import io

from overdue_guide.base.visible import visible, write_visible


def test_an_escape_sequence_is_shown_as_its_bytes() -> None:
    assert visible("\x1b]0;pwned\x07\x1b[2J") == "\\x1b]0;pwned\\x07\\x1b[2J"


def test_every_c0_c1_and_delete_control_is_shown_and_text_around_it_kept() -> None:
    assert visible("a\x00b\x1fc\x7fd\x80e\x9ff") == "a\\x00b\\x1fc\\x7fd\\x80e\\x9ff"
    assert visible(" ~\xa0é") == " ~\xa0é"


def test_line_breaks_and_tabs_are_kept_unless_asked_otherwise() -> None:
    assert visible("one\ntwo\tthree\r") == "one\ntwo\tthree\\x0d"
    assert visible("one\ntwo\tthree", keep="\n") == "one\ntwo\\x09three"
    assert visible("one\ntwo", keep="") == "one\\x0atwo"


def test_every_bidi_control_is_shown_as_its_code_point() -> None:
    controls = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    assert visible(controls) == (
        "\\u061c\\u200e\\u200f\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069"
    )
    assert visible("\u2029\u206a\u200d") == "\u2029\u206a\u200d"  # not bidi controls


def test_a_byte_that_was_not_utf8_is_shown_as_that_byte() -> None:
    broken = b"\x9b\xff ok".decode("utf-8", "surrogateescape")
    assert visible(broken) == "\\x9b\\xff ok"


def test_a_lone_surrogate_that_is_no_byte_is_shown_as_its_code_point() -> None:
    assert visible("\ud800 \udc7f \udd00 \udfff") == "\\ud800 \\udc7f \\udd00 \\udfff"


def test_write_visible_writes_the_shown_text_to_the_stream() -> None:
    stream = io.StringIO()
    write_visible("\x1b[31mred\u202e\n", stream)
    assert stream.getvalue() == "\\x1b[31mred\\u202e\n"
    write_visible("\t", stream, keep="")
    assert stream.getvalue().endswith("\\x09")


def test_every_character_it_escapes_is_one_isprintable_refuses() -> None:
    """The fast path returns printable text untouched: it may, only if nothing printable is
    ever escaped."""
    from overdue_guide.base.visible import _table

    assert all(not chr(code).isprintable() for code in _table(""))


def test_printable_chinese_text_comes_back_as_it_was() -> None:
    said = "今天不还就上门，打到我个人账户 95188"
    assert visible(said) is said
