"""Scripts and letters as plain JSON, for the page to fill as `drafts.render` does.

Each paragraph is exported as tokens: literal text and `{"field": name}`, split by
the drafts' own field parser (`drafts.fields.fill`), in zh-CN (what is said or sent),
en (its translation) and zh-TW. The zh-TW tokens are the zh-CN template converted
whole by `i18n.traditional`, each field held by a private-use character that the
conversion leaves alone, so the page's translation reads as the CLI's.
"""

from __future__ import annotations

from typing import Any

from ..base.i18n import LANGS, text, traditional
from ..base.words import message
from ..drafts import fields
from ..drafts.model import BLANK, COMPUTED_FACTS, DraftSet, Paragraph
from ..drafts.render import condition_details, paragraph_details
from .flowdata import Json, condition

#: Fields stand in the text as private-use characters from here on while it is converted.
_MARK = 0xE000


def tokens(template: str, convert: bool = False) -> list[Json]:
    """`template` as literal strings and {"field": name}; with `convert`, the literal text
    is in Traditional script, converted with the fields in place."""
    names: list[str] = []

    def mark(name: str) -> str:
        names.append(name)
        return chr(_MARK + len(names) - 1)

    marked = fields.fill(template, mark)
    if convert:
        marked = traditional(marked)
    found: list[Json] = []
    literal = ""
    for char in marked:
        number = ord(char) - _MARK
        if 0 <= number < len(names):
            if literal:
                found.append(literal)
            found.append({"field": names[number]})
            literal = ""
        else:
            literal += char
    return [*found, literal] if literal else found


def _paragraph(drafts: DraftSet, paragraph: Paragraph) -> Json:
    """A paragraph's condition, the details its text needs (`asks`) and those its
    condition tests (`tests`), as `drafts.render.details_asked` reads them, and its text."""
    chinese = paragraph.text.get("zh-CN")
    return {
        "when": condition(paragraph.when),
        "asks": paragraph_details(drafts, paragraph),
        "tests": condition_details(drafts, paragraph),
        "text": {
            "zh-CN": tokens(chinese),
            "zh-TW": tokens(chinese, convert=True),
            "en": tokens(paragraph.text.get("en")),
        },
    }


def drafts_json(drafts: DraftSet) -> Json:
    """Details (asked in file order) and drafts, with their conditions as data, and the
    facts worked out from details (`drafts.model.COMPUTED_FACTS`) with their inputs."""
    return {
        "blank": BLANK,
        "computed_facts": {fact: list(inputs) for fact, inputs in COMPUTED_FACTS.items()},
        "details": [
            {"id": d.id, "kind": d.kind, "label": {lang: text(d.label, lang) for lang in LANGS}}
            for d in drafts.details.values()
        ],
        "drafts": [
            {
                "id": d.id,
                "kind": d.kind,
                "title": {lang: text(d.title, lang) for lang in LANGS},
                "items": list(d.items),
                "when": condition(d.when),
                "paragraphs": [_paragraph(drafts, p) for p in d.paragraphs],
                "notes": [
                    {
                        "when": condition(n.when),
                        "text": {lang: text(n.text, lang) for lang in LANGS},
                    }
                    for n in d.notes
                ],
            }
            for d in drafts.drafts.values()
        ],
        "none_chosen": {lang: message("none_chosen", lang) for lang in LANGS},
    }


def no_drafts() -> dict[str, Any]:
    """What the page gets for a flow without drafts."""
    return {"blank": BLANK, "computed_facts": {}, "details": [], "drafts": [], "none_chosen": {}}
