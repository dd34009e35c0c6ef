"""Every export format parsed back; the honesty notes in every language; letter material."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timezone

import pytest

from overdue_guide.evidence import export, flags, rules
from overdue_guide.evidence.model import Attachment, Entry, ThirdParty, zone_info
from overdue_guide.evidence.texts import all_keys

from .helpers import run_cli


def at(local: str) -> datetime:
    return (
        datetime.fromisoformat(local)
        .replace(tzinfo=zone_info("Asia/Shanghai"))
        .astimezone(timezone.utc)
    )


RECORDING = Attachment("/home/me/录音 1.m4a", "ab" * 32, 2048, "2026-11-20T14:35:00+00:00")
ENTRIES = [
    Entry(
        at=at("2026-11-20T22:30"),
        zone="Asia/Shanghai",
        channel="call",
        direction="in",
        number="95188",
        said='他说 "不还就 | 上门" <b>',
        threats=("exposure",),
        attachments=(RECORDING,),
        id=1,
    ),
    Entry(
        at=at("2026-11-21T10:00"),
        zone="Asia/Shanghai",
        channel="visit",
        people=2,
        id_shown=False,
        third_parties=(ThirdParty("邻居", "她欠钱"),),
        id=2,
    ),
]
FLAGS = flags.evaluate(ENTRIES, rules.load())


def test_the_json_document_has_entries_flags_and_summary() -> None:
    document = json.loads(export.as_json(export.document(ENTRIES, FLAGS, "en")))
    assert [e["id"] for e in document["entries"]] == [1, 2]
    assert document["entries"][0]["at"] == "2026-11-20T22:30:00+08:00"
    assert document["entries"][0]["attachments"][0]["sha256"] == "ab" * 32
    assert {"entry": 1, "code": "night_hours", "reference": "R04"} in document["flags"]
    assert {"entry": 2, "code": "third_party_disclosure", "reference": "R05"} in document["flags"]
    summary = document["summary"]
    assert summary["entries"] == 2 and summary["attachments"] == 1
    assert summary["per_day"] == {"2026-11-20": 1, "2026-11-21": 1}
    assert summary["per_number"] == {"95188": 1}
    assert summary["flags"]["threat"] == 1


def test_the_summary_counts_each_flag_once_per_entry_that_raised_it() -> None:
    posed = [
        Entry(
            at=at(f"2026-11-2{n}T10:00"),
            zone="Asia/Shanghai",
            channel="call",
            id=n,
            impersonated=("police",),
        )
        for n in (1, 2)
    ]
    raised = flags.evaluate(posed, rules.load())
    assert [f.reference for f in raised if f.code == "impersonation"] == ["R02", "R11"] * 2
    document = export.document(posed, raised, "en")
    assert document["summary"]["flags"] == {"impersonation": 2}


def test_csv_opens_in_a_spreadsheet_and_reads_back_row_by_row() -> None:
    text = export.as_csv(ENTRIES, FLAGS)
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert [r["id"] for r in rows] == ["1", "2"]
    assert rows[0]["said"] == '他说 "不还就 | 上门" <b>'
    assert rows[0]["attachments"] == f"/home/me/录音 1.m4a sha256:{'ab' * 32}"
    assert "night_hours (R04)" in rows[0]["flags"]
    assert rows[1]["third_parties"] == "邻居: 她欠钱"
    assert rows[1]["id_shown"] == "false"


def test_markdown_is_a_table_with_one_row_per_entry_and_input_shown_literally() -> None:
    from markdown_it import MarkdownIt

    text = export.as_markdown(ENTRIES, FLAGS, [], "zh-CN", "2026-11-22 09:00")
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    rows = [t for t in tokens if t.type == "tr_open"]
    assert len(rows) == (1 + 2) + (1 + 2) + (1 + 1) + (1 + 1)  # timeline, days, numbers, files
    assert not any(t.type == "html_inline" for t in tokens)
    assert "ab" * 32 in text


def test_html_is_one_valid_self_contained_page() -> None:
    import html5lib

    page = export.as_html(ENTRIES, FLAGS, [export.Cited("R04", "指引", "夜间")], "zh-CN", "now")
    html5lib.HTMLParser(strict=True).parse(page)
    assert "<script" not in page and "http" not in page
    assert "&lt;b&gt;" in page and "<b>R04</b>" in page
    assert page.count("<tr>") == (1 + 2) + (1 + 2) + (1 + 1) + (1 + 1)  # header rows too
    assert "@media print" in page


#: The honesty notes as they read (their starts): the originals, recording, privacy, flags.
HONESTY_NOTES = {
    "zh-CN": [
        "这是我自己记下的经过。它要有原始证据支持：录音、截图、照片的原始文件",
        "自己参加的通话或上门，自己录音一般可以作为证据",
        "不要把录音、截图或任何人的个人信息发到网上。",
        "“可能违反的规则”是按公开规则自动对照的提示，不是法律结论。",
    ],
    "zh-TW": [
        "這是我自己記下的經過。它要有原始證據支持：錄音、截圖、照片的原始檔案",
        "自己參加的通話或上門，自己錄音一般可以作為證據",
        "不要把錄音、截圖或任何人的個人資訊發到網上。",
        "“可能違反的規則”是按公開規則自動對照的提示，不是法律結論。",
    ],
    "en": [
        "This is my own account of what happened. It needs the originals behind it",
        "Recording a call or visit you take part in is generally accepted as evidence",
        "Do not post recordings, screenshots or anyone",
        "“Rules possibly broken” are pointers checked automatically against published rules",
    ],
}


@pytest.mark.parametrize("lang", ["zh-CN", "zh-TW", "en"])
def test_every_export_says_the_log_needs_the_originals_and_nothing_goes_online(lang: str) -> None:
    for text in (
        export.as_markdown(ENTRIES, FLAGS, [], lang, "now"),
        export.as_html(ENTRIES, FLAGS, [], lang, "now"),
        export.as_json(export.document(ENTRIES, FLAGS, lang)),
    ):
        for note in HONESTY_NOTES[lang]:
            assert note in text, (note, text[:300])


def test_no_text_of_the_log_lacks_english_or_chinese() -> None:
    for key, by_lang in all_keys().items():
        assert by_lang.get("zh-CN") and by_lang.get("en"), key


def test_letter_material_is_the_timeline_and_the_evidence_as_plain_data() -> None:
    material = export.letter_material(ENTRIES, FLAGS)
    assert json.loads(json.dumps(material)) == material
    first = material["timeline"][0]
    assert (first["entry"], first["at"], first["channel"]) == (
        1,
        "2026-11-20T22:30:00+08:00",
        "call",
    )
    assert {"code": "night_hours", "reference": "R04"} in first["flags"]
    assert material["evidence"] == [
        {
            "entry": 1,
            "path": RECORDING.path,
            "sha256": "ab" * 32,
            "size": 2048,
            "mtime": RECORDING.mtime,
        }
    ]


def test_export_writes_the_format_its_file_name_says(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    env = {"XDG_DATA_HOME": str(folder / "data")}
    run_cli("log", "add", "--at", "2026-11-20T23:00+08:00", "--channel", "call", env=env)
    for name in ("log.md", "log.html", "log.csv", "log.json"):
        result = run_cli("log", "export", "-o", str(folder / name), env=env)
        assert result.returncode == 0, result.stderr
    assert json.loads((folder / "log.json").read_text("utf-8"))["flags"][0]["code"] == "night_hours"
    assert (folder / "log.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert (folder / "log.html").read_text("utf-8").startswith("<!DOCTYPE html>")
    assert "R04" in (folder / "log.md").read_text("utf-8")
    assert (folder / "log.md").stat().st_mode & 0o077 == 0


def test_csv_is_the_contracts_columns_with_every_cell_as_written_out() -> None:
    text = export.as_csv(ENTRIES, FLAGS)
    assert text.startswith("\ufeffid,at,zone,duration_s,channel,direction,number,org,name,")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    assert text.count("\r\n") == 3
    assert rows[0][-2:] == ["at_utc", "flags"]
    assert [cell for cell in rows[1] if cell] == [
        *("1", "2026-11-20T22:30:00+08:00", "Asia/Shanghai", "call", "in", "'95188"),
        *('他说 "不还就 | 上门" <b>', "exposure"),
        f"/home/me/录音 1.m4a sha256:{'ab' * 32}",
        *("2026-11-20T14:30:00Z", "night_hours (R04); threat (R12)"),
    ]
    assert [cell for cell in rows[2] if cell] == [
        *("2", "2026-11-21T10:00:00+08:00", "Asia/Shanghai", "visit", "邻居: 她欠钱", "2"),
        *("false", "2026-11-21T02:00:00Z", "third_party_disclosure (R05)"),
    ]


def test_the_json_summary_and_flags_are_written_out() -> None:
    document = json.loads(export.as_json(export.document(ENTRIES, FLAGS, "en")))
    assert list(document) == ["entries", "flags", "summary", "notes"]
    assert document["entries"][1] == {
        "id": 2,
        "at": "2026-11-21T10:00:00+08:00",
        "zone": "Asia/Shanghai",
        "channel": "visit",
        "third_parties": [{"who": "邻居", "told": "她欠钱"}],
        "people": 2,
        "id_shown": False,
        "at_utc": "2026-11-21T02:00:00Z",
    }
    assert document["flags"] == [
        {"entry": 1, "code": "night_hours", "reference": "R04"},
        {"entry": 1, "code": "threat", "reference": "R12"},
        {"entry": 2, "code": "third_party_disclosure", "reference": "R05"},
    ]
    assert document["summary"] == {
        "entries": 2,
        "first": "2026-11-20T22:30:00+08:00",
        "last": "2026-11-21T10:00:00+08:00",
        "per_day": {"2026-11-20": 1, "2026-11-21": 1},
        "per_number": {"95188": 1},
        "flags": {"night_hours": 1, "threat": 1, "third_party_disclosure": 1},
        "attachments": 1,
    }
    assert document["notes"][0].startswith("This is my own account of what happened.")


def test_json_keeps_chinese_as_written_and_an_empty_list_on_one_line() -> None:
    text = export.as_json(export.document([], [], "zh-CN"))
    assert '  "entries": [],\n  "flags": [],' in text
    assert "这是我自己记下的经过" in text


#: The Markdown export of ENTRIES in English, from its timeline on.
MARKDOWN_TIMELINE = """## In time order

