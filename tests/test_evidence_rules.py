"""Flags from flows/evidence_rules.yaml: at the edges of the night, of a day, of a count."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from overdue_guide.base import places
from overdue_guide.content import check
from overdue_guide.errors import FlowError
from overdue_guide.evidence import flags, rules
from overdue_guide.evidence.model import Entry, ThirdParty, zone_info

from .helpers import run_cli, write

RULES = rules.load()


def entry(local: str, zone: str = "Asia/Shanghai", n: int = 1, **fields: object) -> Entry:
    moment = datetime.fromisoformat(local).replace(tzinfo=zone_info(zone))
    values: dict[str, object] = {"channel": "call", "direction": "in", **fields}
    return Entry(at=moment.astimezone(timezone.utc), zone=zone, id=n, **values)  # type: ignore[arg-type]


def codes(*entries: Entry) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for flag in flags.evaluate(entries, RULES):
        found.setdefault(flag.entry, []).append(flag.code)
    return found


@pytest.mark.parametrize(
    ("time", "night"),
    [
        ("21:59", False),
        ("22:00", True),
        ("23:59", True),
        ("00:00", True),
        ("07:59", True),
        ("08:00", False),
    ],
)
def test_night_hours_are_22_00_to_08_00_in_the_zone_entered(time: str, night: bool) -> None:
    flagged = codes(entry(f"2026-11-20T{time}"))
    assert ("night_hours" in flagged.get(1, [])) is night


def test_the_same_moment_entered_in_another_zone_is_judged_in_that_zone() -> None:
    # 22:30 in Shanghai is 14:30 UTC: daytime for someone who entered it in UTC.
    shanghai = entry("2026-11-20T22:30")
    as_utc = Entry(at=shanghai.at, zone="UTC", channel="call", id=2)
    assert codes(shanghai, as_utc) == {1: ["night_hours"]}


def test_a_call_the_person_made_at_night_is_not_flagged() -> None:
    assert codes(entry("2026-11-20T23:00", direction="out")) == {}


def test_the_sixth_call_of_a_day_to_one_number_is_allowed_and_the_seventh_flagged() -> None:
    calls = [entry(f"2026-11-20T{9 + i:02d}:00", n=i + 1, number="95188") for i in range(7)]
    flagged = codes(*calls)
    assert 6 not in flagged
    assert flagged[7] == ["call_frequency"]


def test_calls_either_side_of_midnight_count_on_their_own_days() -> None:
    before = [entry(f"2026-11-20T21:{i:02d}", n=i + 1, number="95188") for i in range(4)]
    after = [entry(f"2026-11-21T08:{i:02d}", n=i + 10, number="95 188") for i in range(4)]
    assert "call_frequency" not in str(codes(*before, *after))


def test_calls_are_counted_per_number() -> None:
    calls = [entry(f"2026-11-20T1{i}:00", n=i + 1, number=f"9518{i % 2}") for i in range(8)]
    assert codes(*calls) == {}


def test_the_count_is_per_local_day_of_the_zone_entered() -> None:
    # 07:00 on the 21st in Shanghai is still the 20th in UTC: seven calls, but on two days.
    calls = [entry(f"2026-11-20T{10 + i}:00", n=i + 1, number="1") for i in range(6)]
    calls.append(entry("2026-11-21T07:00", n=7, number="1"))
    assert codes(*calls) == {7: ["night_hours"]}


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"third_parties": (ThirdParty("妈妈", "他欠了钱"),)}, "third_party_disclosure"),
        ({"identified": False}, "no_institution"),
        ({"impersonated": ("court",)}, "impersonation"),
        ({"threats": ("violence",)}, "threat"),
        ({"personal_account": True}, "personal_account"),
        ({"said": "转到我的个人账户就行"}, "personal_account"),
        ({"said": "Pay to my Personal Account"}, "personal_account"),
    ],
)
def test_each_field_rule_raises_its_flag(fields: dict[str, object], code: str) -> None:
    assert codes(entry("2026-11-20T10:00", **fields)) == {1: [code]}


def test_a_third_party_asked_only_for_contact_details_raises_no_flag() -> None:
    assert codes(entry("2026-11-20T10:00", third_parties=(ThirdParty("同事"),))) == {}


def test_posing_as_police_cites_both_the_regulation_and_the_criminal_law() -> None:
    raised = flags.evaluate([entry("2026-11-20T10:00", impersonated=("police",))], RULES)
    assert [(f.code, f.reference) for f in raised] == [
        ("impersonation", "R02"),
        ("impersonation", "R11"),
    ]


def test_posing_as_a_lawyer_is_kept_but_not_flagged() -> None:
    assert codes(entry("2026-11-20T10:00", impersonated=("lawyer",))) == {}


def test_the_shipped_rules_file_is_checked_by_flows_check_without_findings() -> None:
    assert rules.check_file(places.shipped_dir() / rules.FILE_NAME) == []
    assert rules.FILE_NAME in check.DATA_FILES


def test_every_rule_cites_a_reference_of_the_sources_file(catalog: object) -> None:
    for rule in RULES.rules:
        assert rule.reference in catalog.references  # type: ignore[attr-defined]


BROKEN = """\
version: 1
rules:
  - code: night_hours
    reference: R04
    night: {from: "25:00", until: "08:00"}
  - code: loud_music
    reference: R04
    any: [{field: said, is: set}]
  - code: threat
    reference: R999
    any: [{field: mood, is: set}]
  - code: threat
    reference: R12
    channels: [fax]
    colour: red
    any: [{field: threats, is: set}]
