"""The log as a document: JSON (the contract), Markdown, printable HTML, CSV.

`document` builds plain data from entries and flags; every format is drawn from
it, and `letter_material` gives the letters their timeline and evidence list.
What the person typed can hold anything: the Markdown and HTML show control and bidi
characters as escapes, JSON escapes them, and every CSV cell is safe to open in a
spreadsheet. All pure: no file, clock or terminal is touched here.
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..base.visible import BIDI, visible
from .flags import Flag
from .model import FIELDS, Entry, number_key, to_mapping, when
from .texts import HONESTY, by_code, flag_labels, say

FORMATS: tuple[str, ...] = ("markdown", "html", "csv", "json")
EXTENSIONS: dict[str, str] = {
    ".md": "markdown",
    ".html": "html",
    ".htm": "html",
    ".csv": "csv",
    ".json": "json",
}


@dataclass(frozen=True)
class Cited:
    """A reference as the export shows it: its citation and summary in the reader's language."""

    id: str
    cite: str
    summary: str


def document(entries: Sequence[Entry], flags: Sequence[Flag], lang: str = "en") -> dict[str, Any]:
    """The export as plain data: `{"entries", "flags", "summary", "notes"}`."""
    per_day, per_number = counts(entries)
    return {
        "entries": [{**to_mapping(e, with_id=True), "at_utc": _utc(e.at)} for e in entries],
        "flags": [{"entry": f.entry, "code": f.code, "reference": f.reference} for f in flags],
        "summary": {
            "entries": len(entries),
            "first": entries[0].local.isoformat() if entries else None,
            "last": entries[-1].local.isoformat() if entries else None,
            "per_day": dict(per_day),
            "per_number": dict(per_number),
            "flags": flag_counts(flags),
            "attachments": sum(len(e.attachments) for e in entries),
        },
        "notes": [say(key, lang) for key in HONESTY],
    }


def flag_counts(flags: Sequence[Flag]) -> dict[str, int]:
    """Per code, how many entries raised it: one entry that raises a code on two
    references (police impersonation: R02 and R11) counts once."""
    return dict(Counter(code for code, _ in dict.fromkeys((f.code, f.entry) for f in flags)))


def counts(entries: Sequence[Entry]) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """Contacts per local day (in date order) and per number (most first)."""
    per_day = Counter(e.local.date().isoformat() for e in entries)
    per_number = Counter(number_key(e.number) for e in entries if e.number)
    return sorted(per_day.items()), per_number.most_common()


def letter_material(entries: Sequence[Entry], flags: Sequence[Flag]) -> dict[str, Any]:
    """What a complaint letter or a police summary needs from the log, as plain data.

    `{"timeline": [{"entry", "at", "zone", "channel", "direction", "number", "org",
    "name", "staff_id", "said", "flags": [{"code", "reference"}]}],
    "evidence": [{"entry", "path", "sha256", "size", "mtime"}]}` — times are ISO 8601
    in the zone each entry was entered in; empty fields are None.
    """
    by_entry: dict[int, list[dict[str, str]]] = {}
    for flag in flags:
        by_entry.setdefault(flag.entry, []).append({"code": flag.code, "reference": flag.reference})
    timeline = []
    evidence = []
    for entry in entries:
        row: dict[str, Any] = {"entry": entry.id, "at": entry.local.isoformat(), "zone": entry.zone}
        for name in ("channel", "direction", "number", "org", "name", "staff_id", "said"):
            row[name] = getattr(entry, name)
        row["flags"] = by_entry.get(entry.id, [])
        timeline.append(row)
        evidence += [
            {
                "entry": entry.id,
                "path": a.path,
                "sha256": a.sha256,
                "size": a.size,
                "mtime": a.mtime,
            }
            for a in entry.attachments
        ]
    return {"timeline": timeline, "evidence": evidence}


