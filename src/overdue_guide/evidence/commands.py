"""What each `overdue-guide log …` command does: the I/O edge of the evidence log.

The CLI parses options and calls one function here; these read files and the
clock, call the pure parts (parse, rules, export) and the store, and write to
standard output. Errors are typed (`EntryError`, `StorageError`) for the one
boundary in `entry.py`.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ExitStatus, GuideError, NoTerminal
from . import store
from .problems import EntryError, said_in
from .texts import flag_labels, say

if TYPE_CHECKING:
    from .model import Attachment, Entry
    from .parse import Value


class VerifyFailed(GuideError):
    """Some attachments changed or went missing (exit 1: findings)."""

    status = ExitStatus.FINDINGS


def _out(line: str) -> None:
    """A line out, escape sequences in what the person typed (`said`, …) made visible, and
    line breaks too: one field is one line, so a value can never pass for another field."""
    from ..base.visible import write_visible

    write_visible(line, keep="\t")
    sys.stdout.write("\n")


def _now() -> datetime:
    return datetime.now(timezone.utc)


def fingerprint(path: str) -> Attachment:
    """`attach.fingerprint`, imported (with hashlib) only for an entry with attachments."""
    from .attach import fingerprint as of_file

    return of_file(path)


def _zone() -> str:
    from .zones import local_zone

    return local_zone()


def add(files: Sequence[Path], flags: Mapping[str, Value], lang: str) -> list[int]:
    """`log add --from FILE…` or `log add --at … --channel …`: every entry checked first,
    then all stored in one transaction."""
    from .fromfile import read_file
    from .parse import build

    if files and flags:
        where = next(iter(flags.values())).where
        raise EntryError(say("files_or_options", lang, where=where))
    now, zone = _now(), _zone()
    with said_in(lang):
        if files:
            entries = [e for path in files for e in read_file(path, now, zone, fingerprint)]
        else:
            entries = [build(flags, now, zone, fingerprint)]
    from ..terminal.signals import held

    with held():  # stored, then reported, then exit 0: a signal now cannot make it 130
        ids = store.add(entries)
        _report_added(ids, lang)
    return ids


def interactive_add(lang: str, leave: bool = False) -> int | None:
    """The form in the terminal, then one entry stored; its id, or None if the person
    chose not to save. For the interview's end menu (`leave`: Back at the first
    question returns there) as well as `log add`."""
    from . import form as prompts_evidence
    from .zones import usable_zone

    _need_terminal("instead_add", lang)
    with said_in(lang):
        zone = usable_zone(_zone(), "log add", "tz_unusable_form")
    entry = prompts_evidence.entry_form(lang, None, zone, leave)
    if entry is None:
        return None
    ids = store.add([entry])
    _report_added(ids, lang)
    return ids[0]


def _need_terminal(instead: str, lang: str) -> None:
    """Refuse the form without a terminal, saying (`instead`) how to give the entry."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise NoTerminal(say("no_terminal_form", lang, instead=say(instead, lang)))


def _report_added(ids: Sequence[int], lang: str) -> None:
    from .model import when

    flags = _flags_of(ids)
    for entry in store.entries_by_id(ids):
        _out(say("added", lang, id=entry.id, when=when(entry)))
        if flags.get(entry.id):
            _out(say("flagged", lang))
            _print_flags(flags[entry.id], lang, "    ")


def _flags_of(ids: Sequence[int]) -> dict[int, list[tuple[str, str]]]:
    """The (code, reference) flags of entries `ids`: as stored, or computed afresh if the
    rules changed."""
    kept = store.stored_flags(ids)
    if kept is None:
        return {k: v for k, v in _evaluated(store.entries()).items() if k in set(ids)}
    return {k: v for k, v in kept.items() if v}


def _evaluated(entries: Sequence[Entry]) -> dict[int, list[tuple[str, str]]]:
    from .flags import evaluate
    from .rules import load

    found: dict[int, list[tuple[str, str]]] = {}
    for flag in evaluate(entries, load()):
        found.setdefault(flag.entry, []).append((flag.code, flag.reference))
    return found


def _print_flags(flags: Sequence[tuple[str, str]], lang: str, indent: str) -> None:
    """One line a flag, in words with its code and references (`texts.flag_labels`)."""
    for label in flag_labels(flags, lang):
        _out(f"{indent}⚑ {label}")


