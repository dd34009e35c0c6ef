"""The console script: the one error boundary, and a direct path to the interview.

Every failure becomes one line on stderr and an exit code (0 ok, 1 findings,
2 bad input, 130 interrupted). Bare `overdue-guide` — what a person in a hurry
types — starts the interview without loading the option parser at all.
"""

from __future__ import annotations

import os
import signal
import sys

from .errors import ExitStatus, GuideError, Interrupted


def main() -> None:
    """Run the command line; turn every failure into one line and an exit code."""
    signal.signal(signal.SIGTERM, _terminated)
    try:
        if sys.argv[1:2] == ["fees"]:  # straight to its own options (see fees/cli.py)
            from .fees.cli import app as fees_app

            fees_app(sys.argv[2:], prog_name="overdue-guide fees")
        elif sys.argv[1:]:
            from .cli import app

            app()
        else:
            _interview()
    except GuideError as error:
        if error.status is ExitStatus.INTERRUPTED and sys.stdout.isatty():
            sys.stdout.write("\x1b[?25h")  # a list may have hidden the cursor
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


def _interview() -> None:
    """What `overdue-guide run` does with no options, without parsing any."""
    from . import session
    from .i18n import detect_lang

    session.interactive(None, session.Output(detect_lang()), save=False)


def _terminated(signum: int, frame: object) -> None:
    """SIGTERM ends like Ctrl-C: the prompt restores the terminal on the way out."""
    from .i18n import detect_lang, message

    raise Interrupted(message("interrupted", detect_lang()))


def _fail(line: str) -> None:
    from .session import warn

    warn(f"overdue-guide: {line}")
