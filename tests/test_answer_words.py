"""A problem with a `run --answers` file is said in the run's language (`--lang`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import overdue_guide
from overdue_guide.base.i18n import traditional
from overdue_guide.interview.answerwords import all_keys
from tests.helpers import run_cli


def refused(tmp_path: Path, text: str, lang: str) -> str:
    """The one line `run --answers` prints on stderr for an answers file holding `text`."""
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    result = run_cli("run", "--answers", "a.yaml", "--lang", lang, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    return result.stderr


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("zh-CN", "overdue-guide: a.yaml：“name”这一项只能写文字或数字\n"),
        ("zh-TW", "overdue-guide: a.yaml：“name”這一項只能寫文字或數字\n"),
        ("en", "overdue-guide: a.yaml: detail 'name' must be text or a number\n"),
    ],
)
def test_a_detail_that_is_a_list_is_refused_in_the_language_asked(
    tmp_path: Path, lang: str, line: str
) -> None:
    assert refused(tmp_path, "details: {name: [1, 2]}\n", lang) == line


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        (
            "zh-CN",
            "overdue-guide: a.yaml：“visitor_arrived”：没有“maybe”这个答案代码；"
            "可以选的有：now, earlier, announced, no\n",
        ),
        (
            "en",
            "overdue-guide: a.yaml: 'visitor_arrived': unknown code 'maybe'; "
            "allowed: now, earlier, announced, no\n",
        ),
    ],
)
def test_an_unknown_code_is_refused_in_the_language_asked(
    tmp_path: Path, lang: str, line: str
) -> None:
    assert refused(tmp_path, "visitor_arrived: maybe\n", lang) == line


def test_a_question_answered_twice_is_refused_in_chinese(tmp_path: Path) -> None:
    text = "visitor_arrived: now\nvisitor_arrived: earlier\n"
    assert (
        refused(tmp_path, text, "zh-CN")
        == "overdue-guide: a.yaml:2:1：“visitor_arrived”回答了两次\n"
    )


def test_a_missing_answer_is_refused_in_chinese_naming_the_question(tmp_path: Path) -> None:
    assert refused(tmp_path, "{}\n", "zh-CN") == (
        "overdue-guide: “visitor_arrived”没有回答：请从这些里选一个：now, earlier, announced, no\n"
    )


def test_an_unknown_question_id_is_warned_of_in_chinese(tmp_path: Path) -> None:
    text = 'visitor_arrived: "no"\nmisconduct: []\nmood: fine\n'
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    result = run_cli("run", "--answers", "a.yaml", "--lang", "zh-CN", cwd=tmp_path)
    assert "warning: a.yaml：没有“mood”这个问题，已经跳过\n" in result.stderr


def test_every_key_an_answers_error_names_has_chinese_and_english_text() -> None:
    source = Path(overdue_guide.__file__).parent
    named = re.compile(r"""problem\(\s*"([a-z_]+)\"""")
    files = [
        *(source / "interview").glob("*.py"),
        source / "drafts" / "scripted.py",
        source / "errors.py",
    ]
    keys = {key for path in files for key in named.findall(path.read_text(encoding="utf-8"))}
    keys |= {"missing_one", "missing_many"}  # `errors.MissingAnswer`'s own
    assert {"detail_not_text", "unknown_code", "answers_twice", "unknown_draft"} <= keys
    texts = all_keys()
    for key in keys:
        assert texts.get(key, {}).get("zh-CN") and texts[key].get("en"), key


def test_answers_file_problems_keep_their_meaning_in_traditional_chinese() -> None:
    assert traditional("没有“maybe”这个答案代码") == "沒有“maybe”這個答案代碼"
    for by_lang in all_keys().values():
        converted = traditional(by_lang["zh-CN"])
        assert not any(bad in converted for bad in ("程式碼", "專案", "巢狀")), converted
