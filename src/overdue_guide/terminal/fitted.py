"""prompt_toolkit screens whose every line fits the terminal, redrawn to its width.

questionary draws a list's options in a window that cuts what is too long, and
its question line in prompt_toolkit's prompt, which breaks a word at the last
column. Here the question line is a window of its own and every text the prompts
draw (question, options, a field's error) is word-wrapped by `lines.fit` at each
redraw, so a narrower window (or a resize) wraps again. `prompts` builds the
questions with questionary and passes them through here; nothing here imports
questionary.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from .lines import Fragment, Hang, fit, lead, width

#: The question mark and its space: a question's next lines start under its words.
QUESTION_HANG = 2

Tokens = Callable[[], Any]  # prompt_toolkit formatted text, computed at each redraw


def columns() -> int:
    """The running prompt's width in cells."""
    from prompt_toolkit.application import get_app

    return get_app().output.get_size().columns


def fitted(text: Tokens, hang: Hang | int) -> Callable[[], list[Fragment]]:
    """`text` word-wrapped to the width at each redraw."""
    from prompt_toolkit.formatted_text import to_formatted_text

    def draw() -> list[Fragment]:
        return fit(to_formatted_text(text()), columns(), hang)

    return draw


def fit_list(app: Any, control: Any, question: Tokens) -> None:
    """A questionary select or checkbox with its question line drawn by `question` and its
    options wrapped, continuing under their words (not under the pointer or the box)."""
    from prompt_toolkit.layout import FormattedTextControl, HSplit, Layout, Window

    control.text = fitted(control.text, lead)
    line = FormattedTextControl(fitted(question, QUESTION_HANG))
    shown = Window(line, dont_extend_height=True, always_hide_cursor=True)
    below = app.layout.container.children[1:]  # questionary's: options, search, error
    app.layout = Layout(HSplit([shown, *below]))


def text_app(question: Tokens, default: str, validator: Any, style: Any, answer_style: str) -> Any:
    """A one-line text field after its question, the question word-wrapped, and an answer
    it refuses explained on the lines below, wrapped too. When the question's last line
    leaves less than a third of the width, the field starts on a line of its own: what
    is typed is not broken at the edge a few cells in."""
    from prompt_toolkit import PromptSession
    from prompt_toolkit.document import Document
    from prompt_toolkit.lexers import SimpleLexer

    asked = fitted(question, QUESTION_HANG)

    def draw() -> list[Fragment]:
        shown = asked()
        last = "".join(part[1] for part in shown).rpartition("\n")[2]
        room = columns()
        if room - width(last) < room // 3:
            return [*shown, ("", "\n" + " " * QUESTION_HANG)]
        return shown

    session: PromptSession[str] = PromptSession(
        draw,
        style=style,
        validator=validator,
        lexer=SimpleLexer(answer_style),
        validate_while_typing=False,
    )
    session.default_buffer.reset(Document(default))
    _fit_toolbars(session.app)
    return session.app


def yes_no_app(question: Callable[[bool | None], Any], default: bool, style: Any) -> Any:
    """A yes-or-no question answered with y or n (Enter: `default`), word-wrapped;
    `question(answer)` draws it, with the answer once given."""
    from prompt_toolkit.application import Application
    from prompt_toolkit.key_binding import KeyBindings
    from prompt_toolkit.keys import Keys
    from prompt_toolkit.layout import FormattedTextControl, Layout, Window

    given: list[bool] = []
    bindings = KeyBindings()

    def answer(event: Any, value: bool) -> None:
        given.append(value)
        event.app.exit(result=value)

    bindings.add("y")(lambda event: answer(event, True))
    bindings.add("Y")(lambda event: answer(event, True))
    bindings.add("n")(lambda event: answer(event, False))
    bindings.add("N")(lambda event: answer(event, False))
    bindings.add(Keys.ControlM, eager=True)(lambda event: answer(event, default))

    @bindings.add(Keys.ControlC, eager=True)
    def _stop(event: Any) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    @bindings.add(Keys.Any)
    def _other(event: Any) -> None:
        """Nothing else is typed."""

    def draw() -> Any:
        return question(given[0] if given else None)

    line = FormattedTextControl(fitted(draw, QUESTION_HANG))
    window = Window(line, dont_extend_height=True, always_hide_cursor=True)
    return Application(layout=Layout(window), key_bindings=bindings, style=style)


