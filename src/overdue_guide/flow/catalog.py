"""The sources file (`flows/sources.yaml`) as a `Catalog`: every document and reference
the flows, the fee lines and the evidence rules may cite, every problem located."""

from __future__ import annotations

from pathlib import Path

from ..base import yamlsafe
from ..base.files import plain_name
from ..base.yamlsafe import Node
from ..errors import Finding, FlowError
from .model import Catalog, Document, Reference
from .reader import Reader


def parse_catalog(path: Path) -> tuple[Catalog | None, list[Finding]]:
    """Load the sources file: every document and reference flows may cite."""
    root, problems = yamlsafe.load_root(path, "sources file")
    if root is None:
        return None, problems
    r = Reader(str(path))
    keys = r.mapping(root, "the sources file", ("documents", "references"))
    if keys is None:
        return None, r.findings
    documents = r.each(
        keys.get("documents"), "'documents'", _document, lambda d: d.file, "document '{}'"
    )
    references = r.each(
        keys.get("references"), "'references'", _reference, lambda x: x.id, "reference '{}'"
    )
    catalog = Catalog({d.file: d for d in documents}, {x.id: x for x in references}, str(path))
    return catalog, r.findings


def check_catalog_file(path: Path, documents: Path | None = None) -> list[Finding]:
    """`flows check` of a sources file on its own (see `content.check.DATA_FILES`)."""
    return parse_catalog(path)[1]


def load_catalog(path: Path) -> Catalog:
    """Load the sources file for the interview; raise `FlowError` if it has any error."""
    catalog, findings = parse_catalog(path)
    if catalog is None or any(f.severity == "error" for f in findings):
        raise FlowError(findings)
    return catalog


def _document(r: Reader, node: Node) -> Document | None:
    keys = r.mapping(node, "a document", ("file", "title"), ("site", "date", "url", "note"))
    if keys is None:
        return None
    values = {k: r.string(v, f"'{k}' of a document") for k, v in keys.items() if k != "note"}
    note = r.text(keys["note"], "'note' of a document") if "note" in keys else None
    file, title = values.get("file"), values.get("title")
    if file and not plain_name(file):
        r.report(
            keys["file"],
            "document-outside",
            f"'file' must be a file name in the documents folder, not the path '{file}'",
        )
    if not (file and title):
        return None
    return Document(
        file, title, values.get("site"), values.get("date"), values.get("url"), note, r.loc(node)
    )


def _reference(r: Reader, node: Node) -> Reference | None:
    keys = r.mapping(node, "a reference", ("id", "cite", "summary", "confidence"), ("gloss",))
    if keys is None:
        return None
    ident = r.string(keys["id"], "'id' of a reference") if "id" in keys else None
    cite = r.string(keys["cite"], "'cite' of a reference") if "cite" in keys else None
    summary = r.text(keys["summary"], "'summary' of a reference") if "summary" in keys else None
    confidence = r.string(keys["confidence"], "'confidence'") if "confidence" in keys else None
    if confidence is not None and confidence not in ("H", "M"):
        r.report(
            keys["confidence"],
            "bad-value",
            "a cited reference must be marked H or M (L is never cited)",
        )
        confidence = None
    gloss = r.string(keys["gloss"], "'gloss' of a reference") if "gloss" in keys else None
    if not (ident and cite and summary and confidence):
        return None
    return Reference(ident, cite, summary, confidence, r.loc(node), gloss)
