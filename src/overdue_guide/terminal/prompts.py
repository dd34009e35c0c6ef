"""Ask one question in the terminal with questionary: the only module that imports it,
and the one place that decides how the program asks.

A question becomes a select list (one answer) or a checkbox list (several),
with "back" and "help" as extra choices. On a terminal that cannot move its
cursor (TERM=dumb, or no TERM) every function here asks with numbered lines
instead (`plainprompts`), so callers never choose. Everywhere, in both kinds,
Ctrl-C, Ctrl-D and a stopping signal raise `Interrupted` (see `signals`): the
program ends with one line and exit 130, whatever it was asking.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..base.i18n import listing, text
from ..base.words import message
from ..flow.model import Answer, Question
from ..interview.loop import Given, Nav, Prompt, answer_text
from . import plainprompts
from .console import wanted
from .signals import run_prompt


class _Help:
    """The "what does this mean" choice."""


HELP = _Help()


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
        choices = [
            questionary.Choice(text(o.label, lang), o.code, checked=o.code in chosen)
            for o in question.options
        ]
        widget = questionary.checkbox(
            title,
            choices=[*choices, *extras],
            instruction=message("checkbox_hint", lang),
            erase_when_done=True,  # replaced by _echo_answer's line, in the person's language
        )
    else:
        choices = [questionary.Choice(text(o.label, lang), o.code) for o in question.options]
        default = current if isinstance(current, str) else None
        widget = questionary.select(
            title,
            choices=[*choices, *extras],
            default=default,
            instruction=message("select_hint", lang),
        )
    _add_keys(widget, question.kind == "multi")
    result = run_prompt(widget.application, lang)
    if question.kind == "multi":
        _echo_answer(title, question, result, lang)
    return tuple(result) if isinstance(result, list) else result


def _echo_answer(title: str, question: Question, result: list[Any], lang: str) -> None:
    """The answered line of a checkbox list: what was ticked, not questionary's "done"."""
    if Nav.BACK in result:
        summary = message("back", lang)
    else:
        summary = answer_text(question, tuple(c for c in result if isinstance(c, str)), lang)
    if HELP not in result:
        _echo(title, summary)


def _echo(title: str, summary: str) -> None:
    """A checkbox list's answered line, drawn as questionary draws a select's."""
    from prompt_toolkit import print_formatted_text
    from prompt_toolkit.formatted_text import FormattedText

    line = [("#5f819d", "? "), ("bold", title), ("", " "), ("#ff9d00", summary)]
    print_formatted_text(FormattedText(line))


def _extras(question: Question, can_go_back: bool, lang: str) -> list[Any]:
    import questionary

    extras: list[Any] = []
    if question.help is not None:
        extras.append(questionary.Choice(message("help", lang), HELP))
    if can_go_back:
        extras.append(questionary.Choice(message("back", lang), Nav.BACK))
    return [questionary.Separator(" "), *extras] if extras else []


