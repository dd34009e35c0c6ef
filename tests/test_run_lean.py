"""A scripted run does only the work its output needs, and the shortcuts give exactly
what the long way gives: the letters' read of the log, the forms of the checklist
built per format, the control characters made visible in one pass."""

from __future__ import annotations

import sqlite3
import sys
import unicodedata
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from overdue_guide.base.visible import visible
from overdue_guide.cli import main as cli
from overdue_guide.evidence import export, flags, letter_material, rules, store
from overdue_guide.evidence.letters import material
from overdue_guide.evidence.model import Attachment, Entry
from overdue_guide.evidence.paths import log_path
from overdue_guide.session import run as session

from .helpers import run_cli, write

START = datetime(2026, 11, 17, 1, 0, tzinfo=timezone.utc)


def call(hours: float, **fields: object) -> Entry:
    values: dict[str, object] = {"zone": "Asia/Shanghai", "channel": "call", **fields}
    return Entry(at=START + timedelta(hours=hours), **values)  # type: ignore[arg-type]


LOG = [
    call(
        13.5,
        direction="in",
        number="95 188",
        org="某某资产管理公司",
        name="王经理",
        staff_id="A1024",
        said='今天不还就上门 "快" \\ 完',
        attachments=(
            Attachment("/home/me/录音 1.m4a", "ab" * 32, 2048, "2026-11-20T14:35:00+00:00"),
            Attachment("C:\\证据\\截图.png", "cd" * 32, 9, "2026-11-20T14:36:00+00:00"),
        ),
    ),
    call(-5, channel="visit", people=3, entry_attempted=True),
    call(1, channel="message", impersonated=("police",), zone="+08:00"),
    call(2, direction="out", zone="Europe/London", number="95188"),
    *(call(3 + n, number="95188", threats=("violence",) if n == 2 else ()) for n in range(7)),
    call(4.5, name="", attachments=(Attachment("/x/a.jpg", "ef" * 32, 1, "2026-11-20T00:00:00Z"),)),
]


def afresh() -> dict[str, object] | None:
    """What the letters got before the narrow read: every entry loaded, every rule run."""
    entries = store.entries()
    return export.letter_material(entries, flags.evaluate(entries, rules.load()))


def test_the_letters_read_of_the_log_is_the_whole_log_checked_afresh() -> None:
    store.add(LOG)
    found = material()
    assert found == afresh()
    assert found is not None and any(row["flags"] for row in found["timeline"])
    assert len(found["evidence"]) == 3


def test_with_the_rules_changed_since_the_flags_were_kept_the_flags_are_worked_out_afresh() -> None:
    store.add(LOG)
    db = sqlite3.connect(store.path())
    db.execute("UPDATE meta SET value = value || ' ' WHERE key = 'rules_source'")
    db.execute("UPDATE entries SET flags = NULL")
    db.commit()
    db.close()
    found = material()
    assert found == afresh()
    assert found is not None and any(row["flags"] for row in found["timeline"])


def test_without_a_log_the_letters_get_nothing_and_no_log_is_made() -> None:
    assert letter_material() is None
    assert not log_path().exists()


def test_a_log_whose_entries_were_all_deleted_gives_the_letters_nothing() -> None:
    (added,) = store.add(LOG[:1])
    store.delete(added)
    assert letter_material() is None


def test_the_log_is_where_the_store_keeps_it() -> None:
    assert log_path() == store.path()


#: Unicode's Bidi_Control characters (not in `unicodedata`): ALM, LRM, RLM, LRE…RLO, LRI…PDI.
BIDI_CONTROLS = {0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}


def shown(c: str) -> str:
    """How `visible` writes one character: controls and undecodable bytes as `\\xNN`, bidi
    controls and other lone surrogates as `\\uNNNN`, everything else as it is."""
    code = ord(c)
    if unicodedata.category(c) == "Cc":
        return f"\\x{code:02x}"
    if 0xDC80 <= code <= 0xDCFF:  # the byte 0x80…0xFF that was not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    if code in BIDI_CONTROLS or unicodedata.category(c) == "Cs":
        return f"\\u{code:04x}"
    return c


