"""Figures and dates as a person types them are read one way everywhere (`base.numerals`):
spaces around trimmed, full-width folded (１２００ is 1200), digits of other scripts (٣),
superscripts and underscores refused; a letter's date detail must be a real day; an
export onto a device is refused as one; and a scripted run's detail problems and warnings
are said in the run's language."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from overdue_guide.base.numerals import day, decimal, whole
from tests.helpers import run_cli


def log(tmp_path: Path, *args: str) -> tuple[int, str, str]:
    """`overdue-guide log …` with a data folder of its own: (exit code, stdout, stderr)."""
    env = {"XDG_DATA_HOME": str(tmp_path / "data"), "TZ": "Asia/Shanghai"}
    done = run_cli("log", *args, cwd=tmp_path, env=env)
    return done.returncode, done.stdout, done.stderr


CALL = ("add", "--at", "2026-02-10 10:00", "--channel", "call")


# --- the one reading -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "read"),
    [(" 5 ", 5), ("１２", 12), ("\u3000１２\u3000", 12), ("٣", None), ("²", None), ("1_0", None)],
)
def test_a_whole_number_is_ascii_or_full_width_digits_and_nothing_else(
    typed: str, read: int | None
) -> None:
    assert whole(typed) == read


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("８．８", Decimal("8.8")),
        ("1200", Decimal("1200")),
        ("١٢٠٠", None),
        ("1_200", None),
        ("NaN", None),
        ("-5", None),
    ],
)
def test_a_decimal_is_read_from_ascii_or_full_width_and_never_as_nan(
    typed: str, read: Decimal | None
) -> None:
    assert decimal(typed) == read


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("2026-02-28", date(2026, 2, 28)),
        ("2026/3/1", date(2026, 3, 1)),
        ("2026年3月1日", date(2026, 3, 1)),
        ("２０２６－０３－０１", date(2026, 3, 1)),
        ("2026-02-30", None),
        ("2026-13-01", None),
        ("2026-3/1", None),
        ("上个月", None),
        ("٢٠٢٦-01-01", None),
    ],
)
def test_a_day_is_a_real_calendar_day_written_year_first(typed: str, read: date | None) -> None:
    assert day(typed) == read


# --- D2: the evidence log ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("zh-CN", "overdue-guide: --duration：“٣”不是一个整数\n"),
        ("en", "overdue-guide: --duration: '٣' is not a whole number\n"),
    ],
)
def test_a_duration_in_arabic_indic_digits_is_refused(tmp_path: Path, lang: str, line: str) -> None:
    assert log(tmp_path, *CALL, "--duration", "٣", "--lang", lang) == (2, "", line)


@pytest.mark.parametrize(("typed", "kept"), [(" 5", 5), ("１２", 12)])
def test_a_duration_with_spaces_around_or_in_full_width_is_kept_as_its_number(
    tmp_path: Path, typed: str, kept: int
) -> None:
    assert log(tmp_path, *CALL, "--duration", typed, "--lang", "en")[0] == 0
    code, out, _ = log(tmp_path, "export", "--format", "json")
    assert code == 0
    assert json.loads(out)["entries"][0]["duration_s"] == kept


# --- D2: the fee check -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "typed", "line"),
    [
        (
            "en",
            "١٢٠٠",
            "overdue-guide: the amount received must be a number such as 1200 or 8.8 "
            "(got '١٢٠٠')\n",
        ),
        ("zh-CN", "١٢٠٠", "overdue-guide: 到手金额要写成数字，比如 1200 或 8.8（现在是“١٢٠٠”）\n"),
        (
            "en",
            "1_200",
            "overdue-guide: the amount received must be a number such as 1200 or 8.8 "
            "(got '1_200')\n",
        ),
    ],
)
def test_a_fee_figure_in_other_digits_or_with_underscores_is_refused(
    lang: str, typed: str, line: str
) -> None:
    done = run_cli(
        "fees", "--principal", typed, "--periods", "12", "--fee-rate", "8.8", "--lang", lang
    )
    assert (done.returncode, done.stderr) == (2, line)


def test_full_width_fee_figures_give_the_figures_typed_in_ascii() -> None:
    typed = ("--principal", "１２００", "--periods", "１２", "--fee-rate", "８．８％")
    done = run_cli("fees", *typed, "--format", "json")
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    assert shown["inputs"] == {
        "principal": "1200",
        "plan": "instalments",
        "periods": 12,
        "fee_rate": "8.8",
    }
    assert shown["total_to_repay"] == "1305.60"


# --- D4: an export onto something that is not a file ---------------------------------------


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("zh-CN", "overdue-guide: 不能导出到 /dev/full：它不是一个普通文件\n"),
        ("en", "overdue-guide: cannot export to /dev/full: it is not a regular file\n"),
    ],
)
def test_an_export_onto_a_device_says_it_is_not_a_regular_file(
    tmp_path: Path, lang: str, line: str
) -> None:
    assert log(tmp_path, *CALL)[0] == 0
    assert log(tmp_path, "export", "--output", "/dev/full", "--lang", lang) == (2, "", line)


def test_an_export_onto_a_folder_without_a_suffix_says_it_is_not_a_regular_file(
    tmp_path: Path,
) -> None:
    (tmp_path / "out").mkdir()
    assert log(tmp_path, *CALL)[0] == 0
    assert log(tmp_path, "export", "--output", "out", "--lang", "en") == (
        2,
        "",
        "overdue-guide: cannot export to out: it is not a regular file\n",
    )


def test_an_export_to_a_new_file_of_no_known_kind_still_asks_for_its_format(
    tmp_path: Path,
) -> None:
    assert log(tmp_path, *CALL)[0] == 0
    assert log(tmp_path, "export", "--output", "log.txt", "--lang", "en") == (
        2,
        "",
        "overdue-guide: cannot tell the format of log.txt: name it .md, .html, .csv or .json, "
        "or give --format\n",
    )


# --- D5 and the words of a scripted run ------------------------------------------------------

LETTER = """visitor_arrived: "no"
user_role: borrower
court_notice: none
misconduct: []
others_contacted: []
amount_checked: matches
can_pay_full: "no"
hardship: job_loss
details: {details}
drafts: [instalment_request]
"""


def scripted(tmp_path: Path, details: str, lang: str) -> tuple[int, str, str]:
    """A scripted Markdown run of the instalment letter's path with `details`."""
    (tmp_path / "a.yaml").write_text(LETTER.format(details=details), encoding="utf-8")
    done = run_cli(
        "run", "--answers", "a.yaml", "--format", "markdown", "--lang", lang, cwd=tmp_path
    )
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        (
            "en",
            "overdue-guide: a.yaml: detail 'cause_date': '2026-02-30' is not a real date "
            "(Enter a date, e.g. 2026-03-01)\n",
        ),
        (
            "zh-CN",
            "overdue-guide: a.yaml：“cause_date”要写一个真实的日期，例如 2026-03-01，"
            "现在写的是“2026-02-30”\n",
        ),
        (
            "zh-TW",
            "overdue-guide: a.yaml：“cause_date”要寫一個真實的日期，例如 2026-03-01，"
            "現在寫的是“2026-02-30”\n",
        ),
    ],
)
def test_a_date_detail_that_is_no_real_day_is_refused_in_the_language_asked(
    tmp_path: Path, lang: str, line: str
) -> None:
    assert scripted(tmp_path, "{cause_date: 2026-02-30}", lang) == (2, "", line)


