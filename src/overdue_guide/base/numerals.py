"""Numbers and dates as people type them: the one reading every wing uses.

Python's `int()`, `Decimal()` and `date.fromisoformat()` each take a different view of
what a digit is: `int(' ٣ ')` is 3, `Decimal('1_000')` is 1000, `fromisoformat` takes
neither. So the evidence log, the fee check and the letters read what a person typed
here, one way:

- spaces around a figure are trimmed (a paste often carries them);
- full-width forms are folded to ASCII (Unicode NFKC): a Chinese input method types
  `１２００`, `８．８％` and `２０２６－０３－０１`, and the person means 1200, 8.8 % and a date;
- digits of other scripts (Arabic-Indic `٣`, Devanagari `३`), superscripts (`²`, which NFKC
  folds to 2, so they are refused before folding) and underscores inside a figure are
  refused: nobody overdue on 花呗 writes them on purpose, and reading them silently would
  put a number in a log or a letter that the person never saw on their screen.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation


def fold(text: str) -> str:
    """`text` with its full-width forms made ASCII and the spaces around it trimmed; any
    other character is left as it is, for the grammar that reads it to refuse."""
    if not text.isascii():
        import unicodedata  # only then: a scripted run of ASCII figures loads no more

        text = "".join(
            c if unicodedata.category(c) == "No" else unicodedata.normalize("NFKC", c) for c in text
        )
    return text.strip()


def whole(text: str, *, signed: bool = False) -> int | None:
    """A whole number written in digits 0-9 (with a sign if `signed`); None if not one."""
    found = (_SIGNED if signed else _DIGITS).fullmatch(fold(text))
    return int(found.group()) if found else None


def decimal(text: str, *, signed: bool = False, exponent: bool = False) -> Decimal | None:
    """A finite decimal number written in digits 0-9 with an optional point (and a sign,
    an exponent if asked); None if not one: never NaN or infinity."""
    folded = fold(text)
    if not _DECIMAL.fullmatch(folded):
        return None
    if (folded[0] in "+-" and not signed) or ("e" in folded.lower() and not exponent):
        return None
    try:
        return Decimal(folded)
    except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
        return None


def day(text: str) -> date | None:
    """A real calendar day written year first: `2026-03-01`, `2026/3/1`, `2026.3.1` or
    `2026年3月1日` (号 too); None if it is not one, as `2026-02-30` is not."""
    folded = fold(text)
    found = _DAY.fullmatch(folded) or _CHINESE_DAY.fullmatch(folded)
    if not found:
        return None
    try:
        return date(int(found["y"]), int(found["m"]), int(found["d"]))
    except ValueError:
        return None


_DIGITS = re.compile(r"[0-9]+")
_SIGNED = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_DAY = re.compile(r"(?P<y>[0-9]{4})(?P<s>[-/.])(?P<m>[0-9]{1,2})(?P=s)(?P<d>[0-9]{1,2})")
_CHINESE_DAY = re.compile(r"(?P<y>[0-9]{4})年(?P<m>[0-9]{1,2})月(?P<d>[0-9]{1,2})[日号]?")
