"""How the log speaks to a person: a flag is the rule in words, with its code and reference,
the same in `log add`, `log list`, `log show`, the Markdown and HTML exports and the
letters; the machine formats (JSON, CSV) keep the bare codes; the log commands' messages
are in the person's language."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from datetime import datetime, timezone
from pathlib import Path

import pytest

from overdue_guide.drafts.fromlog import log_details
from overdue_guide.evidence import commands, rules, store
from overdue_guide.evidence.codes import FLAG_CODES
from overdue_guide.evidence.model import Entry
from overdue_guide.evidence.texts import flag_label, flag_labels

from .helpers import run_cli

LANGS = ("zh-CN", "zh-TW", "en")
NIGHT = {
    "zh-CN": "夜间催收 (night_hours, R04)",
    "zh-TW": "夜間催收 (night_hours, R04)",
    "en": "night hours (night_hours, R04)",
}
POSED = {
    "zh-CN": "冒充公职 (impersonation, R02, R11)",
    "zh-TW": "冒充公職 (impersonation, R02, R11)",
    "en": "posed as an official (impersonation, R02, R11)",
}
#: 22:30 in Shanghai: after the 22:00 of R04.
LATE = datetime(2026, 11, 20, 14, 30, tzinfo=timezone.utc)


def night_call(**fields: object) -> Entry:
    return Entry(at=LATE, zone="Asia/Shanghai", channel="call", number="95188", **fields)  # type: ignore[arg-type]


def data(tmp_path: Path) -> dict[str, str]:
    return {"XDG_DATA_HOME": str(tmp_path / "data"), "TZ": "Asia/Shanghai"}


def width(text: str) -> int:
    """Terminal columns: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


