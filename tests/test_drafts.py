"""Scripts and letters: checked as data, filled on every path in every language, never
guessing a detail, never promising more than is left."""

from __future__ import annotations

import json
import re
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from overdue_guide.base import i18n, places, words
from overdue_guide.drafts import afford, fields
from overdue_guide.drafts.checker import check_file
from overdue_guide.drafts.loader import parse_drafts
from overdue_guide.drafts.model import BLANK, COMPUTED_FACTS, NOTHING_LEFT, Draft, DraftSet
from overdue_guide.drafts.paths import codes_named, situations
from overdue_guide.drafts.render import (
    details_asked,
    facts,
    field_value,
    fields_of,
    offered,
    render,
)
from overdue_guide.flow.conditions import evaluate, leaves
from overdue_guide.flow.model import Answer, Flow
from overdue_guide.interview import engine

from .helpers import random_path, run_cli, write

DRAFTS_FILE = places.shipped_dir() / "drafts.yaml"
GOLDEN = Path(__file__).parent / "golden"

#: A value for every detail, for the renders where all of them are given.
SAMPLE = {
    "name": "张三", "phone": "13800000000", "address": "某市某区某路 1 号", "lender": "某消费金融有限公司",
    "product": "花呗", "amount": "5230.50", "collector_amount": "6800", "overdue_since": "2026-08-15",
    "cause": "公司裁员", "cause_date": "2026-07-31", "monthly_income": "4000",
    "essential_spending": "3000", "plan_amount": "800", "plan_periods": "12",
    "plan_start": "2026-12-01", "agency": "某催收公司", "collector": "李四", "collector_id": "A1024",
    "people_count": "2", "incident_date": "2026-11-20 晚上 11 点", "what_happened": "两个人敲门要钱",
    "ticket_number": "T20261121001", "complaint_date": "2026-11-21", "annual_rate": "15.86",
    "log_timeline": "1. 2026-11-20 23:05（+08:00），电话（对方联系我）；原话：“再不还就上门”。",
    "log_evidence": "- call.m4a；大小（字节）：5；SHA-256：2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
    "date": "2026-11-23", "work_address": "某市某区某大厦 8 楼", "borrower_name": "张小明",
    "relation": "母亲", "paid_amount": "500", "law_firm": "某律师事务所", "defer_months": "3",
    "settled_date": "2026-10-01",
}  # fmt: skip


#: Details that leave nothing of the income after essential spending.
NO_MONEY_LEFT = {"monthly_income": "0", "essential_spending": "1200"}


def taken(flow: Flow, **answers: object) -> dict[str, Answer]:
    """The answers a scripted run takes from these: checked, defaults filled in."""
    given = {k: engine.validate(flow.questions[k], v) for k, v in answers.items()}
    return engine.complete(flow, given)


def test_the_shipped_drafts_have_no_findings() -> None:
    assert [str(f) for f in check_file(DRAFTS_FILE)] == []


def test_every_detail_of_the_sample_is_a_detail_of_the_file(drafts: DraftSet) -> None:
    assert set(SAMPLE) == set(drafts.details)


def assert_whole(draft: Draft, rendered_text: str, where: object) -> None:
    paragraphs = rendered_text.split("\n")
    assert paragraphs, where
    if draft.kind == "letter":
        assert all(p.strip() for p in rendered_text.split("\n\n")), where
    else:
        numbered = [re.fullmatch(r"(\d+)\. \S.*", p) for p in paragraphs]
        assert [int(m.group(1)) if m else 0 for m in numbered] == list(
            range(1, len(paragraphs) + 1)
        ), where
    assert "{" not in rendered_text and "}" not in rendered_text, where


