"""The shipped flows, loaded and checked at build time, for a fast start.

The wheel's build hook (hatch_build.py, through `content.build`) pickles each clean
shipped flow with its catalogue, and the drafts, into the package beside the YAML.
At run time an entry is used (`bundle.compiled`, `drafts.compiled_drafts`) only when it
was made by this version from exactly the YAML files now beside it (their hashes
match); otherwise, or if the file is damaged, the YAML is read as usual. It lives
inside the installed package, so it is trusted exactly as the code is.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import __version__

FILE_NAME = "compiled.pickle"
FORMAT = 1


def hashes(*paths: Path) -> list[str]:
    return [hashlib.sha256(path.read_bytes()).hexdigest() for path in paths]


def stored(
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
        if entry is None or entry["hashes"] != hashes(*sources):
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
