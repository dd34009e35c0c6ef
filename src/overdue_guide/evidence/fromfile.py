"""Entries from a `--from` file: YAML or JSON, a list of entries or `{entries: [...]}`,
a JSON export among them; each entry built as every other entry is (`parse.build`)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .model import Attachment, Entry
from .parse import Fingerprint, Value, build
from .problems import problem

if TYPE_CHECKING:
    from ..base.yamlsafe import Node


def read_file(path: Path, now: datetime, default_zone: str, fp: Fingerprint) -> list[Entry]:
    """Every entry of a `--from` file: a list of entries, or `{entries: [...]}`; relative
    attachment paths are read from the file's folder."""
    from ..base import yamlsafe

    try:
        return _entries(path, yamlsafe.load(path, "entries file"), now, default_zone, fp)
    except yamlsafe.YamlProblem as found:  # not YAML, or a key given twice in a value
        finding = found.finding
        where = f"{finding.file}:{finding.line}:{finding.col}"
        raise problem("file_unreadable", where=where, message=finding.message) from None


def _entries(
    path: Path, root: Node | None, now: datetime, default_zone: str, fp: Fingerprint
) -> list[Entry]:
    from ..base import yamlsafe

    name = str(path)
    if root is not None and root.kind == "map":  # `{"entries": [...]}`, a JSON export among them
        keys = yamlsafe.unique_pairs(root, name)
        if "entries" not in keys or not set(keys) <= _EXPORT_KEYS:
            raise problem("not_a_list", where=f"{name}:{root.line}:{root.col}")
        root = keys["entries"]
    if root is None or root.kind != "seq" or not root.items:
        line, col = (root.line, root.col) if root else (1, 1)
        raise problem("no_entries_found", where=f"{name}:{line}:{col}")

    def beside(attachment: str) -> Attachment:
        """An attachment path in a file is read from the file's folder, not the shell's."""
        given = Path(attachment).expanduser()
        return fp(str(given if given.is_absolute() else path.parent / given))

    entries = []
    for item in root.items:
        if item.kind != "map":
            raise problem("entry_not_map", where=f"{name}:{item.line}:{item.col}")
        values: dict[str, Value] = {}
        for key, value in item.pairs:
            if key.value in values:
                where = f"{name}:{key.line}:{key.col}"
                raise problem("field_twice", where=where, name=key.value)
            if key.value not in _KEPT_BY_THE_LOG:
                where = f"{name}:{value.line}:{value.col}"
                values[key.value] = Value(yamlsafe.plain_value(value, name), where)
        if not values:
            raise problem("required", where=f"{name}:{item.line}:{item.col}", name="at")
        entries.append(build(values, now, default_zone, beside))
    return entries


#: The top-level keys of a JSON export, which `--from` reads back as it is.
_EXPORT_KEYS = frozenset({"entries", "flags", "summary", "notes"})
#: Fields of an exported entry that the log sets itself: read back, they are left out.
_KEPT_BY_THE_LOG = frozenset({"id", "at_utc"})
