"""`/api/post` (reference §3.2): insert, repost, edit, delete, likes, plays, comments."""

import pytest
from openwhyd_http import ADMIN, ADRIEN, DUMMY, Browser

FIRST_ADRIEN_POST = "6106450aa1de931f401c43be"


def add(user: Browser, **fields: object) -> dict:
    reply = user.api_post(action="insert", **fields)
    assert reply.status == 200, reply.text
    return reply.json()


def test_insert_new_post(dummy: Browser) -> None:
    post = add(dummy, eId="/yt/XdJVWSqb4Ck", name="Jack Johnson - Lullaby")
    assert set(post) == {"_id", "uId", "uNm", "text", "name", "eId", "isNew"}
    assert post["uId"] == DUMMY and post["uNm"] == "dummy" and post["text"] == ""
    assert post["isNew"] is True


def test_session_user_overrides_client_uid(dummy: Browser) -> None:
    post = add(dummy, eId="/yt/x", uId=ADMIN, uNm="admin")
    assert post["uId"] == DUMMY and post["uNm"] == "dummy"


def test_insert_with_ctx_src_and_new_playlist(dummy: Browser) -> None:
    post = add(
        dummy,
        eId="/yt/XdJVWSqb4Ck",
        name="Lullaby",
        ctx="bk",
        pl={"id": "create", "name": "chill"},
        src={"id": "https://www.youtube.com/watch?v=XdJVWSqb4Ck", "name": "Lullaby - YouTube"},
    )
    assert post["ctx"] == "bk" and post["pl"] == {"id": 0, "name": "chill"}
    assert post["src"]["name"] == "Lullaby - YouTube"
    assert dummy.get("/api/user").json()["pl"][0]["nbTracks"] == 1


def test_insert_by_get_with_bracket_keys(dummy: Browser) -> None:
    reply = dummy.get(
        "/api/post",
        {
            "action": "insert",
            "eId": "/fi/https://x/a.mp3",
            "name": "a",
            "pl[id]": "create",
            "pl[name]": "from get",
            "src[id]": "u",
        },
    )
    post = reply.json()
    assert post["pl"] == {"id": 0, "name": "from get"} and post["src"] == {"id": "u"}


@pytest.mark.parametrize(
    ("pl", "expected"),
    [
        ({"id": "3", "name": "trusted"}, {"id": 3, "name": "trusted"}),
        ('{"id": 2, "name": "as json"}', {"id": 2, "name": "as json"}),
        ({"id": "null", "name": "full stream"}, None),
        ({"id": -1}, None),
    ],
)
def test_playlist_ids_are_trusted_or_dropped(dummy: Browser, pl: object, expected: dict | None) -> None:
    post = add(dummy, eId="/yt/x", pl=pl)
    assert post.get("pl") == expected


def test_src_without_id_and_null_img_are_dropped(dummy: Browser) -> None:
    post = add(dummy, eId="/yt/x", src={"name": "no id"}, img="null")
    assert "src" not in post and "img" not in post


def test_insert_needs_eid_or_pid(dummy: Browser) -> None:
    reply = dummy.api_post(action="insert", name="nothing")
    assert reply.status == 400 and reply.json() == {"error": "invalid parameter: eId or pId"}


def test_repost(admin: Browser, visitor: Browser) -> None:
    repost = add(admin, pId=FIRST_ADRIEN_POST, pl={"id": "create", "name": "reposts"})
    assert "isNew" not in repost
    assert repost["repost"] == {"pId": FIRST_ADRIEN_POST, "uId": ADRIEN, "uNm": "Adrien Joly"}
    assert repost["lov"] == [] and repost["nbR"] == 0 and repost["nbP"] == 0 and repost["text"] == ""
    assert repost["name"] == "BOYLE - Roppongi Hills (Music Video)" and repost["pl"]["id"] == 1
    source = visitor.get(f"/c/{FIRST_ADRIEN_POST}", {"format": "json"}).json()["data"]
    assert source["nbR"] == 1
    assert source["reposts"] == [{"id": ADMIN, "name": "admin", "pId": repost["_id"]}]
    missing = admin.api_post(action="insert", pId="a0000000000000000000000a")
    assert missing.status == 400 and missing.json() == {"error": "post not found"}


