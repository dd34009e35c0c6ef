"""flows/fee_lines.yaml: the lines a loan's yearly cost is compared with.

Authors edit the YAML (format: docs/fee-lines.md); this module reads it into
`FeeLine`s, every problem a located finding, and is the checker `flows check`
runs on it (registered in `content.check.DATA_FILES`). References are checked against
the sources file beside it, including ids written in the texts, like "(R32)".

The wheel also carries the lines as JSON (`compile_lines`, called by the build
hook), used only while the YAML beside it is the one it was made from: a run of
`fees` then needs no YAML parser at all.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..base import numerals
from ..errors import Finding, FlowError
from ..flow.model import Loc, Text
from .model import FeeLine

if TYPE_CHECKING:
    from ..base.yamlsafe import Node
    from ..flow.reader import Reader

FILE_NAME = "fee_lines.yaml"
COMPILED_NAME = "fee_lines.json"
MAX_LINE_RATE = Decimal(1000)
_CITED = re.compile(r"\bR\d{2,3}\b")
_FIELDS = ("id", "name", "date", "references", "above", "below")
_OPTIONAL = ("rate", "lpr", "times", "checked", "note")
_TEXTS = ("name", "above", "below", "note")


def shipped_path() -> Path:
    from ..base.places import shipped_dir

    return shipped_dir() / FILE_NAME


def load_lines(path: Path | None = None) -> tuple[FeeLine, ...]:
    """The lines for the fee check; a `FlowError` naming every error if the file has any.

    References are not looked up here (`flows check` does that, and CI runs it on the
    shipped file), so a run reads one small YAML file, not the sources too."""
    path = path or shipped_path()
    compiled = _compiled(path)
    if compiled is not None:
        return compiled
    lines, findings = parse_lines(path, check_references=False)
    if lines is None or any(f.severity == "error" for f in findings):
        raise FlowError(findings)
    return lines


def check_lines_file(path: Path, documents: Path | None = None) -> list[Finding]:
    """`flows check` of a fee lines file (see `content.check.DATA_FILES`)."""
    return parse_lines(path)[1]


def parse_lines(
    path: Path, check_references: bool = True
) -> tuple[tuple[FeeLine, ...] | None, list[Finding]]:
    """Read the lines file; references are checked against the sources file beside it."""
    from ..base import yamlsafe
    from ..flow.reader import Reader

    root, problems = yamlsafe.load_root(path, "fee lines file")
    if root is None:
        return None, problems
    r = Reader(str(path))
    keys = r.mapping(root, "the fee lines file", ("lines",))
    if keys is None or "lines" not in keys:
        return None, r.findings
    known = _reference_ids(path) if check_references else None
    entries = [(node, _line(r, node, known)) for node in r.sequence(keys["lines"], "'lines'")]
    lines = r.unique(entries, lambda line: line.id, "line '{}'")
    return tuple(lines), r.findings


def _reference_ids(path: Path) -> set[str] | None:
    """The reference ids of the sources file beside `path` (or the shipped one)."""
    from ..flow.bundle import catalog_for
    from ..flow.catalog import parse_catalog

    catalog, _ = parse_catalog(catalog_for(path))
    return set(catalog.references) if catalog is not None else None


def _line(r: Reader, node: Node, known: set[str] | None) -> FeeLine | None:
    keys = r.mapping(node, "a line", _FIELDS, _OPTIONAL)
    if keys is None:
        return None
    ident = r.identifier(keys["id"], "'id' of a line") if "id" in keys else None
    texts = {k: r.text(keys[k], f"'{k}' of a line") for k in _TEXTS if k in keys}
    figure = _date(r, keys.get("date"), "'date'")
    checked = _date(r, keys.get("checked"), "'checked'") if "checked" in keys else None
    if figure and checked and checked < figure:
        r.report(keys["checked"], "bad-date", f"'checked' {checked} is before 'date' {figure}")
    rate, lpr = _rate_of(r, node, keys)
    listed = keys.get("references")
    references = _references(r, listed, known) if listed is not None else ()
    _check_cited(r, [t for t in texts.values() if t is not None], known)
    name, above, below = texts.get("name"), texts.get("above"), texts.get("below")
    if not (ident and name and above and below and figure and rate is not None):
        return None
    return FeeLine(
        ident,
        name,
        rate,
        figure,
        references,
        above,
        below,
        texts.get("note"),
        lpr,
        checked,
    )


def _rate_of(r: Reader, node: Node, keys: dict[str, Node]) -> tuple[Decimal | None, Decimal | None]:
    """The line's yearly rate: `rate`, or `lpr` × `times`; and the LPR when there is one."""
    if ("rate" in keys) == ("lpr" in keys):
        if "rate" in keys:
            r.report(keys["lpr"], "two-rates", "a line has 'rate' or 'lpr' with 'times', not both")
        else:
            r.report(node, "missing-field", "a line needs 'rate', or 'lpr' with 'times'")
        return None, None
    if "rate" in keys:
        if "times" in keys:
            r.report(keys["times"], "two-rates", "'times' goes with 'lpr', not with 'rate'")
        return _number(r, keys["rate"], "'rate'"), None
    lpr = _number(r, keys["lpr"], "'lpr'")
    if "times" not in keys:
        r.report(node, "missing-field", "a line with 'lpr' needs 'times' (e.g. 4)")
        return None, lpr
    times = _number(r, keys["times"], "'times'")
    if lpr is None or times is None:
        return None, lpr
    if lpr * times > MAX_LINE_RATE:
        r.report(keys["times"], "bad-rate", f"'lpr' × 'times' is above {MAX_LINE_RATE} %")
        return None, lpr
    return lpr * times, lpr


