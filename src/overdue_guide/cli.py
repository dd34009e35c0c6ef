"""The command line: typer commands over the library.

Each command parses its options and calls one library function; errors pass
through to `entry.main`, the one boundary. Only typer and the standard library
are imported up front, so `--help` costs what typer costs.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from .errors import ExitStatus

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    help="A calm checklist for an overdue Huabei/Jiebei repayment. General information, not legal advice.",
    context_settings={"help_option_names": ["-h", "--help"]},
)
flows_app = typer.Typer(help="Tools for flow authors: check, graph, schema.", no_args_is_help=True)
app.add_typer(flows_app, name="flows")


class Format(str, Enum):
    text = "text"
    markdown = "markdown"
    html = "html"
    json = "json"


class Lang(str, Enum):
    zh_cn = "zh-CN"
    zh_tw = "zh-TW"
    en = "en"


class CheckFormat(str, Enum):
    text = "text"
    json = "json"


class GraphFormat(str, Enum):
    mermaid = "mermaid"
    dot = "dot"


FlowArgument = Annotated[
    str | None, typer.Argument(help="A shipped flow's name or a flow file (default: main).")
]
LangOption = Annotated[
    Lang | None,
    typer.Option("--lang", help="zh-CN, zh-TW or en (default: from LC_ALL, LC_MESSAGES or LANG)."),
]
PlainOption = Annotated[bool, typer.Option("--plain", help="No colours (also: NO_COLOR=1).")]
FormatOption = Annotated[Format, typer.Option("--format", help="What goes to standard output.")]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", help="Also write the checklist to FILE: .md, .html, .json or .txt."
    ),
]
SaveOption = Annotated[
    bool, typer.Option("--save", help="Keep progress after each answer, to continue with `resume`.")
]


def _lang(lang: Lang | None) -> str:
    from .i18n import detect_lang

    return lang.value if lang else detect_lang()


@app.callback(invoke_without_command=True)
def start(
    ctx: typer.Context,
    lang: LangOption = None,
    plain: PlainOption = False,
    save: SaveOption = False,
) -> None:
    """Start the interview (the same as `overdue-guide run`)."""
    if ctx.invoked_subcommand is None:
        from . import session

        session.interactive(None, session.Output(_lang(lang), plain=plain), save)


@app.command()
def run(
    flow: FlowArgument = None,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers", help="YAML or JSON file of question id → answer code: no prompts."
        ),
    ] = None,
    output_format: FormatOption = Format.text,
    output: OutputOption = None,
    lang: LangOption = None,
    plain: PlainOption = False,
    save: SaveOption = False,
) -> None:
    """Ask the questions (or read them from --answers) and print the checklist.

    Example: overdue-guide run --answers answers.yaml --format json
    """
    from . import session

    settings = session.Output(_lang(lang), output_format.value, output, plain)
    if answers is not None:
        session.scripted(flow, answers, settings)
    else:
        session.interactive(flow, settings, save)


@app.command()
def resume(
    output_format: FormatOption = Format.text,
    output: OutputOption = None,
    plain: PlainOption = False,
) -> None:
    """Continue the interview saved with --save, where it stopped."""
    from . import session

    session.resume(output_format.value, output, plain)


@app.command()
def forget() -> None:
    """Delete everything this program saved (progress kept with --save)."""
    from . import storage

    removed = storage.forget()
    for path in removed:
        sys.stdout.write(f"deleted {path}\n")
    if not removed:
        sys.stdout.write(f"nothing saved in {storage.data_dir()}\n")


@app.command()
def sources(flow: FlowArgument = None, lang: LangOption = None) -> None:
    """List the documents and references the advice comes from."""
    from . import bundle, render, session

    render.sources(session.console(False), bundle.open_flow(flow).catalog, _lang(lang))


@flows_app.command("check")
def flows_check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Flow files or folders (default: the shipped flows)."),
    ] = None,
    output_format: Annotated[
        CheckFormat, typer.Option("--format", help="text, or json for tools.")
    ] = CheckFormat.text,
    documents: Annotated[
        Path | None,
        typer.Option(
            "--documents", help="Folder of the source articles (default: a shared/seeds nearby)."
        ),
    ] = None,
    cache: Annotated[
        bool,
        typer.Option(
            "--cache/--no-cache", help="Recall findings of unchanged files (user cache directory)."
        ),
    ] = True,
) -> None:
    """Check flows; print each finding as FILE:LINE:COL: error|warning CODE message.

    Exit 0 when clean, 1 with findings, 2 when a path cannot be read.
    Example: overdue-guide flows check flows/main.yaml
    """
    from dataclasses import asdict

    from . import bundle
    from .export import as_json

    findings, files = bundle.check_paths(paths or [], documents, cache)
    if output_format is CheckFormat.json:
        document = {"files": [str(f) for f in files], "findings": [asdict(f) for f in findings]}
        sys.stdout.write(as_json(document))
    else:
        sys.stdout.writelines(f"{finding}\n" for finding in findings)
        errors = sum(f.severity == "error" for f in findings)
        summary = f"{errors} errors, {len(findings) - errors} warnings in {len(files)} files"
        sys.stderr.write(f"{summary}\n" if findings else f"no findings in {len(files)} files\n")
    if any(f.code == "unreadable" for f in findings):
        raise typer.Exit(int(ExitStatus.BAD_INPUT))
    if findings:
        raise typer.Exit(int(ExitStatus.FINDINGS))


@flows_app.command("graph")
def flows_graph(
    flow: FlowArgument = None,
    output_format: Annotated[
        GraphFormat, typer.Option("--format", help="mermaid or dot.")
    ] = GraphFormat.mermaid,
    lang: LangOption = None,
) -> None:
    """Print the flow as a Mermaid flowchart or Graphviz DOT: questions, answers, items.

    Example: overdue-guide flows graph --format dot | dot -Tsvg > main.svg
    """
    from . import bundle, graph

    draw = graph.mermaid if output_format is GraphFormat.mermaid else graph.dot
    sys.stdout.write(draw(bundle.open_flow(flow).flow, _lang(lang)))


@flows_app.command("schema")
def flows_schema() -> None:
    """Print the JSON Schema of the flow format (also in flows/flow.schema.json)."""
    from . import schema

    sys.stdout.write(schema.as_json())


# The evidence log (`overdue-guide log …`): logic in overdue_guide.evidence.

log_app = typer.Typer(
    help="A log of calls, messages and visits that flags rule breaks.", no_args_is_help=True
)
app.add_typer(log_app, name="log")


class LogFormat(str, Enum):
    markdown = "markdown"
    html = "html"
    csv = "csv"
    json = "json"


EntryId = Annotated[int, typer.Argument(help="The entry's number, as `log list` shows it.")]
YesOption = Annotated[bool, typer.Option("--yes", "-y", help="Do not ask to confirm.")]
Many = Annotated[list[str] | None, typer.Option()]


def _entry_options(**given: object) -> dict[str, object]:
    """Options as the evidence parser takes them: field name → (value, option name)."""
    from .evidence.parse import Value

    names = {"threat": "threats", "third_party": "third_parties", "attach": "attachments"}
    names |= {"witness": "witnesses", "duration": "duration_s"}
    fields: dict[str, object] = {}
    for option, value in given.items():
        if value is None or value == []:
            continue
        flag = "--" + option.replace("_", "-")
        fields[names.get(option, option)] = Value(value, flag)
    return fields


@log_app.command("add")
def log_add(
    from_files: Annotated[
        list[Path] | None,
        typer.Option("--from", help="YAML or JSON file of entries (repeatable); no prompts."),
    ] = None,
    at: Annotated[
        str | None,
        typer.Option(help="When: 2026-11-20 22:30 (with --zone) or ISO 8601 with offset."),
    ] = None,
    zone: Annotated[
        str | None, typer.Option(help="Time zone, e.g. Asia/Shanghai (default: this machine's).")
    ] = None,
    duration: Annotated[int | None, typer.Option(help="Duration in seconds.")] = None,
    channel: Annotated[
        str | None, typer.Option(help="call, sms, message, visit or letter.")
    ] = None,
    direction: Annotated[str | None, typer.Option(help="in (they contacted you) or out.")] = None,
    number: Annotated[str | None, typer.Option(help="The number or account shown.")] = None,
    org: Annotated[str | None, typer.Option(help="The institution they claimed.")] = None,
    name: Annotated[str | None, typer.Option(help="The name they gave.")] = None,
    staff_id: Annotated[str | None, typer.Option(help="The staff number (工号) they gave.")] = None,
    identified: Annotated[
        bool | None, typer.Option("--identified/--not-identified", help="Said whom they act for.")
    ] = None,
    said: Annotated[str | None, typer.Option(help="Key words, quoted exactly.")] = None,
    threat: Annotated[
        list[str] | None,
        typer.Option(help="violence, detention, exposure, family, insult or other (repeatable)."),
    ] = None,
    impersonated: Annotated[
        list[str] | None, typer.Option(help="police, court, lawyer or government (repeatable).")
    ] = None,
    amount: Annotated[str | None, typer.Option(help="The amount they claimed.")] = None,
    personal_account: Annotated[
        bool | None,
        typer.Option(
            "--personal-account/--no-personal-account", help="Asked to pay a personal account."
        ),
    ] = None,
    third_party: Annotated[
        list[str] | None, typer.Option(help="'WHO: WHAT THEY WERE TOLD' (repeatable).")
    ] = None,
    people: Annotated[int | None, typer.Option(help="Visits: how many people came.")] = None,
    id_shown: Annotated[bool | None, typer.Option("--id-shown/--no-id-shown")] = None,
    authorization_shown: Annotated[
        bool | None, typer.Option("--authorization-shown/--no-authorization-shown")
    ] = None,
    entry_attempted: Annotated[
        bool | None, typer.Option("--entry-attempted/--no-entry-attempted")
    ] = None,
    attach: Annotated[
        list[str] | None, typer.Option(help="Your own file: recording, screenshot (repeatable).")
    ] = None,
    witness: Annotated[list[str] | None, typer.Option(help="A witness (repeatable).")] = None,
    lang: LangOption = None,
) -> None:
    """Log a call, message, visit or letter: a short form, or --from FILE, or options.

    Example: overdue-guide log add --at "2026-11-20 22:40" --channel call --number 95xxx
    """
    from .evidence import commands

    fields = _entry_options(
        at=at, zone=zone, duration=duration, channel=channel, direction=direction,
        number=number, org=org, name=name, staff_id=staff_id, identified=identified,
        said=said, threat=threat, impersonated=impersonated, amount=amount,
        personal_account=personal_account, third_party=third_party, people=people,
        id_shown=id_shown, authorization_shown=authorization_shown,
        entry_attempted=entry_attempted, attach=attach, witness=witness,
    )  # fmt: skip
    if from_files or fields:
        commands.add(from_files or [], fields, _lang(lang))  # type: ignore[arg-type]
    else:
        commands.interactive_add(_lang(lang))


@log_app.command("list")
def log_list(lang: LangOption = None) -> None:
    """One line per entry, oldest first, with the flags it raised."""
    from .evidence import commands

    commands.list_entries(_lang(lang))


@log_app.command("show")
def log_show(entry_id: EntryId, lang: LangOption = None) -> None:
    """Every field of one entry, its attachments' hashes and its flags."""
    from .evidence import commands

    commands.show(entry_id, _lang(lang))


