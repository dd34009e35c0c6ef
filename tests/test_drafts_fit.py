"""Every draft fits its path: offered only where it fits, saying only what the answers support.

Each invariant is checked on every distinct combination of answers that the draft's
conditions, and the invariant's own reads, can tell apart (`paths.situations`), with no
detail, with every detail, and with details that leave nothing of the income: so it holds
on every path of the main flow.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import pytest

from overdue_guide.drafts import fields
from overdue_guide.drafts.model import DraftSet, Paragraph
from overdue_guide.drafts.paths import codes_named, situations
from overdue_guide.drafts.render import Rendered, facts, field_value, offered, render
from overdue_guide.flow.conditions import evaluate, leaves
from overdue_guide.flow.model import (
    Answer,
    Condition,
    Flow,
)
from overdue_guide.interview import engine

from .helpers import polar_leaves
from .rules import HOME_DOOR_WORDS, PAYING_WORDS
from .test_drafts import NO_MONEY_LEFT, SAMPLE

#: The three sets of details every draft is rendered with.
DETAILS = ({}, SAMPLE, {**SAMPLE, **NO_MONEY_LEFT})
#: Answers that give something to complain of (the complaint's own condition, written out).
COMPLAINED_OF = ("threats", "violence", "insults", "refuses_to_leave", "night_visit",
                 "personal_account", "told_others", "too_many_calls", "new_loan", "public_post")  # fmt: skip
#: What the police act on: threats, violence, insults, refusing to leave, posts in public.
POLICE_ACT_ON = ("threats", "violence", "insults", "refuses_to_leave", "public_post")

#: Words by which a letter or script says its sender pays.
SAYS_I_PAY = ("我只在支付宝 App 里还款", "我愿意还", "I pay only inside", "I want to repay")

Answers = Mapping[str, Answer]


_DONE: dict[
    tuple[str, str, tuple[str, ...], bool], list[tuple[Answers, Mapping[str, str], Rendered]]
] = {}


def everywhere(
    drafts: DraftSet,
    flow: Flow,
    draft_id: str,
    reads: Iterable[str] = (),
    lang: str = "zh-CN",
    whole: bool = False,
) -> list[tuple[Answers, Mapping[str, str], Rendered]]:
    """The draft wherever it is offered, on every situation that its own condition, the
    questions in `reads` and (`whole`) every paragraph's condition tell apart, with each
    set of `DETAILS`; computed once."""
    key = (draft_id, lang, tuple(sorted(reads)), whole)
    if key not in _DONE:
        draft = drafts.drafts[draft_id]
        conditions = [draft.when]
        if whole:
            conditions += [p.when for p in (*draft.paragraphs, *draft.notes)]
        found = []
        for answers in _situations(flow, conditions, reads):
            if draft in offered(drafts, answers):
                for details in DETAILS:
                    found.append((answers, details, render(draft, flow, answers, details, lang)))
        _DONE[key] = found
    return _DONE[key]


_SEEN: dict[tuple[tuple[int, ...], tuple[str, ...]], list[Answers]] = {}


def _situations(
    flow: Flow, conditions: list[Condition | None], reads: Iterable[str]
) -> list[Answers]:
    """The situations these conditions and the questions in `reads` tell apart (once)."""
    key = (tuple(id(c) for c in conditions), tuple(sorted(reads)))
    if key not in _SEEN:
        codes = codes_named(conditions)
        for question in reads:
            codes.setdefault(question, set()).update(flow.questions[question].codes)
        _SEEN[key] = [answers for answers, _ in situations(flow, codes, (), conditions)]
    return _SEEN[key]


def offered_on_every_situation(
    drafts: DraftSet, flow: Flow, reads: Iterable[str]
) -> Iterable[tuple[Answers, set[str]]]:
    """Each situation the drafts' conditions and `reads` tell apart, with the drafts offered."""
    for answers in _situations(flow, [d.when for d in drafts.drafts.values()], reads):
        yield answers, {d.id for d in offered(drafts, answers)}


