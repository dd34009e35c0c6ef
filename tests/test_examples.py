"""Every example in the README and docs/ is tried, as a newcomer copying it would.

Each fenced block is one of:
- `yaml`: a whole flow, drafts, evidence rules or fee lines file passes `flows check` beside
  the shipped files (no error or warning); an answers file runs; any other YAML parses;
- `sh`: runs in a scratch folder, with `overdue-guide` on the PATH, and exits 0;
- `json`: matches the real output of the command named before it (see below);
- `csv`: a file the shell examples around it need;
- `text`: a picture of a screen, not run.

An HTML comment just before a block (invisible on the rendered page) says more:
`<!-- example: file NAME -->` (the block is the file NAME, for the shell examples of the same
page), `<!-- example: output of COMMAND -->` (the JSON block is what COMMAND prints: every
key and value shown is in the real output; `"..."` stands for more keys or list entries, and
a string ending in `…` for the rest of it), `<!-- example: fragment -->` (a piece of a larger
file: it only has to parse) and `<!-- example: not run: WHY -->`.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from overdue_guide.base import places

from .helpers import SCRIPT, SEEDS

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LANGS = ("yaml", "sh", "json", "csv", "text")
_BLOCK = re.compile(
    r"(?:<!-- example: (?P<say>[^\n]*?) -->\n)?^```(?P<lang>\w*)[^\n]*\n(?P<body>.*?)^```",
    re.M | re.S,
)


@dataclass(frozen=True)
class Example:
    page: Path
    line: int
    lang: str
    body: str
    say: str

    def __str__(self) -> str:
        return f"{self.page.name}:{self.line}"


def examples() -> list[Example]:
    found = []
    for page in PAGES:
        text = page.read_text("utf-8")
        for match in _BLOCK.finditer(text):
            line = text[: match.start("lang")].count("\n") + 1
            say = (match.group("say") or "").strip()
            found.append(Example(page, line, match.group("lang"), match.group("body"), say))
    return found


def of(lang: str) -> list[Example]:
    return [e for e in examples() if e.lang == lang and not e.say.startswith("not run")]


def scratch(tmp_path: Path, page: Path) -> tuple[Path, dict[str, str]]:
    """A folder holding the files the page's examples name, and an environment whose
    `overdue-guide` is the one under test and whose data and cache are the test's own."""
    for example in examples():
        if example.page == page and example.say.startswith("file "):
            (tmp_path / example.say.removeprefix("file ").strip()).write_text(
                example.body, encoding="utf-8"
            )
    env = {
        **os.environ,
        "PATH": f"{SCRIPT.parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "LANG": "C.UTF-8",
        "TZ": "Asia/Shanghai",
        "NO_COLOR": "1",
    }
    env.pop("LC_ALL", None)
    return tmp_path, env


