"""`--seed` with the real server's dumps: `mongoexport` files (a document a line, or an array) in
extended JSON, legacy documents missing optional fields, and documents that cannot be loaded,
each reported with its collection, id and reason while the rest load."""

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openwhyd_http import ADMIN_MD5, Browser

ADRIEN = "4d94501d1f78ac091dbc9b4d"
BARE = "5a0000000000000000000001"
COPYCAT = "5a0000000000000000000002"
NUMBERED = "5a0000000000000000000003"
GHOST = "5a00000000000000000000ff"
FULL_POST = "6106450aa1de931f401c43be"
BARE_POST = "5b0000000000000000000001"
ORPHAN_POST = "5b0000000000000000000002"
COMMENT = "5c0000000000000000000001"
LOST_COMMENT = "5c0000000000000000000002"


def oid(value: str) -> dict[str, str]:
    return {"$oid": value}


USERS = [
    {
        "_id": oid(ADRIEN),
        "name": "Adrien Joly",
        "handle": "adrien",
        "email": "adrien@example.org",
        "pwd": ADMIN_MD5,
        "pl": [{"id": 0, "name": "Old"}, {"id": "1", "name": "Legacy string id"}],
        "consent": {"date": {"$date": "2020-01-01T00:00:00.000Z"}, "lang": "fr"},
    },
    {"_id": oid(BARE)},
    {"_id": oid(COPYCAT), "name": "Copycat", "handle": "adrien"},
    {"name": "nobody"},
    {"_id": oid(BARE), "name": "same id again"},
    {"_id": oid(NUMBERED), "name": 42},
]
POSTS = [
    {
        "_id": oid(FULL_POST),
        "uId": ADRIEN,
        "uNm": "Adrien Joly",
        "name": "BOYLE - Roppongi Hills",
        "eId": "/yt/jI3YrVfOksE",
        "pl": {"id": "1", "name": "Legacy string id"},
        "nbP": {"$numberLong": "5"},
        "lov": [ADRIEN],
    },
    {"_id": oid(BARE_POST), "uId": ADRIEN},
    {"_id": oid(ORPHAN_POST), "uId": GHOST, "name": "lost"},
    {"uId": ADRIEN, "name": "no id"},
]
FOLLOWS = [
    {"_id": oid("5d0000000000000000000001"), "uId": BARE, "uNm": "", "tId": ADRIEN, "tNm": "Adrien Joly"},
    {"_id": oid("5d0000000000000000000002"), "uId": GHOST, "tId": ADRIEN},
]
COMMENTS = [
    {"_id": oid(COMMENT), "pId": FULL_POST, "uId": BARE, "uNm": "", "text": "old times"},
    {"_id": oid(LOST_COMMENT), "pId": ORPHAN_POST, "uId": BARE, "text": "lost"},
]
REPORTED = [
    f"user {COPYCAT}: its handle 'adrien' is another user's: loaded without it",
    "user document 4: not loaded: it has no valid _id",
    f"user {BARE}: not loaded: an earlier document has the same _id",
    f"user {NUMBERED}: its name 42 is not of its type: loaded without it",
    f"post {ORPHAN_POST}: not loaded: its uId '{GHOST}' is no user loaded",
    "post document 4: not loaded: it has no valid _id",
    f"follow 5d0000000000000000000002: not loaded: its uId '{GHOST}' is no user loaded",
    f"comment {LOST_COMMENT}: not loaded: its pId '{ORPHAN_POST}' is no post loaded",
    "comment line 3: not JSON",
]


def lines(documents: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(doc) + "\n" for doc in documents)


@pytest.fixture
def legacy(tmp_path: Path, own_service: Callable[..., str], caplog: pytest.LogCaptureFixture) -> Browser:
    dump = tmp_path / "dump"
    dump.mkdir()
    (dump / "user.json").write_text(lines(USERS))
    (dump / "post.json").write_text(json.dumps(POSTS, indent=1))
    (dump / "follow.json").write_text(lines(FOLLOWS))
    (dump / "comment.json").write_text(lines(COMMENTS) + "{oops\n")
    with caplog.at_level(logging.WARNING, logger="server.openwhyd.seed"):
        base = own_service(tmp_path / "data", seed=dump)
    return Browser(base)


def test_legacy_documents_load_with_what_they_have(legacy: Browser) -> None:
    tracks = legacy.get("/adrien", {"format": "json"}).json()
    assert [track["_id"] for track in tracks] == [FULL_POST, BARE_POST]
    assert tracks[0]["nbP"] == 5 and tracks[0]["lov"] == [ADRIEN] and tracks[0]["pl"]["id"] == "1"
    assert tracks[1] == {"_id": BARE_POST, "uId": ADRIEN, "lov": []}
    playlists = legacy.get("/adrien/playlists", {"format": "json"}).json()
    assert [(pl["id"], pl["name"], pl["nbTracks"]) for pl in playlists] == [
        (0, "Old", 0),
        ("1", "Legacy string id", 1),
    ]
    bare = legacy.get("/api/user", {"id": BARE, "includeSubscr": 1}).json()
    assert bare["_id"] == BARE and bare["nbSubscriptions"] == 1
    assert "handle" not in legacy.get("/api/user", {"id": COPYCAT}).json()
    assert "name" not in legacy.get("/api/user", {"id": NUMBERED}).json()
    post = legacy.get(f"/c/{FULL_POST}", {"format": "json"}).json()
    assert [comment["text"] for comment in post["data"]["comments"]] == ["old times"]


def test_a_legacy_account_signs_in_with_its_password(legacy: Browser) -> None:
    assert legacy.login("adrien").json() == {"redirect": "/"}
    assert legacy.get("/api/user").json()["consent"] == {"date": "2020-01-01T00:00:00.000Z", "lang": "fr"}


def test_every_document_not_loaded_whole_is_reported(
    legacy: Browser, caplog: pytest.LogCaptureFixture
) -> None:
    logged = [record.getMessage().removeprefix("Openwhyd seed: ") for record in caplog.get_records("setup")]
    for expected in REPORTED:
        assert any(line.startswith(expected) for line in logged), expected
    assert len(logged) == len(REPORTED)
    assert legacy.get(f"/u/{ORPHAN_POST}", {"format": "json"}).status == 404
