"""Standard output and error into a pipe whose reader may stop reading (`| head -1`).

A reader that has what it wants and goes away is not a failure of ours: every command
behaves the same then, finishing its work silently with the status it would have had.
What is still to be written goes to /dev/null instead, so neither our writes nor
Python's last flush at exit raise `BrokenPipeError` (which typer would turn into a silent
exit 1, and Python at shutdown into a warning and exit 120).
"""

from __future__ import annotations

import os
from typing import Any


class Piped:
    """A text stream that, once its reader has gone, writes to /dev/null."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return int(self._stream.write(text))
        except BrokenPipeError:
            _forget(self._stream)
            return len(text)

    def writelines(self, lines: Any) -> None:
        try:
            self._stream.writelines(lines)
        except BrokenPipeError:
            _forget(self._stream)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            _forget(self._stream)
            self._stream.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def guard(stream: Any) -> Any:
    """`stream` as a `Piped` when it goes to a pipe or a file (a terminal never breaks)."""
    try:
        if stream is None or stream.isatty():
            return stream
    except (OSError, ValueError):
        return stream
    return Piped(stream)


def write_bytes(stream: Any, data: bytes) -> None:
    """Bytes out, exactly (an export is UTF-8 whatever the terminal's encoding), past the
    text layer, which is flushed first so that nothing comes out of order."""
    try:
        stream.flush()
        stream.buffer.write(data)
        stream.buffer.flush()
    except BrokenPipeError:
        _forget(stream)


def _forget(stream: Any) -> None:
    """The reader has gone: the stream's descriptor now writes to /dev/null."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, stream.fileno())
    finally:
        os.close(devnull)
