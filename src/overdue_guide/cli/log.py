"""The `overdue-guide log …` commands: typer options over `evidence.commands`.

Kept apart from `cli.py` and built lazily (`log_group`): `log add` takes every
field of an entry as an option, and typer's setup of so many options would
otherwise slow every command of the program.
"""

from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from ..evidence.codes import CHANNELS, DIRECTIONS, IMPERSONATED, THREATS
from .options import CONTEXT, Command, Group, Lang, LangOption, lang_code

HELP = "A log of calls, messages and visits that flags rule breaks."
log_app = typer.Typer(help=HELP, no_args_is_help=True)


class _LogCommands(Group):
    """`log`'s commands, each built from `log_app` only when it is run."""

    def list_commands(self, ctx: Any) -> list[str]:
        return [str(info.name) for info in log_app.registered_commands]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        from typer.core import DEFAULT_MARKUP_MODE
        from typer.main import get_command_from_info

        for info in log_app.registered_commands:
            if info.name == cmd_name:
                return get_command_from_info(
                    info, pretty_exceptions_short=True, rich_markup_mode=DEFAULT_MARKUP_MODE
                )
        return None


def log_group() -> Group:
    """The `log` command group: run on its own by `entry.py`, listed by `cli._Commands`."""
    return _LogCommands(name="log", help=HELP, no_args_is_help=True, context_settings=CONTEXT)


class LogFormat(str, Enum):
    markdown = "markdown"
    html = "html"
    csv = "csv"
    json = "json"


EntryId = Annotated[int, typer.Argument(help="The entry's number, as `log list` shows it.")]
YesOption = Annotated[bool, typer.Option("--yes", "-y", help="Do not ask to confirm.")]


def _shown(lang: Lang | None) -> str:
    """The language asked for, or one this terminal's encoding can show (said on stderr)."""
    from ..output.encoding import screen_lang

    return screen_lang(lang_code(lang), "'log export --output FILE' (always UTF-8)")


def _codes(codes: tuple[str, ...]) -> str:
    """A metavar listing an option's codes: shown in --help, and named by a usage mistake
    (`cli.usage`); the values themselves are checked by `evidence.parse`."""
    return "|".join(codes)


def _entry_options(**given: object) -> dict[str, object]:
    """Options as the evidence parser takes them: field name → (value, option name)."""
    from ..evidence.parse import Value

    names = {"threat": "threats", "third_party": "third_parties", "attach": "attachments"}
    names |= {"witness": "witnesses", "duration": "duration_s"}
    fields: dict[str, object] = {}
    for option, value in given.items():
        if value is None or value == []:
            continue
        flag = "--" + option.replace("_", "-")
        fields[names.get(option, option)] = Value(value, flag)
    return fields


# Numbers and files are taken as text and checked by `evidence.parse` (whose errors name
# the option): typer then sets up fewer kinds of value, and `log add` starts faster.
@log_app.command("add", cls=Command)
def log_add(
    from_files: Annotated[
        list[str] | None,
        typer.Option("--from", help="YAML or JSON file of entries (repeatable); no prompts."),
    ] = None,
    at: Annotated[
        str | None,
        typer.Option(help="When: 2026-11-20 22:30 (with --zone) or ISO 8601 with offset."),
    ] = None,
    zone: Annotated[
        str | None, typer.Option(help="Time zone, e.g. Asia/Shanghai (default: this machine's).")
    ] = None,
    duration: Annotated[str | None, typer.Option(help="Duration in seconds.")] = None,
    channel: Annotated[
        str | None,
        typer.Option(metavar=_codes(CHANNELS), help="call, sms, message, visit or letter."),
    ] = None,
    direction: Annotated[
        str | None,
        typer.Option(metavar=_codes(DIRECTIONS), help="in (they contacted you) or out."),
    ] = None,
    number: Annotated[str | None, typer.Option(help="The number or account shown.")] = None,
    org: Annotated[str | None, typer.Option(help="The institution they claimed.")] = None,
    name: Annotated[str | None, typer.Option(help="The name they gave.")] = None,
    staff_id: Annotated[str | None, typer.Option(help="The staff number (工号) they gave.")] = None,
    identified: Annotated[
        bool | None, typer.Option("--identified/--not-identified", help="Said whom they act for.")
    ] = None,
    said: Annotated[str | None, typer.Option(help="Key words, quoted exactly.")] = None,
    threat: Annotated[
        list[str] | None,
        typer.Option(
            metavar=_codes(THREATS),
            help="violence, detention, exposure, family, insult or other (repeatable).",
        ),
    ] = None,
    impersonated: Annotated[
        list[str] | None,
        typer.Option(
            metavar=_codes(IMPERSONATED), help="police, court, lawyer or government (repeatable)."
        ),
    ] = None,
    amount: Annotated[str | None, typer.Option(help="The amount they claimed.")] = None,
    personal_account: Annotated[
        bool | None,
        typer.Option(
            "--personal-account/--no-personal-account", help="Asked to pay a personal account."
        ),
    ] = None,
    third_party: Annotated[
        list[str] | None, typer.Option(help="'WHO: WHAT THEY WERE TOLD' (repeatable).")
    ] = None,
    people: Annotated[str | None, typer.Option(help="Visits: how many people came.")] = None,
    id_shown: Annotated[
        bool | None,
        typer.Option("--id-shown/--no-id-shown", help="Visits: they showed a work ID."),
    ] = None,
    authorization_shown: Annotated[
        bool | None,
        typer.Option(
            "--authorization-shown/--no-authorization-shown",
            help="Visits: they showed a written authorization from the lender.",
        ),
    ] = None,
    entry_attempted: Annotated[
        bool | None,
        typer.Option(
            "--entry-attempted/--no-entry-attempted", help="Visits: they tried to come in."
        ),
    ] = None,
    attach: Annotated[
        list[str] | None, typer.Option(help="Your own file: recording, screenshot (repeatable).")
    ] = None,
    witness: Annotated[list[str] | None, typer.Option(help="A witness (repeatable).")] = None,
    lang: LangOption = None,
) -> None:
    """Log a call, message, visit or letter: a short form, or --from FILE, or options.

    Example: overdue-guide log add --at "2026-11-20 22:40" --channel call --number 95xxx
    """
    from ..evidence import commands

    fields = _entry_options(
        at=at, zone=zone, duration=duration, channel=channel, direction=direction,
        number=number, org=org, name=name, staff_id=staff_id, identified=identified,
        said=said, threat=threat, impersonated=impersonated, amount=amount,
        personal_account=personal_account, third_party=third_party, people=people,
        id_shown=id_shown, authorization_shown=authorization_shown,
        entry_attempted=entry_attempted, attach=attach, witness=witness,
    )  # fmt: skip
    if from_files or fields:
        commands.add([Path(f) for f in from_files or []], fields, _shown(lang))  # type: ignore[arg-type]
    else:
        commands.interactive_add(_shown(lang))


