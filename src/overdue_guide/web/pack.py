"""The page's data said once: the document `build.page_data` makes, packed for a page
that must stay under 400 KB with three languages while the guide keeps growing.

`page_data` keeps the shape the scripts read (`texts[lang]`, `words[lang]`, a title as
`{lang: text}`…), which repeats every key, code, number and quote once per language.
Packed, the same document says each thing once:

- **Languages folded.** A dict keyed by exactly the page's languages becomes
  `{"@langs": merged}`: one tree where what reads the same in every language (keys,
  codes, conditions, quotes, source numbers) is stored once and only what differs is
  `{"@": [zh-CN, zh-TW, en]}`. In that list `null` means *derived from zh-CN*: for zh-TW a
  text converted character by character with the page's own table (`tw_table`, the one
  it uses for typed details) — used only where that gives exactly what `i18n.traditional`
  gave — and otherwise the zh-CN value itself.
- **Strings shared.** A string longer than `SHARED_MIN` bytes that still occurs more than
  once (a document's name under each of its quotes, a quote in its source and its
  contract) is stored once in `strings` and stands as `{"$": index}` where it is used.

`assets/packed.js` undoes both, giving back exactly `page_data` (a test compares them).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence

from ..base.i18n import traditional
from .flowdata import Json

#: The markers: a dict keyed by the languages, a value that differs by language, a shared string.
FOLDED, VARIANTS, SHARED = "@langs", "@", "$"

#: Shorter strings are left where they are: a reference would save little or nothing.
SHARED_MIN = 12

#: Characters of the CJK blocks people type, for the zh-TW conversion of typed details.
_CJK = (*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000))


class Unpackable(ValueError):
    """The document uses a marker as a key, or lacks a value in one language: packed, it
    would not come back the same."""


def tw_table() -> str:
    """Simplified → Traditional, one character at a time, as pairs in one string: the
    characters `i18n.traditional` changes when each stands alone."""
    chars = [chr(c) for c in _CJK]
    converted = traditional("\n".join(chars)).split("\n")
    return "".join(a + b for a, b in zip(chars, converted, strict=True) if a != b and len(b) == 1)


def by_character(table: str) -> Callable[[str], str]:
    """The page's conversion of a text with `table` (`Packed.traditional` in the page)."""
    pairs = {table[i]: table[i + 1] for i in range(0, len(table) - 1, 2)}
    return lambda text: "".join(pairs.get(char, char) for char in text)


def pack(data: Json, langs: Sequence[str]) -> Json:
    """`data` packed: the languages, the zh-TW table, the shared strings and the folded tree."""
    table = tw_table()
    folded = _Folder(langs, by_character(table)).fold(json.loads(json.dumps(data)))
    strings = shared(folded)
    return {
        "langs": list(langs),
        "tw": table,
        "strings": strings,
        "data": _refer(folded, {s: i for i, s in enumerate(strings)}),
    }


class _Folder:
    """Folds every dict keyed by the languages; `convert` derives zh-TW texts."""

    def __init__(self, langs: Sequence[str], convert: Callable[[str], str]) -> None:
        self.langs = list(langs)
        self.convert = convert

    def fold(self, value: Json) -> Json:
        if isinstance(value, list):
            return [self.fold(v) for v in value]
        if not isinstance(value, dict):
            return value
        if {FOLDED, VARIANTS, SHARED} & set(value):
            raise Unpackable(f"a key of the page's data is a marker: {sorted(value)}")
        if list(value) == self.langs:
            return {FOLDED: self.merge([self.fold(value[lang]) for lang in self.langs])}
        return {key: self.fold(v) for key, v in value.items()}

    def merge(self, values: list[Json]) -> Json:
        """One value for all the languages: shared where they agree, split where not."""
        first = values[0]
        if all(_same(v, first) for v in values[1:]):
            return first
        if all(_plain_dict(v) and list(v) == list(first) for v in values):
            return {key: self.merge([v[key] for v in values]) for key in first}
        if all(isinstance(v, list) and len(v) == len(first) for v in values):
            return [self.merge([v[i] for v in values]) for i in range(len(first))]
        return {VARIANTS: [first, *(self.own(lang, first, v) for lang, v in self._rest(values))]}

    def _rest(self, values: list[Json]) -> list[tuple[str, Json]]:
        return list(zip(self.langs[1:], values[1:], strict=True))

    def own(self, lang: str, first: Json, value: Json) -> Json:
        """A language's value, or None where it is derived from zh-CN's."""
        derived = self.convert(first) if lang == "zh-TW" and isinstance(first, str) else first
        if _same(value, derived):
            return None
        if value is None:
            raise Unpackable(f"a value is missing in {lang} only")
        return value


def _plain_dict(value: Json) -> bool:
    return isinstance(value, dict) and FOLDED not in value and VARIANTS not in value


def _same(a: Json, b: Json) -> bool:
    """Equal as JSON, which Python's == is not (True == 1, [1] == [1.0])."""
    return json.dumps(a, ensure_ascii=False) == json.dumps(b, ensure_ascii=False)


def shared(folded: Json) -> list[str]:
    """The strings worth sharing, in order of first use."""
    counts: Counter[str] = Counter()

    def count(value: Json) -> None:
        if isinstance(value, str):
            counts[value] += 1
        elif isinstance(value, list):
            for v in value:
                count(v)
        elif isinstance(value, dict):
            for v in value.values():
                count(v)

    count(folded)
    return [s for s, n in counts.items() if n > 1 and len(s.encode("utf-8")) > SHARED_MIN]


def _refer(value: Json, index: dict[str, int]) -> Json:
    if isinstance(value, str):
        return {SHARED: index[value]} if value in index else value
    if isinstance(value, list):
        return [_refer(v, index) for v in value]
    if isinstance(value, dict):
        return {key: _refer(v, index) for key, v in value.items()}
    return value
