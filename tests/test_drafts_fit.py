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
    tuple[str, str, tuple[str, ...], bool, tuple[str, ...]],
    list[tuple[Answers, Mapping[str, str], Rendered]],
] = {}


def everywhere(
    drafts: DraftSet,
    flow: Flow,
    draft_id: str,
    reads: Iterable[str] = (),
    lang: str = "zh-CN",
    whole: bool = False,
    saying: tuple[str, ...] = (),
) -> list[tuple[Answers, Mapping[str, str], Rendered]]:
    """The draft wherever it is offered, on every situation that its own condition, the
    questions in `reads` and (`whole`) every paragraph's condition, or else the conditions
    of the paragraphs `saying` one of these words, tell apart, with each set of `DETAILS`;
    computed once."""
    key = (draft_id, lang, tuple(sorted(reads)), whole, saying)
    if key not in _DONE:
        draft = drafts.drafts[draft_id]
        conditions = [draft.when]
        for p in (*draft.paragraphs, *draft.notes):
            if whole or any(word in p.text.get("zh-CN") for word in saying):
                conditions.append(p.when)
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
#: The complaint's lines that say who: whom it is against, and who the spouse or relative
#: sending it is. One form of each shows on every path, the form the answers as a whole
#: give (a claim of authority changes whom it is against), so they are not what it
#: complains of, and may read an answer as not ticked.
WHO_LINES = ("被投诉：", "我不是借款人，也没有为这笔借款签字。", "我是借款人 ")


def says_who(paragraph: Paragraph) -> bool:
    return paragraph.text.get("zh-CN").startswith(WHO_LINES)


