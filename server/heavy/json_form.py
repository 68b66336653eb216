"""A JSON:API document (`{"data": {"attributes": {…}}}`) read as the form fields the same route
takes, so a patch's settings change the same way from a form or from a JSON:API client."""

import json
from typing import Any

from server.heavy.responses import Refusal

JSON_TYPES = frozenset({"application/json", "application/vnd.api+json"})
FIELDS = {"idPublic": "public", "isPublic": "public"}
"""Attributes whose form field has another name: the document spells `idPublic` as Enzien did."""
SHAPE = 'Send a JSON:API document: {"data": {"type": "patch", "attributes": {…}}}.'


def form_fields(body: bytes) -> dict[str, str]:
    """The document's attributes as text fields: booleans `true`/`false`, lists comma-separated."""
    try:
        document = json.loads(body)
    except ValueError as error:
        raise Refusal(400, f"The body is not JSON. {SHAPE}", soft=False) from error
    data = document.get("data") if isinstance(document, dict) else None
    attributes = data.get("attributes") if isinstance(data, dict) else None
    if not isinstance(attributes, dict):
        raise Refusal(400, SHAPE, soft=False)
    return {FIELDS.get(str(name), str(name)): _text(value) for name, value in attributes.items()}


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(str(item) for item in value)
    return "" if value is None else str(value)
