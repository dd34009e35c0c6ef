"""The command line: typer commands over the library.

Each command parses its options and calls one library function; errors pass
through to `entry.main`, the one boundary. Only typer and the standard library
are imported up front, so `--help` costs what typer costs.

No `from __future__ import annotations` here: typer reads every command's annotations
on every run, and strings would have it `eval` each one (about 6 ms a run).
"""

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import ExitStatus
from .options import (
    CONTEXT,
    CheckFormat,
    Command,
    FlowArgument,
    Format,
    FormatOption,
    Group,
    LangOption,
    OutputOption,
    PlainOption,
    SaveOption,
    lang_code,
)
from .run import run


class _Commands(Group):
    """The top-level commands; `log` is built only when it is used: its many options
    would otherwise cost every command of the program their setup time."""

    def list_commands(self, ctx: Any) -> list[str]:
        return [*super().list_commands(ctx), "log"]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name == "log":
            from .log import log_group

            return log_group()
        return super().get_command(ctx, cmd_name)


app = typer.Typer(
    cls=_Commands,
    add_completion=False,
    pretty_exceptions_enable=False,
    help="A calm checklist for an overdue Huabei/Jiebei repayment. General information, not legal advice.",
    context_settings=CONTEXT,
)
flows_app = typer.Typer(
    cls=Group, help="Tools for flow authors: check, graph, schema.", no_args_is_help=True
)
app.add_typer(flows_app, name="flows")
web_app = typer.Typer(
    cls=Group, help="The guide as one offline web page, for phones.", no_args_is_help=True
)
app.add_typer(web_app, name="web")


class GraphFormat(str, Enum):
    mermaid = "mermaid"
    dot = "dot"


@app.callback(invoke_without_command=True)
def start(
    ctx: typer.Context,
    lang: LangOption = None,
    plain: PlainOption = False,
    save: SaveOption = False,
) -> None:
    """Start the interview (the same as `overdue-guide run`)."""
    if ctx.invoked_subcommand is None:
        from ..session import run as session

        session.interactive(None, session.Output(lang_code(lang), plain=plain), save)


app.command(cls=Command)(run)


@app.command(cls=Command)
def resume(
    flow: Annotated[
        str | None,
        typer.Argument(help="The flow file the interview was started with, if not shipped."),
    ] = None,
    output_format: FormatOption = Format.text,
    output: OutputOption = None,
    plain: PlainOption = False,
) -> None:
    """Continue the interview saved with --save, where it stopped."""
    from ..session import run as session

    session.resume(output_format.value, output, plain, flow)


@app.command(cls=Command)
def forget(lang: LangOption = None) -> None:
    """Delete everything this program saved (progress kept with --save)."""
    from ..base import places
    from ..base.words import message
    from ..evidence import store
    from ..session import progress as storage

    language = lang_code(lang)
    removed = storage.forget()
    for path in removed:
        sys.stdout.write(message("forget_deleted", language, path=path) + "\n")
    for path in storage.left_behind():
        sys.stdout.write(message("forget_left_folder", language, path=path) + "\n")
    if not removed:
        sys.stdout.write(message("forget_nothing", language, folder=places.data_dir()) + "\n")
    if store.exists():
        sys.stdout.write(message("forget_kept_log", language, path=store.path()) + "\n")


@app.command(cls=Command)
def sources(flow: FlowArgument = None, lang: LangOption = None) -> None:
    """List the documents and references the advice comes from."""
    from ..flow import bundle
    from ..output import render
    from ..terminal.console import console

    render.sources(console(False), bundle.open_flow(flow).catalog, lang_code(lang))


@flows_app.command("check", cls=Command)
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
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Fail (exit 1) on notes too: quotes that went unchecked."),
    ] = False,
) -> None:
    """Check flows; print each finding as FILE:LINE:COL: error|warning|note CODE message.

    Exit 0 when clean, 1 with errors or warnings (or, with --strict, notes), 2 when a path
    cannot be read. Example: overdue-guide flows check flows/main.yaml
    """
    from dataclasses import asdict

    from ..content.check import check_paths
    from ..output.export import as_json

    findings, files = check_paths(paths or [], documents, cache)
    if output_format is CheckFormat.json:
        document = {"files": [str(f) for f in files], "findings": [asdict(f) for f in findings]}
        sys.stdout.write(as_json(document))
    else:
        sys.stdout.writelines(f"{finding}\n" for finding in findings)
        sys.stderr.write(_summary(findings, len(files)) + "\n")
    if any(f.code == "unreadable" for f in findings):
        raise typer.Exit(int(ExitStatus.BAD_INPUT))
    if any(strict or f.severity != "note" for f in findings):
        raise typer.Exit(int(ExitStatus.FINDINGS))


def _summary(findings: list[Any], files: int) -> str:
    """`flows check`'s last line: what it found, and what it could not check."""
    count = {kind: sum(f.severity == kind for f in findings) for kind in ("error", "warning")}
    notes = len(findings) - count["error"] - count["warning"]
    said = (
        f"{count['error']} errors, {count['warning']} warnings in {files} files"
        if count["error"] or count["warning"]
        else f"no findings in {files} files"
    )
    return f"{said}; {notes} notes: some quotes were not checked" if notes else said


@flows_app.command("graph", cls=Command)
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
    from ..flow import bundle, graph

    draw = graph.mermaid if output_format is GraphFormat.mermaid else graph.dot
    sys.stdout.write(draw(bundle.open_flow(flow).flow, lang_code(lang)))


@flows_app.command("schema", cls=Command)
def flows_schema() -> None:
    """Print the JSON Schema of the flow format (also in flows/flow.schema.json)."""
    from ..flow import schema

    sys.stdout.write(schema.as_json())


@web_app.command("build", cls=Command)
def web_build(
    flow: FlowArgument = None,
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="Where to write the page."),
    ] = Path("overdue-guide.html"),
) -> None:
    """Write the guide as one self-contained HTML page: the same questions, checklist,
    words, letters and fee check as this program, offline, in zh-CN, zh-TW and en.

    Publish the one file on any static host, or send it to a phone.
    Example: overdue-guide web build --output guide.html
    """
    from ..web.build import write

    size = write(flow, output)
    sys.stderr.write(f"wrote {output} ({size:,} bytes)\n")


@app.command(
    cls=Command,
    context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
    add_help_option=False,
)
def fees(ctx: typer.Context) -> None:
    """What the loan really costs a year, against the 24 % line and 4 × LPR.

    See `overdue-guide fees --help`: its options are parsed by fees/cli.py, only when
    it runs, so that the other commands do not pay for building them.
    """
    from .fees import app as fees_app

    fees_app(ctx.args, prog_name="overdue-guide fees")
