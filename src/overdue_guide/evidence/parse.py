"""Entries from what a person types: `--from` YAML/JSON files, command-line flags, the form.

Every problem is one line that says where it is (FILE:LINE:COL, or the flag) and
what is wrong; nothing is written unless every entry is good. Values arrive as
strings (YAML scalars, flags) or as already typed values (typer, the form).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone

from ..base.numerals import whole
from ..base.visible import visible
from .model import (
    CODES,
    FIELDS,
    MAX_ITEMS,
    MAX_TEXT,
    REQUIRED,
    Attachment,
    Entry,
    EntryError,
    ThirdParty,
    offset_name,
    zone_info,
)
from .problems import problem
from .zones import NOT_PLACES, usable_zone

#: How far ahead of the clock an entry may be (clocks of phones and computers differ).
FUTURE_SLACK = timedelta(minutes=5)
_TRUE = ("true", "yes", "y", "1", "是", "有")
_FALSE = ("false", "no", "n", "0", "否", "没有", "無", "无")

Fingerprint = Callable[[str], Attachment]

#: Fields every entry has: given, they cannot be empty (`log edit` cannot clear them).
KEPT: tuple[str, ...] = ("at", "zone", "channel")


@dataclass(frozen=True)
class Value:
    """One field's raw value and where it came from ("file.yaml:3:7", "--said")."""

    raw: object
    where: str


def build(
    values: Mapping[str, Value],
    now: datetime,
    default_zone: str,
    fingerprint: Fingerprint,
    *,
    keep_zone: bool = False,
) -> Entry:
    """An entry from raw field values; an `EntryError` naming the place of the first problem.

    Without a `zone`, a local `at` is read in `default_zone`, and an `at` with an offset is
    entered in that offset, or (`keep_zone`: editing an entry) in `default_zone` if the
    offset is that zone's at that time."""
    for name, value in values.items():
        if name not in FIELDS:
            known = ", ".join(FIELDS)
            raise problem("unknown_field", where=value.where, name=name, known=known)
    for name in REQUIRED:
        if name not in values:
            raise problem("required", where=_place(values, name), name=name)
    _refuse_emptied(values)
    zone_value = values.get("zone")
    zone = _text(zone_value).strip() if zone_value else None
    if zone is not None and zone_value is not None:
        _zone(zone, zone_value.where)
    at_value = values["at"]
    at, zone = _at(at_value, zone, default_zone, keep_zone)
    if at > now + FUTURE_SLACK:
        raise problem("at_future", where=at_value.where, text=at_value.raw)
    fields: dict[str, object] = {}
    for name, value in values.items():
        if name in ("at", "zone") or _empty(value.raw):
            continue
        fields[name] = _convert(name, FIELDS[name], value, fingerprint)
    return Entry(at=at, zone=zone, **fields)  # type: ignore[arg-type]


def _refuse_emptied(values: Mapping[str, Value]) -> None:
    """`EntryError` for a field every entry has (`KEPT`) given empty."""
    for name in KEPT:
        if name in values and _empty(values[name].raw):
            where = values[name].where
            if name == "at":
                raise problem("at_empty", where=where)
            if name == "zone":
                raise problem("zone_empty", where=where)
            raise problem("channel_empty", where=where, codes=", ".join(CODES["channel"]))


def _place(values: Mapping[str, Value], name: str) -> str:
    """Where a missing field belongs: its option, when the others came as options; else
    the file (or form) the others came from."""
    first = next(iter(values.values()), None)
    if first is None:
        return "entry"
    if first.where.startswith("--"):
        return "--" + name.replace("_", "-")
    return first.where.rsplit(":", 2)[0]


