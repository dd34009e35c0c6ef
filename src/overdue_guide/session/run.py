"""One run from start to output: the edge where engine, prompts, screen and files meet.

The CLI parses options and calls one function here. Everything that touches
the terminal or the disk for a run is in this module; the heavy parts (rich,
questionary) are imported only on the paths that draw or ask, so a scripted
run stays as fast as a shell command.
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..base import i18n, words
from ..base.record import record
from ..errors import AnswersError, GuideError, Interrupted, NoTerminal, StorageError
from ..flow import bundle
from ..flow.model import Answer, Text
from ..interview import engine
from ..output import report
from ..output.export import as_text, format_for, render_as
from ..terminal.console import console

if TYPE_CHECKING:
    from ..drafts.model import Draft, DraftSet
    from .progress import Progress


@record
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
        raise GuideError(words.message("unknown_extension", output.lang, path=output.file))
    if output.file is not None:
        from ..base.disk import refuse_data_folder

        refuse_data_folder(output.file, output.lang)


def scripted(flow: str | None, answers_path: Path, output: Output) -> None:
    """Answers from a file, defaults for what it leaves out, the checklist out; a problem
    with the answers said in the run's language."""
    from ..interview.answerwords import localized

    check_output(output)
    if output.file is None:
        output = for_screen(output)
    try:
        _scripted(flow, answers_path, output)
    except AnswersError as error:
        raise localized(error, output.lang) from None


def _scripted(flow: str | None, answers_path: Path, output: Output) -> None:
    from ..interview import answers

    opened = bundle.open_flow(flow)
    origin = str(answers_path)
    raw, details, wanted = answers.split_extras(answers.read(answers_path), origin)
    taken = engine.complete(opened.flow, _checked(opened, raw, origin, output.lang))
    papers = _papers(flow, opened)
    made: list[Draft] = []
    if papers is not None:
        from ..drafts.scripted import prepare

        every = "json" in _formats(output, scripted=True)  # JSON fills every fitting draft
        details, chosen = prepare(papers, taken, details, wanted, output.lang, warn, origin, every)
        made = list(chosen)
    _emit(opened, taken, output, scripted=True, papers=papers, details=details, made=made)


def interactive(flow: str | None, output: Output, save: bool) -> None:
    """The interview in the terminal; with `save`, progress is kept after each answer (one
    such interview at a time: `progress.one_at_a_time`)."""
    check_output(output)
    output = for_screen(output)
    opened = bundle.open_flow(flow)
    save_as = _flow_key(flow) if save else None
    if not save:
        _emit(opened, _interview(opened, output, {}, None), output, papers=_papers(flow, opened))
        return
    from . import progress as storage

    with storage.one_at_a_time(output.lang):
        taken = _interview(opened, output, {}, save_as)
        _emit(opened, taken, output, papers=_papers(flow, opened), save_as=save_as)
        _after_saving(output.lang)


def resume(output_format: str, file: Path | None, plain: bool, flow: str | None = None) -> None:
    """Continue the interview saved with --save, in the language it was started in.

    Saved progress names a shipped flow, or a flow file the person gave on the command
    line; resuming a flow file needs that file named again (`resume FLOW`), so a planted
    progress file can never make the program read a flow the person did not choose."""
    from . import progress as storage

    with storage.one_at_a_time(i18n.detect_lang(), create=False):
        _resume(storage.load(), output_format, file, plain, flow)


def _resume(
    progress: Progress | None, output_format: str, file: Path | None, plain: bool, flow: str | None
) -> None:
    from . import progress as storage

    if progress is None:
        raise GuideError(words.message("nothing_saved", i18n.detect_lang()))
    output = for_screen(Output(progress.lang, output_format, file, plain))
    check_output(output)
    opened = bundle.open_flow(_resumable(progress.flow, flow, i18n.detect_lang()))
    try:
        given = _checked(opened, progress.answers, str(storage.progress_path()), output.lang)
    except GuideError as error:
        raise storage.reject(str(error)) from None
    taken = _interview(opened, output, given, progress.flow)
    papers = _papers(progress.flow, opened)
    _emit(opened, taken, output, papers=papers, details=progress.details, save_as=progress.flow)
    _after_saving(output.lang)


