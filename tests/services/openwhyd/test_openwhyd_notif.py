"""Notifications (openwhyd-social.md §1): every kind, as `GET /api/notif` shows it, and clearing them;
the `activity` of likes as `/recent` shows it (§2)."""

from collections.abc import Callable
from datetime import datetime

import pytest
from openwhyd_http import ADMIN, DUMMY, FAKE_ID, Browser

NOW = "2031-03-01T12:00:00.000Z"
SECONDS = int(datetime.fromisoformat("2031-03-01T12:00:00+00:00").timestamp())
LEEWAY = 30
"""The service's clock keeps running from where a test put it: a time within this of it is now."""


def recent(seconds: int) -> bool:
    return SECONDS <= seconds < SECONDS + LEEWAY


@pytest.fixture(autouse=True)
def fixed_time(service_clock: Callable[..., datetime]) -> None:
    service_clock(at="2031-03-01T12:00:00Z")


def add(user: Browser, **fields: object) -> dict:
    reply = user.api_post(action="insert", **fields)
    assert reply.status == 200, reply.text
    return reply.json()


def notifs(user: Browser) -> list[dict]:
    """The user's notifications, each `t` of these last seconds written as `NOW`."""
    reply = user.get("/api/notif")
    assert (reply.status, reply.media_type) == (200, "application/json"), reply.text
    items = reply.json()
    for item in items:
        if recent(int(datetime.fromisoformat(item["t"]).timestamp())):
            assert item["t"].endswith(".000Z")
            item["t"] = NOW
    return items


def test_logged_out_both_methods_answer_an_empty_json_body(visitor: Browser) -> None:
    for reply in (
        visitor.get("/api/notif"),
        visitor.get("/api/notif/anything"),
        visitor.post("/api/notif", form={"action": "deleteAll"}),
    ):
        assert (reply.status, reply.body, reply.headers["content-type"]) == (200, b"", "application/json")


def test_nothing_to_tell_is_an_empty_array(admin: Browser) -> None:
    assert notifs(admin) == []


def test_likes_count_on_one_notification_and_unlikes_take_it_back(admin: Browser, dummy: Browser) -> None:
    post = add(dummy, eId="/yt/XdJVWSqb4Ck", name="Jack Johnson - Lullaby")
    assert admin.api_post(action="toggleLovePost", pId=post["_id"]).json()["loved"] is True
    expected = {
        "pId": f"{post['_id']}/loves",
        "track": {"eId": "/yt/XdJVWSqb4Ck", "name": "Jack Johnson - Lullaby"},
        "t": NOW,
        "lastAuthor": {"id": ADMIN, "name": "admin"},
        "n": 1,
    }
    assert notifs(dummy) == [expected]
    dummy.api_post(action="toggleLovePost", pId=post["_id"])
    assert notifs(dummy) == [expected], "a like of one's own post tells nobody"
    admin.api_post(action="toggleLovePost", pId=post["_id"])
    assert notifs(dummy) == []


def test_an_unlike_after_the_author_cleared_the_like_is_answered(admin: Browser, dummy: Browser) -> None:
    post = add(dummy, eId="/yt/a", name="A")
    admin.api_post(action="toggleLovePost", pId=post["_id"])
    assert dummy.post("/api/notif", form={"action": "delete", "pId": f"{post['_id']}/loves"}).json() == {
        "ok": True
    }
    reply = admin.api_post(action="toggleLovePost", pId=post["_id"])
    assert (reply.status, reply.json()["loved"]) == (200, False)
    assert notifs(dummy) == []
    admin.api_post(action="toggleLovePost", pId=post["_id"])
    assert [item["n"] for item in notifs(dummy)] == [1]


def test_reposts_tell_the_original_author(admin: Browser, dummy: Browser) -> None:
    post = add(dummy, eId="/yt/a", name="A")
    add(dummy, pId=post["_id"])
    assert notifs(dummy) == [], "reposting one's own post tells nobody"
    add(admin, pId=post["_id"])
    assert notifs(dummy) == [
        {
            "pId": f"{post['_id']}/reposts",
            "track": {"eId": "/yt/a", "name": "A"},
            "t": NOW,
            "lastAuthor": {"id": ADMIN, "name": "admin"},
            "n": 1,
        }
    ]


def test_a_follow_tells_the_followed_and_again_on_each_follow(admin: Browser, dummy: Browser) -> None:
    admin.get("/api/follow", {"action": "insert", "tId": DUMMY})
    follow = {
        "pId": f"/u/{ADMIN}",
        "track": {"eId": f"/u/{ADMIN}", "name": "admin"},
        "t": NOW,
        "lastAuthor": {},
        "n": 1,
    }
    assert notifs(dummy) == [follow]
    admin.get("/api/follow", {"action": "delete", "tId": DUMMY})
    admin.get("/api/follow", {"action": "insert", "tId": DUMMY})
    assert notifs(dummy) == [follow | {"n": 2}]


