"""What can be wrong with an answers file (`run --answers`), in zh-CN and en: an
`i18n.Table`, zh-TW converted.

The English is the one-line error exactly as scripts and tests read it; the Chinese says
the same plainly. Places (FILE:LINE), question ids, codes and paths stay as they are.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..base.i18n import Table
from ..errors import AnswersError

WORDS = Table(
    {
        "answers_unreadable": {
            "zh-CN": "{where}：这个答案文件读不了（{message}）",
            "en": "{where}: {message}",
        },
        "answers_not_map": {
            "zh-CN": "{path}：答案文件要写成“问题编号: 答案代码”的样子",
            "en": "{path}: an answers file is a mapping of question id to answer code",
        },
        "answers_bad_json": {
            "zh-CN": "{where}：不是有效的 JSON（{message}）",
            "en": "{where}: not valid JSON: {message}",
        },
        "answers_too_deep": {
            "zh-CN": "{path}：一层套一层，套得太多了，不像一个答案文件",
            "en": "{path}: nested too deeply to be an answers file",
        },
        "answers_long_number": {
            "zh-CN": "{path}：一个 {digits} 位的数字不是答案代码",
            "en": "{path}: a number of {digits} digits is not an answer code",
        },
        "answers_twice": {
            "zh-CN": "{where}：“{id}”回答了两次",
            "en": "{where}: '{id}' is answered twice",
        },
        "answers_at": {"zh-CN": "{where}：{error}", "en": "{where}: {error}"},
        "details_not_map": {
            "zh-CN": "{where}：“details”要写成“名称: 内容”的样子",
            "en": "{where}: 'details' is a mapping of field name to text",
        },
        "detail_not_text": {
            "zh-CN": "{where}：“{name}”这一项只能写文字或数字",
            "en": "{where}: detail '{name}' must be text or a number",
        },
        "detail_not_money": {
            "zh-CN": "{where}：“{name}”要写金额（元），例如 1500，现在写的是“{value}”",
            "en": "{where}: detail '{name}': '{value}' is not an amount in yuan "
            "(Enter a number, e.g. 1500)",
        },
        "detail_not_count": {
            "zh-CN": "{where}：“{name}”要写 1 或更大的整数，例如 12，现在写的是“{value}”",
            "en": "{where}: detail '{name}': '{value}' is not a whole number of 1 or more "
            "(Enter a whole number, e.g. 12)",
        },
        "detail_not_date": {
            "zh-CN": "{where}：“{name}”要写一个真实的日期，例如 2026-03-01，现在写的是“{value}”",
            "en": "{where}: detail '{name}': '{value}' is not a real date "
            "(Enter a date, e.g. 2026-03-01)",
        },
        "unknown_detail": {
            "zh-CN": "{where}：没有“{name}”这一项，已经跳过",
            "en": "{where}: unknown detail '{name}' ignored",
        },
        "draft_left_out": {
            "zh-CN": "{where}：“{id}”这份文书和这些回答对不上，没有放进去",
            "en": "{where}: draft '{id}' does not fit these answers; left out",
        },
        "drafts_not_list": {
            "zh-CN": "{where}：“drafts”要写成一列文书编号",
            "en": "{where}: 'drafts' is a list of draft ids",
        },
        "unknown_draft": {
            "zh-CN": "{where}：没有“{id}”这份文书；可以选的有：{drafts}",
            "en": "{where}: unknown draft '{id}'; drafts: {drafts}",
        },
        "takes_codes": {
            "zh-CN": "“{id}”要写成一列答案代码（可以选：{allowed}；都不选就写 []）",
            "en": "'{id}' takes a list of codes (any of: {allowed}; [] for none)",
        },
        "takes_one_code": {
            "zh-CN": "“{id}”只能写一个答案代码（从这些里选：{allowed}）",
            "en": "'{id}' takes one code (one of: {allowed})",
        },
        "unknown_code": {
            "zh-CN": "“{id}”：没有“{code}”这个答案代码；可以选的有：{allowed}",
            "en": "'{id}': unknown code '{code}'; allowed: {allowed}",
        },
        "missing_one": {
            "zh-CN": "“{id}”没有回答：请从这些里选一个：{allowed}",
            "en": "no answer for '{id}': give one of: {allowed}",
        },
        "missing_many": {
            "zh-CN": "“{id}”没有回答：请写一列，可以选：{allowed}（都不选就写 []）",
            "en": "no answer for '{id}': give a list of any of: {allowed} ([] for none)",
        },
        "unknown_id": {
            "zh-CN": "{where}：没有“{id}”这个问题，已经跳过",
            "en": "{where}: unknown question id '{id}' ignored",
        },
    }
)


def problem(key: str, /, **values: object) -> AnswersError:
    """An `AnswersError` for the problem `key`, its message the English text of `key`;
    a value that is itself an `AnswersError` is said in the same language."""
    return AnswersError(said_as(key, "en", values), key, values)


def said_as(key: str, lang: str, values: Mapping[str, object]) -> str:
    inner = {k: said(v, lang) if isinstance(v, AnswersError) else v for k, v in values.items()}
    return WORDS.say(key, lang, **inner)


def said(error: AnswersError, lang: str) -> str:
    """The error in `lang` where it names its problem, else its English line."""
    return said_as(error.key, lang, error.values) if error.key else str(error)


def localized(error: AnswersError, lang: str) -> AnswersError:
    """The same problem, said in `lang` (an error without a key is left as it is)."""
    if not error.key:
        return error
    return AnswersError(said(error, lang), error.key, error.values)


def all_keys() -> Mapping[str, Mapping[str, str]]:
    """Every text, for the test that none lacks a language."""
    return WORDS.entries
