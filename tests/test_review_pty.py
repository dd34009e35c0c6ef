"""The review before the checklist, end to end: the installed command in a pseudo-terminal."""

from __future__ import annotations

from pathlib import Path

import pexpect

from overdue_guide.flow.model import Flow
from overdue_guide.interview import engine

from .test_pty import CTRL_C, DOWN, ENTER, decline_to_save, spawn, step

#: The first option at every question: someone at the door now, the borrower, safe, …
DOOR = {
    "visitor_arrived": "now",
    "user_role": "borrower",
    "feel_safe": "yes",
    "visit_place": "home",
    "credentials_shown": "both",
    "court_notice": "none",
    "misconduct": (),
    "paid_to_person": "no",
    "others_contacted": (),
    "amount_checked": "matches",
    "can_pay_full": "yes",
    "debt_agent": "none",
}
#: Only at the door are these asked.
AT_THE_DOOR = ("feel_safe", "visit_place", "credentials_shown", "paid_to_person")


def item_texts(flow: Flow, answers: dict[str, object]) -> set[str]:
    checked = {k: engine.validate(flow.questions[k], v) for k, v in answers.items()}
    return {item.text.get("zh-CN") for item in engine.checklist(flow, checked).items}


def test_changing_an_earlier_answer_at_the_review_changes_the_checklist(
    tmp_path: Path, main_flow: Flow
) -> None:
    calm = {**{k: v for k, v in DOOR.items() if k not in AT_THE_DOOR}, "visitor_arrived": "no"}
    gone = item_texts(main_flow, DOOR) - item_texts(main_flow, calm)
    assert gone, "the door and the calm checklists must differ for this test to mean anything"
    child = spawn(tmp_path)
    for number in range(1, len(DOOR) + 1):
        step(child, number)
        child.send(ENTER)  # the first option everywhere: someone is at the door now, …
    child.expect("核对一下你的回答")
    child.expect("有，人现在就在门口或单位")  # the answer in the person's words
    child.expect("上一步")
    child.send(DOWN + ENTER)  # the first answer: is someone at the door?
    child.expect("第 1 步")
    child.expect("» .{0,12}有，人现在就在门口或单位")  # re-asked with the answer preselected
    child.expect("这是什么意思")
    child.send(DOWN * 3 + ENTER)  # 没有人上门
    child.expect("核对一下你的回答")  # nothing new to ask: the other answers were kept
    child.expect("没有人上门")
    child.expect("上一步")
    assert "你现在觉得安全吗" not in child.before  # the door's questions were dropped
    child.send(ENTER)  # looks right
    child.expect("来源")
    shown = child.before
    assert not [text for text in gone if text in shown]
    assert all(text in shown for text in item_texts(main_flow, calm))
    decline_to_save(child)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_interrupted_at_the_review_resume_shows_the_review_again(tmp_path: Path) -> None:
    first = spawn(tmp_path, "--save")
    step(first, 1)
    first.send(DOWN * 3 + ENTER)  # nobody came
    for number in range(2, 9):
        step(first, number)
        first.send(ENTER)
    first.expect("核对一下你的回答")
    first.expect("上一步")
    first.send(CTRL_C)
    first.expect(pexpect.EOF)
    second = spawn(tmp_path, "resume")
    second.expect("核对一下你的回答")  # every answer was kept: nothing to ask, the review again
    second.expect("没有人上门")
    second.expect("上一步")
    second.send(ENTER)
    second.expect("来源")
    decline_to_save(second)
    second.expect("要删除保存的回答吗")
    second.expect("删除")
    second.send(ENTER)  # keep them
    second.expect("你的回答还保存在")
    second.expect(pexpect.EOF)
    second.close()
    assert second.exitstatus == 0
