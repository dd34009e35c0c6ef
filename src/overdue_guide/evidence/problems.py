"""The evidence log's own error, in a module of its own so that commands which only read
the log can raise it without loading the entry model."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from ..errors import GuideError


class EntryError(GuideError):
    """An entry, or one field of it, that cannot go into the log (exit 2, nothing written).

    The message is English, for scripts and tests. `key` and `values`, where set, name the
    problem (its words in `problemtexts`) so that the form and the commands can say it in
    the person's language (`said`, `localized`); without a key it shows the message.
    """

    def __init__(self, message: str, key: str = "", values: dict[str, object] | None = None):
        super().__init__(message)
        self.key = key
        self.values = dict(values or {})


def problem(key: str, /, **values: object) -> EntryError:
    """An `EntryError` for the problem `key`, its message the English text of `key`.

    A value may be another `EntryError` (a problem found at a place): it is said in the
    same language as the problem around it."""
    return EntryError(said_as(key, "en", values), key, values)


def said(error: EntryError, lang: str) -> str:
    """The error in `lang` where it names its problem, else its English line."""
    return said_as(error.key, lang, error.values) if error.key else str(error)


def said_as(key: str, lang: str, values: dict[str, object]) -> str:
    from .texts import say

    inner = {k: said(v, lang) if isinstance(v, EntryError) else v for k, v in values.items()}
    return say(key, lang, **inner)


def localized(error: EntryError, lang: str) -> EntryError:
    """The same problem, said in `lang` (an error without a key is already said)."""
    if not error.key:
        return error
    return EntryError(said(error, lang), error.key, error.values)


@contextmanager
def said_in(lang: str) -> Iterator[None]:
    """Any `EntryError` raised inside, said in `lang`: the edge where a command knows it."""
    try:
        yield
    except EntryError as error:
        raise localized(error, lang) from None