def as_json(doc: Mapping[str, Any]) -> str:
    """The document with one entry or flag a line: readable, and made by the C encoder
    (`indent` would make Python encode a long log item by item). Control characters are
    JSON escapes already; bidi controls (U+202E…) become escapes too, the same string to a
    program but never reordering what a person reads."""
    parts = []
    for key, value in doc.items():
        if isinstance(value, list):
            items = ",\n    ".join(json.dumps(v, ensure_ascii=False) for v in value)
            parts.append(f'  "{key}": [\n    {items}\n  ]' if value else f'  "{key}": []')
        else:
            parts.append(f'  "{key}": {json.dumps(value, ensure_ascii=False)}')
    return ("{\n" + ",\n".join(parts) + "\n}\n").translate(_JSON_BIDI)


#: Bidi controls as JSON escapes (only ever inside strings: JSON has them nowhere else).
_JSON_BIDI = {c: f"\\u{c:04x}" for c in BIDI}


def as_csv(entries: Sequence[Entry], flags: Sequence[Flag]) -> str:
    """One row per entry under the contract's field names, UTF-8 with a BOM for spreadsheets;
    every cell safe to open in one (`spreadsheet_safe`)."""
    columns = ["id", *FIELDS, "at_utc", "flags"]
    by_entry = _flags_by_entry(flags)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for entry in entries:
        fields = to_mapping(entry, with_id=True)
        fields["at_utc"] = _utc(entry.at)
        fields["flags"] = _csv_flags(by_entry.get(entry.id, []))
        writer.writerow([spreadsheet_safe(name, _cell(name, fields.get(name))) for name in columns])
    return "\ufeff" + buffer.getvalue()


#: A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV
#: Injection"), or drops the tab or return; the full-width forms are what a Chinese input
#: method types, and some spreadsheets read them as formulas too.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
#: Columns whose digits are a number to dial or a staff number, not a quantity.
DIGITS_AS_TEXT = frozenset({"number", "staff_id"})


def spreadsheet_safe(name: str, cell: str) -> str:
    """The cell as a spreadsheet must show it: text, never a formula.

    OWASP's rule: a cell that starts with `=`, `+`, `-`, `@`, a tab or a return (or their
    full-width forms) gets a leading `'`, so `=HYPERLINK(…)` and `+86 138…` stay text; so
    does a `number` or `staff_id` of digits only (no 1.38E+10, no lost leading 0), and a
    cell that starts with `'` itself, so that reading back is one rule: drop one leading
    `'`, and every value is exactly as logged."""
    if cell.startswith((*FORMULA_START, "'")) or (name in DIGITS_AS_TEXT and cell.isdigit()):
        return "'" + cell
    return cell


def _csv_flags(flags: Sequence[Flag]) -> str:
    """An entry's flags for its CSV cell: each code once, with every reference that raised it
    (`impersonation (R02, R11)`), as `texts.flag_labels` words them for people."""
    grouped = by_code((f.code, f.reference) for f in flags)
    return "; ".join(f"{code} ({', '.join(refs)})" for code, refs in grouped.items())


