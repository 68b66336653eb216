"""Reading the real server's `mongoexport` dumps (server/openwhyd/dumps.py)."""

import json
from pathlib import Path

import pytest

from server.openwhyd.dumps import Problem, SeedError, from_extended, read_dump

USER = "4d94501d1f78ac091dbc9b4d"


def test_extended_json_becomes_what_the_api_shows() -> None:
    canonical = {
        "_id": {"$oid": USER},
        "consent": {"date": {"$date": {"$numberLong": "1627725600123"}}, "lang": "fr"},
        "nbP": {"$numberLong": "3"},
        "order": {"$numberInt": "-2"},
        "score": {"$numberDouble": "1.5"},
        "odd": {"$numberDouble": "NaN"},
        "lov": [{"$oid": USER}],
    }
    assert from_extended(canonical) == {
        "_id": USER,
        "consent": {"date": "2021-07-31T10:00:00.123Z", "lang": "fr"},
        "nbP": 3,
        "order": -2,
        "score": 1.5,
        "odd": None,
        "lov": [USER],
    }
    relaxed = {"at": {"$date": "2021-07-31T10:00:00Z"}, "ms": {"$date": 0}}
    assert from_extended(relaxed) == {"at": "2021-07-31T10:00:00Z", "ms": "1970-01-01T00:00:00.000Z"}
    assert from_extended({"$regex": "a", "$options": ""}) == {"$regex": "a", "$options": ""}


def test_one_document_a_line_with_bad_lines_reported(tmp_path: Path) -> None:
    dump = tmp_path / "post.json"
    lines = [
        json.dumps({"_id": {"$oid": USER}, "name": "a"}),
        "",
        "{not json",
        "[1]",
        json.dumps({"name": "b"}),
    ]
    dump.write_text("\n".join(lines) + "\n")
    documents, problems = read_dump(dump, "post")
    assert documents == [{"_id": USER, "name": "a"}, {"name": "b"}]
    assert [(p.collection, p.ref) for p in problems] == [("post", "line 3"), ("post", "line 4")]
    assert problems[0].reason.startswith("not JSON") and "not a document" in problems[1].reason


def test_a_json_array_and_its_items(tmp_path: Path) -> None:
    dump = tmp_path / "user.json"
    dump.write_text(json.dumps([{"_id": {"$oid": USER}}, "junk"]))
    documents, problems = read_dump(dump, "user")
    assert documents == [{"_id": USER}]
    assert problems == [Problem("user", "item 2", "not a document (a JSON object)")]


def test_an_unreadable_dump_is_a_seed_error(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text("[{]")
    with pytest.raises(SeedError):
        read_dump(tmp_path / "broken.json", "user")
    with pytest.raises(SeedError):
        read_dump(tmp_path / "missing.json", "user")
