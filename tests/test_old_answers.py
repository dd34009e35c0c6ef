"""Answers files written before the advice v3 questions run unchanged: every question added
since has a default, and every id and code of the earlier contract is still there."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from overdue_guide.flow.model import Answer, Flow
from overdue_guide.interview import engine

from .helpers import run_cli, write
from .test_examples import examples

ROOT = Path(__file__).resolve().parents[1]

#: The contract before advice v3: question id → its codes, as the README then gave them.
EARLIER = {
    "visitor_arrived": ("now", "earlier", "announced", "no"),
    "feel_safe": ("yes", "no"),
    "credentials_shown": ("both", "id_only", "none"),
    "misconduct": (
        "threats", "violence", "insults", "refuses_to_leave", "night_visit",
        "personal_account", "told_others", "fake_authority",
    ),
    "authority_claimed": ("official", "lawyer"),
    "paid_to_person": ("yes", "no"),
    "others_contacted": ("co_borrower", "emergency_contact", "family", "friends_colleagues"),
    "amount_checked": ("matches", "differs", "fees_high", "not_checked"),
    "can_pay_full": ("yes", "no"),
    "hardship": ("none", "job_loss", "illness", "other"),
}  # fmt: skip
#: The questions of advice v3, with the default a scripted run takes for each.
ADDED = {
    "user_role": "borrower",
    "visit_place": "home",
    "visit_when": "later",
    "court_notice": "none",
    "can_pay_some": "some",
    "debt_agent": "none",
}


def test_every_earlier_id_and_code_is_still_there(main_flow: Flow) -> None:
    for qid, codes in EARLIER.items():
        assert set(codes) <= set(main_flow.questions[qid].codes), qid


def test_every_question_added_since_has_its_documented_default(main_flow: Flow) -> None:
    assert set(main_flow.questions) == set(EARLIER) | set(ADDED)
    for qid, default in ADDED.items():
        assert main_flow.questions[qid].default == default, qid


def earlier_answers(flow: Flow) -> Iterator[dict[str, Answer]]:
    """Answers files of the earlier contract, one for each way through it (each multiple
    choice none, one code or all): only earlier ids and codes, new questions left out."""
    todo: list[tuple[dict[str, Answer], dict[str, Answer]]] = [({}, {})]
    while todo:
        given, taken = todo.pop()
        pending = engine.walk(flow, taken).pending
        if pending is None:
            yield given
        elif pending.id in ADDED:
            todo.append((given, {**taken, pending.id: ADDED[pending.id]}))
        else:
            codes = EARLIER[pending.id]
            choices: list[Answer] = list(codes)
            if pending.kind == "multi":
                choices = [(), *((c,) for c in codes), codes]
            for answer in choices:
                todo.append(({**given, pending.id: answer}, {**taken, pending.id: answer}))


def test_every_earlier_answers_file_runs_with_its_answers_kept(main_flow: Flow) -> None:
    runs = 0
    for given in earlier_answers(main_flow):
        taken = engine.complete(main_flow, given)
        assert {k: v for k, v in taken.items() if k in EARLIER} == given
        assert {k: v for k, v in taken.items() if k not in EARLIER} == {
            k: ADDED[k] for k in taken if k not in EARLIER
        }
        assert engine.checklist(main_flow, taken).items
        runs += 1
    assert runs > 10_000


def readme_answers() -> list[str]:
    """The answers files the README shows, as written there: a block that is the file, and
    a shell example that writes one."""
    readme = ROOT / "README.md"
    files = [e.body for e in examples() if e.page == readme and e.say == "file answers.yaml"]
    text = readme.read_text("utf-8")
    return files + re.findall(r"cat > answers\.yaml <<'EOF'\n(.*?)\nEOF", text, re.S)


def test_the_readme_answers_files_run_without_a_warning(tmp_path: Path) -> None:
    files = readme_answers()
    assert len(files) == 2
    for number, text in enumerate(files):
        path = write(tmp_path, f"answers{number}.yaml", text)
        result = run_cli("run", "--answers", str(path), "--format", "json")
        assert result.returncode == 0 and result.stderr == "", result.stderr
        assert json.loads(result.stdout)["checklist"]


def test_an_answers_file_of_the_first_release_gives_the_defaults(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "old.yaml",
        "visitor_arrived: now\nfeel_safe: 'no'\ncredentials_shown: none\n"
        "misconduct: [threats]\nothers_contacted: []\namount_checked: matches\n"
        "can_pay_full: 'yes'\n",
    )
    result = run_cli("run", "--answers", str(path), "--format", "json")
    assert result.returncode == 0 and result.stderr == "", result.stderr
    document = json.loads(result.stdout)
    assert document["answers"] == {
        "visitor_arrived": "now", "user_role": "borrower", "feel_safe": "no",
        "visit_place": "home", "credentials_shown": "none", "court_notice": "none",
        "misconduct": ["threats"], "paid_to_person": "no", "others_contacted": [],
        "amount_checked": "matches", "can_pay_full": "yes", "debt_agent": "none",
    }  # fmt: skip
    assert [i["id"] for i in document["checklist"]][:2] == ["safety_110", "door_closed"]
