"""The compiled form of a flows folder, made at build time (hatch_build.py): every clean
flow with its catalogue, and the drafts, pickled beside the YAML (`flow.compiled` reads it)."""

from __future__ import annotations

import pickle
from pathlib import Path

from .. import __version__
from ..drafts import DRAFTS_FILE
from ..drafts.checker import check_file
from ..drafts.loader import parse_drafts
from ..flow import bundle
from ..flow.compiled import FORMAT, hashes


def compile_folder(folder: Path, target: Path) -> list[str]:
    """Write the compiled form of every clean flow in `folder` to `target`; return their names."""
    flows = {}
    for path in bundle.flow_files(folder):
        flow, catalog, findings = bundle.load(path)
        if flow is None or catalog is None or any(f.severity == "error" for f in findings):
            continue
        catalog_path = bundle.catalog_for(path)
        flows[path.stem] = {
            "hashes": hashes(path, catalog_path),
            "bundle": bundle.Bundle(flow, catalog),
        }
    document = {
        "format": FORMAT,
        "version": __version__,
        "flows": flows,
        "drafts": _compiled_drafts(folder),
    }
    target.write_bytes(pickle.dumps(document, protocol=pickle.HIGHEST_PROTOCOL))
    return sorted(flows)


def _compiled_drafts(folder: Path) -> dict[str, object] | None:
    """The drafts file of `folder`, loaded, if it has no errors against its flow."""

    path = folder / DRAFTS_FILE
    if not path.is_file() or any(f.severity == "error" for f in check_file(path)):
        return None
    drafts = parse_drafts(path)[0]
    return {"hashes": hashes(path), "drafts": drafts} if drafts is not None else None