| No. | When | Channel | Number or account | What happened | Rules possibly broken |
| --- | --- | --- | --- | --- | --- |
| 1 | 2026-11-20 22:30 (+08:00) | call · they contacted me | 95188 | Threats: exposing you to others<br>Words quoted: “他说 "不还就 \\| 上门" \\<b\\>” | night hours (night\\_hours, R04)<br>threatened (threat, R12) |
| 2 | 2026-11-21 10:00 (+08:00) | visit |  | People at the door: 2<br>ID shown: no<br>Others contacted, and told: 邻居: “她欠钱” | told a third party (third\\_party\\_disclosure, R05) |

## Contacts per day

| Day | Count |
| --- | ---: |
| 2026-11-20 | 1 |
| 2026-11-21 | 1 |

## Contacts per number

| Number or account | Count |
| --- | ---: |
| 95188 | 1 |

## Attachments

| No. | Attachments | SHA-256 | Size (bytes) | Modified (UTC) |
| --- | --- | --- | --- | --- |
| 1 | /home/me/录音 1.m4a | `abababababababababababababababababababababababababababababababab` | 2048 | 2026-11-20T14:35:00+00:00 |

## Rules cited

- **R04** 指引: 夜间
"""


def test_the_markdown_export_reads_as_written_out() -> None:
    cited = [export.Cited("R04", "指引", "夜间")]
    text = export.as_markdown(ENTRIES, FLAGS, cited, "en", "2026-11-22 09:00")
    assert text.startswith("# Collection contact log\n\nMade 2026-11-22 09:00; 2 entries\n\n> ")
    assert text.endswith("  \n\n" + MARKDOWN_TIMELINE)


#: The HTML export of ENTRIES in English, from its timeline on.
HTML_TIMELINE = """<h2>In time order</h2>
<table><thead><tr><th>No.</th><th>When</th><th>Channel</th><th>Number or account</th><th>What happened</th><th>Rules possibly broken</th></tr></thead><tbody>
<tr><td>1</td><td>2026-11-20 22:30 (+08:00)</td><td>call · they contacted me</td><td>95188</td><td>Threats: exposing you to others<br>Words quoted: “他说 &quot;不还就 | 上门&quot; &lt;b&gt;”</td><td class="flags">night hours (night_hours, R04)<br>threatened (threat, R12)</td></tr>
<tr><td>2</td><td>2026-11-21 10:00 (+08:00)</td><td>visit</td><td></td><td>People at the door: 2<br>ID shown: no<br>Others contacted, and told: 邻居: “她欠钱”</td><td class="flags">told a third party (third_party_disclosure, R05)</td></tr>
</tbody></table>
<h2>Contacts per day</h2><table><thead><tr><th>Day</th><th>Count</th></tr></thead><tbody><tr><td>2026-11-20</td><td>1</td></tr><tr><td>2026-11-21</td><td>1</td></tr></tbody></table>
<h2>Contacts per number</h2><table><thead><tr><th>Number or account</th><th>Count</th></tr></thead><tbody><tr><td>95188</td><td>1</td></tr></tbody></table>
<h2>Attachments</h2><table><thead><tr><th>No.</th><th>Attachments</th><th>SHA-256</th><th>Size (bytes)</th><th>Modified (UTC)</th></tr></thead><tbody><tr><td>1</td><td>/home/me/录音 1.m4a</td><td><code>abababababababababababababababababababababababababababababababab</code></td><td>2048</td><td>2026-11-20T14:35:00+00:00</td></tr></tbody></table>
<h2>Rules cited</h2><ul><li><b>R04</b> 指引: 夜间</li></ul>
</body></html>
"""


def test_the_html_export_reads_as_written_out() -> None:
    cited = [export.Cited("R04", "指引", "夜间")]
    page = export.as_html(ENTRIES, FLAGS, cited, "en", "2026-11-22 09:00")
    assert page.startswith(
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>Collection contact log</title><style>"
    )
    assert (
        "</style></head><body>\n<h1>Collection contact log</h1><p>Made 2026-11-22 09:00; 2 entries</p>\n"
        in page
    )
    assert page.endswith("</p></div>\n" + HTML_TIMELINE)


def test_an_empty_log_says_so_in_every_export() -> None:
    assert export.as_markdown([], [], [], "en", "now").endswith("  \n\nThe log is empty.\n")
    assert export.as_html([], [], [], "en", "now").endswith(
        "<p>The log is empty.</p>\n</body></html>\n"
    )


def test_csv_writes_yes_as_true_and_a_person_told_nothing_without_a_colon() -> None:
    told = (ThirdParty("同事"), ThirdParty("妈妈", "欠钱"))
    entry = Entry(
        ENTRIES[0].at, "Asia/Shanghai", "visit", identified=True, third_parties=told, id=3
    )
    (row,) = csv.DictReader(io.StringIO(export.as_csv([entry], []).removeprefix("\ufeff")))
    assert (row["identified"], row["third_parties"]) == ("true", "同事; 妈妈: 欠钱")
