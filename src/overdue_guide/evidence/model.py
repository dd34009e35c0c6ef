"""What one entry of the evidence log holds, and the names that are a public contract.

The field names below are the keys of `log add --from` files and of the JSON
export (the README's "Evidence log" section lists them); the code tuples are
the only values their fields take. An `Entry` is frozen and always valid: the
parser builds it only from input it has checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from functools import cached_property, lru_cache

from .codes import CHANNELS, DIRECTIONS, IMPERSONATED, THREATS
from .problems import EntryError, problem

#: Every field of an entry in contract order: name → kind. Kinds: "at", "zone", "text",
#: "int", "bool", "code" (one of `CODES[name]`), "codes" (a list of them), "texts",
#: "third_parties", "paths".
FIELDS: dict[str, str] = {
    "at": "at",
    "zone": "zone",
    "duration_s": "int",
    "channel": "code",
    "direction": "code",
    "number": "text",
    "org": "text",
    "name": "text",
    "staff_id": "text",
    "identified": "bool",
    "said": "text",
    "threats": "codes",
    "impersonated": "codes",
    "amount": "text",
    "personal_account": "bool",
    "third_parties": "third_parties",
    "people": "int",
    "id_shown": "bool",
    "authorization_shown": "bool",
    "entry_attempted": "bool",
    "attachments": "paths",
    "witnesses": "texts",
}
CODES: dict[str, tuple[str, ...]] = {
    "channel": CHANNELS,
    "direction": DIRECTIONS,
    "threats": THREATS,
    "impersonated": IMPERSONATED,
}
REQUIRED: tuple[str, ...] = ("at", "channel")

#: The longest text a field may hold: a quote or a note, not a file pasted in.
MAX_TEXT = 10_000
#: The most items a list field may hold.
MAX_ITEMS = 100

__all__ = ["EntryError"]  # defined in `problems`, part of this module's interface

_OFFSET = re.compile(r"^(?:UTC)?([+-])(\d{2}):(\d{2})$")


@dataclass(frozen=True)
class ThirdParty:
    """Someone else they contacted (a relative, a colleague) and what that person was told."""

    who: str
    told: str | None = None


@dataclass(frozen=True)
class Attachment:
    """The person's own file, fingerprinted when it was logged: never moved or edited."""

    path: str
    sha256: str
    size: int
    mtime: str  # ISO 8601, UTC


@dataclass(frozen=True)
class Entry:
    """One call, message, visit or letter as the person tells it.

    `at` is timezone-aware and kept in UTC; `zone` is the zone it was entered
    in, where "local time" and the night-hours rule are reckoned. `id` is 0
    until the store gives one; `added` and `edited` are the store's UTC times.
    """

    at: datetime
    zone: str
    channel: str
    direction: str | None = None
    duration_s: int | None = None
    number: str | None = None
    org: str | None = None
    name: str | None = None
    staff_id: str | None = None
    identified: bool | None = None
    said: str | None = None
    threats: tuple[str, ...] = ()
    impersonated: tuple[str, ...] = ()
    amount: str | None = None
    personal_account: bool | None = None
    third_parties: tuple[ThirdParty, ...] = ()
    people: int | None = None
    id_shown: bool | None = None
    authorization_shown: bool | None = None
    entry_attempted: bool | None = None
    attachments: tuple[Attachment, ...] = ()
    witnesses: tuple[str, ...] = ()
    id: int = 0
    added: str = ""
    edited: str = ""

    @cached_property
    def local(self) -> datetime:
        """When it happened, in the zone it was entered in (worked out once per entry)."""
        return self.at.astimezone(zone_info(self.zone))


@lru_cache(maxsize=64)
def zone_info(name: str) -> tzinfo:
    """An IANA zone ("Asia/Shanghai") or a fixed offset ("+08:00"); `EntryError` if neither."""
    fixed = _OFFSET.match(name)
    if fixed:
        sign, hours, minutes = fixed.groups()
        delta = timedelta(hours=int(hours), minutes=int(minutes))
        if delta >= timedelta(hours=24):
            raise problem("zone_unknown", name=name)
        return timezone(-delta if sign == "-" else delta)
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise problem("zone_unknown", name=name) from None


def offset_name(moment: datetime) -> str:
    """A fixed zone name for an offset: "+08:00"."""
    offset = moment.utcoffset() or timedelta()
    sign = "-" if offset < timedelta() else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def when(entry: Entry) -> str:
    """Local time as a person reads it: 2026-11-20 22:30 (+08:00)."""
    local = entry.local
    offset = local.strftime("%z")
    return f"{local:%Y-%m-%d %H:%M} ({offset[:3]}:{offset[3:]})"


def number_key(number: str) -> str:
    """A number as counted, so that one caller is one number however it was copied:
    "95 188", "95-188", "９５１８８" (full width) and "95188" wrapped in the invisible
    isolates a phone copies around it (U+2068…U+2069), or holding a zero-width space, are
    all "95188". NFKC, then without format characters (Cf), controls (Cc), separators
    (Z*: spaces of every width) and dashes (Pd)."""
    import unicodedata

    normal = unicodedata.normalize("NFKC", number)
    return "".join(c for c in normal if unicodedata.category(c) not in _NOT_PART_OF_A_NUMBER)


#: Unicode categories a number's key leaves out (see `number_key`).
_NOT_PART_OF_A_NUMBER = frozenset({"Cf", "Cc", "Zs", "Zl", "Zp", "Pd"})


def to_mapping(entry: Entry, with_id: bool = False) -> dict[str, object]:
    """The entry under its contract names, empty fields left out (JSON-ready)."""
    out: dict[str, object] = {"id": entry.id} if with_id else {}
    out["at"] = entry.local.isoformat()
    out["zone"] = entry.zone
    for name in FIELDS:
        if name in ("at", "zone"):
            continue
        value = getattr(entry, name)
        if value is None or value == ():
            continue
        if name == "third_parties":
            value = [
                {"who": p.who, **({"told": p.told} if p.told else {})} for p in entry.third_parties
            ]
        elif name == "attachments":
            value = [
                {"path": a.path, "sha256": a.sha256, "size": a.size, "mtime": a.mtime}
                for a in entry.attachments
            ]
        elif isinstance(value, tuple):
            value = list(value)
        out[name] = value
    return out
