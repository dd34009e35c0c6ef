"""Turn flow and sources YAML into the typed objects of `model`.

Every problem becomes a `Finding` with file:line:col and a stable code (listed
in docs/flow-format.md); loading goes on past a problem where it can, so an
author sees all of them at once. The interview and the checker both load here.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from ..base import yamlsafe
from ..base.yamlsafe import Node
from ..errors import Finding, FlowError
from .model import (
    END,
    KINDS,
    URGENCIES,
    AllOf,
    Answer,
    Answered,
    AnyOf,
    Condition,
    Flow,
    Includes,
    Is,
    Item,
    Kind,
    Not,
    Option,
    Question,
    Route,
    Rule,
    Source,
    Text,
)
from .reader import Reader, words

#: Built-in labels of a yes/no question that lists no options of its own.
YES_NO_LABELS = {
    "yes": {"zh-CN": "是", "en": "Yes"},
    "no": {"zh-CN": "否", "en": "No"},
}


# --- flows --------------------------------------------------------------------


def parse_flow(path: Path) -> tuple[Flow | None, list[Finding]]:
    """Load one flow file, returning it (None if unusable) and every finding."""
    root, problems = yamlsafe.load_root(path, "flow file")
    if root is None:
        return None, problems
    reader = Reader(str(path))
    return _flow(reader, root), reader.findings


def load_flow(path: Path) -> Flow:
    """Load a flow for the interview; raise `FlowError` if it has any error."""
    flow, findings = parse_flow(path)
    if flow is None or any(f.severity == "error" for f in findings):
        raise FlowError(findings)
    return flow


def _flow(r: Reader, root: Node) -> Flow | None:
    keys = r.mapping(
        root,
        "the flow",
        ("flow", "title", "start", "questions", "items"),
        ("format", "intro", "rules"),
    )
    if keys is None:
        return None
    if "format" in keys and keys["format"].value != "1":
        r.report(keys["format"], "bad-value", "this program reads flow format 1")
    ident = r.identifier(keys["flow"], "'flow'") if "flow" in keys else None
    title = r.text(keys["title"], "'title'") if "title" in keys else None
    intro = r.text(keys["intro"], "'intro'") if "intro" in keys else None
    start = r.identifier(keys["start"], "'start'") if "start" in keys else None
    if start == END:
        r.report(keys["start"], "start-is-end", "'start' cannot be 'end': nothing would be asked")
    questions = r.each(
        keys.get("questions"), "'questions'", _question, lambda q: q.id, "question '{}'"
    )
    items = r.each(keys.get("items"), "'items'", _item, lambda i: i.id, "item '{}'")
    loaded = {q.id for q in questions} | {i.id for i in items}
    written = _written_ids(keys.get("questions")) | _written_ids(keys.get("items"))
    rules = tuple(
        rule
        for n in r.optional_sequence(keys.get("rules"), "'rules'")
        if (rule := _rule(r, n)) is not None
    )
    if ident is None or title is None or start is None:
        return None
    return Flow(
        id=ident,
        title=title,
        intro=intro,
        start=start,
        questions={q.id: q for q in questions},
        items={i.id: i for i in items},
        rules=rules,
        path=r.name,
        loc=r.loc(root),
        broken=frozenset(written - loaded),
    )


def _written_ids(node: Node | None) -> set[str]:
    """The ids written in a list of entries (or, by mistake, as keys of a mapping),
    whether or not the entries loaded: they are not reported again as missing."""
    if node is None:
        return set()
    if node.kind == "map":
        return {key.value for key, _ in node.pairs}
    return {
        v.value
        for entry in node.items
        for k, v in entry.pairs
        if k.value == "id" and v.kind == "scalar"
    }


def _question(r: Reader, node: Node) -> Question | None:
    keys = r.mapping(
        node,
        "a question",
        ("id", "prompt"),
        ("kind", "help", "options", "next", "items", "default"),
    )
    if keys is None:
        return None
    ident = r.identifier(keys["id"], "a question id") if "id" in keys else None
    if ident == END:
        r.report(keys["id"], "reserved-id", "a question cannot be called 'end': it ends the flow")
        ident = None
    what = f"question '{ident}'"
    kind = _kind(r, keys.get("kind"))
    prompt = r.text(keys["prompt"], f"the prompt of {what}") if "prompt" in keys else None
    help_text = r.text(keys["help"], f"the help of {what}") if "help" in keys else None
    options = _options(r, keys.get("options"), node, kind, what)
    routes = _routes(r, keys["next"], f"'next' of {what}") if "next" in keys else ()
    items = r.ids(keys["items"], f"'items' of {what}") if "items" in keys else ()
    default = _default(r, keys.get("default"), kind, options, what)
    if ident is None or prompt is None or kind is None:
        return None
    return Question(ident, kind, prompt, help_text, options, routes, items, default, r.loc(node))


def _kind(r: Reader, node: Node | None) -> Kind | None:
    if node is None:
        return "single"
    value = r.string(node, "'kind'")
    if value is not None and value not in KINDS:
        r.report(node, "bad-value", f"'kind' must be one of {words(KINDS)}, not '{value}'")
        return None
    return cast("Kind | None", value)


def _options(
    r: Reader, node: Node | None, question: Node, kind: Kind | None, what: str
) -> tuple[Option, ...]:
    if node is None:
        if kind == "yes_no":
            loc = r.loc(question)
            return tuple(
                Option(c, Text(YES_NO_LABELS[c], loc), (), (), None, loc) for c in ("yes", "no")
            )
        r.report(question, "missing-field", f"{what} needs 'options'")
        return ()
    written = r.sequence(node, f"'options' of {what}")
    if node.kind == "seq" and len(written) < 2:
        r.report(node, "too-few-options", f"{what} needs at least two options")
    entries = [(child, _option(r, child, what)) for child in written]
    options = tuple(r.unique(entries, lambda o: o.code, f"answer code '{{}}' of {what}"))
    if kind == "yes_no" and {o.code for o in options} != {"yes", "no"}:
        r.report(
            node, "bad-value", f"the options of yes/no {what} must have the codes 'yes' and 'no'"
        )
    return options


def _option(r: Reader, node: Node, what: str) -> Option | None:
    keys = r.mapping(node, f"an option of {what}", ("code", "label"), ("items", "next", "alert"))
    if keys is None:
        return None
    code = r.identifier(keys["code"], f"an answer code of {what}") if "code" in keys else None
    label = r.text(keys["label"], f"the label of option '{code}'") if "label" in keys else None
    items = r.ids(keys["items"], f"'items' of option '{code}'") if "items" in keys else ()
    routes = _routes(r, keys["next"], f"'next' of option '{code}'") if "next" in keys else ()
    alert = r.text(keys["alert"], f"the alert of option '{code}'") if "alert" in keys else None
    if code is None or label is None:
        return None
    return Option(code, label, items, routes, alert, r.loc(node))


def _default(
    r: Reader, node: Node | None, kind: Kind | None, options: tuple[Option, ...], what: str
) -> Answer | None:
    if node is None:
        return None
    codes = [o.code for o in options]
    if kind == "multi":
        chosen = tuple(child.value for child in r.sequence(node, f"the default of {what}"))
        bad = [c for c in chosen if c not in codes]
    else:
        value = r.string(node, f"the default of {what}")
        if value is None:
            return None
        chosen, bad = (value,), ([value] if value not in codes else [])
    if bad:
        r.report(
            node,
            "unknown-code",
            f"the default of {what} uses unknown code '{bad[0]}'; expected {words(codes)}",
        )
        return None
    return chosen if kind == "multi" else chosen[0]


def _routes(r: Reader, node: Node, what: str) -> tuple[Route, ...]:
    """`next: target`, or a list of {when: condition, goto: target} tried in order."""
    if node.kind == "scalar":
        target = r.identifier(node, what)
        return (Route(target, None, r.loc(node)),) if target else ()
    routes = []
    for child in r.sequence(node, what):
        keys = r.mapping(child, f"a route of {what}", ("goto",), ("when",))
        if keys is None or "goto" not in keys:
            continue
        target = r.identifier(keys["goto"], f"'goto' in {what}")
        when = parse_condition(r, keys["when"]) if "when" in keys else None
        if target:
            routes.append(Route(target, when, r.loc(child)))
    return tuple(routes)


def _item(r: Reader, node: Node) -> Item | None:
    keys = r.mapping(node, "an item", ("id", "text", "detail", "urgency", "sources"))
    if keys is None:
        return None
    ident = r.identifier(keys["id"], "an item id") if "id" in keys else None
    what = f"item '{ident}'"
    text = r.text(keys["text"], f"the text of {what}") if "text" in keys else None
    detail = r.text(keys["detail"], f"the detail of {what}") if "detail" in keys else None
    urgency = r.string(keys["urgency"], f"the urgency of {what}") if "urgency" in keys else None
    if urgency is not None and urgency not in URGENCIES:
        r.report(
            keys["urgency"],
            "bad-value",
            f"urgency must be one of {words(URGENCIES)}, not '{urgency}'",
        )
        urgency = None
    sources: tuple[Source, ...] = ()
    if "sources" in keys:
        listed = r.sequence(keys["sources"], f"the sources of {what}")
        sources = tuple(s for child in listed if (s := _source(r, child, what)) is not None)
        if not listed:
            r.report(
                keys["sources"],
                "no-sources",
                f"{what} has no sources: every item needs at least one",
            )
    if ident is None or text is None or detail is None or urgency is None:
        return None
    return Item(ident, text, detail, urgency, sources, r.loc(node))


def _source(r: Reader, node: Node, what: str) -> Source | None:
    keys = r.mapping(
        node,
        f"a source of {what}",
        (),
        ("document", "quote", "reference", "article", "comment", "corrected"),
    )
    if keys is None:
        return None
    loc = r.loc(node)
    if "document" in keys and "reference" not in keys:
        document = r.string(keys["document"], "'document'")
        if "quote" not in keys:
            r.report(node, "missing-field", f"a document source of {what} needs a 'quote'")
            return None
        quote = r.string(keys["quote"], "'quote'")
        if "article" in keys:
            r.report(keys["article"], "unknown-key", "'article' belongs to a reference source")
        comment, corrected = (_flag(r, keys.get(k), k) for k in ("comment", "corrected"))
        if not (document and quote):
            return None
        return Source(loc, document=document, quote=quote, comment=comment, corrected=corrected)
    if "reference" in keys and "document" not in keys:
        reference = r.string(keys["reference"], "'reference'")
        article = r.string(keys["article"], "'article'") if "article" in keys else None
        for key in ("quote", "comment", "corrected"):
            if key in keys:
                r.report(keys[key], "unknown-key", f"'{key}' belongs to a document source")
        return Source(loc, reference=reference, article=article) if reference else None
    r.report(
        node,
        "bad-source",
        f"a source of {what} needs either 'document' and 'quote', or 'reference'",
    )
    return None


def _flag(r: Reader, node: Node | None, what: str) -> bool:
    """An optional true/false key; absent means false."""
    if node is None:
        return False
    if node.kind != "scalar" or node.value.lower() not in ("true", "false"):
        r.report(node, "bad-value", f"'{what}' must be true or false")
        return False
    return node.value.lower() == "true"


def _rule(r: Reader, node: Node) -> Rule | None:
    keys = r.mapping(node, "a rule", ("when", "items"))
    if keys is None or "when" not in keys or "items" not in keys:
        return None
    when = parse_condition(r, keys["when"])
    items = r.ids(keys["items"], "'items' of a rule")
    return Rule(when, items, r.loc(node)) if when is not None else None


# --- conditions -----------------------------------------------------------------

_CONDITION_KEYS = ("question", "is", "includes", "includes_all", "answered", "all", "any", "not")


def parse_condition(r: Reader, node: Node) -> Condition | None:
    """One of: {question, is}, {question, includes}, {question, includes_all},
    {answered}, {all: [..]}, {any: [..]}, {not: ..}."""
    keys = r.mapping(node, "a condition", (), _CONDITION_KEYS)
    if keys is None:
        return None
    loc = r.loc(node)
    shape = sorted(keys)
    if shape in (["is", "question"], ["includes", "question"], ["includes_all", "question"]):
        question = r.identifier(keys["question"], "'question' in a condition")
        test = shape[0]
        codes = r.ids(keys[test], f"'{test}' in a condition")
        if keys[test].kind == "seq" and not keys[test].items:
            r.report(keys[test], "empty-codes", f"'{test}' needs at least one answer code")
        if question is None or not codes:
            return None
        if test == "is":
            return Is(question, codes, loc)
        return Includes(question, codes, test == "includes_all", loc)
    if shape == ["answered"]:
        question = r.identifier(keys["answered"], "'answered'")
        return Answered(question, loc) if question else None
    if shape in (["all"], ["any"]):
        terms = tuple(
            c
            for child in r.sequence(keys[shape[0]], f"'{shape[0]}'")
            if (c := parse_condition(r, child))
        )
        if not terms:
            r.report(node, "bad-condition", f"'{shape[0]}' needs at least one condition")
            return None
        return AllOf(terms, loc) if shape == ["all"] else AnyOf(terms, loc)
    if shape == ["not"]:
        term = parse_condition(r, keys["not"])
        return Not(term, loc) if term else None
    r.report(
        node,
        "bad-condition",
        "a condition is one of {question, is}, {question, includes}, {question, includes_all}, "
        "{answered}, {all}, {any}, {not}",
    )
    return None
