"""A time as a person writes it, read in a time zone without shifting or guessing it.

Why a module of its own: where clocks change for daylight saving, a local time can
be missing (the clocks jump over it) or happen twice (the clocks go back over it).
Python then quietly moves the first an hour on and picks one of the second; a log
kept as evidence must do neither, so these times are refused with a line that says
what to write instead. Pure functions: no clock, no files.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone, tzinfo

from .model import offset_name
from .problems import EntryError, problem


def offsets(wall: datetime, zone: tzinfo) -> list[timedelta]:
    """The offsets local time `wall` (naive) can have in `zone`, earliest moment first:
    one as a rule, two where the clocks went back over it, none where they jumped over it."""
    first = wall.replace(tzinfo=zone, fold=0).utcoffset()
    if first is not None and first == wall.replace(tzinfo=zone, fold=1).utcoffset():
        return [first]  # the two readings agree everywhere but at a change (PEP 495)
    found: list[timedelta] = []
    for fold in (0, 1):
        moment = wall.replace(tzinfo=zone, fold=fold)
        offset = moment.utcoffset()
        shown = moment.astimezone(timezone.utc).astimezone(zone).replace(tzinfo=None)
        if offset is not None and shown == wall and offset not in found:
            found.append(offset)
    return found


def resolve(wall: datetime, zone: tzinfo, zone_name: str, where: str) -> datetime:
    """Local time `wall` (naive) in `zone`, aware; `EntryError` if it did not exist there
    or happened twice (then only an offset in the time says which one was meant)."""
    possible = offsets(wall, zone)
    if not possible:
        raise _missing(wall, zone, zone_name, where)
    if len(possible) > 1:
        first, second = (_iso(wall, offset) for offset in possible)
        raise problem(
            "at_twice", where=where, time=_shown(wall), zone=zone_name, first=first, second=second
        )
    return wall.replace(tzinfo=timezone(possible[0]))


def check_offset(moment: datetime, zone: tzinfo, zone_name: str, where: str) -> None:
    """`EntryError` unless the offset written in `moment` is one `zone` has at that local
    time: with a zone given, the time stays what was written, never moved to another clock."""
    wall = moment.replace(tzinfo=None)
    possible = offsets(wall, zone)
    if not possible:
        raise _missing(wall, zone, zone_name, where)
    if moment.utcoffset() not in possible:
        said = {"where": where, "time": _shown(wall), "zone": zone_name}
        written = offset_name(moment)
        if len(possible) == 1:
            raise problem("at_wrong_offset", **said, offset=_offset(possible[0]), written=written)
        first, second = (_offset(offset) for offset in possible)
        raise problem("at_wrong_offset_two", **said, first=first, second=second, written=written)


def fits(moment: datetime, zone: tzinfo) -> bool:
    """Whether the offset written in `moment` is one `zone` has at that local time."""
    return moment.utcoffset() in offsets(moment.replace(tzinfo=None), zone)


def wall_text(moment: datetime, zone: tzinfo) -> str:
    """`moment` as the form shows it, "2026-11-20 22:30", with its offset only when that
    local time happened twice, so that the text reads back to the same moment."""
    local = moment.astimezone(zone)
    wall = local.replace(tzinfo=None, second=0, microsecond=0)
    text = f"{wall:%Y-%m-%d %H:%M}"
    return text + offset_name(local) if len(offsets(wall, zone)) > 1 else text


def _missing(wall: datetime, zone: tzinfo, zone_name: str, where: str) -> EntryError:
    """The error for a local time the clocks jumped over: the jump, from and to."""
    before = wall.replace(tzinfo=zone, fold=0).utcoffset() or timedelta()
    after = wall.replace(tzinfo=zone, fold=1).utcoffset() or timedelta()
    earliest, latest = sorted((wall - after, wall - before))  # the change lies between (UTC)
    while latest - earliest > timedelta(seconds=1):
        middle = earliest + (latest - earliest) / 2
        if middle.replace(tzinfo=timezone.utc).astimezone(zone).utcoffset() == after:
            latest = middle
        else:
            earliest = middle
    change = latest.replace(microsecond=0)
    start, end = change + before, change + after
    said = {"where": where, "time": _shown(wall), "zone": zone_name}
    if start.date() == end.date():
        return problem("at_missing", **said, start=_clock(start), end=_clock(end))
    # a whole day left out (Samoa, 2011)
    return problem("at_missing_day", **said, start=_shown(start), end=_shown(end))


def _shown(wall: datetime) -> str:
    return f"{wall:%Y-%m-%d %H:%M:%S}" if wall.second else f"{wall:%Y-%m-%d %H:%M}"


def _clock(wall: datetime) -> str:
    return f"{wall:%H:%M:%S}" if wall.second else f"{wall:%H:%M}"


def _iso(wall: datetime, offset: timedelta) -> str:
    text = f"{wall:%Y-%m-%dT%H:%M:%S}" if wall.second else f"{wall:%Y-%m-%dT%H:%M}"
    return text + _offset(offset)


def _offset(offset: timedelta) -> str:
    return offset_name(datetime(2000, 1, 1, tzinfo=timezone(offset)))
