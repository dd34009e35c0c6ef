"""The evidence log's timeline and file list as two details of the letters.

`log_details` is pure: from `evidence.letter_material()` (the log as plain data) to
the text of `log_timeline` and `log_evidence`, one line per contact or file, in
Simplified Chinese under the detail's id and in English under `id.en` (a detail id
never holds a dot, so the two cannot meet). The words come from the log's own
vocabulary (`evidence.texts`), so a letter names a channel or a rule exactly as the
log's export does; the sentences around them are paragraphs in `flows/drafts.yaml`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, MutableMapping
from datetime import datetime
from pathlib import PurePath, PurePosixPath, PureWindowsPath
from typing import Any

from ..evidence import letter_material
from .model import EVIDENCE, FILLED, TIMELINE, Draft

LANGS: tuple[str, ...] = ("zh-CN", "en")


def translated(name: str, lang: str) -> str:
    """Where a filled detail keeps its text for a reader of `lang`."""
    return name if lang == "zh-CN" else f"{name}.{lang}"


def log_details(material: Mapping[str, Any]) -> dict[str, str]:
    """The two details, in both languages, from the log's letter material (see
    `evidence.export.letter_material`); a part with nothing in it is left out."""
    found: dict[str, str] = {}
    for lang in LANGS:
        timeline = [_contact(n, row, lang) for n, row in enumerate(material["timeline"], 1)]
        files = [_file(row, lang) for row in material["evidence"]]
        if timeline:
            found[translated(TIMELINE, lang)] = "\n".join(timeline)
        if files:
            found[translated(EVIDENCE, lang)] = "\n".join(files)
    return found


def fill(details: MutableMapping[str, str], material: Mapping[str, Any] | None) -> None:
    """Put the log's details in `details`, never over one the person typed."""
    if material is None:
        return
    typed = {name for name in FILLED if details.get(name, "").strip()}
    for key, value in log_details(material).items():
        if key.split(".")[0] not in typed:
            details[key] = value


def without_filled(details: Mapping[str, str]) -> dict[str, str]:
    """`details` without what the log filled: the log stays the one place it lives."""
    return {k: v for k, v in details.items() if k.split(".")[0] not in FILLED}


def _contact(number: int, row: Mapping[str, Any], lang: str) -> str:
    from ..evidence.texts import say

    colon, semicolon = (": ", "; ") if lang == "en" else ("：", "；")
    how = say(row["channel"], lang)
    if row.get("direction"):
        how += (
            f" ({say(row['direction'], lang)})"
            if lang == "en"
            else f"（{say(row['direction'], lang)}）"
        )
    parts = [f"{_when(row, lang)}{', ' if lang == 'en' else '，'}{how}"]
    for name in ("number", "org", "name", "staff_id"):
        if row.get(name):
            parts.append(f"{say(name, lang)}{colon}{row[name]}")
    if row.get("said"):
        parts.append(f"{say('said', lang)}{colon}“{row['said']}”")
    if row["flags"]:
        parts.append(f"{say('flags', lang)}{colon}{_flags(row['flags'], lang)}")
    end = "." if lang == "en" else "。"
    return f"{number}. {semicolon.join(parts)}{end}"


def _when(row: Mapping[str, Any], lang: str) -> str:
    """Local time as entered, with its offset from UTC, as the log itself shows it
    (`evidence.model.when`, not loaded here): where the clocks went back, 01:30 -04:00 and
    01:30 -05:00 are two moments, and a letter must not read them as one time twice."""
    moment = datetime.fromisoformat(row["at"])
    offset = moment.strftime("%z")
    shown = f"{moment:%Y-%m-%d %H:%M}"
    zone = f"{offset[:3]}:{offset[3:]}"
    return f"{shown} ({zone})" if lang == "en" else f"{shown}（{zone}）"


def _flags(flags: list[Mapping[str, str]], lang: str) -> str:
    """Each rule once, worded as the log words it, with its code and every reference that
    flagged it: 冒充公职 (impersonation, R02, R11)."""
    from ..evidence.texts import flag_labels  # the log's words: loaded only when a log is shown

    labels = flag_labels(((f["code"], f["reference"]) for f in flags), lang)
    return (", " if lang == "en" else "、").join(labels)


def _file(row: Mapping[str, Any], lang: str) -> str:
    from ..evidence.texts import say

    colon, semicolon = (": ", "; ") if lang == "en" else ("：", "；")
    parts = [
        _name(row["path"]),
        f"{say('size', lang)}{colon}{row['size']}",
        f"SHA-256{colon}{row['sha256']}",
    ]
    return "- " + semicolon.join(parts)


def _name(path: str) -> str:
    """The file's name only: where it sits on the person's disk is not the letter's business."""
    kind: type[PurePath] = PureWindowsPath if "\\" in path else PurePosixPath
    return kind(path).name or path


def from_log(
    details: MutableMapping[str, str], drafts: Iterable[Draft], warn: Callable[[str], None]
) -> None:
    """The edge: read the log (only when one of `drafts` shows its details) and fill them.
    A log that cannot be read is one warning, and the letters keep their blanks."""
    from ..errors import StorageError
    from .render import fields_of

    if not any(name in FILLED for d in drafts for name in fields_of(d)):
        return
    try:
        material = letter_material()
    except StorageError as error:
        warn(str(error))
        return
    fill(details, material)