@log_app.command("edit")
def log_edit(
    entry_id: EntryId,
    at: Annotated[str | None, typer.Option()] = None,
    zone: Annotated[str | None, typer.Option()] = None,
    channel: Annotated[str | None, typer.Option()] = None,
    direction: Annotated[str | None, typer.Option()] = None,
    number: Annotated[str | None, typer.Option()] = None,
    org: Annotated[str | None, typer.Option()] = None,
    said: Annotated[str | None, typer.Option()] = None,
    amount: Annotated[str | None, typer.Option()] = None,
    lang: LangOption = None,
) -> None:
    """Change an entry: the options given (an empty value clears a field), or the form."""
    from .evidence import commands

    fields = _entry_options(
        at=at, zone=zone, channel=channel, direction=direction, number=number, org=org,
        said=said, amount=amount,
    )  # fmt: skip
    commands.edit(entry_id, fields, _lang(lang))  # type: ignore[arg-type]


@log_app.command("delete")
def log_delete(entry_id: EntryId, yes: YesOption = False, lang: LangOption = None) -> None:
    """Delete one entry (the attached files themselves are never touched)."""
    from .evidence import commands

    commands.delete(entry_id, yes, _lang(lang))


@log_app.command("export")
def log_export(
    output_format: Annotated[
        LogFormat | None,
        typer.Option(
            "--format", help="markdown, html, csv or json (default: from --output, else markdown)."
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to FILE instead of standard output."),
    ] = None,
    lang: LangOption = None,
) -> None:
    """The whole log: a dated table with flags and references, counts, attachment hashes."""
    from .evidence import commands

    commands.export(output_format.value if output_format else None, output, _lang(lang))


@log_app.command("verify")
def log_verify(lang: LangOption = None) -> None:
    """Re-hash every attachment; exit 1 if any changed or went missing."""
    from .evidence import commands

    commands.verify(_lang(lang))


@log_app.command("forget")
def log_forget(yes: YesOption = False, lang: LangOption = None) -> None:
    """Delete the whole evidence log and its journal files."""
    from .evidence import commands

    commands.forget(yes, _lang(lang))
