"""Untrusted text (from flows, file names, YAML keys, the log) made safe to print.

A flow or a file name can hold an escape sequence that would clear the screen,
retitle the window or hide text, and a bidirectional control (U+202E…) that shows
text in another order than it is stored ("Trojan Source"). Every control character
is shown as `\\xNN` and every bidi control as `\\u202e` instead: visible, harmless,
and one-to-one with what was written. So is a byte that was not UTF-8 (Python keeps
it as a lone surrogate): as the byte, `\\x9b`.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from typing import Any

#: The control characters (Unicode category Cc): C0, DEL and C1. The category is
#: closed (Unicode's stability policy), so this is `unicodedata.category(c) == "Cc"`.
CONTROLS: frozenset[int] = frozenset((*range(0x20), *range(0x7F, 0xA0)))

#: The bidirectional controls (Unicode's Bidi_Control property, also closed): marks,
#: embeddings, overrides and isolates. Phones wrap numbers in U+2068…U+2069.
BIDI: frozenset[int] = frozenset(
    (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
)

#: Lone surrogates: what Python makes of bytes that are not UTF-8 (U+DC80…U+DCFF is
#: the byte 0x80…0xFF) or of a broken UTF-16 pair.
SURROGATES = range(0xD800, 0xE000)


def visible(value: str, keep: str = "\n\t") -> str:
    """`value` with each control character but those in `keep`, each bidi control and each
    lone surrogate written out as an escape.

    Every character escaped is one `str.isprintable` refuses (categories Cc, Cf and Cs), so
    text it accepts, as nearly every line of a log is, is returned at once: `translate`
    looks each character of Chinese text up in the table, some ten times slower."""
    if value.isprintable():
        return value
    return value.translate(_table(keep))


def write_visible(text: str, stream: Any = None, keep: str = "\n\t") -> None:
    """Text the person (or someone else) typed, out to `stream` (standard output) with its
    escapes shown, not run: `log list`, `log show` and the exports to a terminal."""
    (stream or sys.stdout).write(visible(text, keep))


@lru_cache(maxsize=8)
def _table(keep: str) -> dict[int, str]:
    """For `str.translate`: one pass in C over the text, instead of a test per character."""
    table = {c: f"\\x{c:02x}" for c in CONTROLS if chr(c) not in keep}
    table |= {c: f"\\u{c:04x}" for c in BIDI}
    table |= {
        c: f"\\x{c - 0xDC00:02x}" if 0xDC80 <= c < 0xDD00 else f"\\u{c:04x}" for c in SURROGATES
    }
    return table