def _resumable(saved: str, given: str | None, lang: str) -> str:
    """The flow saved progress may continue: a shipped flow, or the flow file `given` again."""
    from ..base import files
    from . import progress as storage

    missing = words.message("reason_missing_flow", lang, flow=saved)
    if not Path(saved).is_absolute():
        if saved not in bundle.shipped_names():
            raise storage.reject(missing)
    elif not files.is_regular(Path(saved)):
        raise storage.reject(missing)
    elif given is None:
        raise GuideError(words.message("resume_needs_flow", lang, flow=saved))
    if given is not None and _flow_key(given) != saved:
        raise GuideError(words.message("resume_other_flow", lang, saved=saved, given=given))
    return saved


def _after_saving(lang: str) -> None:
    """At the end of a --save interview: the answers are still saved; say so and how to
    delete them, or delete them now if the person says so."""
    import os

    from . import progress as storage

    path = storage.progress_path()
    if not os.path.lexists(path):
        return
    if sys.stdin.isatty() and sys.stdout.isatty():
        from ..terminal import prompts

        if prompts.offer_delete_saved(lang):  # Ctrl-C here: exit 130, the answers kept
            storage.forget()
            warn(words.message("deleted_saved", lang))
            return
    warn(words.message("still_saved", lang, path=path))


def _checked(
    opened: bundle.Bundle, raw: dict[str, object], origin: str, lang: str
) -> dict[str, Answer]:
    from ..interview import answers

    given, warnings = answers.check(opened.flow, raw, origin, lang)
    for warning in warnings:
        warn(f"warning: {warning}")
    return given


def _flow_key(flow: str | None) -> str:
    """How a saved session names its flow: a shipped name, or an absolute path."""
    path = bundle.resolve(flow)
    return path.stem if bundle.is_shipped(path) else str(path.resolve())


def _papers(flow: str | None, opened: bundle.Bundle) -> DraftSet | None:
    """The scripts and letters written for this flow, if any."""
    from ..drafts import open_drafts

    return open_drafts(bundle.resolve(flow), opened.flow)


def _emit(
    opened: bundle.Bundle,
    taken: dict[str, Answer],
    output: Output,
    scripted: bool = False,
    papers: DraftSet | None = None,
    details: dict[str, str] | None = None,
    made: list[Draft] | None = None,
    save_as: str | None = None,
) -> None:
    """Show the checklist, write it to the output file, and in a terminal offer what
    comes next (the words and letters, saving the checklist)."""
    checklist = engine.checklist(opened.flow, taken)
    view = report.build(checklist, opened.catalog, output.lang)
    details = dict(details or {})
    menu = not scripted and sys.stdin.isatty() and sys.stdout.isatty()
    formats = _formats(output, scripted)
    # Each form is built only if something shows it: the JSON document (every fitting
    # draft filled) for JSON, the view's drafts (the ones made) for every other format;
    # the menu can save in any format. Unused, `contract` stays empty.
    contract: dict[str, object] = {}
    if menu or "json" in formats:
        contract = report.contract(view, checklist, opened.catalog)
        if papers is not None:
            from ..drafts.view import contract as drafts_contract

            contract["drafts"] = drafts_contract(papers, opened.flow, taken, details, output.lang)
    if papers is not None and (menu or formats - {"json"}):
        from ..drafts.view import attach

        view = attach(view, papers, opened.flow, taken, details, list(made or []))
    file = output.file
    if not (scripted and file is not None):
        _show(view, contract, output)
    if menu:
        try:
            view = _next_steps(opened, taken, view, contract, output, papers, details, save_as)
        except Interrupted:  # stopped at the menu: the checklist asked for is still written
            _write(file, view, contract, output.lang)
            raise
    _write(file, view, contract, output.lang)