@pytest.mark.parametrize("lang", LANGS)
def test_a_flag_is_the_rule_in_words_then_its_code_and_reference(lang: str) -> None:
    assert flag_label("night_hours", ["R04"], lang) == NIGHT[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_a_rule_raised_by_two_references_is_one_flag_naming_both(lang: str) -> None:
    pairs = [("night_hours", "R04"), ("impersonation", "R02"), ("impersonation", "R11")]
    assert flag_labels(pairs, lang) == [NIGHT[lang], POSED[lang]]


@pytest.mark.parametrize("lang", LANGS)
def test_log_list_puts_each_flag_in_words_on_a_line_under_its_entry(
    lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    store.add([night_call(impersonated=("police",)), Entry(at=LATE, zone="UTC", channel="sms")])
    capsys.readouterr()
    commands.list_entries(lang)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("    1  2026-11-20 22:30 (+08:00)  ")
    assert lines[1:3] == [f"       ⚑ {NIGHT[lang]}", f"       ⚑ {POSED[lang]}"]
    assert lines[3].startswith("    2  2026-11-20 14:30 (+00:00)  ")
    assert len(lines) == 4


def test_log_list_words_the_flags_afresh_when_the_rules_file_changed(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add([night_call()])
    kept = store.listing
    monkeypatch.setattr(store, "listing", lambda words: (kept(words)[0], False))  # rules changed
    capsys.readouterr()
    commands.list_entries("en")
    assert capsys.readouterr().out.splitlines()[1:] == [f"       ⚑ {NIGHT['en']}"]


@pytest.mark.parametrize("lang", LANGS)
def test_log_show_names_each_flag_in_words_with_its_code_and_reference(
    lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (entry_id,) = store.add([night_call(impersonated=("police",))])
    capsys.readouterr()
    commands.show(entry_id, lang)
    assert capsys.readouterr().out.splitlines()[-2:] == [
        f"  ⚑ {NIGHT[lang]}",
        f"  ⚑ {POSED[lang]}",
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_log_add_confirms_with_the_flags_in_words(lang: str, tmp_path: Path) -> None:
    result = run_cli(
        "log", "add", "--at", "2026-11-20 22:30", "--zone", "Asia/Shanghai",
        "--channel", "call", "--lang", lang, env=data(tmp_path),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == f"    ⚑ {NIGHT[lang]}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("output_format", ["markdown", "html"])
def test_the_readable_exports_word_the_flags_as_log_list_does(
    lang: str, output_format: str
) -> None:
    store.add([night_call(impersonated=("police",))])
    text = commands.export_text(output_format, lang)
    for label in (NIGHT[lang], POSED[lang]):
        shown = label.replace("_", "\\_") if output_format == "markdown" else label
        assert shown in text


def test_the_json_export_keeps_the_bare_codes() -> None:
    store.add([night_call(impersonated=("police",))])
    document = json.loads(commands.export_text("json", "zh-CN"))
    assert document["flags"] == [
        {"entry": 1, "code": "night_hours", "reference": "R04"},
        {"entry": 1, "code": "impersonation", "reference": "R02"},
        {"entry": 1, "code": "impersonation", "reference": "R11"},
    ]
    assert "夜间催收" not in json.dumps(document, ensure_ascii=False)


def test_the_csv_export_keeps_the_bare_codes_each_once_with_its_references() -> None:
    store.add([night_call(impersonated=("police",))])
    (row,) = csv.DictReader(io.StringIO(commands.export_text("csv", "zh-CN").lstrip("\ufeff")))
    assert row["flags"] == "night_hours (R04); impersonation (R02, R11)"


def test_the_letters_word_the_flags_as_the_log_does() -> None:
    store.add([night_call(impersonated=("police",))])
    material = commands.load_for_letters()
    assert material is not None
    details = log_details(material)
    assert details["log_timeline"].endswith(f"{NIGHT['zh-CN']}、{POSED['zh-CN']}。")
    assert details["log_timeline.en"].endswith(f"{NIGHT['en']}, {POSED['en']}.")


@pytest.mark.parametrize("lang", LANGS)
def test_every_flag_line_of_log_list_fits_a_60_column_terminal(lang: str) -> None:
    pairs = [(rule.code, rule.reference) for rule in rules.load().rules]
    assert {code for code, _ in pairs} == set(FLAG_CODES)
    for label in flag_labels(pairs, lang):
        assert width(f"       ⚑ {label}") <= 60, label


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("zh-CN", "这里没法问你确认：确定要删除，请加上 --yes"),
        ("zh-TW", "這裡沒法問你確認：確定要刪除，請加上 --yes"),
        ("en", "no terminal to confirm in: add --yes to delete"),
    ],
)
@pytest.mark.parametrize("command", [["forget"], ["delete", "1"]])
def test_without_a_terminal_forget_and_delete_ask_for_yes_in_the_persons_language(
    tmp_path: Path, lang: str, message: str, command: list[str]
) -> None:
    env = data(tmp_path)
    assert (
        run_cli("log", "add", "--at", "2026-11-20 10:00", "--channel", "sms", env=env).returncode
        == 0
    )
    result = run_cli("log", *command, "--lang", lang, env=env)
    assert (result.returncode, result.stderr) == (2, f"overdue-guide: {message}\n")


def test_without_a_terminal_add_says_what_to_give_in_the_persons_language(
    tmp_path: Path,
) -> None:
    result = run_cli("log", "add", "--lang", "zh-CN", env=data(tmp_path))
    assert result.returncode == 2
    assert result.stderr == (
        "overdue-guide: 这里没法打开表格来填：请用 --from 文件，或者至少给出 --at 和 --channel\n"
    )


def test_a_failed_verify_is_said_in_the_persons_language(tmp_path: Path) -> None:
    proof = tmp_path / "call.m4a"
    proof.write_bytes(b"hello")
    env = data(tmp_path)
    added = run_cli(
        "log", "add", "--at", "2026-11-20 10:00", "--channel", "call",
        "--attach", str(proof), env=env,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    proof.unlink()
    result = run_cli("log", "verify", "--lang", "zh-CN", env=env)
    assert result.returncode == 1
    assert result.stderr.endswith(
        "overdue-guide: 1 个附件里有 1 个变了或找不到了；请找回原始文件和存放它的设备（R15）\n"
    )


@pytest.mark.parametrize(
    ("lang", "start"), [("zh-CN", "看不出"), ("zh-TW", "看不出"), ("en", "cannot tell")]
)
def test_the_export_refuses_an_unknown_extension_in_the_persons_language(
    lang: str, start: str, tmp_path: Path
) -> None:
    from overdue_guide.evidence.problems import EntryError

    with pytest.raises(EntryError, match="--format") as raised:
        commands.export(None, tmp_path / "log.txt", lang)
    assert str(raised.value).startswith(start)
