"""The command line: thin commands over the library, and the one error boundary.

Every command calls into the library and prints; `main` turns a `GuideError`
into one line on stderr and its exit status, Ctrl-C into 130.
"""

from __future__ import annotations

import os
import signal
import sys
from dataclasses import asdict
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from . import answers as answers_file
from . import bundle, engine, i18n, render, report
from .errors import ExitStatus, GuideError, Interrupted, NoTerminal
from .export import as_json, as_text, format_for, render_as
from .model import Answer, Text
from .report import clean

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    help="A calm checklist for an overdue Huabei/Jiebei repayment. General information, not legal advice.",
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Format(str, Enum):
    text = "text"
    markdown = "markdown"
    html = "html"
    json = "json"


class Lang(str, Enum):
    zh_cn = "zh-CN"
    zh_tw = "zh-TW"
    en = "en"


LangOption = Annotated[
    Lang | None,
    typer.Option(
        "--lang", help="Language: zh-CN, zh-TW or en (default: from LC_ALL, LC_MESSAGES or LANG)."
    ),
]
PlainOption = Annotated[bool, typer.Option("--plain", help="No colours (also: NO_COLOR=1).")]


OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", help="Also write the checklist to FILE: .md, .html, .json or .txt."
    ),
]
SaveOption = Annotated[
    bool, typer.Option("--save", help="Keep progress after each answer, to continue with `resume`.")
]


@app.callback(invoke_without_command=True)
def start(
    ctx: typer.Context,
    lang: LangOption = None,
    plain: PlainOption = False,
    save: SaveOption = False,
) -> None:
    """Start the interview (the same as `overdue-guide run`)."""
    if ctx.invoked_subcommand is None:
        run(flow=None, answers=None, output_format=Format.text, lang=lang, plain=plain, save=save)


@app.command()
def run(
    flow: Annotated[
        str | None, typer.Argument(help="A shipped flow's name or a flow file (default: main).")
    ] = None,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers", help="YAML or JSON file of question id → answer code: no prompts."
        ),
    ] = None,
    output_format: Annotated[
        Format, typer.Option("--format", help="How to print the checklist.")
    ] = Format.text,
    lang: LangOption = None,
    plain: PlainOption = False,
    save: SaveOption = False,
    output: OutputOption = None,
) -> None:
    """Ask the questions (or read them from --answers) and print the checklist.

    Example: overdue-guide run --answers answers.yaml --format json
    """
    language = lang.value if lang else i18n.detect_lang()
    console = _console(plain)
    _check_output(output)
    opened = bundle.open_flow(flow)
    if answers is not None:
        given = _checked(opened, answers_file.read(answers), str(answers))
        taken = engine.complete(opened.flow, given)
        _emit(opened, taken, language, output_format, console, output, scripted=True)
    else:
        saving = _flow_key(flow) if save else None
        taken = _interview(opened, console, language, {}, saving)
        _emit(opened, taken, language, output_format, console, output)


@app.command()
def resume(
    output_format: Annotated[
        Format, typer.Option("--format", help="How to print the checklist.")
    ] = Format.text,
    plain: PlainOption = False,
    output: OutputOption = None,
) -> None:
    """Continue the interview saved with --save, where it stopped."""
    from . import storage

    _check_output(output)
    progress = storage.load()
    if progress is None:
        raise GuideError("nothing saved to resume; start with: overdue-guide --save")
    opened = bundle.open_flow(progress.flow)
    try:
        given = _checked(opened, progress.answers, str(storage.progress_path()))
    except GuideError as error:
        raise storage.reject(f"out of date ({error})") from None
    console = _console(plain)
    taken = _interview(opened, console, progress.lang, given, progress.flow)
    _emit(opened, taken, progress.lang, output_format, console, output)


@app.command()
def forget() -> None:
    """Delete everything this program saved (progress kept with --save)."""
    from . import storage

    removed = storage.forget()
    for path in removed:
        sys.stdout.write(f"deleted {path}\n")
    if not removed:
        sys.stdout.write(f"nothing saved in {storage.data_dir()}\n")