_SAID: dict[tuple[int, str, int, tuple[object, ...]], str] = {}


def paragraphs_said(
    drafts: DraftSet,
    flow: Flow,
    draft_id: str,
    words: Iterable[str],
    reads: Iterable[str] = (),
    lang: str = "zh-CN",
) -> Iterable[tuple[Answers, str]]:
    """Each paragraph and note of the draft that could say one of `words`, as filled
    wherever it shows: on every situation the draft's condition, the paragraph's and the
    questions in `reads` tell apart, with each set of `DETAILS`. What no paragraph says
    on any path, no draft says; a paragraph whose words and possible field values hold
    none of `words` cannot say one, and is passed over."""
    draft = drafts.drafts[draft_id]
    words = list(words)
    for paragraph in (*draft.paragraphs, *draft.notes):
        named = list(fields.names(paragraph.text.get(lang)))
        asked = [f for f in named if f in flow.questions]
        could = " ".join([paragraph.text.get(lang), *_values(flow, named, lang)])
        if not any(word in could for word in words):
            continue
        for answers in _situations(flow, [draft.when, paragraph.when], reads):
            if draft not in offered(drafts, answers):
                continue
            for number, details in enumerate(DETAILS):
                if paragraph.when is None or evaluate(paragraph.when, facts(answers, details)):
                    key = (id(paragraph), lang, number, tuple(answers.get(q) for q in asked))
                    if key not in _SAID:
                        _SAID[key] = fill(paragraph, flow, answers, details, lang)
                    yield answers, _SAID[key]


def _values(flow: Flow, named: list[str], lang: str) -> list[str]:
    """Every value these fields may take: the answers' labels, the details as given."""
    found = []
    for name in named:
        if name in flow.questions:
            found += [o.label.get(lang) for o in flow.questions[name].options]
        else:
            found += [details.get(name, "") for details in DETAILS]
    return found


def chosen(answers: Answers, question: str) -> tuple[str, ...]:
    answer = answers.get(question)
    return (answer,) if isinstance(answer, str) else (answer or ())


def fill(
    paragraph: Paragraph, flow: Flow, answers: Answers, details: Mapping[str, str], lang: str
) -> str:
    return fields.fill(
        paragraph.text.get(lang), lambda n: field_value(n, flow, answers, details, lang)
    )


#: Each thing the complaint may be about, alone: (question, answer) on the path.
TRIGGERS = [
    *(({"misconduct": [code]}, code) for code in COMPLAINED_OF),
    ({"misconduct": ["fake_authority"], "authority_claimed": "official"}, "official"),
    ({"others_contacted": ["employer"]}, "employer"),
    ({"others_contacted": ["neighbours"]}, "neighbours"),
    ({"can_pay_full": "already_paid"}, "already_paid"),
    ({"visitor_arrived": "earlier", "credentials_shown": "none", "paid_to_person": "yes"}, "paid"),
]
#: The questions whose answers the complaint complains of.
CONDUCT = {"misconduct", "authority_claimed", "others_contacted", "can_pay_full", "paid_to_person"}
CALM = {"visitor_arrived": "no", "misconduct": [], "others_contacted": [],
        "amount_checked": "matches", "can_pay_full": "yes"}  # fmt: skip


def conduct_said(drafts: DraftSet, answers: Answers, details: Mapping[str, str]) -> list[Paragraph]:
    """The complaint's paragraphs shown here that say what it complains of."""
    return [
        p
        for p in drafts.drafts["complaint"].paragraphs
        if p.when is not None
        and evaluate(p.when, facts(answers, details))
        and CONDUCT & {t.question for t in leaves(p.when)}
        and "请求" not in p.text.get("zh-CN")
    ]


#: Each trigger for each reader and place, but whether it was repaid: that is asked of the
#: borrower only (a spouse or relative is never asked what they can pay).
COMPLAINTS = [
    pytest.param(given, role, place, id=f"{what}-{role}-{place}")
    for given, what in TRIGGERS
    for role in ("borrower", "spouse", "relative")
    for place in ("home", "workplace")
    if what != "already_paid" or role == "borrower"
]


