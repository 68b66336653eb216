"""Reads the real server's MongoDB dumps: a `mongoexport` file of one collection, one document per
line or a JSON array (`--jsonArray`), in extended JSON (`{"$oid": …}`, `{"$date": …}`,
`{"$numberLong": …}`, relaxed or canonical) or plain JSON, as the API shows documents.

A line that is not a JSON object is reported (`Problem`) and the rest read; a file that cannot be
read at all is a `SeedError`.
"""

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from server.openwhyd.pages.markup import iso


class SeedError(ValueError):
    """The folder is not a seed: a file is missing, unreadable, or not a dump of documents."""


@dataclass(frozen=True)
class Problem:
    """A document the seed could not take, or took only in part: where, and why."""

    collection: str
    ref: str
    """The document's `_id`, else where it is in its file."""
    reason: str

    def __str__(self) -> str:
        return f"{self.collection} {self.ref}: {self.reason}"


def read_dump(path: Path, collection: str) -> tuple[list[dict[str, Any]], list[Problem]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise SeedError(f"{path}: {error}") from error
    problems: list[Problem] = []
    if text.lstrip().startswith("["):
        entries = _array(text, path)
    else:
        entries, problems = _lines(text, collection)
    documents, more = _documents(entries, collection)
    return documents, problems + more


def _array(text: str, path: Path) -> list[tuple[str, Any]]:
    try:
        items = json.loads(text)
    except ValueError as error:
        raise SeedError(f"{path}: not a JSON array: {error}") from error
    return [(f"item {number}", item) for number, item in enumerate(items, 1)]


def _lines(text: str, collection: str) -> tuple[list[tuple[str, Any]], list[Problem]]:
    entries, problems = [], []
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                entries.append((f"line {number}", json.loads(line)))
            except ValueError as error:
                problems.append(Problem(collection, f"line {number}", f"not JSON: {error}"))
    return entries, problems


def _documents(entries: list[tuple[str, Any]], collection: str) -> tuple[list[dict[str, Any]], list[Problem]]:
    documents = []
    problems = []
    for where, value in entries:
        plain = from_extended(value)
        if isinstance(plain, dict):
            documents.append(plain)
        else:
            problems.append(Problem(collection, where, "not a document (a JSON object)"))
    return documents, problems


def from_extended(value: Any) -> Any:
    """Extended JSON's wrapped values as the API would show them: ids as hex strings, dates as
    ISO strings (JavaScript's `toISOString`), numbers as numbers."""
    if isinstance(value, list):
        return [from_extended(item) for item in value]
    if not isinstance(value, dict):
        return value
    if len(value) == 1:
        ((key, inner),) = value.items()
        if key == "$oid" and isinstance(inner, str):
            return inner
        if key == "$date":
            return _date(from_extended(inner))
        if key in ("$numberLong", "$numberInt") and isinstance(inner, str):
            return int(inner) if inner.lstrip("-").isdigit() else inner
        if key in ("$numberDouble", "$numberDecimal") and isinstance(inner, str):
            number = float(inner) if _is_float(inner) else math.nan
            return number if math.isfinite(number) else None
    return {key: from_extended(item) for key, item in value.items()}


def _is_float(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _date(value: Any) -> Any:
    """`{"$date": "2021-07-31T10:00:00Z"}` stays a string; milliseconds since the epoch (relaxed
    `{"$date": 1627725600000}` or canonical `{"$numberLong": …}`) become one."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return iso(value / 1000)
        except (OverflowError, OSError, ValueError):
            return value
    return value