def test_every_draft_renders_whole_on_every_path_in_every_language(
    drafts: DraftSet, main_flow: Flow
) -> None:
    """A draft is its paragraphs whose conditions hold, filled with the fields they name.
    What it renders to on a path thus depends only on which conditions hold and on the
    answers its fields show. For each distinct condition of the draft (with the draft's own),
    `paths.situations` gives every combination of the answers and details it names that a
    real path reaches — the other codes of a multiple choice none or all, the flow's routes
    followed — so every path agrees with one of them on that condition. Each distinct outcome
    (paragraphs shown, answer fields) is rendered once, in three languages, with no detail
    and with every detail (a computed fact such as `nothing_left` by details that make it
    hold): 4,475,584,512 paths are covered without walking them per draft."""
    renders = 0
    for draft in drafts.drafts.values():
        field_questions = [f for f in fields_of(draft) if f in main_flow.questions]
        every = [draft.when, *(p.when for p in draft.paragraphs)]
        distinct = {id(c): c for c in every if c is not None}
        groups = [[draft.when]] + [[draft.when, c] for c in distinct.values()]
        seen: set[object] = set()
        for group in groups:
            conditions = [c for c in group if c is not None]
            named = sorted(
                {t.question for c in conditions for t in leaves(c)}
                & {*drafts.details, *COMPUTED_FACTS}
            )
            codes = codes_named(conditions)
            for question in field_questions:
                codes.setdefault(question, set()).update(main_flow.questions[question].codes)
            for answers, given in situations(main_flow, codes, named, conditions):
                if draft not in offered(drafts, answers):
                    continue
                shown = facts(answers, dict.fromkeys(given, "x"))
                outcome = (
                    tuple(p.when is None or evaluate(p.when, shown) for p in draft.paragraphs),
                    tuple(str(answers.get(q)) for q in field_questions),
                    given,
                )
                if outcome in seen:
                    continue
                seen.add(outcome)
                for details in ({k: SAMPLE[k] for k in given if k in SAMPLE}, SAMPLE):
                    if NOTHING_LEFT in given:
                        details = {**details, **NO_MONEY_LEFT}
                    for lang in i18n.LANGS:
                        done = render(draft, main_flow, answers, details, lang)
                        where = (draft.id, answers, sorted(details), lang)
                        assert_whole(draft, done.text, where)
                        assert (done.translation is None) == (lang == "zh-CN"), where
                        if done.translation is not None:
                            assert_whole(draft, done.translation, where)
                        renders += 1
    assert renders > 100


def test_the_110_script_is_offered_only_with_someone_at_the_door_or_coming(
    drafts: DraftSet, main_flow: Flow
) -> None:
    for answers, _ in situations(main_flow, {}):
        at_door = answers["visitor_arrived"] in ("now", "announced")
        assert at_door == ("call_110" in {d.id for d in offered(drafts, answers)}), answers


def test_a_detail_not_given_is_a_visible_blank_never_empty_or_invented(
    drafts: DraftSet, main_flow: Flow
) -> None:
    answers = taken(main_flow, visitor_arrived="no", misconduct=[], others_contacted=[],
                    amount_checked="matches", can_pay_full="no", hardship="none")  # fmt: skip
    done = render(drafts.drafts["instalment_request"], main_flow, answers, {}, "zh-CN")
    assert "致：" + BLANK in done.text and "申请人：" + BLANK in done.text
    assert "剩下约 " + BLANK + " 元" in done.text
    assert "致：\n" not in done.text and "  " not in done.text.replace("　", "")


def test_answer_fields_show_the_chosen_labels_in_the_texts_language(
    drafts: DraftSet, main_flow: Flow
) -> None:
    answers = taken(main_flow, visitor_arrived="no", misconduct=[], others_contacted=[],
                    amount_checked="matches", can_pay_full="no", hardship="illness")  # fmt: skip
    assert field_value("hardship", main_flow, answers, {}, "zh-CN") == "生病"
    assert field_value("hardship", main_flow, answers, {}, "en") == "Illness"


def test_letters_stay_chinese_and_zh_tw_readers_get_a_traditional_translation(
    drafts: DraftSet, main_flow: Flow
) -> None:
    answers = taken(main_flow, visitor_arrived="no", misconduct=["insults"], others_contacted=[],
                    amount_checked="matches", can_pay_full="yes")  # fmt: skip
    done = render(drafts.drafts["complaint"], main_flow, answers, SAMPLE, "zh-TW")
    assert done.text.startswith("投诉书") and done.translation is not None
    assert done.translation.startswith("投訴書")
    assert done.title == "投訴信：先找支付寶，再找 12378"