@pytest.mark.parametrize(("given", "role", "place"), COMPLAINTS)
def test_the_complaint_says_what_it_complains_of_before_it_asks(
    drafts: DraftSet, main_flow: Flow, given: dict[str, object], role: str, place: str
) -> None:
    """Each thing the complaint is offered for, alone, has a paragraph that says it; and
    those paragraphs read it only as ticked (never under a `not`), so more things to
    complain of only add paragraphs: its requests never follow from nothing."""
    raw = {**CALM, "user_role": role, "visit_place": place, **given}
    answers = engine.complete(
        main_flow, {k: engine.validate(main_flow.questions[k], v) for k, v in raw.items()}
    )
    assert all(k in answers for k in given), answers
    assert drafts.drafts["complaint"] in offered(drafts, answers), answers
    assert conduct_said(drafts, answers, SAMPLE), answers


def test_the_complaint_reads_what_it_complains_of_only_as_ticked(drafts: DraftSet) -> None:
    for paragraph in drafts.drafts["complaint"].paragraphs:
        if paragraph.when is not None and "请求" not in paragraph.text.get("zh-CN"):
            for test, negated in polar_leaves(paragraph.when, False):
                assert not (negated and test.question in CONDUCT), paragraph.text.get("zh-CN")


def test_the_police_summary_only_where_the_police_have_something_to_act_on(
    drafts: DraftSet, main_flow: Flow
) -> None:
    reads = ["misconduct", "authority_claimed", "paid_to_person"]
    for answers, ids in offered_on_every_situation(drafts, main_flow, reads):
        something = (
            bool(set(chosen(answers, "misconduct")) & set(POLICE_ACT_ON))
            or answers.get("authority_claimed") == "official"
            or answers.get("paid_to_person") == "yes"
        )
        assert ("police_summary" in ids) == something, answers


#: Who the police summary says they claimed to be, by `authority_claimed` (None: no claim).
CLAIMED = {
    None: ("自称是催收机构 " + SAMPLE["agency"], "from the collection agency " + SAMPLE["agency"]),
    "official": ("自称是警察、法院或政府部门的", "claimed to be from the police, a court"),
    "lawyer": ("自称是 " + SAMPLE["law_firm"] + " 的律师", "lawyers from " + SAMPLE["law_firm"]),
}


def test_the_police_summary_says_once_who_they_claimed_to_be_and_only_that(
    drafts: DraftSet, main_flow: Flow
) -> None:
    """A collection agency, police or a court, or lawyers: the one the answers give, said
    once ("自称" once in all), never one claim and then another."""
    reads = ["authority_claimed", "visitor_arrived"]
    for lang in ("zh-CN", "en"):
        for answers, details, done in everywhere(drafts, main_flow, "police_summary", reads, lang):
            if not details:
                continue
            claim = answers.get("authority_claimed")
            zh, en = CLAIMED[claim if isinstance(claim, str) else None]
            assert done.text.count("自称") == 1 and zh in done.text, answers
            others = [w for c, pair in CLAIMED.items() if pair[0] != zh for w in pair]
            assert not [w for w in others if w in done.text], answers
            if lang == "en":
                said = str(done.translation)
                assert en in said and not [w for w in others if w in said], answers
                assert said.count("said they were") + said.count("claimed to be") == 1, answers


def test_a_lawyers_letter_alone_gets_neither_complaint_nor_police_summary_but_a_question(
    drafts: DraftSet, main_flow: Flow
) -> None:
    answers = engine.complete(
        main_flow,
        {"visitor_arrived": "no", "misconduct": ("fake_authority",),
         "authority_claimed": "lawyer", "others_contacted": (),
         "amount_checked": "matches", "can_pay_full": "yes"},
    )  # fmt: skip
    ids = {d.id for d in offered(drafts, answers)}
    assert not {"complaint", "police_summary"} & ids
    call = render(drafts.drafts["call_95188"], main_flow, answers, SAMPLE, "zh-CN")
    assert "你们有没有请这家律所来催收" in call.text and SAMPLE["law_firm"] in call.text


