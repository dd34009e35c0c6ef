"""This machine's time zone, as the log can keep it.

Why a module of its own: `$TZ` can name a zone in ways the C library accepts and this
program cannot keep (POSIX daylight-saving rules), or a zone that does not exist, which the
C library silently reads as UTC. A log kept as evidence must then refuse, not store every
local time wrong; a fixed offset or a zoneinfo path is honoured.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone

from .model import EntryError, offset_name, zone_info
from .problems import problem

#: Zone files that name no place: what they mean depends on the machine reading the log.
NOT_PLACES = frozenset({"localtime", "posixrules", "Factory"})


def local_zone(environ: Mapping[str, str] | None = None) -> str:
    """This machine's zone: $TZ if set, else the /etc/localtime link, else its offset.

    $TZ is honoured when this program can keep it: an IANA name (`Asia/Shanghai`), a
    zoneinfo path, or a POSIX fixed offset (`CST-8`, `<+0830>-8:30`, read as `+08:00`,
    `+08:30`). Any other $TZ (POSIX daylight-saving rules, a name no zone has) is given
    back as it is, marked `Unkept`, and refused where a local time needs it
    (`usable_zone`): read the C library's way, as UTC, every local time would be stored
    wrong."""
    env = os.environ if environ is None else environ
    configured = env.get("TZ", "").lstrip(":")
    if configured:
        return _kept(configured)
    try:
        target = os.readlink("/etc/localtime")
    except OSError:
        target = ""
    if "zoneinfo/" in target:
        return target.split("zoneinfo/", 1)[1]
    return offset_name(datetime.now().astimezone())


#: A POSIX TZ with a fixed offset and no daylight saving: a name, then hours west of UTC.
_POSIX_FIXED = re.compile(r"(?:[A-Za-z]{3,}|<[A-Za-z0-9+-]{1,}>)([+-]?)(\d{1,2})(?::(\d{2}))?")


class Unkept(str):
    """$TZ as it was given, when it names no zone this program can keep."""


def _kept(configured: str) -> str:
    """$TZ as a zone this program keeps, or as given, `Unkept`, when it is none."""
    if configured.startswith("/"):  # a zoneinfo file: named by its place in the database
        target = os.path.realpath(configured)
        name = target.split("zoneinfo/", 1)[1] if "zoneinfo/" in target else configured
        return name if _is_zone(name) else Unkept(configured)
    if _is_zone(configured) and configured not in NOT_PLACES:
        return configured
    fixed = _POSIX_FIXED.fullmatch(configured)
    if fixed:
        sign, hours, minutes = fixed.groups()
        west = timedelta(hours=int(hours), minutes=int(minutes or 0))
        if west < timedelta(hours=24):  # POSIX counts west of UTC: "CST-8" is +08:00
            return offset_name(datetime.now(timezone(west if sign == "-" else -west)))
    return Unkept(configured)


def _is_zone(name: str) -> bool:
    try:
        zone_info(name)
    except EntryError:
        return False
    return True


def usable_zone(zone: str, where: str, key: str = "tz_unusable") -> str:
    """`zone` (a default: this machine's, from `local_zone`, or an entry's own) unless it is
    an `Unkept` $TZ; then an `EntryError` naming $TZ and the fix (`key`: its words). Any
    other zone that is no zone is refused by whoever reads a time in it, as ever."""
    if isinstance(zone, Unkept):
        raise problem(key, where=where, tz=zone)
    return zone
