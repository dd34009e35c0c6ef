"""The evidence log's form without a terminal: where Back at its first question leads."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from overdue_guide.evidence import form as prompts_evidence
from overdue_guide.terminal import prompts


def answer_text(monkeypatch: pytest.MonkeyPatch, replies: list[str]) -> list[str]:
    """Reply to the form's text questions from `replies`; return the prompts asked, each
    with its hint after a tab."""
    asked: list[str] = []

    def ask_text(
        prompt: str, default: str, check: Callable[[str], str | None], hint: str, lang: str
    ) -> str:
        asked.append(f"{prompt}\t{hint}")
        if not replies:
            raise KeyboardInterrupt
        return replies.pop(0)

    monkeypatch.setattr(prompts, "ask_text", ask_text)
    monkeypatch.setattr(prompts, "show", lambda *args, **kwargs: None)
    return asked


def test_back_at_the_first_question_leaves_the_form_opened_from_the_menu(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked = answer_text(monkeypatch, ["<"])
    assert prompts_evidence.entry_form("en", None, "Asia/Shanghai", leave=True) is None
    assert len(asked) == 1


def test_back_at_the_first_question_of_log_add_asks_it_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked = answer_text(monkeypatch, ["<"])
    with pytest.raises(prompts_evidence.Interrupted):
        prompts_evidence.entry_form("en", None, "Asia/Shanghai")
    assert len(asked) == 2
    assert asked[0] == asked[1]


def test_the_time_question_says_now_is_filled_in_not_that_enter_skips_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked = answer_text(monkeypatch, ["<"])
    prompts_evidence.entry_form("en", None, "Asia/Shanghai", leave=True)
    assert "now is filled in" in asked[0]
    assert "skip" not in asked[0]


def test_editing_an_entry_says_its_own_time_is_filled_in_not_now(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from datetime import datetime, timezone

    from overdue_guide.evidence.model import Entry

    entry = Entry(
        at=datetime(2026, 11, 20, 14, 30, tzinfo=timezone.utc), zone="Asia/Shanghai", channel="call"
    )
    asked = answer_text(monkeypatch, [])
    with pytest.raises(prompts_evidence.Interrupted):
        prompts_evidence.entry_form("en", entry, "Asia/Shanghai")
    assert asked == [
        "When? (Asia/Shanghai time)\t(this entry's time is filled in: to change it, type when,"
        " e.g. 2026-11-20 22:30; < back)"
    ]


def test_a_time_typed_with_another_offset_is_taken_with_that_offset_as_its_zone() -> None:
    """As `log add --at` without `--zone`: the form's zone is the machine's, not a choice."""
    from datetime import datetime, timezone

    from overdue_guide.evidence.parse import Value, build

    values = {"at": Value("2026-01-01T10:00+08:00", "at"), "channel": Value("call", "")}
    now = datetime(2027, 1, 1, tzinfo=timezone.utc)
    entry = build(values, now, "America/New_York", lambda path: None, keep_zone=True)  # type: ignore[arg-type,return-value]
    assert (entry.zone, entry.local.isoformat()) == ("+08:00", "2026-01-01T10:00:00+08:00")
