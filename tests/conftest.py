"""Fixtures: the shipped main flow and its sources catalogue; the web page and a browser."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from overdue_guide.base import places
from overdue_guide.drafts.loader import parse_drafts
from overdue_guide.drafts.model import DraftSet
from overdue_guide.flow.catalog import parse_catalog
from overdue_guide.flow.loader import parse_flow
from overdue_guide.flow.model import Answer, Catalog, Flow

from .helpers import widest_paths
from .webpage import CHROMIUM_FLAGS


@pytest.fixture(autouse=True)
def private_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test, and every command it runs, uses its own cache and data directories."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data directory of the test's own, and English messages."""
    home = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    return home


@pytest.fixture(scope="session")
def main_flow() -> Flow:
    flow, findings = parse_flow(places.shipped_dir() / "main.yaml")
    assert flow is not None, findings
    return flow


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    found, findings = parse_catalog(places.shipped_dir() / "sources.yaml")
    assert found is not None, findings
    return found


@pytest.fixture(scope="session")
def drafts() -> DraftSet:
    """The shipped scripts and letters of the main flow."""
    found, findings = parse_drafts(places.shipped_dir() / "drafts.yaml")
    assert found is not None, findings
    return found


# --- the web page, in one headless Chromium per test session ------------------------


def chromium_path() -> str | None:
    """The system's Chromium (Debian's /usr/bin/chromium; .ci/run installs it)."""
    import shutil

    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def web_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The page of the main flow, built once."""
    from overdue_guide.web.build import write

    target = tmp_path_factory.mktemp("web") / "overdue-guide.html"
    write(None, target)
    return target


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the session, driven by Playwright; skipped without one
    (except on CI, which must have it)."""
    import os

    path = chromium_path()
    if path is None:
        assert not os.environ.get("CI"), "CI must install chromium (.ci/run)"
        pytest.skip("no chromium on this machine")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def widest(main_flow: Flow) -> list[dict[str, Answer]]:
    """The main flow's widest paths (`helpers.widest_paths`), found once per session."""
    return widest_paths(main_flow)
