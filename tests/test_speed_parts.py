"""What makes repeated checks and every start fast: the check cache and the compiled
flows. Each must be used only when it fits exactly, and never trusted when damaged."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest

from overdue_guide.base import places
from overdue_guide.content import build, check, checkcache
from overdue_guide.drafts import compiled_drafts
from overdue_guide.flow import bundle, compiled

from .helpers import SMALL_SOURCES, write

FLOW = (Path(__file__).parent / "malformed" / "unknown_target.yaml").read_text("utf-8")


@pytest.fixture
def flow(tmp_path: Path) -> Path:
    write(tmp_path, "sources.yaml", SMALL_SOURCES)
    return write(tmp_path, "flow.yaml", FLOW)


def cached_entries() -> list[Path]:
    folder = checkcache.cache_dir()
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def test_an_unchanged_flow_is_not_checked_again(
    flow: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = check.check_paths([flow], cache=True)[0]
    monkeypatch.setattr(bundle, "load", lambda *_: pytest.fail("parsed again"))
    assert check.check_paths([flow], cache=True)[0] == first


def test_a_changed_flow_is_checked_again(flow: Path) -> None:
    check.check_paths([flow], cache=True)
    flow.write_text(FLOW.replace("next: q9", "next: end"), encoding="utf-8")
    codes = {f.code for f in check.check_paths([flow], cache=True)[0]}
    assert "unknown-target" not in codes


def test_a_damaged_cache_entry_is_ignored_and_replaced(flow: Path) -> None:
    expected = check.check_paths([flow], cache=True)[0]
    (entry,) = cached_entries()
    entry.write_text('{"key": "other", "findings": []}', encoding="utf-8")
    assert check.check_paths([flow], cache=True)[0] == expected
    entry.write_text("{broken", encoding="utf-8")
    assert check.check_paths([flow], cache=True)[0] == expected


def test_without_the_cache_flag_nothing_is_cached(flow: Path) -> None:
    check.check_paths([flow])
    assert cached_entries() == []


@pytest.fixture
def shipped_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "flows"
    shutil.copytree(places.shipped_dir(), folder, ignore=shutil.ignore_patterns(compiled.FILE_NAME))
    assert build.compile_folder(folder, folder / compiled.FILE_NAME) == ["main"]
    return folder


def test_the_compiled_form_is_used_when_it_fits(shipped_copy: Path) -> None:
    ready = bundle.compiled(shipped_copy / "main.yaml", shipped_copy / "sources.yaml")
    assert ready is not None and ready.flow.id == "main" and "safety_110" in ready.flow.items


def test_the_compiled_form_is_not_used_once_the_yaml_changed(shipped_copy: Path) -> None:
    main = shipped_copy / "main.yaml"
    main.write_text(main.read_text("utf-8") + "\n# edited\n", encoding="utf-8")
    assert bundle.compiled(main, shipped_copy / "sources.yaml") is None


def test_a_damaged_or_foreign_compiled_form_is_not_used(shipped_copy: Path) -> None:
    target = shipped_copy / compiled.FILE_NAME
    target.write_bytes(b"not a pickle")
    assert bundle.compiled(shipped_copy / "main.yaml", shipped_copy / "sources.yaml") is None
    target.write_bytes(pickle.dumps({"format": 1, "version": "0.0.0", "flows": {}}))
    assert bundle.compiled(shipped_copy / "main.yaml", shipped_copy / "sources.yaml") is None


def test_the_installed_package_carries_a_compiled_form_that_fits() -> None:
    folder = places.shipped_dir()
    if not (folder / compiled.FILE_NAME).is_file():
        assert not os.environ.get("CI"), "the wheel's build hook did not compile the flows"
        pytest.skip("an editable install reads the YAML")
    assert bundle.compiled(folder / "main.yaml", folder / "sources.yaml") is not None


def test_a_run_unpickles_the_compiled_file_once_for_its_flow_and_its_drafts(
    shipped_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compiled._document.cache_clear()
    loads: list[int] = []
    real = pickle.loads

    def counted(data: bytes) -> object:
        loads.append(len(data))
        return real(data)

    monkeypatch.setattr(compiled.pickle, "loads", counted)
    assert bundle.compiled(shipped_copy / "main.yaml", shipped_copy / "sources.yaml") is not None
    assert compiled_drafts(shipped_copy / "drafts.yaml") is not None
    assert len(loads) == 1


def test_a_compiled_file_rewritten_during_a_run_is_read_again(shipped_copy: Path) -> None:
    assert bundle.compiled(shipped_copy / "main.yaml", shipped_copy / "sources.yaml") is not None
    (shipped_copy / compiled.FILE_NAME).write_bytes(b"not a pickle")
    assert bundle.compiled(shipped_copy / "main.yaml", shipped_copy / "sources.yaml") is None
