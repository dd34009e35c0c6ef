"""`<` and `\\<` in the details of the words and letters, typed in a real field: back one
detail, back to the choice of drafts from the first one, a literal `<` kept and shown."""

from __future__ import annotations

from pathlib import Path

from overdue_guide.base.i18n import text

from .screen import DOWN, ENTER, SPACE, Terminal, reads
from .test_drafts_fromlog import drafts_of
from .test_pty import enter_until_the_checklist


def said_with_the_name(name: str) -> str:
    """The words of the 110 script just before the name, with `name` after them."""
    draft = drafts_of().drafts["call_110"]
    (line,) = [p.text.get("zh-CN") for p in draft.paragraphs if "{name}" in p.text.get("zh-CN")]
    return line.split("{name}")[0].split("\n")[-1][-4:] + name


def test_lt_goes_back_through_the_details_and_backslash_lt_writes_it(tmp_path: Path) -> None:
    screen = Terminal(tmp_path, 100)
    enter_until_the_checklist(screen.child)  # someone at the door now: 110 is offered
    screen.frame("接下来做什么")
    screen.send(ENTER)  # the words and letters
    screen.frame("要哪些")
    screen.send(DOWN + SPACE + ENTER)  # what to say when you call 110
    screen.frame("你的姓名")
    screen.send("<" + ENTER)  # back: the choice of drafts, the one ticked still ticked
    screen.frame("要哪些")
    title = text(drafts_of().drafts["call_110"].title, "zh-CN")
    assert [row for row in screen.since("? 要哪些") if "●" in row] == [f"   ● {title}"]
    screen.send(ENTER)
    screen.frame("你的姓名")
    screen.send("\\<" + ENTER)  # a name that is "<"
    screen.frame("你的手机号")
    screen.send("<" + ENTER)  # back to the name, which holds what was typed
    screen.frame("你的姓名")
    assert screen.since("? 你的姓名")[-1].endswith(" \\<")
    screen.send(ENTER)
    for label in ("你的手机号", "你的住址"):
        screen.frame(label)
        screen.send(ENTER)
    screen.frame("来了几个人")
    screen.send("<" + ENTER)  # a count field: "<" is back, not "not a number"
    screen.frame("你的住址")
    screen.send(ENTER)
    screen.frame("来了几个人")
    screen.send(ENTER)
    screen.frame("接下来做什么")
    assert reads(screen.rows(), said_with_the_name("<"))
    screen.send(ENTER)  # the cursor moved on: save?
    screen.frame("要把这份清单")
    screen.send(ENTER)  # no, thanks
    screen.frame("接下来做什么")
    screen.send(ENTER)  # done
    assert screen.finish() == 0
