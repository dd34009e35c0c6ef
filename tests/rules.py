"""The rules the main flow's advice keeps, each a `reduction.Rule` held on every path.

A rule is data: a condition on the answers (the flow's own condition objects) and the
items it needs or forbids. Sets of items defined by what they say (the home door, paying,
the court's deadline) are read from the flow's own words, so a new item that says such a
thing is held to the rule without anyone listing it.
"""

from __future__ import annotations

from collections.abc import Iterable

from overdue_guide.flow.model import NOWHERE, AllOf, AnyOf, Condition, Flow, Includes, Is, Not

from .reduction import Rule

# --- conditions, written as in a flow file -------------------------------------------------


def is_(question: str, *codes: str) -> Is:
    return Is(question, codes, NOWHERE)


def has(question: str, *codes: str) -> Includes:
    return Includes(question, codes, False, NOWHERE)


def all_(*terms: Condition) -> AllOf:
    return AllOf(terms, NOWHERE)


def any_(*terms: Condition) -> AnyOf:
    return AnyOf(terms, NOWHERE)


def not_(term: Condition) -> Not:
    return Not(term, NOWHERE)


HERE = is_("visitor_arrived", "now")
HOME, WORK = is_("visit_place", "home"), is_("visit_place", "workplace")
BORROWER = is_("user_role", "borrower")
OFFICIAL = is_("authority_claimed", "official")
DANGER_HERE = any_(
    is_("feel_safe", "no"), has("misconduct", "threats", "violence", "refuses_to_leave"), OFFICIAL
)
COMING_TODAY = is_("visit_when", "today")
PAID_A_PERSON = is_("paid_to_person", "yes")
#: Someone here or coming today, or money at stake: the only causes for a `now` item.
CAUSE_FOR_NOW = any_(
    HERE, COMING_TODAY, has("misconduct", "personal_account", "fake_authority"), PAID_A_PERSON
)
CONTACTS = has("others_contacted", "emergency_contact", "family", "friends_colleagues")
#: What the police act on: threats, violence, insults, private information made public.
POLICE_MATTERS = ("threats", "violence", "insults", "public_post")

# --- sets of items, by what they say --------------------------------------------------------

#: Items that keep a door shut or speak through it: only with someone here now.
AT_THE_DOOR = frozenset(
    {"safety_110", "safety_110_work", "door_closed", "workplace_now", "check_credentials"}
    | {"note_visitor", "record_now"}
)
#: Items for a visit still to come, which read wrong while someone stands there.
NOT_HERE = frozenset(
    {"know_visit_rules", "read_before_signing", "verify_with_95188", "workplace_rules"}
    | {"visit_today_home", "visit_today_work", "ask_authorization"}
)
#: The borrower's own items: paying, the bill, their credit record, their relatives.
PAYER = frozenset(
    {"ask_installments", "make_a_plan", "explain_hardship", "pay_in_full", "already_paid"}
    | {"nothing_to_pay", "fee_cap", "dispute_amount", "check_bill_in_app", "credit_report"}
    | {"stay_reachable", "contacts_limits", "co_borrower_talk"}
)
#: Words of the home door, in both languages: never on a workplace path.
HOME_DOOR_WORDS = (
    *("隔着门", "开门", "猫眼", "门缝", "屋里", "进你家", "进门", "你家", "我家", "家门"),
    *("door", "peephole", "your home", "my home", "indoors"),
)
#: Words that ask for instalments or promise payment: never to a spouse or relative.
PAYING_WORDS = (
    *("分期", "愿意还", "一次还清", "还款计划", "我来还款"),
    *("instalment", "willing to pay", "want to pay", "pay it all", "repayment plan"),
)
#: Words that tell the reader to repay, or speak to them as the one who owes: never to
#: someone who owes nothing here (a spouse, a relative, a borrower who has repaid).
#: Told to repay, or that settling sooner helps, as if the loan were still theirs to settle.
REPAY_WORDS = ("要还款", "To repay,", "。越早还清", "The sooner you settle")
ACCOUNT_HOLDER_WORDS = ("传票叫你", "在支付宝 App 里看账单", "check your bill")
#: A lawsuit spoken of as still to come: wrong once papers or a judgment have arrived.
SUIT_TO_COME_WORDS = ("可能去法院起诉", "可能起诉", "might sue")
#: Earlier threats taken as given: only where the answers say there were threats.
THREATS_GIVEN_WORDS = ("之前威胁过你的", "of earlier threats")
#: Items that never belong in one checklist together.
CONTRADICTIONS = (
    ("pay_in_full", "ask_installments"),
    ("pay_in_full", "already_paid"),
    ("fake_authority", "lawyer_letter"),
    ("dispute_amount", "check_bill_in_app"),
    ("door_closed", "know_visit_rules"),
    ("door_closed", "workplace_now"),
    ("safety_110", "safety_110_work"),
    ("make_a_plan", "nothing_to_pay"),
    ("contacts_limits", "relative_owes_nothing"),
    ("spouse_debt", "relative_owes_nothing"),
)