def test_nothing_tells_a_spouse_or_relative_to_ask_for_instalments_or_to_pay(
    drafts: DraftSet, main_flow: Flow
) -> None:
    for answers, ids in offered_on_every_situation(drafts, main_flow, ["user_role"]):
        if answers["user_role"] != "borrower":
            assert "instalment_request" not in ids and "relatives_message" not in ids, answers
    for draft_id in drafts.drafts:
        for lang in ("zh-CN", "en"):
            for answers, said in paragraphs_said(
                drafts, main_flow, draft_id, [*PAYING_WORDS, *SAYS_I_PAY], ["user_role"], lang
            ):
                if answers["user_role"] != "borrower":
                    assert not [w for w in PAYING_WORDS if w in said], (draft_id, said)
                    assert not [w for w in SAYS_I_PAY if w in said], (draft_id, said)


# --- what they say ------------------------------------------------------------------------------


@pytest.mark.parametrize("draft_id", ["call_95188", "complaint", "police_summary"])
def test_no_draft_names_a_collector_on_a_path_where_none_was_met(
    drafts: DraftSet, main_flow: Flow, draft_id: str
) -> None:
    """Only a visit, now or before, puts a collector in front of the person."""
    names = [SAMPLE["collector"], SAMPLE["collector_id"], "共 " + SAMPLE["people_count"] + " 人"]
    for answers, said in paragraphs_said(drafts, main_flow, draft_id, names, ["visitor_arrived"]):
        if answers["visitor_arrived"] not in ("now", "earlier"):
            assert SAMPLE["collector"] not in said and SAMPLE["collector_id"] not in said, answers
            assert "共 " + SAMPLE["people_count"] + " 人" not in said, answers


@pytest.mark.parametrize(
    "draft_id", ["door", "workplace", "call_110", "call_95188", "complaint", "police_summary"]
)
def test_no_draft_accuses_of_impersonation_unless_police_or_a_court_was_claimed(
    drafts: DraftSet, main_flow: Flow, draft_id: str
) -> None:
    words = ["冒充", "自称是警察", "警察、法院或律师"]
    for answers, said in paragraphs_said(drafts, main_flow, draft_id, words, ["authority_claimed"]):
        official = answers.get("authority_claimed") == "official"
        assert ("冒充" in said or "自称是警察" in said) <= official, answers
        assert "警察、法院或律师" not in said  # the answers say which


@pytest.mark.parametrize("draft_id", ["complaint", "police_summary", "call_95188"])
def test_a_spouse_or_relative_writes_as_the_person_disturbed_naming_the_borrower(
    drafts: DraftSet, main_flow: Flow, draft_id: str
) -> None:
    for answers, details, done in everywhere(drafts, main_flow, draft_id, ["user_role"]):
        if answers["user_role"] == "borrower" or not details:
            continue
        assert SAMPLE["borrower_name"] in done.text, answers
        assert "我欠钱" not in done.text and "我的欠款" not in done.text, answers
        if draft_id != "police_summary":
            assert "不是借款人" in done.text, answers


@pytest.mark.parametrize("draft_id", ["door", "workplace"])
def test_with_feel_safe_no_the_safety_line_comes_first(
    drafts: DraftSet, main_flow: Flow, draft_id: str
) -> None:
    for answers, _, done in everywhere(drafts, main_flow, draft_id, ["feel_safe"], whole=True):
        first = done.text.split("\n")[0]
        assert ("先打 110" in first) == (answers.get("feel_safe") == "no"), answers