def _checked(opened: bundle.Bundle, raw: dict[str, object], origin: str) -> dict[str, Answer]:
    given, warnings = answers_file.check(opened.flow, raw, origin)
    for warning in warnings:
        _fail_line(f"warning: {warning}")
    return given


def _flow_key(flow: str | None) -> str:
    """How a saved session names its flow: a shipped name, or an absolute path."""
    path = bundle.resolve(flow)
    return path.stem if path.parent == bundle.shipped_dir() else str(path.resolve())


def _check_output(output: Path | None) -> None:
    """Refuse an --output we cannot write before anyone answers a question."""
    if output is not None and format_for(output) is None:
        raise GuideError(f"cannot tell the format of {output}: name it .md, .html, .json or .txt")


def _emit(
    opened: bundle.Bundle,
    taken: dict[str, Answer],
    lang: str,
    output_format: Format,
    console: Console,
    output: Path | None,
    scripted: bool = False,
) -> None:
    """Show the checklist, write it to `output`, and in a terminal offer to save it."""
    checklist = engine.checklist(opened.flow, taken)
    view = report.build(checklist, opened.catalog, lang)
    contract = report.contract(view, checklist, opened.catalog)
    if not (scripted and output is not None):
        if output_format is not Format.text:
            sys.stdout.write(render_as(output_format.value, view, contract))
        elif console.is_terminal:
            console.print()
            render.checklist(console, view)
        else:
            sys.stdout.write(as_text(view, console.width))
    if output is None and not scripted and console.is_terminal:
        output = _offer_save(lang)
    if output is not None:
        _write(output, render_as(format_for(output) or "text", view, contract))
        _fail_line(i18n.message("saved", lang, path=output))


def _offer_save(lang: str) -> Path | None:
    from . import prompts

    try:
        chosen = prompts.offer_save(lang, date.today().isoformat())
    except (KeyboardInterrupt, EOFError):
        return None
    if chosen is not None and format_for(chosen) is None:
        chosen = chosen.with_name(chosen.name + ".txt")
    return chosen


def _write(path: Path, text: str) -> None:
    from .storage import write_atomic

    write_atomic(path, text)


def _interview(
    opened: bundle.Bundle,
    console: Console,
    lang: str,
    given: dict[str, Answer],
    save_as: str | None,
) -> dict[str, Answer]:
    """Ask in the terminal what `given` does not answer; save after each answer if asked."""
    from . import interview, prompts, storage

    flow = opened.flow
    pending = engine.walk(flow, given).pending
    if pending is None:
        return given
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise NoTerminal(
            f"no terminal to ask in: give the answers with --answers FILE "
            f"(next question '{pending.id}': {' | '.join(pending.codes)})"
        )
    intro = [i18n.text(flow.intro, lang)] if flow.intro else []
    render.heading(console, i18n.text(flow.title, lang), [*intro, i18n.message("quit_hint", lang)])

    def show_help(text: str) -> None:
        render.note(console, text)

    def alert(text: Text) -> None:
        render.alert(console, i18n.text(text, lang))

    def saved(answers: dict[str, Answer]) -> None:
        if save_as is not None:
            storage.save(storage.Progress(save_as, lang, dict(answers)))

    try:
        return interview.run(flow, prompts.make_ask(lang, show_help), alert, given, saved)
    except (KeyboardInterrupt, EOFError):
        raise Interrupted(i18n.message("interrupted", lang)) from None


@app.command()
def sources(
    flow: Annotated[
        str | None, typer.Argument(help="A shipped flow's name or a flow file.")
    ] = None,
) -> None:
    """List the documents and references the advice comes from."""
    opened = bundle.open_flow(flow)
    console = _console(False)
    for document in opened.catalog.documents.values():
        facts = " · ".join(x for x in (document.site, document.date, document.url) if x)
        console.print(
            f"{document.file}  《{document.title}》", markup=False, highlight=False, style="bold"
        )
        if facts:
            console.print(f"  {facts}", markup=False, highlight=False)
        if document.note:
            console.print(
                f"  {document.note.get('zh-CN')}", markup=False, highlight=False, style="dim"
            )
    console.print()
    for reference in opened.catalog.references.values():
        console.print(
            f"{reference.id} [{reference.confidence}] {reference.cite}",
            markup=False,
            highlight=False,
        )


