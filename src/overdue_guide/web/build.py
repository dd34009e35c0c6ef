"""`overdue-guide web build`: one self-contained HTML page from a flow, its sources,
drafts and fee lines.

The page is the template `assets/page.html` with the style, the flow as JSON (a
data block, never run) and the scripts put inline, and a Content-Security-Policy
that allows exactly those inline style and script blocks by their SHA-256. The
same inputs give the same bytes: nothing here reads the clock or the locale.
"""

from __future__ import annotations

import base64
import hashlib
import json
from html import escape
from importlib import resources
from pathlib import Path

from ..base.disk import write_atomic
from ..base.i18n import LANGS, pick, text
from ..base.words import message
from ..drafts import drafts_path
from ..drafts.checker import check_file as check_drafts_file
from ..drafts.loader import parse_drafts
from ..errors import ExitStatus, Finding, FlowError
from ..evidence import OFFER_AFTER_ITEMS
from ..fees import FEE_ITEMS
from ..flow import bundle
from ..flow.model import URGENCIES, Catalog, Flow
from .draftdata import drafts_json, no_drafts
from .feedata import fees_json
from .flowdata import Json, by_lang, structure, texts
from .pack import pack
from .words import LANG_FULL, LANG_NAMES, NO_SCRIPT_ITEMS, PAGE, all_page_words

DEFAULT_OUTPUT = "overdue-guide.html"

#: The scripts, in the order they are put into the page: each uses those before it.
SCRIPTS: tuple[str, ...] = (
    "packed.js",
    "decimal.js",
    "engine.js",
    "drafts.js",
    "feeinputs.js",
    "fees.js",
    "ui.js",
    "keep.js",
    "checklist.js",
    "draftsview.js",
    "feeform.js",
    "boot.js",
)


class WebFindings(FlowError):
    """A flow, its drafts or its sources have findings: no page is built from them."""

    status = ExitStatus.FINDINGS


def asset(name: str) -> str:
    """One of the page's files, from the package (the wheel ships them)."""
    return (resources.files(__package__) / "assets" / name).read_text(encoding="utf-8")


def checked(flow_name: str | None) -> tuple[Flow, Catalog, Path]:
    """The flow and its catalogue, refused with every finding (warnings too) of the flow,
    its sources and its drafts, as `flows check` reports them; a note (quotes that could
    not be checked here) fails only `flows check --strict`, and fails no build."""
    path = bundle.resolve(flow_name)
    flow, catalog, findings = bundle.load(path, bundle.documents_dir(path))
    papers = drafts_path(path)
    if papers is not None:
        findings = findings + check_drafts_file(papers)
    findings = [f for f in findings if f.severity != "note"]
    if findings or flow is None or catalog is None:
        raise WebFindings(findings or _unusable(path))
    return flow, catalog, path


def _unusable(path: Path) -> list[Finding]:
    return [Finding(str(path), 1, 1, "error", "unusable", "the flow could not be loaded")]


def page_data(flow: Flow, catalog: Catalog, path: Path) -> Json:
    """Everything the page knows, as one JSON document, as its scripts read it (the page
    carries it packed: `pack`)."""
    papers = drafts_path(path)
    drafts = parse_drafts(papers)[0] if papers is not None else None
    return {
        "langs": list(LANGS),
        "lang_names": LANG_NAMES,
        "lang_full": LANG_FULL,
        "urgencies": list(URGENCIES),
        "flow": structure(flow),
        "texts": by_lang(texts, flow, catalog),
        "drafts": drafts_json(drafts)
        if drafts is not None and drafts.flow == flow.id
        else no_drafts(),
        "fees": fees_json(catalog),
        "fee_items": sorted(FEE_ITEMS),
        "evidence_items": sorted(OFFER_AFTER_ITEMS),
        "words": all_page_words(),
    }


def _sha256(code: str) -> str:
    return (
        "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode() + "'"
    )


def _json_block(data: Json) -> str:
    """JSON safe inside <script type="application/json">: no '<' that could close it."""
    dumped = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return dumped.replace("<", "\\u003c")


def no_script(flow: Flow) -> str:
    """What the page shows without JavaScript: the safety line and the door rules, in
    every language, and how to get the whole guide."""
    parts: list[str] = []
    for lang in LANGS:
        rules = [flow.items[i] for i in NO_SCRIPT_ITEMS if i in flow.items]
        lines = "".join(
            f"<li><strong>{escape(text(i.text, lang))}</strong> {escape(text(i.detail, lang))}</li>"
            for i in rules
        )
        parts.append(
            f'<section lang="{lang}"><h2>{escape(pick(PAGE["nojs_heading"], lang))}</h2>'
            f"<ol>{lines}</ol><p><strong>{escape(message('footer', lang))}</strong></p>"
            f"<p>{escape(pick(PAGE['nojs_whole'], lang))}</p></section>"
        )
    return "\n".join(parts)


def render_page(flow: Flow, catalog: Catalog, path: Path) -> str:
    """The page's HTML text."""
    style = asset("page.css")
    script = "\n".join(asset(name) for name in SCRIPTS)
    csp = (
        "default-src 'none'; "
        f"script-src {_sha256(script)}; style-src {_sha256(style)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    values = {
        "CSP": escape(csp),
        "TITLE": escape(text(flow.title, "zh-CN")),
        "DANGER": escape(pick(PAGE["danger"], "zh-CN")),
        "NOSCRIPT": no_script(flow),
        "STYLE": style,
        "DATA": _json_block(pack(page_data(flow, catalog, path), LANGS)),
        "SCRIPT": script,
    }
    page = asset("page.html")
    for key, value in values.items():
        page = page.replace(f"<!--{key}-->", value)
    return page


def build(flow_name: str | None) -> str:
    """The page for a flow (a shipped name or a file), refused if it has findings."""
    flow, catalog, path = checked(flow_name)
    return render_page(flow, catalog, path)


def write(flow_name: str | None, output: Path) -> int:
    """Build the page and write it to `output` atomically; its size in bytes."""
    page = build(flow_name)
    write_atomic(output, page)
    output.chmod(0o644)  # a page to publish: readable by the web server, unlike saved answers
    return len(page.encode("utf-8"))
