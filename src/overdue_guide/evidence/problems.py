"""The evidence log's own error, in a module of its own so that commands which only read
the log can raise it without loading the entry model."""

from __future__ import annotations

from ..errors import GuideError


class EntryError(GuideError):
    """An entry, or one field of it, that cannot go into the log (exit 2, nothing written)."""