def test_edit_own_post_overwrites_text_and_drops_playlist(dummy: Browser) -> None:
    post = add(dummy, eId="/yt/x", name="before", text="words", pl={"id": "create", "name": "p"})
    edited = add(dummy, _id=post["_id"], eId="/yt/y", name="after")
    assert edited["isNew"] is False and edited["name"] == "after" and edited["eId"] == "/yt/y"
    assert edited["text"] == "" and "pl" not in edited
    assert dummy.get(f"/c/{post['_id']}", {"format": "json"}).json()["data"]["name"] == "after"


def test_edit_by_form_post(dummy: Browser) -> None:
    post = add(dummy, eId="/yt/x", name="before")
    dummy.post("/api/post", form={"action": "insert", "_id": post["_id"], "eId": "/yt/x", "name": "by form"})
    assert dummy.get(f"/c/{post['_id']}", {"format": "json"}).json()["data"]["name"] == "by form"


def test_edit_someone_elses_post(admin: Browser) -> None:
    reply = admin.api_post(action="insert", _id=FIRST_ADRIEN_POST, eId="/yt/x", name="mine now")
    assert reply.status == 400
    assert reply.json() == {"error": "updating another user's post is not allowed"}


def test_delete(dummy: Browser, admin: Browser) -> None:
    post = add(dummy, eId="/yt/x")
    assert admin.api_post(action="delete", _id=post["_id"]).json() == {"error": {}}
    assert dummy.api_post(action="delete", _id="bad").json() == {"error": "invalid parameter: _id"}
    reply = dummy.api_post(action="delete", _id=post["_id"])
    assert reply.status == 200 and reply.json() == {}
    assert dummy.get(f"/c/{post['_id']}", {"format": "json"}).status == 404
    assert dummy.api_post(action="delete", _id=post["_id"]).status == 400


def test_logged_out_and_unknown_actions_are_bad_requests(visitor: Browser, admin: Browser) -> None:
    for action in ["insert", "delete", "toggleLovePost", "addComment", "deleteComment", "sendToUsers"]:
        reply = visitor.api_post(action=action, eId="/yt/x")
        assert (reply.status, reply.text) == (400, "BAD REQUEST"), action
    assert admin.api_post(action="nope").text == "BAD REQUEST"
    assert admin.get("/api/post").status == 400


def test_toggle_love(dummy: Browser, admin: Browser, visitor: Browser) -> None:
    liked = dummy.api_post(action="toggleLovePost", pId=FIRST_ADRIEN_POST).json()
    assert liked["loved"] is True and liked["lovers"] == 2
    assert liked["post"]["lov"] == [ADRIEN]
    assert DUMMY in visitor.get(f"/c/{FIRST_ADRIEN_POST}", {"format": "json"}).json()["data"]["lov"]
    assert dummy.get(f"/api/post/{FIRST_ADRIEN_POST}/toggleLovePost").json() == {"loved": False, "lovers": 1}
    assert dummy.api_post(action="toggleLovePost", pId="a0000000000000000000000a").json() == {
        "loved": False,
        "lovers": 0,
    }
    assert dummy.api_post(action="toggleLovePost", pId="x").json() == {"error": "invalid parameter: pId"}


