"""`/api/user` (reference §3.1): own and public profiles, counts, updates, lists, deletion."""

import pytest
from openwhyd_http import ADMIN, ADRIEN, DUMMY, FAKE_ID, Browser

PRIVATE = {"pwd", "md5", "email", "lastFm", "pref", "fbTok", "twTok", "twSec"}


def test_logged_out_without_id(visitor: Browser) -> None:
    reply = visitor.get("/api/user")
    assert reply.status == 200 and reply.json() == {"error": "user not logged in"}


def test_own_profile(admin: Browser) -> None:
    me = admin.get("/api/user").json()
    assert me["_id"] == me["id"] == ADMIN and me["mid"] == f"/u/{ADMIN}"
    assert me["email"] == "test@openwhyd.org" and me["handle"] == "admin"
    assert me["pl"] == [{"id": 0, "name": "Offline tones", "url": f"/u/{ADMIN}/playlist/0", "nbTracks": 3}]
    assert me["pref"]["emSam"] == 1 and me["pref"]["mnSnp"] == -1
    assert "pwd" not in me and "md5" not in me
    assert "nbSubscribers" not in me
    counted = admin.get("/api/user", {"includeSubscr": "true"}).json()
    assert counted["nbSubscribers"] == 1 and counted["nbSubscriptions"] == 0


def test_own_playlists_newest_first(admin: Browser) -> None:
    admin.post("/api/playlist", json_body={"action": "create", "name": "second"})
    assert [pl["id"] for pl in admin.get("/api/user").json()["pl"]] == [1, 0]
    assert [pl["id"] for pl in admin.get("/admin/playlists", {"format": "json"}).json()] == [0, 1]


@pytest.mark.parametrize("path", [f"/api/user/{ADRIEN}", "/api/user/adrien"])
def test_public_profile_by_path_id_or_handle(visitor: Browser, path: str) -> None:
    user = visitor.get(path, {"format": "json"}).json()
    assert user["_id"] == ADRIEN and user["name"] == "Adrien Joly"
    assert not PRIVATE & user.keys()
    assert user["pl"][0]["id"] == "1" and user["pl"][-1]["id"] == 64


def test_public_profile_options(visitor: Browser, dummy: Browser) -> None:
    query = {"id": "adrien", "includeSubscr": 1, "isSubscr": 1, "countPosts": 1, "countLikes": 1}
    anonymous = visitor.get("/api/user", query).json()
    assert anonymous["nbSubscribers"] == 1 and anonymous["nbSubscriptions"] == 1
    assert anonymous["nbPosts"] == 21 and anonymous["nbLikes"] == 1
    assert "isSubscribing" not in anonymous
    assert dummy.get("/api/user", query).json()["isSubscribing"] is True
    assert "nbPosts" not in visitor.get("/api/user", {"id": "adrien"}).json()


def test_query_id_overrides_the_path(visitor: Browser) -> None:
    assert visitor.get(f"/api/user/{ADRIEN}", {"id": "dummy"}).json()["_id"] == DUMMY


@pytest.mark.parametrize("ref", [FAKE_ID, "nobody", "x" * 12])
def test_unknown_user(visitor: Browser, ref: str) -> None:
    assert visitor.get("/api/user", {"id": ref}).json() == {"error": "user not found"}


def test_jsonp_is_served_as_json_with_a_semicolon(visitor: Browser) -> None:
    reply = visitor.get("/api/user", {"id": "dummy", "callback": "cb"})
    assert reply.headers["content-type"] == "application/json; charset=utf-8"
    assert reply.text.startswith('cb({"_id":"000000000000000000000002"') and reply.text.endswith(");")


def test_subscriptions_and_subscribers(visitor: Browser, dummy: Browser) -> None:
    """`subscribed` is only there when true (social reference §3.3)."""
    assert visitor.get(f"/api/user/{ADRIEN}/subscriptions").json() == [{"id": ADMIN, "name": "admin"}]
    subscribers = dummy.get("/api/user", {"id": ADRIEN, "action": "subscribers"}).json()
    assert subscribers == [{"id": DUMMY, "name": "dummy"}]
    assert dummy.get(f"/api/user/{DUMMY}/subscriptions").json()[0]["subscribed"] is True
    assert visitor.get("/api/user", {"action": "subscribers"}).json() == {"error": "user not found"}