def test_comments_tell_the_author_and_replies_the_earlier_commenters(admin: Browser, dummy: Browser) -> None:
    post = add(dummy, eId="/yt/a", name='<b> & "quoted"')
    track = "<span>&lt;b&gt; &amp; &quot;quoted&quot;</span>"
    admin.api_post(action="addComment", pId=post["_id"], text="nice")
    assert notifs(dummy) == [
        {
            "pId": f"{post['_id']}/comments",
            "track": {"img": f"/img/u/{ADMIN}"},
            "t": NOW,
            "lastAuthor": {},
            "n": 1,
            "img": f"/img/u/{ADMIN}",
            "html": f"<span>admin</span> commented on your track {track}",
            "href": f"/c/{post['_id']}",
        }
    ]
    dummy.api_post(action="addComment", pId=post["_id"], text="thanks")
    assert len(notifs(dummy)) == 1, "commenting one's own post tells nobody"
    assert notifs(admin) == [
        {
            "pId": f"{post['_id']}/replies",
            "track": {"img": f"/img/u/{DUMMY}"},
            "t": NOW,
            "lastAuthor": {},
            "n": 1,
            "img": f"/img/u/{DUMMY}",
            "html": f"<span>dummy</span> replied to your comment on {track}",
            "href": f"/c/{post['_id']}",
        }
    ]


def test_a_mention_in_a_comment_replaces_the_comment_notification(admin: Browser, dummy: Browser) -> None:
    post = add(dummy, eId="/yt/a", name="A")
    admin.api_post(action="addComment", pId=post["_id"], text=f"hey @[dummy](user:{DUMMY})")
    [mention] = notifs(dummy)
    assert mention["pId"] not in (post["_id"], f"{post['_id']}/comments")
    assert len(mention["pId"]) == 24
    assert mention == {
        "pId": mention["pId"],
        "track": {"img": f"/img/u/{ADMIN}"},
        "t": NOW,
        "lastAuthor": {},
        "n": 1,
        "img": f"/img/u/{ADMIN}",
        "html": "<span>admin</span> mentionned you about <span>A</span>",
        "href": f"/c/{post['_id']}",
    }


def test_mentions_in_a_post_are_told_on_insert_edit_and_repost_six_at_most(
    admin: Browser, dummy: Browser
) -> None:
    text = " ".join([f"@[dummy](user:{DUMMY})"] * 7)
    post = add(admin, eId="/yt/a", name="A", text=text)
    assert len(notifs(dummy)) == 6
    add(admin, _id=post["_id"], eId="/yt/a", name="A", text=f"@[dummy](user:{DUMMY})")
    repost = add(admin, pId=post["_id"], text=f"@[Dummy](USER:{DUMMY})")
    hrefs = [item["href"] for item in notifs(dummy)]
    assert hrefs.count(f"/c/{post['_id']}") == 7
    assert hrefs.count(f"/c/{repost['_id']}") == 1


def test_send_a_track_answers_the_stored_notification(admin: Browser, dummy: Browser) -> None:
    pid = add(admin, eId="/yt/a", name="A")["_id"]
    reply = admin.api_post(action="sendToUsers", pId=pid, uidList=[DUMMY, FAKE_ID])
    sent = reply.json()
    assert reply.status == 200
    assert list(sent) == ["_id", "type", "href", "img", "uIdLast", "html", "t", "uId"]
    assert sent == {
        "_id": sent["_id"],
        "type": "Snt",
        "href": f"/c/{pid}",
        "img": f"/img/post/{pid}",
        "uIdLast": ADMIN,
        "html": "<span>admin</span> sent you a track",
        "t": sent["t"],
        "uId": [DUMMY, FAKE_ID],
    }
    assert recent(sent["t"])
    assert notifs(dummy) == [
        {
            "type": "Snt",
            "pId": sent["_id"],
            "track": {"img": f"/img/post/{pid}"},
            "t": NOW,
            "lastAuthor": {"id": ADMIN, "name": "admin"},
            "n": 1,
            "img": f"/img/post/{pid}",
            "html": "<span>admin</span> sent you a track",
            "href": f"/c/{pid}",
        }
    ]


def test_send_a_track_errors_are_400_with_the_first_bad_field(admin: Browser) -> None:
    missing = admin.api_post(action="sendToUsers", uidList=[DUMMY])
    assert (missing.status, missing.json()) == (
        400,
        {"field": "pId", "type": "undefined", "expected": "string", "error": "missing field: pId"},
    )
    single = admin.post("/api/post", form={"action": "sendToUsers", "pId": "x", "uidList": DUMMY})
    assert (single.status, single.json()) == (
        400,
        {"field": "uidList", "type": "string", "expected": "array", "error": "mistyped field: uidList"},
    )
    indexed = admin.post("/api/post", form={"action": "sendToUsers", "pId": "x", "uidList[0]": DUMMY})
    assert (indexed.status, indexed.json()["uId"]) == (200, [DUMMY])


