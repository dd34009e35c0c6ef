"""What the fee check says, in zh-CN and en: `i18n.Table`s, zh-TW converted from zh-CN.

Wording rules (references in flows/sources.yaml): never call a charge illegal, never
say a sum need not be paid; above the 24 % line a court *may reduce the excess if the
person asks* (R32); the figures are the person's own and unchecked.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..base.i18n import Table
from ..errors import FeeInputError

FIELDS = Table(
    {
        "principal": {"zh-CN": "到手金额", "en": "the amount received"},
        "periods": {"zh-CN": "期数", "en": "the number of periods"},
        "fee_rate": {"zh-CN": "总手续费率", "en": "the total fee rate"},
        "payment": {"zh-CN": "每期还款", "en": "the payment per period"},
        "daily_rate": {"zh-CN": "日利率", "en": "the daily rate"},
        "term_days": {"zh-CN": "借款天数", "en": "the term in days"},
        "days_overdue": {"zh-CN": "逾期天数", "en": "the days overdue"},
        "overdue_rate": {"zh-CN": "逾期日费率", "en": "the overdue daily rate"},
        "overdue_charge": {"zh-CN": "逾期费用", "en": "the overdue charge"},
        "overdue_amount": {"zh-CN": "逾期金额", "en": "the amount overdue"},
        "schedule_amount": {"zh-CN": "第 {number} 笔还款", "en": "repayment {number}"},
        "row_date": {"zh-CN": "{path} 第 {line} 行的日期", "en": "the date on {path}:{line}"},
        "row_amount": {"zh-CN": "{path} 第 {line} 行的金额", "en": "the amount on {path}:{line}"},
        "start": {"zh-CN": "放款日期", "en": "the date the money was received"},
    }
)

WORDS = Table(
    {
        # --- problems (FeeInputError) ---
        "not_a_number": {
            "zh-CN": "{field}要写成数字，比如 1200 或 8.8（现在是“{value}”）",
            "en": "{field} must be a number such as 1200 or 8.8 (got '{value}')",
        },
        "not_positive": {
            "zh-CN": "{field}要大于 0（现在是 {value}）",
            "en": "{field} must be more than 0 (got {value})",
        },
        "not_whole": {
            "zh-CN": "{field}要写成整数（现在是“{value}”）",
            "en": "{field} must be a whole number (got '{value}')",
        },
        "too_large": {
            "zh-CN": "{field}太大了（现在是“{value}”，最多 {limit}），多半是输错了：请对照账单核对",
            "en": "{field} is too large (got '{value}', at most {limit}): probably mistyped; check it against the bill",
        },
        "rate_too_high": {
            "zh-CN": "算出来年利率超过 1,000 %（约 {rate} %），多半是哪个数字输错了：请对照账单核对",
            "en": "that is above 1,000 % a year (about {rate} %): a figure is probably mistyped; check it against the bill",
        },
        "never_repaid": {
            "zh-CN": "还款合计 ¥{total}，比到手的 ¥{principal} 还少，还不清本金：请核对",
            "en": "the repayments add up to ¥{total}, less than the ¥{principal} received, so they never repay it: check the figures",
        },
        "plan_one_of": {
            "zh-CN": "请给出一种还法：--periods 加 --fee-rate，--periods 加 --payment，--schedule 文件，或 --daily-rate 加 --term-days",
            "en": "give one of: --periods with --fee-rate, --periods with --payment, --schedule FILE, or --daily-rate with --term-days",
        },
        "need_principal": {
            "zh-CN": "请用 --principal 给出到手金额（实际拿到的钱）",
            "en": "give --principal, the amount actually received",
        },
        "overdue_one_of": {
            "zh-CN": "逾期费用请二选一：--overdue-rate（每天百分之几）或 --overdue-charge（已收多少元）",
            "en": "give the overdue charge one way: --overdue-rate (percent a day) or --overdue-charge (yuan charged)",
        },
        "overdue_needs_days": {
            "zh-CN": "逾期费用还要配上 --days-overdue（逾期天数）",
            "en": "an overdue charge needs --days-overdue too",
        },
        "start_without_schedule": {
            "zh-CN": "--start 只和 --schedule 一起用",
            "en": "--start goes with --schedule only",
        },
        "schedule_empty": {"zh-CN": "还款计划里没有还款", "en": "the schedule has no repayments"},
        "dates_out_of_order": {
            "zh-CN": "第 {number} 笔还款的日期 {day} 不在 {previous} 之后：日期要从早到晚排",
            "en": "repayment {number} is dated {day}, not after {previous}: dates must be in order",
        },
        "bad_date": {
            "zh-CN": "{field}要写成 2026-01-31 这样的日期（现在是“{value}”）",
            "en": "{field} must be a date like 2026-01-31 (got '{value}')",
        },
        "schedule_unreadable": {
            "zh-CN": "读不了还款计划 {path}：{reason}",
            "en": "cannot read the schedule {path}: {reason}",
        },
        "schedule_missing": {"zh-CN": "找不到文件 {path}", "en": "no file at {path}"},
        "schedule_is_folder": {
            "zh-CN": "{path} 是一个文件夹，不是还款计划文件",
            "en": "{path} is a folder, not a schedule file",
        },
        "schedule_is_pipe": {
            "zh-CN": "{path} 是一个管道（FIFO），不是普通文件：请给出保存好的还款计划文件",
            "en": "{path} is a pipe (FIFO), not a file: give a saved schedule file",
        },
        "schedule_is_device": {
            "zh-CN": "{path} 是一个设备，不是普通文件：请给出保存好的还款计划文件",
            "en": "{path} is a device, not a file: give a saved schedule file",
        },
        "schedule_is_special": {
            "zh-CN": "{path} 不是普通文件：请给出保存好的还款计划文件",
            "en": "{path} is not a regular file: give a saved schedule file",
        },
        "schedule_too_large": {
            "zh-CN": "还款计划 {path} 太大了，不像一笔借款的还款计划",
            "en": "the schedule {path} is too large to be one loan's repayments",
        },
        "schedule_no_permission": {
            "zh-CN": "没有权限读还款计划 {path}",
            "en": "no permission to read the schedule {path}",
        },
        "schedule_not_utf8": {
            "zh-CN": "还款计划 {path} 第 {line} 行不是 UTF-8 编码：请另存为 UTF-8",
            "en": "the schedule {path} is not UTF-8 (line {line}): save it as UTF-8",
        },
        "schedule_bad_row": {
            "zh-CN": "{path}:{line}: 每行要有日期和金额，比如 2026-01-10,108.80",
            "en": "{path}:{line}: each row needs a date and an amount, like 2026-01-10,108.80",
        },
        "schedule_key_twice": {
            "zh-CN": "{path}:{line}: 同一项写了两次，不知道该用哪个：请只写一次",
            "en": "{path}:{line}: a key is given twice, so which one counts is unclear: give it once",
        },
        "schedule_bad_value": {"zh-CN": "{path}:{line}: {reason}", "en": "{path}:{line}: {reason}"},
        "schedule_too_long": {
            "zh-CN": "还款计划 {path} 超过 {limit} 笔还款：请只留下这笔借款的还款",
            "en": "the schedule {path} has more than {limit} repayments: keep only this loan's repayments",
        },
        "schedule_start_before_year_1": {
            "zh-CN": "按前两笔还款往前推一期，放款日期会早于公元 1 年：请用 --start 给出放款日期",
            "en": "counting one interval back from the first two repayments gives a day before "
            "the year 1: give the date the money was received with --start",
        },
        "schedule_needs_start": {
            "zh-CN": "只有一笔还款时，请用 --start 给出放款日期",
            "en": "with a single repayment, give the date the money was received with --start",
        },
        "no_terminal": {
            "zh-CN": "没有终端可以提问：请用参数给出数字（overdue-guide fees --help）",
            "en": "no terminal to ask in: give the figures as options (see overdue-guide fees --help)",
        },
        # --- the result on screen ---
        "title": {"zh-CN": "这笔借款一年的真实成本", "en": "What this loan really costs a year"},
        "own_figures": {
            "zh-CN": "这些是你自己输入的数字，程序没有核实；以账单和合同为准。一年按 365 天算。",
            "en": "These are your own figures; the program has not checked them: your bill and contract decide. A year is 365 days.",
        },
        "box": {"zh-CN": "一眼看清", "en": "At a glance"},
        "received": {"zh-CN": "到手金额", "en": "Amount received"},
        "cost": {"zh-CN": "借款总成本", "en": "Total cost of credit"},
        "total": {"zh-CN": "一共要还", "en": "Total to repay"},
        "annual": {"zh-CN": "年化利率", "en": "Annual rate"},
        "plan_instalments": {
            "zh-CN": "{periods} 期，每期约 ¥{payment}",
            "en": "{periods} periods of about ¥{payment}",
        },
        "plan_schedule": {
            "zh-CN": "{count} 笔，最后一笔在 {last}",
            "en": "{count} repayments, the last on {last}",
        },
        "plan_daily": {
            "zh-CN": "借 {days} 天，到期一次还清",
            "en": "repaid at once after {days} days",
        },
        "rates": {"zh-CN": "三种方法算出的年利率", "en": "The yearly rate, three ways"},
        "simple": {"zh-CN": "单利", "en": "Simple"},
        "nominal_irr": {"zh-CN": "名义年化", "en": "Nominal"},
        "effective": {"zh-CN": "复利年化", "en": "Effective"},
        "simple_formula": {
            "zh-CN": "总成本，按实际用了多少钱、用了多久，折合成一年",
            "en": "the cost, spread over the money actually in use and how long it was held",
        },
        "nominal_formula": {
            "zh-CN": "每期约 {r} %，乘一年 {k} 期",
            "en": "about {r} % a period, times {k} periods a year",
        },
        "effective_formula": {
            "zh-CN": "每期的利息再生利息，滚满一年",
            "en": "the rate a period, compounded over a year",
        },
        "how_computed": {
            "zh-CN": "怎么算的：单利 = 总成本 ÷ Σ(每笔还的本金 × 用了几年)，本金按每笔还款额的比例算；名义年化 = 每期内部收益率（IRR）r × 一年 {k} 期；复利年化 = (1 + r)^{k} − 1。",
            "en": "How this is computed: simple = cost ÷ Σ(principal repaid in a payment × years it was held), principal in proportion to each payment; nominal = the internal rate of return (IRR) a period, r, × {k} periods a year; effective = (1 + r)^{k} − 1.",
        },
        "overdue": {"zh-CN": "逾期费用", "en": "Overdue charges"},
        "overdue_line": {
            "zh-CN": "逾期 {days} 天：逾期金额 ¥{on}，每天 {daily} %，共 ¥{charge}",
            "en": "{days} days overdue: ¥{charge} on ¥{on} ({daily} % a day)",
        },
        "overdue_rate": {"zh-CN": "折合年利率", "en": "As a yearly rate"},
        "overdue_formula": {"zh-CN": "每天费率 × 365", "en": "daily rate × 365"},
        "lines": {"zh-CN": "和这些线比一比", "en": "Against the lines that matter"},
        "line_date": {"zh-CN": "数字日期 {date}", "en": "figure of {date}"},
        "line_checked": {"zh-CN": "核对到 {date}", "en": "checked to {date}"},
        "lpr_of": {"zh-CN": "LPR {lpr} % 的 {times} 倍", "en": "{times} × LPR of {lpr} %"},
        "mark_above": {"zh-CN": "超过", "en": "above"},
        "mark_below": {"zh-CN": "未超过", "en": "not above"},
        "by_measures": {"zh-CN": "按{measures}算。", "en": "By {measures}."},
        "measure_simple": {"zh-CN": "单利", "en": "the simple rate"},
        "measure_nominal_irr": {"zh-CN": "名义年化", "en": "the nominal rate"},
        "measure_overdue": {"zh-CN": "逾期费用", "en": "the overdue charge"},
        "line_rate": {"zh-CN": "年 {rate} %", "en": "{rate} % a year"},
        "agents": {
            "zh-CN": "别付钱给承诺“停息挂账”“债务优化”的中介：自己通过支付宝 App 或 95188 免费协商（R60）。",
            "en": 'Do not pay "interest freeze" or "debt optimisation" agents: negotiate yourself, free, in the Alipay app or on 95188 (R60).',
        },
        "free_advice": {
            "zh-CN": "想核对这些费用，可以打 12348 免费法律咨询（R53）。",
            "en": "To have these charges checked, call 12348 for free legal advice (R53).",
        },
        "sources": {"zh-CN": "来源", "en": "Sources"},
        "footer": {
            "zh-CN": "以上是一般信息，不是法律意见。",
            "en": "This is general information, not legal advice.",
        },
        # --- the form ---
        "ask_principal": {"zh-CN": "到手金额（元）", "en": "Amount received (yuan)"},
        "help_principal": {
            "zh-CN": "实际打到你手里的钱。花呗分期：账单 → 分期详情里的“分期本金”；借呗：借款记录里的“借款金额”。例如 1200",
            "en": "The money you actually got. Huabei instalments: bill → instalment details, 'principal'; Jiebei: loan record, 'amount borrowed'. E.g. 1200",
        },
        "ask_kind": {"zh-CN": "账单上写的是哪种？", "en": "What does your bill show?"},
        "kind_instalments": {
            "zh-CN": "期数和总手续费率（花呗分期，如 12 期 8.8%）",
            "en": "Periods and a total fee rate (Huabei instalments, e.g. 12 periods, 8.8 %)",
        },
        "kind_payments": {
            "zh-CN": "期数和每期还多少",
            "en": "Periods and the payment per period",
        },
        "kind_daily": {
            "zh-CN": "日利率和借多少天（借呗）",
            "en": "A daily rate and a term in days (Jiebei)",
        },
        "kind_schedule": {
            "zh-CN": "还款计划文件（CSV 或 YAML：日期,金额）",
            "en": "A schedule file (CSV or YAML: date, amount)",
        },
        "ask_periods": {"zh-CN": "分几期", "en": "Number of periods"},
        "help_periods": {
            "zh-CN": "账单 → 分期详情里的“分期期数”。例如 12",
            "en": "Bill → instalment details, 'number of periods'. E.g. 12",
        },
        "ask_fee_rate": {"zh-CN": "总手续费率（%）", "en": "Total fee rate (%)"},
        "help_fee_rate": {
            "zh-CN": "分期时 App 显示的“总手续费率”或“费率”，整笔分期合计，不是每年。例如 8.8",
            "en": "The 'total fee rate' the app showed for the whole plan, not per year. E.g. 8.8",
        },
        "ask_payment": {"zh-CN": "每期还多少（元）", "en": "Payment per period (yuan)"},
        "help_payment": {
            "zh-CN": "分期详情里每期“应还金额”（本金加手续费）。例如 108.80",
            "en": "Each period's 'amount due' in the instalment details (principal plus fee). E.g. 108.80",
        },
        "ask_daily_rate": {"zh-CN": "日利率（% 每天）", "en": "Daily rate (% a day)"},
        "help_daily_rate": {
            "zh-CN": "借呗借款页或合同里的“日利率”。例如 0.04",
            "en": "The 'daily rate' on the Jiebei loan page or contract. E.g. 0.04",
        },
        "ask_term_days": {"zh-CN": "借多少天", "en": "Term (days)"},
        "help_term_days": {
            "zh-CN": "从放款到还清的天数。借 12 个月约 365 天",
            "en": "Days from receiving the money to repaying it all. 12 months is about 365",
        },
        "ask_schedule": {"zh-CN": "还款计划文件的路径", "en": "Path of the schedule file"},
        "help_schedule": {
            "zh-CN": "每行一笔：日期,金额（如 2026-01-10,108.80），从早到晚，UTF-8 编码。日期和金额照账单的还款计划抄",
            "en": "One repayment a row: date,amount (e.g. 2026-01-10,108.80), in date order, UTF-8. Copy them from the bill's repayment plan",
        },
        "ask_start": {
            "zh-CN": "放款日期（可不填）",
            "en": "Date the money was received (optional)",
        },
        "help_start": {
            "zh-CN": "借款记录里的“放款日期”，如 2025-12-10。不填就按第一笔还款往前推一期",
            "en": "The loan record's 'date received', e.g. 2025-12-10. Left empty: one period before the first repayment",
        },
        "ask_overdue": {"zh-CN": "已经逾期了吗？", "en": "Is it overdue?"},
        "overdue_no": {"zh-CN": "没有逾期", "en": "No"},
        "overdue_by_rate": {
            "zh-CN": "逾期了，我知道每天的逾期费率",
            "en": "Yes, and I know the overdue rate a day",
        },
        "overdue_by_charge": {
            "zh-CN": "逾期了，我知道已收多少逾期费",
            "en": "Yes, and I know the overdue charge so far",
        },
        "ask_days_overdue": {"zh-CN": "逾期几天", "en": "Days overdue"},
        "help_days_overdue": {
            "zh-CN": "账单上的“已逾期 X 天”。例如 30",
            "en": "The bill's 'overdue X days'. E.g. 30",
        },
        "ask_overdue_rate": {"zh-CN": "逾期费率（% 每天）", "en": "Overdue rate (% a day)"},
        "help_overdue_rate": {
            "zh-CN": "合同或账单说明里的逾期费率或罚息，按天算。例如 0.05",
            "en": "The overdue or penalty rate a day in the contract or bill notes. E.g. 0.05",
        },
        "ask_overdue_charge": {"zh-CN": "已收逾期费（元）", "en": "Overdue charge so far (yuan)"},
        "help_overdue_charge": {
            "zh-CN": "账单上的“逾期费”“罚息”合计。例如 18",
            "en": "The bill's 'overdue fee' or 'penalty interest' so far. E.g. 18",
        },
        "ask_overdue_amount": {
            "zh-CN": "逾期金额（元，可不填）",
            "en": "Amount overdue (yuan, optional)",
        },
        "help_overdue_amount": {
            "zh-CN": "账单上的“逾期金额”。不填就按到手金额算",
            "en": "The bill's 'overdue amount'. Left empty: the amount received",
        },
        "text_hint": {
            "zh-CN": "（回车确认；? 看在账单哪里；< 上一步）",
            "en": "(Enter to confirm; ? where to find it; < back)",
        },
        "first_hint": {
            "zh-CN": "（回车确认；? 看在账单哪里）",
            "en": "(Enter to confirm; ? where to find it)",
        },
        "optional_hint": {
            "zh-CN": "（可直接回车跳过；? 看在账单哪里；< 上一步）",
            "en": "(Enter to skip; ? where to find it; < back)",
        },
        "intro": {
            "zh-CN": "照着账单输入几个数字，算出这笔借款一年要花多少。随时按 Ctrl-C 退出。",
            "en": "Type a few figures from your bill to see what the loan costs a year. Ctrl-C quits at any time.",
        },
    }
)


def say(key: str, lang: str, **values: object) -> str:
    """The fee check's text `key` in `lang`, with `values` filled in."""
    if "field" in values:
        values["field"] = field_name(str(values["field"]), lang, values)
    return WORDS.say(key, lang, **values)


def field_name(field: str, lang: str, values: dict[str, object] | None = None) -> str:
    """A figure's name in `lang` ("the number of periods"), filled from `values`."""
    return FIELDS.say(field, lang, **(values or {})) if field in FIELDS else field


def problem(key: str, **values: object) -> FeeInputError:
    """A `FeeInputError` for the problem `key`, in English until `localized`."""
    return FeeInputError(say(key, "en", **values), key, values)


def localized(error: FeeInputError, lang: str) -> FeeInputError:
    """The same problem, said in `lang`."""
    if not error.key:
        return error
    return FeeInputError(say(error.key, lang, **error.values), error.key, error.values)


def all_words() -> dict[str, Mapping[str, str]]:
    """Every text, for the test that none lacks a language."""
    return {**WORDS.entries, **{f"field.{k}": v for k, v in FIELDS.entries.items()}}
