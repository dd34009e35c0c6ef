"""Narrow terminals, read off the screen: at 30, 40 and 80 columns, in zh-CN, zh-TW and en,
every question, option, hint, review line and menu entry is on screen whole, broken only
between words (English) or characters (Chinese), and an option's next lines start in the
list's margin (a line the terminal wrapped by itself would start at the left edge).
"What does this mean" and "Back" in a multiple choice have no tick box."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from overdue_guide.base.i18n import text
from overdue_guide.base.places import shipped_dir
from overdue_guide.base.words import message
from overdue_guide.drafts import open_drafts
from overdue_guide.drafts.render import offered
from overdue_guide.evidence import worth_offering
from overdue_guide.fees import FEE_ITEMS
from overdue_guide.flow.model import Flow, Question
from overdue_guide.interview import engine

from .screen import CTRL_C, CTRL_U, DOWN, ENTER, SPACE, Terminal, reads, unreadable

WIDTHS = (30, 40, 80)
LANGS = ("zh-CN", "zh-TW", "en")
#: Answers that lead through every question of the main flow; the first option elsewhere.
CHOSEN: dict[str, tuple[str, ...]] = {
    "misconduct": ("personal_account", "fake_authority"),
    "can_pay_full": ("no",),
}


def keys_for(question: Question) -> str:
    """The keys that give `question` its answer in CHOSEN (the first option if none)."""
    codes = question.codes
    wanted = CHOSEN.get(question.id, () if question.kind == "multi" else codes[:1])
    if question.kind != "multi":
        return DOWN * codes.index(wanted[0]) + ENTER
    keys, at = "", 0
    for index in sorted(codes.index(code) for code in wanted):
        keys, at = keys + DOWN * (index - at) + SPACE, index
    return keys + ENTER


def in_the_margin(rows: list[str]) -> list[str]:
    """The rows under a question that start at the left edge: the terminal wrapped them."""
    return [row for row in rows[1:] if row and not row.startswith(" ")]


def on_screen(rows: list[str], flow: Flow, step: str, lang: str) -> Question:
    """The question whose "step · prompt" reads whole on `rows`."""
    found = [q for q in flow.questions.values() if reads(rows, f"{step} · {text(q.prompt, lang)}")]
    assert len(found) == 1, ["no question reads whole:", *rows]
    return found[0]


def check_question(screen: Terminal, flow: Flow, number: int, lang: str) -> Question:
    """The question on screen read whole; which question it is."""
    step = message("step", lang, n=number)
    rows = screen.since(f"? {step}")
    question = on_screen(rows, flow, step, lang)
    multi = question.kind == "multi"
    hint = message("checkbox_hint" if multi else "select_hint", lang)
    labels = [text(o.label, lang) for o in question.options]
    meta = [message("help", lang)] + ([message("back", lang)] if number > 1 else [])
    assert not unreadable(rows, [hint, *labels, *meta]), unreadable(rows, [hint, *labels, *meta])
    assert not in_the_margin(rows), rows
    if multi:
        boxed = [row for row in rows if any(m in row for m in meta) and ("○" in row or "●" in row)]
        assert not boxed, rows
    return question


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("columns", WIDTHS)
def test_every_screen_of_the_interview_reads_whole(
    tmp_path: Path, main_flow: Flow, lang: str, columns: int
) -> None:
    screen = Terminal(tmp_path, columns, "--lang", lang, rows=120)  # the review is long
    answers: dict[str, object] = {}
    review = message("review_title", lang)
    for number in range(1, 20):
        if screen.expect(message("step", lang, n=number), review[:4]):
            break
        screen.frame()
        question = check_question(screen, main_flow, number, lang)
        screen.send(keys_for(question))
        wanted = CHOSEN.get(question.id, () if question.kind == "multi" else question.codes[:1])
        answers[question.id] = wanted if question.kind == "multi" else wanted[0]
    # every question but the one asked only of a visit announced (the next test's)
    assert set(answers) == set(main_flow.questions) - {"visit_when"}

    screen.frame()
    rows = screen.since(f"? {review[:4]}")
    asked = [text(main_flow.questions[q].prompt, lang) for q in answers]
    singles = [
        text(o.label, lang)
        for q in answers
        for o in main_flow.questions[q].options
        if main_flow.questions[q].kind != "multi" and o.code == answers[q]
    ]
    shown = [review, message("review_done", lang), *asked, *singles]
    assert not unreadable(rows, shown), unreadable(rows, shown)
    assert not in_the_margin(rows), rows
    screen.send(ENTER)

    next_steps = message("next_steps", lang)
    screen.frame(next_steps)
    rows = screen.since(f"? {next_steps}")
    checked = {k: engine.validate(main_flow.questions[k], v) for k, v in answers.items()}
    items = {item.id for item in engine.checklist(main_flow, checked).items}
    entries = ["action_drafts", "action_save", "action_done"]
    entries += ["action_log"] if worth_offering(items) else []
    entries += ["action_fees"] if FEE_ITEMS & items else []
    labels = [message(key, lang) for key in entries]
    assert not unreadable(rows, labels), unreadable(rows, labels)
    assert not in_the_margin(rows), rows
    screen.send(ENTER)  # the words and letters

    drafts = open_drafts(shipped_dir() / "main.yaml", main_flow)
    assert drafts is not None
    titles = [text(d.title, lang) for d in offered(drafts, checked)]
    chooses = message("drafts_choose", lang)[:3]
    screen.frame(chooses)
    rows = screen.since(f"? {chooses}")
    assert not unreadable(rows, titles), unreadable(rows, titles)
    assert not in_the_margin(rows), rows
    screen.send(ENTER)  # none: back to the menu, the cursor on "save"
    screen.frame(next_steps)
    screen.send(ENTER)  # save?
    screen.frame(message("save_html", lang)[:3])
    screen.send(ENTER)  # no, thanks
    screen.frame(next_steps)
    screen.send(ENTER)  # done
    assert screen.finish() == 0


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("columns", WIDTHS)
def test_the_questions_of_a_visit_announced_read_whole(
    tmp_path: Path, main_flow: Flow, lang: str, columns: int
) -> None:
    """The one question the path above does not ask: when the announced visit is to come."""
    screen = Terminal(tmp_path, columns, "--lang", lang)
    visitor = main_flow.questions["visitor_arrived"]
    keys = [DOWN * visitor.codes.index("announced") + ENTER, ENTER, ENTER]  # the borrower, home
    for number, key in enumerate(keys, 1):
        screen.expect(message("step", lang, n=number))
        screen.frame()
        check_question(screen, main_flow, number, lang)
        screen.send(key)
    screen.expect(message("step", lang, n=4))
    screen.frame()
    assert check_question(screen, main_flow, 4, lang).id == "visit_when"
    screen.send(CTRL_C)
    assert screen.finish() == 130


def numbers_for(question: Question) -> str:
    """What to type in numbered lines for `question`'s answer in CHOSEN (Enter alone: the
    first option, or none ticked)."""
    wanted = CHOSEN.get(question.id, ())
    return " ".join(str(question.codes.index(code) + 1) for code in wanted) + ENTER


def options_read(rows: list[str], labels: list[str]) -> list[str]:
    """The labels not whole on the rows of the numbered options (those starting with a
    space): a label the terminal wrapped by itself goes on at the left edge."""
    return unreadable([row for row in rows if row.startswith(" ")], labels)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("columns", WIDTHS)
def test_numbered_lines_read_whole(
    tmp_path: Path, main_flow: Flow, lang: str, columns: int
) -> None:
    screen = Terminal(tmp_path, columns, "--lang", lang, term=None, rows=120)
    asked: list[str] = []
    for number in range(1, 20):
        step = message("step", lang, n=number)
        if screen.expect(step, message("review_title", lang)[:4]):
            break
        screen.expect("> ")
        rows = screen.since(step)
        question = on_screen(rows, main_flow, step, lang)
        labels = [text(o.label, lang) for o in question.options]
        assert not options_read(rows, labels), options_read(rows, labels)
        hint = message("plain_multi" if question.kind == "multi" else "plain_single", lang)
        assert reads(rows, hint), rows
        asked.append(text(question.prompt, lang))
        screen.send(numbers_for(question))
    screen.expect("> ")
    rows = screen.since(message("review_title", lang)[:4])
    assert not options_read(rows, asked), options_read(rows, asked)
    assert reads(rows, message("plain_review", lang)), rows
    screen.send(ENTER)
    next_steps = message("next_steps", lang)
    screen.expect(next_steps)
    screen.expect("> ")
    rows = screen.since(next_steps)
    labels = [message(key, lang) for key in ("action_drafts", "action_save", "action_done")]
    assert not options_read(rows, labels), options_read(rows, labels)
    numbers = [int(found[1]) for row in rows if (found := re.match(r" [ *](\d+)\. ", row))]
    screen.send(f"{max(numbers)}{ENTER}")  # done, the last entry
    assert screen.finish() == 0


@pytest.mark.parametrize("lang", LANGS)
def test_a_text_field_and_why_it_was_refused_read_whole_at_30_columns(
    tmp_path: Path, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from overdue_guide.evidence.texts import say

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    screen = Terminal(tmp_path, 30, "log", "add", "--lang", lang)
    asked, hint = say("form_at", lang, zone="Asia/Shanghai"), say("form_at_hint", lang)
    screen.frame(asked[:4])
    rows = screen.since(f"? {asked[:4]}")
    assert not unreadable(rows, [asked, hint]), unreadable(rows, [asked, hint])
    assert not in_the_margin(rows), rows
    typed = "2026-02-30 10:00"
    screen.send(CTRL_U + typed + ENTER)
    refused = say("at_impossible", lang, where=say("at", lang), text=typed)
    screen.frame(refused[:4])
    rows = screen.since(f"? {asked[:4]}")
    assert not unreadable(rows, [asked, hint, typed, refused]), unreadable(rows, [refused])
    screen.send(CTRL_C)
    assert screen.finish() == 130


def test_the_help_of_a_multiple_choice_keeps_what_was_ticked(
    tmp_path: Path, main_flow: Flow
) -> None:
    screen = Terminal(tmp_path, 40, "--lang", "en")
    screen.frame("Step 1")
    screen.send(DOWN * 3 + ENTER)  # no one came
    for number in (2, 3):  # the borrower, no court papers
        screen.frame(f"Step {number}")
        screen.send(ENTER)
    screen.frame("Step 4")  # misconduct: tick the first, then help
    question = main_flow.questions["misconduct"]
    screen.send(SPACE + DOWN * len(question.options) + ENTER)
    screen.frame("Step 4")  # asked again under the help
    first = text(question.options[0].label, "en")
    assert [row for row in screen.since("? Step 4") if "●" in row] == [f" » ● {first}"]
    screen.send(DOWN * (len(question.options) + 1) + ENTER)  # back
    screen.frame("Step 3")
    screen.send(CTRL_C)
    assert screen.finish() == 130
