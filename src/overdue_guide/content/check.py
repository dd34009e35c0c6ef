"""`flows check` over files and folders: each flow with its sources, each data file with
its own checker, findings of unchanged files recalled from the cache (`checkcache`).

This is the one place that knows every kind of file in `flows/`, so it sits above the
wings whose data files it checks (drafts, fees, evidence).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ..base.places import shipped_dir
from ..errors import Finding, FlowNotFound, GuideError
from ..flow.bundle import SOURCES_FILE, catalog_for, documents_dir, flow_files, load

Checker = Callable[[Path, Path | None], list[Finding]]


def _sources(path: Path, documents: Path | None) -> list[Finding]:
    from ..flow.catalog import check_catalog_file

    return check_catalog_file(path, documents)


def _fee_lines(path: Path, documents: Path | None) -> list[Finding]:
    from ..fees.lines import check_lines_file

    return check_lines_file(path, documents)


def _drafts(path: Path, documents: Path | None) -> list[Finding]:
    from ..drafts.checker import check_file

    return check_file(path, documents)


def _evidence_rules(path: Path, documents: Path | None) -> list[Finding]:
    from ..evidence.rules import check_file

    return check_file(path, documents)


#: Files in a flows folder that are data, not flows: file name → the function that checks
#: one file. A feature with data of its own in `flows/` adds one line here and its name to
#: `flow.bundle.DATA_FILE_NAMES`; `flows check` then checks that file. Each checker is
#: imported only when such a file is checked, and reads its file with
#: `yamlsafe.load(path, "data file")` (or `files.read_bytes`), which refuses pipes,
#: devices and folders and bounds the size (`files.LIMITS`).
DATA_FILES: dict[str, Checker] = {
    SOURCES_FILE: _sources,
    "fee_lines.yaml": _fee_lines,
    "drafts.yaml": _drafts,
    "evidence_rules.yaml": _evidence_rules,
}


def data_files(folder: Path) -> list[Path]:
    """The data files (see `DATA_FILES`) present in `folder`."""
    return [folder / name for name in sorted(DATA_FILES) if os.path.lexists(folder / name)]


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
        checker = DATA_FILES.get(file.name)
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
    from . import checkcache

    entry = checkcache.key(file, catalog_for(file), documents) if cache else None
    remembered = checkcache.recall(entry) if entry else None
    if remembered is not None:
        return remembered
    findings = load(file, documents)[2]
    if entry:
        checkcache.remember(entry, findings)
    return findings