def merge(entry: Entry, changes: Mapping[str, Value], now: datetime, fp: Fingerprint) -> Entry:
    """The entry with some fields changed (`log edit`); an empty value clears a field.

    Attachments already logged keep the fingerprint they were logged with."""
    from .model import to_mapping

    current = {k: Value(v, k) for k, v in to_mapping(entry).items()}
    current["at"] = Value(entry.at, "at")  # the moment itself: a new zone shows it anew
    if "attachments" in current:
        current["attachments"] = Value([a.path for a in entry.attachments], "attachments")
    known = {a.path: a for a in entry.attachments}
    _refuse_emptied(changes)  # before `build`, which never sees the empties dropped below
    if "at" in changes and "zone" not in changes:
        current.pop("zone")
    if "zone" in changes and "at" not in changes:  # a zone put right: the time as written stays
        wall = entry.local.replace(tzinfo=None).isoformat(timespec="minutes")
        current["at"] = Value(wall, changes["zone"].where)
    merged = {**current, **changes}

    def keep_known(path: str) -> Attachment:
        return known.get(path) or fp(path)

    kept = {k: v for k, v in merged.items() if not _empty(v.raw)}
    built = build(kept, now, entry.zone, keep_known, keep_zone=True)
    return replace(built, id=entry.id, added=entry.added, edited=entry.edited)


def now_utc() -> datetime:
    return datetime.now(timezone.utc)


def _empty(raw: object) -> bool:
    return raw is None or raw == "" or raw == [] or raw == ()


def _zone(name: str, where: str) -> None:
    if name in NOT_PLACES:
        raise problem("no_zone", where=where, zone=name)
    try:
        zone_info(name)
    except EntryError:
        raise problem("no_zone", where=where, zone=name) from None


def _at(
    value: Value, zone: str | None, default_zone: str, keep_zone: bool = False
) -> tuple[datetime, str]:
    """The moment in UTC and the zone it was entered in; the local time exactly as written
    (refused where the clocks jumped over it or went back over it, see `times`)."""
    try:
        return _at_checked(value, zone, default_zone, keep_zone)
    except OverflowError:  # an offset that takes the time past year 1 or 9999
        raise _out_of_range(value, _text(value).strip()) from None


def _at_checked(
    value: Value, zone: str | None, default_zone: str, keep_zone: bool
) -> tuple[datetime, str]:
    from . import times

    moment = _moment(value)
    if isinstance(value.raw, datetime) and moment.tzinfo is not None and zone is not None:
        moment = moment.astimezone(zone_info(zone))  # a moment, not a time someone wrote
    if moment.tzinfo is None:
        zone = zone or usable_zone(default_zone, value.where)
        _zone(zone, value.where)
        moment = times.resolve(moment, zone_info(zone), zone, value.where)
    elif zone is not None:
        times.check_offset(moment, zone_info(zone), zone, value.where)
    elif keep_zone and times.fits(moment, zone_info(default_zone)):
        zone = default_zone
    else:
        zone = offset_name(moment)
    return moment.astimezone(timezone.utc).replace(microsecond=0), zone


def _moment(value: Value) -> datetime:
    """The date and time as written: naive, or with the offset written in it."""
    if isinstance(value.raw, datetime):  # a YAML timestamp
        moment, text = value.raw, value.raw.isoformat()
    else:
        text = _text(value).strip()
        moment = _written(text, value.where)
    if not _FIRST_YEAR <= moment.year < 9999:
        raise _out_of_range(value, text)
    offset = moment.utcoffset()
    if offset is not None and offset.seconds % 60:
        raise problem("at_whole_minutes", where=value.where, text=text)
    return moment


def _written(text: str, where: str) -> datetime:
    """A date and time typed as text, naive or with its offset."""
    iso = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
    if not _WRITTEN.match(iso):  # a date alone would be read as midnight: a night call
        raise problem("at_needs_time", where=where, text=text)
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        raise problem("at_impossible", where=where, text=text) from None


#: A time written by a person: a calendar date, then hours and minutes (the rest is optional).
_WRITTEN = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
#: Before 1970 zones had local mean times (offsets like +08:05:43): no log entry is that old.
_FIRST_YEAR = 1970


def _out_of_range(value: Value, text: str) -> EntryError:
    return problem("at_range", where=value.where, text=text, first=_FIRST_YEAR)