def test_the_complaint_goes_to_12378_once_there_is_a_ticket_number(
    drafts: DraftSet, main_flow: Flow
) -> None:
    answers = taken(main_flow, visitor_arrived="no", misconduct=["insults"], others_contacted=[],
                    amount_checked="matches", can_pay_full="yes")  # fmt: skip
    complaint = drafts.drafts["complaint"]
    first = render(complaint, main_flow, answers, {"lender": "某公司"}, "zh-CN").text
    assert "致：某公司（通过支付宝" in first and "12378 热线" not in first
    second = render(complaint, main_flow, answers, SAMPLE, "zh-CN").text
    assert "致：国家金融监督管理总局（12378 热线）" in second and "T20261121001" in second


def test_no_draft_threatens_insults_calls_anything_illegal_or_says_post_online(
    drafts: DraftSet,
) -> None:
    for draft in drafts.drafts.values():
        for paragraph in draft.paragraphs:
            zh = paragraph.text.get("zh-CN")
            for word in (
                "违法",
                "非法",
                "不用还",
                "曝光",
                "发到网上",
                "上网",
                "起诉你",
                "后果自负",
            ):
                assert word not in zh, (draft.id, word)
    notes = " ".join(n.text.get("zh-CN") for d in drafts.drafts.values() for n in d.notes)
    assert "停息挂账" in notes and "不要把录音" in notes


def test_the_instalment_request_says_the_lender_decides(drafts: DraftSet) -> None:
    texts = [p.text.get("zh-CN") for p in drafts.drafts["instalment_request"].paragraphs]
    assert any("由贵司决定" in t for t in texts)


# --- affordability -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "amount"), [("3,000", "3000"), ("2500.5元", "2500.5"), ("￥ 800", "800")]
)
def test_money_is_read_as_a_person_types_it(typed: str, amount: str) -> None:
    found = afford.money(typed)
    assert found is not None and afford.amount_text(found) == amount


@pytest.mark.parametrize("typed", ["", "abc", "-5", "nan", "inf"])
def test_what_is_not_an_amount_is_none(typed: str) -> None:
    assert afford.money(typed) is None


def test_an_offer_above_what_is_left_is_not_affordable() -> None:
    verdict = afford.check(
        {"monthly_income": "4000", "essential_spending": "3000", "plan_amount": "1200"}
    )
    assert (
        verdict is not None
        and not verdict.affordable
        and afford.amount_text(verdict.left) == "1000"
    )


def test_an_offer_within_what_is_left_is_affordable_and_no_figures_no_verdict() -> None:
    verdict = afford.check(
        {"monthly_income": "4000", "essential_spending": "3000", "plan_amount": "1000"}
    )
    assert verdict is not None and verdict.affordable
    assert afford.check({"plan_amount": "1000"}) is None


def offering(tmp_path: Path, income: int, spending: int, offer: int) -> CompletedProcess[str]:
    """A scripted run of a borrower who cannot pay in full and offers `offer` a month."""
    answers = write(
        tmp_path,
        "a.yaml",
        f"""
        visitor_arrived: "no"
        misconduct: []
        others_contacted: []
        amount_checked: matches
        can_pay_full: "no"
        hardship: job_loss
        details: {{monthly_income: {income}, essential_spending: {spending}, plan_amount: {offer}}}
        """,
    )
    result = run_cli("run", "--answers", str(answers), "--format", "json")
    assert result.returncode == 0, result.stderr
    return result


def test_with_nothing_left_the_verdict_says_so_and_never_a_negative_sum() -> None:
    verdict = afford.check(
        {"monthly_income": "0", "essential_spending": "1200", "plan_amount": "0"}
    )
    assert verdict is not None and verdict.affordable and verdict.nothing_left
    verdict = afford.check({**NO_MONEY_LEFT, "plan_amount": "300"})
    assert verdict is not None and not verdict.affordable
    key, figures = afford.problem(verdict)
    assert (key, figures) == ("nothing_left", {"left": "0", "offer": "300"})
    for lang in ("zh-CN", "en"):
        said = words.message(key, lang, **figures)
        assert "300" in said and "-" not in said  # in plain words: no sum of what is left
        assert not re.search(r"(?<![\d.])0 (元|yuan)", said), said


def test_a_scripted_run_with_nothing_left_asks_to_defer_without_a_negative_figure(
    tmp_path: Path,
) -> None:
    result = offering(tmp_path, income=0, spending=1200, offer=300)
    assert "不剩钱" in result.stderr and "-1200" not in result.stderr
    letter = next(d for d in json.loads(result.stdout)["drafts"] if d["id"] == "instalment_request")
    assert letter["text"].startswith("暂缓还款申请") and "每月已经没有钱剩下" in letter["text"]
    assert "-1200" not in letter["text"] and "剩下约" not in letter["text"]


