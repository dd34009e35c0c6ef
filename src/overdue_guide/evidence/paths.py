"""Where the rules file and the log are, found without importing what reading them needs."""

from __future__ import annotations

from pathlib import Path

RULES_FILE = "evidence_rules.yaml"
LOG_FILE = "evidence.sqlite3"


def rules_path() -> Path:
    """The shipped rules file, as `bundle.shipped_dir()` finds flows (inside the installed
    package, else the checkout's), without importing the flow model on every `log` run."""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "flows"
    return (packaged if packaged.is_dir() else package.parents[1] / "flows") / RULES_FILE


def log_path() -> Path:
    """Where the log lives: beside saved progress, in the user data directory (the same
    as `storage.data_dir()`), found without importing SQLite or the store, so that a run
    whose letters could show the log learns that there is none for the price of a stat."""
    from platformdirs import user_data_path

    return user_data_path("overdue-guide", appauthor=False) / LOG_FILE
