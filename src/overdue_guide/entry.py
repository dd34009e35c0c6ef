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
    from typing import NoReturn

from .errors import ExitStatus, GuideError
from .output import encoding
from .terminal import signals


def main() -> None:
    """Run the command line; turn every failure into one line and an exit code."""
    signals.install()
    try:
        _standard_streams()
        encoding.install(sys.stdout, sys.stderr)
        status = _command()
        signals.check()  # a signal that some library caught must still end in 130
    except GuideError as error:
        if error.status is ExitStatus.INTERRUPTED:
            _show_cursor()
        _fail(str(error) or str(signals.interrupted()))  # a signal's bare Interrupted
        sys.exit(int(error.status))
    except Exception as error:
        _last_resort(error)
    sys.exit(status)


def _show_cursor() -> None:
    """A list may have hidden the cursor when it was interrupted (a dumb terminal has none)."""
    try:
        from .terminal.console import wanted

        if sys.stdout is not None and sys.stdout.isatty() and not wanted():
            sys.stdout.write("\x1b[?25h")
            sys.stdout.flush()
    except (OSError, ValueError, ImportError):  # the terminal is gone (SIGHUP)
        pass


def _last_resort(error: Exception) -> NoReturn:
    """A failure that is not a domain error: still one line, never a traceback."""
    if signals.received():  # e.g. the terminal went away with the SIGHUP
        _show_cursor()
        _fail(str(signals.interrupted()))
        sys.exit(int(ExitStatus.INTERRUPTED))
    if isinstance(error, OSError):
        _fail(f"cannot write: {error.strerror or error}")
        sys.exit(int(ExitStatus.BAD_INPUT))
    from .cli.usage import UsageError, line

    if isinstance(error, UsageError):
        from .cli.main import app
        from .cli.options import hoisted

        _fail(line(error, app, hoisted(sys.argv[1:])))
        sys.exit(int(ExitStatus.BAD_INPUT))
    if type(error).__name__ == "Abort":  # typer's word for an EOF at its own prompt
        _fail(str(signals.interrupted()))
        sys.exit(int(ExitStatus.INTERRUPTED))
    if os.environ.get("OVERDUE_GUIDE_TRACEBACK"):
        raise error
    if isinstance(error, UnicodeEncodeError):  # its repr would hold the whole text written
        _fail(f"cannot write a character in this encoding: {error.reason}; use --output FILE")
        sys.exit(int(ExitStatus.BAD_INPUT))
    described = repr(error)
    described = described if len(described) <= 300 else described[:300] + "…"
    _fail(f"unexpected error: {described} (set OVERDUE_GUIDE_TRACEBACK=1 to see where)")
    sys.exit(int(ExitStatus.FINDINGS))


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
        from .cli.main import run_app

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
