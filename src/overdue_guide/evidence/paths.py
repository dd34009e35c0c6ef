"""Where the rules file and the log are, found without importing what reading them needs."""

from __future__ import annotations

from pathlib import Path

from ..base import places

RULES_FILE = "evidence_rules.yaml"
LOG_FILE = "evidence.sqlite3"


def rules_path() -> Path:
    """The shipped rules file, found as every shipped file is (`places.shipped_dir`)."""
    return places.shipped_dir() / RULES_FILE


def log_path() -> Path:
    """Where the log lives: beside saved progress, in the user data directory, found
    without importing SQLite or the store, so that a run whose letters could show the log
    learns that there is none for the price of a stat."""
    return places.data_dir() / LOG_FILE
