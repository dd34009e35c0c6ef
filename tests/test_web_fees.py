"""The page's fee check gives the figures of `overdue-guide fees --format json`: on the
documented vectors (README, tests/test_fees.py), on 150 random loans, and refuses the
same figures for the same reasons, in one batch in headless Chromium."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from overdue_guide.base.i18n import LANGS
from overdue_guide.errors import FeeInputError
from overdue_guide.fees import compute
from overdue_guide.fees.inputs import Figures, from_figures
from overdue_guide.fees.lines import load_lines
from overdue_guide.fees.render import as_json

from .webpage import phone

RUN = """cases => cases.map(c => {
  try { return Fees.check(Page.data(), c.figures, c.lang); }
  catch (problem) { if (problem instanceof Fees.Problem) return {problem: problem.key}; throw problem; }
})"""

MONTHLY = "\n".join(f"2025-{m:02d}-10,108.80" for m in range(2, 13)) + "\n2026-01-10,108.80"

#: The vectors of the README and of tests/test_fees.py: (the page's figures).
DOCUMENTED: list[dict[str, str]] = [
    {"plan": "instalments", "principal": "1200", "periods": "12", "fee_rate": "8.8"},
    {"plan": "daily_rate", "principal": "10000", "daily_rate": "0.04", "term_days": "360"},
    {
        "plan": "schedule",
        "principal": "1200",
        "schedule": "date,amount\n" + MONTHLY,
        "overdue": "rate",
        "days_overdue": "30",
        "overdue_rate": "0.05",
    },
    {"plan": "instalments", "principal": "5000", "periods": "3", "fee_rate": "2.5"},
    {"plan": "payments", "principal": "1200", "periods": "12", "payment": "108.80"},
    {"plan": "daily_rate", "principal": "10000", "daily_rate": "0.05", "term_days": "30"},
    {"plan": "payments", "principal": "1200", "periods": "12", "payment": "100"},
    {
        "plan": "instalments",
        "principal": "1,200元",
        "periods": "12",
        "fee_rate": "8.8%",
        "overdue": "charge",
        "days_overdue": "30",
        "overdue_charge": "18",
        "overdue_amount": "¥1200",
    },
    {"plan": "schedule", "principal": "1000", "schedule": "2026-03-01,1100", "start": "2026-01-01"},
    {"plan": "instalments", "principal": "１２００", "periods": "１２", "fee_rate": "８．８％"},
]

#: Figures refused, each for its reason (the problem's key).
REFUSED: list[tuple[dict[str, str], str]] = [
    (
        {"plan": "instalments", "principal": "abc", "periods": "12", "fee_rate": "8.8"},
        "not_a_number",
    ),
    (
        {"plan": "instalments", "principal": "NaN", "periods": "12", "fee_rate": "8.8"},
        "not_a_number",
    ),
    (  # digits of another script, and an underscore: base.numerals refuses both
        {"plan": "instalments", "principal": "١٢٠٠", "periods": "12", "fee_rate": "8.8"},
        "not_a_number",
    ),
    (
        {"plan": "instalments", "principal": "1_200", "periods": "12", "fee_rate": "8.8"},
        "not_a_number",
    ),
    ({"plan": "instalments", "principal": "0", "periods": "12", "fee_rate": "8.8"}, "not_positive"),
    ({"plan": "instalments", "principal": "1200", "periods": "1.5", "fee_rate": "8"}, "not_whole"),
    ({"plan": "payments", "principal": "1200", "periods": "12", "payment": "50"}, "never_repaid"),
    (
        {"plan": "daily_rate", "principal": "100", "daily_rate": "5", "term_days": "30"},
        "rate_too_high",
    ),
    ({"plan": "instalments", "principal": "1e13", "periods": "12", "fee_rate": "8"}, "too_large"),
    ({"plan": "schedule", "principal": "100", "schedule": "2026-01-10,50"}, "schedule_needs_start"),
    (
        {"plan": "schedule", "principal": "100", "schedule": "2026-02-10,60\n2026-01-10,60"},
        "dates_out_of_order",
    ),
    (
        {"plan": "schedule", "principal": "100", "schedule": "2026-02-30,60\n2026-03-10,60"},
        "bad_date",
    ),
    ({"plan": "schedule", "principal": "100", "schedule": ""}, "schedule_empty"),
]


def python_side(figures: dict[str, str], folder: Path, lang: str) -> dict[str, Any]:
    """`overdue-guide fees … --format json` for the page's figures (a schedule in a file)."""
    given = {k: v for k, v in figures.items() if k not in ("plan", "overdue", "schedule")}
    schedule = None
    if figures["plan"] == "schedule":
        schedule = folder / f"plan{abs(hash(figures['schedule']))}.csv"
        schedule.write_text(figures["schedule"], encoding="utf-8")
    try:
        inputs = from_figures(Figures(schedule=schedule, **given))
        found: dict[str, Any] = as_json(compute(inputs, load_lines()), lang)
        return found
    except FeeInputError as error:
        return {"problem": error.key}


