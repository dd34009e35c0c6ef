"""Scripts to say and letters to send, authored as data in `flows/drafts.yaml`.

model (the data) → loader (YAML to model, located findings) → checker (against the
flow) → render (pure filling, blanks for what is not given) and afford (is the
offer affordable). `open_drafts` is what a run uses.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import FlowError
from ..model import Flow
from .model import DraftSet

DRAFTS_FILE = "drafts.yaml"


def drafts_path(flow_path: Path) -> Path | None:
    """The drafts file for a flow: beside it, else none."""
    beside = flow_path.parent / DRAFTS_FILE
    return beside if beside.is_file() else None


def open_drafts(flow_path: Path, flow: Flow) -> DraftSet | None:
    """The drafts written for `flow` (None if there are none); a `FlowError` if they have errors."""
    from .checker import check
    from .loader import parse_drafts

    path = drafts_path(flow_path)
    if path is None:
        return None
    drafts, findings = parse_drafts(path)
    if drafts is None or drafts.flow != flow.id:
        if drafts is None:
            raise FlowError(findings)
        return None
    findings += check(drafts, flow)
    if any(f.severity == "error" for f in findings):
        raise FlowError(findings)
    return drafts
