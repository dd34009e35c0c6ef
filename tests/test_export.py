"""The checklist leaves the terminal: files in four formats, three languages."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from overdue_guide.base import i18n, places, words
from overdue_guide.flow.model import Catalog, Flow
from overdue_guide.interview import engine
from overdue_guide.output import report
from overdue_guide.output.export import as_html, as_markdown

from .helpers import run_cli, write

ANSWERS = """
visitor_arrived: now
feel_safe: "no"
credentials_shown: none
misconduct: [threats, told_others]
others_contacted: [family, co_borrower]
amount_checked: differs
can_pay_full: "no"
hardship: illness
"""
#: The answers ANSWERS takes, with the defaults of the questions it leaves out.
TAKEN = {
    "visitor_arrived": "now",
    "user_role": "borrower",
    "feel_safe": "no",
    "visit_place": "home",
    "credentials_shown": "none",
    "court_notice": "none",
    "misconduct": ("threats", "told_others"),
    "paid_to_person": "no",
    "others_contacted": ("co_borrower", "family"),
    "amount_checked": "differs",
    "can_pay_full": "no",
    "can_pay_some": "some",
    "hardship": "illness",
    "debt_agent": "none",
}


def view(flow: Flow, catalog: Catalog, lang: str = "zh-CN") -> report.Report:
    return report.build(engine.checklist(flow, TAKEN), catalog, lang)


@pytest.mark.parametrize("suffix", [".md", ".html", ".json", ".txt"])
def test_output_writes_the_format_its_extension_names(tmp_path: Path, suffix: str) -> None:
    answers = write(tmp_path, "a.yaml", ANSWERS)
    target = tmp_path / f"checklist{suffix}"
    result = run_cli("run", "--answers", str(answers), "--output", str(target))
    assert result.returncode == 0, result.stderr
    text = target.read_text("utf-8")
    assert "门别开，待在屋里，马上打 110" in text
    assert {".md": "- [ ] **", ".html": "<!DOCTYPE html>", ".json": '"checklist"', ".txt": "☐ "}[
        suffix
    ] in text
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_an_unknown_extension_is_refused_before_anything_runs(tmp_path: Path) -> None:
    result = run_cli("run", "--output", str(tmp_path / "list.pdf"))
    assert result.returncode == 2 and ".html" in result.stderr
    assert not (tmp_path / "list.pdf").exists()


def test_the_same_answers_give_the_same_items_in_three_languages(tmp_path: Path) -> None:
    answers = write(tmp_path, "a.yaml", ANSWERS)
    documents = {}
    for lang in i18n.LANGS:
        result = run_cli("run", "--answers", str(answers), "--format", "json", "--lang", lang)
        documents[lang] = json.loads(result.stdout)
        assert documents[lang]["lang"] == lang
    ids = {lang: [item["id"] for item in d["checklist"]] for lang, d in documents.items()}
    assert ids["zh-CN"] == ids["zh-TW"] == ids["en"]
    assert documents["zh-TW"]["checklist"][0]["text"] == "門別開，待在屋裡，馬上打 110"
    assert documents["en"]["checklist"][0]["text"].startswith("Keep the door shut")
    english = [s for item in documents["en"]["checklist"] for s in item["sources"]]
    assert all(s["gloss"] for s in english if "reference" in s)


def quotes_of(document: dict[str, list[dict[str, list[dict[str, str]]]]]) -> list[str]:
    return [s["quote"] for item in document["checklist"] for s in item["sources"] if "quote" in s]


def test_traditional_chinese_keeps_quotes_verbatim_in_their_own_script(tmp_path: Path) -> None:
    answers = write(tmp_path, "a.yaml", ANSWERS)
    traditional = json.loads(
        run_cli("run", "--answers", str(answers), "--format", "json", "--lang", "zh-TW").stdout
    )
    simplified = json.loads(run_cli("run", "--answers", str(answers), "--format", "json").stdout)
    quotes = [quotes_of(d) for d in (traditional, simplified)]
    assert quotes[0] == quotes[1]
    assert (
        "如果遇到人员未经过本人同意擅自上门的情况,应当及时采取措施保护自己的合法权益" in quotes[0]
    )


def test_traditional_chinese_uses_taiwan_phrasing() -> None:
    assert i18n.traditional("短信和网络信息") == "簡訊和網路資訊"


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LANG": "zh_TW.UTF-8"}, "zh-TW"),
        ({"LANG": "zh_HK.UTF-8"}, "zh-TW"),
        ({"LANG": "zh_MO.UTF-8"}, "zh-TW"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "zh_CN.UTF-8"}, "zh-CN"),
        ({"LANG": "fr_FR.UTF-8"}, "zh-CN"),
        ({}, "zh-CN"),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_TW.UTF-8"}, "zh-TW"),
        ({"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "zh_TW.UTF-8"}, "en"),
    ],
)
def test_the_language_comes_from_the_locale(environ: dict[str, str], lang: str) -> None:
    assert i18n.detect_lang(environ) == lang


def test_every_message_of_the_program_has_chinese_and_english() -> None:
    for key, by_lang in words.all_keys().items():
        assert by_lang.get("zh-CN") and by_lang.get("en"), key


def test_every_language_of_the_main_flow_renders_every_string(
    main_flow: Flow, catalog: Catalog
) -> None:
    for lang in i18n.LANGS:
        rendered = view(main_flow, catalog, lang)
        assert all(line.text and line.detail for line in rendered.lines)


def test_markdown_parses_back_as_a_task_list(main_flow: Flow, catalog: Catalog) -> None:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.tasklists import tasklists_plugin

    rendered = view(main_flow, catalog)
    parser = MarkdownIt("commonmark").use(tasklists_plugin).use(footnote_plugin)
    html = parser.render(as_markdown(rendered))
    assert html.count('class="task-list-item-checkbox"') == len(rendered.lines)
    assert html.count('class="footnote-item"') == len(rendered.sources)


class _Strict(HTMLParser):
    """Collects tags and attributes, to look for scripts and outside assets."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_the_html_page_is_valid_html5_self_contained_and_without_scripts(
    main_flow: Flow, catalog: Catalog
) -> None:
    import html5lib

    page = as_html(view(main_flow, catalog))
    html5lib.HTMLParser(strict=True).parse(page)  # raises on any parse error
    collected = _Strict()
    collected.feed(page)
    tags = [tag for tag, _ in collected.tags]
    assert "script" not in tags and "link" not in tags and "img" not in tags
    links = [attrs.get("href") or "" for tag, attrs in collected.tags if tag == "a"]
    assert links and all(link.startswith("#source-") for link in links)
    assert tags.count("input") == len(view(main_flow, catalog).lines)
    assert "@page { size: A4" in page and "@media print" in page