flows_app = typer.Typer(help="Tools for flow authors: check, graph, schema.", no_args_is_help=True)
app.add_typer(flows_app, name="flows")


class CheckFormat(str, Enum):
    text = "text"
    json = "json"


class GraphFormat(str, Enum):
    mermaid = "mermaid"
    dot = "dot"


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
) -> None:
    """Check flows; print each finding as FILE:LINE:COL: error|warning CODE message.

    Exit 0 when clean, 1 with findings, 2 when a path cannot be read.
    Example: overdue-guide flows check flows/main.yaml
    """
    findings, files = bundle.check_paths(paths or [], documents)
    if output_format is CheckFormat.json:
        document = {"files": [str(f) for f in files], "findings": [asdict(f) for f in findings]}
        sys.stdout.write(as_json(document))
    else:
        for finding in findings:
            sys.stdout.write(f"{finding}\n")
        errors = sum(f.severity == "error" for f in findings)
        summary = f"{errors} errors, {len(findings) - errors} warnings in {len(files)} files"
        sys.stderr.write(f"{summary}\n" if findings else f"no findings in {len(files)} files\n")
    if any(f.code == "unreadable" for f in findings):
        raise typer.Exit(int(ExitStatus.BAD_INPUT))
    if findings:
        raise typer.Exit(int(ExitStatus.FINDINGS))


@flows_app.command("graph")
def flows_graph(
    flow: Annotated[
        str | None, typer.Argument(help="A shipped flow's name or a flow file.")
    ] = None,
    output_format: Annotated[
        GraphFormat, typer.Option("--format", help="mermaid or dot.")
    ] = GraphFormat.mermaid,
    lang: LangOption = None,
) -> None:
    """Print the flow as a Mermaid flowchart or Graphviz DOT: questions, answers, items.

    Example: overdue-guide flows graph --format dot | dot -Tsvg > main.svg
    """
    from . import graph

    opened = bundle.open_flow(flow)
    language = lang.value if lang else i18n.detect_lang()
    draw = graph.mermaid if output_format is GraphFormat.mermaid else graph.dot
    sys.stdout.write(draw(opened.flow, language))


@flows_app.command("schema")
def flows_schema() -> None:
    """Print the JSON Schema of the flow format (also in flows/flow.schema.json)."""
    from . import schema

    sys.stdout.write(schema.as_json())


def _console(plain: bool) -> Console:
    if plain:
        os.environ["NO_COLOR"] = "1"  # prompt_toolkit's lists honour it too
    return Console(no_color=plain or None, highlight=False, emoji=False)


def main() -> None:
    """The console script: every failure becomes one line on stderr and an exit code."""
    signal.signal(signal.SIGTERM, _terminated)
    try:
        app()
    except GuideError as error:
        if error.status is ExitStatus.INTERRUPTED and sys.stdout.isatty():
            sys.stdout.write("\x1b[?25h")  # the cursor may have been hidden by a list
            sys.stdout.flush()
        _fail(str(error))
        sys.exit(int(error.status))
    except OSError as error:
        _fail(f"cannot write: {error.strerror or error}")
        sys.exit(int(ExitStatus.BAD_INPUT))
    except Exception as error:  # the last resort: a bug must still not print a traceback
        if os.environ.get("OVERDUE_GUIDE_TRACEBACK"):
            raise
        _fail(f"unexpected error: {error!r} (set OVERDUE_GUIDE_TRACEBACK=1 to see where)")
        sys.exit(int(ExitStatus.FINDINGS))


def _terminated(signum: int, frame: object) -> None:
    """SIGTERM ends like Ctrl-C: the prompt restores the terminal on the way out."""
    raise Interrupted(i18n.message("interrupted", i18n.detect_lang()))


def _fail(line: str) -> None:
    _fail_line(f"overdue-guide: {line}")


def _fail_line(line: str) -> None:
    """One line on stderr, with any control character made visible."""
    sys.stderr.write(clean(line).replace("\n", " ") + "\n")
    sys.stderr.flush()