def _add_keys(widget: Any, checkbox: bool) -> None:
    """Keys questionary's lists lack: Ctrl-D ends the interview; a newline typed
    ahead, before the terminal is in raw mode, counts as Enter; and in a checkbox
    list, Enter on "back" or "help" acts at once instead of submitting."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
    from prompt_toolkit.keys import Keys
    from questionary.prompts.common import InquirerControl

    app = widget.application
    control = next(c for c in app.layout.find_all_controls() if isinstance(c, InquirerControl))
    submit = app.key_bindings.get_bindings_for_keys((Keys.ControlM,))[-1].handler
    bindings = KeyBindings()

    @bindings.add(Keys.ControlM, eager=True)
    @bindings.add(Keys.ControlJ, eager=True)
    def _enter(event: Any) -> None:
        pointed = control.get_pointed_at().value
        if checkbox and (pointed is HELP or pointed is Nav.BACK):
            control.is_answered = True
            event.app.exit(result=[pointed])
        else:
            submit(event)

    app.key_bindings = merge_key_bindings([app.key_bindings, bindings])
    _add_ctrl_d(app)


def offer_save(lang: str, today: str) -> Path | None:
    """Ask whether to save the checklist, in which format and where; None for no."""
    if wanted():
        return plainprompts.offer_save(lang, today)
    import questionary

    formats = [(".html", "save_html"), (".md", "save_markdown"), (".txt", "save_text")]
    choices = [questionary.Choice(message("save_no", lang), "")]
    choices += [
        questionary.Choice(f"{message(key, lang)} {suffix}", suffix) for suffix, key in formats
    ]
    widget = questionary.select(
        message("save_offer", lang), choices=choices, instruction=message("select_hint", lang)
    )
    _add_keys(widget, checkbox=False)
    suffix = run_prompt(widget.application, lang)
    if not suffix:
        return None
    default = f"{message('file_name', lang)}-{today}{suffix}"
    asked = questionary.text(message("save_where", lang), default=default)
    _add_ctrl_d(asked.application)
    name = run_prompt(asked.application, lang)
    return Path(name).expanduser() if name and name.strip() else None


def ask_choice(
    title: str, choices: list[tuple[str, str]], default: str | None, lang: str, can_go_back: bool
) -> str | Nav:
    """One of `choices` (label, value) from a select list, or `Nav.BACK`; for forms."""
    if wanted():
        return plainprompts.ask_choice(title, choices, default, lang, can_go_back)
    import questionary

    listed: list[Any] = [questionary.Choice(label, value) for label, value in choices]
    if can_go_back:
        listed += [questionary.Separator(" "), questionary.Choice(message("back", lang), Nav.BACK)]
    widget = questionary.select(
        title, choices=listed, default=default, instruction=message("select_hint", lang)
    )
    _add_keys(widget, checkbox=False)
    reply: str | Nav = run_prompt(widget.application, lang)
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
    widget = questionary.select(
        message("delete_saved", lang), choices=choices, instruction=message("select_hint", lang)
    )
    _add_keys(widget, checkbox=False)
    return bool(run_prompt(widget.application, lang))


def make_review(lang: str) -> Callable[[tuple[Given, ...]], object]:
    """A `review` for `interview.run`: the answers given, as a list to accept or pick from."""
    if wanted():
        return plainprompts.make_review(lang)

    def review(shown: tuple[Given, ...]) -> object:
        import questionary

        done = questionary.Choice(message("review_done", lang), Nav.DONE)
        width = shutil.get_terminal_size((80, 24)).columns - 4  # the pointer's margin
        answers = [questionary.Choice(review_line(g, lang, width), g.question.id) for g in shown]
        back = questionary.Choice(message("back", lang), Nav.BACK)
        widget = questionary.select(
            message("review_title", lang),
            choices=[done, questionary.Separator(" "), *answers, questionary.Separator(" "), back],
            instruction=message("select_hint", lang),
        )
        _add_keys(widget, checkbox=False)
        return run_prompt(widget.application, lang)

    return review


def review_line(given: Given, lang: str, width: int) -> str:
    """ "3. question → answer" in `width` cells: the question is shortened, never the answer."""
    from rich.cells import cell_len, set_cell_size

    answer = f" → {answer_text(given.question, given.answer, lang)}"
    question = f"{given.step}. {text(given.question.prompt, lang)}"
    room = width - cell_len(answer)
    if cell_len(question) > room:
        question = set_cell_size(question, max(room - 1, 4)).rstrip() + "…"
    return question + answer


def choose_action(lang: str, title: str, choices: list[tuple[str, str]]) -> str:
    """One of the next steps after the checklist (label, key)."""
    if wanted():
        return str(plainprompts.ask_choice(title, choices, None, lang))
    import questionary

    widget = questionary.select(
        title,
        choices=[questionary.Choice(label, key) for label, key in choices],
        instruction=message("select_hint", lang),
    )
    _add_keys(widget, checkbox=False)
    return str(run_prompt(widget.application, lang))


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
    import questionary

    listed: list[Any] = [questionary.Choice(t, k, checked=k in chosen) for t, k in choices]
    if can_go_back:
        listed += [questionary.Separator(" "), questionary.Choice(message("back", lang), Nav.BACK)]
    widget = questionary.checkbox(
        title,
        choices=listed,
        instruction=message("checkbox_hint", lang),
        erase_when_done=True,  # replaced by the ticked labels, as in the interview's lists
    )
    _add_keys(widget, checkbox=True)
    reply = run_prompt(widget.application, lang)
    ticked = list(reply) if isinstance(reply, list) else []
    if Nav.BACK in ticked:
        _echo(title, message("back", lang))
        return Nav.BACK
    keys = [c for c in ticked if isinstance(c, str)]
    labels = [label for label, key in choices if key in keys]
    _echo(title, listing(labels, lang) or message("none_chosen", lang))
    return keys


def confirm(question: str, lang: str) -> bool:
    """Yes or no; no is the default."""
    if wanted():
        return plainprompts.confirm(question, lang)
    import questionary

    widget = questionary.confirm(question, default=False)
    _add_ctrl_d(widget.application)
    return bool(run_prompt(widget.application, lang))


def show(line: str, bold: bool = False) -> None:
    """A line between questions (a form's title), drawn as the prompts draw theirs."""
    if wanted():
        print(line)
        return
    import questionary

    questionary.print(line, style="bold" if bold else "")


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
    import questionary

    def validate(value: str) -> bool | str:
        return check(value) or True

    widget = questionary.text(
        label,
        default=default,
        validate=validate,
        instruction=instruction,
        validate_while_typing=False,
    )
    _add_ctrl_d(widget.application)
    answer = run_prompt(widget.application, lang)
    return answer.strip() if isinstance(answer, str) else ""


def _add_ctrl_d(app: Any) -> None:
    """Ctrl-D ends a text field or a yes/no question as it ends a list, even with text typed."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
    from prompt_toolkit.keys import Keys

    bindings = KeyBindings()

    @bindings.add(Keys.ControlD, eager=True)
    def _end(event: Any) -> None:
        event.app.exit(exception=EOFError(), style="class:aborting")

    app.key_bindings = merge_key_bindings([app.key_bindings, bindings])