def test_lovers_and_reposts(dummy: Browser, admin: Browser, visitor: Browser) -> None:
    dummy.api_post(action="toggleLovePost", pId=FIRST_ADRIEN_POST)
    lovers = dummy.get(f"/api/post/{FIRST_ADRIEN_POST}/lovers").json()
    assert lovers == [
        {"id": ADRIEN, "subscribed": True, "name": "Adrien Joly", "bio": lovers[0]["bio"]},
        {"id": DUMMY, "subscribed": False, "name": "dummy"},
    ]
    add(dummy, pId=FIRST_ADRIEN_POST)
    assert admin.api_post(action="reposts", pId=FIRST_ADRIEN_POST).json() == [
        {"id": DUMMY, "subscribed": False, "name": "dummy"}
    ]
    anonymous = visitor.api_post(action="lovers", pId=FIRST_ADRIEN_POST)
    assert anonymous.status == 400 and anonymous.json() == {"error": "invalid parameter: uId"}


def test_incr_play_counter(admin: Browser, visitor: Browser) -> None:
    def plays() -> int:
        return visitor.get(f"/c/{FIRST_ADRIEN_POST}", {"format": "json"}).json()["data"]["nbP"]

    assert admin.api_post(
        action="incrPlayCounter", pId=FIRST_ADRIEN_POST, eId="/yt/jI3YrVfOksE", duration=200
    ).json() == {"result": {}}
    assert plays() == 4
    failed = admin.api_post(
        action="incrPlayCounter",
        pId=FIRST_ADRIEN_POST,
        logData={"err": {"code": "timeout", "source": "Playem"}, "foc": True},
    )
    assert failed.json()["result"]["_id"] == FIRST_ADRIEN_POST and plays() == 4
    assert visitor.api_post(action="incrPlayCounter", pId=FIRST_ADRIEN_POST).json() == {
        "error": "not logged in"
    }
    assert admin.api_post(action="incrPlayCounter", pId="zz").json() == {"error": "invalid pId"}


def test_scrobble_without_lastfm_is_refused(admin: Browser, visitor: Browser) -> None:
    """The account has no Last.fm session (tests/services/openwhyd/test_openwhyd_lastfm.py connects one)."""
    reply = admin.api_post(action="scrobble", pId=FIRST_ADRIEN_POST, timestamp=1, trackDuration=2)
    assert reply.status == 400 and reply.json() == {"error": "unable to scrobble track"}
    assert admin.api_post(action="scrobble", pId="nope").json() == {"error": "missing track"}
    assert visitor.api_post(action="scrobble").json() == {"error": "not logged in"}


def test_comments(admin: Browser, dummy: Browser, visitor: Browser) -> None:
    comment = admin.api_post(action="addComment", pId=FIRST_ADRIEN_POST, text="  nice  ").json()
    assert comment == {
        "_id": comment["_id"],
        "uId": ADMIN,
        "uNm": "admin",
        "pId": FIRST_ADRIEN_POST,
        "text": "nice",
    }
    assert isinstance(comment["_id"], str) and comment["_id"]
    too_quick = admin.api_post(action="addComment", pId=FIRST_ADRIEN_POST, text="again")
    assert too_quick.status == 400 and too_quick.json() == {
        "error": "You're commenting too quickly! Please try again in a few seconds."
    }
    assert admin.api_post(action="addComment", pId=FIRST_ADRIEN_POST, text=" ").json() == {
        "error": "missing field: text"
    }
    data = visitor.get(f"/c/{FIRST_ADRIEN_POST}", {"format": "json"}).json()["data"]
    assert data["comments"] == [comment]
    assert dummy.api_post(action="deleteComment", _id=comment["_id"]).json() == {
        "error": "you are not allowed to delete this comment"
    }
    assert admin.api_post(action="deleteComment", _id=comment["_id"]).json() == {
        "acknowledged": True,
        "deletedCount": 1,
    }
    assert admin.api_post(action="deleteComment", _id=comment["_id"]).json() == {"error": "comment not found"}


def test_post_author_may_delete_comments(admin: Browser, dummy: Browser) -> None:
    post = add(dummy, eId="/yt/x")
    comment = admin.api_post(action="addComment", pId=post["_id"], text="hi").json()
    assert dummy.api_post(action="deleteComment", _id=comment["_id"]).json()["deletedCount"] == 1


