"""Ask one question in the terminal with questionary: the only module that imports it,
and the one place that decides how the program asks.

A question becomes a select list (one answer) or a checkbox list (several),
with "back" and "help" as extra choices. Every line is word-wrapped to the
terminal's width at each redraw (`fitted`), never cut. On a terminal that cannot
move its cursor (TERM=dumb, or no TERM) every function here asks with numbered
lines instead (`plainprompts`), so callers never choose. Everywhere, in both
kinds, Ctrl-C, Ctrl-D and a stopping signal raise `Interrupted` (see `signals`):
the program ends with one line and exit 130, whatever it was asking.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from ..base.i18n import listing, text
from ..base.words import message
from ..flow.model import Answer, Question
from ..interview.loop import Given, Nav, Prompt, answer_text
from . import fitted, plainprompts
from .console import wanted
from .signals import run_prompt


class _Help:
    """The "what does this mean" choice."""


HELP = _Help()
#: What a form's text field takes for "back", and how a literal "<" is typed there.
BACK_KEY, LITERAL_BACK_KEY = plainprompts.BACK_KEY, plainprompts.LITERAL_BACK_KEY


def make_ask(lang: str, show_help: Callable[[str], None]) -> Callable[[Prompt], object]:
    """An `ask` for `interview.run` that prompts in `lang` and prints help with `show_help`."""
    if wanted():
        return plainprompts.make_ask(lang, show_help)

    def ask(prompt: Prompt) -> object:
        current = prompt.default
        while True:
            reply = _ask_once(prompt, current, lang)
            if isinstance(reply, tuple) and HELP in reply:
                current = tuple(c for c in reply if isinstance(c, str))
                reply = HELP
            if reply is HELP:
                if prompt.question.help is not None:
                    show_help(text(prompt.question.help, lang))
                continue
            if isinstance(reply, tuple) and Nav.BACK in reply:
                return Nav.BACK
            return list(reply) if isinstance(reply, tuple) else reply

    return ask


def _ask_once(prompt: Prompt, current: Answer | None, lang: str) -> Any:
    import questionary

    question = prompt.question
    title = f"{message('step', lang, n=prompt.step)} · {text(question.prompt, lang)}"
    extras = _extras(question, prompt.can_go_back, lang)
    if question.kind == "multi":
        chosen = current if isinstance(current, tuple) else ()
        options = [(text(o.label, lang), o.code) for o in question.options]
        result = _checkbox(title, options, list(chosen), extras, lang)
        _echo_answer(title, question, result, lang)
        return tuple(result)
    choices = [questionary.Choice(text(o.label, lang), o.code) for o in question.options]
    default = current if isinstance(current, str) else None
    return _select(title, [*choices, *extras], lang, default=default)


def _echo_answer(title: str, question: Question, result: list[Any], lang: str) -> None:
    """The answered line of a checkbox list: what was ticked, not questionary's "done"."""
    if Nav.BACK in result:
        summary = message("back", lang)
    else:
        summary = answer_text(question, tuple(c for c in result if isinstance(c, str)), lang)
    if HELP not in result:
        fitted.echo_answer(title, summary)


def _extras(question: Question, can_go_back: bool, lang: str) -> list[Any]:
    import questionary

    extras: list[Any] = []
    if question.help is not None:
        extras.append(questionary.Choice(message("help", lang), HELP))
    if can_go_back:
        extras.append(questionary.Choice(message("back", lang), Nav.BACK))
    return [questionary.Separator(" "), *extras] if extras else []


def _back_choice(lang: str) -> list[Any]:
    import questionary

    return [questionary.Separator(" "), questionary.Choice(message("back", lang), Nav.BACK)]


def _select(
    title: str,
    choices: list[Any],
    lang: str,
    default: Any = None,
    point: Any = None,
) -> Any:
    """One of `choices` (questionary Choices): `default` preselected (marked, as a
    question asked again shows its answer), or the cursor merely on `point`."""
    import questionary

    hint = message("select_hint", lang)
    widget = questionary.select(title, choices=choices, default=default, instruction=hint)
    control = _control(widget)
    values = [getattr(c, "value", None) for c in control.choices]
    if point is not None and point in values:
        control.pointed_at = values.index(point)

    def question() -> list[tuple[str, str]]:
        if control.is_answered:
            return fitted.question(title, ("class:answer", _title_of(control.get_pointed_at())))
        return fitted.question(title, ("class:instruction", hint))

    fitted.fit_list(widget.application, control, question)
    _add_keys(widget, checkbox=False)
    return run_prompt(widget.application, lang)