def _number(r: Reader, node: Node, what: str) -> Decimal | None:
    text = r.string(node, what)
    if text is None:
        return None
    value = numerals.decimal(numerals.fold(text).removesuffix("%"), signed=True, exponent=True)
    if value is None:  # Decimal() would read '٢٤' and '2_4': see `base.numerals`
        r.report(node, "bad-rate", f"{what} must be a number of percent, like 24 or 3.00")
        return None
    if value <= 0 or value > MAX_LINE_RATE:
        r.report(node, "bad-rate", f"{what} must be above 0 and at most {MAX_LINE_RATE}")
        return None
    return value


def _date(r: Reader, node: Node | None, what: str) -> str | None:
    if node is None:
        return None
    text = r.string(node, f"{what} of a line")
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        r.report(node, "bad-date", f"{what} must be a date written YYYY-MM-DD, like 2025-05-20")
        return None


def _references(r: Reader, node: Node, known: set[str] | None) -> tuple[str, ...]:
    """The ids in 'references', each one in the sources file."""
    found = []
    for child in r.sequence(node, "'references'"):
        ident = r.string(child, "an entry of 'references'")
        if ident is None:
            continue
        if known is not None and ident not in known:
            r.report(child, "unknown-reference", f"reference '{ident}' is not in sources.yaml")
        found.append(ident)
    if not found and node.kind == "seq":
        r.report(node, "missing-field", "a line needs at least one reference")
    return tuple(found)


def _check_cited(r: Reader, texts: list[Text], known: set[str] | None) -> None:
    """Every id a text cites, like "(R32)", is in the sources file."""
    from ..base.yamlsafe import Node

    for text in texts if known is not None else []:
        for value in text.by_lang.values():
            for ident in sorted(set(_CITED.findall(value)) - (known or set())):
                where = Node("scalar", text.loc.line, text.loc.col)
                r.report(where, "unknown-reference", f"the text cites {ident}, not in sources.yaml")


# --- the compiled form, for a light start ----------------------------------------------


def compile_lines(source: Path, target: Path) -> None:
    """Write the lines of `source` (which must have no errors) as JSON to `target`."""
    lines = load_lines(source)
    document = {
        "version": __version__,
        "sha256": _hash(source),
        "lines": [_plain(x) for x in lines],
    }
    target.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")


def _compiled(path: Path) -> tuple[FeeLine, ...] | None:
    """The lines from the JSON beside `path`, if it was made by this version from exactly
    this YAML; None otherwise (then the YAML is read)."""
    compiled = path.with_name(COMPILED_NAME)
    try:
        if not compiled.is_file():
            return None
        document = json.loads(compiled.read_text("utf-8"))
        if document["version"] != __version__ or document["sha256"] != _hash(path):
            return None
        return tuple(_from_plain(entry, str(path)) for entry in document["lines"])
    except (OSError, ValueError, KeyError, TypeError):  # damaged: never trusted
        return None


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _plain(line: FeeLine) -> dict[str, Any]:
    texts = {k: getattr(line, k) for k in _TEXTS}
    return {
        "id": line.id,
        "rate": str(line.rate),
        "date": line.date,
        "references": list(line.references),
        "lpr": None if line.lpr is None else str(line.lpr),
        "checked": line.checked,
        "texts": {k: [dict(v.by_lang), v.loc.line, v.loc.col] for k, v in texts.items() if v},
    }


def _from_plain(entry: dict[str, Any], file: str) -> FeeLine:
    texts = {
        k: Text(by_lang, Loc(file, line, col)) for k, (by_lang, line, col) in entry["texts"].items()
    }
    return FeeLine(
        id=entry["id"],
        name=texts["name"],
        rate=Decimal(entry["rate"]),
        date=entry["date"],
        references=tuple(entry["references"]),
        above=texts["above"],
        below=texts["below"],
        note=texts.get("note"),
        lpr=None if entry["lpr"] is None else Decimal(entry["lpr"]),
        checked=entry["checked"],
    )