def saying(flow: Flow, words: Iterable[str]) -> frozenset[str]:
    """The items whose text or detail, in either language, says one of `words`."""
    found = set()
    for item in flow.items.values():
        said = " ".join(t.get(lang) for t in (item.text, item.detail) for lang in ("zh-CN", "en"))
        if any(word in said for word in words):
            found.add(item.id)
    return frozenset(found)


def with_urgency(flow: Flow, urgency: str, among: Iterable[str] | None = None) -> frozenset[str]:
    ids = flow.items if among is None else among
    return frozenset(i for i in ids if flow.items[i].urgency == urgency)


def court_deadline(flow: Flow) -> frozenset[str]:
    """`today` items that name the courts' number 12368 or the 15 days to act."""
    return with_urgency(flow, "today", saying(flow, ("12368", "15 天", "15 days")))


# --- the rules --------------------------------------------------------------------------------

NOW, TODAY, WEEK, LATER = "now", "today", "this_week", "later"


def rules(flow: Flow) -> dict[str, Rule]:
    """Every rule, by name (the name of its test)."""
    found = {
        "at_home_the_door_stance_is_now": Rule(
            "Someone at the home door now: door shut, record, pay no one, check who they are.",
            all_(HERE, HOME),
            {"door_closed": NOW, "record_now": NOW, "pay_official_only": NOW},
            frozenset({"check_credentials", "note_visitor"}),
        ),
        "at_work_the_workplace_stance_is_now": Rule(
            "Someone at the workplace now: ask them to leave, record, pay no one — all now.",
            all_(HERE, WORK),
            {"workplace_now": NOW, "record_now": NOW, "pay_official_only": NOW},
        ),
        "danger_at_home_means_110_first": Rule(
            "Danger at the home door: 110, now.", all_(HERE, HOME, DANGER_HERE), {"safety_110": NOW}
        ),
        "danger_at_work_means_110_first": Rule(
            "Danger at the workplace: 110, now.",
            all_(HERE, WORK, DANGER_HERE),
            {"safety_110_work": NOW},
        ),
        "nobody_here_is_told_to_keep_a_door_shut": Rule(
            "Door items only with someone here now.", not_(HERE), never=AT_THE_DOOR
        ),
        "someone_here_gets_no_items_for_later": Rule(
            "'When they come' items never while they are here.", HERE, never=NOT_HERE
        ),
        "a_workplace_path_never_speaks_of_the_home_door": Rule(
            "On a workplace path no item speaks of the home door.",
            WORK,
            never=saying(flow, HOME_DOOR_WORDS),
        ),
        "a_visit_to_come_at_work_gets_the_workplace_words": Rule(
            "A visit before or announced, at work: what to do there.",
            all_(is_("visitor_arrived", "earlier", "announced"), WORK),
            {"workplace_rules": TODAY},
        ),
        "a_visit_announced_for_today_has_something_to_do_now": Rule(
            "A visit announced for today: something to do now.",
            COMING_TODAY,
            needs_one=with_urgency(flow, NOW),
        ),
        "tonight_at_home_means_getting_ready_now": Rule(
            "Tonight, at home: get ready now.", all_(COMING_TODAY, HOME), {"visit_today_home": NOW}
        ),
        "today_at_work_means_getting_ready_now": Rule(
            "Today, at work: get ready now.", all_(COMING_TODAY, WORK), {"visit_today_work": NOW}
        ),
        "only_an_id_at_a_visit_means_asking_for_the_authorization": Rule(
            "Only an ID shown at an earlier visit: ask for the written authorisation next time.",
            all_(is_("visitor_arrived", "earlier"), is_("credentials_shown", "id_only")),
            {"ask_authorization": TODAY},
        ),
        "danger_goes_to_the_police_with_evidence": Rule(
            "Threats, violence, insults, posts in public: police and evidence, today.",
            has("misconduct", *POLICE_MATTERS),
            {"report_police": TODAY, "keep_evidence": TODAY},
        ),
        "one_contact_told_means_the_complaint_not_the_police": Rule(
            "Others told of the debt, and nothing for the police: the complaint, not the police.",
            all_(
                has("misconduct", "told_others"),
                not_(has("misconduct", *POLICE_MATTERS, "refuses_to_leave")),
                not_(OFFICIAL),
            ),
            {"report_12378": WEEK},
            never=frozenset({"report_police"}),
        ),
        "past_violence_means_a_doctor_and_photographs": Rule(
            "Violence: a doctor, photographs, witnesses.",
            has("misconduct", "violence"),
            {"after_violence": TODAY},
        ),
        "public_posts_go_to_the_police": Rule(
            "Posts in a group, online or to the contact list: screenshots, police, complaint.",
            has("misconduct", "public_post"),
            {"posted_publicly": TODAY, "report_police": TODAY, "report_12378": WEEK},
        ),
        "too_many_calls_means_the_call_log": Rule(
            "Too many calls: the call log and a complaint.",
            has("misconduct", "too_many_calls"),
            {"call_count": TODAY},
        ),
        "pushed_to_a_new_loan_means_not_borrowing": Rule(
            "Pushed to a new loan: do not borrow to repay.",
            has("misconduct", "new_loan"),
            {"no_new_loan": TODAY},
        ),
        "threats_are_answered_with_the_civil_matter": Rule(
            "Threats or a claim of authority: not being able to repay is not in itself a crime.",
            any_(has("misconduct", "threats"), OFFICIAL),
            {"civil_matter": TODAY},
        ),
        "a_claimed_official_means_110_and_the_police": Rule(
            "Police or a court claimed: check with 110, report, pay no one, complain.",
            OFFICIAL,
            {"fake_authority": TODAY, "report_police": TODAY, "pay_official_only": NOW}
            | {"keep_evidence": TODAY, "report_12378": WEEK},
        ),
        "a_claimed_lawyer_is_lawful_but_paid_nothing": Rule(
            "A lawyer: lawful, no power; pay no one.",
            is_("authority_claimed", "lawyer"),
            {"lawyer_letter": TODAY, "pay_official_only": NOW},
        ),
        "no_claim_no_authority_items": Rule(
            "No claim of authority: no items about one.",
            not_(has("misconduct", "fake_authority")),
            never=frozenset({"fake_authority", "lawyer_letter"}),
        ),
        "money_paid_to_a_person_comes_first": Rule(
            "Money paid to a person: 110 and the bank, now (and first: see the order test);"
            " and no more money to anyone but through the app, now.",
            PAID_A_PERSON,
            {"paid_report": NOW, "pay_official_only": NOW, "keep_evidence": TODAY},
        ),
        "no_money_paid_no_paid_report": Rule(
            "No money paid to a person: no such item.",
            not_(PAID_A_PERSON),
            never=frozenset({"paid_report"}),
        ),
        "a_personal_account_means_paying_only_officially": Rule(
            "Asked to pay a person, or someone claiming authority: pay only in the app, now.",
            has("misconduct", "personal_account", "fake_authority"),
            {"pay_official_only": NOW},
        ),
        "nothing_is_urgent_now_without_cause": Rule(
            "Nothing is 'now' without someone here or coming today, or money at stake.",
            not_(CAUSE_FOR_NOW),
            never=with_urgency(flow, NOW),
        ),
        "a_different_amount_goes_by_the_app": Rule(
            "The amount differs: the app's bill decides.",
            is_("amount_checked", "differs"),
            {"dispute_amount": TODAY},
        ),
        "an_unchecked_amount_is_checked_in_the_app": Rule(
            "Not checked: look at the bill in the app.",
            is_("amount_checked", "not_checked"),
            {"check_bill_in_app": TODAY},
        ),
        "high_charges_bring_the_fee_check": Rule(
            "Charges look high: the fee item, today.",
            is_("amount_checked", "fees_high"),
            {"fee_cap": TODAY},
        ),
        "the_fee_item_only_when_charges_look_high": Rule(
            "The fee item only when the charges look high.",
            not_(is_("amount_checked", "fees_high")),
            never=frozenset({"fee_cap"}),
        ),
        "contacts_learn_what_they_may_be_told_today": Rule(
            "The borrower's relatives or colleagues called: what they owe and may be told, evidence.",
            all_(BORROWER, any_(CONTACTS, has("misconduct", "told_others"))),
            {"contacts_limits": TODAY, "keep_evidence": TODAY},
        ),
        "no_contacts_item_without_contacts": Rule(
            "The contacts item only for a borrower whose contacts were reached.",
            not_(all_(BORROWER, any_(CONTACTS, has("misconduct", "told_others")))),
            never=frozenset({"contacts_limits"}),
        ),
        "a_co_borrower_plans_together_today": Rule(
            "A co-borrower called: plan together, today.",
            all_(BORROWER, has("others_contacted", "co_borrower")),
            {"co_borrower_talk": TODAY},
        ),
        "no_co_borrower_item_without_one": Rule(
            "The co-borrower item only for a borrower whose co-borrower was called.",
            not_(all_(BORROWER, has("others_contacted", "co_borrower"))),
            never=frozenset({"co_borrower_talk"}),
        ),
        "employer_or_neighbours_told_means_a_complaint": Rule(
            "The employer or neighbours told: disclosure, evidence, complaint.",
            has("others_contacted", "employer", "neighbours"),
            {"disclosure": TODAY, "keep_evidence": TODAY, "report_12378": WEEK},
        ),
        "a_relative_owes_nothing_and_helps_the_borrower": Rule(
            "A relative: owes nothing (R23), helps the borrower use the official channels.",
            is_("user_role", "relative"),
            {"relative_owes_nothing": TODAY, "help_borrower": TODAY},
        ),
        "a_spouse_learns_when_the_debt_is_shared": Rule(
            "A spouse: when the debt is shared (R23), help the borrower.",
            is_("user_role", "spouse"),
            {"spouse_debt": TODAY, "help_borrower": TODAY},
        ),
        "a_spouse_or_relative_is_never_told_to_pay": Rule(
            "Nothing tells a spouse or relative to pay, to ask for instalments or to promise payment.",
            not_(BORROWER),
            never=PAYER | saying(flow, PAYING_WORDS),
        ),
        "nobody_who_owes_nothing_here_is_told_to_repay": Rule(
            "A spouse, a relative or a borrower who has repaid: no item says 'to repay, …'.",
            any_(not_(BORROWER), is_("can_pay_full", "already_paid")),
            never=saying(flow, REPAY_WORDS),
        ),
        "a_spouse_or_relative_is_not_addressed_as_the_account_holder": Rule(
            "A spouse or relative: no item speaks of their bill or their summons.",
            not_(BORROWER),
            never=saying(flow, ACCOUNT_HOLDER_WORDS),
        ),
        "papers_or_a_judgment_never_hear_that_a_suit_may_come": Rule(
            "Court papers or a judgment: the lawsuit is not spoken of as still to come.",
            is_("court_notice", "papers", "judgment"),
            never=saying(flow, SUIT_TO_COME_WORDS),
        ),
        "after_danger_nothing_says_visits_follow_being_unreachable": Rule(
            "Threats, violence, refusing to leave, a claimed official or fear: no item that"
            " could read as 'they came because you could not be reached'; the police come first.",
            DANGER_HERE,
            never=frozenset({"stay_reachable"}),
        ),
        "earlier_threats_only_where_there_were_threats": Rule(
            "No item takes earlier threats as given where the answers name none.",
            not_(has("misconduct", "threats")),
            never=saying(flow, THREATS_GIVEN_WORDS),
        ),
        "word_of_a_court_case_names_12368_or_the_15_days_today": Rule(
            "A court message, papers or a judgment: a today item naming 12368 or the 15 days.",
            is_("court_notice", "message", "papers", "judgment"),
            needs_one=court_deadline(flow),
        ),
        "a_court_message_is_checked_not_clicked": Rule(
            "A message about a lawsuit: check it with 12368.",
            is_("court_notice", "message"),
            {"court_message": TODAY},
        ),
        "court_papers_are_answered_in_15_days": Rule(
            "Court papers: 15 days, mediation and the 24 % line, a civil case.",
            is_("court_notice", "papers"),
            {"court_papers": TODAY, "in_court": WEEK, "civil_matter": TODAY},
        ),
        "a_judgment_may_be_appealed_in_15_days": Rule(
            "A judgment: appeal, the list is for refusing.",
            is_("court_notice", "judgment"),
            {"court_judgment": TODAY, "civil_matter": TODAY},
        ),
        "paying_in_full_in_the_app_with_proof": Rule(
            "Paying in full: in the app, with proof and the credit report.",
            is_("can_pay_full", "yes"),
            {"pay_in_full": TODAY, "credit_report": LATER},
            never=frozenset({"ask_installments", "already_paid", "nothing_to_pay"}),
        ),
        "already_paid_never_gets_pay_it_all": Rule(
            "Already repaid: never 'pay it all' nor 'stay reachable' for the collection;"
            " proof of settlement, a complaint, the credit report.",
            is_("can_pay_full", "already_paid"),
            {"already_paid": TODAY, "report_12378": WEEK, "credit_report": LATER},
            never=frozenset({"pay_in_full", "ask_installments", "make_a_plan", "stay_reachable"}),
        ),
        "not_paying_in_full_means_instalments_and_no_agents": Rule(
            "Cannot pay in full: instalments or a deferral, no paid agents.",
            is_("can_pay_full", "no"),
            {"ask_installments": TODAY, "beware_debt_agents": TODAY},
            never=frozenset({"pay_in_full", "already_paid"}),
        ),
        "paying_some_means_a_plan": Rule(
            "Some each month: a written plan.", is_("can_pay_some", "some"), {"make_a_plan": TODAY}
        ),
        "nothing_to_pay_means_what_happens_next": Rule(
            "Nothing at all: what happens next, no new loans, no plan of payments.",
            is_("can_pay_some", "nothing"),
            {"nothing_to_pay": TODAY, "no_new_loan": TODAY},
            never=frozenset({"make_a_plan"}),
        ),
        "a_setback_is_explained": Rule(
            "A setback: explained to customer service.",
            is_("hardship", "job_loss", "illness", "other"),
            {"explain_hardship": TODAY},
        ),
        "no_setback_no_explaining": Rule(
            "No setback: nothing to explain.",
            not_(is_("hardship", "job_loss", "illness", "other")),
            never=frozenset({"explain_hardship"}),
        ),
        "a_paid_agent_means_110_and_12315": Rule(
            "A paid agent: 110, 12315, stop their access.",
            is_("debt_agent", "paid"),
            {"agent_paid": TODAY, "keep_evidence": TODAY},
        ),
        "an_agent_in_touch_is_warned_against": Rule(
            "In touch with an agent: the warning.",
            is_("debt_agent", "contacted"),
            {"beware_debt_agents": TODAY},
        ),
    }
    for code in flow.questions["misconduct"].codes:
        if code != "fake_authority":
            found[f"{code}_means_evidence_and_a_complaint"] = Rule(
                "Any misconduct: keep evidence and complain.",
                has("misconduct", code),
                {"keep_evidence": TODAY, "report_12378": WEEK},
            )
    for pair in CONTRADICTIONS:
        found[f"never_both_{pair[0]}_and_{pair[1]}"] = Rule(
            "No two items that contradict each other.", not_together=(frozenset(pair),)
        )
    return found
