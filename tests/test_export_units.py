"""The checklist's exports, fast: a checklist made by hand (`tiny_report`) with markup, a
link, a table bar and a line break in its fields, and every export written out in full.
Flow text is untrusted: Markdown shows it literally, HTML escapes it, JSON keeps it."""

from __future__ import annotations

from pathlib import Path

import pytest

from overdue_guide.output import export
from overdue_guide.output.report import Rendered, Report

from .tiny_report import tiny_report

MARKDOWN = r"""# Plan \<X\> & \[more\]

## Now \| \*first\*

- [ ] **Call 110 \[x\](javascript:alert(1))**[^1][^2]{br}
  Danger first \# \_u\_
  → Say \<b\>; X\|Y
- [ ] **Keep \<script\>alert(1)\</script\>**[^2]{br}
  Keep \`it\`

## This week

- [ ] **Check the bill**[^3][^1][^4]{br}
  It \\ may be wrong

## Sources

[^1]: Document 000 《A》：「said \<i\>so\</i\>」
[^2]: A law, article 1
[^3]: A rule (reported)：「quote \*q\*」
[^4]: A law, article 2

> Info \_only\_
""".format(br="  ")  # a Markdown line break: two spaces at the end of the line

HTML_HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Plan &lt;X&gt; &amp; [more]</title>
<style>
:root { color-scheme: light; }
"""

HTML_BODY = """@media print {
  main { max-width: none; padding: 0; }
  .refs a { text-decoration: none; }
  h2 { break-after: avoid; }
}
</style>
</head>
<body>
<main>
<h1>Plan &lt;X&gt; &amp; [more]</h1>
<p class="notice">This checklist is general information, not legal advice. If you are in danger, call 110 now.</p>
<section class="now">
<h2>Now | *first*</h2>
<ul class="checklist">
<li id="item-call"><label><input type="checkbox"> <span>Call 110 [x](javascript:alert(1))</span> <span class="refs"><a href="#source-1">[1]</a><a href="#source-2">[2]</a></span></label>
<p class="detail">Danger
first # _u_</p>
<p class="helps">→ Say &lt;b&gt;; X|Y</p></li>
<li id="item-keep"><label><input type="checkbox"> <span>Keep &lt;script&gt;alert(1)&lt;/script&gt;</span> <span class="refs"><a href="#source-2">[2]</a></span></label>
<p class="detail">Keep `it`</p></li>
</ul>
</section>
<section class="this-week">
<h2>This week</h2>
<ul class="checklist">
<li id="item-check"><label><input type="checkbox"> <span>Check the bill</span> <span class="refs"><a href="#source-3">[3]</a><a href="#source-1">[1]</a><a href="#source-4">[4]</a></span></label>
<p class="detail">It \\ may be wrong</p></li>
</ul>
</section>
<section>
<h2>Sources</h2>
<ol class="sources">
<li id="source-1">Document 000 《A》<blockquote>「said &lt;i&gt;so&lt;/i&gt;」</blockquote></li>
<li id="source-2">A law, article 1</li>
<li id="source-3">A rule (reported)<blockquote>「quote *q*」</blockquote></li>
<li id="source-4">A law, article 2</li>
</ol>
</section>
</main>
</body>
</html>
"""

TEXT_ZH = """Plan <X> & [more]

Now | *first*
 ☐ Call 110 [x](javascript:alert(1)) [1][2]
   Danger
   first # _u_
   → Say <b>；X|Y
 ☐ Keep <script>alert(1)</script> [2]
   Keep `it`

This week
 ☐ Check the bill [3][1][4]
   It \\ may be wrong

来源
 [1] Document 000 《A》
     「said <i>so</i>」
 [2] A law, article 1
 [3] A rule (reported)
     「quote *q*」
 [4] A law, article 2

