"""The page's data is packed so that it says each thing once (`web/pack.py`), and the
page unpacks it (`assets/packed.js`) into exactly the document its scripts read."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from overdue_guide.base import places
from overdue_guide.base.i18n import LANGS
from overdue_guide.flow.model import Catalog, Flow
from overdue_guide.web.build import page_data
from overdue_guide.web.pack import Unpackable, by_character, pack, tw_table

from .webpage import phone

#: A short table for the examples: 门 → 門, 说 → 說, 话 → 話.
TABLE = "门門说說话話"


def folded(data: Any) -> Any:
    """The packed tree of `data` (its strings left out)."""
    return pack(data, LANGS)["data"]


def test_what_reads_the_same_in_every_language_is_stored_once() -> None:
    data = {
        "t": {
            "zh-CN": {"id": "q1", "n": 3},
            "zh-TW": {"id": "q1", "n": 3},
            "en": {"id": "q1", "n": 3},
        }
    }
    assert folded(data) == {"t": {"@langs": {"id": "q1", "n": 3}}}


def test_only_the_values_that_differ_are_stored_per_language() -> None:
    data = {
        "zh-CN": {"code": "a", "label": "别开门"},
        "zh-TW": {"code": "a", "label": "別開門咯"},
        "en": {"code": "a", "label": "Keep the door shut"},
    }
    assert folded(data) == {
        "@langs": {"code": "a", "label": {"@": ["别开门", "別開門咯", "Keep the door shut"]}}
    }


def test_a_zh_tw_text_the_page_s_own_table_converts_exactly_is_left_out() -> None:
    data = {"zh-CN": "门开了", "zh-TW": "門開了", "en": "The door opened"}
    assert folded(data) == {"@langs": {"@": ["门开了", None, "The door opened"]}}


def test_an_english_value_equal_to_the_chinese_is_left_out() -> None:
    data = {
        "zh-CN": ["《民法典》", "门"],
        "zh-TW": ["《民法典》", "門"],
        "en": ["《民法典》", "door"],
    }
    assert folded(data) == {"@langs": ["《民法典》", {"@": ["门", None, "door"]}]}


def test_a_string_used_twice_is_stored_once_and_referred_to() -> None:
    quote = "使用者应仔细检查这些证件是不是真实有效"
    packed = pack({"a": {"quote": quote}, "b": [quote, "short", "short"]}, LANGS)
    assert packed["strings"] == [quote]
    assert packed["data"] == {"a": {"quote": {"$": 0}}, "b": [{"$": 0}, "short", "short"]}


def test_a_key_that_is_a_marker_is_refused() -> None:
    with pytest.raises(Unpackable):
        pack({"x": {"$": 1}}, LANGS)


def test_a_value_missing_in_one_language_only_is_refused() -> None:
    with pytest.raises(Unpackable):
        pack({"zh-CN": "门", "zh-TW": None, "en": "door"}, LANGS)


def test_the_page_s_table_converts_one_character_at_a_time() -> None:
    assert by_character(TABLE)("说话的门口") == "說話的門口"


def test_the_page_s_table_holds_the_characters_traditional_changes_alone() -> None:
    pairs = tw_table()
    table = {pairs[i]: pairs[i + 1] for i in range(0, len(pairs), 2)}
    assert table["门"] == "門" and table["签"] == "簽" and table["籤"] == "簽"
    assert "的" not in table


UNPACKED = """() => Page.data()"""


def test_the_page_unpacks_exactly_the_document_its_scripts_read(
    browser: Any, web_page: Path, main_flow: Flow, catalog: Catalog
) -> None:
    expected = json.loads(
        json.dumps(page_data(main_flow, catalog, places.shipped_dir() / "main.yaml"))
    )
    with phone(browser, web_page) as opened:
        found = opened.page.evaluate(UNPACKED)
    assert found == expected


def test_the_page_carries_its_data_packed(web_page: Path) -> None:
    block = re.search(r'id="guide-data">(.*?)</script>', web_page.read_text("utf-8"), re.S)
    assert block is not None
    packed = json.loads(block.group(1))
    assert list(packed) == ["langs", "tw", "strings", "data"]
    assert packed["langs"] == list(LANGS)
