"""The rules the main flow's advice keeps, each a check of one path's checklist.

`walk_every_path` computes each path's checklist once and runs every rule on it,
so the exhaustive walk of the main flow (two million paths) is paid for once per
test session. Rules are plain set tests on a `Path`, to keep that walk fast.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from overdue_guide.flow.model import URGENCIES, Answer, Flow
from overdue_guide.interview import engine

from .helpers import all_paths

#: The stance at the door, all `now`: door shut, record, pay no one.
DOOR_NOW = frozenset({"door_closed", "record_now", "pay_official_only"})
CHECKING_WHO = frozenset({"check_credentials", "note_visitor"})
#: Items that tell the person to keep a door shut or speak through it: only with someone there.
AT_THE_DOOR = frozenset(
    {"safety_110", "door_closed", "check_credentials", "note_visitor", "record_now"}
)
#: Items for a visit still to come, which read wrong while someone stands at the door.
NOT_AT_THE_DOOR = frozenset({"know_visit_rules", "read_before_signing", "verify_with_95188"})
CONTACTS = frozenset({"emergency_contact", "family", "friends_colleagues"})
DANGER_AT_THE_DOOR = frozenset({"threats", "violence", "refuses_to_leave"})
POLICE_MATTERS = frozenset({"threats", "violence", "insults", "told_others"})
MONEY_AT_STAKE = frozenset({"personal_account", "fake_authority"})
#: Items that never belong in one checklist together.
CONTRADICTIONS = (
    frozenset({"pay_in_full", "ask_installments"}),
    frozenset({"fake_authority", "lawyer_letter"}),
    frozenset({"dispute_amount", "check_bill_in_app"}),
    frozenset({"door_closed", "know_visit_rules"}),
)
AMOUNT_ITEM = {"differs": "dispute_amount", "not_checked": "check_bill_in_app"}


class Path:
    """One path: its answers, its checklist's item ids in order, and those ids by urgency."""

    __slots__ = ("answers", "door", "ids", "items", "misconduct", "now", "others", "ranks", "today")

    def __init__(
        self, answers: Mapping[str, Answer], ids: tuple[str, ...], urgency: Mapping[str, str]
    ) -> None:
        self.answers = answers
        self.ids = ids
        self.items = frozenset(ids)
        self.now = frozenset(i for i in ids if urgency[i] == "now")
        self.today = frozenset(i for i in ids if urgency[i] == "today")
        self.ranks = tuple(URGENCIES.index(urgency[i]) for i in ids)
        self.misconduct = frozenset(answers["misconduct"])
        self.others = frozenset(answers["others_contacted"])
        self.door = answers["visitor_arrived"] == "now"


def _rule_door_now_stance(p: Path) -> bool:
    """Someone at the door now: door shut, record, pay no one, check who they are — all now."""
    return not p.door or (p.now >= DOOR_NOW and not CHECKING_WHO.isdisjoint(p.now))


def _rule_danger_at_the_door_puts_110_first(p: Path) -> bool:
    """At the door, with danger or a claim to be police or a court: 110 comes first."""
    danger = (
        p.answers.get("feel_safe") == "no"
        or not DANGER_AT_THE_DOOR.isdisjoint(p.misconduct)
        or p.answers.get("authority_claimed") == "official"
    )
    return not (p.door and danger) or p.ids[0] == "safety_110"


def _rule_nobody_at_the_door_is_told_to_shut_it(p: Path) -> bool:
    """Door items only with someone at the door; 'when they come' items never then."""
    return (NOT_AT_THE_DOOR if p.door else AT_THE_DOOR).isdisjoint(p.items)


def _rule_danger_goes_to_the_police_with_evidence(p: Path) -> bool:
    """Threats, violence, insults, private information spread: police and evidence, today."""
    if POLICE_MATTERS.isdisjoint(p.misconduct):
        return True
    return {"report_police", "keep_evidence"} <= p.today


def _rule_threats_are_answered_with_the_civil_matter(p: Path) -> bool:
    """Threats or a claim of authority: not being able to repay is not in itself a crime."""
    if "threats" in p.misconduct or p.answers.get("authority_claimed") == "official":
        return "civil_matter" in p.today
    return True


