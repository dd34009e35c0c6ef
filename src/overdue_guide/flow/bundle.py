"""Find a flow by name or path and load it with the sources it cites, checked.

Shipped flows live in `flows/` at the repository root; the wheel carries them
inside the package, and a source checkout (editable install) is found too.
"""

from __future__ import annotations

import gc
import importlib
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..errors import Finding, FlowError, FlowNotFound, GuideError
from .model import Catalog, Flow

#: The installed package (or the checkout's `src/overdue_guide`).
PACKAGE = Path(__file__).resolve().parents[1]

DEFAULT_FLOW = "main"
SOURCES_FILE = "sources.yaml"

#: Files in a flows folder that are data, not flows: file name → "module:function" that
#: checks one file, called as `function(path, documents) -> list[Finding]`. A feature with
#: data of its own in `flows/` adds one line here; `flows check` then checks that file
#: and nothing mistakes it for a flow. Imported only when such a file is checked. A checker
#: reads its file with `yamlsafe.load(path, "data file")` (or `files.read_bytes`), which
#: refuses pipes, devices and folders and bounds the size (`files.LIMITS`).
DATA_FILES: dict[str, str] = {
    SOURCES_FILE: "overdue_guide.flow.loader:check_catalog_file",
    "fee_lines.yaml": "overdue_guide.fees.lines:check_lines_file",
    "drafts.yaml": "overdue_guide.drafts.checker:check_file",
    "evidence_rules.yaml": "overdue_guide.evidence.rules:check_file",
}


@dataclass(frozen=True)
class Bundle:
    """A flow ready for the interview, and the catalogue its sources refer to."""

    flow: Flow
    catalog: Catalog


def shipped_dir() -> Path:
    """The folder of shipped flows: inside the installed package, else the checkout's."""
    packaged = PACKAGE / "flows"
    return packaged if packaged.is_dir() else PACKAGE.parents[1] / "flows"


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
    return sorted(p for p in folder.glob("*.yaml") if p.name not in DATA_FILES)


def data_files(folder: Path) -> list[Path]:
    """The data files (see `DATA_FILES`) present in `folder`."""
    return [folder / name for name in sorted(DATA_FILES) if os.path.lexists(folder / name)]


def data_checker(path: Path) -> Callable[[Path, Path | None], list[Finding]] | None:
    """The function that checks the data file at `path`, or None if it is not one."""
    target = DATA_FILES.get(path.name)
    if target is None:
        return None
    module, _, function = target.partition(":")
    checker: Callable[[Path, Path | None], list[Finding]] = getattr(
        importlib.import_module(module), function
    )
    return checker


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
    from .checker import check
    from .loader import parse_catalog, parse_flow

    flow, findings = parse_flow(path)
    catalog, catalog_findings = parse_catalog(catalog_for(path))
    findings = findings + catalog_findings
    if flow is not None and catalog is not None:
        findings += check(flow, catalog, documents)
    return flow, catalog, findings


def open_flow(name: str | None = None) -> Bundle:
    """The flow for an interview; a `FlowError` if it has any error at all."""
    path = resolve(name)
    if is_shipped(path):
        from . import compiled

        ready = compiled.load(path, catalog_for(path))
        if ready is not None:
            return ready
    flow, catalog, findings = load(path)
    if flow is None or catalog is None or any(f.severity == "error" for f in findings):
        raise FlowError(findings)
    return Bundle(flow, catalog)


def check_paths(
    paths: list[Path], documents: Path | None = None, cache: bool = False
) -> tuple[list[Finding], list[Path]]:
    """Every finding in the flow files at `paths` (files or folders; none: the shipped
    flows), and the files checked. A path that does not exist is a `FlowNotFound`.
    With `cache`, findings of unchanged files are recalled instead of recomputed."""
    if documents is not None:
        _require_documents(documents)
    files: list[Path] = []
    for path in paths or [shipped_dir()]:
        if path.is_dir():
            found = flow_files(path) + data_files(path)
            if not found:
                raise FlowNotFound(f"no flow files (*.yaml) in the folder {path}")
            files += found
        elif path.exists():
            files.append(path)
        else:
            raise FlowNotFound(f"no such file or folder: {path}")
    findings: list[Finding] = []
    for file in files:
        known = documents or documents_dir(file)
        checker = data_checker(file)
        findings += checker(file, known) if checker else _check_file(file, known, cache)
    return list(dict.fromkeys(findings)), files


def _require_documents(folder: Path) -> None:
    """A documents folder named on the command line must exist and hold something: checking
    quotes against nothing would pass every quote silently."""
    if not folder.is_dir():
        raise GuideError(f"--documents: no such folder: {folder}")
    if not any(entry.name[:1] != "." for entry in folder.iterdir()):
        raise GuideError(f"--documents: the folder {folder} is empty")


def _check_file(file: Path, documents: Path | None, cache: bool) -> list[Finding]:
    from ..content import checkcache

    entry = checkcache.key(file, catalog_for(file), documents) if cache else None
    remembered = checkcache.recall(entry) if entry else None
    if remembered is not None:
        return remembered
    findings = load(file, documents)[2]
    if entry:
        checkcache.remember(entry, findings)
    return findings
