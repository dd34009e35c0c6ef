"""`record`: an immutable dataclass for the type checker, a cheap one at run time.

A scripted run imports some thirty dataclasses, and `dataclass(frozen=True)` writes and
compiles four or five methods for each (`__init__`, `__repr__`, a guarding `__setattr__`
and `__delattr__`, and `__eq__`/`__hash__` unless `eq=False`): about a third of a
millisecond a class, some ten milliseconds in all. A record gets only `__init__` at run
time, and only when the first one is made: the flow and its letters come unpickled from
the wheel (pickle calls no `__init__`), so a scripted run never makes most of the model's
classes, and pays nothing for them. Immutability is kept where it is checked: mypy (strict,
in CI) sees a frozen dataclass through `dataclass_transform` and refuses any assignment to a
field; records compare by identity, as the model always has.

Until its first instance is made a record class is not yet a dataclass: `dataclasses.fields`
and `replace` take an instance that `__init__` made (`made`, below, for a class itself).
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


_PENDING = "__record_pending__"


@dataclass_transform(frozen_default=True, eq_default=False)
def record(cls: type[T]) -> type[T]:
    """A dataclass with only its `__init__` generated, when first called (see the module's
    docstring)."""

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        made(cls).__init__(self, *args, **kwargs)

    setattr(cls, _PENDING, True)
    setattr(cls, "__init__", __init__)  # noqa: B010 - mypy refuses assigning a method
    return cls


def made(cls: type[T]) -> type[T]:
    """`cls` as the dataclass it is: its bases first, so that their fields come first."""
    for klass in reversed(cls.__mro__):
        if klass.__dict__.get(_PENDING):
            delattr(klass, _PENDING)
            delattr(klass, "__init__")  # dataclass writes no __init__ where one is
            dataclass(eq=False, repr=False)(klass)
    return cls