def conduct_said(drafts: DraftSet, answers: Answers, details: Mapping[str, str]) -> list[Paragraph]:
    """The complaint's paragraphs shown here that say what it complains of."""
    return [
        p
        for p in drafts.drafts["complaint"].paragraphs
        if p.when is not None
        and evaluate(p.when, facts(answers, details))
        and CONDUCT & {t.question for t in leaves(p.when)}
        and "请求" not in p.text.get("zh-CN")
        and not says_who(p)
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
        if (
            paragraph.when is not None
            and "请求" not in paragraph.text.get("zh-CN")
            and not says_who(paragraph)
        ):
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
    the call asks about a collection agency only where the answers put one at work, and
    no one there claimed to be police, a court, a government office or a lawyer (as the
    police summary: who they claimed to be, said once); after a visit with such a claim,
    only the name one of them gave."""
    reads = ["visitor_arrived", "amount_checked", "authority_claimed", "court_notice"]
    for answers, details, done in everywhere(drafts, main_flow, "call_95188", reads):
        if not details:
            continue
        met = answers["visitor_arrived"] in ("now", "earlier")
        claim = "authority_claimed" in answers
        asked = "催收这笔借款的机构自称是 " + SAMPLE["agency"] in done.text
        assert asked == (not met and not claim and collector_at_work(answers)), answers
        staff = "来催收的人自称叫 " + SAMPLE["collector"] + "，工号 " + SAMPLE["collector_id"]
        assert (staff in done.text) == (met and not claim), answers
        one = "上门来催收的人里，有一个人说自己叫 " + SAMPLE["collector"] + "。"
        assert (one in done.text) == (met and claim), answers
        assert (SAMPLE["agency"] in done.text) == (not claim and (met or asked)), answers
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


#: Misconduct that the letters tell in the reader's own name ("threatened me", "told me and
#: others", "called me many times"): with it, a spouse or relative was reached.
TOLD_AS_MINE = ("threats", "violence", "insults", "refuses_to_leave", "night_visit",
                "personal_account", "told_others", "too_many_calls", "new_loan")  # fmt: skip


def reader_reached(answers: Answers) -> bool:
    """Collectors reached the reader: a visit, now or before, to the reader's own home or
    workplace (`visit_place` is theirs), or misconduct the letters tell as done to them.
    Others contacted, a claim of authority alone or a post in a group do not say so."""
    return answers["visitor_arrived"] in ("now", "earlier") or bool(
        set(chosen(answers, "misconduct")) & set(TOLD_AS_MINE)
    )


#: What a spouse or relative says of being reached, and what they say otherwise, by draft:
#: ((zh-CN, en) where reached, (zh-CN, en) where not).
REACHED_WORDS = {
    "call_95188": (
        ("催收的人为这笔借款找过我", "People collecting this loan have come to me"),
        ("我想为这笔借款问清几件事", "I would like to ask a few things about this loan"),
    ),
    "complaint": (
        ("找过我、打扰我", "have come to me and disturbed me"),
        ("我投诉的是下面这些催收的做法", "the collection practices set out below"),
    ),
}
#: Words that take contact with the reader as given, or the collectors as the lender's own.
CONTACT_GIVEN = ("你们的催收人员", "Your collectors", "别再联系你", "stop contacting you")


@pytest.mark.parametrize("draft_id", ["call_95188", "complaint"])
def test_a_spouse_or_relative_says_collectors_reached_them_only_where_the_answers_say_so(
    drafts: DraftSet, main_flow: Flow, draft_id: str
) -> None:
    """A calm path, a court message, others contacted or a claim of authority alone does not
    say that anyone came to the reader: the opening then says only why they call or write."""
    (zh_yes, en_yes), (zh_no, en_no) = REACHED_WORDS[draft_id]
    reads = ["user_role", "visitor_arrived"]
    openings = (zh_yes, zh_no, "我的请求")
    for lang in ("zh-CN", "en"):
        for answers, details, done in everywhere(
            drafts, main_flow, draft_id, reads, lang, saying=openings
        ):
            if answers["user_role"] == "borrower" or not details:
                continue
            said = done.text + "\n".join(done.notes) + str(done.translation)
            reached = reader_reached(answers)
            assert (zh_yes in done.text) == reached and (zh_no in done.text) != reached, answers
            if lang == "en":
                assert (en_yes in said) == reached and (en_no in said) != reached, answers
            assert not [w for w in CONTACT_GIVEN if w in said], (answers, said)


def test_a_relative_asks_on_95188_that_no_collector_disturbs_them_without_saying_one_did(
    drafts: DraftSet, main_flow: Flow
) -> None:
    reads = ["user_role"]
    for answers, _, done in everywhere(drafts, main_flow, "call_95188", reads, "en"):
        relative = answers["user_role"] == "relative"
        said = str(done.translation)
        asked = "这笔借款不是我的。请不要让催收人员为它联系我、打扰我。" in done.text
        assert asked == ("Please see that no collector contacts or disturbs me" in said) == relative
        note = "discuss with collectors. If they come to you, only ask them to leave you alone."
        assert any(note in n for n in done.notes) == relative, answers


def test_a_spouse_or_relative_asks_that_no_one_be_told_only_where_someone_was(
    drafts: DraftSet, main_flow: Flow
) -> None:
    """'Tell no one any more' needs someone told or contacted (a co-borrower is a party to
    the loan); 'stop contacting me' needs the reader reached."""
    reads = ["user_role", "visitor_arrived"]
    for lang in ("zh-CN", "en"):
        for answers, details, done in everywhere(
            drafts, main_flow, "complaint", reads, lang, saying=("我的请求",)
        ):
            if answers["user_role"] == "borrower" or not details:
                continue
            disclosed = bool(set(chosen(answers, "others_contacted")) - {"co_borrower"}) or bool(
                {"told_others", "public_post"} & set(chosen(answers, "misconduct"))
            )
            told = "不再向任何人透露 " + SAMPLE["borrower_name"] in done.text
            stop = "马上停止联系我、打扰我" in done.text
            assert (told, stop) == (disclosed, reader_reached(answers)), answers
            if lang == "en":
                said = str(done.translation)
                assert ("nobody tells anyone about" in said) == disclosed, answers
                assert ("stop contacting and disturbing me" in said) == stop, answers


#: Whom the complaint is against, by what the answers give: (claim, met, a collector at
#: work) -> (zh-CN, en), with the sample's details.
AGAINST = {
    (None, True, True): (
        "被投诉：某消费金融有限公司，以及自称受它委托的催收机构 某催收公司、催收人员 李四（工号 A1024）。",
        "Complaint against: 某消费金融有限公司 and the collection agency that says it acts for"
        " it, 某催收公司, collector 李四 (staff number A1024).",
    ),
    (None, False, True): (
        "被投诉：某消费金融有限公司，以及自称受它委托的催收机构 某催收公司。",
        "Complaint against: 某消费金融有限公司 and the collection agency that says it acts for"
        " it, 某催收公司.",
    ),
    (None, False, False): (
        "被投诉：某消费金融有限公司。",
        "Complaint against: 某消费金融有限公司.",
    ),
    ("official", True): (
        "被投诉：某消费金融有限公司，以及为这笔借款来催收的人，共 2 人，其中一人说自己叫 李四。",
        "Complaint against: 某消费金融有限公司 and the people who came to collect this loan,"
        " 2 in all; one of them gave the name 李四.",
    ),
    ("official", False): (
        "被投诉：某消费金融有限公司，以及为这笔借款催收的人。",
        "Complaint against: 某消费金融有限公司 and the people collecting this loan.",
    ),
    ("lawyer", True): (
        "被投诉：某消费金融有限公司，以及为这笔借款来催收、自称是 某律师事务所 律师的人，"
        "共 2 人，其中一人说自己叫 李四。",
        "Complaint against: 某消费金融有限公司 and the people who came to collect this loan"
        " saying they were lawyers from 某律师事务所, 2 in all; one of them gave the name 李四.",
    ),
    ("lawyer", False): (
        "被投诉：某消费金融有限公司，以及为这笔借款催收、自称是 某律师事务所 律师的人。",
        "Complaint against: 某消费金融有限公司 and the people collecting this loan who said"
        " they were lawyers from 某律师事务所.",
    ),
}


def test_the_complaint_is_against_whom_the_answers_give(drafts: DraftSet, main_flow: Flow) -> None:
    """No collection agency that 'says it acts for the lender' where they claimed to be
    police, a court, a government office or lawyers, or where nobody but the lender is
    known to be chasing a loan already repaid."""
    reads = ["authority_claimed", "visitor_arrived"]
    against = ("被投诉",)
    for answers, details, done in everywhere(
        drafts, main_flow, "complaint", reads, "en", saying=against
    ):
        if details != SAMPLE:
            continue
        met = answers["visitor_arrived"] in ("now", "earlier")
        claim = answers.get("authority_claimed")
        at_work = met or collector_at_work(answers)
        key = (claim, met) if isinstance(claim, str) else (None, met, at_work)
        zh, en = AGAINST[key]
        lines = [line for line in done.text.split("\n") if line.startswith("被投诉")]
        assert lines == [zh], answers
        assert en in str(done.translation), answers


@pytest.mark.parametrize("draft_id", ["call_95188", "complaint"])
def test_money_paid_is_said_to_have_gone_to_people_collecting_this_loan_and_no_more(
    drafts: DraftSet, main_flow: Flow, draft_id: str
) -> None:
    """Whether the person paid said they collect for Alipay the answers do not say: they
    may have claimed to be police, a court or a lawyer."""
    reads = ["paid_to_person", "authority_claimed"]
    for answers, details, done in everywhere(drafts, main_flow, draft_id, reads, "en"):
        if not details:
            continue
        paid = answers.get("paid_to_person") == "yes"
        said = str(done.translation)
        assert ("500 元交给了为这笔借款催收的人（转账或现金）" in done.text) == paid, answers
        assert ("500 yuan has " in said and "a person collecting this loan" in said) == paid
        assert "自称替" not in done.text and "said they collect for you" not in said, answers


def test_the_95188_call_says_what_a_claimed_lawyer_did_only_as_the_answers_give_it(
    drafts: DraftSet, main_flow: Flow
) -> None:
    """Someone who called themselves a lawyer may have phoned: no letter is taken as sent."""
    reads = ["authority_claimed"]
    for answers, details, done in everywhere(drafts, main_flow, "call_95188", reads, "en"):
        lawyer = answers.get("authority_claimed") == "lawyer"
        said = str(done.translation)
        claimed = "有人自称是 某律师事务所 律师事务所的律师，为这笔借款催收。" in done.text
        assert claimed == (bool(details) and lawyer), answers
        assert ("calling themselves a lawyer from the law firm" in said) == lawyer, answers
        assert "律师函" not in done.text and "lawyer's letter" not in said, answers


@pytest.mark.parametrize("court_notice", ["judgment", "papers", "none"])
@pytest.mark.parametrize("debt_agent", ["paid", "contacted", "none"])
def test_a_spouse_whom_nothing_has_reached_is_offered_no_95188_call(
    drafts: DraftSet, main_flow: Flow, court_notice: str, debt_agent: str
) -> None:
    """With no visit, no misconduct and nobody contacted, the call would be a greeting and
    a goodbye; once a collector has come to the door, it has something to ask."""
    quiet: dict[str, Answer] = {
        "visitor_arrived": "no",
        "user_role": "spouse",
        "court_notice": court_notice,
        "misconduct": (),
        "others_contacted": (),
        "debt_agent": debt_agent,
    }
    assert "call_95188" not in [d.id for d in offered(drafts, quiet)]
    reached = {**quiet, "others_contacted": ("family",)}
    done = render(drafts.drafts["call_95188"], main_flow, reached, {}, "zh-CN")
    assert "call_95188" in [d.id for d in offered(drafts, reached)]
    assert done.text.count("\n") >= 3  # more than a greeting and a goodbye
