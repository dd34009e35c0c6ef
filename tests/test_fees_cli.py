"""`overdue-guide fees` scripted: the README's flags and JSON contract, one line and exit 2
for figures no loan has."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .helpers import run_cli

VECTOR = ("--principal", "1200", "--periods", "12", "--fee-rate", "8.8")


def fees_json(*args: str) -> dict[str, object]:
    done = run_cli("fees", *args, "--format", "json")
    assert done.returncode == 0, done.stderr
    found: dict[str, object] = json.loads(done.stdout)
    return found


def test_json_output_follows_the_contract() -> None:
    found = fees_json(*VECTOR)
    assert found["inputs"] == {
        "principal": "1200",
        "plan": "instalments",
        "periods": 12,
        "fee_rate": "8.8",
    }
    assert (found["amount_received"], found["cost_of_credit"], found["total_to_repay"]) == (
        "1200.00",
        "105.60",
        "1305.60",
    )
    assert found["rates"] == {"simple": "16.25", "nominal_irr": "15.86", "effective": "17.07"}
    assert found["overdue"] is None
    assert found["year_days"] == 365
    lines = found["lines"]
    assert isinstance(lines, list)
    assert [(x["id"], x["rate"], x["above"], x["reference"]) for x in lines] == [
        ("court_24", "24.00", False, "R32"),
        ("lpr_4x", "12.00", True, "R31"),
    ]
    assert all(x["date"] for x in lines)


def test_overdue_days_and_a_daily_rate_give_yuan_and_a_yearly_rate() -> None:
    found = fees_json(*VECTOR, "--days-overdue", "30", "--overdue-rate", "0.05")
    assert found["overdue"] == {
        "days": 30,
        "on_amount": "1200.00",
        "charge": "18.00",
        "daily_rate": "0.0500",
        "yearly_rate": "18.25",
    }


def test_a_jiebei_daily_rate_with_a_term_is_an_input() -> None:
    found = fees_json("--principal", "10000", "--daily-rate", "0.05", "--term-days", "30")
    assert found["rates"]["simple"] == "18.25"  # type: ignore[index]


def test_a_csv_schedule_with_a_header_is_an_input(tmp_path: Path) -> None:
    rows = ["日期,金额", "2025-12-10,5000"] + [f"2026-{m:02d}-10,108.80" for m in range(1, 13)]
    rows[1] = "# received 2025-12-10"
    (tmp_path / "plan.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    found = fees_json(
        "--principal", "1200", "--schedule", str(tmp_path / "plan.csv"), "--start", "2025-12-10"
    )
    assert found["total_to_repay"] == "1305.60"
    assert found["periods_per_year"] == 12


def test_a_yaml_schedule_may_name_its_start(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(
        "start: 2026-01-01\npayments:\n  - {date: 2026-01-31, amount: 1015}\n", encoding="utf-8"
    )
    found = fees_json("--principal", "1000", "--schedule", str(tmp_path / "plan.yaml"))
    assert found["inputs"]["start"] == "2026-01-01"  # type: ignore[index]
    assert found["rates"]["simple"] == "18.25"  # type: ignore[index]


def test_text_output_shows_the_figures_the_formulas_and_the_lines() -> None:
    done = run_cli("fees", *VECTOR, "--lang", "en")
    assert done.returncode == 0
    said = " ".join(done.stdout.split())
    for shown in ("¥1,305.60", "16.25 %", "15.86 %", "17.07 %", "(1 + r)^12 − 1", "365 days"):
        assert shown in said
    assert "figure of 2025-05-20" in done.stdout and "R31" in done.stdout
    assert "illegal" not in done.stdout.lower()


def test_above_the_24_percent_line_a_court_may_reduce_the_excess_and_agents_are_warned_of() -> None:
    done = run_cli("fees", *VECTOR, "--days-overdue", "10", "--overdue-rate", "0.1", "--lang", "en")
    assert "a court may reportedly reduce the excess if you ask (R32)" in " ".join(
        done.stdout.split()
    )
    assert "(R60)" in done.stdout and "need not pay" not in done.stdout


def test_below_every_line_there_is_no_agent_warning() -> None:
    done = run_cli("fees", "--principal", "1200", "--periods", "12", "--payment", "100")
    assert done.returncode == 0 and "R60" not in done.stdout


def test_traditional_chinese_is_converted() -> None:
    done = run_cli("fees", *VECTOR, "--lang", "zh-TW")
    assert "這筆借款一年的真實成本" in done.stdout


@pytest.mark.parametrize("lang", ["zh-CN", "zh-TW", "en"])
def test_the_plain_view_says_no_irr_and_no_sigma_but_in_the_line_on_how_it_is_computed(
    lang: str,
) -> None:
    args = ("--days-overdue", "30", "--overdue-rate", "0.05", "--lang", lang)
    done = run_cli("fees", *VECTOR, *args)
    assert done.returncode == 0, done.stderr
    paragraphs = done.stdout.split("\n\n")
    technical = [p for p in paragraphs if "IRR" in p or "Σ" in p]
    assert len(technical) == 1, technical
    assert technical[0].splitlines()[-3].strip() != ""  # the rates table, then the line
    how = {"zh-CN": "怎么算的：", "zh-TW": "怎麼算的：", "en": "How this is computed:"}[lang]
    assert how in technical[0] and technical[0].index(how) > technical[0].index("17.07 %")


@pytest.mark.parametrize(
    ("lang", "reported"), [("zh-CN", "（据报道）"), ("zh-TW", "（據報道）"), ("en", " (reported)")]
)
def test_the_24_percent_line_and_its_source_are_said_to_be_reported(
    lang: str, reported: str
) -> None:
    done = run_cli("fees", *VECTOR, "--lang", lang)
    said = done.stdout.split({"en": "Sources", "zh-CN": "来源", "zh-TW": "來源"}[lang])
    assert {"en": "reportedly", "zh-CN": "据报道", "zh-TW": "據報道"}[lang] in said[0]
    r32 = next(line for line in said[1].splitlines() if line.strip().startswith("R32"))
    source = r32 + said[1].split(r32)[1].split(" R3")[0]
    assert reported in " ".join(source.split()), source


def test_the_zh_tw_fee_check_is_in_taiwan_words_and_traditional_script() -> None:
    args = ("--days-overdue", "30", "--overdue-rate", "0.05", "--lang", "zh-TW")
    done = run_cli("fees", *VECTOR, *args)
    assert "折合年利率" in done.stdout and "三種方法算出的年利率" in done.stdout
    assert "網路平台" in "".join(done.stdout.split())
    for wrong in ("摺合", "演算法", "網際網路", "最高人民法院《关于", "规定"):
        assert wrong not in done.stdout, wrong


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--principal", "0", "--periods", "12", "--fee-rate", "8.8"), "到手金额要大于 0"),
        (("--principal", "-1", "--periods", "12", "--fee-rate", "8.8"), "到手金额要大于 0"),
        (("--principal", "1200", "--periods", "0", "--fee-rate", "8.8"), "期数要大于 0"),
        (("--principal", "1200", "--periods", "1.5", "--fee-rate", "8.8"), "整数"),
        (("--principal", "NaN", "--periods", "12", "--fee-rate", "8.8"), "要写成数字"),
        (("--principal", "1200", "--periods", "12", "--fee-rate", "inf"), "要写成数字"),
        (("--principal", "1200", "--periods", "12", "--fee-rate", "1500"), "1,000 %"),
        (("--principal", "1200", "--periods", "12", "--payment", "90"), "还不清本金"),
        (("--principal", "1200", "--periods", "12"), "请给出一种还法"),
        (("--principal", "1200", "--daily-rate", "0.05"), "请给出一种还法"),
        (("--periods", "12", "--fee-rate", "8"), "--principal"),
        ((*VECTOR, "--overdue-rate", "0.05"), "--days-overdue"),
        ((*VECTOR, "--days-overdue", "3"), "二选一"),
    ],
)
def test_figures_no_loan_has_exit_2_with_one_line(args: tuple[str, ...], says: str) -> None:
    done = run_cli("fees", *args)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("overdue-guide: ")
    assert says in done.stderr


def test_problems_are_said_in_the_chosen_language() -> None:
    done = run_cli("fees", "--principal", "0", "--periods", "12", "--fee-rate", "8", "--lang", "en")
    assert done.stderr == "overdue-guide: the amount received must be more than 0 (got 0)\n"


def test_schedule_dates_out_of_order_exit_2_naming_the_repayment(tmp_path: Path) -> None:
    (tmp_path / "plan.csv").write_text("2026-02-10,600\n2026-01-10,600\n", encoding="utf-8")
    done = run_cli("fees", "--principal", "1000", "--schedule", str(tmp_path / "plan.csv"))
    assert done.returncode == 2 and "从早到晚" in done.stderr


def test_a_schedule_in_gbk_exits_2_asking_for_utf8(tmp_path: Path) -> None:
    (tmp_path / "plan.csv").write_bytes("日期,金额\n2026-01-10,600\n".encode("gbk"))
    done = run_cli("fees", "--principal", "1000", "--schedule", str(tmp_path / "plan.csv"))
    assert done.returncode == 2 and "UTF-8" in done.stderr and done.stderr.count("\n") == 1


def test_a_schedule_row_without_an_amount_exits_2_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "plan.csv").write_text("2026-01-10,600\n2026-02-10\n", encoding="utf-8")
    done = run_cli("fees", "--principal", "1000", "--schedule", str(tmp_path / "plan.csv"))
    assert done.returncode == 2 and "plan.csv:2:" in done.stderr


def test_a_missing_schedule_exits_2(tmp_path: Path) -> None:
    done = run_cli("fees", "--principal", "1000", "--schedule", str(tmp_path / "none.csv"))
    assert done.returncode == 2 and "none.csv" in done.stderr


def test_without_figures_or_a_terminal_it_exits_2() -> None:
    done = run_cli("fees")
    assert done.returncode == 2 and "--help" in done.stderr


def test_help_lists_the_options() -> None:
    done = run_cli("fees", "--help")
    assert done.returncode == 0
    for flag in ("--principal", "--fee-rate", "--schedule", "--overdue-charge", "--format"):
        assert flag in done.stdout


def test_an_unknown_option_exits_2() -> None:
    assert run_cli("fees", "--principle", "1200").returncode == 2


def test_after_a_global_option_fees_still_gets_its_own_options() -> None:
    done = run_cli("--plain", "fees", *VECTOR, "--format", "json")
    assert done.returncode == 0 and json.loads(done.stdout)["rates"]["simple"] == "16.25"


def test_a_schedule_that_is_a_pipe_is_refused_without_waiting(tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / "plan.csv")
    done = run_cli("fees", "--principal", "1000", "--schedule", str(tmp_path / "plan.csv"))
    assert done.returncode == 2 and "pipe" in done.stderr and done.stderr.count("\n") == 1


def test_the_english_fee_check_names_each_source_in_english_before_its_chinese_title() -> None:
    done = run_cli("fees", *VECTOR, "--lang", "en")
    sources = "".join(done.stdout.split("Sources")[1].split())  # however the lines wrap
    named = "R53 12348, the public legal services line; Legal Aid Law: 12348 公共法律服务热线"
    assert "".join(named.split()) in sources
