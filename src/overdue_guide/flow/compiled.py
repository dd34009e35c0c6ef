"""The shipped flows, loaded and checked at build time, for a fast start.

The wheel's build hook (hatch_build.py) pickles each clean shipped flow with its
catalogue into the package, beside the YAML. At run time it is used only when
it was made by this version from exactly the YAML files now beside it (their
hashes match); otherwise, or if it is damaged, the YAML is read as usual. It
lives inside the installed package, so it is trusted exactly as the code is.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__

if TYPE_CHECKING:
    from ..drafts.model import DraftSet
    from .bundle import Bundle

FILE_NAME = "compiled.pickle"
FORMAT = 1


def _hashes(*paths: Path) -> list[str]:
    return [hashlib.sha256(path.read_bytes()).hexdigest() for path in paths]


def compile_folder(folder: Path, target: Path) -> list[str]:
    """Write the compiled form of every clean flow in `folder` to `target`; return their names."""
    from . import bundle

    flows = {}
    for path in bundle.flow_files(folder):
        flow, catalog, findings = bundle.load(path)
        if flow is None or catalog is None or any(f.severity == "error" for f in findings):
            continue
        catalog_path = bundle.catalog_for(path)
        flows[path.stem] = {
            "hashes": _hashes(path, catalog_path),
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


def load(path: Path, catalog_path: Path) -> Bundle | None:
    """The compiled bundle for the shipped flow at `path`, if one fits it exactly."""
    from .bundle import Bundle

    found = _stored(path.parent, lambda d: d["flows"].get(path.stem), (path, catalog_path))
    return found["bundle"] if found and isinstance(found["bundle"], Bundle) else None


def _stored(
    folder: Path, pick: Callable[[dict[str, Any]], Any], sources: tuple[Path, ...]
) -> dict[str, Any] | None:
    """The entry `pick` finds in the compiled file of `folder`, if it was made by this
    version from exactly the files `sources` now hold; else None."""
    compiled = folder / FILE_NAME
    try:
        if not compiled.is_file():
            return None
        document = _document(compiled.read_bytes())
        if document.get("format") != FORMAT or document.get("version") != __version__:
            return None
        entry = pick(document)
        if entry is None or entry["hashes"] != _hashes(*sources):
            return None
    except Exception:  # a damaged file is never trusted: read the YAML instead
        return None
    return entry if isinstance(entry, dict) else None


@lru_cache(maxsize=2)
def _document(data: bytes) -> dict[str, Any]:
    """The compiled file unpickled once a run, though a run takes both its flow and its
    drafts from it. Keyed by the bytes themselves (reading them is cheap, unpickling is
    not), so a file that changed is never answered from memory."""
    loaded = pickle.loads(data)
    return loaded if isinstance(loaded, dict) else {}


def _compiled_drafts(folder: Path) -> dict[str, object] | None:
    """The drafts file of `folder`, loaded, if it has no errors against its flow."""
    from ..drafts import DRAFTS_FILE
    from ..drafts.checker import check_file
    from ..drafts.loader import parse_drafts

    path = folder / DRAFTS_FILE
    if not path.is_file() or any(f.severity == "error" for f in check_file(path)):
        return None
    drafts = parse_drafts(path)[0]
    return {"hashes": _hashes(path), "drafts": drafts} if drafts is not None else None


def load_drafts(path: Path) -> DraftSet | None:
    """The compiled drafts for the shipped drafts file at `path`, if they fit it exactly."""
    from ..drafts.model import DraftSet

    found = _stored(path.parent, lambda d: d.get("drafts"), (path,))
    return found["drafts"] if found and isinstance(found["drafts"], DraftSet) else None
