"""Flow authors' tools: every malformed flow gets a located finding with a stable code."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from overdue_guide.base import places
from overdue_guide.content import check
from overdue_guide.errors import Finding

from .helpers import SEEDS, SMALL_SOURCES, needs_seeds, run_cli, write

CORPUS = sorted((Path(__file__).parent / "malformed").glob("*.yaml"))


def check_in(tmp_path: Path, flow: Path) -> list[Finding]:
    """Check `flow` beside the small catalogue and a one-sentence document."""
    write(tmp_path, "sources.yaml", SMALL_SOURCES)
    write(tmp_path, "doc.txt", "这是一份测试文档，里面只有这一句话。")
    copy = tmp_path / flow.name
    shutil.copyfile(flow, copy)
    return check.check_paths([copy], documents=tmp_path)[0]


def expected(flow: Path) -> tuple[str, int]:
    lines = flow.read_text("utf-8").splitlines()
    code = re.match(r"# expect: (\S+)", lines[0])
    assert code is not None, flow
    line = next(n for n, text in enumerate(lines, start=1) if "# <-" in text)
    return code.group(1), line


def test_the_corpus_has_at_least_25_malformed_flows() -> None:
    assert len(CORPUS) >= 25


@pytest.mark.parametrize("flow", CORPUS, ids=lambda p: p.stem)
def test_each_malformed_flow_is_reported_with_its_code_and_line(tmp_path: Path, flow: Path) -> None:
    code, line = expected(flow)
    findings = check_in(tmp_path, flow)
    assert (code, line) in {(f.code, f.line) for f in findings}, [str(f) for f in findings]
    assert all(f.file.endswith(flow.name) and f.line >= 0 for f in findings)


def test_a_flow_saved_as_gbk_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "gbk.yaml"
    path.write_bytes("flow: 坏\n".encode("gbk"))
    (finding,) = check.check_paths([path])[0]
    assert finding.code == "not-utf8" and "GBK" in finding.message


def test_deep_nesting_is_refused_without_crashing(tmp_path: Path) -> None:
    path = write(tmp_path, "deep.yaml", "flow: " + "[" * 100_000 + "]" * 100_000 + "\n")
    (finding,) = check.check_paths([path])[0]
    assert finding.code == "too-deep"


def test_an_alias_bomb_is_refused(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["x", "x", "x", "x"]'] + [
        f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, 16)
    ]
    path = write(tmp_path, "bomb.yaml", "\n".join(lines) + "\n")
    (finding,) = check.check_paths([path])[0]
    assert finding.code == "too-large"


def test_a_yaml_tag_builds_nothing(tmp_path: Path) -> None:
    path = write(tmp_path, "tag.yaml", "flow: !!python/object/apply:os.system ['touch pwned']\n")
    check.check_paths([path])
    assert not Path("pwned").exists() and not (tmp_path / "pwned").exists()


def test_the_shipped_flows_have_no_errors_or_warnings() -> None:
    findings, files = check.check_paths([])
    assert [str(f) for f in findings if f.severity != "note"] == []
    assert {f.name for f in files} >= {"main.yaml", "sources.yaml"}


@needs_seeds
def test_beside_the_documents_every_shipped_quote_is_checked() -> None:
    findings, _ = check.check_paths([], documents=SEEDS)
    assert [str(f) for f in findings] == []


QUOTING = """
flow: quoting
title: {zh-CN: 引用, en: Quoting}
start: q
questions:
  - id: q
    kind: yes_no
    prompt: {zh-CN: 问题？, en: A question?}
    items: [a, b]
items:
  - id: a
    urgency: today
    text: {zh-CN: 第一条, en: First}
    detail: {zh-CN: 原因, en: Why}
    sources:
      - {document: doc.txt, quote: 这是一份测试文档}
  - id: b
    urgency: today
    text: {zh-CN: 第二条, en: Second}
    detail: {zh-CN: 原因, en: Why}
    sources:
      - {document: doc.txt, quote: 里面只有这一句话}
