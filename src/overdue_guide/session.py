"""One run from start to output: the edge where engine, prompts, screen and files meet.

The CLI parses options and calls one function here. Everything that touches
the terminal or the disk for a run is in this module; the heavy parts (rich,
questionary) are imported only on the paths that draw or ask, so a scripted
run stays as fast as a shell command.
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from . import bundle, engine, i18n, report
from .errors import GuideError, Interrupted, NoTerminal
from .export import as_text, format_for, render_as
from .model import Answer, Text

if TYPE_CHECKING:
    from rich.console import Console


@dataclass(frozen=True)
class Output:
    """Where and how the checklist goes: a format for stdout, an optional file, colours."""

    lang: str
    output_format: str = "text"
    file: Path | None = None
    plain: bool = False


def warn(line: str) -> None:
    """One line on stderr, with any control character made visible."""
    sys.stderr.write(report.clean(line).replace("\n", " ") + "\n")
    sys.stderr.flush()


def check_output(output: Output) -> None:
    """Refuse an output file we cannot write before anyone answers a question."""
    if output.file is not None and format_for(output.file) is None:
        raise GuideError(i18n.message("unknown_extension", output.lang, path=output.file))


def scripted(flow: str | None, answers_path: Path, output: Output) -> None:
    """Answers from a file, defaults for what it leaves out, the checklist out."""
    from . import answers

    check_output(output)
    if output.file is None:
        output = for_screen(output)
    opened = bundle.open_flow(flow)
    given = _checked(opened, answers.read(answers_path), str(answers_path))
    _emit(opened, engine.complete(opened.flow, given), output, scripted=True)


def interactive(flow: str | None, output: Output, save: bool) -> None:
    """The interview in the terminal; with `save`, progress is kept after each answer."""
    check_output(output)
    output = for_screen(output)
    opened = bundle.open_flow(flow)
    save_as = _flow_key(flow) if save else None
    _emit(opened, _interview(opened, output, {}, save_as), output)


def resume(output_format: str, file: Path | None, plain: bool) -> None:
    """Continue the interview saved with --save, in the language it was started in."""
    from . import storage

    progress = storage.load()
    if progress is None:
        raise GuideError(i18n.message("nothing_saved", i18n.detect_lang()))
    output = for_screen(Output(progress.lang, output_format, file, plain))
    check_output(output)
    opened = bundle.open_flow(progress.flow)
    try:
        given = _checked(opened, progress.answers, str(storage.progress_path()))
    except GuideError as error:
        raise storage.reject(str(error)) from None
    _emit(opened, _interview(opened, output, given, progress.flow), output)


def _checked(opened: bundle.Bundle, raw: dict[str, object], origin: str) -> dict[str, Answer]:
    from . import answers

    given, warnings = answers.check(opened.flow, raw, origin)
    for warning in warnings:
        warn(f"warning: {warning}")
    return given


def _flow_key(flow: str | None) -> str:
    """How a saved session names its flow: a shipped name, or an absolute path."""
    path = bundle.resolve(flow)
    return path.stem if bundle.is_shipped(path) else str(path.resolve())


def console(plain: bool) -> Console:
    """A rich console on stdout; `plain` turns colour off here and in the prompts."""
    import os

    from rich.console import Console

    if plain:
        os.environ["NO_COLOR"] = "1"
    return Console(no_color=plain or None, highlight=False, emoji=False)


def _emit(
    opened: bundle.Bundle, taken: dict[str, Answer], output: Output, scripted: bool = False
) -> None:
    """Show the checklist, write it to the output file, and in a terminal offer to save it."""
    checklist = engine.checklist(opened.flow, taken)
    view = report.build(checklist, opened.catalog, output.lang)
    contract = report.contract(view, checklist, opened.catalog)
    file = output.file
    if not (scripted and file is not None):
        _show(view, contract, output)
    if file is None and not scripted and sys.stdin.isatty() and sys.stdout.isatty():
        file = _offer_save(output.lang)
    if file is not None:
        from .storage import write_atomic

        write_atomic(file, render_as(format_for(file) or "text", view, contract))
        warn(i18n.message("saved", output.lang, path=file))


def for_screen(output: Output) -> Output:
    """Text on a screen whose encoding cannot show its language (Chinese in Latin-1) comes
    in one it can (the other Chinese script, or English), and the person is told once."""
    from . import encoding

    if output.output_format not in ("text", "markdown"):
        return output
    lang = encoding.shown_lang(output.lang, sys.stdout)
    if lang == output.lang:
        return output
    warn(
        f"overdue-guide: this terminal's encoding ({sys.stdout.encoding}) cannot show "
        f"{output.lang}, so the screen shows {lang}; use a UTF-8 terminal or --output FILE "
        f"(always UTF-8) for {output.lang}"
    )
    return replace(output, lang=lang)


def _show(view: report.Report, contract: dict[str, object], output: Output) -> None:
    from . import encoding

    encoding.for_format(sys.stdout, output.output_format)
    if output.output_format != "text":
        sys.stdout.write(render_as(output.output_format, view, contract))
    elif sys.stdout.isatty():
        from . import render

        screen = console(output.plain)
        screen.print()
        render.on_screen(screen, view)
    else:
        sys.stdout.write(as_text(view, shutil.get_terminal_size((80, 24)).columns))


def _offer_save(lang: str) -> Path | None:
    from datetime import date

    from . import plainprompts, prompts

    offer = plainprompts.offer_save if plainprompts.wanted() else prompts.offer_save
    try:
        chosen = offer(lang, date.today().isoformat())
    except (KeyboardInterrupt, EOFError):
        return None
    if chosen is not None and format_for(chosen) is None:
        chosen = chosen.with_name(chosen.name + ".txt")
    return chosen


def _interview(
    opened: bundle.Bundle, output: Output, given: dict[str, Answer], save_as: str | None
) -> dict[str, Answer]:
    """Ask in the terminal what `given` does not answer; save after each answer if asked."""
    flow, lang = opened.flow, output.lang
    pending = engine.walk(flow, given).pending
    terminal = sys.stdin.isatty() and sys.stdout.isatty()
    if pending is None and not terminal:
        return given
    if pending is not None and not terminal:
        raise NoTerminal(
            f"no terminal to ask in: give the answers with --answers FILE "
            f"(next question '{pending.id}': {' | '.join(pending.codes)})"
        )
    from . import interview, plainprompts, prompts, render, storage

    screen = console(output.plain)
    intro = [i18n.text(flow.intro, lang)] if flow.intro else []
    render.heading(screen, i18n.text(flow.title, lang), [*intro, i18n.message("quit_hint", lang)])

    def show_help(text: str) -> None:
        render.note(screen, text)

    def alert(text: Text) -> None:
        render.alert(screen, i18n.text(text, lang))

    def saved(answers: dict[str, Answer]) -> None:
        if save_as is not None:
            storage.save(storage.Progress(save_as, lang, dict(answers)))

    plain = plainprompts.wanted()
    make_ask = plainprompts.make_ask if plain else prompts.make_ask
    make_review = plainprompts.make_review if plain else prompts.make_review
    try:
        ask = make_ask(lang, show_help)
        return interview.run(flow, ask, alert, given, saved, make_review(lang))
    except (KeyboardInterrupt, EOFError):
        raise Interrupted(i18n.message("interrupted", lang)) from None
