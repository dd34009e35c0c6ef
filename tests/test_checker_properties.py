"""Whatever an author's editor leaves in a flow file, the checker answers with findings."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from overdue_guide.base import places
from overdue_guide.content import check
from overdue_guide.errors import Finding

MAIN = (places.shipped_dir() / "main.yaml").read_text("utf-8")
LINES = MAIN.splitlines()
YAMLISH = st.text(alphabet="abcxyz_-:,[]{}&*!|>'\"#%@`?~ \t\n0123456789是否：", max_size=40)


def check_text(data: bytes) -> list[Finding]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "flow.yaml"
        path.write_bytes(data)
        (Path(folder) / "sources.yaml").write_text(
            (places.shipped_dir() / "sources.yaml").read_text("utf-8"), encoding="utf-8"
        )
        findings, _ = check.check_paths([path])
    return findings


@st.composite
def mutated(draw: st.DrawFn) -> str:
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(lines) - 1))
        action = draw(
            st.sampled_from(["delete", "duplicate", "swap", "insert", "indent", "edit", "truncate"])
        )
        if action == "delete":
            del lines[at]
        elif action == "duplicate":
            lines.insert(at, lines[at])
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif action == "insert":
            lines.insert(at, draw(YAMLISH))
        elif action == "indent":
            lines[at] = " " * draw(st.integers(0, 9)) + lines[at].lstrip()
        elif action == "edit" and lines[at]:
            cut = draw(st.integers(0, len(lines[at]) - 1))
            lines[at] = lines[at][:cut] + draw(YAMLISH) + lines[at][cut + 1 :]
        elif action == "truncate":
            lines = lines[: at + 1]
        if not lines:
            lines = [""]
    return "\n".join(lines) + "\n"


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutations_of_the_main_flow_never_crash_the_checker(text: str) -> None:
    findings = check_text(text.encode("utf-8"))
    assert all(isinstance(f, Finding) and f.code and f.line >= 0 for f in findings)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_arbitrary_bytes_never_crash_the_checker(data: bytes) -> None:
    findings = check_text(data)
    assert all(isinstance(f, Finding) for f in findings)


@settings(max_examples=300, deadline=None)
@given(YAMLISH)
def test_arbitrary_yaml_like_text_never_crashes_the_checker(text: str) -> None:
    check_text(text.encode("utf-8"))