Info _only_
"""


def with_drafts(report: Report) -> Report:
    """`report` with one script made for it."""
    draft = Rendered("door", "script", "At the <b>door</b>", "说这句。", "Say *this*.", (), ())
    return Report(
        report.flow,
        report.title,
        report.lang,
        report.answers,
        report.groups,
        report.sources,
        report.footer,
        (draft,),
    )


def without_sources(report: Report) -> Report:
    return Report(
        report.flow, report.title, report.lang, report.answers, report.groups, (), report.footer
    )


def test_markdown_shows_every_flow_text_literally() -> None:
    assert export.as_markdown(tiny_report()) == MARKDOWN


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("<script>alert(1)</script>", r"\<script\>alert(1)\</script\>"),
        ("[x](javascript:alert(1))", r"\[x\](javascript:alert(1))"),
        ("a | b", r"a \| b"),
        ("*em* _u_ `c` # h", r"\*em\* \_u\_ \`c\` \# h"),
        ("back\\slash", "back\\\\slash"),
        ("one\ntwo\r\n  three", "one two three"),
        # a bidi control reaches the export written out by `report.clean`: it stays visible
        (r"X \u202e Y", r"X \\u202e Y"),
    ],
)
def test_markdown_escapes_each_character_it_would_read(text: str, shown: str) -> None:
    assert export._md(text) == shown


def test_markdown_without_sources_has_no_sources_heading() -> None:
    shown = export.as_markdown(without_sources(tiny_report()))
    assert "## Sources" not in shown
    assert shown.endswith("  It \\\\ may be wrong\n\n> Info \\_only\\_\n")


def test_markdown_puts_the_drafts_escaped_before_the_footer() -> None:
    shown = export.as_markdown(with_drafts(tiny_report()))
    assert shown.endswith(
        "[^4]: A law, article 2\n\n## Words and letters\n\n### At the \\<b\\>door\\</b\\>\n\n"
        "说这句。\n\n*For your understanding — say or send the Chinese above:*\n\n"
        "> Say \\*this\\*.\n\n\n> Info \\_only\\_\n"
    )


def test_html_is_one_page_with_every_flow_text_escaped() -> None:
    page = export.as_html(tiny_report())
    assert page.startswith(HTML_HEAD)
    assert page.endswith(HTML_BODY)
    assert page.count("<style>") == 1


def test_html_without_sources_has_no_sources_section() -> None:
    page = export.as_html(without_sources(tiny_report()))
    assert "<h2>Sources</h2>" not in page
    assert page.endswith(
        '<p class="detail">It \\ may be wrong</p></li>\n</ul>\n</section>\n</main>\n</body>\n</html>\n'
    )


def test_html_puts_the_drafts_style_in_the_one_style_element() -> None:
    page = export.as_html(with_drafts(tiny_report()))
    assert page.count("<style>") == 1
    assert "h2 { break-after: avoid; }\n}\n\nsection.draft { margin-top: 2rem; }" in page
    assert ".draft .tip { font-size: .9rem; color: #555; }\n</style>\n</head>" in page
    assert page.endswith(
        '<section class="draft script" id="draft-door">\n<h2>At the &lt;b&gt;door&lt;/b&gt;</h2>\n'
        '<div class="chinese" lang="zh-CN"><p>说这句。</p></div>\n<div class="translation" lang="en">'
        "<p><em>For your understanding — say or send the Chinese above:</em></p>"
        "<p>Say *this*.</p></div>\n</section>\n</main>\n</body>\n</html>\n"
    )


def test_html_names_the_scripts_that_help_with_an_item_escaped() -> None:
    assert export._helps_html(("A <b>", "B & C"), "zh-CN") == (
        '\n<p class="helps">→ A &lt;b&gt;；B &amp; C</p>'
    )
    assert export._helps_html((), "en") == ""


def test_text_is_the_terminal_checklist_without_colour() -> None:
    assert export.as_text(tiny_report("zh-CN")) == TEXT_ZH


def test_text_has_no_escape_codes_even_where_colour_is_forced(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert export.as_text(tiny_report("zh-CN")) == TEXT_ZH


def test_text_keeps_emoji_codes_as_written() -> None:
    report = Report("f", ":warning: Take care", "en", {}, (), (), "end")
    assert export.as_text(report) == ":warning: Take care\n\nend\n"


def test_text_is_eighty_columns_wide_unless_told() -> None:
    report = tiny_report()
    long = Report(report.flow, "x" * 40 + " " + "y" * 40, "en", {}, (), (), "end")
    assert export.as_text(long).splitlines()[:2] == ["x" * 40, "y" * 40]
    assert export.as_text(long, width=81).splitlines()[0] == "x" * 40 + " " + "y" * 40


def test_json_keeps_chinese_and_markup_as_written_two_spaces_deep() -> None:
    assert export.as_json({"说": "<b>", "n": [1]}) == '{\n  "说": "<b>",\n  "n": [\n    1\n  ]\n}\n'


@pytest.mark.parametrize(
    ("output_format", "start"),
    [
        ("json", '{\n  "flow": "f"\n}'),
        ("markdown", "# Plan \\<X\\>"),
        ("html", "<!DOCTYPE html>"),
        ("text", "Plan <X> & [more]\n\nNow"),
    ],
)
def test_each_format_renders_as_its_exporter(output_format: str, start: str) -> None:
    shown = export.render_as(output_format, tiny_report(), {"flow": "f"})
    assert shown.startswith(start)


@pytest.mark.parametrize(
    ("name", "output_format"),
    [
        ("a.md", "markdown"),
        ("a.HTML", "html"),
        ("a.htm", "html"),
        ("a.json", "json"),
        ("a.Txt", "text"),
        ("a.pdf", None),
        ("md", None),
    ],
)
def test_a_file_name_chooses_the_format(name: str, output_format: str | None) -> None:
    assert export.format_for(Path(name)) == output_format
