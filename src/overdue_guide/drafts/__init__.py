"""Scripts to say and letters to send, authored as data in `flows/drafts.yaml`.

model (the data) → loader (YAML to model, located findings) → checker (against the
flow) → render (pure filling, blanks for what is not given) and afford (is the
offer affordable). `open_drafts` is what a run uses.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import FlowError
from ..flow.model import Flow
from .model import DraftSet

DRAFTS_FILE = "drafts.yaml"


def drafts_path(flow_path: Path) -> Path | None:
    """The drafts file for a flow: beside it, else none."""
    beside = flow_path.parent / DRAFTS_FILE
    return beside if beside.is_file() else None


def open_drafts(flow_path: Path, flow: Flow) -> DraftSet | None:
    """The drafts written for `flow` (None if there are none); a `FlowError` if they have
    errors. Shipped drafts come compiled in the wheel when they can, and are not checked
    again at run time: the tests and `flows check` keep them clean."""
    from ..flow import bundle

    path = drafts_path(flow_path)
    if path is None:
        return None
    shipped = bundle.is_shipped(path)
    drafts = compiled_drafts(path) if shipped else None
    if drafts is None:
        drafts = _read(path, flow, check=not shipped)
    return drafts if drafts is not None and drafts.flow == flow.id else None


def compiled_drafts(path: Path) -> DraftSet | None:
    """The compiled drafts for the shipped drafts file at `path`, if they fit it exactly
    (see `flow.compiled`; `content.build` makes them)."""
    from ..flow.compiled import stored

    found = stored(path.parent, lambda d: d.get("drafts"), (path,))
    return found["drafts"] if found and isinstance(found["drafts"], DraftSet) else None


def _read(path: Path, flow: Flow, check: bool) -> DraftSet | None:
    from .loader import parse_drafts

    drafts, findings = parse_drafts(path)
    if drafts is None:
        raise FlowError(findings)
    if check and drafts.flow == flow.id:
        from .checker import check as check_drafts

        findings += check_drafts(drafts, flow)
    if any(f.severity == "error" for f in findings):
        raise FlowError(findings)
    return drafts