def test_update_name_propagates_to_posts_and_follows(dummy: Browser, visitor: Browser) -> None:
    reply = dummy.post("/api/user", json_body={"name": "Dummy Renamed"})
    assert reply.json()["name"] == "Dummy Renamed" and "pwd" not in reply.json()
    posts = visitor.get("/dummy", {"format": "json"}).json()
    assert {post["uNm"] for post in posts} == {"Dummy Renamed"}
    followers = visitor.get("/api/follow", {"action": "fetchFollowers", "id": ADRIEN}).json()
    assert followers == [{"uId": DUMMY, "uNm": "Dummy Renamed"}]


def test_get_never_updates(dummy: Browser) -> None:
    dummy.get("/api/user", {"name": "hacked", "bio": "hacked"})
    assert dummy.get("/api/user").json()["name"] == "dummy"


def test_post_ignores_the_query(dummy: Browser) -> None:
    dummy.post("/api/user", {"name": "from query"}, json_body={})
    assert dummy.get("/api/user").json()["name"] == "dummy"


def test_profile_fields(dummy: Browser) -> None:
    reply = dummy.post(
        "/api/user",
        form={"bio": "I like noise", "loc": "Paris", "lnk_home": "https://example.org", "lnk_tw": "someone"},
    )
    user = reply.json()
    assert user["bio"] == "I like noise" and user["loc"] == "Paris"
    assert user["lnk"] == {"home": "https://example.org", "tw": "someone"}
    user = dummy.post("/api/user", json_body={"lnk_tw": "", "pref": {"emLik": 7, "bogus": 1}}).json()
    assert user["lnk"] == {"home": "https://example.org"}
    assert user["pref"]["emLik"] == 7 and "bogus" not in user["pref"]


def test_handle_rules(dummy: Browser, visitor: Browser) -> None:
    reply = dummy.post("/api/user", json_body={"handle": "dum.my-2"}).json()
    assert reply["ok"] == 1 and reply["handle"] == reply["username"] == "dum.my-2"
    assert reply["user"]["handle"] == "dum.my-2"
    assert visitor.get(f"/u/{DUMMY}").headers["location"] == "/openwhyd/dum.my-2"
    for bad in ["ab", "x" * 19, "Upper", "-start", "12345", "hot", "adrien", "a b c"]:
        answer = dummy.post("/api/user", json_body={"handle": bad}).json()
        assert set(answer) == {"error"}, bad
    assert dummy.get("/api/user").json()["handle"] == "dum.my-2"


def test_email_rules(dummy: Browser) -> None:
    assert dummy.post("/api/user", json_body={"email": "nope"}).json() == {
        "error": "This email address is invalid"
    }
    assert dummy.post("/api/user", json_body={"email": "test@openwhyd.org"}).json() == {
        "error": "This email already belongs to another user"
    }
    assert dummy.post("/api/user", json_body={"email": " New@Openwhyd.org"}).json()["email"] == (
        "new@openwhyd.org"
    )


def test_password_change(dummy: Browser, new_browser) -> None:
    wrong = dummy.post("/api/user", json_body={"pwd": "newpass", "oldPwd": "nope"})
    assert wrong.json() == {"error": "Your current password is incorrect"}
    assert "error" not in dummy.post("/api/user", json_body={"pwd": "newpass", "oldPwd": "admin"}).json()
    assert new_browser().login("dummy", "newpass").json() == {"redirect": "/"}


def test_errors_merge_over_the_updated_user(dummy: Browser) -> None:
    reply = dummy.post("/api/user", json_body={"bio": "ok", "email": "bad"}).json()
    assert reply["bio"] == "ok" and reply["error"] == "This email address is invalid"


def test_ask_account_deletion(dummy: Browser, visitor: Browser) -> None:
    reply = dummy.post("/api/user", json_body={"action": "askAccountDeletion"}).json()
    assert reply["ok"] == 1 and reply["message"]
    assert visitor.post("/api/user", json_body={"action": "askAccountDeletion"}).json() == {
        "error": "user not logged in"
    }


def test_delete_account(dummy: Browser, visitor: Browser) -> None:
    assert dummy.get("/api/user", {"action": "delete"}).json().get("ok") is None
    reply = dummy.post("/api/user", json_body={"action": "delete"}).json()
    assert reply["ok"] == 1 and reply["message"]
    assert visitor.get("/api/user", {"id": DUMMY}).json() == {"error": "user not found"}
    assert dummy.get("/api/user").json() == {"error": "user not logged in"}
    assert visitor.get("/dummy", {"format": "json"}).status == 404
