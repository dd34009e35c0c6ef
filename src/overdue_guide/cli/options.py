"""Options shared by the top-level command line and the commands built on their own.

`log` and `fees` are run without building the top-level app (see `entry.py`), so
what they share with it lives here rather than in `cli.py`.
"""

from enum import Enum
from typing import Annotated

import typer


class Lang(str, Enum):
    zh_cn = "zh-CN"
    zh_tw = "zh-TW"
    en = "en"


class CheckFormat(str, Enum):
    text = "text"
    json = "json"


LangOption = Annotated[
    Lang | None,
    typer.Option("--lang", help="zh-CN, zh-TW or en (default: from LC_ALL, LC_MESSAGES or LANG)."),
]
PlainOption = Annotated[bool, typer.Option("--plain", help="No colours (also: NO_COLOR=1).")]

#: What every command line of the program accepts for help.
CONTEXT = {"help_option_names": ["-h", "--help"]}


def lang_code(lang: Lang | None) -> str:
    """The language asked for, else the one the environment names."""
    from ..base.i18n import detect_lang

    return lang.value if lang else detect_lang()
