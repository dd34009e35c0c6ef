"""The fee check's lines and sources as plain JSON, for the page's fee form (`assets/fees.js`).

The lines are what `fees.lines.load_lines` reads; their texts are localized here,
as `fees.render` words them, so the page only adds what depends on the figures.
"""

from __future__ import annotations

from ..base.i18n import LANGS, text
from ..fees.lines import load_lines
from ..fees.model import FeeLine, LineCheck
from ..fees.render import _line, cites, percent
from ..flow.model import Catalog
from .flowdata import Json


def _head(line: FeeLine, lang: str) -> str:
    """The line's name, figure, date and references, as `fees.render._line` heads it."""
    return _line(LineCheck(line, False, ()), lang).head


def fees_json(catalog: Catalog) -> Json:
    """Every line in its order, and what each reference cites in each language, as the
    terminal's fee check lists its sources."""
    lines = load_lines()
    cited = {ref for line in lines for ref in line.references} | {"R53", "R60"}
    return {
        "lines": [
            {
                "id": line.id,
                "rate": str(line.rate),
                "rate_shown": percent(line.rate),
                "lpr_shown": percent(line.lpr) if line.lpr is not None else None,
                "date": line.date,
                "checked": line.checked,
                "references": list(line.references),
                "name": {lang: text(line.name, lang) for lang in LANGS},
                "head": {lang: _head(line, lang) for lang in LANGS},
                "above": {lang: text(line.above, lang) for lang in LANGS},
                "below": {lang: text(line.below, lang) for lang in LANGS},
                "note": {lang: text(line.note, lang) if line.note else "" for lang in LANGS},
            }
            for line in lines
        ],
        "cites": {
            lang: {ref: cite for ref, cite in sorted(cites(catalog, lang).items()) if ref in cited}
            for lang in LANGS
        },
    }