def random_figures(count: int, seed: int) -> list[dict[str, str]]:
    """Loans of every plan, with and without an overdue charge, written as people write them."""
    chooser = random.Random(seed)
    found = []
    for _ in range(count):
        principal = f"{chooser.randint(100, 200_000)}.{chooser.randint(0, 99):02d}"
        plan = chooser.choice(["instalments", "payments", "daily_rate", "schedule"])
        figures = {"plan": plan, "principal": principal}
        periods = chooser.choice([3, 6, 9, 12, 18, 24, 36])
        if plan == "instalments":
            figures |= {"periods": str(periods), "fee_rate": f"{chooser.uniform(0, 20):.2f}"}
        elif plan == "payments":
            each = float(principal) * chooser.uniform(1.0, 1.3) / periods
            figures |= {"periods": str(periods), "payment": f"{each:.2f}"}
        elif plan == "daily_rate":
            figures |= {
                "daily_rate": f"{chooser.uniform(0.01, 0.1):.4f}",
                "term_days": str(chooser.randint(7, 720)),
            }
        else:
            each = float(principal) * chooser.uniform(1.0, 1.2) / periods
            rows = [
                f"{2026 + (m // 12)}-{m % 12 + 1:02d}-{chooser.randint(1, 28):02d},{each:.2f}"
                for m in range(periods)
            ]
            figures |= {"schedule": "\n".join(rows), "start": "2025-12-01"}
        if chooser.random() < 0.5:
            figures |= {
                "overdue": "rate",
                "days_overdue": str(chooser.randint(1, 200)),
                "overdue_rate": f"{chooser.uniform(0.01, 0.1):.3f}",
            }
        elif chooser.random() < 0.5:
            figures |= {
                "overdue": "charge",
                "days_overdue": str(chooser.randint(1, 200)),
                "overdue_charge": f"{chooser.uniform(1, 500):.2f}",
            }
        found.append(figures)
    return found


def run_page(browser: Any, web_page: Path, cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    with phone(browser, web_page) as opened:
        found: list[dict[str, Any]] = opened.page.evaluate(RUN, cases)
    return found


def check(browser: Any, web_page: Path, tmp_path: Path, figures: list[dict[str, str]]) -> None:
    pairs = [(f, lang) for f in figures for lang in LANGS]
    cases: list[dict[str, Any]] = [{"figures": f, "lang": lang} for f, lang in pairs]
    expected = [python_side(f, tmp_path, lang) for f, lang in pairs]
    found = run_page(browser, web_page, cases)
    differing = [(c, e, f) for c, e, f in zip(cases, expected, found, strict=True) if e != f]
    assert not differing, f"{len(differing)} differ; first: {differing[0]}"


def test_the_documented_vectors_give_the_cli_s_figures(
    browser: Any, web_page: Path, tmp_path: Path
) -> None:
    check(browser, web_page, tmp_path, DOCUMENTED)


def test_the_twelve_period_vector_reads_as_the_readme_says(browser: Any, web_page: Path) -> None:
    found = run_page(browser, web_page, [{"figures": DOCUMENTED[0], "lang": "zh-CN"}])[0]
    assert (found["cost_of_credit"], found["total_to_repay"]) == ("105.60", "1305.60")
    assert found["rates"] == {"simple": "16.25", "nominal_irr": "15.86", "effective": "17.07"}


def test_random_loans_give_the_cli_s_figures(browser: Any, web_page: Path, tmp_path: Path) -> None:
    check(browser, web_page, tmp_path, random_figures(150, seed=5))


def test_figures_the_cli_refuses_are_refused_for_the_same_reason(
    browser: Any, web_page: Path, tmp_path: Path
) -> None:
    figures = [f for f, _ in REFUSED]
    found = run_page(browser, web_page, [{"figures": f, "lang": "en"} for f in figures])
    assert [f.get("problem") for f in found] == [reason for _, reason in REFUSED]
    check(browser, web_page, tmp_path, figures)


def test_the_page_lists_the_fee_check_s_sources_as_the_terminal_does(catalog: Any) -> None:
    from overdue_guide.web.feedata import fees_json

    cites = fees_json(catalog)["cites"]
    assert (
        cites["en"]["R53"]
        == "12348, the public legal services line; Legal Aid Law: 12348 公共法律服务热线；《法律援助法》"
    )
    assert cites["zh-CN"]["R32"].endswith("（法发〔2017〕22号）第2条（据报道）")
    assert cites["zh-TW"]["R32"].endswith("（法發〔2017〕22號）第2條（據報道）")
    assert cites["en"]["R32"].endswith("第2条 (reported)")