def test_visible_writes_exactly_the_controls_bidi_controls_and_surrogates_as_escapes() -> None:
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert visible(every, keep="") == "".join(map(shown, every))


def test_visible_keeps_what_it_is_told_to_keep() -> None:
    assert visible("a\nb\tc\x1b[2J\r\x85") == "a\nb\tc\\x1b[2J\\x0d\\x85"
    assert visible("a\nb\tc", keep="\n") == "a\nb\\x09c"
    assert visible("a\nb", keep="") == "a\\x0ab"


ANSWERS = """
visitor_arrived: "no"
misconduct: [threats]
others_contacted: []
amount_checked: matches
can_pay_full: "yes"
"""


def scripted_to(tmp_path: Path, name: str, text: str = ANSWERS) -> str:
    answers = write(tmp_path, "a.yaml", text)
    target = tmp_path / name
    session.scripted(None, answers, session.Output("zh-CN", "text", target))
    return target.read_text("utf-8")


def test_a_json_run_fills_no_draft_for_a_page_it_does_not_print(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unwanted(*_: object) -> None:
        raise AssertionError("the drafts were laid out for a page")

    monkeypatch.setattr("overdue_guide.drafts.view.attach", unwanted)
    assert '"drafts": [' in scripted_to(tmp_path, "checklist.json")


def test_a_markdown_run_builds_no_json_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unwanted(*_: object) -> None:
        raise AssertionError("the JSON document was built")

    monkeypatch.setattr("overdue_guide.output.report.contract", unwanted)
    monkeypatch.setattr("overdue_guide.drafts.view.contract", unwanted)
    chosen = ANSWERS + "drafts: [complaint]\n"
    assert "### " in scripted_to(tmp_path, "checklist.md", chosen)  # the letter is there


DAMAGED = b"not a database, but someone's file" * 100


def test_a_text_run_that_makes_no_letter_leaves_the_log_unread() -> None:
    log_path().parent.mkdir(parents=True)
    log_path().write_bytes(DAMAGED)
    tmp = log_path().parent
    result = run_cli("run", "--answers", str(write(tmp, "a.yaml", ANSWERS)))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert log_path().read_bytes() == DAMAGED


def test_a_json_run_reads_the_log_for_the_letters_it_fills() -> None:
    log_path().parent.mkdir(parents=True)
    log_path().write_bytes(DAMAGED)
    tmp = log_path().parent
    result = run_cli("run", "--answers", str(write(tmp, "a.yaml", ANSWERS)), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert "damaged" in result.stderr


def test_the_commands_annotations_are_objects_so_typer_evaluates_no_strings() -> None:
    """Strings (`from __future__ import annotations`) cost every run an eval per option."""
    callbacks = [c.callback for c in cli.app.registered_commands]
    callbacks += [c.callback for c in cli.flows_app.registered_commands]
    assert cli.app.registered_callback is not None
    callbacks.append(cli.app.registered_callback.callback)
    for callback in callbacks:
        assert callback is not None
        strings = [k for k, v in callback.__annotations__.items() if isinstance(v, str)]
        assert not strings, (callback.__name__, strings)


def test_the_log_and_fee_commands_annotations_are_objects_too() -> None:
    """`log` and `fees` run without the top-level app, and pay the same eval per option."""
    from overdue_guide.cli import fees as fees_cli
    from overdue_guide.cli import log as log_cli

    callbacks = [c.callback for c in log_cli.log_app.registered_commands]
    callbacks += [c.callback for c in fees_cli.app.registered_commands]
    assert len(callbacks) >= 9
    for callback in callbacks:
        assert callback is not None
        strings = [k for k, v in callback.__annotations__.items() if isinstance(v, str)]
        assert not strings, (callback.__name__, strings)