def list_entries(lang: str) -> None:
    """One line per entry, oldest first: number, local time, channel, number; under it
    each flag it raised on a line of its own, so that the words fit a narrow screen.

    Built from stored columns and flags, without parsing entries, so a long log lists fast."""
    from .codes import CHANNELS, DIRECTIONS
    from .flagcache import decode, encode

    words = {code: say(code, lang) for code in CHANNELS}
    words |= {code: f" · {say(code, lang)}" for code in DIRECTIONS}
    rows, fresh = store.listing(words)
    if not rows:
        sys.stderr.write(say("no_log", lang) + "\n")
        return
    if not fresh:
        computed = _evaluated(store.entries())
        rows = [(entry_id, line, encode(computed.get(entry_id, []))) for entry_id, line, _ in rows]
    shown: dict[str, str] = {}  # a log holds few distinct sets of flags: each is worded once
    for _, _, flags in rows:
        if flags not in shown:
            shown[flags] = _under(decode(flags), lang)
    from ..base.visible import visible

    # One line per entry: a line break typed in a number or an institution is shown as
    # `\x0a`, so that it can never make a line look like another entry. The flags' lines
    # are the program's own words: the text is written as it is, not escaped a second time.
    sys.stdout.write("".join(visible(line, keep="") + shown[flags] for _, line, flags in rows))


#: Flag lines in `log list` start under the entry's date, past its number.
_LIST_INDENT = " " * 7


def _under(flags: Sequence[tuple[str, str]], lang: str) -> str:
    """The end of an entry's line in `log list`: a line break, then one line a flag."""
    return "".join(f"\n{_LIST_INDENT}⚑ {label}" for label in flag_labels(flags, lang)) + "\n"


#: SQLite keeps an id in 64 bits: a larger one (typed by mistake) is no entry, not an error.
_LARGEST_ID = 2**63 - 1


def _stored(entry_id: int, lang: str) -> Entry:
    found = store.get(entry_id) if 0 < entry_id <= _LARGEST_ID else None
    if found is None:
        raise EntryError(say("no_entry", lang, id=entry_id))
    return found


def show(entry_id: int, lang: str) -> None:
    """Every field of one entry, its attachments with their hashes, and its flags."""
    from .export import channel, details
    from .model import when

    entry = _stored(entry_id, lang)
    _out(f"#{entry.id}  {when(entry)}  {entry.zone}")
    _out(f"{say('channel', lang)}: {channel(entry, lang)}")
    if entry.number:
        _out(f"{say('number', lang)}: {entry.number}")
    for line in details(entry, lang):
        _out(line)
    for attachment in entry.attachments:
        _out(f"{say('attachments', lang)}: {attachment.path}")
        _out(f"  sha256 {attachment.sha256}  {attachment.size} B  {attachment.mtime}")
    edited = f", {say('edited', lang)} {entry.edited}" if entry.edited else ""
    _out(f"{say('entered', lang)} {entry.added}{edited}")
    flags = _flags_of([entry.id]).get(entry.id)
    if flags:
        _out(f"{say('flags', lang)}:")
        _print_flags(flags, lang, "  ")


def edit(entry_id: int, changes: Mapping[str, Value], lang: str) -> None:
    """Change fields given as options, or, with none, in the form filled with the entry."""
    from .parse import merge

    entry = _stored(entry_id, lang)
    if changes:
        with said_in(lang):
            changed: Entry | None = merge(entry, changes, _now(), fingerprint)
    else:
        from . import form as prompts_evidence

        _need_terminal("instead_edit", lang)
        changed = prompts_evidence.entry_form(lang, entry, entry.zone)
    if changed is None:
        return
    if not store.replace(changed):
        raise EntryError(say("no_entry", lang, id=entry_id))
    _out(say("updated", lang, id=entry_id))


def delete(entry_id: int, yes: bool, lang: str) -> None:
    entry = _stored(entry_id, lang)
    if not yes and not _confirmed(say("confirm_delete", lang, id=entry.id), lang):
        _out(say("kept", lang))
        return
    if not store.delete(entry_id):
        raise EntryError(say("no_entry", lang, id=entry_id))
    _out(say("deleted", lang, id=entry_id))


