"""`overdue-guide web build`: one self-contained page, byte for byte the same from the
same inputs, small, loading nothing, its code allowed by its own CSP and nothing else."""

from __future__ import annotations

import base64
import gzip
import hashlib
import re
from importlib import resources
from pathlib import Path

import html5lib  # type: ignore[import-untyped]

from overdue_guide.web.build import SCRIPTS, build

from .helpers import run_cli, write

BROKEN_FLOW = """
format: 1
flow: broken
title: {zh-CN: 标题, en: Title}
start: q
questions:
  - id: q
    prompt: {zh-CN: 问题, en: Question}
    options:
      - code: a
        label: {zh-CN: 甲, en: A}
        items: [missing_item]
      - code: b
        label: {zh-CN: 乙, en: B}
items: []
"""


def test_the_same_inputs_build_the_same_bytes() -> None:
    assert build(None) == build(None)


def test_the_page_with_three_languages_is_at_most_400_kb(web_page: Path) -> None:
    """Issue 21's limit; its data says each thing once (`web/pack.py`), so the content can
    still grow. zh-TW texts are mostly derived from zh-CN in the page: the unpacked
    document is compared with the CLI's in `test_web_pack`."""
    data = web_page.read_bytes()
    assert len(data) <= 400 * 1024
    assert len(gzip.compress(data)) <= 120 * 1024
    for words in ("马上做", "Right now"):
        assert words.encode() in data


def sha256(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode() + "'"


def test_the_csp_allows_only_the_page_s_own_inline_style_and_script(web_page: Path) -> None:
    document = html5lib.parse(web_page.read_text("utf-8"), namespaceHTMLElements=False)
    policy = document.find(".//meta[@http-equiv='Content-Security-Policy']").get("content")
    scripts = [s for s in document.iter("script") if s.get("type") != "application/json"]
    styles = list(document.iter("style"))
    assert len(scripts) == 1 and len(styles) == 1
    assert policy == (
        f"default-src 'none'; script-src {sha256(scripts[0].text)}; "
        f"style-src {sha256(styles[0].text)}; img-src data:; base-uri 'none'; form-action 'none'"
    )
    linked = [
        (e.tag, a, e.get(a))
        for e in document.iter()
        for a in ("src", "href", "action")
        if e.get(a) is not None
    ]
    assert linked == [("link", "href", "data:,"), ("a", "href", "tel:110")]


def test_the_scripts_use_no_module_loading_fetch_or_later_syntax() -> None:
    code = "\n".join(asset(name) for name in SCRIPTS)
    for banned in (
        "import ",
        "export ",
        "fetch(",
        "XMLHttpRequest",
        "WebSocket",
        "?.",
        "??",
        "BigInt(",
        "eval(",
    ):
        assert banned not in code, banned
    assert not re.search(r"(?<![\w.])\d+n\b", code)  # no BigInt literals


def asset(name: str) -> str:
    return (resources.files("overdue_guide.web") / "assets" / name).read_text("utf-8")


def test_the_installed_package_carries_the_page_s_files() -> None:
    folder = resources.files("overdue_guide.web") / "assets"
    for name in (*SCRIPTS, "page.css", "page.html"):
        assert (folder / name).is_file(), name


def test_web_build_writes_the_page_where_asked_readable_for_a_web_server(tmp_path: Path) -> None:
    done = run_cli("web", "build", "--output", "guide.html", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    page = tmp_path / "guide.html"
    assert page.read_text("utf-8") == build(None)
    assert page.stat().st_mode & 0o777 == 0o644
    assert done.stderr.startswith("wrote guide.html (")


def test_web_build_writes_overdue_guide_html_by_default(tmp_path: Path) -> None:
    assert run_cli("web", "build", cwd=tmp_path).returncode == 0
    assert (tmp_path / "overdue-guide.html").is_file()


def test_web_build_refuses_a_flow_with_findings_in_one_line_with_exit_1(tmp_path: Path) -> None:
    flow = write(tmp_path, "broken.yaml", BROKEN_FLOW)
    done = run_cli("web", "build", str(flow), "--output", str(tmp_path / "page.html"), cwd=tmp_path)
    assert done.returncode == 1
    assert len(done.stderr.splitlines()) == 1 and done.stderr.startswith("overdue-guide: ")
    assert "missing_item" in done.stderr
    assert not (tmp_path / "page.html").exists()
