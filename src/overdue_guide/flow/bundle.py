"""Find a flow by name or path and load it with the sources it cites, checked.

Shipped flows live in `flows/` at the repository root; the wheel carries them
inside the package, and a source checkout (editable install) is found too.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..base.places import PACKAGE, shipped_dir
from ..errors import Finding, FlowError, FlowNotFound
from .model import Catalog, Flow

DEFAULT_FLOW = "main"
SOURCES_FILE = "sources.yaml"

#: Files in a flows folder that are data, not flows: each has a checker of its own
#: (`content.check.DATA_FILES`), and nothing mistakes it for a flow.
DATA_FILE_NAMES: frozenset[str] = frozenset(
    {SOURCES_FILE, "fee_lines.yaml", "drafts.yaml", "evidence_rules.yaml"}
)


@dataclass(frozen=True)
class Bundle:
    """A flow ready for the interview, and the catalogue its sources refer to."""

    flow: Flow
    catalog: Catalog


def documents_dir(near: Path | None = None) -> Path | None:
    """The source articles, for checking quotes: $OVERDUE_GUIDE_DOCUMENTS, else a
    `shared/seeds` folder up to three levels above `near` (or this package)."""
    configured = os.environ.get("OVERDUE_GUIDE_DOCUMENTS")
    if configured:
        return Path(configured)
    start = (near or PACKAGE / "__init__.py").resolve()
    for folder in list(start.parents)[:4]:
        seeds = folder / "shared" / "seeds"
        if seeds.is_dir():
            return seeds
    return None


def flow_files(folder: Path) -> list[Path]:
    """The flow files in `folder`: every .yaml but the data files."""
    return sorted(p for p in folder.glob("*.yaml") if p.name not in DATA_FILE_NAMES)


def is_shipped(path: Path) -> bool:
    return path.parent == shipped_dir()


def shipped_names() -> list[str]:
    return [p.stem for p in flow_files(shipped_dir())]


def resolve(name: str | None) -> Path:
    """A shipped flow's name ('main') or a path to a flow file."""
    name = name or DEFAULT_FLOW
    as_path = Path(name)
    if as_path.suffix in (".yaml", ".yml") or os.sep in name:
        if not as_path.is_file():
            exists = as_path.exists()
            raise FlowNotFound(f"{name} is not a file" if exists else f"no flow file at {name}")
        return as_path
    shipped = shipped_dir() / f"{name}.yaml"
    if not shipped.is_file():
        raise FlowNotFound(f"no flow named '{name}'; shipped flows: {', '.join(shipped_names())}")
    return shipped


def catalog_for(flow_path: Path) -> Path:
    """The sources file beside the flow, else the shipped one."""
    beside = flow_path.parent / SOURCES_FILE
    return beside if beside.is_file() else shipped_dir() / SOURCES_FILE


def load(
    path: Path, documents: Path | None = None
) -> tuple[Flow | None, Catalog | None, list[Finding]]:
    """Parse and check a flow and its catalogue; quotes are checked when `documents` is given."""
    with _no_cycle_collection():
        return _load(path, documents)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Loading builds many small objects and no cycles: the cyclic collector would only
    scan the growing heap again and again, making large flows superlinear to check."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _load(path: Path, documents: Path | None) -> tuple[Flow | None, Catalog | None, list[Finding]]:
    from .catalog import parse_catalog
    from .checker import check
    from .loader import parse_flow

    flow, findings = parse_flow(path)
    catalog, catalog_findings = parse_catalog(catalog_for(path))
    findings = findings + catalog_findings
    if flow is not None and catalog is not None:
        findings += check(flow, catalog, documents)
    return flow, catalog, findings


def open_flow(name: str | None = None) -> Bundle:
    """The flow for an interview; a `FlowError` if it has any error at all.

    Its quotes are checked against the documents `flows check` uses (`documents_dir`), so
    a run never uses a flow that check refuses. The shipped flow, checked when it was
    built, is taken as built unless $OVERDUE_GUIDE_DOCUMENTS names other documents."""
    path = resolve(name)
    if is_shipped(path) and not os.environ.get("OVERDUE_GUIDE_DOCUMENTS"):
        ready = compiled(path, catalog_for(path))
        if ready is not None:
            return ready
    flow, catalog, findings = load(path, documents_dir(path))
    if flow is None or catalog is None or any(f.severity == "error" for f in findings):
        raise FlowError(findings)
    return Bundle(flow, catalog)


def compiled(path: Path, catalog_path: Path) -> Bundle | None:
    """The compiled bundle for the shipped flow at `path`, if one fits it exactly
    (see `flow.compiled`; `content.build` makes it)."""
    from .compiled import stored

    found = stored(path.parent, lambda d: d["flows"].get(path.stem), (path, catalog_path))
    return found["bundle"] if found and isinstance(found["bundle"], Bundle) else None