def _write(file: Path | None, view: report.Report, contract: dict[str, object], lang: str) -> None:
    """The checklist to the --output file, if one was given."""
    if file is not None:
        from ..base.disk import write_atomic

        text = render_as(format_for(file) or "text", view, contract)
        write_atomic(file, text, private=True, lang=lang)
        warn(words.message("saved", lang, path=file))


def _formats(output: Output, scripted: bool) -> set[str]:
    """The formats a run writes: stdout's (a scripted run with a file writes only the file)
    and the output file's."""
    found = set() if scripted and output.file is not None else {output.output_format}
    if output.file is not None:
        found.add(format_for(output.file) or "text")
    return found


def for_screen(output: Output) -> Output:
    """Text on a screen whose encoding cannot show its language (Chinese in Latin-1) comes
    in one it can (the other Chinese script, or English), and the person is told once."""
    from ..output import encoding

    if output.output_format not in ("text", "markdown"):
        return output
    lang = encoding.screen_lang(output.lang, "--output FILE (always UTF-8)")
    return output if lang == output.lang else replace(output, lang=lang)


def _next_steps(
    opened: bundle.Bundle,
    taken: dict[str, Answer],
    view: report.Report,
    contract: dict[str, object],
    output: Output,
    papers: DraftSet | None,
    details: dict[str, str],
    save_as: str | None,
) -> report.Report:
    """The menu after the checklist; the view it returns carries the drafts made."""
    from ..terminal import prompts
    from . import menu as nextsteps

    def keep(given: dict[str, str]) -> None:
        if save_as is not None:
            from . import progress as storage

            try:
                storage.save(storage.Progress(save_as, output.lang, dict(taken), given))
            except StorageError as error:  # the menu goes on without saving
                warn(words.message("not_saving", output.lang, reason=error))

    context = nextsteps.Context(
        output.lang, opened.flow, taken, view, contract, console(output.plain), papers, details
    )
    context.keep = keep
    context.file_given = output.file is not None

    def choose(choices: list[tuple[str, str]], point: str | None) -> str | None:
        title = words.message("next_steps", output.lang)
        return prompts.choose_action(output.lang, title, choices, point)

    nextsteps.run(context, choose)
    return context.current()


def _show(view: report.Report, contract: dict[str, object], output: Output) -> None:
    from ..output import encoding

    encoding.for_format(sys.stdout, output.output_format)
    if output.output_format != "text":
        sys.stdout.write(render_as(output.output_format, view, contract))
    elif sys.stdout.isatty():
        from ..output import render

        screen = console(output.plain)
        screen.print()
        render.on_screen(screen, view)
    else:
        sys.stdout.write(as_text(view, shutil.get_terminal_size((80, 24)).columns))


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
        codes = " | ".join(pending.codes)
        raise NoTerminal(words.message("no_terminal", lang, id=pending.id, codes=codes))
    from ..interview import loop as interview
    from ..output import render
    from ..terminal import prompts
    from . import progress as storage

    screen = console(output.plain)
    intro = [i18n.text(flow.intro, lang)] if flow.intro else []
    render.heading(screen, i18n.text(flow.title, lang), [*intro, words.message("quit_hint", lang)])

    def show_help(text: str) -> None:
        render.note(screen, text)

    def alert(text: Text) -> None:
        render.alert(screen, i18n.text(text, lang))

    not_saving: list[str] = []

    def saved(answers: dict[str, Answer]) -> None:
        if save_as is None or not_saving:
            return
        try:
            storage.save(storage.Progress(save_as, lang, dict(answers)))
        except StorageError as error:  # say so once; the interview matters more
            not_saving.append(str(error))
            warn(words.message("not_saving", lang, reason=error))

    try:
        ask = prompts.make_ask(lang, show_help)
        return interview.run(flow, ask, alert, given, saved, prompts.make_review(lang))
    except (KeyboardInterrupt, EOFError):
        raise Interrupted(words.message("interrupted", lang)) from None
