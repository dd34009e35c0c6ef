"""Saved progress, only when the person asks for it (`--save`), and atomic file writes.

Progress is one small JSON file in the user data directory (XDG_DATA_HOME is
honoured), written atomically with mode 0600. A file that cannot be trusted is
reported and moved aside, never silently used or deleted.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .engine import plain
from .errors import StorageError
from .i18n import detect_lang, message

APP_NAME = "overdue-guide"
FORMAT = "overdue-guide/progress"
VERSION = 1


def data_dir() -> Path:
    """Where saved progress lives: the platform's user data directory for this program."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def progress_path() -> Path:
    return data_dir() / "progress.json"


@dataclass(frozen=True)
class Progress:
    """An interview in progress: which flow, in which language, and the answers so far."""

    flow: str
    lang: str
    answers: dict[str, object]


def write_atomic(path: Path, text: str, private: bool = False) -> None:
    """Write `text` to `path` so that a crash or a full disk never leaves half a file.

    The text goes to a temporary file beside `path`, is flushed to disk, then
    renamed over `path`; on failure `path` is left as it was.
    """
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            if private:
                os.fchmod(out.fileno(), 0o600)
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        reason = error.strerror or str(error)
        raise StorageError(
            message("cannot_write", detect_lang(), path=path, reason=reason)
        ) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def save(progress: Progress) -> Path:
    """Keep the progress after an answer; only ever called with --save."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "flow": progress.flow,
        "lang": progress.lang,
        "answers": plain(progress.answers),
    }
    path = progress_path()
    write_atomic(path, json.dumps(document, ensure_ascii=False, indent=2) + "\n", private=True)
    return path


def load() -> Progress | None:
    """The saved progress, None if there is none; an untrustworthy file is moved aside."""
    path = progress_path()
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError):
        raise _set_aside(path, "reason_damaged") from None
    try:
        document = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        raise _set_aside(path, "reason_damaged") from None
    if (
        not isinstance(document, dict)
        or document.get("format") != FORMAT
        or document.get("version") != VERSION
    ):
        raise _set_aside(path, "reason_foreign")
    flow, lang, answers = document.get("flow"), document.get("lang"), document.get("answers")
    if not isinstance(flow, str) or not isinstance(lang, str) or not isinstance(answers, dict):
        raise _set_aside(path, "reason_damaged")
    return Progress(flow, lang, answers)


def reject(detail: str) -> StorageError:
    """Move the saved progress aside because its content does not fit the flow."""
    return _set_aside(progress_path(), "reason_outdated", f" ({detail})")


def _set_aside(path: Path, reason: str, detail: str = "") -> StorageError:
    """`reason` is a message key; the line is in the language of the locale."""
    aside = path.with_name(f"{path.stem}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}{path.suffix}")
    lang = detect_lang()
    why = message(reason, lang)
    try:
        path.replace(aside)
    except OSError as error:
        failed = error.strerror or str(error)
        return StorageError(
            message("set_aside_failed", lang, path=path, reason=why, error=failed) + detail
        )
    return StorageError(
        message("set_aside", lang, path=path, reason=why, aside=aside.name) + detail
    )


def forget() -> list[Path]:
    """Delete everything this program saved about the person; return what was deleted."""
    folder = data_dir()
    if not folder.is_dir():
        return []
    removed = []
    for entry in sorted(folder.iterdir()):
        if entry.is_file() and entry.name.startswith(("progress", ".progress")):
            entry.unlink()
            removed.append(entry)
    if not any(folder.iterdir()):
        folder.rmdir()
    return removed
