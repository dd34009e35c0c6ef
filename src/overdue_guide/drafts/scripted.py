"""Drafts in a scripted run: details from the answers file, checked like the interview's."""

from __future__ import annotations

from collections.abc import Callable

from ..base.visible import visible
from ..base.words import message
from ..flow.model import Answer
from ..interview.answerwords import WORDS
from ..interview.answerwords import problem as answer_problem
from . import afford
from .fromlog import from_log
from .model import Draft, DraftSet
from .render import offered


def prepare(
    drafts: DraftSet,
    answers: dict[str, Answer],
    details: dict[str, str],
    wanted: list[str] | None,
    lang: str,
    warn: Callable[[str], None],
    origin: str,
    every: bool = True,
) -> tuple[dict[str, str], list[Draft]]:
    """The details to use and the drafts to put in a file: an unknown detail is a warning,
    an unknown draft id bad input, an unaffordable offer left blank with a warning; the
    evidence log's timeline and files fill the letters that show them, unless given.

    `every`: every fitting draft is filled (the JSON document), not only the chosen
    ones; the log is read only if a draft that is filled shows it. Warnings and
    problems are said in `lang`, each after `warning: ` (a prefix scripts look for)."""

    def warning(key: str, **values: object) -> None:
        warn("warning: " + WORDS.say(key, lang, where=origin, **values))

    kept: dict[str, str] = {}
    for key, value in details.items():
        if key not in drafts.details:
            warning("unknown_detail", name=key)
            continue
        kind = drafts.details[key].kind
        refused = afford.refused(kind, value)
        if refused is not None:  # checked as the interview checks what is typed
            raise answer_problem(refused, where=origin, name=key, value=visible(value))
        kept[key] = afford.as_given(kind, value)
    verdict = afford.check(kept)
    if verdict is not None and not verdict.affordable:
        key, figures = afford.problem(verdict)
        warn(f"warning: {origin}: " + message(f"{key}_scripted", lang, **figures))
        kept.pop(afford.OFFER)
    fitting = offered(drafts, answers)
    chosen = [d for d in fitting if d.id in (wanted or [])]
    from_log(kept, fitting if every else chosen, lambda line: warn(f"warning: {line}"))
    for draft_id in wanted or []:
        if draft_id not in drafts.drafts:
            known = ", ".join(drafts.drafts)
            raise answer_problem("unknown_draft", where=origin, id=draft_id, drafts=known)
        if drafts.drafts[draft_id] not in fitting:
            warning("draft_left_out", id=draft_id)
    return kept, chosen
