"""Hostile values in every field of every evidence export come out as text: no live tag in
HTML, no markup in Markdown, no formula and no lost character in CSV."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timezone
from html.parser import HTMLParser

import pytest

from overdue_guide.evidence import export
from overdue_guide.evidence.model import Attachment, Entry, ThirdParty

#: A script, a comma, quotes, a table break, emphasis, a link, code, a heading, a
#: backslash and a line break: everything HTML, Markdown or CSV could read as structure.
HOSTILE = '<img src=x onerror=alert(1)>, "quoted" | *em* [link](http://x) `c` # _u_ \\ \nnext'
SCRIPT = "<img src=x onerror=alert(1)>"

#: Every text field of an entry, each starting with another character a spreadsheet
#: reads as a formula (or with the quote that reading back drops).
FIELDS = {
    "number": "=",
    "org": "+",
    "name": "-",
    "staff_id": "@",
    "said": "＝",
    "amount": "'",
}

ENTRY = Entry(
    at=datetime(2026, 11, 20, 14, 30, tzinfo=timezone.utc),
    zone="Asia/Shanghai",
    channel="call",
    direction="in",
    third_parties=(ThirdParty("\t" + HOSTILE, "-" + HOSTILE),),
    attachments=(Attachment("@" + HOSTILE, "ab" * 32, 10, "+" + HOSTILE),),
    witnesses=("=" + HOSTILE, "b"),
    id=1,
    **{name: start + HOSTILE for name, start in FIELDS.items()},  # type: ignore[arg-type]
)
CITED = [export.Cited("R04" + SCRIPT, "指引" + SCRIPT, "夜间" + SCRIPT)]

#: The tags the evidence page is made of: anything else came from a value.
PAGE_TAGS = {
    *("html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "div", "br"),
    *("table", "thead", "tbody", "tr", "th", "td", "code", "ul", "li", "b"),
}


class Tags(HTMLParser):
    """The start tags, attribute names and text of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes |= {name for name, _ in attrs}

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(page: str) -> Tags:
    tags = Tags()
    tags.feed(page)
    return tags


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_html_export_shows_a_script_in_every_field_as_text(lang: str) -> None:
    page = parsed(export.as_html([ENTRY], [], CITED, lang, "now"))
    assert page.tags <= PAGE_TAGS
    assert page.attributes <= {"lang", "charset", "name", "content", "class"}
    text = "".join(page.text)
    # 6 fields, who, told, a witness, the number counted, the file and its time, 3 cited
    assert text.count("onerror=alert(1)>") == 15
    assert "\\x09" + SCRIPT in text  # the tab shown, not obeyed
    assert '"quoted" | *em* [link](http://x) `c` # _u_ \\ \nnext' in text


def test_html_export_escapes_the_number_alone() -> None:
    entry = Entry(ENTRY.at, "Asia/Shanghai", "call", number=SCRIPT, id=1)
    page = export.as_html([entry], [], [], "en", "now")
    assert "<td>&lt;img src=x onerror=alert(1)&gt;</td>" in page
    assert "<img" not in page


def test_markdown_export_escapes_every_markup_character_in_every_field() -> None:
    from markdown_it import MarkdownIt

    text = export.as_markdown([ENTRY], [], CITED, "en", "now")
    page = parsed(MarkdownIt("commonmark").enable("table").render(text))
    assert page.tags <= {"h1", "h2", "p", "blockquote", "table", "thead", "tbody"} | {
        *("tr", "th", "td", "br", "code", "ul", "li", "strong"),
    }
    assert page.attributes <= {"style"}
    shown = "".join(page.text)
    assert shown.count("onerror=alert(1)>") == 15
    assert "*em* [link](http://x) `c` # _u_ \\ next" in shown


def test_markdown_escapes_angle_brackets_in_a_detail() -> None:
    entry = Entry(ENTRY.at, "Asia/Shanghai", "call", name='<script>alert("x")</script>', id=1)
    text = export.as_markdown([entry], [], [], "en", "now")
    assert '\\<script\\>alert("x")\\</script\\>' in text


def test_csv_round_trip_keeps_commas_quotes_newlines_and_formula_starts_in_every_field() -> None:
    text = export.as_csv([ENTRY], [])
    (row,) = csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    for name, start in FIELDS.items():
        assert row[name] == "'" + start + HOSTILE, name
    assert row["third_parties"] == "'\t" + HOSTILE + ": -" + HOSTILE
    assert row["attachments"] == "'@" + HOSTILE + " sha256:" + "ab" * 32
    assert row["witnesses"] == "'=" + HOSTILE + "; b"
