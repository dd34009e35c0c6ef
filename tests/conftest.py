"""Fixtures: the shipped main flow and its sources catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest

from overdue_guide.base import places
from overdue_guide.flow.catalog import parse_catalog
from overdue_guide.flow.loader import parse_flow
from overdue_guide.flow.model import Answer, Catalog, Flow

from .helpers import widest_paths


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
def widest(main_flow: Flow) -> list[dict[str, Answer]]:
    """The main flow's widest paths (`helpers.widest_paths`), found once per session."""
    return widest_paths(main_flow)