def test_no_draft_speaks_of_the_home_door_on_a_workplace_path(
    drafts: DraftSet, main_flow: Flow
) -> None:
    for draft_id in drafts.drafts:
        for lang in ("zh-CN", "en"):
            for answers, said in paragraphs_said(
                drafts, main_flow, draft_id, HOME_DOOR_WORDS, ["visit_place"], lang
            ):
                if answers.get("visit_place") == "workplace":
                    assert not [w for w in HOME_DOOR_WORDS if w in said], (draft_id, said)


#: What a letter could say that no answer gives: it would be the program's words in the
#: sender's mouth, signed by them, and perhaps untrue. A visit before colleagues; the acts
#: of force as a list the sender did not choose from ("pushed, hit or smashed": they tick
#: what happened); an "also" with nothing before it; people the answers do not name.
UNASKED = (
    *("当着同事", "影响了工作", "in front of my colleagues", "disrupted the work"),
    *("推人、打人或砸东西", "pushing, hitting or breaking"),
    *("还找了", "also went to"),
    *("亲友、同事、单位和邻居", "relatives, friends, colleagues, employer or neighbours"),
)


@pytest.mark.parametrize("draft_id", ["complaint", "police_summary", "call_110"])
def test_a_letter_states_only_what_the_answers_give(
    drafts: DraftSet, main_flow: Flow, draft_id: str
) -> None:
    for lang in ("zh-CN", "en"):
        for answers, said in paragraphs_said(drafts, main_flow, draft_id, UNASKED, (), lang):
            assert not [w for w in UNASKED if w in said], (draft_id, answers, said)


def test_the_complaint_names_only_the_people_the_answers_say_were_reached(
    drafts: DraftSet, main_flow: Flow
) -> None:
    named = {
        "employer": ("单位或领导", "an employer or a manager"),
        "neighbours": ("邻居或房东", "neighbours or a landlord"),
    }
    words = [w for pair in named.values() for w in pair]
    for lang in ("zh-CN", "en"):
        for answers, said in paragraphs_said(
            drafts, main_flow, "complaint", words, ["others_contacted"], lang
        ):
            for code, pair in named.items():
                if any(w in said for w in pair):
                    assert code in chosen(answers, "others_contacted"), (answers, said)


def collector_at_work(answers: Answers) -> bool:
    """What says a collector is at work on this loan, besides a visit: a visit announced,
    collection misconduct (a claim of authority alone names no agency), people around the
    borrower contacted, or an amount from a collector that differs from the bill."""
    return (
        answers.get("visitor_arrived") == "announced"
        or bool(set(chosen(answers, "misconduct")) & set(COMPLAINED_OF))
        or bool(chosen(answers, "others_contacted"))
        or answers.get("amount_checked") == "differs"
    )


def test_the_95188_call_asks_about_an_agency_only_where_a_collector_is_at_work(
    drafts: DraftSet, main_flow: Flow
) -> None:
    """A court message alone, a lawyer's letter alone or a calm path names no collector:
    the call asks about a collection agency only where the answers put one at work."""
    reads = ["visitor_arrived", "amount_checked", "authority_claimed", "court_notice"]
    for answers, details, done in everywhere(drafts, main_flow, "call_95188", reads):
        if not details:
            continue
        met = answers["visitor_arrived"] in ("now", "earlier")
        asked = "催收这笔借款的机构自称是 " + SAMPLE["agency"] in done.text
        assert asked == (not met and collector_at_work(answers)), answers
        assert ("来催收的人自称叫 " + SAMPLE["collector"] in done.text) == met, answers
        assert "还有一家" not in done.text, answers  # an "also" with nothing before it


def test_the_95188_call_asks_what_the_path_needs(drafts: DraftSet, main_flow: Flow) -> None:
    reads = ["paid_to_person", "amount_checked", "can_pay_full", "court_notice"]
    for answers, _, done in everywhere(drafts, main_flow, "call_95188", reads):
        case = "案号" in done.text
        assert case == (answers.get("court_notice") == "message"), answers
        credited = "有没有算进这笔借款的还款" in done.text
        assert credited == (answers.get("paid_to_person") == "yes"), answers
        rate = "年化利率" in done.text
        assert rate == (answers.get("amount_checked") == "fees_high"), answers
        settled = "结清证明" in done.text
        assert settled == (answers.get("can_pay_full") in ("yes", "already_paid")), answers


