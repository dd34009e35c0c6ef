"""The complaint and the police summary take their timeline and file list from the evidence
log when one exists; without a log they are what they were."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from overdue_guide.drafts.fromlog import fill, log_details, without_filled
from overdue_guide.drafts.loader import parse_drafts
from overdue_guide.drafts.model import DraftSet
from overdue_guide.drafts.render import details_asked, render
from overdue_guide.flow.model import Catalog, Flow

from .helpers import run_cli, write

HASH = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"

MATERIAL: dict[str, Any] = {
    "timeline": [
        {
            "entry": 1,
            "at": "2026-11-16T22:40:00+08:00",
            "zone": "Asia/Shanghai",
            "channel": "call",
            "direction": "in",
            "number": "0571 8888 0000",
            "org": "某某资产管理公司",
            "name": "王经理",
            "staff_id": "A1024",
            "said": "今天不还就上门",
            "flags": [{"code": "night_hours", "reference": "R04"}],
        },
        {
            "entry": 2,
            "at": "2026-11-18T10:00:00+08:00",
            "zone": None,
            "channel": "visit",
            "direction": None,
            "number": None,
            "org": None,
            "name": None,
            "staff_id": None,
            "said": None,
            "flags": [],
        },
    ],
    "evidence": [
        {"entry": 1, "path": "/home/me/rec/call.m4a", "sha256": HASH, "size": 5, "mtime": "x"}
    ],
}


def drafts_of() -> DraftSet:
    found, findings = parse_drafts(Path(__file__).parent.parent / "flows" / "drafts.yaml")
    assert found is not None, findings
    return found


def test_each_contact_is_one_dated_line_with_who_the_words_quoted_and_the_rule() -> None:
    timeline = log_details(MATERIAL)["log_timeline"].splitlines()
    assert timeline == [
        "1. 2026-11-16 22:40（+08:00），电话（对方联系我）；号码或账号：0571 8888 0000；"
        "自称的机构：某某资产管理公司；自称姓名：王经理；工号：A1024；原话：“今天不还就上门”；"
        "可能违反的规则：夜间催收 (night_hours, R04)。",
        "2. 2026-11-18 10:00（+08:00），上门。",
    ]


def test_two_contacts_at_one_wall_time_where_the_clocks_went_back_read_as_two_times() -> None:
    first, second = (
        {**MATERIAL["timeline"][1], "entry": n, "at": at, "zone": "America/New_York"}
        for n, at in ((1, "2025-11-02T01:30:00-04:00"), (2, "2025-11-02T01:30:00-05:00"))
    )
    timeline = log_details({"timeline": [first, second], "evidence": []})["log_timeline"]
    assert timeline.splitlines() == [
        "1. 2025-11-02 01:30（-04:00），上门。",
        "2. 2025-11-02 01:30（-05:00），上门。",
    ]


def test_the_timeline_has_an_english_translation_with_the_words_kept() -> None:
    line = log_details(MATERIAL)["log_timeline.en"].splitlines()[0]
    assert line.startswith("1. 2026-11-16 22:40 (+08:00), call (they contacted me); ")
    assert "“今天不还就上门”" in line and line.endswith("night hours (night_hours, R04).")


def test_each_file_is_listed_by_name_size_and_hash_not_by_where_it_sits() -> None:
    details = log_details(MATERIAL)
    assert details["log_evidence"] == f"- call.m4a；大小（字节）：5；SHA-256：{HASH}"
    assert details["log_evidence.en"] == f"- call.m4a; Size (bytes): 5; SHA-256: {HASH}"


def test_a_rule_flagged_by_two_references_is_named_once() -> None:
    flags = [
        {"code": "impersonation", "reference": "R02"},
        {"code": "impersonation", "reference": "R11"},
    ]
    row = {**MATERIAL["timeline"][1], "flags": flags}
    details = log_details({"timeline": [row], "evidence": []})
    assert details["log_timeline"].endswith("可能违反的规则：冒充公职 (impersonation, R02, R11)。")
    assert details["log_timeline.en"].endswith(
        "Rules possibly broken: posed as an official (impersonation, R02, R11)."
    )


def test_a_log_without_files_fills_no_file_list() -> None:
    assert set(log_details({**MATERIAL, "evidence": []})) == {"log_timeline", "log_timeline.en"}


def test_a_timeline_the_person_typed_is_never_replaced() -> None:
    details = {"log_timeline": "我自己写的经过"}
    fill(details, MATERIAL)
    assert details["log_timeline"] == "我自己写的经过" and "log_timeline.en" not in details
    assert details["log_evidence"].startswith("- call.m4a")


def test_filled_details_are_not_kept_with_progress() -> None:
    details = {"name": "张三"}
    fill(details, MATERIAL)
    assert without_filled(details) == {"name": "张三"}


def test_the_interview_never_asks_for_the_log_details() -> None:
    drafts = drafts_of()
    asked = details_asked(drafts, [drafts.drafts["complaint"], drafts.drafts["police_summary"]])
    assert "name" in asked and not {"log_timeline", "log_evidence"} & set(asked)


#: Threatened on the phone, nobody came; the borrower can pay in full.
THREATENED = {
    "visitor_arrived": "no", "user_role": "borrower", "court_notice": "none",
    "misconduct": ("threats",), "others_contacted": (), "amount_checked": "matches",
    "can_pay_full": "yes", "debt_agent": "none",
}  # fmt: skip


def test_a_filled_complaint_says_the_log_is_the_persons_own_account(main_flow: Flow) -> None:
    details: dict[str, str] = {}
    fill(details, MATERIAL)
    complaint = drafts_of().drafts["complaint"]
    done = render(complaint, main_flow, THREATENED, details, "en")
    assert "这是我本人的记录" in done.text and "“指纹”" in done.text
    assert "\n1. 2026-11-16 22:40（+08:00）" in done.text and HASH in done.text
    assert done.translation is not None and "(+08:00), call" in done.translation
    assert "this is my own account" in done.translation


def test_without_a_log_the_letters_have_no_timeline(main_flow: Flow) -> None:
    done = render(drafts_of().drafts["police_summary"], main_flow, THREATENED, {}, "zh-CN")
    assert "我自己记下的每一次联系" not in done.text and "SHA-256" not in done.text


ANSWERS = """
visitor_arrived: "no"
misconduct: [threats]
others_contacted: []
amount_checked: matches
can_pay_full: "yes"
drafts: [complaint, police_summary]
"""


def test_a_scripted_run_fills_both_letters_from_the_log(tmp_path: Path) -> None:
    recording = tmp_path / "call.m4a"
    recording.write_bytes(b"hello")
    entries = write(
        tmp_path,
        "week.yaml",
        f"""
        - at: 2026-11-16 22:40
          zone: Asia/Shanghai
          channel: call
          direction: in
          org: 某某资产管理公司
          name: 王经理
          staff_id: "A1024"
          said: 今天不还就上门
          attachments: ["{recording}"]
        """,
    )
    added = run_cli("log", "add", "--from", str(entries))
    assert added.returncode == 0, added.stderr
    answers = write(tmp_path, "a.yaml", ANSWERS)
    result = run_cli("run", "--answers", str(answers), "--format", "json")
    assert result.returncode == 0, result.stderr
    letters = {d["id"]: d for d in json.loads(result.stdout)["drafts"]}
    line = (
        "1. 2026-11-16 22:40（+08:00），电话（对方联系我）；自称的机构：某某资产管理公司；"
        "自称姓名：王经理；工号：A1024；原话：“今天不还就上门”；可能违反的规则："
        "夜间催收 (night_hours, R04)。"
    )
    digest = hashlib.sha256(b"hello").hexdigest()
    for draft_id in ("complaint", "police_summary"):
        assert line in letters[draft_id]["text"]
        assert f"- call.m4a；大小（字节）：5；SHA-256：{digest}" in letters[draft_id]["text"]


def test_a_scripted_run_without_a_log_leaves_the_letters_as_they_were(tmp_path: Path) -> None:
    answers = write(tmp_path, "a.yaml", ANSWERS)
    result = run_cli("run", "--answers", str(answers), "--format", "json")
    assert result.returncode == 0, result.stderr
    for draft in json.loads(result.stdout)["drafts"]:
        assert "SHA-256" not in draft["text"] and "我自己记下的" not in draft["text"]


def test_the_interview_fills_the_letters_from_the_log_without_asking(
    tmp_path: Path, main_flow: Flow, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    from overdue_guide.drafts.interview import make
    from overdue_guide.interview import engine
    from overdue_guide.output import report
    from overdue_guide.session.menu import Context
    from overdue_guide.terminal import prompts

    monkeypatch.setattr("overdue_guide.drafts.fromlog.letter_material", lambda: MATERIAL)
    asked: list[str] = []
    monkeypatch.setattr(prompts, "ask_many", lambda title, choices, *_: ["complaint"])
    monkeypatch.setattr(prompts, "ask_text", lambda label, *_: asked.append(label) or "")
    given = {"visitor_arrived": "no", "misconduct": ("threats",), "others_contacted": ()}
    answers = engine.complete(
        main_flow, {**given, "amount_checked": "matches", "can_pay_full": "yes"}
    )
    view = report.build(engine.checklist(main_flow, answers), catalog, "zh-CN")
    kept: list[dict[str, str]] = []
    screen = Console(file=io.StringIO(), width=200)
    context = Context("zh-CN", main_flow, answers, view, {}, screen, drafts_of(), keep=kept.append)
    make(context)
    assert asked and not [label for label in asked if "催收记录" in label]
    assert context.details["log_timeline"].startswith("1. 2026-11-16 22:40")
    assert "log_timeline" not in kept[-1]
    assert "“今天不还就上门”" in screen.file.getvalue()  # type: ignore[attr-defined]
