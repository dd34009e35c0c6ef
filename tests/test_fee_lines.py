"""flows/fee_lines.yaml: authors' mistakes are located findings, and `flows check` runs them."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest

from overdue_guide.base import places
from overdue_guide.errors import FlowError
from overdue_guide.fees.lines import (
    COMPILED_NAME,
    check_lines_file,
    compile_lines,
    load_lines,
    parse_lines,
)
from overdue_guide.fees.model import FeeLine

from .helpers import SMALL_SOURCES, run_cli, write

GOOD_LINE = """
  - id: court_24
    name: {zh-CN: 24% 线, en: The 24 % line}
    rate: 24
    date: "2025-10-01"
    references: [R1]
    above: {zh-CN: 超过（R1）。, en: Above (R1).}
    below: {zh-CN: 没有超过。, en: Not above.}
"""


def lines_file(tmp_path: Path, body: str) -> Path:
    write(tmp_path, "sources.yaml", SMALL_SOURCES)
    return write(tmp_path, "fee_lines.yaml", "lines:\n" + body.strip("\n") + "\n")


def codes_at(path: Path) -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in check_lines_file(path)]


def test_a_well_formed_lines_file_has_no_findings(tmp_path: Path) -> None:
    assert codes_at(lines_file(tmp_path, GOOD_LINE)) == []


def test_the_shipped_lines_file_has_no_findings() -> None:
    assert check_lines_file(places.shipped_dir() / "fee_lines.yaml") == []


@pytest.mark.parametrize(
    ("change", "finding"),
    [
        (("rate: 24", "rate: lots"), ("bad-rate", 4)),
        (("rate: 24", "rate: 0"), ("bad-rate", 4)),
        (("rate: 24", "rate: 1200"), ("bad-rate", 4)),
        (("rate: 24", "rate: .nan"), ("bad-rate", 4)),
        (('    date: "2025-10-01"\n', ""), ("missing-field", 2)),
        (('date: "2025-10-01"', "date: last May"), ("bad-date", 5)),
        (('date: "2025-10-01"', 'date: "2025-02-30"'), ("bad-date", 5)),
        (("[R1]", "[R1, R99]"), ("unknown-reference", 6)),
        (("超过（R1）。", "超过（R77）。"), ("unknown-reference", 7)),
        (("rate: 24", "rate: 24\n    lpr: 3"), ("two-rates", 5)),
        (("rate: 24", "lpr: 3"), ("missing-field", 2)),
        (("rate: 24", "reta: 24"), ("unknown-key", 4)),
    ],
)
def test_a_mistake_is_a_finding_at_its_line(
    tmp_path: Path, change: tuple[str, str], finding: tuple[str, int]
) -> None:
    path = lines_file(tmp_path, GOOD_LINE.replace(*change))
    assert finding in codes_at(path)


def test_a_multiple_of_the_lpr_is_its_rate(tmp_path: Path) -> None:
    body = GOOD_LINE.replace("rate: 24", "lpr: 3.10\n    times: 4")
    (line,) = load_lines(lines_file(tmp_path, body))
    assert (line.rate, line.lpr) == (Decimal("12.40"), Decimal("3.10"))


def test_checked_before_the_figure_date_is_a_finding(tmp_path: Path) -> None:
    body = GOOD_LINE.replace('date: "2025-10-01"', 'date: "2025-10-01"\n    checked: "2025-01-01"')
    assert ("bad-date", 6) in codes_at(lines_file(tmp_path, body))


def test_two_lines_with_one_id_is_a_finding(tmp_path: Path) -> None:
    assert ("duplicate-id", 10) in codes_at(lines_file(tmp_path, GOOD_LINE + GOOD_LINE))


def test_loading_a_file_with_errors_raises_every_finding(tmp_path: Path) -> None:
    path = lines_file(tmp_path, GOOD_LINE.replace("rate: 24", "rate: x"))
    with pytest.raises(FlowError) as raised:
        load_lines(path)
    assert "bad-rate" in str(raised.value)


def test_flows_check_checks_the_lines_file_and_exits_1_on_a_finding(tmp_path: Path) -> None:
    write(tmp_path, "main.yaml", (places.shipped_dir() / "main.yaml").read_text("utf-8"))
    lines_file(tmp_path, GOOD_LINE.replace("[R1]", "[R404]"))
    write(tmp_path, "sources.yaml", (places.shipped_dir() / "sources.yaml").read_text("utf-8"))
    done = run_cli("flows", "check", "--no-cache", str(tmp_path / "fee_lines.yaml"))
    assert done.returncode == 1
    assert "fee_lines.yaml:6:" in done.stdout and "unknown-reference" in done.stdout


def test_the_compiled_lines_are_used_only_while_the_yaml_is_unchanged(tmp_path: Path) -> None:
    source = lines_file(tmp_path, GOOD_LINE)
    compile_lines(source, tmp_path / COMPILED_NAME)
    assert [(x.id, x.rate, x.name.get("en")) for x in load_lines(source)] == [
        ("court_24", Decimal(24), "The 24 % line")
    ]
    compiled = tmp_path / COMPILED_NAME
    compiled.write_text(compiled.read_text("utf-8").replace('"24"', '"23"'), encoding="utf-8")
    assert load_lines(source)[0].rate == 23  # the compiled form is what a run reads
    source.write_text(source.read_text("utf-8").replace("rate: 24", "rate: 25"), "utf-8")
    assert load_lines(source)[0].rate == 25  # the YAML changed: the compiled form is ignored


def test_a_damaged_compiled_file_is_ignored(tmp_path: Path) -> None:
    source = lines_file(tmp_path, GOOD_LINE)
    (tmp_path / COMPILED_NAME).write_text("{not json", encoding="utf-8")
    assert load_lines(source)[0].rate == 24


def test_the_installed_package_carries_compiled_lines_that_fit() -> None:
    compiled = places.shipped_dir() / COMPILED_NAME
    if not compiled.is_file():
        assert not os.environ.get("CI"), "the wheel's build hook did not compile the fee lines"
        pytest.skip("an editable install reads the YAML")
    from_yaml, findings = parse_lines(places.shipped_dir() / "fee_lines.yaml")
    assert from_yaml is not None and not findings
    assert [as_data(x) for x in load_lines()] == [as_data(x) for x in from_yaml]


def as_data(line: FeeLine) -> tuple[object, ...]:
    """A line as plain values (texts compare by identity)."""
    texts = [dict(t.by_lang) if t else None for t in (line.name, line.above, line.below, line.note)]
    return (line.id, line.rate, line.date, line.references, line.lpr, line.checked, texts)
