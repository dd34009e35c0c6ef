"""Untrusted text (from flows, file names, YAML keys) made safe to print in a terminal.

A flow or a file name can hold an escape sequence that would clear the screen,
retitle the window or hide text. Every control character is shown as `\\xNN`
instead: visible, harmless, and one-to-one with what was written.
"""

from __future__ import annotations

from functools import lru_cache

#: The control characters (Unicode category Cc): C0, DEL and C1. The category is
#: closed (Unicode's stability policy), so this is `unicodedata.category(c) == "Cc"`.
CONTROLS: frozenset[int] = frozenset((*range(0x20), *range(0x7F, 0xA0)))


def visible(value: str, keep: str = "\n\t") -> str:
    """`value` with each control character but those in `keep` written as `\\xNN`."""
    return value.translate(_table(keep))


@lru_cache(maxsize=8)
def _table(keep: str) -> dict[int, str]:
    """For `str.translate`: one pass in C over the text, instead of a test per character."""
    return {c: f"\\x{c:02x}" for c in CONTROLS if chr(c) not in keep}
