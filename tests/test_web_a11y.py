"""axe-core (bundled by the axe-playwright-python package, used in the tests only) finds
no serious or critical violation on any screen of the page, in any language, with
JavaScript and without."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from overdue_guide.base.i18n import LANGS

from .test_web_page import QUIET, WORST, answer, answer_one, finish
from .webpage import phone

SERIOUS = ("serious", "critical")


def axe_script() -> str:
    import axe_playwright_python  # type: ignore[import-untyped]

    return Path(axe_playwright_python.__file__).with_name("axe.min.js").read_text("utf-8")


def violations(page: Any) -> list[str]:
    """The serious and critical violations axe finds on the page as it is now."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(axe_script())
    found = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => [v.impact, v.id, v.nodes.map(n => n.target.join(' ')).slice(0, 3)])"
    )
    return [f"{impact} {rule} {nodes}" for impact, rule, nodes in found if impact in SERIOUS]


@pytest.mark.parametrize("lang", LANGS)
def test_no_screen_has_a_serious_or_critical_violation(
    browser: Any, web_page: Path, lang: str
) -> None:
    found: dict[str, list[str]] = {}
    with phone(browser, web_page, lang) as opened:
        page = opened.page
        page.tap("form[data-question] summary")
        page.tap('[data-action="next"]')  # nothing chosen: the error is shown
        found["first question, help and error"] = violations(page)
        answer_one(page, "now")
        answer_one(page, "borrower")
        answer_one(page, "no")
        found["a question after an alert"] = violations(page)
        answer(page, WORST)
        found["review"] = violations(page)
        page.tap('[data-action="confirm"]')
        page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
        page.tap(".refs button")
        page.fill("#detail-plan_amount", "abc")
        found["checklist with drafts, sources and details open"] = violations(page)
        page.tap("text=" + page.evaluate("Page.say('start_again')"))
        finish(page, {**QUIET, "amount_checked": "fees_high"})
        page.evaluate("() => document.querySelector('#fees').open = true")
        page.fill("#fee-principal", "1200")
        page.fill("#fee-periods", "12")
        page.fill("#fee-fee_rate", "8.8")
        page.tap(".fee-form button[type=submit]")
        found["fee check result"] = violations(page)
    assert found == {screen: [] for screen in found}


def test_the_page_without_javascript_has_no_serious_or_critical_violation(
    browser: Any, web_page: Path, tmp_path: Path
) -> None:
    """axe needs JavaScript to run: it checks the page with the page's own script taken
    out, which is what a browser without JavaScript shows."""
    html = web_page.read_text("utf-8")
    start = html.rindex("<script>")
    without = tmp_path / "without-script.html"
    without.write_text(html[:start] + html[html.index("</script>", start) + 9 :], "utf-8")
    with phone(browser, without) as opened:
        assert opened.page.is_visible("#static") and not opened.page.is_visible("#app")
        found = violations(opened.page)
    assert found == []
