"""PyYAML imported without paying for a pattern we never use.

Importing PyYAML compiles, in the class body of its pure-Python reader, one regular
expression over every printable code point up to U+10FFFF. Building it is most of
what the import costs (about 80 of 125 million instructions, two thirds of PyYAML's
share of a scripted run), and we parse with libyaml, which checks characters itself
and never uses it. Upstream knows (yaml/pyyaml pull requests #124 and #301, open
since 2018). While `yaml` is imported here, that one pattern is made a `Deferred`:
compiled the first time anything uses it (the pure-Python reader, where libyaml is
missing), so nothing reads differently.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

#: PyYAML's `Reader.NON_PRINTABLE`, exactly (tests/test_yamlimport.py compares it).
READER_PATTERN = "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
#: The real `re.compile`, whatever is in its place while `yaml` is imported.
_compile = re.compile


class Deferred:
    """A regular expression compiled when it is first used rather than when it is made."""

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = _compile(self._source, self._flags)
        return getattr(compiled, name)


@contextmanager
def reader_pattern_deferred() -> Iterator[None]:
    """Within: `re.compile(READER_PATTERN)` makes a `Deferred`; every other pattern, and
    everything after, is compiled as usual."""

    def compile_or_defer(pattern: Any, flags: Any = 0) -> Any:
        if isinstance(pattern, str) and pattern == READER_PATTERN:
            return Deferred(pattern, flags)
        return _compile(pattern, flags)

    re.compile = compile_or_defer
    try:
        yield
    finally:
        re.compile = _compile
