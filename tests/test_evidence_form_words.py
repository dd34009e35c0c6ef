"""The evidence form says what is wrong with a time in the person's language.

The one-line CLI errors stay English (scripts match them); the form re-asks its question
with the text of the problem's key, so a person filling it in Chinese reads Chinese.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

import pytest

from overdue_guide.evidence import form as prompts_evidence
from overdue_guide.evidence.model import EntryError
from overdue_guide.evidence.parse import Value, build
from overdue_guide.evidence.texts import all_keys


def form_says(reply: str, zone: str = "Asia/Shanghai", lang: str = "zh-CN") -> str | None:
    """What the form's time question says of `reply`, as it re-asks it."""
    form = prompts_evidence._Form(lang, zone, {}, [])
    return prompts_evidence._check_at(form)(reply)


@pytest.mark.parametrize(
    ("reply", "zone", "said"),
    [
        ("", "Asia/Shanghai", "时间：不能空着：请写日期和时间，比如 2026-11-20 22:30"),
        (
            "2026-11-20",
            "Asia/Shanghai",
            "时间：“2026-11-20”要写日期，也要写几点几分"
            "（比如 2026-11-20 22:30 或 2026-11-20T22:30+08:00）",
        ),
        (
            "2026-02-30 10:00",
            "Asia/Shanghai",
            "时间：“2026-02-30 10:00”不是一个真实存在的日期和时间"
            "（比如这样写：2026-11-20 22:30 或 2026-11-20T22:30+08:00）",
        ),
        (
            "1969-12-31 23:00",
            "Asia/Shanghai",
            "时间：1969-12-31 23:00 不能作为记录的时间：只能是 1970 年到现在之间",
        ),
        (
            "2026-11-20T22:30+08:00:30",
            "Asia/Shanghai",
            "时间：“2026-11-20T22:30+08:00:30”：时差只能是整分钟，比如 +08:00",
        ),
        ("2999-01-01 10:00", "Asia/Shanghai", "时间：2999-01-01 10:00 还没有到，不能记将来的时间"),
        (
            "2026-11-20 22:30",
            "Mars/Olympus",
            "时间：没有这个时区：Mars/Olympus（请写一个地方，比如 Asia/Shanghai）",
        ),
        (
            "2026-11-20 22:30",
            "localtime",
            "时间：没有这个时区：localtime（请写一个地方，比如 Asia/Shanghai）",
        ),
        (
            "2025-11-02 01:30",
            "America/New_York",
            "时间：在 America/New_York，2025-11-02 01:30 出现了两次（那天时钟往回拨了）："
            "指第一次请写 2025-11-02T01:30-04:00，指第二次请写 2025-11-02T01:30-05:00",
        ),
        (
            "2026-03-08 02:30",
            "America/New_York",
            "时间：在 America/New_York，2026-03-08 02:30 这个时间不存在："
            "那天时钟从 02:00 直接跳到了 03:00",
        ),
        (
            "2011-12-30 12:00",
            "Pacific/Apia",
            "时间：在 Pacific/Apia，2011-12-30 12:00 这个时间不存在："
            "时钟从 2011-12-30 00:00 直接跳到了 2011-12-31 00:00",
        ),
    ],
    ids=[
        "empty",
        "no time of day",
        "no such date",
        "before 1970",
        "offset with seconds",
        "future",
        "no such zone",
        "a zone that names no place",
        "happened twice",
        "clocks jumped over it",
        "a day left out",
    ],
)
def test_the_form_says_what_is_wrong_with_a_time_in_chinese(
    reply: str, zone: str, said: str
) -> None:
    assert form_says(reply, zone) == said


def test_the_form_says_it_in_traditional_chinese_for_zh_tw() -> None:
    said = form_says("2025-11-02 01:30", "America/New_York", "zh-TW")
    assert said is not None
    assert "時鐘" in said and "2025-11-02T01:30-04:00" in said


def test_the_form_in_english_says_what_the_command_line_says() -> None:
    said = form_says("2025-11-02 01:30", "America/New_York", "en")
    assert said == (
        "When: 2025-11-02 01:30 happened twice in America/New_York (the clocks went back): "
        "write 2025-11-02T01:30-04:00 for the first time or 2025-11-02T01:30-05:00 for the second"
    )


@pytest.mark.parametrize(
    ("at", "said"),
    [
        (
            "2026-11-20T22:30+09:00",
            "--at：在 Asia/Shanghai，2026-11-20 22:30 的时差是 +08:00，不是 +09:00",
        ),
        (
            "2025-11-02T01:30+01:00",
            "--at：在 America/New_York，2025-11-02 01:30 的时差是 -04:00 或 -05:00，不是 +01:00",
        ),
    ],
)
def test_a_wrong_offset_for_the_zone_is_said_in_chinese(at: str, said: str) -> None:
    """The form never names a zone apart from the time, so this one is met with `--zone`."""
    zone = "America/New_York" if at.startswith("2025") else "Asia/Shanghai"
    values = {"at": Value(at, "--at"), "zone": Value(zone, "--zone"), "channel": Value("call", "")}
    with pytest.raises(EntryError) as raised:
        build(values, datetime.now(timezone.utc), "Asia/Shanghai", prompts_evidence._no_files)
    assert prompts_evidence._said(raised.value, "zh-CN") == said


def test_an_error_without_a_key_is_shown_as_its_english_line() -> None:
    assert prompts_evidence._said(EntryError("a: b"), "zh-CN") == "a: b"


def test_every_key_an_entry_error_names_has_chinese_and_english_text() -> None:
    source = Path(prompts_evidence.__file__).parent
    named = re.compile(r"""problem\(\s*"([a-z_]+)"|EntryError\([^()]*,\s*"([a-z_]+)\"""")
    keys = {
        first or second
        for path in source.glob("*.py")
        for first, second in named.findall(path.read_text(encoding="utf-8"))
    }
    assert {"at_twice", "at_missing", "no_zone", "at_future"} <= keys
    texts = all_keys()
    for key in keys:
        assert texts.get(key, {}).get("zh-CN") and texts[key].get("en"), key
