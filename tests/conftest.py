"""Fixtures: the shipped main flow and its sources catalogue."""

from __future__ import annotations

import pytest

from overdue_guide import bundle
from overdue_guide.loader import parse_catalog, parse_flow
from overdue_guide.model import Catalog, Flow


@pytest.fixture(autouse=True)
def private_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test, and every command it runs, uses its own cache and data directories."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))


@pytest.fixture(scope="session")
def main_flow() -> Flow:
    flow, findings = parse_flow(bundle.shipped_dir() / "main.yaml")
    assert flow is not None, findings
    return flow


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    found, findings = parse_catalog(bundle.shipped_dir() / "sources.yaml")
    assert found is not None, findings
    return found
