"""The fee check, the letters, saved files and the command line under hostile input
(issue 22): what is refused, and how it is said."""

from __future__ import annotations

import errno
import json
import os
import subprocess
from pathlib import Path

import pexpect
import pytest

from overdue_guide.base.disk import write_atomic
from overdue_guide.content import check
from overdue_guide.errors import StorageError
from overdue_guide.fees.ask import problem_with
from overdue_guide.session import progress as storage

from .helpers import NOBODY_CAME, SCRIPT, SMALL_SOURCES, run_cli, write
from .test_pty import spawn

CHINESE = {"LANG": "zh_CN.UTF-8"}


def fees(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return run_cli("fees", *args, env={**CHINESE, **env})


# --- 3. saved progress set aside three times in one second -------------------------------


def test_three_damaged_progress_files_in_one_second_are_all_kept(data_home: Path) -> None:
    for n in range(3):
        storage.progress_path().parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        storage.progress_path().write_text(f"not json {n}")
        with pytest.raises(StorageError, match="moved it to"):
            storage.load()
    kept = sorted(storage.progress_path().parent.glob("progress.corrupt-*.json"))
    assert sorted(p.read_text() for p in kept) == ["not json 0", "not json 1", "not json 2"]


# --- 5. a write that fails says why ------------------------------------------------------


def test_run_output_under_a_file_says_not_a_directory(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("a file")
    output = str(tmp_path / "f/x.html")
    done = run_cli("run", "--answers", str(answers(tmp_path)), "--output", output, "--lang", "en")
    assert done.returncode == 2
    assert "Not a directory" in done.stderr and "File exists" not in done.stderr
    done = run_cli("run", "--answers", str(answers(tmp_path)), "--output", output)
    assert f"无法写入 {output}：路径里有一段是文件，不是文件夹" in done.stderr


def test_log_export_under_a_file_says_not_a_directory(tmp_path: Path) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path / "data"), "TZ": "Asia/Shanghai"}
    run_cli("log", "add", "--at", "2026-01-20 10:00", "--channel", "call", env=env)
    (tmp_path / "f").write_text("a file")
    done = run_cli("log", "export", "--output", str(tmp_path / "f/x.csv"), "--lang", "en", env=env)
    assert done.returncode == 2
    assert "Not a directory" in done.stderr and "File exists" not in done.stderr


