"""The page as a person on a phone uses it: headless Chromium at 360 × 740 with touch,
every request refused. Walks situations through the real interface in every language
and checks what it shows against the CLI's JSON; then back, the review, alerts, the
layout, languages, keeping answers, the page without JavaScript, the keyboard."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from overdue_guide.base.i18n import LANGS, text
from overdue_guide.drafts.model import DraftSet
from overdue_guide.flow.model import Answer, Catalog, Flow

from .helpers import CALM_PATH as QUIET
from .webpage import PHONE, cli_document, phone, random_paths

#: Someone at the door, afraid, threatened: the worst path (most `now` items).
WORST: dict[str, Answer] = {
    "visitor_arrived": "now",
    "user_role": "borrower",
    "feel_safe": "no",
    "visit_place": "home",
    "credentials_shown": "none",
    "court_notice": "papers",
    "misconduct": ("threats", "violence", "insults", "refuses_to_leave", "night_visit",
                   "personal_account", "told_others", "fake_authority", "too_many_calls",
                   "new_loan", "public_post"),
    "authority_claimed": "lawyer",
    "paid_to_person": "yes",
    "others_contacted": ("co_borrower", "emergency_contact", "family", "friends_colleagues",
                         "employer", "neighbours"),
    "amount_checked": "not_checked",
    "can_pay_full": "no",
    "can_pay_some": "some",
    "hardship": "other",
    "debt_agent": "paid",
}  # fmt: skip
#: QUIET, but the borrower cannot pay in full and can pay something each month.
SHORT = {**QUIET, "can_pay_full": "no", "can_pay_some": "some", "hardship": "none"}

SHOWN = """() => ({
  items: [...document.querySelectorAll('[data-checklist] [data-item]')].map(e =>
    [e.dataset.item, e.dataset.urgency, e.querySelector('.text').textContent,
     e.querySelector('.detail').textContent]),
  drafts: [...document.querySelectorAll('[data-draft]')].map(e =>
    [e.dataset.draft, e.querySelector('[data-draft-text]').textContent,
     e.querySelector('.translation').hidden ? null : e.querySelector('.translated').textContent]),
})"""


#: Issue 23's situations: court papers arrived; a relative asking for the borrower after
#: a visit; already repaid, still chased, a message about a lawsuit; nothing to pay.
COURT_PAPERS = {**SHORT, "court_notice": "papers", "hardship": "job_loss"}
RELATIVE: dict[str, Answer] = {
    "visitor_arrived": "earlier",
    "user_role": "relative",
    "visit_place": "home",
    "credentials_shown": "id_only",
    "court_notice": "none",
    "misconduct": ("threats", "told_others"),
    "paid_to_person": "no",
    "others_contacted": ("family",),
    "debt_agent": "none",
}
SETTLED = {**QUIET, "court_notice": "message", "misconduct": ("too_many_calls",),
           "can_pay_full": "already_paid"}  # fmt: skip
NOTHING = {**SHORT, "others_contacted": ("emergency_contact",), "can_pay_some": "nothing",
           "hardship": "job_loss"}  # fmt: skip


def answer(page: Any, answers: dict[str, Answer]) -> list[str]:
    """Answer each question the page asks from `answers`, by tapping; the ids asked.
    (Taps are forced: Playwright's waits for stable layout would double the time; the
    other tests tap with every check.)"""
    asked = []
    while (form := page.query_selector("form[data-question]")) is not None:
        qid = form.get_attribute("data-question")
        asked.append(qid)
        given = answers[qid]
        codes = [given] if isinstance(given, str) else list(given)
        for box in form.query_selector_all("input"):
            if box.is_checked() != (box.get_attribute("value") in codes):
                box.tap(force=True)
        form.query_selector('[data-action="next"]').tap(force=True)
    return asked


def finish(page: Any, answers: dict[str, Answer]) -> None:
    answer(page, answers)
    page.tap('[data-action="confirm"]', force=True)


def situations(flow: Flow, wide: list[dict[str, Answer]]) -> list[dict[str, Answer]]:
    return [WORST, QUIET, *wide[:: max(1, len(wide) // 5)][:5], *random_paths(flow, 3, seed=3)]


@pytest.mark.parametrize("lang", LANGS)
def test_ten_situations_walked_by_tapping_show_the_cli_s_checklist_and_drafts(
    browser: Any,
    web_page: Path,
    main_flow: Flow,
    catalog: Catalog,
    drafts: DraftSet,
    widest: list[dict[str, Answer]],
    lang: str,
) -> None:
    cases = situations(main_flow, widest)
    assert len(cases) >= 10
    with phone(browser, web_page, lang) as opened:
        for answers in cases:
            finish(opened.page, answers)
            shown = opened.page.evaluate(SHOWN)
            want = cli_document(main_flow, catalog, drafts, answers, lang)
            assert shown["items"] == [
                [i["id"], i["urgency"], i["text"], i["detail"]] for i in want["checklist"]
            ]
            assert shown["drafts"] == [
                [d["id"], d["text"], d.get("translation")] for d in want["drafts"]
            ]
            opened.page.tap("text=" + opened.page.evaluate("Page.say('start_again')"))
        assert opened.requests == [] and opened.errors == []


def test_questions_come_in_the_cli_s_order_with_step_numbers_and_help(
    browser: Any, web_page: Path, main_flow: Flow
) -> None:
    with phone(browser, web_page, "en") as opened:
        page = opened.page
        legend = page.text_content("form[data-question] legend")
        assert legend == "Step 1" + text(main_flow.questions["visitor_arrived"].prompt, "en")
        page.tap("form[data-question] summary")
        assert page.is_visible("text=" + text(main_flow.questions["visitor_arrived"].help, "en"))  # type: ignore[arg-type]
        asked = answer(page, WORST)
    assert asked == list(WORST)


def test_choosing_not_safe_shows_the_danger_alert_first_on_the_next_screen(
    browser: Any, web_page: Path, main_flow: Flow
) -> None:
    with phone(browser, web_page, "zh-CN") as opened:
        page = opened.page
        answer_one(page, "now")
        answer_one(page, "borrower")
        answer_one(page, "no")
        alert = page.text_content("[role=alert]")
    option = main_flow.questions["feel_safe"].option("no")
    assert option is not None and option.alert is not None
    assert alert == text(option.alert, "zh-CN")


def answer_one(page: Any, *codes: str) -> None:
    for code in codes:
        page.tap(f'form[data-question] input[value="{code}"]')
    page.tap('[data-action="next"]')


def current(page: Any) -> str | None:
    form = page.query_selector("form[data-question]")
    return None if form is None else str(form.get_attribute("data-question"))


def test_back_preselects_the_answer_and_a_branch_left_behind_is_dropped(
    browser: Any, web_page: Path
) -> None:
    with phone(browser, web_page, "en") as opened:
        page = opened.page
        answer_one(page, "now")
        answer_one(page, "borrower")
        answer_one(page, "no")
        assert current(page) == "visit_place"
        page.tap('[data-action="back"]')
        assert page.is_checked('input[value="no"]')
        page.tap('[data-action="back"]')
        assert page.is_checked('input[value="borrower"]')
        page.tap('[data-action="back"]')
        assert page.is_checked('input[value="now"]')
        answer_one(page, "no")
        assert current(page) == "user_role"
        answer(page, QUIET)
        review = page.text_content("[data-review]") or ""
    assert "Do you feel safe" not in review and "Has anyone come" in review


def test_changing_an_answer_at_the_review_asks_what_it_newly_reaches_and_keeps_the_rest(
    browser: Any, web_page: Path
) -> None:
    with phone(browser, web_page, "en") as opened:
        page = opened.page
        answer(page, QUIET)
        page.tap('[data-change="visitor_arrived"]')
        assert page.is_checked('input[value="no"]')
        answer_one(page, "now")
        assert current(page) == "feel_safe"
        answer_one(page, "yes")
        answer_one(page, "home")
        answer_one(page, "both")
        assert current(page) == "paid_to_person"  # newly reached by a visit
        answer_one(page, "no")
        review = [li.text_content() for li in page.query_selector_all("[data-review] li")]
        assert len(review) == len(QUIET) + 4 and current(page) is None
        page.tap('[data-action="back"]')
        assert current(page) == "debt_agent"
        page.tap('[data-action="back"]')
        assert page.query_selector("[data-review]") is not None


def test_now_items_of_the_worst_path_fit_the_first_screen_of_a_360_by_740_phone(
    browser: Any, web_page: Path
) -> None:
    for lang in LANGS:
        with phone(browser, web_page, lang) as opened:
            finish(opened.page, WORST)
            bottoms = opened.page.evaluate(
                """() => [...document.querySelectorAll('[data-urgency="now"] .text')]
                .map(e => e.getBoundingClientRect().bottom + window.scrollY)"""
            )
        assert len(bottoms) == 6 and max(bottoms) <= 740, (lang, bottoms)


#: Every element with text of its own: its font size; every control: its tap box.
MEASURE = """() => {
  const visible = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
  const small = [...document.querySelectorAll('body *')].filter(e => visible(e) &&
      [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()) &&
      parseFloat(getComputedStyle(e).fontSize) < 16).map(e => e.tagName + ':' + e.textContent.slice(0, 30));
  const controls = [...document.querySelectorAll('button, a[href], summary, input[type=text], textarea, label')]
      .filter(visible).map(e => e.tagName === 'LABEL' && !e.querySelector('input') ? null : e).filter(Boolean);
  const tiny = controls.map(e => [e, e.getBoundingClientRect()])
      .filter(([e, r]) => r.height < 44 || r.width < 44).map(([e, r]) => e.tagName + ':' + (e.textContent || e.name).slice(0, 20) + ':' + Math.round(r.width) + 'x' + Math.round(r.height));
  const boxes = [...document.querySelectorAll('input[type=radio], input[type=checkbox]')].filter(visible)
      .filter(e => !e.closest('label')).map(e => e.name || e.id);
  return {small, tiny, boxes, wide: document.documentElement.scrollWidth};
}"""


def open_everything(page: Any) -> None:
    page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
    page.tap(".refs button")


@pytest.mark.parametrize("lang", LANGS)
def test_text_is_16px_taps_are_44px_and_nothing_scrolls_sideways_on_every_screen(
    browser: Any, web_page: Path, lang: str
) -> None:
    with phone(browser, web_page, lang) as opened:
        page = opened.page
        screens = [page.evaluate(MEASURE)]
        answer_one(page, "now")
        screens.append(page.evaluate(MEASURE))
        answer(page, WORST)
        screens.append(page.evaluate(MEASURE))
        page.tap('[data-action="confirm"]')
        open_everything(page)
        screens.append(page.evaluate(MEASURE))
    for found in screens:
        assert found == {"small": [], "tiny": [], "boxes": [], "wide": 360}


#: Elements that show less than their content (clipped, or scrolling on their own).
CUT = """() => [...document.querySelectorAll('body *')].filter(e => e.getClientRects().length > 0
  && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible')
  .map(e => e.tagName + '.' + e.className)"""


@pytest.mark.parametrize("lang", LANGS)
def test_court_papers_a_relative_settled_and_nothing_to_pay_show_the_cli_s_result_uncut(
    browser: Any,
    web_page: Path,
    main_flow: Flow,
    catalog: Catalog,
    drafts: DraftSet,
    lang: str,
) -> None:
    with phone(browser, web_page, lang) as opened:
        page = opened.page
        for answers in (COURT_PAPERS, RELATIVE, SETTLED, NOTHING):
            finish(page, answers)
            shown = page.evaluate(SHOWN)
            want = cli_document(main_flow, catalog, drafts, answers, lang)
            assert shown["items"] == [
                [i["id"], i["urgency"], i["text"], i["detail"]] for i in want["checklist"]
            ]
            assert shown["drafts"] == [
                [d["id"], d["text"], d.get("translation")] for d in want["drafts"]
            ]
            page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
            measured = page.evaluate(MEASURE)
            assert measured == {"small": [], "tiny": [], "boxes": [], "wide": 360}
            assert page.evaluate(CUT) == []
            page.tap("text=" + page.evaluate("Page.say('start_again')"))
        assert opened.requests == [] and opened.errors == []


def test_the_language_comes_from_the_address_then_the_browser_and_switches_in_place(
    browser: Any, web_page: Path, main_flow: Flow
) -> None:
    prompt = {lang: text(main_flow.questions["visitor_arrived"].prompt, lang) for lang in LANGS}
    for locale, want in (
        ("zh-TW", "zh-TW"),
        ("zh-HK", "zh-TW"),
        ("en-GB", "en"),
        ("fr-FR", "zh-CN"),
    ):
        with phone(browser, web_page, locale=locale) as opened:
            assert opened.page.evaluate("document.documentElement.lang") == want
            assert prompt[want] in (opened.page.text_content("legend") or "")
    with phone(browser, web_page, "en", locale="zh-CN") as opened:
        page = opened.page
        assert prompt["en"] in (page.text_content("legend") or "")
        answer_one(page, "earlier")
        page.tap('[data-lang="zh-TW"]')
        assert page.evaluate("location.hash") == "#lang=zh-TW"
        assert page.get_attribute('[data-lang="zh-TW"]', "aria-pressed") == "true"
        page.tap('[data-action="back"]')
        assert prompt["zh-TW"] in (page.text_content("legend") or "")
        assert page.is_checked('input[value="earlier"]')


def test_nothing_is_kept_until_asked_and_forget_removes_it(browser: Any, web_page: Path) -> None:
    with phone(browser, web_page, "en") as opened:
        page = opened.page
        finish(page, QUIET)
        assert page.evaluate("localStorage.length") == 0
        page.tap("text=Keep my answers on this phone")
        assert page.evaluate("localStorage.length") == 1
        page.reload()
        assert page.query_selector("[data-checklist]") is not None
        assert page.is_visible("text=Continuing with the answers kept on this phone.")
        page.tap("text=Forget my answers on this phone")
        assert page.evaluate("localStorage.length") == 0
        page.reload()
        assert current(page) == "visitor_arrived"


def test_answers_kept_on_the_phone_are_checked_before_use(browser: Any, web_page: Path) -> None:
    kept = {
        "v": 1,
        "answers": {
            "visitor_arrived": "now",
            "feel_safe": "maybe",
            "misconduct": ["x"],
            "z": 1,
            "toString": "yes",
            "constructor": [],
        },
        "details": {"name": 5},
        "figures": [],
    }
    with phone(browser, web_page, "en") as opened:
        page = opened.page
        page.evaluate(
            "kept => localStorage.setItem('overdue-guide:main', JSON.stringify(kept))", kept
        )
        page.reload()
        assert current(page) == "user_role"
        assert page.evaluate("JSON.stringify(Page.state().answers)") == '{"visitor_arrived":"now"}'
        assert opened.errors == []


def test_served_by_a_static_web_server_the_page_works_and_asks_for_nothing_else(
    browser: Any, web_page: Path
) -> None:
    import functools
    import http.server
    import threading

    handler = functools.partial(
        http.server.SimpleHTTPRequestHandler, directory=str(web_page.parent)
    )
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        context = browser.new_context(locale="en-US", **PHONE)
        page = context.new_page()
        asked: list[str] = []
        page.on("request", lambda request: asked.append(request.url))
        url = f"http://127.0.0.1:{server.server_address[1]}/{web_page.name}"
        page.goto(url)
        finish(page, QUIET)
        assert page.query_selector("[data-checklist] [data-item]") is not None
        context.close()
    finally:
        server.shutdown()
        server.server_close()
    assert asked == [url]


def test_without_javascript_the_page_shows_110_and_the_four_door_rules_in_every_language(
    browser: Any, web_page: Path, main_flow: Flow
) -> None:
    with phone(browser, web_page, java_script_enabled=False) as opened:
        shown = opened.page.inner_text("body")
        assert not opened.page.is_visible("#app")
    rules = ("safety_110", "door_closed", "check_credentials", "record_now", "pay_official_only")
    for lang in LANGS:
        for rule in rules:
            assert text(main_flow.items[rule].text, lang) in shown
    assert "110" in shown and "JavaScript" in shown


def test_the_keyboard_alone_answers_a_question_and_focus_follows_to_the_next(
    browser: Any, web_page: Path
) -> None:
    with phone(browser, web_page, "en") as opened:
        page = opened.page
        page.focus("form[data-question] input")
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")
        assert current(page) == "user_role"
        assert page.evaluate("document.activeElement.tagName") == "LEGEND"
        page.keyboard.press("Tab")
        ring = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert ring == "solid"  # focus is visible
        page.keyboard.press("Space")
        page.keyboard.press("Enter")
        assert current(page) == "visit_place"


def test_details_fill_the_letters_and_an_offer_above_what_is_left_stays_blank(
    browser: Any, web_page: Path
) -> None:
    with phone(browser, web_page, "en") as opened:
        page = opened.page
        finish(page, {**SHORT, "hardship": "job_loss"})
        page.fill("#detail-name", "Zhang San")
        letter = '[data-draft="instalment_request"] [data-draft-text]'
        assert "Zhang San" in (page.text_content(letter) or "")
        page.fill("#detail-monthly_income", "3000")
        page.fill("#detail-essential_spending", "2800")
        page.fill("#detail-plan_amount", "500")
        assert "500" not in (page.text_content(letter) or "")
        assert "200" in (page.text_content("#error-plan_amount") or "")
        page.fill("#detail-plan_amount", "150")
        assert "150" in (page.text_content(letter) or "")


def test_with_nothing_left_each_month_the_form_stops_asking_what_will_be_paid_monthly(
    browser: Any, web_page: Path
) -> None:
    with phone(browser, web_page, "en") as opened:
        page = opened.page
        finish(page, SHORT)
        assert page.is_visible("#detail-plan_amount") and page.is_visible("#detail-defer_months")
        page.fill("#detail-monthly_income", "0")
        page.fill("#detail-essential_spending", "1200")
        assert page.is_hidden("#detail-plan_amount") and page.is_hidden("#detail-plan_periods")
        assert page.is_visible("#detail-defer_months")
        page.fill("#detail-monthly_income", "4000")
        assert page.is_visible("#detail-plan_amount") and page.is_hidden("#detail-defer_months")


def test_a_copy_button_puts_the_chinese_text_on_the_clipboard(browser: Any, web_page: Path) -> None:
    with phone(
        browser, web_page, "en", permissions=["clipboard-read", "clipboard-write"]
    ) as opened:
        page = opened.page
        finish(page, QUIET)
        page.tap('[data-draft="call_95188"] summary')
        page.tap('[data-draft="call_95188"] .copy')
        page.wait_for_selector('[data-draft="call_95188"] [role=status]:has-text("Copied.")')
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == page.text_content('[data-draft="call_95188"] [data-draft-text]')


def test_the_fee_form_shows_the_readme_figures_and_fills_the_instalment_request(
    browser: Any, web_page: Path
) -> None:
    with phone(browser, web_page, "en") as opened:
        page = opened.page
        finish(page, {**SHORT, "amount_checked": "fees_high"})
        page.tap("#fees summary")
        page.fill("#fee-principal", "1200")
        page.fill("#fee-periods", "12")
        page.fill("#fee-fee_rate", "8.8")
        page.tap(".fee-form button[type=submit]")
        result = page.inner_text(".fee-result")
        letter = page.text_content('[data-draft="instalment_request"] [data-draft-text]') or ""
    for figure in ("¥1,305.60", "16.25 %", "15.86 %", "17.07 %"):
        assert figure in result
    assert "15.86" in letter
    # its sources as the terminal's fee check lists them: the English name first, M reported
    assert "R32 Supreme People's Court, Opinions on Further Strengthening" in result
    assert "第2条 (reported)" in result


def test_the_evidence_log_is_left_to_the_cli_and_the_page_says_so(
    browser: Any, web_page: Path
) -> None:
    with phone(browser, web_page, "en") as opened:
        finish(opened.page, WORST)
        shown = opened.page.text_content("#app") or ""
    assert 'open the overdue-guide program on a computer and choose "Log a call or visit"' in shown
    assert "log add" not in shown


def test_printing_opens_every_reason_and_puts_each_letter_on_its_own_page(
    browser: Any, web_page: Path
) -> None:
    with phone(browser, web_page, "en") as opened:
        page = opened.page
        finish(page, WORST)
        page.emulate_media(media="print")
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        closed = page.evaluate("document.querySelectorAll('#app details:not([open])').length")
        breaks = page.evaluate(
            "[...document.querySelectorAll('.draft.letter')].map(e => getComputedStyle(e).breakBefore)"
        )
        assert page.evaluate("getComputedStyle(document.querySelector('.bar')).display") == "none"
    assert closed == 0 and breaks == ["page"] * 3