def shell(command: str, folder: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-euo", "pipefail", "-c", command],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def test_every_block_has_a_known_language_and_every_directive_is_known() -> None:
    found = examples()
    assert len(found) >= 15
    assert {e.lang for e in found} <= set(LANGS), [str(e) for e in found if e.lang not in LANGS]
    known = ("file ", "output of ", "fragment", "not run: ")
    assert [str(e) for e in found if e.say and not e.say.startswith(known)] == []


def test_a_block_skipped_says_why() -> None:
    for example in examples():
        if example.say.startswith("not run"):
            assert len(example.say.removeprefix("not run:").strip()) > 10, str(example)


# --- YAML ------------------------------------------------------------------------------

#: What a whole data file starts with, and the name it has in a flows folder.
_DATA_FILES = {"drafts": "drafts.yaml", "rules": "evidence_rules.yaml", "lines": "fee_lines.yaml"}


def _kind(document: Any) -> str:
    if not isinstance(document, dict):
        return "other"
    if "visitor_arrived" in document:
        return "answers"
    if {"flow", "questions", "items"} <= set(document):
        return "flow"
    return next((name for key, name in _DATA_FILES.items() if key in document), "other")


@pytest.mark.parametrize("example", of("yaml"), ids=str)
def test_each_yaml_example_is_a_file_that_passes_or_parses(
    example: Example, tmp_path: Path
) -> None:
    document = yaml.safe_load(example.body)
    kind = _kind(document)
    if example.say == "fragment" or kind == "other":
        return
    folder = tmp_path / "flows"
    shutil.copytree(places.shipped_dir(), folder, ignore=shutil.ignore_patterns("*.pickle"))
    if kind == "answers":
        answers = tmp_path / "answers.yaml"
        answers.write_text(example.body, encoding="utf-8")
        result = subprocess.run(
            [str(SCRIPT), "run", "--answers", str(answers), "--format", "json"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, (str(example), result.stderr)
        return
    target = folder / ("demo.yaml" if kind == "flow" else kind)
    target.write_text(example.body, encoding="utf-8")
    documents = ["--documents", str(SEEDS)] if SEEDS.is_dir() else []
    result = subprocess.run(
        [str(SCRIPT), "flows", "check", "--no-cache", *documents, str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    failing = [line for line in result.stdout.splitlines() if " note " not in line]
    assert failing == [], str(example)


# --- shell -----------------------------------------------------------------------------


@pytest.mark.parametrize("example", of("sh"), ids=str)
def test_each_shell_example_runs(example: Example, tmp_path: Path) -> None:
    folder, env = scratch(tmp_path, example.page)
    result = shell(example.body, folder, env)
    assert result.returncode == 0, (str(example), result.stderr[-2000:])


# --- JSON ------------------------------------------------------------------------------


def _matches(shown: Any, real: Any, where: str = "$") -> list[str]:
    """Where `shown` (an example) says something `real` does not."""
    if isinstance(shown, dict):
        if not isinstance(real, dict):
            return [f"{where}: not an object"]
        wrong = [f"{where}.{key}: missing" for key in shown if key != "..." and key not in real]
        for key, value in shown.items():
            if key != "..." and key in real:
                wrong += _matches(value, real[key], f"{where}.{key}")
        return wrong
    if isinstance(shown, list):
        if not isinstance(real, list):
            return [f"{where}: not a list"]
        more = bool(shown) and shown[-1] == "..."
        items = shown[:-1] if more else shown
        if len(real) < len(items) or (not more and len(real) != len(items)):
            return [f"{where}: {len(real)} entries, the example shows {len(shown)}"]
        return [w for n, item in enumerate(items) for w in _matches(item, real[n], f"{where}[{n}]")]
    if isinstance(shown, str) and shown.endswith("…"):
        ok = isinstance(real, str) and real.startswith(shown[:-1])
        return [] if ok else [f"{where}: {real!r} does not start with {shown[:-1]!r}"]
    return [] if shown == real else [f"{where}: {real!r}, the example shows {shown!r}"]


def test_the_matcher_reports_a_wrong_value_a_missing_key_and_a_short_list() -> None:
    real = {"a": "1.00", "b": [1, 2, 3], "c": "long text here"}
    assert _matches({"a": "1.00", "b": [1, "..."], "c": "long…", "...": "..."}, real) == []
    assert _matches({"a": "2.00"}, real) == ["$.a: '1.00', the example shows '2.00'"]
    assert _matches({"z": 1}, real) == ["$.z: missing"]
    assert _matches({"b": [1, 2]}, real) == ["$.b: 3 entries, the example shows 2"]
    assert _matches({"c": "short…"}, real) == ["$.c: 'long text here' does not start with 'short'"]


@pytest.mark.parametrize("example", of("json"), ids=str)
def test_each_json_example_is_what_its_command_prints(example: Example, tmp_path: Path) -> None:
    assert example.say.startswith("output of "), f"{example}: say which command prints it"
    folder, env = scratch(tmp_path, example.page)
    result = shell(example.say.removeprefix("output of "), folder, env)
    assert result.returncode == 0, (str(example), result.stderr[-2000:])
    assert _matches(json.loads(example.body), json.loads(result.stdout)) == [], str(example)
