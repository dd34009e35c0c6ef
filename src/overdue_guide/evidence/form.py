"""The evidence log's form in the terminal (`log add`, `log edit`).

Why a module of its own beside `prompts.py`: the interview's prompts ask flow
questions one kind at a time, while this form mixes free text, lists and a
final review, and changes with the log's fields, not with the flow. Each
question is asked through `prompts` (questionary, or numbered lines on a dumb
terminal), so Ctrl-C, Ctrl-D and signals end the form as they end the interview.

The form is short: when, how, who called, then only the details the person
ticks. Typing `<` in a text field, or choosing "Back", returns to the previous
question (`\\<` is a literal "<"); Ctrl-C or Ctrl-D leave with nothing written (exit 130).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from ..base.numerals import whole
from ..base.words import message
from ..errors import Interrupted
from ..interview.loop import Nav
from ..terminal import prompts
from .codes import CHANNELS, DIRECTIONS, IMPERSONATED, THREATS
from .model import Entry, EntryError, to_mapping, zone_info
from .parse import Value, build, merge
from .problems import said
from .texts import say

_SEP = ";"

#: Optional groups of fields: group key → the fields it asks for.
GROUPS: dict[str, tuple[str, ...]] = {
    "group_who": ("org", "name", "staff_id", "identified"),
    "group_said": ("said",),
    "group_threats": ("threats", "impersonated"),
    "group_money": ("amount", "personal_account"),
    "group_others": ("third_parties",),
    "group_visit": ("people", "id_shown", "authorization_shown", "entry_attempted"),
    "group_files": ("attachments",),
    "group_witnesses": ("witnesses",),
}
_BOOLS = ("identified", "personal_account", "id_shown", "authorization_shown", "entry_attempted")
_LISTS = ("third_parties", "attachments", "witnesses")


class _Back:
    """The answer that means "the previous question"."""


GO_BACK = _Back()


@dataclass
class _Form:
    lang: str
    zone: str
    answers: dict[str, Any]
    groups: list[str]
    editing: bool = False
    leave: bool = False


def entry_form(lang: str, current: Entry | None, zone: str, leave: bool = False) -> Entry | None:
    """Ask for an entry (filled with `current` when editing); None if the person quits.

    With `leave` (opened from the menu after the checklist) Back at the first question
    quits too, so a mis-chosen form is one step from the menu.
    Ctrl-C or Ctrl-D raise `Interrupted`: nothing is stored."""
    form = _Form(lang, zone, _answers(current), _groups(current), current is not None, leave)
    try:
        return _run(form, current)
    except (KeyboardInterrupt, EOFError):
        raise Interrupted(message("interrupted", lang)) from None


def confirm(question: str, lang: str) -> bool:
    """Yes or no; the answer no is the default. Ctrl-C or Ctrl-D raise `Interrupted`."""
    return prompts.confirm(question, lang)


def _answers(entry: Entry | None) -> dict[str, Any]:
    if entry is None:
        return {}
    from .times import wall_text

    fields = to_mapping(entry)
    fields["at"] = wall_text(entry.at, zone_info(entry.zone))
    fields["attachments"] = [a.path for a in entry.attachments]
    fields["third_parties"] = [
        f"{p.who}: {p.told}" if p.told else p.who for p in entry.third_parties
    ]
    return fields


def _groups(entry: Entry | None) -> list[str]:
    if entry is None:
        return []
    fields = to_mapping(entry)
    return [key for key, names in GROUPS.items() if any(n in fields for n in names)]


def _steps(form: _Form) -> list[str]:
    steps = ["at", "channel", "direction", "number", "more"]
    for key in form.groups:
        steps += GROUPS[key]
    return [*steps, "save"]


def _run(form: _Form, current: Entry | None) -> Entry | None:
    prompts.show(say("form_title", form.lang), bold=True)
    index = 0
    while True:
        steps = _steps(form)
        step = steps[index]
        if step == "save":
            choice = _select(
                say("form_save", form.lang),
                [
                    ("save", say("form_save_yes", form.lang)),
                    ("quit", say("form_save_no", form.lang)),
                ],
                "save",
                form.lang,
                index > 0,
            )
            if choice is GO_BACK:
                index -= 1
                continue
            if choice == "quit":
                prompts.show(say("form_not_saved", form.lang))
                return None
            return _entry(form, current)
        reply = _ask(step, form, index > 0 or form.leave)
        if reply is GO_BACK and index == 0 and form.leave:
            prompts.show(say("form_not_saved", form.lang))
            return None
        if reply is GO_BACK:
            index = max(0, index - 1)
            continue
        if step == "more":
            form.groups = list(reply)
        else:
            form.answers[step] = reply
        index += 1


def _entry(form: _Form, current: Entry | None) -> Entry:
    from .attach import fingerprint

    values = {
        k: Value(v, say(k, form.lang)) for k, v in form.answers.items() if v not in (None, "", [])
    }
    asked = {"at", "channel", "direction", "number"} | {f for g in form.groups for f in GROUPS[g]}
    values = {k: v for k, v in values.items() if k in asked}
    now = datetime.now(timezone.utc)
    if current is not None:
        cleared = {k: Value(None, k) for k in asked if k not in values}
        return merge(current, {**values, **cleared}, now, fingerprint)
    return build(values, now, form.zone, fingerprint, keep_zone=True)


def _ask(step: str, form: _Form, can_go_back: bool) -> Any:
    lang, answers = form.lang, form.answers
    label = "" if step == "more" else say(step, lang)
    if step == "at":
        from .times import wall_text

        default = answers.get("at") or wall_text(datetime.now(timezone.utc), zone_info(form.zone))
        prompt = say("form_at", lang, zone=form.zone)
        # Say what is filled in: now, the entry's own time (`log edit`), or the time given.
        hint = "form_at_hint_entry" if form.editing else "form_at_hint_given"
        hint = hint if "at" in answers else "form_at_hint"
        return _text(prompt, default, lang, _check_at(form), required=True, hint=hint)
    if step in ("channel", "direction"):
        codes = CHANNELS if step == "channel" else DIRECTIONS
        options = [(c, say(c, lang)) for c in codes]
        if step == "direction":
            options.append(("", say("form_unknown", lang)))
        default = answers.get(step, "" if form.editing and step == "direction" else None)
        return _select(label, options, default, lang, can_go_back)
    if step == "more":
        chosen = form.groups or (["group_visit"] if answers.get("channel") == "visit" else [])
        return _checkbox(say("form_more", lang), [(g, say(g, lang)) for g in GROUPS], chosen, lang)
    if step in ("threats", "impersonated"):
        codes = THREATS if step == "threats" else IMPERSONATED
        return _checkbox(label, [(c, say(c, lang)) for c in codes], answers.get(step) or [], lang)
    if step in _BOOLS:
        options = [
            ("yes", say("yes", lang)),
            ("no", say("no", lang)),
            ("", say("form_unknown", lang)),
        ]
        current = answers.get(step)
        default = "" if current is None else ("yes" if current else "no")  # unknown: "not sure"
        reply = _select(label, options, default, lang, can_go_back)
        return reply if reply is GO_BACK else {"yes": True, "no": False}.get(reply)
    if step in _LISTS:
        prompt = say(f"form_{step}", lang)
        default = f"{_SEP} ".join(answers.get(step) or [])
        check = _check_files(lang) if step == "attachments" else None
        reply = _text(prompt, default, lang, check)
        return reply if reply is GO_BACK else [p.strip() for p in reply.split(_SEP) if p.strip()]
    number = _check_number(lang) if step in ("people", "duration_s") else None
    return _text(label, str(answers.get(step) or ""), lang, number)


def _text(
    prompt: str,
    default: str,
    lang: str,
    check: Callable[[str], str | None] | None,
    required: bool = False,
    hint: str = "form_text_hint",
) -> Any:
    """Free text; `check` sees every reply but "<" (and, unless `required`, an empty one);
    `\\<` is a literal "<"."""

    def problem(reply: str) -> str | None:
        if check is None or not (reply.strip() or required):
            return None
        return check(reply)

    reply = prompts.ask_field(prompt, default, problem, say(hint, lang), lang)
    return GO_BACK if reply is Nav.BACK else reply


def _select(
    prompt: str, options: list[tuple[str, str]], default: Any, lang: str, can_go_back: bool
) -> Any:
    choices = [(label, code) for code, label in options]
    codes = [code for code, _ in options]
    chosen = default if default in codes else None
    reply = prompts.ask_choice(prompt, choices, chosen, lang, can_go_back)
    return GO_BACK if reply is Nav.BACK else reply


def _checkbox(prompt: str, options: list[tuple[str, str]], chosen: list[str], lang: str) -> Any:
    choices = [(label, code) for code, label in options]
    reply = prompts.ask_many(prompt, choices, chosen, lang, can_go_back=True)
    return GO_BACK if reply is Nav.BACK else reply


def _check_at(form: _Form) -> Callable[[str], str | None]:
    def check(reply: str) -> str | None:
        values = {"at": Value(reply, say("at", form.lang)), "channel": Value("call", "")}
        try:
            build(values, datetime.now(timezone.utc), form.zone, _no_files, keep_zone=True)
        except EntryError as error:
            return _said(error, form.lang)
        return None

    return check


def _said(error: EntryError, lang: str) -> str:
    """The error in the person's language where it names its problem, else its English line."""
    return said(error, lang)


def _no_files(path: str) -> Any:
    raise EntryError(path)


def _check_number(lang: str) -> Callable[[str], str | None]:
    def check(reply: str) -> str | None:
        return None if whole(reply) is not None else say("form_bad_number", lang)

    return check


def _check_files(lang: str) -> Callable[[str], str | None]:
    def check(reply: str) -> str | None:
        from .attach import fingerprint

        for path in (p.strip() for p in reply.split(_SEP)):
            if path:
                try:
                    fingerprint(path)
                except EntryError as error:
                    return said(error, lang)
        return None

    return check