"""


def test_a_broken_rules_file_gives_a_located_finding_for_each_problem(tmp_path: Path) -> None:
    write(tmp_path, "sources.yaml", (places.shipped_dir() / "sources.yaml").read_text("utf-8"))
    path = write(tmp_path, rules.FILE_NAME, BROKEN)
    found = {(f.line, f.code) for f in rules.check_file(path)}
    assert found == {
        (5, "rules-bad-time"),
        (6, "rules-unknown-code"),
        (11, "rules-unknown-field"),
        (10, "rules-unknown-reference"),
        (14, "rules-bad-value"),
        (15, "rules-unknown-key"),
    }
    with pytest.raises(FlowError):
        rules.load(path)


def test_flows_check_reports_a_broken_rules_file_and_exits_1(tmp_path: Path) -> None:
    write(tmp_path, "sources.yaml", (places.shipped_dir() / "sources.yaml").read_text("utf-8"))
    write(tmp_path, rules.FILE_NAME, BROKEN)
    result = run_cli("flows", "check", "--no-cache", str(tmp_path / rules.FILE_NAME))
    assert result.returncode == 1
    assert f"{tmp_path / rules.FILE_NAME}:5:" in result.stdout
    assert "rules-unknown-code" in result.stdout


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "rules-missing-field"),
        ("version: 2\nrules: []\n", "rules-version"),
        ("version: 1\nrules:\n  - code: threat\n    reference: R12\n", "rules-missing-field"),
        ("version: 1\nrules: [\n", "yaml-syntax"),
    ],
)
def test_rules_files_without_a_usable_shape_are_findings(
    tmp_path: Path, text: str, code: str
) -> None:
    path = write(tmp_path, rules.FILE_NAME, text)
    assert code in {f.code for f in rules.parse(path)[1]}


def test_the_items_after_which_the_log_is_offered_are_items_of_the_main_flow(
    main_flow: object,
) -> None:
    from overdue_guide import evidence

    assert set(main_flow.items) >= evidence.OFFER_AFTER_ITEMS  # type: ignore[attr-defined]
    assert evidence.worth_offering(["safety_110", "keep_evidence"])
    assert not evidence.worth_offering(["pay_in_full"])


def test_someone_told_to_record_a_visit_now_is_offered_the_log() -> None:
    """Afraid at the door with no papers shown: no `keep_evidence` yet, but a recording."""
    from overdue_guide import evidence

    assert evidence.worth_offering(["safety_110", "door_closed", "record_now", "pay_in_full"])


def test_the_menu_after_the_interview_offers_the_log_when_there_is_evidence_to_keep(
    main_flow: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from types import SimpleNamespace

    from overdue_guide import evidence
    from overdue_guide.session import menu as nextsteps

    logged: list[str] = []
    monkeypatch.setattr(evidence, "interactive_add", lambda lang, leave: logged.append(lang))

    def menus(item: str) -> list[list[str]]:
        view = SimpleNamespace(groups=[SimpleNamespace(lines=[SimpleNamespace(id=item)])])
        context = nextsteps.Context("en", main_flow, {}, view, {}, None, file_given=True)  # type: ignore[arg-type]
        offered: list[list[str]] = []
        replies = iter(["log", "done"])

        def choose(choices: list[tuple[str, str]], point: str | None) -> str | None:
            offered.append([key for _, key in choices])
            return next(replies)

        nextsteps.run(context, choose)
        return offered

    assert menus("keep_evidence")[0] == ["log", "done"]
    assert logged == ["en"]
    assert menus("pay_in_full")[0] == ["done"]


#: A rules file's window that does not cross midnight: a nap from 13:00 until 14:00.
NAP = rules.Rules((rules.Rule("night_hours", "R04", night=(13 * 60, 14 * 60)),))


@pytest.mark.parametrize(
    ("time", "inside"),
    [("12:59", False), ("13:00", True), ("13:59", True), ("14:00", False), ("23:00", False)],
)
def test_a_window_within_one_day_runs_from_its_start_until_its_end(time: str, inside: bool) -> None:
    raised = flags.evaluate([entry(f"2026-11-20T{time}")], NAP)
    assert (raised == [flags.Flag(1, "night_hours", "R04")]) is inside


def test_a_rule_for_some_channels_and_directions_skips_the_others() -> None:
    told = rules.Test("said", words=("pay",))
    only = rules.Rules(
        (rules.Rule("threat", "R12", frozenset({"visit"}), frozenset({"out"}), any=(told,)),)
    )
    found = [
        entry("2026-11-20T10:00", n=1, channel="visit", direction="out", said="PAY now"),
        entry("2026-11-20T10:00", n=2, channel="call", direction="out", said="pay"),
        entry("2026-11-20T10:00", n=3, channel="visit", direction="in", said="pay"),
        entry("2026-11-20T10:00", n=4, channel="visit", direction=None, said="pay"),
    ]
    assert [f.entry for f in flags.evaluate(found, only)] == [1]


def test_flags_come_in_the_order_of_the_entries_and_of_the_codes() -> None:
    late = entry("2026-11-20T23:00", n=1, threats=("violence",), identified=False)
    early = entry("2026-11-20T10:00", n=2, personal_account=True)
    assert [(f.entry, f.code) for f in flags.evaluate([late, early], RULES)] == [
        (1, "night_hours"),
        (1, "no_institution"),
        (1, "threat"),
        (2, "personal_account"),
    ]


def test_a_call_with_no_number_is_not_counted() -> None:
    calls = [entry(f"2026-11-20T{10 + i}:00", n=i + 1) for i in range(8)]
    assert codes(*calls) == {}
