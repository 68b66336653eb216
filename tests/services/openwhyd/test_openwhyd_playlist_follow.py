"""`/api/playlist` (reference §3.7) and `/api/follow` (§3.8)."""

import pytest
from openwhyd_http import ADMIN, ADRIEN, DUMMY, FAKE_ID, Browser


def test_get_playlists_by_global_id(visitor: Browser) -> None:
    assert visitor.get(f"/api/playlist/{ADMIN}_0").json() == [
        {
            "id": f"{ADMIN}_0",
            "name": "Offline tones",
            "uId": ADMIN,
            "uNm": "admin",
            "plId": "0",
            "nbTracks": 3,
        }
    ]
    both = visitor.get("/api/playlist", [("id", f"{ADMIN}_0"), ("id", f"{ADRIEN}_39")]).json()
    assert [item["nbTracks"] for item in both] == [3, 5]
    assert visitor.get("/api/playlist", {"id": f"{FAKE_ID}_0"}).json() == [
        {"id": f"{FAKE_ID}_0", "uId": FAKE_ID, "plId": "0", "nbTracks": 0}
    ]
    assert (visitor.get("/api/playlist").status, visitor.get("/api/playlist").text) == (400, "BAD REQUEST")


def test_mutations_need_login_and_a_known_action(visitor: Browser, admin: Browser) -> None:
    assert visitor.post("/api/playlist", json_body={"action": "create", "name": "x"}).status == 400
    assert admin.post("/api/playlist", json_body={"action": "explode"}).status == 400
    assert admin.post("/api/playlist", {"action": "create"}).status == 400


def test_create_rename_delete(dummy: Browser, visitor: Browser) -> None:
    assert dummy.post("/api/playlist", json_body={"action": "create", "name": "first"}).json() == {
        "id": 0,
        "name": "first",
    }
    assert dummy.post("/api/playlist", form={"action": "create", "name": "second"}).json() == {
        "id": 1,
        "name": "second",
    }
    post = dummy.api_post(action="insert", eId="/yt/x", pl={"id": 0, "name": "first"}).json()
    renamed = dummy.post("/api/playlist", json_body={"action": "rename", "id": 0, "name": "new"})
    assert renamed.json() == {"id": 0, "name": "new"}
    assert visitor.get(f"/c/{post['_id']}", {"format": "json"}).json()["data"]["pl"]["name"] == "new"
    assert dummy.post("/api/playlist", json_body={"action": "rename", "id": 9, "name": "x"}).text == "true"
    deleted = dummy.post("/api/playlist", form={"action": "delete", "id": "0"})
    assert deleted.status == 200 and deleted.text == "0"
    assert dummy.post("/api/playlist", json_body={"action": "delete", "id": 1}).text == "1"
    assert dummy.get("/api/user").json()["pl"] == []
    data = visitor.get(f"/c/{post['_id']}", {"format": "json"}).json()["data"]
    assert "pl" not in data
    assert post["_id"] in [p["_id"] for p in visitor.get("/dummy", {"format": "json"}).json()]
    assert dummy.post("/api/playlist", json_body={"action": "delete", "id": 5}).json() == {
        "error": "playlist not found"
    }


def test_set_order_needs_a_truthy_id_and_a_real_array(admin: Browser) -> None:
    tracks = [p["_id"] for p in admin.get("/admin/playlist/0", {"format": "json"}).json()]
    assert admin.post("/api/playlist", json_body={"action": "setOrder", "id": 0, "order": tracks}).json() == {
        "error": "missing parameters"
    }
    repeated = admin.post("/api/playlist", form={"action": "setOrder", "id": "0", "order[]": tracks})
    assert repeated.json() == {"ok": 1}
    assert "order" not in admin.get("/admin/playlist/0", {"format": "json"}).json()[0]
    indexed = {f"order[{i}]": pid for i, pid in enumerate(tracks[::-1])}
    assert admin.post("/api/playlist", form={"action": "setOrder", "id": "0", **indexed}).json() == {"ok": 1}
    assert [p["_id"] for p in admin.get("/admin/playlist/0", {"format": "json"}).json()] == (tracks[::-1])