def _rule_claims_of_authority(p: Path) -> bool:
    """Police or a court: 110, report, 12368; a lawyer: lawful, no power; both pay no one."""
    claimed = p.answers.get("authority_claimed")
    if claimed == "official":
        return {"fake_authority", "report_police"} <= p.today and "pay_official_only" in p.now
    if claimed == "lawyer":
        return "lawyer_letter" in p.today and "pay_official_only" in p.now
    return {"fake_authority", "lawyer_letter"}.isdisjoint(p.items)


def _rule_money_paid_to_a_person_comes_first(p: Path) -> bool:
    """Money already paid to a person: 110 and the bank, at the top of the checklist."""
    if p.answers.get("paid_to_person") == "yes":
        return "paid_report" in p.now and "paid_report" in p.ids[:2] and "keep_evidence" in p.items
    return "paid_report" not in p.items


def _rule_a_personal_account_means_paying_only_officially(p: Path) -> bool:
    """Asked to pay a person, or someone claiming authority: pay only in the app, now."""
    return MONEY_AT_STAKE.isdisjoint(p.misconduct) or "pay_official_only" in p.now


def _rule_the_amount(p: Path) -> bool:
    """The bill in the app decides; the fees item only when the charges look high."""
    checked = p.answers["amount_checked"]
    wanted = AMOUNT_ITEM.get(checked)
    if wanted is not None and wanted not in p.items:
        return False
    return ("fee_cap" in p.items) == (checked == "fees_high")


def _rule_contacts_learn_what_they_may_be_told_today(p: Path) -> bool:
    """Relatives, contacts, colleagues called: today, what they owe and may be told, evidence."""
    if not CONTACTS.isdisjoint(p.others) or "told_others" in p.misconduct:
        return {"contacts_limits", "keep_evidence"} <= p.today
    return "contacts_limits" not in p.items


def _rule_a_co_borrower_plans_together_today(p: Path) -> bool:
    """A co-borrower called: plan together, today."""
    return ("co_borrower_talk" in p.today) == ("co_borrower" in p.others)


def _rule_paying(p: Path) -> bool:
    """Pay in full in the app with proof; or instalments, a plan, no paid agents."""
    if p.answers["can_pay_full"] == "yes":
        return {"pay_in_full", "credit_report"} <= p.items and "ask_installments" not in p.items
    setback = p.answers["hardship"] != "none"
    return {"ask_installments", "make_a_plan", "beware_debt_agents"} <= p.items and (
        ("explain_hardship" in p.items) == setback
    )


def _rule_misconduct_means_evidence_and_a_complaint(p: Path) -> bool:
    """Any misconduct: keep evidence and complain."""
    return not p.misconduct or {"keep_evidence", "report_12378"} <= p.items


def _rule_nothing_is_urgent_now_without_cause(p: Path) -> bool:
    """Nothing is 'now' unless someone is at the door or money is at stake."""
    return p.door or not MONEY_AT_STAKE.isdisjoint(p.misconduct) or not p.now


def _rule_no_two_items_contradict(p: Path) -> bool:
    """No pair of items that contradict each other."""
    return not any(pair <= p.items for pair in CONTRADICTIONS)


def _rule_ordered_short_and_safety_first(p: Path) -> bool:
    """Most urgent first, 1 to 20 items, the 110 item first when there is one."""
    in_order = list(p.ranks) == sorted(p.ranks)
    safety_first = "safety_110" not in p.items or p.ids[0] == "safety_110"
    return in_order and 1 <= len(p.ids) <= 20 and safety_first


RULES: dict[str, Callable[[Path], bool]] = {
    name.removeprefix("_rule_"): rule
    for name, rule in globals().items()
    if name.startswith("_rule_")
}


@dataclass
class Verdicts:
    """What the walk found: paths walked, and for each rule, some paths that broke it."""

    paths: int = 0
    broken: dict[str, list[dict[str, object]]] = field(default_factory=dict)


def walk_every_path(flow: Flow) -> Verdicts:
    """Every path of `flow` once: its checklist computed once, every rule run on it."""
    urgency = {item.id: item.urgency for item in flow.items.values()}
    verdicts = Verdicts(broken={name: [] for name in RULES})
    rules = list(RULES.items())
    for answers in all_paths(flow):
        path = Path(answers, tuple(i.id for i in engine.checklist(flow, answers).items), urgency)
        verdicts.paths += 1
        for name, rule in rules:
            if not rule(path) and len(verdicts.broken[name]) < 3:
                verdicts.broken[name].append({"answers": dict(answers), "items": path.ids})
    return verdicts