def test_a_letter_that_asks_to_defer_does_not_ask_what_will_be_paid_each_month(
    drafts: DraftSet, main_flow: Flow
) -> None:
    nothing = taken(main_flow, visitor_arrived="no", misconduct=[], others_contacted=[],
                    amount_checked="matches", can_pay_full="no", can_pay_some="nothing",
                    hardship="none")  # fmt: skip
    asked = details_asked(drafts, [drafts.drafts["instalment_request"]], nothing)
    assert "defer_months" in asked and not {"plan_amount", "plan_periods"} & set(asked)
    some = {**nothing, "can_pay_some": "some"}
    letter = [drafts.drafts["instalment_request"]]
    asked = details_asked(drafts, letter, some)  # the income may yet leave nothing
    assert {"plan_amount", "plan_periods", "defer_months"} <= set(asked)
    enough = {"monthly_income": "4000", "essential_spending": "3000"}
    left = details_asked(drafts, letter, some, enough)
    assert "plan_amount" in left and "defer_months" not in left
    none_left = details_asked(drafts, letter, some, NO_MONEY_LEFT)
    assert "defer_months" in none_left and "plan_amount" not in none_left


def test_a_scripted_run_flags_an_unaffordable_offer_and_leaves_it_blank(tmp_path: Path) -> None:
    result = offering(tmp_path, income=4000, spending=3000, offer=1500)
    assert "1500" in result.stderr and "1000" in result.stderr
    letter = next(d for d in json.loads(result.stdout)["drafts"] if d["id"] == "instalment_request")
    assert "每月还 ＿＿＿＿ 元" in letter["text"] and "1500" not in letter["text"]


# --- the JSON contract and files ---------------------------------------------------------

ANSWERS = """
visitor_arrived: now
feel_safe: "no"
credentials_shown: none
misconduct: [threats, night_visit, told_others]
others_contacted: [family]
amount_checked: differs
can_pay_full: "no"
hardship: job_loss
details: {name: 张三, phone: "13800000000", plan_amount: 800}
drafts: [door, instalment_request, complaint]
"""


def test_json_lists_every_fitting_draft_in_the_contract_shape(tmp_path: Path) -> None:
    answers = write(tmp_path, "a.yaml", ANSWERS)
    result = run_cli("run", "--answers", str(answers), "--format", "json", "--lang", "en")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    ids = [d["id"] for d in document["drafts"]]
    assert ids == ["door", "call_110", "call_95188", "relatives_message",
                   "instalment_request", "complaint", "police_summary"]  # fmt: skip
    items = {item["id"] for item in document["checklist"]}
    for draft in document["drafts"]:
        assert {"id", "kind", "title", "text", "items"} <= set(draft)
        assert draft["kind"] in ("script", "letter") and draft["items"]
        assert set(draft["items"]) <= items  # only items on this checklist
        assert "For your understanding" not in draft["text"] and draft["translation"]
    door = document["drafts"][0]
    assert door["title"] == "What to say at the door" and door["text"].startswith(
        "1. （你现在觉得不安全：先打 110"  # feel_safe: no puts the safety line first
    )
    assert door["items"] == ["safety_110", "door_closed", "check_credentials",
                             "pay_official_only"]  # fmt: skip


def test_an_unknown_draft_id_in_an_answers_file_is_bad_input(tmp_path: Path) -> None:
    answers = write(tmp_path, "a.yaml", ANSWERS.replace("complaint]", "letter_to_santa]"))
    result = run_cli("run", "--answers", str(answers))
    assert result.returncode == 2 and "letter_to_santa" in result.stderr


def test_items_say_which_draft_helps_and_files_carry_the_chosen_drafts(tmp_path: Path) -> None:
    answers = write(tmp_path, "a.yaml", ANSWERS)
    for suffix in (".md", ".html", ".txt"):
        target = tmp_path / f"out{suffix}"
        result = run_cli("run", "--answers", str(answers), "--output", str(target))
        assert result.returncode == 0, result.stderr
        assert target.stat().st_mode & 0o777 == 0o600
        text = target.read_text("utf-8")
        assert "→ 门口说的话" in text and "分期 / 延期还款申请" in text and "投诉书" in text
        assert "申请人：张三" in text and "打 110 怎么说" not in text.split("→")[-1]


