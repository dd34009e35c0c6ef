"""Read an answers file for a scripted run and check it against a flow.

A file is a YAML or JSON mapping of question id to answer code (a list for a
multiple choice). Each answer goes through `engine.validate`, the same check
the interactive prompts use.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..base import yamlsafe
from ..errors import AnswersError
from ..flow.model import Answer, Flow
from .answerwords import WORDS, problem
from .engine import validate


def read(path: Path) -> dict[str, object]:
    """The raw mapping in an answers file; one clear `AnswersError` for anything else."""
    try:
        source = yamlsafe.read_text(path, "answers file")
        data = _parse(source, path)
    except yamlsafe.YamlProblem as found:
        finding = found.finding
        where = f"{finding.file}:{finding.line}" if finding.line else finding.file
        raise problem("answers_unreadable", where=where, message=finding.message) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise problem("answers_not_map", path=path)
    return data


#: An answer is a code, never a number: longer numbers than this are refused unread.
MAX_NUMBER_DIGITS = 100


def _parse(source: str, path: Path) -> object:
    if path.suffix.lower() == ".json":
        try:
            return json.loads(
                source,
                object_pairs_hook=lambda pairs: _unique(pairs, path),
                parse_int=lambda digits: _number(digits, path),
            )
        except json.JSONDecodeError as exc:
            raise problem(
                "answers_bad_json", where=f"{path}:{exc.lineno}", message=exc.msg
            ) from None
        except RecursionError:
            raise problem("answers_too_deep", path=path) from None
    node = yamlsafe.parse(source, str(path))
    if node is not None and node.kind == "map":
        seen: set[str] = set()
        for key, _ in node.pairs:
            if key.value in seen:
                where = f"{path}:{key.line}:{key.col}"
                raise problem("answers_twice", where=where, id=key.value)
            seen.add(key.value)
    return yamlsafe.plain_value(node, str(path))  # a key twice deeper (details) is refused too


def _unique(pairs: list[tuple[str, object]], path: Path) -> dict[str, object]:
    """A JSON object whose keys are all different: a second answer is a mistake, not a choice."""
    found: dict[str, object] = {}
    for key, value in pairs:
        if key in found:
            raise problem("answers_twice", where=path, id=key)
        found[key] = value
    return found


def _number(digits: str, path: Path) -> int:
    if len(digits) > MAX_NUMBER_DIGITS:
        raise problem("answers_long_number", path=path, digits=len(digits))
    return int(digits)


def check(
    flow: Flow, raw: dict[str, object], origin: str, lang: str = "en"
) -> tuple[dict[str, Answer], list[str]]:
    """Validated answers for the flow's questions, and a warning (in `lang`) for each
    unknown id."""
    answers: dict[str, Answer] = {}
    warnings: list[str] = []
    for key, value in raw.items():
        question = flow.questions.get(key)
        if question is None:
            warnings.append(WORDS.say("unknown_id", lang, where=origin, id=key))
            continue
        try:
            answers[key] = validate(question, value)
        except AnswersError as exc:
            raise problem("answers_at", where=origin, error=exc) from None
    return answers, warnings


#: Keys of an answers file that are not question ids: details for the drafts, and which
#: drafts to put in a Markdown, HTML or text output.
DETAILS_KEY, DRAFTS_KEY = "details", "drafts"


def split_extras(
    raw: dict[str, object], origin: str
) -> tuple[dict[str, object], dict[str, str], list[str] | None]:
    """The answers, the `details` (field → text) and the `drafts` asked for (None: none
    named) of an answers file. Numbers in details are taken as text."""
    answers = {k: v for k, v in raw.items() if k not in (DETAILS_KEY, DRAFTS_KEY)}
    details_raw = raw.get(DETAILS_KEY) or {}
    if not isinstance(details_raw, dict):
        raise problem("details_not_map", where=origin)
    details: dict[str, str] = {}
    for key, value in details_raw.items():
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise problem("detail_not_text", where=origin, name=key)
        details[str(key)] = str(value)
    chosen = raw.get(DRAFTS_KEY)
    if chosen is not None and not (
        isinstance(chosen, list) and all(isinstance(c, str) for c in chosen)
    ):
        raise problem("drafts_not_list", where=origin)
    return answers, details, chosen
