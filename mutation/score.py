"""The mutation table: mutmut's results (mutants/**/*.meta) by module group.

Run after `mutmut run`: `.venv/bin/python mutation/score.py`. A mutant counts as killed
when a test failed or timed out on it; one with no test covering it counts as survived.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

from mutmut.stats import status_by_exit_code

#: Each group: (module under src/overdue_guide, functions as a regex on mutmut's name).
GROUPS: dict[str, list[tuple[str, str]]] = {
    "Conditions evaluator and engine (urgency order)": [
        ("flow/conditions.py", ".*"),
        ("interview/engine.py", ".*"),
    ],
    "Evidence rules (flags)": [("evidence/flags.py", ".*")],
    "Fee maths and rounding": [
        ("fees/rates.py", ".*"),
        ("fees/render.py", r"x_(money|percent|yuan|_m)$"),
    ],
    "JSON contract builders": [
        ("output/report.py", r"x_(contract|contract_source)$|Renderedǁcontract"),
        ("fees/render.py", r"x_(as_json|inputs_json)$"),
        ("evidence/export.py", r"x_(document|as_json|flag_counts|counts|letter_material)$"),
    ],
    "Checklist view: grouping by urgency, source numbers and labels": [
        ("output/report.py", r"x_(build|clean|_label)$")
    ],
    "Escaping and neutralising (HTML, Markdown, CSV, terminal)": [
        ("base/visible.py", ".*"),
        ("evidence/export.py", ".*"),
    ],
    "zh-TW conversion and phrase table": [("base/i18n.py", ".*")],
    "Checklist exports: JSON, Markdown, HTML, text (escaping of flow text)": [
        ("output/export.py", ".*")
    ],
    "Screen: `now` first, urgency order, source numbers shown": [("output/screen.py", ".*")],
}


def verdicts(root: Path) -> dict[tuple[str, str], str]:
    """(module, mutant name) → mutmut's status for every mutant under `root`."""
    found: dict[tuple[str, str], str] = {}
    for meta in root.glob("src/overdue_guide/**/*.py.meta"):
        module = meta.relative_to(root / "src/overdue_guide").as_posix().removesuffix(".meta")
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        for name, code in codes.items():
            found[(module, name)] = status_by_exit_code[code]
    return found


def group_of(module: str, name: str) -> str | None:
    function = name.split("__mutmut_")[0]
    for group, parts in GROUPS.items():
        for wanted, pattern in parts:
            if module == wanted and re.search(pattern, function):
                return group
    return None


def main() -> int:
    counts: dict[str, Counter[str]] = {group: Counter() for group in GROUPS}
    for (module, name), status in verdicts(Path("mutants")).items():
        group = group_of(module, name)
        if group is not None:
            counts[group][status] += 1
    print("| Module group | Mutants | Killed | Survived | No test | Score |")
    print("|---|---:|---:|---:|---:|---:|")
    for group, count in counts.items():
        killed = count["killed"] + count["timeout"]
        total = sum(count.values())
        score = f"{100 * killed / total:.1f} %" if total else "–"
        print(
            f"| {group} | {total} | {killed} | {count['survived']} | {count['no tests']} | {score} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