def test_the_html_prints_each_letter_on_a_page_of_its_own(tmp_path: Path) -> None:
    answers = write(tmp_path, "a.yaml", ANSWERS)
    result = run_cli("run", "--answers", str(answers), "--format", "html")
    assert result.returncode == 0, result.stderr
    page = result.stdout
    assert page.count('<section class="draft letter"') == 2
    assert "section.draft.letter { break-before: page; }" in page


# --- golden files --------------------------------------------------------------------------

GOLDEN_ANSWERS = {
    "visitor_arrived": "now", "user_role": "borrower", "feel_safe": "yes",
    "visit_place": "home", "credentials_shown": "id_only", "court_notice": "none",
    "misconduct": ("threats", "told_others"), "paid_to_person": "no",
    "others_contacted": ("family",), "amount_checked": "differs", "can_pay_full": "no",
    "can_pay_some": "some", "hardship": "job_loss", "debt_agent": "none",
}  # fmt: skip


@pytest.mark.parametrize("draft_id", ["door", "instalment_request", "complaint"])
@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_golden_drafts(drafts: DraftSet, main_flow: Flow, draft_id: str, lang: str) -> None:
    details = {
        k: v
        for k, v in SAMPLE.items()
        if k not in ("ticket_number", "complaint_date", "log_timeline", "log_evidence")
    }
    done = render(drafts.drafts[draft_id], main_flow, GOLDEN_ANSWERS, details, lang)
    text = done.text if done.translation is None else f"{done.text}\n\n---\n\n{done.translation}"
    golden = GOLDEN / f"{draft_id}.{lang}.txt"
    assert text + "\n" == golden.read_text("utf-8")


# --- the checker ------------------------------------------------------------------------------

GOOD = """
format: 1
flow: main
details:
  - id: name
    label: {zh-CN: 姓名, en: Name}
drafts:
  - id: door
    kind: script
    title: {zh-CN: 门口, en: Door}
    items: [check_credentials]
    paragraphs:
      - text: {zh-CN: "我是 {name}。", en: "I am {name}."}
"""


def findings_of(tmp_path: Path, text: str) -> list[str]:
    path = write(tmp_path, "drafts.yaml", text)
    return sorted({f"{f.line}:{f.code}" for f in check_file(path)})


def test_a_small_good_file_has_no_findings(tmp_path: Path) -> None:
    assert findings_of(tmp_path, GOOD) == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            '{name}。", en: "I am {name}',
            '{nam}。", en: "I am {nam}',
            ["12:unknown-field", "4:unused-detail"],
        ),
        ("I am {name}.", "I am.", ["12:field-mismatch"]),
        ('。", en: "I am {name}."', '。}", en: "I am {name}.}"', ["12:bad-field"]),
        ("items: [check_credentials]", "items: []", ["7:unlinked-draft"]),
        ("items: [check_credentials]", "items: [check_credential]", ["7:unknown-item"]),
        ("flow: main", "flow: mian", ["1:unknown-flow"]),
        ("kind: script", "kind: poem", ["4:unused-detail", "8:bad-value"]),
        (
            "      - text:",
            "      - when: {question: misconduct, is: threats}\n        text:",
            ["12:wrong-test"],
        ),
        (
            "      - text:",
            "      - when: {question: hardship, is: broke}\n        text:",
            ["12:unknown-code"],
        ),
        (
            "      - text:",
            "      - when: {question: mood, is: sad}\n        text:",
            ["12:unknown-question"],
        ),
        (
            "      - text:",
            "      - when: {question: name, is: x}\n        text:",
            ["12:wrong-test"],
        ),
        (
            "      - text:",
            "      - when: {all: [{question: can_pay_full, is: 'yes'}, {question: hardship, is: none}]}\n        text:",
            ["12:never-holds", "7:may-be-empty"],
        ),
        (
            "      - text:",
            "      - when: {question: visitor_arrived, is: now}\n        text:",
            ["7:may-be-empty"],
        ),
    ],
)
def test_the_checker_locates_each_problem(
    tmp_path: Path, old: str, new: str, expected: list[str]
) -> None:
    assert old in GOOD
    assert findings_of(tmp_path, GOOD.replace(old, new)) == expected