def _confirmed(question: str, lang: str) -> bool:
    """Ask in a terminal; without one, refuse (a script says --yes)."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise EntryError(say("no_terminal_confirm", lang))
    from . import form as prompts_evidence

    return prompts_evidence.confirm(question, lang)


def forget(yes: bool, lang: str) -> None:
    """Delete the whole log and its journal files (the attached files stay)."""
    if not store.exists():
        _out(say("nothing_to_forget", lang))
        return
    count = len(store.entries())
    if not yes and not _confirmed(say("confirm_forget", lang, n=count), lang):
        _out(say("kept", lang))
        return
    for removed in store.forget():
        _out(say("forgotten", lang, path=removed))


def verify(lang: str) -> None:
    """Re-hash every attachment; exit 1 if any changed or went missing."""
    from .attach import verify as check

    checks = check(store.entries())
    problems = [c for c in checks if c.status != "ok"]
    for problem in problems:
        key = "verify_changed" if problem.status == "changed" else "verify_missing"
        detail = say(problem.reason, lang, **dict(problem.values))
        _out(say(key, lang, id=problem.entry, path=problem.attachment.path, detail=detail))
    if problems:
        raise VerifyFailed(say("verify_failed", lang, bad=len(problems), checked=len(checks)))
    _out(say("verify_ok", lang, n=len(checks)) if checks else say("verify_none", lang))


def export_text(output_format: str, lang: str) -> str:
    """The whole log in one format, as text (CSV with its BOM)."""
    from . import export
    from .flags import Flag, evaluate
    from .rules import load

    entries = store.entries()
    kept = store.all_flags()
    flags = evaluate(entries, load()) if kept is None else [Flag(*f) for f in kept]
    if output_format == "json":
        return export.as_json(export.document(entries, flags, lang))
    if output_format == "csv":
        return export.as_csv(entries, flags)
    cited = _cited(sorted({f.reference for f in flags} | {"R15"}), lang)
    made = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %z")
    draw = export.as_html if output_format == "html" else export.as_markdown
    return draw(entries, flags, cited, lang, made)


def _cited(ids: Sequence[str], lang: str) -> list[Any]:
    from ..base.i18n import text
    from ..base.places import shipped_dir
    from ..flow.catalog import load_catalog
    from .export import Cited

    catalog = load_catalog(shipped_dir() / "sources.yaml")
    return [
        Cited(i, catalog.references[i].cite, text(catalog.references[i].summary, lang))
        for i in ids
        if i in catalog.references
    ]


def export(output_format: str | None, output: Path | None, lang: str) -> None:
    """`log export`: to standard output, or written atomically to `output`."""
    from ..base.disk import special
    from .export import EXTENSIONS

    if output is not None and special(output):  # before its name: /dev/full has no suffix
        raise EntryError(say("not_a_file", lang, path=output))
    if output_format is None:
        suffix = output.suffix.lower() if output else ""
        if output and suffix not in EXTENSIONS:
            raise EntryError(say("unknown_format", lang, path=output))
        output_format = EXTENSIONS.get(suffix, "markdown")
    if output is not None:
        from ..base.disk import refuse_data_folder

        refuse_data_folder(output, lang)  # never over the log itself
    content = export_text(output_format, lang)
    if output is None:
        _to_stdout(content, output_format, lang)
        return
    from ..base.disk import write_atomic

    write_atomic(output, content, private=True, lang=lang)
    sys.stderr.write(say("written", lang, path=output) + "\n")


def _to_stdout(content: str, output_format: str, lang: str) -> None:
    """An export on standard output. Into a pipe or a file: the bytes `--output` writes,
    UTF-8 whatever the locale. On a terminal: with escapes shown (a CSV cell can hold any
    character typed); on one that is not UTF-8, JSON and HTML in their own escapes (the
    same content), Markdown and CSV refused, since the terminal's encoding would change the
    words quoted as evidence."""
    from ..base.streams import write_bytes
    from ..base.visible import write_visible
    from ..output import encoding

    if not sys.stdout.isatty():
        write_bytes(sys.stdout, content.encode("utf-8"))
        return
    if not encoding.is_utf8(sys.stdout):
        if output_format not in ("json", "html"):
            raise EntryError(
                say("export_not_utf8", lang, encoding=sys.stdout.encoding, format=output_format)
            )
        encoding.for_format(sys.stdout, output_format)
    write_visible(content.replace("\r\n", "\n"), keep="\n")


def load_for_letters() -> dict[str, Any] | None:
    """The log's timeline and evidence list for a letter, or None if there is no log.

    See `export.letter_material` for the shape."""
    from .export import letter_material
    from .flags import evaluate
    from .rules import load

    if not store.exists():
        return None
    entries = store.entries()
    return letter_material(entries, evaluate(entries, load())) if entries else None
