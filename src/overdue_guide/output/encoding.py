"""Text for a terminal whose encoding is not UTF-8 (GBK, Big5, Latin-1, ASCII): never a crash.

A character the terminal's encoding lacks is written as a plain fallback ("☐"
as "[ ]", curly quotes as straight ones) or, failing that, as a visible escape
(`\\u73b0`): never a UnicodeEncodeError, never bytes the terminal would show
as something else. When the encoding cannot show the language at all (Chinese
in Latin-1), the screen uses one it can. Files are always written in UTF-8.
"""

from __future__ import annotations

import codecs
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any, TextIO

#: Plain stand-ins for characters legacy encodings lack (ASCII, so every encoding has them).
FALLBACKS = {
    "☐": "[ ]",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "「": '"',
    "」": '"',
    "『": '"',
    "』": '"',
    "《": "<",
    "》": ">",
    "—": "-",
    "–": "-",
    "…": "...",
    "←": "<-",
    "→": "->",
    "↑": "^",
    "↓": "v",
    "·": "-",
    "•": "*",
    "●": "*",
    "○": "o",
    "»": ">",
    "、": ",",
    "，": ", ",
    "。": ". ",
    "：": ": ",
    "；": "; ",
    "？": "?",
    "！": "!",
    "（": "(",
    "）": ")",
    "\u3000": " ",
}

HANDLER = "overdue-guide-fallback"

#: What each language must be able to show, to be shown at all.
_SAMPLES = {"zh-CN": "现在该做什么清单来源", "zh-TW": "現在該做什麼清單來源", "en": "a"}

JSON_HANDLER = "overdue-guide-json"

#: For stdout formats read by programs, an escape that keeps the content exact.
_EXACT = {"json": JSON_HANDLER, "html": "xmlcharrefreplace"}


def _fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    lacking = error.object[error.start : error.end]
    return "".join(FALLBACKS.get(c) or _escaped(c) for c in lacking), error.end


def _escaped(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _json_escape(error: UnicodeError) -> tuple[str, int]:
    """JSON's own escape (`\\u00e1`, surrogate pairs past U+FFFF): the same string, decoded."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    lacking = error.object[error.start : error.end]
    escaped = lacking.encode("utf-16-be")
    units = [int.from_bytes(escaped[i : i + 2], "big") for i in range(0, len(escaped), 2)]
    return "".join(f"\\u{unit:04x}" for unit in units), error.end


codecs.register_error(HANDLER, _fallback)
codecs.register_error(JSON_HANDLER, _json_escape)


def is_utf8(stream: TextIO | None) -> bool:
    """Whether `stream` writes UTF-8 (a stream without an encoding counts as UTF-8)."""
    name = getattr(stream, "encoding", None) or "utf-8"
    return codecs.lookup(name).name.startswith("utf")


def install(*streams: Any) -> None:
    """Give each non-UTF-8 stream the fallbacks instead of UnicodeEncodeError."""
    for stream in streams:
        if stream is not None and not is_utf8(stream) and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors=HANDLER)


def for_format(stream: Any, output_format: str) -> None:
    """JSON and HTML on a non-UTF-8 stdout get escapes that keep their content exact."""
    if not is_utf8(stream) and hasattr(stream, "reconfigure"):
        stream.reconfigure(errors=_EXACT.get(output_format, HANDLER))


def screen_lang(lang: str, instead: str, stream: Any = None) -> str:
    """The language to show on `stream` (standard output): `lang`, or one the terminal's
    encoding can show, said once on stderr with how to get `lang` (`instead`: a UTF-8
    terminal, or a way round it). The interview, `fees` and `log` all come here."""
    import sys

    stream = sys.stdout if stream is None else stream
    shown = shown_lang(lang, stream)
    if shown != lang:
        sys.stderr.write(
            f"overdue-guide: this terminal's encoding ({stream.encoding}) cannot show "
            f"{lang}, so the screen shows {shown}; use a UTF-8 terminal or {instead} for {lang}\n"
        )
    return shown


def shown_lang(lang: str, stream: Any) -> str:
    """`lang` if `stream` can show it; else the other Chinese script, else English."""
    if is_utf8(stream):
        return lang
    other = {"zh-CN": "zh-TW", "zh-TW": "zh-CN"}.get(lang)
    for candidate in (lang, other, "en"):
        if candidate is not None and _can_encode(_SAMPLES[candidate], stream.encoding):
            return candidate
    return "en"


def _can_encode(text: str, name: str) -> bool:
    try:
        text.encode(name)
    except UnicodeEncodeError:
        return False
    return True
