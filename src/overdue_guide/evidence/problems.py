"""The evidence log's own error, in a module of its own so that commands which only read
the log can raise it without loading the entry model."""

from __future__ import annotations

from ..errors import GuideError


class EntryError(GuideError):
    """An entry, or one field of it, that cannot go into the log (exit 2, nothing written).

    The message is English, for the one-line CLI error, scripts and tests. `key` and
    `values`, where set, name the problem so that the form can say it in the person's
    language with `texts.say(key, lang, **values)`; without a key it shows the message.
    """

    def __init__(self, message: str, key: str = "", values: dict[str, object] | None = None):
        super().__init__(message)
        self.key = key
        self.values = dict(values or {})


def problem(key: str, **values: object) -> EntryError:
    """An `EntryError` for the problem `key`, its message the English text of `key`."""
    from .texts import say

    return EntryError(say(key, "en", **values), key, values)
