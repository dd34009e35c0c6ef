"""`record`: an immutable dataclass for the type checker, a cheap one at run time.

A scripted run imports some thirty dataclasses, and `dataclass(frozen=True)` writes and
compiles four or five methods for each (`__init__`, `__repr__`, a guarding `__setattr__`
and `__delattr__`, and `__eq__`/`__hash__` unless `eq=False`): about a third of a
millisecond a class, some ten milliseconds in all. A record gets only `__init__` at run
time. Immutability is kept where it is checked: mypy (strict, in CI) sees a frozen
dataclass through `dataclass_transform` and refuses any assignment to a field; records
compare by identity, as the model always has.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
elif sys.version_info >= (3, 11):
    from typing import dataclass_transform
else:  # Python 3.10: only the type checker reads the marker

    def dataclass_transform(**_: Any) -> Callable[[Any], Any]:
        return lambda decorator: decorator


T = TypeVar("T")


@dataclass_transform(frozen_default=True, eq_default=False)
def record(cls: type[T]) -> type[T]:
    """A dataclass with only its `__init__` generated (see the module's docstring)."""
    return dataclass(eq=False, repr=False)(cls)
