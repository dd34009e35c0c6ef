"""Where the program's things are: the shipped flows folder, the user data and cache folders.

Found without importing anything heavy (platformdirs is loaded only when asked), so that
every command, however light, finds its files the same way.
"""

from __future__ import annotations

from pathlib import Path

APP_NAME = "overdue-guide"

#: The installed package (or the checkout's `src/overdue_guide`).
PACKAGE = Path(__file__).resolve().parents[1]


def shipped_dir() -> Path:
    """The folder of shipped flows: inside the installed package, else the checkout's."""
    packaged = PACKAGE / "flows"
    return packaged if packaged.is_dir() else PACKAGE.parents[1] / "flows"


def data_dir() -> Path:
    """Where what the person asks to keep lives: the platform's user data folder
    (XDG_DATA_HOME is honoured)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def cache_dir() -> Path:
    """Where the program keeps what it can always work out again (XDG_CACHE_HOME)."""
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False)