def test_the_html_page_escapes_flow_text(tmp_path: Path, main_flow: Flow, catalog: Catalog) -> None:
    rendered = view(main_flow, catalog)
    first = rendered.groups[0].lines[0]
    hostile = report.Line(first.id, first.urgency, "<script>alert(1)</script>", "a & b", first.refs)
    group = report.Group(rendered.groups[0].urgency, "<h2>", (hostile,))
    page = as_html(
        report.Report(
            rendered.flow, "<t>", "zh-CN", {}, (group,), rendered.sources, rendered.footer
        )
    )
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(
    chromium() is None and not os.environ.get("CI"), reason="chromium is installed by .ci/run"
)
def test_the_html_page_prints_to_pdf_in_headless_chromium(
    main_flow: Flow, catalog: Catalog, tmp_path: Path
) -> None:
    browser = chromium()
    assert browser is not None, "CI must install chromium"
    assert print_to_pdf(browser, as_html(view(main_flow, catalog)), tmp_path / "checklist") >= 1


def print_to_pdf(browser: str, html: str, stem: Path) -> int:
    """Print `html` to PDF in headless Chromium; the number of pages."""
    page, pdf = stem.with_suffix(".html"), stem.with_suffix(".pdf")
    page.write_text(html, encoding="utf-8")
    profile = tempfile.mkdtemp()
    command = [
        browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
        "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri(),
    ]  # fmt: skip
    subprocess.run(command, capture_output=True, timeout=120, check=False)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    return data.count(b"/Type /Page") - data.count(b"/Type /Pages")


@pytest.mark.skipif(
    chromium() is None and not os.environ.get("CI"), reason="chromium is installed by .ci/run"
)
def test_the_html_page_with_letters_prints_each_letter_on_its_own_page(
    main_flow: Flow, catalog: Catalog, tmp_path: Path
) -> None:
    from overdue_guide.drafts.loader import parse_drafts
    from overdue_guide.drafts.view import attach

    drafts = parse_drafts(places.shipped_dir() / "drafts.yaml")[0]
    assert drafts is not None
    letters = [d for d in drafts.drafts.values() if d.kind == "letter"]
    checklist = view(main_flow, catalog)
    with_letters = attach(checklist, drafts, main_flow, TAKEN, {}, letters)
    browser = chromium()
    assert browser is not None, "CI must install chromium"
    pages = {
        name: print_to_pdf(browser, as_html(page_view), tmp_path / name)
        for name, page_view in (("plain", checklist), ("letters", with_letters))
    }
    assert len(letters) == 3
    assert pages["letters"] >= pages["plain"] + len(letters)


def test_the_html_page_opens_with_a_notice_worded_for_the_top_of_a_page(
    main_flow: Flow, catalog: Catalog
) -> None:
    page = as_html(view(main_flow, catalog))
    notice = page.split('<p class="notice">')[1].split("</p>")[0]
    assert notice == "这份清单是一般信息，不是法律意见。遇到危险，马上打 110。"
    assert "以上" not in page.split("<h1>")[1].split("</h2>")[0]