def _fit_toolbars(app: Any) -> None:
    """The lines under a field (why an answer was refused) wrapped and given the height
    they need: prompt_toolkit gives them one line, cut at the edge."""
    from prompt_toolkit.layout import FormattedTextControl, Window

    for window in app.layout.find_all_windows():
        if isinstance(window, Window) and isinstance(window.content, FormattedTextControl):
            window.content.text = fitted(partial(_same, window.content.text), 0)
            if window.height == 1:
                window.height = None


def _same(text: Any) -> Any:
    return text


def echo(fragments: list[Fragment], hang: Hang | int = QUESTION_HANG, style: Any = None) -> None:
    """Formatted text printed between prompts, word-wrapped to the terminal."""
    import shutil

    from prompt_toolkit import print_formatted_text
    from prompt_toolkit.formatted_text import FormattedText

    room = shutil.get_terminal_size((80, 24)).columns
    print_formatted_text(FormattedText(fit(fragments, room, hang)), style=style)


def question(title: str, after: tuple[str, str]) -> list[tuple[str, str]]:
    """A question's line as questionary draws it: "? title", then a hint or the answer."""
    return [("class:qmark", "?"), ("class:question", f" {title} "), after]


def echo_answer(title: str, summary: str) -> None:
    """A checkbox list's answered line, drawn as questionary draws a select's."""
    echo([("#5f819d", "? "), ("bold", title), ("", " "), ("#ff9d00", summary)])


def unboxed(
    control: Any, draw: Tokens, is_meta: Callable[[object], bool], boxes: set[str]
) -> Callable[[], list[Fragment]]:
    """A checkbox list drawn with no tick box before the choices `is_meta` names ("what
    does this mean", "back"): they are not answers to tick."""
    from prompt_toolkit.formatted_text import split_lines, to_formatted_text

    def draw_unboxed() -> list[Fragment]:
        shown: list[Fragment] = []
        lines = split_lines(to_formatted_text(draw()))
        for number, (line, choice) in enumerate(zip(lines, control.filtered_choices, strict=False)):
            meta = is_meta(getattr(choice, "value", None))
            shown += [("", "\n")] if number else []
            shown += [part for part in line if not (meta and part[1] in boxes)]
        return shown

    return draw_unboxed


def add_ctrl_d(app: Any) -> None:
    """Ctrl-D ends a text field or a yes/no question as it ends a list, even with text typed.

    Also for every prompt: an escape sequence typed or pasted (`\x1b[31m`) that
    prompt_toolkit takes for a mouse report it then cannot read is ignored, instead of a
    traceback and "Press ENTER to continue"."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
    from prompt_toolkit.key_binding.bindings.mouse import load_mouse_bindings
    from prompt_toolkit.keys import Keys

    bindings = KeyBindings()

    @bindings.add(Keys.ControlD, eager=True)
    def _end(event: Any) -> None:
        event.app.exit(exception=EOFError(), style="class:aborting")

    mouse = load_mouse_bindings().get_bindings_for_keys((Keys.Vt100MouseEvent,))[-1].handler

    @bindings.add(Keys.Vt100MouseEvent)
    def _mouse(event: Any) -> Any:
        try:
            return mouse(event)
        except (ValueError, KeyError, IndexError):  # not a mouse report after all
            return NotImplemented

    app.key_bindings = merge_key_bindings([app.key_bindings, bindings])
