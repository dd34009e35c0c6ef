"""The scripted surface: the installed command run with no terminal, as integrators do."""

from __future__ import annotations

import json
from pathlib import Path

from .helpers import run_cli, write

ANSWERS = """
visitor_arrived: now
feel_safe: "no"
credentials_shown: none
misconduct: [threats, personal_account]
amount_checked: differs
can_pay_full: "no"
hardship: job_loss
others_contacted: [family]
"""


def answers_file(tmp_path: Path, text: str = ANSWERS, name: str = "answers.yaml") -> str:
    return str(write(tmp_path, name, text))


#: The quotes the flow marks on the path of ANSWERS: a reader comment under document 000
#: (`comment: true`), and document 003's claim the checklist corrects (`corrected: true`).
MARKED = {"door_closed": {"comment"}, "civil_matter": {"comment"}, "contacts_limits": {"corrected"}}


def test_json_output_follows_the_contract(tmp_path: Path) -> None:
    result = run_cli("run", "--answers", answers_file(tmp_path), "--format", "json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert list(document) == ["flow", "lang", "answers", "checklist", "drafts"]
    assert document["flow"] == "main" and document["lang"] == "zh-CN"
    assert document["answers"]["misconduct"] == ["threats", "personal_account"]
    first = document["checklist"][0]
    assert list(first) == ["id", "text", "detail", "urgency", "sources"]
    assert first["id"] == "safety_110" and first["urgency"] == "now"
    for item in document["checklist"]:
        for source in item["sources"]:
            if "reference" in source:
                assert set(source) == {"reference", "confidence"}
                assert source["confidence"] in ("H", "M")
            else:
                marks = MARKED.get(item["id"], set())
                assert set(source) == {"document", "quote", *marks}, (item["id"], source)
                assert all(source[mark] is True for mark in marks)
    assert set(MARKED) <= {item["id"] for item in document["checklist"]}


def test_json_answers_files_work_like_yaml_ones(tmp_path: Path) -> None:
    data = {
        "visitor_arrived": "no",
        "misconduct": [],
        "others_contacted": [],
        "amount_checked": "matches",
        "can_pay_full": "yes",
    }
    path = answers_file(tmp_path, json.dumps(data), "answers.json")
    result = run_cli("run", "--answers", path, "--format", "json")
    assert result.returncode == 0, result.stderr
    defaults = {"user_role": "borrower", "court_notice": "none", "debt_agent": "none"}
    assert json.loads(result.stdout)["answers"] == data | defaults


def test_answers_to_questions_off_the_path_are_ignored(tmp_path: Path) -> None:
    text = ANSWERS.replace("visitor_arrived: now", 'visitor_arrived: "no"')
    result = run_cli("run", "--answers", answers_file(tmp_path, text), "--format", "json")
    assert result.returncode == 0, result.stderr
    answers = json.loads(result.stdout)["answers"]
    assert "feel_safe" not in answers and "credentials_shown" not in answers


def test_english_output(tmp_path: Path) -> None:
    result = run_cli("run", "--answers", answers_file(tmp_path), "--format", "json", "--lang", "en")
    document = json.loads(result.stdout)
    assert document["lang"] == "en"
    assert document["checklist"][0]["text"].startswith("Keep the door shut")


def test_language_follows_the_locale(tmp_path: Path) -> None:
    result = run_cli(
        "run", "--answers", answers_file(tmp_path), "--format", "json", env={"LANG": "en_US.UTF-8"}
    )
    assert json.loads(result.stdout)["lang"] == "en"


def test_markdown_output_is_a_task_list_with_numbered_sources(tmp_path: Path) -> None:
    result = run_cli("run", "--answers", answers_file(tmp_path), "--format", "markdown")
    assert result.returncode == 0, result.stderr
    assert "- [ ] **门别开，待在屋里，马上打 110**" in result.stdout
    assert "[^1]: 110 报警电话" in result.stdout


def test_text_output_to_a_pipe_has_no_colour_codes(tmp_path: Path) -> None:
    result = run_cli("run", "--answers", answers_file(tmp_path), env={"NO_COLOR": ""})
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout
    assert "☐ 门别开，待在屋里，马上打 110" in result.stdout
    assert "不是法律意见" in result.stdout


def test_an_unknown_code_exits_2_listing_the_allowed_ones(tmp_path: Path) -> None:
    result = run_cli(
        "run", "--answers", answers_file(tmp_path, "visitor_arrived: maybe\n"), "--lang", "en"
    )
    assert result.returncode == 2
    assert "allowed: now, earlier, announced, no" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_missing_required_answer_exits_2_naming_the_question(tmp_path: Path) -> None:
    result = run_cli("run", "--answers", answers_file(tmp_path, 'visitor_arrived: "no"\n'))
    assert result.returncode == 2
    assert "misconduct" in result.stderr and "threats" in result.stderr


def test_an_unknown_question_id_is_a_warning_not_a_failure(tmp_path: Path) -> None:
    result = run_cli(
        "run",
        "--answers",
        answers_file(tmp_path, ANSWERS + "mood: fine\n"),
        "--format",
        "json",
        "--lang",
        "en",
    )
    assert result.returncode == 0
    assert "unknown question id 'mood'" in result.stderr


def test_a_broken_answers_file_exits_2_with_its_line(tmp_path: Path) -> None:
    result = run_cli("run", "--answers", answers_file(tmp_path, "visitor_arrived: [now\n"))
    assert result.returncode == 2
    assert "answers.yaml:2" in result.stderr and "Traceback" not in result.stderr


def test_a_missing_answers_file_exits_2(tmp_path: Path) -> None:
    result = run_cli("run", "--answers", str(tmp_path / "nope.yaml"))
    assert result.returncode == 2 and "nope.yaml" in result.stderr


def test_an_answers_file_in_gbk_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_bytes("# 回答\nvisitor_arrived: now\n".encode("gbk"))
    result = run_cli("run", "--answers", str(path))
    assert result.returncode == 2 and "GBK" in result.stderr


def test_without_a_terminal_the_interview_exits_2_naming_the_first_question() -> None:
    result = run_cli("run")
    assert result.returncode == 2
    assert "visitor_arrived" in result.stderr and "--answers" in result.stderr


def test_an_unknown_flow_exits_2_listing_the_shipped_ones() -> None:
    result = run_cli("run", "nosuch")
    assert result.returncode == 2 and "main" in result.stderr


def test_sources_lists_every_document_and_reference() -> None:
    result = run_cli("sources")
    assert result.returncode == 0
    for name in ("000_e7ca3ee93b5e22fe.txt", "003_ad2b9378eca5f89c.txt", "R05", "R60"):
        assert name in result.stdout


def test_help_works_as_a_module_too() -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "overdue_guide", "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0 and "run" in result.stdout


def test_a_deeply_nested_json_answers_file_exits_2(tmp_path: Path) -> None:
    path = answers_file(tmp_path, "[" * 100_000 + "]" * 100_000, "answers.json")
    result = run_cli("run", "--answers", path, "--lang", "en")
    assert result.returncode == 2 and "nested too deeply" in result.stderr
