"""Bounded reading and paths that stay inside: nothing the program is pointed at makes it hang,
read without limit, or read outside the folder it was given."""

from __future__ import annotations

import os
import resource
import subprocess
from pathlib import Path

import pytest

from overdue_guide.base import files
from overdue_guide.content import check
from overdue_guide.output import layout

from .helpers import SMALL_SOURCES, run_cli, write

MIB = 1024 * 1024
QUOTE = "这是一份测试文档"
FLOW = f"""
flow: tiny
title: {{zh-CN: 小, en: Tiny}}
start: q1
questions:
  - id: q1
    prompt: {{zh-CN: 问, en: Ask}}
    options:
      - {{code: a, label: {{zh-CN: 甲, en: A}}, items: [i1]}}
      - {{code: b, label: {{zh-CN: 乙, en: B}}}}
items:
  - id: i1
    urgency: now
    text: {{zh-CN: 做, en: Do}}
    detail: {{zh-CN: 因为, en: Because}}
    sources: [{{document: doc.txt, quote: {QUOTE}}}]
"""


def bounded_run(*args: str, cwd: Path, memory_mib: int = 400) -> subprocess.CompletedProcess[str]:
    """The console script with its address space capped and a deadline: a hang or an
    unbounded read fails the test instead of the machine."""

    def limit() -> None:
        cap = memory_mib * MIB
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    return run_cli(*args, cwd=cwd, env={"XDG_CACHE_HOME": str(cwd / "cache")}, preexec_fn=limit)


def test_flows_check_of_dev_zero_is_refused_at_once(tmp_path: Path) -> None:
    result = bounded_run("flows", "check", "/dev/zero", cwd=tmp_path)
    assert result.returncode == 2
    assert "a device, not a file" in result.stdout and "Traceback" not in result.stderr


def test_a_sparse_gigabyte_flow_is_refused_before_reading(tmp_path: Path) -> None:
    sparse = tmp_path / "huge.yaml"
    with sparse.open("wb") as out:
        out.truncate(1024 * MIB)
    result = bounded_run("flows", "check", str(sparse), cwd=tmp_path, memory_mib=300)
    assert result.returncode == 1
    assert "too-large" in result.stdout and "larger than 32 MiB" in result.stdout


def test_a_fifo_flow_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "flow.yaml")
    result = bounded_run("flows", "check", str(tmp_path / "flow.yaml"), cwd=tmp_path)
    assert result.returncode == 2 and "a pipe (FIFO), not a file" in result.stdout


def test_a_fifo_in_the_documents_folder_does_not_hang_the_check(tmp_path: Path) -> None:
    write(tmp_path, "sources.yaml", SMALL_SOURCES)
    flow = write(tmp_path, "flow.yaml", FLOW)
    os.mkfifo(tmp_path / "doc.txt")
    result = bounded_run("flows", "check", "--documents", str(tmp_path), str(flow), cwd=tmp_path)
    assert result.returncode == 2 and "document is a pipe (FIFO)" in result.stdout


@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_an_answers_file_that_is_not_a_file_is_one_line(tmp_path: Path, kind: str) -> None:
    answers = tmp_path / "answers.yaml"
    os.mkfifo(answers) if kind == "fifo" else answers.mkdir()
    result = bounded_run("run", "--answers", str(answers), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "not a file" in result.stderr


def test_reading_stops_at_the_limit_even_when_a_file_grows(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_bytes(b"a" * (files.LIMITS["answers file"] + 1))
    with pytest.raises(files.Unreadable, match="larger than 1 MiB"):
        files.read_bytes(path, "answers file")


def test_a_document_outside_the_documents_folder_is_a_finding_and_not_read(
    tmp_path: Path,
) -> None:
    documents = tmp_path / "docs"
    documents.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text(QUOTE, encoding="utf-8")
    (documents / "doc.txt").symlink_to(secret)
    write(tmp_path, "sources.yaml", SMALL_SOURCES)
    flow = write(tmp_path, "flow.yaml", FLOW)
    findings = check.check_paths([flow], documents)[0]
    assert [f.code for f in findings] == ["document-outside"]
    assert findings[0].file == str(flow) and findings[0].line > 0


def test_a_sources_file_naming_a_path_is_a_located_finding(tmp_path: Path) -> None:
    write(tmp_path, "sources.yaml", SMALL_SOURCES.replace("file: doc.txt", "file: ../doc.txt"))
    flow = write(tmp_path, "flow.yaml", FLOW.replace("doc.txt", "../doc.txt"))
    findings = check.check_paths([flow], tmp_path)[0]
    outside = [f for f in findings if f.code == "document-outside"]
    assert {Path(f.file).name for f in outside} == {"sources.yaml", "flow.yaml"}
    assert all(f.line > 0 for f in outside)


@pytest.mark.parametrize("state", ["missing", "empty"])
def test_a_documents_folder_that_is_missing_or_empty_is_an_error(
    tmp_path: Path, state: str
) -> None:
    folder = tmp_path / "docs"
    if state == "empty":
        folder.mkdir()
    write(tmp_path, "sources.yaml", SMALL_SOURCES)
    flow = write(tmp_path, "flow.yaml", FLOW)
    result = bounded_run("flows", "check", "--documents", str(folder), str(flow), cwd=tmp_path)
    assert result.returncode == 2 and "--documents" in result.stderr


def test_checking_a_folder_with_no_flows_says_so(tmp_path: Path) -> None:
    result = bounded_run("flows", "check", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 2 and "no flow files" in result.stderr


def test_wrapping_a_long_run_of_commas_is_linear(monkeypatch: pytest.MonkeyPatch) -> None:
    measured: list[int] = []
    real = layout.cell_len

    def counting(text: str) -> int:
        measured.append(len(text))
        return real(text)

    monkeypatch.setattr(layout, "cell_len", counting)
    work = []
    for size in (2_000, 20_000):  # on a screen as wide as a tenth of the text
        measured.clear()
        lines = layout.wrap("，" * size, size // 10)
        assert "".join(lines) == "，" * size
        work.append(sum(measured))
    assert work[1] <= 12 * work[0], work


def test_a_data_file_that_is_a_fifo_is_reported_not_skipped(tmp_path: Path) -> None:
    write(tmp_path, "flow.yaml", FLOW)
    os.mkfifo(tmp_path / "sources.yaml")
    result = bounded_run("flows", "check", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 2 and "sources file is a pipe (FIFO)" in result.stdout


def test_running_a_fifo_as_a_flow_is_one_line_without_waiting(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "flow.yaml")
    result = bounded_run("run", str(tmp_path / "flow.yaml"), cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.endswith("flow.yaml is not a file\n")
