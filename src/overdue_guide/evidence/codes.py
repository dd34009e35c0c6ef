"""The codes of an entry's fields and of the flags: the README's contract.

Apart from the entry model so that `log list` can word them without loading it.
"""

from __future__ import annotations

CHANNELS: tuple[str, ...] = ("call", "sms", "message", "visit", "letter")
DIRECTIONS: tuple[str, ...] = ("in", "out")
IMPERSONATED: tuple[str, ...] = ("police", "court", "lawyer", "government")
THREATS: tuple[str, ...] = ("violence", "detention", "exposure", "family", "insult", "other")
FLAG_CODES: tuple[str, ...] = (
    "night_hours",
    "call_frequency",
    "third_party_disclosure",
    "no_institution",
    "impersonation",
    "threat",
    "personal_account",
)
