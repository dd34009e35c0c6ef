"""A checklist made by hand, for the fast tests of its exports and its screen layout:
two urgencies, three sources, and hostile text (markup, a link, a table bar, a line
break) in every field a flow or a catalogue fills."""

from __future__ import annotations

from overdue_guide.output.report import Group, Line, Report, SourceNote

#: A link that would run a script if Markdown made it live.
LINK = "[x](javascript:alert(1))"


def tiny_report(lang: str = "en") -> Report:
    """Two `now` items, one `this_week` item; a document, two articles of one law, a rule."""
    now = Group(
        "now",
        "Now | *first*",
        (
            Line(
                "call", "now", f"Call 110 {LINK}", "Danger\nfirst # _u_", (1, 2), ("Say <b>", "X|Y")
            ),
            Line("keep", "now", "Keep <script>alert(1)</script>", "Keep `it`", (2,)),
        ),
    )
    week = Group(
        "this_week",
        "This week",
        (Line("check", "this_week", "Check the bill", "It \\ may be wrong", (3, 1, 4)),),
    )
    sources = (
        SourceNote(1, "Document 000 《A》", "said <i>so</i>", {"document": "000_a.txt"}),
        SourceNote(2, "A law, article 1", None, {"reference": "A law, article 1"}),
        SourceNote(3, "A rule (reported)", "quote *q*", {"reference": "A rule"}),
        SourceNote(4, "A law, article 2", None, {"reference": "A law, article 2"}),
    )
    return Report("f", "Plan <X> & [more]", lang, {}, (now, week), sources, "Info _only_")