def test_update_checks_types(admin: Browser) -> None:
    assert admin.post("/api/playlist", json_body={"action": "update", "id": 0, "img": "x"}).json() == {
        "error": "invalid id parameter"
    }
    assert admin.post("/api/playlist", json_body={"action": "update", "id": "0"}).json() == {
        "error": "invalid img parameter"
    }
    assert admin.post(
        "/api/playlist", json_body={"action": "update", "id": "0", "img": "upload_data/none.png"}
    ).json() == {"error": "invalid img parameter"}


def test_follow_insert_get_delete(admin: Browser) -> None:
    followed = admin.get("/api/follow", {"action": "insert", "tId": DUMMY})
    assert followed.status == 200 and set(followed.json()) == {"_id"}
    assert admin.get("/api/follow", {"action": "get", "tId": DUMMY}).json() == followed.json()
    again = admin.post(f"/api/follow/insert/{DUMMY}")
    assert again.json() == followed.json()
    assert admin.get("/api/follow", {"action": "delete", "tId": DUMMY}).json() == {}
    assert admin.get("/api/follow", {"action": "get", "tId": DUMMY}).json() == {}
    assert admin.get("/api/follow", {"action": "insert"}).json() == {}


def test_follow_ignores_the_body(admin: Browser) -> None:
    assert admin.post("/api/follow", json_body={"action": "insert", "tId": DUMMY}).json() == {
        "error": "bad request"
    }


def test_follow_errors(visitor: Browser, admin: Browser) -> None:
    assert visitor.get("/api/follow", {"action": "insert", "tId": DUMMY}).json() == {
        "error": {"error": "please login first"}
    }
    assert admin.get("/api/follow", {"action": "dance"}).json() == {"error": "bad request"}


def test_follow_with_redirect_answers_a_page(admin: Browser) -> None:
    page = admin.get("/api/follow", {"action": "insert", "tId": DUMMY, "redirect": "/dummy"})
    assert page.media_type == "text/html" and "/openwhyd/dummy" in page.text


def test_fetch_followers_and_following(visitor: Browser, dummy: Browser, admin: Browser) -> None:
    admin.get("/api/follow", {"action": "insert", "tId": ADRIEN})
    followers = visitor.get(f"/api/follow/fetchFollowers/{ADRIEN}").json()
    assert followers == [{"uId": ADMIN, "uNm": "admin"}, {"uId": DUMMY, "uNm": "dummy"}]
    assert visitor.get("/api/follow", {"action": "fetchFollowing", "id": ADRIEN}).json() == [
        {"tId": ADMIN, "tNm": "admin"}
    ]
    marked = dummy.get(f"/api/follow/fetchFollowers/{ADRIEN}", {"isSubscr": "true"}).json()
    assert marked == [{"uId": ADMIN, "uNm": "admin"}, {"uId": DUMMY, "uNm": "dummy"}]
    mine = admin.get(f"/api/follow/fetchFollowers/{ADRIEN}", {"isSubscr": "true"}).json()
    assert mine[1] == {"uId": DUMMY, "uNm": "dummy"} and "isSubscribing" not in mine[0]
    admin.get("/api/follow", {"action": "insert", "tId": DUMMY})
    mine = admin.get(f"/api/follow/fetchFollowers/{ADRIEN}", {"isSubscr": "true"}).json()
    assert mine[1] == {"uId": DUMMY, "uNm": "dummy", "isSubscribing": True}


@pytest.mark.parametrize(
    ("skip", "limit", "count"),
    [("junk", "junk", 2), ("1", "0", 1), ("-5", "1", 1), ("0", "5000", 2), ("1", "1", 1)],
)
def test_follow_paging_tolerates_junk(
    visitor: Browser, admin: Browser, skip: str, limit: str, count: int
) -> None:
    admin.get("/api/follow", {"action": "insert", "tId": ADRIEN})
    reply = visitor.get(
        "/api/follow", {"action": "fetchFollowers", "id": ADRIEN, "skip": skip, "limit": limit}
    )
    assert reply.status == 200 and len(reply.json()) == count
