"""Typed errors of the domain, and the exit codes the CLI turns them into.

Library code raises these and never prints; `cli` is the one place that turns
them into a line on stderr and an exit status.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from .base.visible import visible


class ExitStatus(IntEnum):
    """The exit codes the README promises."""

    OK = 0
    FINDINGS = 1
    BAD_INPUT = 2
    INTERRUPTED = 130


@dataclass(frozen=True)
class Finding:
    """One problem in a flow file, located for an author's editor."""

    file: str
    line: int
    col: int
    severity: str  # "error" | "warning" | "note" (what went unchecked; fails only --strict)
    code: str
    message: str

    def __str__(self) -> str:
        """One line, whatever the file name or the message quotes (escapes shown, not run)."""
        line = f"{self.file}:{self.line}:{self.col}: {self.severity} {self.code} {self.message}"
        return visible(line, keep="")


class GuideError(Exception):
    """Anything the user can fix: bad input, a bad flow, no terminal."""

    status: ExitStatus = ExitStatus.BAD_INPUT


class FlowError(GuideError):
    """A flow or sources file that cannot be used; carries every finding."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        errors = [f for f in findings if f.severity == "error"] or findings
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(f"{errors[0]}{more}")


class FlowNotFound(GuideError):
    """A flow named on the command line that is neither a shipped flow nor a file."""


class AnswersError(GuideError):
    """An answers file, or one answer in it, that cannot be used.

    The message is English; `key` and `values`, where set, name the problem so that a run
    can say it in its language (`interview.answerwords.localized`)."""

    def __init__(self, message: str, key: str = "", values: dict[str, object] | None = None):
        super().__init__(message)
        self.key = key
        self.values = dict(values or {})


class MissingAnswer(AnswersError):
    """A scripted run reached a question its answers do not answer."""

    def __init__(self, question: str, codes: tuple[str, ...], multi: bool) -> None:
        self.question = question
        self.codes = codes
        allowed = ", ".join(codes)
        if multi:
            message = f"no answer for '{question}': give a list of any of: {allowed} ([] for none)"
        else:
            message = f"no answer for '{question}': give one of: {allowed}"
        key = "missing_many" if multi else "missing_one"
        super().__init__(message, key, {"id": question, "allowed": allowed})


class NoTerminal(GuideError):
    """An interview was asked for where nobody can answer it."""


class Interrupted(GuideError):
    """The person stopped the interview (Ctrl-C, Ctrl-D or a termination signal)."""

    status = ExitStatus.INTERRUPTED


class StorageError(GuideError):
    """Saved progress or an output file that cannot be read or written."""


class FeeInputError(GuideError):
    """A figure for the fee check that cannot be used (exit 2).

    `key` and `values` name the problem, so that `fees.words` can say it in the
    person's language; the message itself is English, for scripts and logs.
    """

    def __init__(self, message: str, key: str = "", values: dict[str, object] | None = None):
        super().__init__(message)
        self.key = key
        self.values = dict(values or {})
