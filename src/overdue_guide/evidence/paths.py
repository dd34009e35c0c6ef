"""Where the rules file is, found without importing what reading it needs."""

from __future__ import annotations

from pathlib import Path

RULES_FILE = "evidence_rules.yaml"


def rules_path() -> Path:
    """The shipped rules file, as `bundle.shipped_dir()` finds flows (inside the installed
    package, else the checkout's), without importing the flow model on every `log` run."""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "flows"
    return (packaged if packaged.is_dir() else package.parents[1] / "flows") / RULES_FILE
