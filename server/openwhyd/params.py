"""Request parameters as the real server sees them (reference §1.2 to 1.3), and JS-style coercions.

Values are what Express hands its controllers: strings, lists (a repeated key) or dicts (bracket
keys such as `pl[id]`); a JSON body may also bring numbers, booleans and null.
"""

import json
import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import parse_qsl

from server.digits import natural

MAX_PARAMS = 1000
MAX_DEPTH = 5
MAX_INDEX = 20
SEGMENT = re.compile(r"\[([^\[\]]*)\]")


def key_path(key: str) -> list[str]:
    """`a[b][]` → `["a", "b", ""]`, like qs: text before the first bracket, then each bracket."""
    first = SEGMENT.search(key)
    if first is None or first.start() == 0:
        return [key]
    path = [key[: first.start()]]
    position = first.start()
    for match in SEGMENT.finditer(key, position):
        if match.start() != position or len(path) > MAX_DEPTH:
            break
        path.append(match.group(1))
        position = match.end()
    if position < len(key):
        path.append(key[position:])
    return path


class _Indexed(dict):
    """A node built from `[]` or `[n]` segments; becomes a list once every key is in."""


def _place(node: dict, path: list[str], value: Any) -> None:
    head: str | int = path[0]
    rest = path[1:]
    if isinstance(node, _Indexed) and head == "":
        head = max((k for k in node if isinstance(k, int)), default=-1) + 1
    elif (
        isinstance(node, _Indexed)
        and isinstance(head, str)
        and (index := natural(head, MAX_INDEX)) is not None
    ):
        head = index
    if not rest:
        node[head] = _combine(node[head], value) if head in node else value
        return
    child_kind = _Indexed if rest[0] == "" or natural(rest[0], MAX_INDEX) is not None else dict
    child = node.get(head)
    if not isinstance(child, dict):
        child = child_kind() if child is None else _Indexed({0: child})
        node[head] = child
    _place(child, rest, value)


def _combine(old: Any, new: Any) -> list:
    return [*(old if isinstance(old, list) else [old]), new]


def _finish(value: Any) -> Any:
    if isinstance(value, _Indexed):
        if all(isinstance(k, int) for k in value):
            return [_finish(value[k]) for k in sorted(value)]
        return {str(k): _finish(v) for k, v in value.items()}
    if isinstance(value, dict):
        return {k: _finish(v) for k, v in value.items()}
    return value


def nest(pairs: Iterable[tuple[str, Any]]) -> dict[str, Any]:
    """Bracket keys to nested values; a key given twice becomes a list (qs / q-set)."""
    root: dict[str, Any] = {}
    for count, (key, value) in enumerate(pairs):
        if count >= MAX_PARAMS:
            break
        _place(root, key_path(key), value)
    return _finish(root)


def query_params(query_string: str) -> dict[str, Any]:
    """The query string as Express's extended (qs) parser gives it."""
    return nest(parse_qsl(query_string, keep_blank_values=True))


def form_fields(pairs: Iterable[tuple[str, Any]]) -> dict[str, Any]:
    """Form fields as formidable + q-set give them: raw keys kept, nested keys on top.

    formidable gathers every `x[]` value into one list and keeps the last value of other keys;
    q-set then pushes that list as one item, hence `order[]=a&order[]=b` → `[["a", "b"]]`.
    """
    raw: dict[str, Any] = {}
    for key, value in pairs:
        if key.endswith("[]"):
            raw.setdefault(key, []).append(value)
        else:
            raw[key] = value
    return {**raw, **nest(raw.items())}


def json_fields(body: bytes) -> dict[str, Any]:
    """A JSON body when it is an object; anything else parses to nothing, as on the real server."""
    try:
        value = json.loads(body)
    except (ValueError, RecursionError):
        return {}
    return value if isinstance(value, dict) else {}


def text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def truthy(value: Any) -> bool:
    """JavaScript truthiness: `"false"` and `"0"` are true, `""`, `0` and `null` are not."""
    if isinstance(value, (list, dict)):
        return True
    return bool(value)


LEADING_INT = re.compile(r"\s*([+-]?[0-9]+)")
SAFE_INT = 2**53


def js_int(value: Any) -> int | None:
    """`parseInt(value)`: the leading integer of a string or number, else None (NaN).

    Integers beyond what a JS number holds exactly count as NaN too.
    """
    number = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, float) and value == value and abs(value) < SAFE_INT:
        number = int(value)
    elif isinstance(value, str) and (match := LEADING_INT.match(value)):
        number = int(match.group(1)) if len(match.group(1)) <= 17 else None
    return number if number is not None and abs(number) < SAFE_INT else None


def count(value: Any, default: int) -> int:
    """A `limit` or `skip`: its parsed value when positive, else `default`."""
    number = js_int(value)
    return number if number is not None and number > 0 else default


def json_object(value: Any) -> dict[str, Any] | None:
    """An object sent as such or as a JSON string (how `pl`, `src` and `logData` arrive)."""
    if isinstance(value, str):
        value = json_fields(value.encode())
    return value if isinstance(value, dict) and value else None


def string_list(value: Any) -> list[str]:
    """One string or a list of them (a repeated key, or a JSON array)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str)]
    return []


CALLBACK_JUNK = re.compile(r"[^A-Za-z0-9_]")


def callback_name(value: Any) -> str | None:
    """A JSONP function name cleaned to `[A-Za-z0-9_]`, or None when there is nothing left."""
    name = CALLBACK_JUNK.sub("", value) if isinstance(value, str) else ""
    return name or None


SAFE_PATH = re.compile(r"/(?![/\\])[^\s<>\"'`\\]*")


def safe_path(value: Any) -> str | None:
    """A redirect target inside this site (a rooted path), else None."""
    if isinstance(value, str) and len(value) <= 2000 and SAFE_PATH.fullmatch(value):
        return value
    return None


def js_type(value: Any) -> str:
    """`typeof value` for what a request can carry."""
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    return "object"


def mistyped_field(params: dict[str, Any], expected: dict[str, str]) -> dict[str, Any] | None:
    """`snip.checkMistypedFields`: the first field missing or not of its type (`"array"` is a
    list), as the real error object, or None."""
    for name, kind in expected.items():
        value = params.get(name)
        if name not in params or (
            js_type(value) != kind and not (kind == "array" and isinstance(value, list))
        ):
            problem = "missing field" if name not in params else "mistyped field"
            return {
                "field": name,
                "type": js_type(value) if name in params else "undefined",
                "expected": kind,
                "error": f"{problem}: {name}",
            }
    return None
