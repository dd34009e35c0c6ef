"""Untrusted text (from flows, file names, YAML keys) made safe to print in a terminal.

A flow or a file name can hold an escape sequence that would clear the screen,
retitle the window or hide text. Every control character is shown as `\\xNN`
instead: visible, harmless, and one-to-one with what was written.
"""

from __future__ import annotations

import unicodedata


def visible(value: str, keep: str = "\n\t") -> str:
    """`value` with each control character but those in `keep` written as `\\xNN`."""
    return "".join(
        c if c in keep or unicodedata.category(c) != "Cc" else f"\\x{ord(c):02x}" for c in value
    )
