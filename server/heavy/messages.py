"""hvcc's notifications as JSON:API error objects naming object, file and position.

hvcc writes `[obj] in "file" @ (x:…, y:…): text`. For objects it cannot parse at all it
reports the enclosing graph with an empty name and position 0,0, so those are found again
in the uploaded files, in order, to tell the user where the unknown object sits. The errors that
follow from such an object name the placeholder hvcc put in its stead, as Python's text of a
dict (`[comment {'text': 'null object placeholder (fiddle~)'}]`): they are given the object's
name and place instead. A message hvcc gave no place for says so, rather than leave the user
looking for one.
"""

import re
from collections.abc import Iterator
from pathlib import Path

HVCC_FORMAT = re.compile(
    r'^\s*(?P<object>.*?) in "(?P<file>.*?)" @ \(x:(?P<x>-?\d+), y:(?P<y>-?\d+)\): (?P<text>.*)$',
    re.DOTALL,
)
UNKNOWN_OBJECT = 2001
UNKNOWN_NAME = re.compile(r'parse object "(?P<name>[^"]+)"')
PLACEHOLDER_NAME = re.compile(r"^comment null object placeholder \((?P<name>.*)\)$")
PLACEHOLDER_TEXT = re.compile(r"\[comment \{'text': 'null object placeholder \((?P<name>[^']*)\)'\}\]")
DICT_TEXT = re.compile(r"\{'\w+': '(?P<value>[^']*)'\}")
NO_PLACE = "hvcc gave no file or position for this message."


def note(stage: str, text: str) -> dict:
    """A message of the service's own, shaped as hvcc's are, about no place in the patch."""
    place = {"object": None, "file": None, "position": None}
    return {"detail": text, "code": None, "meta": {"stage": stage, **place}}


def to_api(messages: list[dict], patch_dir: Path) -> list[dict]:
    """Worker messages `{stage, enum, message}` → `{detail, code, meta{stage, object, file, position}}`."""
    places = _Places(patch_dir)
    return [_one(message, places) for message in messages]


def _one(message: dict, places: "_Places") -> dict:
    text, obj, file, position = message["message"].strip(), None, None, None
    match = HVCC_FORMAT.match(message["message"])
    if match:
        text = _readable(match["text"].strip())
        obj, file = match["object"].strip("[]") or None, match["file"] or None
        position = {"x": int(match["x"]), "y": int(match["y"])}
        unknown = UNKNOWN_NAME.search(text)
        placeholder = PLACEHOLDER_NAME.match(obj or "")
        if obj is None and message["enum"] == UNKNOWN_OBJECT and unknown:
            obj = unknown["name"]
            file, position = places.next(obj) or (file, position)
        elif placeholder:
            obj = placeholder["name"]
            file, position = places.last(obj) or (file, position)
        if file is None:
            position = None
    if position is not None:
        text = f'[{obj or ""}] in "{file or ""}" @ (x:{position["x"]}, y:{position["y"]}): {text}'
    elif match:
        text = f"{text} ({NO_PLACE})"
    return {
        "detail": text,
        "code": str(message["enum"]),
        "meta": {"stage": message["stage"], "object": obj, "file": file, "position": position},
    }


def _readable(text: str) -> str:
    """hvcc's words with the placeholders of unknown objects named as the objects, and no
    Python dict text left."""
    text = PLACEHOLDER_TEXT.sub(lambda found: f"[{found['name']}]", text)
    return DICT_TEXT.sub(lambda found: found["value"], text)


class _Places:
    """Where each object name appears in the patch's files, handed out first to last."""

    def __init__(self, patch_dir: Path) -> None:
        self._dir = patch_dir
        self._found: dict[str, Iterator[tuple[str, dict[str, int]]]] = {}
        self._given: dict[str, tuple[str, dict[str, int]]] = {}

    def next(self, name: str) -> tuple[str, dict[str, int]] | None:
        if name not in self._found:
            self._found[name] = self._scan(name)
        place = next(self._found[name], None)
        if place is not None:
            self._given[name] = place
        return place

    def last(self, name: str) -> tuple[str, dict[str, int]] | None:
        """The place handed out last for `name`: the object a follow-on message is about."""
        return self._given.get(name) or self.next(name)

    def _scan(self, name: str) -> Iterator[tuple[str, dict[str, int]]]:
        pattern = re.compile(rf"#X obj (-?\d+) (-?\d+) {re.escape(name)}[\s;,]")
        files = sorted(self._dir.rglob("*.pd"), key=lambda p: (p.name != "_main.pd", str(p)))
        for path in files:
            text = path.read_text(errors="replace")
            for match in pattern.finditer(text):
                position = {"x": int(match[1]), "y": int(match[2])}
                yield path.relative_to(self._dir).as_posix(), position