def test_send_a_playlist(admin: Browser, dummy: Browser) -> None:
    body = {"action": "sendToUsers", "plId": f"{ADMIN}_0", "uidList": [DUMMY]}
    sent = admin.post("/api/playlist", json_body=body).json()
    assert sent == {
        "_id": sent["_id"],
        "type": "Snp",
        "href": f"/u/{ADMIN}/playlist/0",
        "img": f"/img/playlist/{ADMIN}_0",
        "uIdLast": ADMIN,
        "html": "<span>admin</span> sent you a playlist",
        "t": sent["t"],
        "uId": [DUMMY],
    }
    assert recent(sent["t"])
    [shown] = notifs(dummy)
    assert (shown["type"], shown["pId"], shown["href"]) == ("Snp", sent["_id"], f"/u/{ADMIN}/playlist/0")
    error = admin.post("/api/playlist", json_body={"action": "sendToUsers", "plId": 0, "uidList": [DUMMY]})
    assert (error.status, error.json()) == (
        200,
        {"field": "plId", "type": "number", "expected": "string", "error": "mistyped field: plId"},
    )


def test_invite_accepted_tells_the_inviter(visitor: Browser, admin: Browser) -> None:
    token = visitor.get("/api/signup/rTk/7").text.split('value="')[1].split('"')[0]
    form = {"name": "New <one>", "email": "new@openwhyd.org", "password": "secret", "sTk": token, "ajax": 1}
    uid = visitor.post("/register", form={**form, "iBy": ADMIN}).json()["uId"]
    [invite] = notifs(admin)
    assert invite == {
        "pId": invite["pId"],
        "track": {"img": f"/img/u/{uid}"},
        "t": NOW,
        "lastAuthor": {},
        "n": 1,
        "img": f"/img/u/{uid}",
        "html": "Your friend <span>New &lt;one&gt;</span> accepted your invite",
        "href": f"/u/{uid}",
    }


def test_newest_first(admin: Browser, dummy: Browser, service_clock: Callable[..., datetime]) -> None:
    post = add(dummy, eId="/yt/a", name="A")
    admin.api_post(action="toggleLovePost", pId=post["_id"])
    service_clock(advance="60")
    admin.get("/api/follow", {"action": "insert", "tId": DUMMY})
    assert [item["pId"] for item in notifs(dummy)] == [f"/u/{ADMIN}", f"{post['_id']}/loves"]
    assert notifs(dummy)[0]["t"].startswith("2031-03-01T12:01:")


def test_delete_one_by_its_pid_and_delete_all(admin: Browser, dummy: Browser, new_browser) -> None:
    post = add(dummy, eId="/yt/a", name="A")
    admin.api_post(action="toggleLovePost", pId=post["_id"])
    admin.get("/api/follow", {"action": "insert", "tId": DUMMY})
    sent = admin.api_post(action="sendToUsers", pId=post["_id"], uidList=[DUMMY]).json()
    assert len(notifs(dummy)) == 3
    assert dummy.post("/api/notif", json_body={"action": "delete", "pId": f"x{sent['_id']}y"}).json() == {
        "ok": True
    }
    assert len(notifs(dummy)) == 2
    for missing in ({"action": "delete"}, {"action": "delete", "pId": FAKE_ID}, {"action": "test"}):
        assert dummy.post("/api/notif", json_body=missing).json() == {"ok": True}
    assert len(notifs(dummy)) == 2
    assert dummy.post("/api/notif", {"action": "deleteAll"}).json() == {"error": "unknown action"}, (
        "the query is not read"
    )
    assert dummy.post("/api/notif", form={"action": "deleteAll"}).json() == {"ok": True}
    assert notifs(dummy) == []


def test_a_follow_is_cleared_by_its_path_and_an_unknown_action_is_an_error(
    admin: Browser, dummy: Browser
) -> None:
    dummy.get("/api/follow", {"action": "insert", "tId": ADMIN})
    assert [item["pId"] for item in notifs(admin)] == [f"/u/{DUMMY}"]
    admin.post("/api/notif", form={"action": "delete", "pId": f"/u/{DUMMY}"})
    assert notifs(admin) == []
    assert admin.post("/api/notif", form={"action": "explode"}).json() == {"error": "unknown action"}


def test_recent_lists_likes_of_the_people_one_follows(
    admin: Browser, dummy: Browser, visitor: Browser
) -> None:
    post = add(admin, eId="/yt/a", name="Liked <track>")
    dummy.get("/api/follow", {"action": "insert", "tId": ADMIN})
    admin.api_post(action="toggleLovePost", pId=post["_id"])
    page = dummy.get("/recent")
    assert (page.status, page.media_type) == (200, "text/html")
    assert "admin" in page.text and "Liked &lt;track&gt;" in page.text
    assert f"/c/{post['_id']}" in page.text
    admin.api_post(action="toggleLovePost", pId=post["_id"])
    assert "Liked &lt;track&gt;" not in dummy.get("/recent").text
    away = visitor.get("/recent")
    assert (away.status, away.headers["location"]) == (307, "/openwhyd/")
