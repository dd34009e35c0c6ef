"""The checklist as every output shows it: grouped, localized, sources numbered.

One pure view of a `Checklist` that the terminal renderer and every exporter
read, so the numbering and wording are the same in all of them.
"""

from __future__ import annotations

from typing import Any

from ..base.i18n import text, traditional
from ..base.record import record
from ..base.visible import visible
from ..base.words import message
from ..flow.model import URGENCIES, Answer, Catalog, Item, Source
from ..interview.engine import Checklist, plain


@record
class SourceNote:
    """A numbered source: how it reads in the list, and its contract form."""

    number: int
    label: str
    quote: str | None
    contract: dict[str, object]


@record
class Line:
    """One checklist item as shown: text, why, and the numbers of its sources."""

    id: str
    urgency: str
    text: str
    detail: str
    refs: tuple[int, ...]
    #: Titles of the scripts and letters that help with this item (see `drafts`).
    helps: tuple[str, ...] = ()


@record
class Group:
    urgency: str
    heading: str
    lines: tuple[Line, ...]


@record
class Rendered:
    """A draft filled in: its Chinese text, a translation for the reader, tips."""

    id: str
    kind: str
    title: str
    text: str
    translation: str | None
    notes: tuple[str, ...]
    items: tuple[str, ...]

    def contract(self) -> dict[str, object]:
        """The README's JSON shape of a draft."""
        found: dict[str, object] = {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "text": self.text,
            "items": list(self.items),
        }
        if self.translation is not None:
            found["translation"] = self.translation
        found["notes"] = list(self.notes)
        return found


@record
class Report:
    flow: str
    title: str
    lang: str
    answers: dict[str, Answer]
    groups: tuple[Group, ...]
    sources: tuple[SourceNote, ...]
    footer: str
    #: Scripts and letters made for this person (see `drafts`), to show or save.
    drafts: tuple[Rendered, ...] = ()

    @property
    def lines(self) -> tuple[Line, ...]:
        return tuple(line for group in self.groups for line in group.lines)


def clean(value: str) -> str:
    """Control characters (terminal escapes among them) made visible and harmless."""
    return visible(value)


def contract_source(source: Source, catalog: Catalog, lang: str = "zh-CN") -> dict[str, object]:
    """A source in the README's JSON shape; quotes stay verbatim in their document's script.

    A quote from a reader comment says so (`comment`), a claim the checklist corrects
    says so (`corrected`); a reference carries its confidence, and in English the
    instrument's English name (`gloss`).
    """
    if source.document is not None and source.quote is not None:
        found: dict[str, object] = {"document": source.document, "quote": source.quote}
        if source.comment:
            found["comment"] = True
        if source.corrected:
            found["corrected"] = True
        return found
    reference = catalog.references.get(source.reference or "")
    cite = reference.cite if reference else (source.reference or "")
    full = f"{cite} {source.article}" if source.article else cite
    cited: dict[str, object] = {"reference": traditional(full) if lang == "zh-TW" else full}
    if reference is not None:
        cited["confidence"] = reference.confidence
        if lang == "en" and reference.gloss:
            cited["gloss"] = reference.gloss
    return cited


def _label(source: Source, catalog: Catalog, lang: str) -> str:
    """How a source reads in the list: marked as a comment, corrected or reported."""
    contract = contract_source(source, catalog, lang)
    reference = catalog.references.get(source.reference or "")
    if source.document is not None:
        document = catalog.documents.get(source.document)
        title = f"《{document.title}》" if document else ""
        label = f"{message('document', lang)} {source.document[:3]} {title}".rstrip()
        if source.comment:
            label += message("source_comment", lang)
        return label + (message("source_corrected", lang) if source.corrected else "")
    label = str(contract["reference"])
    if "gloss" in contract:
        label = f"{contract['gloss']}: {label}"
    cited = f"{reference.cite} {source.article or ''}" if reference else ""
    reported = contract.get("confidence") == "M" and (lang == "en" or "据报道" not in cited)
    return label + (message("source_reported", lang) if reported else "")


def build(checklist: Checklist, catalog: Catalog, lang: str) -> Report:
    """Group, localize and number the sources of a finished checklist."""
    numbers: dict[tuple[tuple[str, object], ...], SourceNote] = {}

    def number(source: Source) -> int:
        contract = contract_source(source, catalog, lang)
        key = tuple(sorted(contract.items()))
        if key not in numbers:
            quote = clean(source.quote) if source.quote else None
            numbers[key] = SourceNote(
                len(numbers) + 1, clean(_label(source, catalog, lang)), quote, contract
            )
        return numbers[key].number

    def line(item: Item) -> Line:
        refs = tuple(sorted({number(s) for s in item.sources}))
        return Line(
            item.id,
            item.urgency,
            clean(text(item.text, lang)),
            clean(text(item.detail, lang)),
            refs,
        )

    lines = [line(item) for item in checklist.items]
    groups = tuple(
        Group(u, message(f"urgency.{u}", lang), tuple(ln for ln in lines if ln.urgency == u))
        for u in URGENCIES
        if any(ln.urgency == u for ln in lines)
    )
    return Report(
        flow=checklist.flow.id,
        title=clean(text(checklist.flow.title, lang)),
        lang=lang,
        answers=dict(checklist.answers),
        groups=groups,
        sources=tuple(numbers.values()),
        footer=message("footer", lang),
    )


def contract(report: Report, checklist: Checklist, catalog: Catalog) -> dict[str, Any]:
    """The README's JSON document for a run."""
    lines = {line.id: line for line in report.lines}
    items = [
        {
            "id": item.id,
            "text": lines[item.id].text,
            "detail": lines[item.id].detail,
            "urgency": item.urgency,
            "sources": [contract_source(s, catalog, report.lang) for s in item.sources],
        }
        for item in checklist.items
    ]
    answers = plain(report.answers)
    return {"flow": report.flow, "lang": report.lang, "answers": answers, "checklist": items}