@log_app.command("list", cls=Command)
def log_list(lang: LangOption = None) -> None:
    """One line per entry, oldest first, with the flags it raised."""
    from ..evidence import commands

    commands.list_entries(_shown(lang))


@log_app.command("show", cls=Command)
def log_show(entry_id: EntryId, lang: LangOption = None) -> None:
    """Every field of one entry, its attachments' hashes and its flags."""
    from ..evidence import commands

    commands.show(entry_id, _shown(lang))


@log_app.command("edit", cls=Command)
def log_edit(
    entry_id: EntryId,
    at: Annotated[
        str | None, typer.Option(help="A new time, written as for `log add --at`.")
    ] = None,
    zone: Annotated[
        str | None,
        typer.Option(help="The zone the time was written in; alone, keeps the time as written."),
    ] = None,
    channel: Annotated[
        str | None,
        typer.Option(metavar=_codes(CHANNELS), help="call, sms, message, visit or letter."),
    ] = None,
    direction: Annotated[
        str | None,
        typer.Option(
            metavar=_codes(DIRECTIONS), help="in (they contacted you) or out; empty clears it."
        ),
    ] = None,
    number: Annotated[
        str | None, typer.Option(help="The number or account shown; empty clears it.")
    ] = None,
    org: Annotated[
        str | None, typer.Option(help="The institution they claimed; empty clears it.")
    ] = None,
    said: Annotated[
        str | None, typer.Option(help="Key words, quoted exactly; empty clears them.")
    ] = None,
    amount: Annotated[
        str | None, typer.Option(help="The amount they claimed; empty clears it.")
    ] = None,
    lang: LangOption = None,
) -> None:
    """Change an entry: the options given (an empty value clears a field), or the form."""
    from ..evidence import commands

    fields = _entry_options(
        at=at, zone=zone, channel=channel, direction=direction, number=number, org=org,
        said=said, amount=amount,
    )  # fmt: skip
    commands.edit(entry_id, fields, _shown(lang))  # type: ignore[arg-type]


@log_app.command("delete", cls=Command)
def log_delete(entry_id: EntryId, yes: YesOption = False, lang: LangOption = None) -> None:
    """Delete one entry (the attached files themselves are never touched)."""
    from ..evidence import commands

    commands.delete(entry_id, yes, _shown(lang))


@log_app.command("export", cls=Command)
def log_export(
    output_format: Annotated[
        LogFormat | None,
        typer.Option(
            "--format", help="markdown, html, csv or json (default: from --output, else markdown)."
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to FILE instead of standard output."),
    ] = None,
    lang: LangOption = None,
) -> None:
    """The whole log: a dated table with flags and references, counts, attachment hashes."""
    from ..evidence import commands

    commands.export(output_format.value if output_format else None, output, lang_code(lang))


@log_app.command("verify", cls=Command)
def log_verify(lang: LangOption = None) -> None:
    """Re-hash every attachment; exit 1 if any changed or went missing."""
    from ..evidence import commands

    commands.verify(_shown(lang))


@log_app.command("forget", cls=Command)
def log_forget(yes: YesOption = False, lang: LangOption = None) -> None:
    """Delete the whole evidence log and its journal files."""
    from ..evidence import commands

    commands.forget(yes, _shown(lang))
