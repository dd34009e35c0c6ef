"""SIGINT, SIGTERM and SIGHUP end the program as Ctrl-C does: one line, exit 130.

A handler that raises inside prompt_toolkit's event loop lands in the middle of
its key handling or drawing: a traceback, "Press ENTER to continue…", and the
interview going on. So while a prompt is up the handler only notes the signal
and asks the prompt, from inside the prompt's own loop, to end with
`Interrupted`; the prompt then restores the terminal on its way out. Anywhere
else the handler raises `Interrupted` at once; one that some library swallowed,
or that landed where Python cannot raise (a weakref callback), is raised again
at the next prompt or when the command ends.

Two moments are different. Work that must not be cut short once committed (`held`:
entries stored, then reported) only notes a signal, so that exit 130 always means
nothing was stored. And at the very end (`settle`) the signals are ignored, so that
none can end the process the system's way while Python shuts down.
"""

from __future__ import annotations

import contextlib
import signal
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

from ..errors import Interrupted

HANDLED = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)

_received: int | None = None
_lang: str | None = None  # the language of the last prompt, for a signal's line
_running: tuple[Any, Any] | None = None  # (the prompt_toolkit Application, its `end`)
_holding = 0  # inside `held`: a signal is noted, not raised


def install() -> None:
    """Handle the three signals that ask a terminal program to stop."""
    sys.unraisablehook = _quiet_when_interrupted
    for signum in HANDLED:
        signal.signal(signum, _on_signal)


def _quiet_when_interrupted(unraisable: Any) -> None:
    """An `Interrupted` raised where Python cannot propagate it (a weakref callback,
    a `__del__`) is not printed: `check` raises it again at the next safe point."""
    if not isinstance(unraisable.exc_value, Interrupted):
        sys.__unraisablehook__(unraisable)


def interrupted(lang: str | None = None) -> Interrupted:
    """The error every way of stopping ends in, in the person's language.

    Not for the signal handler: it may land while i18n itself is half imported
    (the handler raises a bare `Interrupted`, which `entry` words).
    """
    from ..base.i18n import detect_lang
    from ..base.words import message  # imported late to keep `--help` fast

    return Interrupted(message("interrupted", lang or _lang or detect_lang()))


def received() -> bool:
    """Whether a stopping signal has come."""
    return _received is not None


def check(lang: str | None = None) -> None:
    """Raise `Interrupted` if a signal came and nothing has acted on it yet."""
    if _received is not None:
        raise interrupted(lang)


def run_prompt(app: Any, lang: str | None = None) -> Any:
    """Run a prompt_toolkit `Application`; a signal meanwhile, or the keys Ctrl-C and
    Ctrl-D (which the prompts turn into KeyboardInterrupt and EOFError), end it with
    `Interrupted`: one rule for every prompt, so no caller can make one of them mean
    "done" by mistake.

    A signal can come before the prompt's loop exists (the `pre_run` hook sees
    it), while it waits for keys (`end` is called in the loop), or while it
    tears down (checked here once `run` returns).
    """
    global _running, _lang

    _lang = lang or _lang

    def end() -> None:
        future = app.future
        if _received is not None and future is not None and not future.done():
            app.exit(exception=interrupted(lang))

    check(lang)
    app.pre_run_callables.append(end)
    _running = (app, end)
    try:
        result = app.run(handle_sigint=False)  # SIGINT comes to `_on_signal` like the others
    except (KeyboardInterrupt, EOFError):
        raise interrupted(lang) from None
    except BaseException:
        if _received is None:
            raise
        result = None
    finally:
        _running = None
    check(lang)
    return result


@contextlib.contextmanager
def held() -> Iterator[None]:
    """Work that must end once it has committed: a signal meanwhile is noted, not raised.

    Inside, `check` still raises a noted signal: a store calls it just before it commits,
    so a signal before the commit still undoes everything (exit 130, nothing stored). Once
    the block ends (after the commit, the report printed), a signal it noted is forgotten:
    the work is done and stands, and the program ends as it would have (exit 0), so that a
    script that retries on 130 never stores the same entries twice."""
    global _holding, _received
    _holding += 1
    try:
        yield
    except Interrupted:
        raise
    except BaseException:
        _received = None
        raise
    else:
        _received = None
    finally:
        _holding -= 1


def settle() -> bool:
    """At the very end: ignore the three signals from now on, and say whether one came
    that nothing acted on (pending, or noted).

    Python puts the system's handlers back while it shuts down; a signal then would end
    the process the system's way (status −2, −1) instead of with exit 130."""
    try:
        signal.pthread_sigmask(signal.SIG_BLOCK, HANDLED)
        pending = not set(signal.sigpending()).isdisjoint(HANDLED)
        for signum in HANDLED:
            signal.signal(signum, signal.SIG_IGN)  # an ignored signal pending is dropped
        signal.pthread_sigmask(signal.SIG_UNBLOCK, HANDLED)
    except Interrupted:  # a signal that came just before ran its handler here
        settle()
        return True
    return pending or _received is not None


def _on_signal(signum: int, frame: object) -> None:
    global _received
    _received = signum
    if _holding:
        return
    running = _running
    if running is None:
        raise Interrupted
    app, end = running
    loop = app.loop
    if loop is not None:
        with contextlib.suppress(RuntimeError):  # the loop closed: run_prompt raises after
            loop.call_soon_threadsafe(end)
