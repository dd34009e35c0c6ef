"""The numbered-line questions of a dumb terminal, driven without one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from overdue_guide.errors import Interrupted
from overdue_guide.flow.model import Flow
from overdue_guide.interview import loop as interview
from overdue_guide.interview.loop import Nav
from overdue_guide.terminal import console, plainprompts


def replies(*lines: str) -> tuple[list[str], plainprompts.Read]:
    said: list[str] = []
    given: Iterator[str] = iter(lines)

    def read(prompt: str) -> str:
        return next(given)

    return said, read


def run(flow: Flow, *lines: str) -> tuple[dict[str, object], list[str]]:
    said, read = replies(*lines)
    ask = plainprompts.make_ask("en", said.append, read=read, write=said.append)
    return dict(interview.run(flow, ask)), said


def test_numbers_choose_and_enter_alone_takes_the_starred_option(main_flow: Flow) -> None:
    answers, said = run(main_flow, "4", "", "", "2 5", "", "", "", "")
    assert answers["visitor_arrived"] == "no"
    assert len(answers["misconduct"]) == 2  # type: ignore[arg-type]
    assert answers["others_contacted"] == ()  # Enter alone in a multiple choice: none
    assert " *1. " in said[1]  # a single choice stars what Enter picks


def test_b_goes_back_with_the_earlier_answer_starred(main_flow: Flow) -> None:
    _, said = run(main_flow, "4", "b", *[""] * 8)
    back = [line for line in said if line.startswith(" *")]
    assert back[2].startswith(" *4. ")  # the question asked again, 'no' preselected


def test_a_reply_that_is_not_a_choice_is_asked_again(main_flow: Flow) -> None:
    _, said = run(main_flow, "x", "0", "1 2", "4", *[""] * 7)
    assert sum("Not understood: type a number from 1 to 4." in line for line in said) == 3


def test_terms_that_want_plain_lines() -> None:
    assert console.wanted({"TERM": "dumb"}) and console.wanted({})
    assert not console.wanted({"TERM": "xterm-256color"})


def test_the_review_takes_enter_to_accept_and_a_number_to_change(main_flow: Flow) -> None:
    said, read = replies("4", *[""] * 7, "1", "1", *[""] * 6)
    ask = plainprompts.make_ask("en", said.append, read=read, write=said.append)
    review = plainprompts.make_review("en", read=read, write=said.append)
    answers = interview.run(main_flow, ask, review=review)
    assert answers["visitor_arrived"] == "now"  # changed from 'no' at the review
    assert sum(line.startswith("Check your answers") for line in said) == 2


def test_end_of_input_stops_the_program_as_ctrl_c_does(main_flow: Flow) -> None:
    def read(prompt: str) -> str:
        raise EOFError

    ask = plainprompts.make_ask("en", print, read=read, write=lambda _: None)
    with pytest.raises(Interrupted, match=r"^Stopped\.$"):
        interview.run(main_flow, ask)


def test_a_list_goes_back_with_the_same_key_as_a_text_field() -> None:
    choices = [("Call", "call"), ("Visit", "visit")]
    said, read = replies("<")
    assert plainprompts.ask_choice("How?", choices, None, "en", True, read, said.append) is Nav.BACK
    assert any("< to go back" in line for line in said)


def test_a_forms_choice_keeps_its_default_on_enter_and_goes_back_with_b() -> None:
    choices = [("Call", "call"), ("Visit", "visit")]
    said, read = replies("", "b", "2")
    ask = plainprompts.ask_choice
    assert ask("How?", choices, "visit", "en", True, read, said.append) == "visit"
    assert ask("How?", choices, "visit", "en", True, read, said.append) is Nav.BACK
    assert ask("How?", choices, None, "en", False, read, said.append) == "visit"
    assert " *2. Visit" in said


def test_a_forms_ticks_keep_what_was_ticked_on_enter() -> None:
    choices = [("Words", "said"), ("Threats", "threats"), ("Money", "money")]
    said, read = replies("", "3 1")
    ask = plainprompts.ask_many
    assert ask("More?", choices, ["threats"], "en", True, read, said.append) == ["threats"]
    assert ask("More?", choices, ["threats"], "en", True, read, said.append) == ["said", "money"]


def test_a_text_field_keeps_its_default_and_asks_again_while_refused() -> None:
    said, read = replies("", "abc", "12")
    assert plainprompts.ask_text("When", "now", lambda _: None, None, "en", read) == "now"

    def whole(text: str) -> str | None:
        return None if text.isdigit() else "give a whole number"

    assert plainprompts.ask_text("People", "", whole, None, "en", read, said.append) == "12"
    assert said.count("give a whole number") == 1


def test_a_yes_or_no_question_is_no_unless_y() -> None:
    _, read = replies("", "y")
    assert not plainprompts.confirm("Delete?", "en", read, print)
    assert plainprompts.confirm("Delete?", "en", read, print)


@pytest.mark.parametrize(("term", "coloured"), [(None, False), ("dumb", False), ("xterm", True)])
def test_what_is_printed_has_colour_only_where_the_prompts_have_a_cursor(
    monkeypatch: pytest.MonkeyPatch, term: str | None, coloured: bool
) -> None:

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")  # as on a terminal, not pytest's captured output
    if term is None:
        monkeypatch.delenv("TERM", raising=False)
    else:
        monkeypatch.setenv("TERM", term)
    assert (console.console(plain=False).color_system is not None) == coloured


@pytest.mark.parametrize(("plain", "no_color"), [(True, None), (False, "1")])
def test_plain_or_no_color_prints_no_escape_code_at_all(
    monkeypatch: pytest.MonkeyPatch, plain: bool, no_color: str | None
) -> None:
    import io

    from rich.text import Text

    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    if no_color:
        monkeypatch.setenv("NO_COLOR", no_color)
    screen = console.console(plain=plain)
    screen.file = io.StringIO()
    screen.print(Text("马上做", style="bold underline dim red"))
    assert screen.file.getvalue() == "马上做\n"