def _checkbox(
    title: str, options: list[tuple[str, str]], chosen: list[str], extras: list[Any], lang: str
) -> list[Any]:
    """The keys ticked among (label, key), `chosen` ticked at first, or a list holding the
    one meta choice (help, back) chosen among `extras`."""
    import questionary
    from questionary.constants import INDICATOR_SELECTED, INDICATOR_UNSELECTED

    boxes = {f"{INDICATOR_SELECTED} ", f"{INDICATOR_UNSELECTED} "}  # "back" and "help" have none
    ticks = [questionary.Choice(label, key, checked=key in chosen) for label, key in options]
    hint = message("checkbox_hint", lang)
    widget = questionary.checkbox(
        title,
        choices=[*ticks, *extras],
        instruction=hint,
        erase_when_done=True,  # replaced by `fitted.echo_answer`'s line, in the person's words
    )
    control = _control(widget)
    control.text = fitted.unboxed(control, control.text, _is_meta, boxes)
    fitted.fit_list(
        widget.application, control, lambda: fitted.question(title, ("class:instruction", hint))
    )
    _add_keys(widget, checkbox=True)
    reply = run_prompt(widget.application, lang)
    return list(reply) if isinstance(reply, list) else []


def _title_of(choice: Any) -> str:
    title = choice.title
    return title if isinstance(title, str) else "".join(part[1] for part in title)


def _control(widget: Any) -> Any:
    from questionary.prompts.common import InquirerControl

    controls = widget.application.layout.find_all_controls()
    return next(c for c in controls if isinstance(c, InquirerControl))


def _is_meta(value: object) -> bool:
    return value is HELP or value is Nav.BACK


def _add_keys(widget: Any, checkbox: bool) -> None:
    """Keys questionary's lists lack: Ctrl-D ends the interview; a newline typed
    ahead, before the terminal is in raw mode, counts as Enter; and in a checkbox
    list, Enter on "back" or "help" acts at once instead of submitting (with what is
    ticked, kept for when the question comes back after the help), and they are never
    ticked themselves (Space on them, or "a" for all, leaves them out)."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
    from prompt_toolkit.keys import Keys

    app = widget.application
    control = _control(widget)
    submit = app.key_bindings.get_bindings_for_keys((Keys.ControlM,))[-1].handler
    bindings = KeyBindings()

    @bindings.add(Keys.ControlM, eager=True)
    @bindings.add(Keys.ControlJ, eager=True)
    def _enter(event: Any) -> None:
        pointed = control.get_pointed_at().value
        if checkbox:
            control.selected_options[:] = [v for v in control.selected_options if not _is_meta(v)]
        if checkbox and _is_meta(pointed):
            control.is_answered = True
            event.app.exit(result=[*control.selected_options, pointed])
            return
        submit(event)

    app.key_bindings = merge_key_bindings([app.key_bindings, bindings])
    fitted.add_ctrl_d(app)


def offer_save(lang: str, today: str) -> Path | None:
    """Ask whether to save the checklist, in which format and where; None for no.
    `<` at "where" asks the format again."""
    if wanted():
        return plainprompts.offer_save(lang, today)
    import questionary

    formats = [(".html", "save_html"), (".md", "save_markdown"), (".txt", "save_text")]
    choices = [questionary.Choice(message("save_no", lang), "")]
    choices += [
        questionary.Choice(f"{message(key, lang)} {suffix}", suffix) for suffix, key in formats
    ]
    suffix: str | None = None
    while True:
        suffix = _select(message("save_offer", lang), choices, lang, point=suffix)
        if not suffix:
            return None
        default = f"{message('file_name', lang)}-{today}{suffix}"
        hint = message("field_back_hint", lang)
        name = ask_field(message("save_where", lang), default, lambda _: None, hint, lang)
        if name is not Nav.BACK:
            return Path(name).expanduser() if name else None


def ask_choice(
    title: str, choices: list[tuple[str, str]], default: str | None, lang: str, can_go_back: bool
) -> str | Nav:
    """One of `choices` (label, value) from a select list, or `Nav.BACK`; for forms."""
    if wanted():
        return plainprompts.ask_choice(title, choices, default, lang, can_go_back)
    import questionary

    listed: list[Any] = [questionary.Choice(label, value) for label, value in choices]
    reply: str | Nav = _select(
        title, listed + (_back_choice(lang) if can_go_back else []), lang, default=default
    )
    return reply


def offer_delete_saved(lang: str) -> bool:
    """At the end of a --save interview: delete the saved answers now? (default: keep them)."""
    if wanted():
        offered = [(message("keep_saved", lang), ""), (message("delete_saved_yes", lang), "yes")]
        return plainprompts.ask_choice(message("delete_saved", lang), offered, "", lang) == "yes"
    import questionary

    choices = [
        questionary.Choice(message("keep_saved", lang), False),
        questionary.Choice(message("delete_saved_yes", lang), True),
    ]
    return bool(_select(message("delete_saved", lang), choices, lang))


def make_review(lang: str) -> Callable[[tuple[Given, ...]], object]:
    """A `review` for `interview.run`: the answers given, as a list to accept or pick from."""
    if wanted():
        return plainprompts.make_review(lang)

    def review(shown: tuple[Given, ...]) -> object:
        import questionary

        done = questionary.Choice(message("review_done", lang), Nav.DONE)
        answers = [questionary.Choice(review_line(g, lang), g.question.id) for g in shown]
        gap = questionary.Separator(" ")
        listed = [done, gap, *answers, *_back_choice(lang)]
        return _select(message("review_title", lang), listed, lang)

    return review


def review_line(given: Given, lang: str) -> str:
    """ "3. question → answer", whole: the list wraps it under the question's words."""
    answer = answer_text(given.question, given.answer, lang)
    return f"{given.step}. {text(given.question.prompt, lang)} → {answer}"