def test_a_real_date_detail_is_written_into_the_letter_as_typed(tmp_path: Path) -> None:
    code, out, err = scripted(tmp_path, "{cause_date: 2026年2月28日}", "zh-CN")
    assert (code, err) == (0, "")
    assert "还不上的原因：我从 2026年2月28日 起失业了。" in out


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        (
            "zh-CN",
            "overdue-guide: a.yaml：“plan_amount”要写金额（元），例如 1500，现在写的是“-1500”\n",
        ),
        (
            "en",
            "overdue-guide: a.yaml: detail 'plan_amount': '-1500' is not an amount in yuan "
            "(Enter a number, e.g. 1500)\n",
        ),
    ],
)
def test_a_letter_amount_that_is_no_amount_is_refused_in_the_language_asked(
    tmp_path: Path, lang: str, line: str
) -> None:
    assert scripted(tmp_path, '{plan_amount: "-1500"}', lang) == (2, "", line)


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        (
            "zh-CN",
            "overdue-guide: a.yaml：“plan_periods”要写 1 或更大的整数，例如 12，现在写的是“٣”\n",
        ),
        (
            "en",
            "overdue-guide: a.yaml: detail 'plan_periods': '٣' is not a whole number of 1 or "
            "more (Enter a whole number, e.g. 12)\n",
        ),
    ],
)
def test_a_letter_count_in_arabic_indic_digits_is_refused_in_the_language_asked(
    tmp_path: Path, lang: str, line: str
) -> None:
    assert scripted(tmp_path, "{plan_periods: ٣}", lang) == (2, "", line)


@pytest.mark.parametrize(
    ("lang", "lines"),
    [
        (
            "zh-CN",
            "warning: a.yaml：没有“mood”这一项，已经跳过\n"
            "warning: a.yaml：“door”这份文书和这些回答对不上，没有放进去\n",
        ),
        (
            "en",
            "warning: a.yaml: unknown detail 'mood' ignored\n"
            "warning: a.yaml: draft 'door' does not fit these answers; left out\n",
        ),
    ],
)
def test_a_scripted_run_warns_in_the_language_asked(tmp_path: Path, lang: str, lines: str) -> None:
    text = LETTER.format(details="{mood: ok}").replace("[instalment_request]", "[door]")
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    done = run_cli(
        "run", "--answers", "a.yaml", "--format", "markdown", "--lang", lang, cwd=tmp_path
    )
    assert (done.returncode, done.stderr) == (0, lines)
