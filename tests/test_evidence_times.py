"""Times where the clocks change: a written time is stored exactly as written or refused,
never moved an hour or guessed (`evidence.times`, through `evidence.parse`)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from overdue_guide.evidence import times
from overdue_guide.evidence.flags import evaluate
from overdue_guide.evidence.model import Attachment, Entry, EntryError, zone_info
from overdue_guide.evidence.parse import Value, build, merge
from overdue_guide.evidence.rules import load

NEW_YORK = "America/New_York"
NOW = datetime(2027, 1, 1, tzinfo=timezone.utc)
GAP = "2026-03-08 02:30"  # New York's clocks jumped from 02:00 to 03:00
FOLD = "2025-11-02 01:30"  # New York's clocks went back from 02:00 to 01:00
HOUR = timedelta(hours=1)


def no_files(path: str) -> Attachment:
    raise AssertionError(path)


def entry(at: str, zone: str | None = NEW_YORK, default: str = "Asia/Shanghai") -> Entry:
    values = {"at": Value(at, "--at"), "channel": Value("call", "--channel")}
    if zone is not None:
        values["zone"] = Value(zone, "--zone")
    return build(values, NOW, default, no_files)


def refusal(at: str, zone: str | None = NEW_YORK, default: str = "Asia/Shanghai") -> str:
    with pytest.raises(EntryError) as raised:
        entry(at, zone, default)
    return str(raised.value)


def test_a_local_time_has_one_offset_two_at_a_fold_and_none_in_a_gap() -> None:
    zone = zone_info(NEW_YORK)
    assert times.offsets(datetime(2026, 7, 1, 12), zone) == [-4 * HOUR]
    assert times.offsets(datetime.fromisoformat(FOLD), zone) == [-4 * HOUR, -5 * HOUR]
    assert times.offsets(datetime.fromisoformat(GAP), zone) == []
    assert times.offsets(datetime.fromisoformat(GAP), zone_info("+08:00")) == [8 * HOUR]


def test_a_time_the_clocks_jumped_over_is_refused_with_the_jump() -> None:
    assert refusal(GAP) == (
        "--at: 2026-03-08 02:30 did not exist in America/New_York: "
        "that day the clocks jumped from 02:00 straight to 03:00"
    )


def test_the_edges_of_the_jump_exist() -> None:
    assert entry("2026-03-08 01:59").local.strftime("%H:%M %z") == "01:59 -0500"
    assert entry("2026-03-08 03:00").local.strftime("%H:%M %z") == "03:00 -0400"


def test_a_jump_of_half_an_hour_is_told_to_the_minute() -> None:
    said = refusal("2026-10-04 02:15", "Australia/Lord_Howe")
    assert said.endswith("jumped from 02:00 straight to 02:30")


def test_a_day_the_clocks_left_out_is_told_with_its_dates() -> None:
    said = refusal("2011-12-30 10:00", "Pacific/Apia")
    assert said.endswith("jumped from 2011-12-30 00:00 straight to 2011-12-31 00:00")


def test_a_time_that_happened_twice_is_refused_with_both_ways_to_write_it() -> None:
    assert refusal(FOLD) == (
        "--at: 2025-11-02 01:30 happened twice in America/New_York (the clocks went back): "
        "write 2025-11-02T01:30-04:00 for the first time or 2025-11-02T01:30-05:00 for the second"
    )


def test_a_time_read_in_the_default_zone_follows_the_same_rules() -> None:
    assert "happened twice in America/New_York" in refusal(FOLD, None, NEW_YORK)
    assert "did not exist in America/New_York" in refusal(GAP, None, NEW_YORK)


@pytest.mark.parametrize(("offset", "utc"), [("-04:00", "05:30"), ("-05:00", "06:30")])
def test_an_offset_says_which_of_the_two_was_meant(offset: str, utc: str) -> None:
    logged = entry(f"2025-11-02T01:30{offset}")
    assert logged.zone == NEW_YORK
    assert logged.at == datetime.fromisoformat(f"2025-11-02T{utc}+00:00")
    assert logged.local.isoformat() == f"2025-11-02T01:30:00{offset}"


def test_an_offset_the_zone_does_not_have_then_is_refused_naming_the_ones_it_has() -> None:
    assert refusal("2025-11-02T01:30-06:00") == (
        "--at: 2025-11-02 01:30 in America/New_York has the offset -04:00 or -05:00, not -06:00"
    )
    assert refusal("2026-11-20T10:00+08:00").endswith("has the offset -05:00, not +08:00")


def test_an_offset_in_a_gap_does_not_make_the_time_exist() -> None:
    assert "did not exist in America/New_York" in refusal("2026-03-08T02:30-05:00")


def test_without_a_zone_an_offset_alone_is_enough() -> None:
    logged = entry("2025-11-02T01:30-05:00", None, NEW_YORK)
    assert (logged.zone, logged.local.isoformat()) == ("-05:00", "2025-11-02T01:30:00-05:00")


@pytest.mark.parametrize(
    ("zone", "day", "refused"),
    [
        (NEW_YORK, "2026-03-08", ["02:00", "02:15", "02:30", "02:45"]),  # the gap
        (NEW_YORK, "2025-11-02", ["01:00", "01:15", "01:30", "01:45"]),  # the fold
        ("Europe/Berlin", "2026-03-29", ["02:00", "02:15", "02:30", "02:45"]),
        ("Europe/Berlin", "2026-10-25", ["02:00", "02:15", "02:30", "02:45"]),
        ("Australia/Lord_Howe", "2026-04-05", ["01:30", "01:45"]),  # half an hour back
    ],
)
def test_on_a_day_the_clocks_change_every_time_is_stored_as_written_or_refused(
    zone: str, day: str, refused: list[str]
) -> None:
    were_refused = []
    for minutes in range(0, 24 * 60, 15):
        written = f"{day} {minutes // 60:02d}:{minutes % 60:02d}"
        try:
            logged = entry(written, zone)
        except EntryError:
            were_refused.append(written[-5:])
            continue
        assert f"{logged.local:%Y-%m-%d %H:%M}" == written
    assert were_refused == refused


def test_night_hours_are_judged_at_the_time_as_written() -> None:
    first = replace(entry("2025-11-02T01:30-04:00"), id=1)
    second = replace(entry("2025-11-02T01:30-05:00"), id=2)
    morning = replace(entry("2026-03-08 08:00"), id=3)  # the first morning after the jump
    flagged = {(flag.entry, flag.code) for flag in evaluate([first, second, morning], load())}
    assert flagged == {(1, "night_hours"), (2, "night_hours")}


def test_the_form_shows_a_time_that_happened_twice_with_its_offset() -> None:
    zone = zone_info(NEW_YORK)
    second = entry("2025-11-02T01:30-05:00")
    assert times.wall_text(second.at, zone) == "2025-11-02 01:30-05:00"
    assert entry(times.wall_text(second.at, zone)).at == second.at
    assert times.wall_text(entry("2025-11-02 03:30").at, zone) == "2025-11-02 03:30"


def test_editing_the_time_to_one_that_happened_twice_is_refused() -> None:
    with pytest.raises(EntryError, match="happened twice"):
        merge(entry("2025-11-02 00:30"), {"at": Value(FOLD, "--at")}, NOW, no_files)


def test_editing_the_time_with_an_offset_the_zone_has_keeps_the_zone() -> None:
    edited = merge(entry("2025-11-02 00:30"), {"at": Value(FOLD + "-05:00", "--at")}, NOW, no_files)
    assert (edited.zone, edited.local.isoformat()) == (NEW_YORK, "2025-11-02T01:30:00-05:00")


def test_editing_another_field_keeps_a_time_that_happened_twice() -> None:
    second = entry("2025-11-02T01:30-05:00")
    edited = merge(second, {"said": Value("hello", "--said")}, NOW, no_files)
    assert (edited.at, edited.zone, edited.said) == (second.at, NEW_YORK, "hello")


def test_editing_the_zone_alone_keeps_the_time_as_written() -> None:
    wrong = entry("2026-11-20 10:00")  # typed in New York's zone by mistake
    edited = merge(wrong, {"zone": Value("Asia/Shanghai", "--zone")}, NOW, no_files)
    assert edited.zone == "Asia/Shanghai"
    assert edited.local.isoformat() == "2026-11-20T10:00:00+08:00"


def test_a_zone_where_the_written_time_did_not_exist_is_refused_naming_the_option() -> None:
    wrong = entry("2026-03-08 02:30", zone="Asia/Shanghai")
    with pytest.raises(EntryError, match=r"^--zone: 2026-03-08 02:30 did not exist in America"):
        merge(wrong, {"zone": Value(NEW_YORK, "--zone")}, NOW, no_files)


@pytest.mark.parametrize("name", ["localtime", "posixrules", "Factory"])
def test_a_zone_that_names_no_place_is_refused(name: str) -> None:
    assert refusal("2026-11-20 10:00", zone=name) == (
        f"--zone: no such time zone: {name} (name a place, like Asia/Shanghai)"
    )


@pytest.mark.parametrize("name", ["at", "zone", "channel"])
def test_a_field_every_entry_has_cannot_be_emptied_and_the_error_names_its_option(
    name: str,
) -> None:
    values = {"at": Value("2026-11-20 10:00", "--at"), "channel": Value("call", "--channel")}
    with pytest.raises(EntryError, match=f"^--{name}: cannot be empty"):
        build({**values, name: Value("", f"--{name}")}, NOW, NEW_YORK, no_files)
    with pytest.raises(EntryError, match=f"^--{name}: cannot be empty"):
        merge(entry("2026-11-20 10:00"), {name: Value("", f"--{name}")}, NOW, no_files)


@pytest.mark.parametrize("name", ["at", "channel"])
def test_a_missing_option_is_named_not_another_one(name: str) -> None:
    values = {"at": Value("2026-11-20 10:00", "--at"), "channel": Value("call", "--channel")}
    del values[name]
    with pytest.raises(EntryError, match=f"^--{name}: '{name}' is required$"):
        build(values, NOW, NEW_YORK, no_files)