"""


def test_quotes_with_no_documents_folder_are_one_located_note_per_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OVERDUE_GUIDE_DOCUMENTS", raising=False)
    write(tmp_path, "sources.yaml", SMALL_SOURCES)
    flow = write(tmp_path, "quoting.yaml", QUOTING)
    (note,) = check.check_paths([flow])[0]
    assert str(note) == (
        f"{flow}:15:9: note quote-unchecked 2 quotes from doc.txt not checked: no documents"
        " folder was found (set OVERDUE_GUIDE_DOCUMENTS or give --documents DIR)"
    )


def test_a_document_missing_from_the_folder_given_is_a_note_naming_the_folder(
    tmp_path: Path,
) -> None:
    write(tmp_path, "sources.yaml", SMALL_SOURCES)
    flow = write(tmp_path, "quoting.yaml", QUOTING)
    folder = tmp_path / "documents"
    folder.mkdir()
    write(folder, "other.txt", "另一份文档")
    (note,) = check.check_paths([flow], documents=folder)[0]
    assert (note.severity, note.code, note.line) == ("note", "quote-unchecked", 15)
    assert note.message.endswith(f"doc.txt is not in the documents folder {folder}")


def test_unchecked_quotes_pass_flows_check_but_fail_it_when_strict(tmp_path: Path) -> None:
    write(tmp_path, "sources.yaml", SMALL_SOURCES)
    flow = write(tmp_path, "quoting.yaml", QUOTING)
    plain = run_cli("flows", "check", "--no-cache", str(flow), env={"OVERDUE_GUIDE_DOCUMENTS": ""})
    strict = run_cli(
        "flows", "check", "--no-cache", "--strict", str(flow), env={"OVERDUE_GUIDE_DOCUMENTS": ""}
    )
    assert plain.returncode == 0 and strict.returncode == 1
    assert "note quote-unchecked" in plain.stdout
    assert plain.stderr == "no findings in 1 files; 1 notes: some quotes were not checked\n"


def test_check_exits_0_when_clean_and_1_with_findings(tmp_path: Path) -> None:
    assert run_cli("flows", "check").returncode == 0
    write(tmp_path, "sources.yaml", SMALL_SOURCES)
    broken = tmp_path / "broken.yaml"
    shutil.copyfile(Path(__file__).parent / "malformed" / "unknown_target.yaml", broken)
    result = run_cli("flows", "check", str(broken))
    assert result.returncode == 1
    assert re.search(r"broken\.yaml:\d+:\d+: error unknown-target ", result.stdout)


def test_check_exits_2_for_a_missing_path() -> None:
    result = run_cli("flows", "check", "no/such/flow.yaml")
    assert result.returncode == 2 and "no/such/flow.yaml" in result.stderr


def test_check_speaks_json_for_tools(tmp_path: Path) -> None:
    write(tmp_path, "sources.yaml", SMALL_SOURCES)
    broken = tmp_path / "broken.yaml"
    shutil.copyfile(Path(__file__).parent / "malformed" / "duplicate_key.yaml", broken)
    document = json.loads(run_cli("flows", "check", "--format", "json", str(broken)).stdout)
    assert document["files"] == [str(broken)]
    assert {"file", "line", "col", "severity", "code", "message"} == set(document["findings"][0])


def test_the_graph_of_the_main_flow_is_a_mermaid_flowchart() -> None:
    result = run_cli("flows", "graph")
    lines = result.stdout.splitlines()
    assert result.returncode == 0 and lines[0] == "flowchart TD"
    assert any(line.strip().startswith("q_visitor_arrived -->") for line in lines)
    assert any("-.->" in line and "i_safety_110" in line for line in lines)


def test_the_graph_in_dot_is_a_digraph() -> None:
    result = run_cli("flows", "graph", "--format", "dot")
    assert result.stdout.startswith('digraph "main" {') and result.stdout.rstrip().endswith("}")
    assert "q_debt_agent -> done" in result.stdout


def test_the_committed_schema_is_the_one_the_program_prints() -> None:
    committed = (places.shipped_dir() / "flow.schema.json").read_text("utf-8")
    assert run_cli("flows", "schema").stdout == committed


def test_the_shipped_flow_validates_against_the_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    import yaml

    schema = json.loads((places.shipped_dir() / "flow.schema.json").read_text("utf-8"))
    flow = yaml.safe_load((places.shipped_dir() / "main.yaml").read_text("utf-8"))
    jsonschema.validate(flow, schema)


def test_the_schema_rejects_a_misspelt_key() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    import yaml

    schema = json.loads((places.shipped_dir() / "flow.schema.json").read_text("utf-8"))
    flow = yaml.safe_load((places.shipped_dir() / "main.yaml").read_text("utf-8"))
    flow["titel"] = flow.pop("title")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(flow, schema)


DIAMOND = """
flow: diamond
title: {zh-CN: 菱形, en: Diamond}
start: top
questions:
  - id: top
    prompt: {zh-CN: 上, en: Top}
    options:
      - {code: l, label: {zh-CN: 左, en: L}, next: left}
      - {code: r, label: {zh-CN: 右, en: R}, next: right}
  - id: left
    prompt: {zh-CN: 左, en: Left}
    options: [{code: a, label: {zh-CN: 甲, en: A}}, {code: b, label: {zh-CN: 乙, en: B}}]
    next: bottom
  - id: right
    prompt: {zh-CN: 右, en: Right}
    options: [{code: a, label: {zh-CN: 甲, en: A}}, {code: b, label: {zh-CN: 乙, en: B}}]
    next: bottom
  - id: bottom
    prompt: {zh-CN: 下, en: Bottom}
    options: [{code: a, label: {zh-CN: 甲, en: A}}, {code: b, label: {zh-CN: 乙, en: B}}]
    next:
      - {when: {question: TESTED, is: a}, goto: end}
      - {goto: end}