def _cell(name: str, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if name == "third_parties":
        return "; ".join(f"{p['who']}: {p.get('told', '')}".rstrip(": ") for p in value)  # type: ignore[attr-defined]
    if name == "attachments":
        return "; ".join(f"{a['path']} sha256:{a['sha256']}" for a in value)  # type: ignore[attr-defined]
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def _utc(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def _flags_by_entry(flags: Sequence[Flag]) -> dict[int, list[Flag]]:
    found: dict[int, list[Flag]] = {}
    for flag in flags:
        found.setdefault(flag.entry, []).append(flag)
    return found


def details(entry: Entry, lang: str) -> list[str]:
    """What happened, field by field, in the reader's language: the cells of the table."""
    sep = ", " if lang == "en" else "、"
    lines = []
    for name in ("org", "name", "staff_id", "amount", "duration_s", "people"):
        value = getattr(entry, name)
        if value is not None:
            lines.append(f"{say(name, lang)}: {value}")
    for name in (
        "identified",
        "personal_account",
        "id_shown",
        "authorization_shown",
        "entry_attempted",
    ):
        value = getattr(entry, name)
        if value is not None:
            lines.append(f"{say(name, lang)}: {say('yes' if value else 'no', lang)}")
    for name in ("threats", "impersonated"):
        codes = getattr(entry, name)
        if codes:
            lines.append(f"{say(name, lang)}: {sep.join(say(c, lang) for c in codes)}")
    if entry.said:
        lines.append(f"{say('said', lang)}: “{entry.said}”")
    for party in entry.third_parties:
        told = f": “{party.told}”" if party.told else ""
        lines.append(f"{say('third_parties', lang)}: {party.who}{told}")
    if entry.witnesses:
        lines.append(f"{say('witnesses', lang)}: {sep.join(entry.witnesses)}")
    return lines


def channel(entry: Entry, lang: str) -> str:
    direction = f" · {say(entry.direction, lang)}" if entry.direction else ""
    return f"{say(entry.channel, lang)}{direction}"


def flag_words(flags: Sequence[Flag], lang: str) -> list[str]:
    """An entry's flags as `log list` and `log show` word them (`texts.flag_labels`)."""
    return flag_labels(((f.code, f.reference) for f in flags), lang)


def as_markdown(
    entries: Sequence[Entry], flags: Sequence[Flag], cited: Sequence[Cited], lang: str, made: str
) -> str:
    """A dated table with the flags and their references, counts, attachments, the notes."""
    by_entry = _flags_by_entry(flags)
    out = [f"# {say('title', lang)}", "", say("made", lang, when=made, n=len(entries)), ""]
    out += [f"> {_md(say(key, lang))}  " for key in HONESTY] + [""]
    if not entries:
        return visible("\n".join([*out, say("no_entries", lang), ""]), keep="\n")
    head = [say(k, lang) for k in ("id", "at", "channel", "number", "what", "flags")]
    out += [f"## {say('timeline', lang)}", "", _row(head), _row(["---"] * len(head))]
    for entry in entries:
        labels = [_md(x) for x in flag_words(by_entry.get(entry.id, []), lang)]
        cells = [
            str(entry.id),
            when(entry),
            _md(channel(entry, lang)),
            _md(entry.number or ""),
            "<br>".join(_md(line) for line in details(entry, lang)),
            "<br>".join(labels),
        ]
        out.append(_row(cells))
    return visible("\n".join(out + _md_tail(entries, cited, lang)) + "\n", keep="\n")


def _md_tail(entries: Sequence[Entry], cited: Sequence[Cited], lang: str) -> list[str]:
    out: list[str] = []
    per_day, per_number = counts(entries)
    for title, first, table in (
        (say("per_day", lang), say("day", lang), per_day),
        (say("per_number", lang), say("number", lang), per_number),
    ):
        if table:
            out += ["", f"## {title}", "", _row([first, say("count", lang)]), _row(["---", "---:"])]
            out += [_row([_md(key), str(n)]) for key, n in table]
    files = [(e.id, a) for e in entries for a in e.attachments]
    if files:
        head = [say(k, lang) for k in ("id", "attachments", "hash", "size", "mtime")]
        out += ["", f"## {say('attachments', lang)}", "", _row(head), _row(["---"] * len(head))]
        out += [
            _row([str(n), _md(a.path), f"`{a.sha256}`", str(a.size), _md(a.mtime)])
            for n, a in files
        ]
    if cited:
        out += ["", f"## {say('rules_cited', lang)}", ""]
        out += [f"- **{_md(c.id)}** {_md(c.cite)}: {_md(c.summary)}" for c in cited]
    return out


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _md(text: str) -> str:
    """Text Markdown shows literally: no links, emphasis, HTML or table breaks from input."""
    for char in "\\`*_[]<>#|":
        text = text.replace(char, "\\" + char)
    return " ".join(text.split())


_CSS = """
body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
  margin: 2em auto; max-width: 60em; padding: 0 1em; line-height: 1.5; color: #111; }
table { border-collapse: collapse; width: 100%; margin: 1em 0; }
th, td { border: 1px solid #888; padding: .3em .5em; vertical-align: top; text-align: left; }
th { background: #eee; }
td.flags { color: #a00; }
code { font-size: .8em; word-break: break-all; }
.notes { border-left: 4px solid #888; padding-left: 1em; }
@media print { body { margin: 0; max-width: none; } tr { break-inside: avoid; } }
"""


def as_html(
    entries: Sequence[Entry], flags: Sequence[Flag], cited: Sequence[Cited], lang: str, made: str
) -> str:
    """One self-contained, printable page: no scripts, no external files."""
    e = html.escape
    by_entry = _flags_by_entry(flags)
    title = say("title", lang)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{e(lang)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{e(title)}</h1><p>{e(say('made', lang, when=made, n=len(entries)))}</p>",
        '<div class="notes">' + "".join(f"<p>{e(say(k, lang))}</p>" for k in HONESTY) + "</div>",
    ]
    if entries:
        head = "".join(
            f"<th>{e(say(k, lang))}</th>"
            for k in ("id", "at", "channel", "number", "what", "flags")
        )
        out += [
            f"<h2>{e(say('timeline', lang))}</h2>",
            f"<table><thead><tr>{head}</tr></thead><tbody>",
        ]
        for entry in entries:
            labels = "<br>".join(e(x) for x in flag_words(by_entry.get(entry.id, []), lang))
            what = "<br>".join(e(line) for line in details(entry, lang))
            out.append(
                f"<tr><td>{entry.id}</td><td>{e(when(entry))}</td><td>{e(channel(entry, lang))}</td>"
                f'<td>{e(entry.number or "")}</td><td>{what}</td><td class="flags">{labels}</td></tr>'
            )
        out.append("</tbody></table>")
        out += _html_tail(entries, cited, lang)
    else:
        out.append(f"<p>{e(say('no_entries', lang))}</p>")
    out.append("</body></html>")
    return visible("\n".join(out) + "\n", keep="\n")


def _html_tail(entries: Sequence[Entry], cited: Sequence[Cited], lang: str) -> list[str]:
    e = html.escape
    out = []
    per_day, per_number = counts(entries)
    for title, first, table in (
        (say("per_day", lang), say("day", lang), per_day),
        (say("per_number", lang), say("number", lang), per_number),
    ):
        if table:
            rows = "".join(f"<tr><td>{e(k)}</td><td>{n}</td></tr>" for k, n in table)
            out.append(
                f"<h2>{e(title)}</h2><table><thead><tr><th>{e(first)}</th>"
                f"<th>{e(say('count', lang))}</th></tr></thead><tbody>{rows}</tbody></table>"
            )
    files = [(x.id, a) for x in entries for a in x.attachments]
    if files:
        head = "".join(
            f"<th>{e(say(k, lang))}</th>" for k in ("id", "attachments", "hash", "size", "mtime")
        )
        rows = "".join(
            f"<tr><td>{n}</td><td>{e(a.path)}</td><td><code>{a.sha256}</code></td>"
            f"<td>{a.size}</td><td>{e(a.mtime)}</td></tr>"
            for n, a in files
        )
        out.append(
            f"<h2>{e(say('attachments', lang))}</h2><table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
        )
    if cited:
        items = "".join(f"<li><b>{e(c.id)}</b> {e(c.cite)}: {e(c.summary)}</li>" for c in cited)
        out.append(f"<h2>{e(say('rules_cited', lang))}</h2><ul>{items}</ul>")
    return out