def test_a_detail_no_draft_uses_is_a_warning(tmp_path: Path) -> None:
    text = GOOD.replace(
        "drafts:\n", "  - id: phone\n    label: {zh-CN: 电话, en: Phone}\ndrafts:\n"
    )
    assert findings_of(tmp_path, text) == ["6:unused-detail"]


def test_a_condition_on_a_given_detail_can_hold(tmp_path: Path) -> None:
    text = GOOD.replace(
        "      - text:",
        "      - text: {zh-CN: 你好, en: Hello}\n      - when: {answered: name}\n        text:",
    )
    assert findings_of(tmp_path, text) == []


def test_flows_check_checks_the_drafts_file(tmp_path: Path) -> None:
    for name in ("main.yaml", "sources.yaml"):
        (tmp_path / name).write_text((places.shipped_dir() / name).read_text("utf-8"), "utf-8")
    write(
        tmp_path,
        "drafts.yaml",
        GOOD.replace('{name}。", en: "I am {name}', '{nam}。", en: "I am {nam}'),
    )
    result = run_cli("flows", "check", str(tmp_path))
    assert (
        result.returncode == 1
        and "drafts.yaml:12:" in result.stdout
        and "unknown-field" in result.stdout
    )


def test_field_names_are_found_and_literal_braces_kept() -> None:
    assert list(fields.names("{a} {{b}} {c_1}")) == ["a", "c_1"]
    assert fields.fill("{a} {{b}}", lambda n: n.upper()) == "A {b}"
    assert [p.text for p in fields.problems("x { y }")] == ["{", "}"]


def test_the_wheel_carries_the_drafts_compiled_and_drops_them_when_the_yaml_changes(
    tmp_path: Path,
) -> None:
    from overdue_guide.content.build import compile_folder
    from overdue_guide.drafts import compiled_drafts as load_drafts
    from overdue_guide.flow.compiled import FILE_NAME

    for name in ("main.yaml", "sources.yaml", "drafts.yaml"):
        (tmp_path / name).write_text((places.shipped_dir() / name).read_text("utf-8"), "utf-8")
    compile_folder(tmp_path, tmp_path / FILE_NAME)
    loaded = load_drafts(tmp_path / "drafts.yaml")
    assert loaded is not None and list(loaded.drafts) == list(parse_drafts(DRAFTS_FILE)[0].drafts)  # type: ignore[union-attr]
    with (tmp_path / "drafts.yaml").open("a", encoding="utf-8") as out:
        out.write("\n# edited\n")
    assert load_drafts(tmp_path / "drafts.yaml") is None


def test_the_installed_package_carries_compiled_drafts_that_fit() -> None:
    from overdue_guide.drafts import compiled_drafts as load_drafts
    from overdue_guide.flow.compiled import FILE_NAME

    if not (places.shipped_dir() / FILE_NAME).is_file():
        pytest.skip("an editable install reads the YAML")
    assert load_drafts(DRAFTS_FILE) is not None


def test_random_full_paths_agree_with_the_reduced_walk(drafts: DraftSet, main_flow: Flow) -> None:
    """An independent check of the reduction: whole drafts on random complete paths."""
    import random

    chooser = random.Random(11)
    for _ in range(60):
        answers = random_path(main_flow, chooser)
        for draft in offered(drafts, answers):
            for lang in i18n.LANGS:
                done = render(draft, main_flow, answers, {}, lang)
                assert_whole(draft, done.text, (draft.id, answers, lang))


def test_the_menu_after_the_checklist_takes_one_entry_per_tool(
    main_flow: Flow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from overdue_guide.session import menu as nextsteps

    ran: list[str] = []
    extra = nextsteps.Action("log", "action_save", lambda context: ran.append(context.lang))
    monkeypatch.setattr(nextsteps, "ACTIONS", [*nextsteps.ACTIONS, extra])
    context = nextsteps.Context("en", main_flow, {}, None, {}, None)  # type: ignore[arg-type]
    offered_menus: list[list[str]] = []
    replies = iter(["log", "done"])

    def choose(choices: list[tuple[str, str]], point: str | None) -> str | None:
        offered_menus.append([key for _, key in choices])
        return next(replies)

    nextsteps.run(context, choose)
    assert ran == ["en"]
    assert offered_menus[0] == ["save", "log", "done"]  # no drafts for this context: not offered