items:
  - {id: i, urgency: now, text: {zh-CN: 做, en: Do}, detail: {zh-CN: 因为, en: Because}, sources: [{reference: R1}]}
rules:
  - {when: {question: left, is: a}, items: [i]}
"""


@pytest.mark.parametrize(
    ("tested", "ordered"), [("top", True), ("bottom", True), ("left", False), ("right", False)]
)
def test_a_route_may_test_only_questions_asked_on_every_path_before_it(
    tmp_path: Path, tested: str, ordered: bool
) -> None:
    write(tmp_path, "sources.yaml", SMALL_SOURCES)
    flow = write(tmp_path, "diamond.yaml", DIAMOND.replace("TESTED", tested))
    codes = {f.code for f in check.check_paths([flow])[0]}
    assert ("condition-order" not in codes) is ordered


def test_a_string_without_its_chinese_text_is_an_error_not_a_silent_gap(tmp_path: Path) -> None:
    write(tmp_path, "sources.yaml", SMALL_SOURCES)
    flow = (Path(__file__).parent / "malformed" / "missing_translation.yaml").read_text("utf-8")
    broken = write(
        tmp_path, "flow.yaml", flow.replace("prompt: {zh-CN: 问, en: Ask}", "prompt: {en: Ask}")
    )
    findings = check.check_paths([broken])[0]
    assert ("missing-field", "error") in {(f.code, f.severity) for f in findings}


def test_a_source_document_saved_as_gbk_is_a_finding_not_a_crash(tmp_path: Path) -> None:
    write(tmp_path, "sources.yaml", SMALL_SOURCES)
    (tmp_path / "doc.txt").write_bytes("这是一份测试文档".encode("gbk"))
    flow = tmp_path / "flow.yaml"
    shutil.copyfile(Path(__file__).parent / "malformed" / "quote_not_found.yaml", flow)
    (finding,) = check.check_paths([flow], documents=tmp_path)[0]
    assert (
        finding.code == "not-utf8" and finding.file.endswith("doc.txt") and "GBK" in finding.message
    )