def test_comment_interval_is_two_seconds_per_post(admin: Browser, service_clock) -> None:
    first = add(admin, eId="/yt/a")["_id"]
    second = add(admin, eId="/yt/b")["_id"]
    admin.api_post(action="addComment", pId=first, text="one")
    assert "error" not in admin.api_post(action="addComment", pId=second, text="two").json()
    assert "error" in admin.api_post(action="addComment", pId=first, text="too soon").json()
    service_clock(advance="2.05")
    assert "error" not in admin.api_post(action="addComment", pId=first, text="three").json()


def test_edit_keeps_ctx_img_src_likes_and_plays_when_not_sent(dummy: Browser, admin: Browser) -> None:
    """Social reference §7, its approval snapshot's shape: no `lov: []` added, `isNew: false`."""
    post = add(
        dummy,
        eId="/yt/jI3YrVfOksE",
        name="before",
        text="words",
        ctx="bk",
        img="https://i.ytimg.com/vi/jI3YrVfOksE/default.jpg",
        src={"id": "https://www.youtube.com/watch?v=jI3YrVfOksE", "name": "BOYLE - YouTube"},
        pl={"id": "create", "name": "full stream"},
    )
    reply = dummy.post(
        "/api/post",
        form={
            "action": "insert",
            "_id": post["_id"],
            "eId": "/yt/jI3YrVfOksE",
            "name": "coucou",
            "pl[id]": "",
            "pl[name]": "full stream",
            "src[id]": "",
        },
    )
    assert reply.status == 200
    assert reply.json() == {
        "_id": post["_id"],
        "ctx": "bk",
        "eId": "/yt/jI3YrVfOksE",
        "img": "https://i.ytimg.com/vi/jI3YrVfOksE/default.jpg",
        "isNew": False,
        "name": "coucou",
        "src": {"id": "https://www.youtube.com/watch?v=jI3YrVfOksE", "name": "BOYLE - YouTube"},
        "text": "",
        "uId": DUMMY,
        "uNm": "dummy",
    }
    admin.api_post(action="toggleLovePost", pId=post["_id"])
    dummy.api_post(action="incrPlayCounter", pId=post["_id"])
    edited = add(dummy, _id=post["_id"], eId="/yt/jI3YrVfOksE", name="again", img="https://x/hq.jpg", ctx="")
    assert edited["img"] == "https://x/hq.jpg" and edited["ctx"] == "bk"
    assert edited["lov"] == [ADMIN] and edited["nbP"] == 1


def test_edit_refreshes_the_authors_name(dummy: Browser) -> None:
    post = add(dummy, eId="/yt/x", name="mine")
    dummy.post("/api/user", json_body={"name": "Dummy Renamed"})
    assert add(dummy, _id=post["_id"], eId="/yt/x", name="mine")["uNm"] == "Dummy Renamed"


def test_edit_with_pid_too_is_a_repost(dummy: Browser) -> None:
    post = add(dummy, eId="/yt/x", name="mine")
    repost = add(dummy, _id=post["_id"], pId=FIRST_ADRIEN_POST)
    assert repost["_id"] != post["_id"] and repost["repost"]["pId"] == FIRST_ADRIEN_POST
    assert dummy.get(f"/c/{post['_id']}", {"format": "json"}).json()["data"]["name"] == "mine"


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"_id": "a0000000000000000000000a", "eId": "/yt/x"}, "post not found"),
        ({"_id": "not-an-id", "eId": "/yt/x"}, "post not found"),
        ({"_id": "not-an-id"}, "invalid parameter: eId or pId"),
    ],
)
def test_edit_of_no_post_is_an_error_not_a_hang(dummy: Browser, fields: dict, error: str) -> None:
    """The real server never answers the first two (its edit throws on the missing post)."""
    reply = dummy.api_post(action="insert", **fields)
    assert reply.status == 400 and reply.json() == {"error": error}
