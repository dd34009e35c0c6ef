"""The console script: the one error boundary, and a direct path to the interview.

Every failure becomes one line on stderr and an exit code (0 ok, 1 findings,
2 bad input, 130 interrupted). Bare `overdue-guide` — what a person in a hurry
types — starts the interview without loading the option parser at all.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

from .base import streams
from .errors import ExitStatus, GuideError
from .output import encoding
from .terminal import signals


def main() -> None:
    """Run the command line; turn every failure into one line and an exit code."""
    signals.install()
    status = _run()
    if signals.settle() and status != ExitStatus.INTERRUPTED:  # came as the command ended
        status = _stopped()
    _flush()
    sys.exit(status)


def _run() -> int:
    """The command's exit status; a failure said in one line on stderr."""
    try:
        try:
            _standard_streams()
            encoding.install(sys.stdout, sys.stderr)
            status = _command()
            signals.check()  # a signal that some library caught must still end in 130
            return status
        except GuideError as error:
            if error.status is ExitStatus.INTERRUPTED:
                signals.settle()  # one line: a second signal now changes nothing
                _show_cursor()
                _fail(_stop_line(str(error)))
            else:
                _fail(str(error))
            return int(error.status)
        except Exception as error:
            return _last_resort(error)
    except GuideError:  # a signal while a failure was being said
        signals.settle()
        return _stopped()


def _stop_line(said: str) -> str:
    """The one line a stop ends with: the stop's own words (in the language of the prompt
    it stopped), else the usual ones. A signal's bare `Interrupted` has none, and one that
    lands inside a codec comes out renamed by Python ("decoding with 'utf-8-sig' codec
    failed (Interrupted: )"): neither is what a person should read."""
    from .base.words import message

    if said in (message("interrupted", "zh-CN"), message("interrupted", "en")):
        return said
    if said and said == message("interrupted", "zh-TW"):  # converted only when it may be
        return said
    return str(signals.interrupted())


def _stopped() -> int:
    """The one line for a stop, after the terminal is put right; exit 130."""
    _show_cursor()
    _fail(str(signals.interrupted()))
    return int(ExitStatus.INTERRUPTED)


def _flush() -> None:
    """Flush what is still buffered now, not in Python's shutdown, where a failure would
    print a warning and change the exit status."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            stream.flush()


def _show_cursor() -> None:
    """A list may have hidden the cursor when it was interrupted (a dumb terminal has none)."""
    try:
        from .terminal.console import wanted

        if sys.stdout is not None and sys.stdout.isatty() and not wanted():
            sys.stdout.write("\x1b[?25h")
            sys.stdout.flush()
    except (OSError, ValueError, ImportError):  # the terminal is gone (SIGHUP)
        pass


def _last_resort(error: Exception) -> int:
    """A failure that is not a domain error: still one line, never a traceback."""
    if signals.received():  # e.g. the terminal went away with the SIGHUP
        signals.settle()
        return _stopped()
    if isinstance(error, OSError):
        _fail(f"cannot write: {error.strerror or error}")
        return int(ExitStatus.BAD_INPUT)
    from .cli.usage import UsageError, line

    if isinstance(error, UsageError):
        from .cli.options import asked_lang

        _fail(line(error, *_parser(), lang=asked_lang(sys.argv[1:])))
        return int(ExitStatus.BAD_INPUT)
    if type(error).__name__ == "Abort":  # typer's word for an EOF at its own prompt
        return _stopped()
    if os.environ.get("OVERDUE_GUIDE_TRACEBACK"):
        raise error
    if isinstance(error, UnicodeEncodeError):  # its repr would hold the whole text written
        _fail(
            f"cannot write a character in this terminal's encoding ({error.reason}): "
            "use a UTF-8 terminal, or --output FILE where the command has one"
        )
        return int(ExitStatus.BAD_INPUT)
    described = repr(error)
    described = described if len(described) <= 300 else described[:300] + "…"
    _fail(f"unexpected error: {described} (set OVERDUE_GUIDE_TRACEBACK=1 to see where)")
    return int(ExitStatus.FINDINGS)


def _parser() -> tuple[Any, str, list[str]]:
    """The command line that was parsed (`log` and `fees` are parsed on their own), how it
    is typed, and its words (options typed before the command moved after it, as
    `_command` runs them): where a usage mistake is looked up."""
    from typer.main import get_command

    from .cli.options import hoisted

    argv = hoisted(sys.argv[1:])
    if argv[:1] == ["fees"]:
        from .cli.fees import app as fees_app

        return get_command(fees_app), "overdue-guide fees", argv[1:]
    if argv[:1] == ["log"]:
        from .cli.log import log_group

        return log_group(), "overdue-guide log", argv[1:]
    from .cli.main import app

    return get_command(app), "overdue-guide", argv


def _standard_streams() -> None:
    """A closed stdin reads as empty and a closed stderr discards; a closed stdout is bad input.

    Each closed descriptor is first filled with /dev/null, so that no file the
    program opens later takes its number and receives what was meant for it.
    """
    closed = []
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            os.open(os.devnull, os.O_RDWR)  # the lowest free number: this one
            closed.append(fd)
    if 0 in closed:
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 - lives as long as the run
    if 2 in closed:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if 1 in closed:
        raise GuideError("standard output is closed: nowhere to print (give it a file or a pipe)")
    sys.stdout = streams.guard(sys.stdout)
    sys.stderr = streams.guard(sys.stderr)


def _command() -> int:
    """Run the command; its exit status."""
    if not sys.argv[1:]:
        _interview()
        return int(ExitStatus.OK)
    from .cli.options import hoisted

    argv = hoisted(sys.argv[1:])
    if argv[:1] == ["fees"]:  # straight to its own options (see cli/fees.py)
        from .cli.fees import app as fees_app

        status = fees_app(argv[1:], prog_name="overdue-guide fees", standalone_mode=False)
    elif argv[:1] == ["run"]:  # the interview or a scripted run, without the other commands
        from .cli.run import run_app

        status = run_app(argv[1:], prog_name="overdue-guide run", standalone_mode=False)
    elif argv[:1] == ["log"]:  # straight to its commands, without building the others
        from .cli.log import log_group

        status = log_group()(argv[1:], prog_name="overdue-guide log", standalone_mode=False)
    else:
        from .cli.main import app

        # usage errors come here, to become one line
        status = app(argv, prog_name="overdue-guide", standalone_mode=False)
    return status if isinstance(status, int) else int(ExitStatus.OK)


def _interview() -> None:
    """What `overdue-guide run` does with no options, without parsing any."""
    from .base.i18n import detect_lang
    from .session import run as session

    session.interactive(None, session.Output(detect_lang()), save=False)


def _fail(line: str) -> None:
    from .session.run import warn

    with contextlib.suppress(OSError, ValueError):  # no stderr left (a hung-up terminal)
        warn(f"overdue-guide: {line}")