def test_a_full_disk_is_said_in_the_persons_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(_: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(StorageError, match=r"无法写入 .*checklist\.html：磁盘满了"):
        write_atomic(tmp_path / "checklist.html", "x", lang="zh-CN")
    assert list(tmp_path.iterdir()) == []  # no half file, no temporary left


def test_a_pipe_where_the_file_would_go_is_refused_and_left_a_pipe(tmp_path: Path) -> None:
    pipe = tmp_path / "checklist.md"
    os.mkfifo(pipe)
    done = run_cli(
        "run", "--answers", str(answers(tmp_path)), "--output", str(pipe), "--lang", "en"
    )
    assert done.returncode == 2 and "not a regular file" in done.stderr
    assert pipe.is_fifo()


def answers(folder: Path, text: str = NOBODY_CAME) -> Path:
    return write(folder, "answers.yaml", text)


# --- 8. the check cache keys on every document read ---------------------------------------

SOURCES_MD = """
documents:
  - file: doc.md
    title: A document in Markdown
references: []
"""

FLOW_QUOTING = """
flow: quoting
title: {zh-CN: 引用, en: Quoting}
start: q1
questions:
  - id: q1
    prompt: {zh-CN: 问, en: Ask}
    options:
      - {code: a, label: {zh-CN: 甲, en: A}, items: [i1]}
      - {code: b, label: {zh-CN: 乙, en: B}}
    next: end
items:
  - id: i1
    urgency: now
    text: {zh-CN: 做, en: Do}
    detail: {zh-CN: 因为, en: Because}
    sources:
      - {document: doc.md, quote: 文件里的原话}
"""


def quoting(folder: Path, document: str) -> tuple[Path, Path]:
    """A flow quoting `doc.md`, and a documents folder where `doc.md` says `document`."""
    write(folder, "sources.yaml", SOURCES_MD)
    documents = folder / "docs"
    documents.mkdir()
    (documents / "doc.md").write_text(document, encoding="utf-8")
    return write(folder, "flow.yaml", FLOW_QUOTING), documents


def test_a_changed_markdown_document_is_checked_again_not_taken_from_the_cache(
    tmp_path: Path,
) -> None:
    flow, documents = quoting(tmp_path, "这是文件里的原话。")
    assert check.check_paths([flow], documents=documents, cache=True)[0] == []
    (documents / "doc.md").write_text("这句话已经改掉了。", encoding="utf-8")
    findings = check.check_paths([flow], documents=documents, cache=True)[0]
    assert [f.code for f in findings] == ["quote-not-found"]


# --- 22. run uses the documents flows check uses ------------------------------------------


def test_run_refuses_a_flow_that_flows_check_refuses_with_the_documents_named(
    tmp_path: Path,
) -> None:
    flow, documents = quoting(tmp_path, "这里没有那句话。")
    env = {"OVERDUE_GUIDE_DOCUMENTS": str(documents)}
    checked = run_cli("flows", "check", "--no-cache", str(flow), env=env)
    assert checked.returncode == 1 and "quote-not-found" in checked.stdout
    ran = run_cli("run", str(flow), "--answers", str(answers(tmp_path, "q1: a\n")), env=env)
    assert ran.returncode == 2 and "quote-not-found" in ran.stderr
    assert ran.stdout == ""


# --- 9. terminals that are not UTF-8 --------------------------------------------------------


def test_fees_on_a_latin1_terminal_switch_to_english_and_say_so_once(tmp_path: Path) -> None:
    done = subprocess.run(
        [str(SCRIPT), "fees", "--principal", "1200", "--periods", "12", "--fee-rate", "8.8"],
        capture_output=True, timeout=60,
        env={**os.environ, "LANG": "C.UTF-8", "PYTHONIOENCODING": "latin-1"},
    )  # fmt: skip
    assert done.returncode == 0
    shown = done.stdout.decode("latin-1").splitlines()
    assert shown[0] == "What this loan really costs a year"  # not \u8fd9\u7b14…
    assert "\\u" not in "".join(shown[:8])  # the program's words: only the law names stay Chinese
    (advice,) = done.stderr.decode("latin-1").splitlines()
    assert "cannot show zh-CN" in advice


def test_fees_json_on_a_gbk_terminal_is_the_same_document(tmp_path: Path) -> None:
    args = [
        "fees",
        "--principal",
        "1200",
        "--periods",
        "12",
        "--fee-rate",
        "8.8",
        "--format",
        "json",
    ]
    utf8 = fees(*args[1:], "--format", "json")
    done = subprocess.run(
        [str(SCRIPT), *args], capture_output=True, timeout=60,
        env={**os.environ, "LANG": "zh_CN.UTF-8", "PYTHONIOENCODING": "latin-1"},
    )  # fmt: skip
    assert done.returncode == 0 and done.stderr == b""
    assert json.loads(done.stdout.decode("latin-1")) == json.loads(utf8.stdout)


def test_log_show_on_a_big5_terminal_is_traditional_chinese_throughout(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "LANG": "zh_CN.UTF-8",
        "XDG_DATA_HOME": str(tmp_path),
        "TZ": "Asia/Shanghai",
    }
    run_cli(
        "log", "add", "--at", "2026-01-20 10:00", "--channel", "call", "--number", "95188", env=env
    )
    done = subprocess.run(
        [str(SCRIPT), "log", "show", "1"], capture_output=True, timeout=60,
        env={**env, "PYTHONIOENCODING": "big5"},
    )  # fmt: skip
    assert done.returncode == 0
    shown = done.stdout.decode("big5")  # strict: nothing the terminal would garble
    assert "電話" in shown and "\\u" not in shown
    assert "zh-TW" in done.stderr.decode("big5")


# --- 13. a key given twice in YAML ---------------------------------------------------------


def test_a_schedule_with_a_key_given_twice_is_refused_in_chinese(tmp_path: Path) -> None:
    schedule = write(
        tmp_path, "plan.yaml", "- {date: 2026-01-10, amount: 100, amount: 50}\n"
        "- {date: 2026-02-10, amount: 100}\n",
    )  # fmt: skip
    done = fees("--principal", "150", "--schedule", str(schedule))
    assert done.returncode == 2 and "plan.yaml:1: 同一项写了两次" in done.stderr


def test_details_with_a_key_given_twice_are_refused(tmp_path: Path) -> None:
    given = answers(tmp_path, "visitor_arrived: no\ndetails: {name: 张三, name: 李四}\n")
    done = run_cli("run", "--answers", str(given))
    assert done.returncode == 2 and "'name' is given twice" in done.stderr


# --- 14. letter details that are not amounts ------------------------------------------------

LETTER = """visitor_arrived: no
misconduct: []
others_contacted: []
amount_checked: matches
can_pay_full: "no"
hardship: job_loss
details: {{monthly_income: {income}, essential_spending: 1000, plan_amount: {offer}}}
drafts: [instalment_request]
"""


@pytest.mark.parametrize(
    ("income", "offer", "line"),
    [
        (4000, ".nan", "detail 'plan_amount': '.nan' is not an amount in yuan"),
        (4000, '"-1500"', "detail 'plan_amount': '-1500' is not an amount in yuan"),
        (".inf", 800, "detail 'monthly_income': '.inf' is not an amount in yuan"),
    ],
)
def test_a_letter_amount_that_is_no_amount_is_refused(
    tmp_path: Path, income: object, offer: object, line: str
) -> None:
    given = answers(tmp_path, LETTER.format(income=income, offer=offer))
    done = run_cli("run", "--answers", str(given), "--format", "markdown", "--lang", "en")
    assert done.returncode == 2
    assert done.stderr == f"overdue-guide: {given}: {line} (Enter a number, e.g. 1500)\n"
    assert "NaN" not in done.stdout and "-1500 元" not in done.stdout


def test_an_amount_typed_with_its_own_yuan_or_in_full_width_is_written_once(
    tmp_path: Path,
) -> None:
    given = answers(tmp_path, LETTER.format(income='"４,０００元"', offer="¥800"))
    done = run_cli("run", "--answers", str(given), "--format", "markdown")
    assert done.returncode == 0, done.stderr
    assert "每月收入约 4000 元" in done.stdout and "元 元" not in done.stdout


# --- 15, 16. the fee messages; a rate past 1,000 % a year by any measure ----------------


def test_a_schedule_that_is_a_pipe_or_a_device_is_said_so_in_chinese(tmp_path: Path) -> None:
    pipe = tmp_path / "plan.csv"
    os.mkfifo(pipe)
    for path, said in ((pipe, "是一个管道（FIFO）"), (Path("/dev/null"), "是一个设备")):
        done = fees("--principal", "1200", "--schedule", str(path))
        assert done.returncode == 2 and said in done.stderr
        assert "schedule file" not in done.stderr and "not a file" not in done.stderr
        assert said in (problem_with("schedule", str(path), "zh-CN") or "")  # the form too


def test_two_rows_that_leave_no_day_before_them_are_not_called_one_repayment(
    tmp_path: Path,
) -> None:
    schedule = write(tmp_path, "plan.csv", "0001-01-10,100\n0001-02-10,100\n")
    done = fees("--principal", "150", "--schedule", str(schedule))
    assert done.returncode == 2
    assert "只有一笔还款" not in done.stderr and "--start" in done.stderr


def test_a_fee_of_83_percent_for_one_month_is_refused_as_past_1000_percent_a_year() -> None:
    done = fees("--principal", "100", "--periods", "1", "--fee-rate", "83")
    assert done.returncode == 2
    assert "1,000 %" in done.stderr and "140,963" in done.stderr


# --- 17. a reader that stops reading --------------------------------------------------------


@pytest.mark.parametrize(
    "args", [("log", "list"), ("log", "export"), ("sources",), ("flows", "schema")]
)
def test_a_reader_that_stops_early_ends_every_command_the_same_quiet_way(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    env = {**os.environ, "LANG": "C.UTF-8", "XDG_DATA_HOME": str(tmp_path), "TZ": "Asia/Shanghai"}
    many = [{"at": f"2025-01-{1 + n % 28:02d} {n % 24:02d}:{n % 60:02d}", "channel": "call",
             "number": f"95{n}", "said": "原话" * 20} for n in range(1500)]  # fmt: skip
    (tmp_path / "many.json").write_text(json.dumps(many), encoding="utf-8")
    run_cli("log", "add", "--from", str(tmp_path / "many.json"), env=env)
    child = subprocess.Popen(
        [str(SCRIPT), *args], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, env=env,
    )  # fmt: skip
    assert child.stdout is not None and child.stderr is not None
    child.stdout.read(1)
    child.stdout.close()  # like `| head -c1`
    error = child.stderr.read()
    assert child.wait(timeout=60) == 0
    assert error == b""


# --- 1. an export to a terminal -----------------------------------------------------------


def test_a_csv_export_to_a_terminal_shows_escapes_as_text(tmp_path: Path) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path / "data"), "TZ": "Asia/Shanghai"}
    run_cli("log", "add", "--at", "2026-01-20 10:00", "--channel", "call",
            "--said", "\x1b]0;PWNED\x07\x1b[31mred", env=env)  # fmt: skip
    child = spawn(tmp_path, "log", "export", "--format", "csv")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    shown = child.before or ""
    assert "\x1b]0;" not in shown and "\x1b[31m" not in shown
    assert "\\x1b]0;PWNED\\x07\\x1b[31mred" in shown


def test_a_count_typed_in_full_width_is_taken_as_its_number(tmp_path: Path) -> None:
    letter = LETTER.replace("plan_amount: {offer}", "plan_amount: {offer}, plan_periods: １２")
    given = answers(tmp_path, letter.format(income=4000, offer=800))
    done = run_cli("run", "--answers", str(given), "--format", "markdown")
    assert done.returncode == 0, done.stderr
    assert "分 12 期" in done.stdout and "１２" not in done.stdout


def test_a_bidi_control_in_flow_text_is_shown_not_obeyed_on_screen_and_in_html(
    tmp_path: Path,
) -> None:
    write(tmp_path, "sources.yaml", SMALL_SOURCES)
    text = FLOW_QUOTING.replace("{document: doc.md, quote: 文件里的原话}", "{reference: R1}")
    flow = write(
        tmp_path, "flow.yaml", text.replace("text: {zh-CN: 做,", "text: {zh-CN: 做\u202e反,")
    )
    given = answers(tmp_path, "q1: a\n")
    for output_format in ("text", "html"):
        done = run_cli("run", str(flow), "--answers", str(given), "--format", output_format)
        assert done.returncode == 0, done.stderr
        assert "\u202e" not in done.stdout and "做\\u202e反" in done.stdout