def _text(value: Value) -> str:
    if isinstance(value.raw, (dict, list, tuple)):
        raise problem("not_text", where=value.where)
    text = str(value.raw)
    if len(text) > MAX_TEXT:
        raise problem("too_long", where=value.where, limit=MAX_TEXT)
    if "\x00" in text:
        raise problem("has_nul", where=value.where)
    if _NOT_UTF8.search(text):  # bytes that were not UTF-8 (an argument, a typed paste)
        shown = visible(text[:80])
        raise problem("not_utf8", where=value.where, shown=shown)
    return text


#: What Python makes of bytes that are not UTF-8: lone surrogates, which no file can store.
_NOT_UTF8 = re.compile("[\ud800-\udfff]")


def _items(value: Value) -> list[object]:
    raw = value.raw
    items = list(raw) if isinstance(raw, (list, tuple)) else [raw]
    if len(items) > MAX_ITEMS:
        raise problem("too_many", where=value.where, limit=MAX_ITEMS)
    return items


def _convert(name: str, kind: str, value: Value, fingerprint: Fingerprint) -> object:
    if kind == "text":
        return _text(value).strip() or None
    if kind == "int":
        return _int(value)
    if kind == "bool":
        return _bool(value)
    if kind.startswith("code"):
        codes = CODES[name]
        chosen = [_text(Value(item, value.where)).strip() for item in _items(value)]
        for code in chosen:
            if code not in codes:
                raise problem("not_a_code", where=value.where, code=code, codes=", ".join(codes))
        if kind == "code":
            if len(chosen) != 1:
                raise problem("one_code", where=value.where, codes=", ".join(codes))
            return chosen[0]
        return tuple(dict.fromkeys(chosen))
    if kind == "texts":
        texts = (_text(Value(item, value.where)).strip() for item in _items(value))
        return tuple(text for text in texts if text)  # an empty name is no witness
    if kind == "paths":
        given = dict(_attachment_given(item, value.where) for item in _items(value))
        return tuple(_attachment(p, sha, value.where, fingerprint) for p, sha in given.items())
    return tuple(_third_party(item, value.where) for item in _items(value))


def _int(value: Value) -> int:
    raw = value.raw
    if isinstance(raw, bool):
        raise problem("int_not_bool", where=value.where, raw=raw)
    number = raw if isinstance(raw, int) else whole(_text(value), signed=True)
    if number is None:  # '٣' or '1_0', which int() would take: see `base.numerals`
        raise problem("not_int", where=value.where, raw=raw)
    if number < 0 or number > 10**7:
        raise problem("int_range", where=value.where, number=number)
    return number


def _bool(value: Value) -> bool:
    if isinstance(value.raw, bool):
        return value.raw
    text = _text(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise problem("not_bool", where=value.where, raw=value.raw)


def _third_party(item: object, where: str) -> ThirdParty:
    if isinstance(item, ThirdParty):
        return item
    if isinstance(item, str):
        who, _, told = item.partition(":")
        pair = {"who": who, "told": told}
    elif isinstance(item, dict):
        pair = item
        extra = set(pair) - {"who", "told"}
        if extra:
            raise problem("party_key", where=where, name=sorted(extra)[0])
    else:
        raise problem("party_shape", where=where)
    who = _text(Value(pair.get("who") or "", where)).strip()
    told = _text(Value(pair.get("told") or "", where)).strip()
    if not who:
        raise problem("party_who", where=where)
    return ThirdParty(who, told or None)


def _attachment_given(item: object, where: str) -> tuple[str, str | None]:
    """A path, or an exported `{path, sha256, size, mtime}`: (path, the hash it had then)."""
    if isinstance(item, dict):
        sha = item.get("sha256")
        return _text(Value(item.get("path"), where)).strip(), None if sha is None else str(sha)
    return _text(Value(item, where)).strip(), None


def _attachment(path: str, sha: str | None, where: str, fingerprint: Fingerprint) -> Attachment:
    if not path:
        raise problem("attach_empty", where=where)
    try:
        found = fingerprint(path)
    except EntryError as error:
        raise problem("placed", where=where, error=error) from None
    if sha is not None and found.sha256 != sha:  # read back from an export: the file moved on
        raise problem("attach_changed", where=where, path=path)
    return found