def choose_action(
    lang: str, title: str, choices: list[tuple[str, str]], point: str | None = None
) -> str:
    """One of the next steps after the checklist (label, key), the cursor on `point`."""
    if wanted():
        return str(plainprompts.ask_choice(title, choices, point, lang))
    import questionary

    listed = [questionary.Choice(label, key) for label, key in choices]
    return str(_select(title, listed, lang, point=point))


def choose_many(lang: str, title: str, choices: list[tuple[str, str]]) -> list[str]:
    """Several of (label, key), ticked with Space; [] for none."""
    chosen = ask_many(title, choices, [], lang, can_go_back=False)
    return chosen if isinstance(chosen, list) else []


def ask_many(
    title: str, choices: list[tuple[str, str]], chosen: list[str], lang: str, can_go_back: bool
) -> list[str] | Nav:
    """The keys ticked among (label, key), `chosen` ticked at first; or `Nav.BACK`."""
    if wanted():
        return plainprompts.ask_many(title, choices, chosen, lang, can_go_back)
    extras = _back_choice(lang) if can_go_back else []
    ticked = _checkbox(title, choices, chosen, extras, lang)
    if Nav.BACK in ticked:
        fitted.echo_answer(title, message("back", lang))
        return Nav.BACK
    keys = [c for c in ticked if isinstance(c, str)]
    labels = [label for label, key in choices if key in keys]
    fitted.echo_answer(title, listing(labels, lang) or message("none_chosen", lang))
    return keys


def confirm(question: str, lang: str) -> bool:
    """Yes or no; no is the default."""
    if wanted():
        return plainprompts.confirm(question, lang)
    from questionary.constants import NO, NO_OR_YES, YES
    from questionary.styles import merge_styles_default

    def draw(answer: bool | None) -> list[tuple[str, str]]:
        if answer is None:
            return fitted.question(question, ("class:instruction", f"{NO_OR_YES} "))
        return fitted.question(question, ("class:answer", YES if answer else NO))

    app = fitted.yes_no_app(draw, False, merge_styles_default([]))
    fitted.add_ctrl_d(app)
    return bool(run_prompt(app, lang))


def show(line: str, bold: bool = False) -> None:
    """A line between questions (a form's title), drawn as the prompts draw theirs."""
    if wanted():
        plainprompts.say(line)
        return
    from prompt_toolkit.styles import Style

    fitted.echo([("class:text", line)], 0, Style([("text", "bold" if bold else "")]))


def ask_text(
    label: str,
    default: str,
    check: Callable[[str], str | None],
    instruction: str | None = None,
    lang: str | None = None,
) -> str:
    """A line of text, stripped; `check` returns a message for an answer it refuses, None to
    accept (shown when Enter is pressed, not while typing)."""
    if wanted():
        return plainprompts.ask_text(label, default, check, instruction, lang)
    from questionary.prompts.common import build_validator
    from questionary.styles import merge_styles_default

    def validate(value: str) -> bool | str:
        return check(value) or True

    line = fitted.question(label, ("class:instruction", f"{instruction} " if instruction else ""))
    style = merge_styles_default([])
    app = fitted.text_app(lambda: line, default, build_validator(validate), style, "class:answer")
    fitted.add_ctrl_d(app)
    answer = run_prompt(app, lang)
    return answer.strip() if isinstance(answer, str) else ""


def ask_field(
    label: str,
    default: str,
    check: Callable[[str], str | None],
    instruction: str | None = None,
    lang: str | None = None,
) -> str | Literal[Nav.BACK]:
    """A form's text field: `ask_text`, where `<` alone goes back (`Nav.BACK`, never checked)
    and `\\<` alone is a literal `<` (a `<` already there is shown as `\\<`)."""
    shown = plainprompts.field_default(default)
    reply = ask_text(label, shown, plainprompts.field_check(check), instruction, lang)
    return plainprompts.field_value(reply)