def test_no_draft_prints_a_negative_figure(drafts: DraftSet, main_flow: Flow) -> None:
    """Details are as the person typed them; only a computed field could go below zero."""
    for draft_id in drafts.drafts:
        for answers, said in paragraphs_said(drafts, main_flow, draft_id, ["{left_over}"]):
            assert not re.search(r"(?<![\w-])-\d", said), (draft_id, answers)


def test_with_nothing_left_the_instalment_letter_asks_to_defer(
    drafts: DraftSet, main_flow: Flow
) -> None:
    for answers, details, done in everywhere(drafts, main_flow, "instalment_request", whole=True):
        defer = (
            answers.get("can_pay_some") == "nothing" or details.get("essential_spending") == "1200"
        )
        assert ("暂缓还款申请" in done.text) == defer, (answers, details)
        assert ("每月还 " in done.text) == (not defer), (answers, details)
        assert ("剩下约" in done.text) == (not defer), (answers, details)


def test_a_draft_names_only_items_on_this_checklist(drafts: DraftSet, main_flow: Flow) -> None:
    for draft_id in drafts.drafts:
        for answers, _, done in everywhere(drafts, main_flow, draft_id):
            listed = {i.id for i in engine.checklist(main_flow, answers).items}
            assert done.items and set(done.items) <= listed, (draft_id, answers)


def test_the_110_words_are_kept_for_later_by_someone_who_feels_safe(
    drafts: DraftSet, main_flow: Flow
) -> None:
    """The script says "I do not feel safe": read by someone who said they do, it needs
    the note that says when to call."""
    for answers, _, done in everywhere(drafts, main_flow, "call_110", ["feel_safe"], whole=True):
        later = any("先不用打" in note for note in done.notes)
        assert later == (answers.get("feel_safe") == "yes"), answers


@pytest.mark.parametrize("draft_id", ["door", "workplace"])
def test_a_settled_borrower_says_at_the_door_that_it_is_settled(
    drafts: DraftSet, main_flow: Flow, draft_id: str
) -> None:
    reads = ["can_pay_full", "user_role"]
    for answers, _, done in everywhere(drafts, main_flow, draft_id, reads):
        settled = answers.get("can_pay_full") == "already_paid"
        assert ("已经全部还清" in done.text) == settled, answers


#: The words that ask for the papers, at the door and at work: (zh-CN, en).
ASKS_FOR_PAPERS = {
    "door": ("工作证和书面授权书从门缝塞进来，或者举到猫眼前", "slide your work ID and written"),
    "workplace": ("出示你的工作证和书面授权书", "show me your work ID and written"),
}


@pytest.mark.parametrize("draft_id", ["door", "workplace"])
def test_papers_already_shown_by_whoever_is_here_are_noted_not_asked_for_again(
    drafts: DraftSet, main_flow: Flow, draft_id: str
) -> None:
    """Both papers shown by the people here now: the script says they were seen and will be
    noted (the source: note the name and staff number), and never asks for them again; shown
    at an earlier visit, the next visitors are asked for theirs "this time too"."""
    zh, en = ASKS_FOR_PAPERS[draft_id]
    reads = ["visitor_arrived", "credentials_shown"]
    for answers, _, done in everywhere(drafts, main_flow, draft_id, reads, "en"):
        shown = answers.get("credentials_shown") == "both"
        here, before = (
            shown and answers["visitor_arrived"] == "now",
            shown and answers["visitor_arrived"] == "earlier",
        )
        said = str(done.translation)
        assert (zh in done.text) == (en in said) == (not here), answers
        seen = "你的工作证和授权书我已经看过了。我会记下你的姓名、工号" in done.text
        assert seen == ("I have seen your work ID" in said) == here, answers
        assert ("这次来，也请" in done.text) == ("This time too" in said) == before, answers
