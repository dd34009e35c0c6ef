"""Target 9: the web page's speed in headless Chromium (Debian's /usr/bin/chromium, driven
by Playwright with its own browser never downloaded), and `web build`'s time.

- navigation → first question: the page's first contentful paint (the first question is
  the first thing painted: the script runs before the first paint), read from the
  browser's Performance Timeline, median of the runs; once as the machine is, once with
  the CPU slowed 4× through the DevTools protocol (Emulation.setCPUThrottlingRate).
- answer → next question: in the page, from the tap's click on Next to the next question
  laid out (the handler draws synchronously; reading offsetHeight forces the layout),
  for every question of the longest path, every run; the median and the slowest.
- `web build`: the whole command, as a person runs it, median of the runs.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

#: The longest path: every question of the main flow but none skipped, every box ticked.
LONGEST: dict[str, Any] = {
    "visitor_arrived": "now",
    "feel_safe": "no",
    "credentials_shown": "none",
    "misconduct": ["threats", "violence", "insults", "refuses_to_leave", "night_visit",
                   "personal_account", "told_others", "fake_authority"],
    "authority_claimed": "official",
    "paid_to_person": "yes",
    "others_contacted": ["co_borrower", "emergency_contact", "family", "friends_colleagues"],
    "amount_checked": "differs",
    "can_pay_full": "no",
    "hardship": "illness",
}  # fmt: skip

FIRST_PAINT = """() => new Promise(done => {
  const found = () => performance.getEntriesByName('first-contentful-paint')[0];
  const wait = () => found() ? done(found().startTime) : setTimeout(wait, 5);
  wait();
})"""

#: Each answer: tick the codes, then time the click on Next up to the next screen laid out.
ANSWER_TIMES = """answers => {
  const times = [];
  let form;
  while ((form = document.querySelector('form[data-question]'))) {
    const wanted = [].concat(answers[form.dataset.question]);
    form.querySelectorAll('input').forEach(i => { if (i.checked !== wanted.includes(i.value)) i.click(); });
    const next = form.querySelector('[data-action="next"]');
    const start = performance.now();
    next.click();
    void document.body.offsetHeight;
    times.push(performance.now() - start);
  }
  return times;
}"""


def build_seconds(script: str, work: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [script, "web", "build", "--output", str(work / "page.html")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=True,
        )
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def first_question_ms(browser: Any, page_file: Path, throttle: float, runs: int) -> float:
    """Median navigation → first paint (the first question), in ms."""
    times = []
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
        page = context.new_page()
        page.route(
            "**/*",
            lambda route: (
                route.continue_() if route.request.url.startswith("file:") else route.abort()
            ),
        )
        session = context.new_cdp_session(page)
        session.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
        page.goto(page_file.as_uri() + "#lang=zh-CN")
        page.wait_for_selector("form[data-question]")
        times.append(page.evaluate(FIRST_PAINT))
        context.close()
    return float(statistics.median(times))


def answer_ms(browser: Any, page_file: Path, runs: int) -> list[float]:
    """Every answer → next question time of the longest path, over `runs` walks, in ms."""
    times: list[float] = []
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    for _ in range(runs):
        page.goto(page_file.as_uri() + "#lang=zh-CN")
        page.wait_for_selector("form[data-question]")
        times += page.evaluate(ANSWER_TIMES, LONGEST)
        page.reload()
    context.close()
    return times


def measure(script: str, work: Path, runs: int) -> list[tuple[str, str, str, bool]]:
    """(target, measured, goal, met) for each web target."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("the web targets need Chromium (Debian: apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the checkout's tests/
    from tests.webpage import CHROMIUM_FLAGS  # the same Chromium as the tests

    build = build_seconds(script, work, max(3, runs // 3))
    page_file = work / "page.html"
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        first = first_question_ms(browser, page_file, 1, runs)
        slowed = first_question_ms(browser, page_file, 4, runs)
        answers = answer_ms(browser, page_file, runs)
        browser.close()
    typical, slowest = statistics.median(answers), max(answers)
    return [
        ("9 web build", f"{build * 1000:.0f} ms", "≤ 2 s", build <= 2),
        ("9 page: navigation → first question", f"{first:.0f} ms", "≤ 300 ms", first <= 300),
        ("9 the same, CPU 4× slower", f"{slowed:.0f} ms", "≤ 1 s", slowed <= 1000),
        (
            "9 page: answer → next question",
            f"median {typical:.1f} ms, slowest {slowest:.1f} ms ({len(answers)})",
            "≤ 50 ms",
            slowest <= 50,
        ),
    ]
