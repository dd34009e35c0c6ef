"""A JSON Schema of the flow format, so editors validate and complete flow files.

The loader is the authority (it also checks references, order and quotes);
this schema describes the same shapes for editors. `flows/flow.schema.json` is
this, written out; a test keeps the two equal.
"""

from __future__ import annotations

import json
from typing import Any

from .model import KINDS, URGENCIES

SCHEMA_ID = "https://overdue-guide.invalid/flow.schema.json"

_ID = {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"}
_IDS = {"oneOf": [_ID, {"type": "array", "items": _ID}]}
_TEXT = {
    "type": "object",
    "description": "One string in every language: zh-CN first, and en.",
    "properties": {
        "zh-CN": {"type": "string", "minLength": 1},
        "en": {"type": "string", "minLength": 1},
    },
    "required": ["zh-CN", "en"],
    "additionalProperties": False,
}


def _closed(
    properties: dict[str, Any], required: list[str], description: str = ""
) -> dict[str, Any]:
    shape: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        shape["required"] = required
    if description:
        shape["description"] = description
    return shape


def _condition() -> dict[str, Any]:
    ref = {"$ref": "#/$defs/condition"}
    return {
        "description": "A declarative condition on earlier answers.",
        "oneOf": [
            _closed({"question": _ID, "is": _IDS}, ["question", "is"]),
            _closed({"question": _ID, "includes": _IDS}, ["question", "includes"]),
            _closed({"question": _ID, "includes_all": _IDS}, ["question", "includes_all"]),
            _closed({"answered": _ID}, ["answered"]),
            _closed({"all": {"type": "array", "items": ref, "minItems": 1}}, ["all"]),
            _closed({"any": {"type": "array", "items": ref, "minItems": 1}}, ["any"]),
            _closed({"not": ref}, ["not"]),
        ],
    }


def _next() -> dict[str, Any]:
    route = _closed({"when": {"$ref": "#/$defs/condition"}, "goto": _ID}, ["goto"])
    return {
        "description": "A question id or 'end', or routes tried in order.",
        "oneOf": [_ID, {"type": "array", "items": route, "minItems": 1}],
    }


def _source() -> dict[str, Any]:
    document = _closed(
        {
            "document": {"type": "string"},
            "quote": {"type": "string", "minLength": 6},
            "comment": {
                "type": "boolean",
                "description": "The quote is from a reader comment, not the document's own text.",
            },
            "corrected": {
                "type": "boolean",
                "description": "The quoted claim is wrong or dated; the item says what is right.",
            },
        },
        ["document", "quote"],
        "A passage quoted verbatim from a file of ../shared/seeds.",
    )
    reference = _closed(
        {"reference": {"type": "string"}, "article": {"type": "string"}},
        ["reference"],
        "A reference id from flows/sources.yaml, optionally narrowed to an article.",
    )
    return {"oneOf": [document, reference]}


def flow_schema() -> dict[str, Any]:
    """The schema as a JSON-ready dict."""
    option = _closed(
        {
            "code": _ID,
            "label": {"$ref": "#/$defs/text"},
            "items": _IDS,
            "next": {"$ref": "#/$defs/next"},
            "alert": {"$ref": "#/$defs/text"},
        },
        ["code", "label"],
    )
    question = _closed(
        {
            "id": _ID,
            "kind": {"enum": list(KINDS)},
            "prompt": {"$ref": "#/$defs/text"},
            "help": {"$ref": "#/$defs/text"},
            "options": {"type": "array", "items": option, "minItems": 2},
            "next": {"$ref": "#/$defs/next"},
            "items": _IDS,
            "default": {"oneOf": [_ID, {"type": "array", "items": _ID}]},
        },
        ["id", "prompt"],
    )
    item = _closed(
        {
            "id": _ID,
            "urgency": {"enum": list(URGENCIES)},
            "text": {"$ref": "#/$defs/text"},
            "detail": {"$ref": "#/$defs/text"},
            "sources": {"type": "array", "items": {"$ref": "#/$defs/source"}, "minItems": 1},
        },
        ["id", "urgency", "text", "detail", "sources"],
    )
    rule = _closed({"when": {"$ref": "#/$defs/condition"}, "items": _IDS}, ["when", "items"])
    schema = _closed(
        {
            "format": {"const": 1},
            "flow": _ID,
            "title": {"$ref": "#/$defs/text"},
            "intro": {"$ref": "#/$defs/text"},
            "start": _ID,
            "questions": {"type": "array", "items": question, "minItems": 1},
            "rules": {"type": "array", "items": rule},
            "items": {"type": "array", "items": item, "minItems": 1},
        },
        ["flow", "title", "start", "questions", "items"],
        "An overdue-guide flow: see docs/flow-format.md.",
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "overdue-guide flow",
        **schema,
        "$defs": {"text": _TEXT, "condition": _condition(), "next": _next(), "source": _source()},
    }


def as_json() -> str:
    return json.dumps(flow_schema(), ensure_ascii=False, indent=2) + "\n"
