"""Follower lists (social reference §3): the profile tabs `/…/subscribers|subscriptions` with their
paging quirks, `/api/follow/fetchFollowers|fetchFollowing` and `/api/user/:id/subscribers|subscriptions`."""

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from openwhyd_http import ADMIN, ADMIN_MD5, ADRIEN, DUMMY, FAKE_ID, Browser

STAR = "0000000000000000000000aa"
FANS = 55
FAN_IDS = [f"{0x100 + n:024x}" for n in range(FANS)]
FAN0, FAN5 = FAN_IDS[0], FAN_IDS[5]


def _crowd_seed(folder: Path) -> Path:
    """`star`, without a handle, followed by 55 fans in order (the last one is the newest); `star`
    follows fans 1 and 2; fan 0 (password admin) follows fan 5."""
    folder.mkdir()
    users = [{"_id": STAR, "name": "Star", "email": "star@example.org", "pwd": ADMIN_MD5}] + [
        {
            "_id": uid,
            "name": f"Fan {n:02d}",
            "email": f"fan{n}@example.org",
            "pwd": ADMIN_MD5,
            **({"bio": f"bio of fan {n}"} if n % 2 == 0 else {}),
        }
        for n, uid in enumerate(FAN_IDS)
    ]
    follow_id = iter(f"{0x600000000000000000000000 + n:024x}" for n in range(100))
    follows = [
        {"_id": next(follow_id), "uId": uid, "uNm": "stale name", "tId": STAR, "tNm": "Star"}
        for uid in FAN_IDS
    ]
    follows += [
        {"_id": next(follow_id), "uId": STAR, "uNm": "Star", "tId": FAN_IDS[n], "tNm": f"Fan {n:02d}"}
        for n in (1, 2)
    ]
    follows.append({"_id": next(follow_id), "uId": FAN0, "uNm": "Fan 00", "tId": FAN5, "tNm": "Fan 05"})
    for name, docs in (("user", users), ("post", []), ("follow", follows)):
        (folder / f"{name}.json").write_text(json.dumps(docs))
    return folder


@pytest.fixture(scope="module")
def crowd(own_service: Callable[..., str], tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("crowd")
    return own_service(folder / "data", seed=_crowd_seed(folder / "seed"), test_mode=True)


def users_listed(page: str) -> list[tuple[str, str]]:
    """`(data-id, data-subscribed)` of each `li.user`, in order."""
    return re.findall(r'<li class="user" data-id="([0-9a-f]{24})" data-subscribed="(true|)">', page)


# §3.1 the profile tabs


def test_profile_tabs_redirect_to_the_handle_keeping_list_parameters(visitor: Browser) -> None:
    reply = visitor.get(f"/u/{ADRIEN}/subscribers", {"after": "3", "format": "json", "q": "x"})
    assert reply.status == 307
    assert reply.headers["location"] == "/openwhyd/adrien/subscribers?after=3&format=json"
    assert visitor.get(f"/u/{ADRIEN}/subscriptions").headers["location"] == "/openwhyd/adrien/subscriptions"


@pytest.mark.parametrize("path", [f"/u/{FAKE_ID}/subscribers", "/nobody-here/subscriptions"])
def test_profile_tabs_of_unknown_users_are_404(visitor: Browser, path: str) -> None:
    assert visitor.get(path).status == 404
    as_json = visitor.get(path, {"format": "json"})
    assert as_json.status == 404 and as_json.json()["errorCode"] == "USER_NOT_FOUND"


def test_profile_tabs_have_no_json_nor_links(visitor: Browser) -> None:
    """These tabs hand the renderer an empty post list, whatever the user's followers."""
    as_json = visitor.get("/adrien/subscribers", {"format": "json"})
    assert as_json.status == 200 and as_json.json() == []
    assert visitor.get("/adrien/subscriptions", {"callback": "fn"}).text == "fn([])"
    links = visitor.get("/adrien/subscribers", {"format": "links"})
    assert links.status == 200 and links.body == b"" and links.media_type == "text/text"


def test_subscribers_page_lists_users_with_real_hooks(visitor: Browser) -> None:
    reply = visitor.get("/adrien/subscribers")
    assert reply.status == 200 and reply.media_type == "text/html"
    page = reply.text
    assert "<title>Adrien Joly's followers - Openwhyd</title>" in page, "the real page's title"
    assert users_listed(page) == [(DUMMY, "")]
    assert (
        f'<a href="/openwhyd/u/{DUMMY}" class="thumb" '
        f"style=\"background-image:url('/openwhyd/img/u/{DUMMY}?width=100&amp;height=100');\"></a>"
    ) in page
    assert f'<a href="/openwhyd/u/{DUMMY}" class="username">dummy</a><div class="userbio"></div>' in page
    assert (
        f'<a id="userSubscriptions" href="/openwhyd/u/{ADRIEN}/subscriptions"><span>1</span> following</a>'
        in page
    )
    assert (
        f'<a id="userSubscribers" href="/openwhyd/u/{ADRIEN}/subscribers"><span>1</span> followers</a>'
        in page
    )
    assert "btnLoadMore" not in page


def test_subscriptions_page_names_come_from_the_users(visitor: Browser, admin: Browser) -> None:
    admin.post("/api/user", json_body={"name": "Renamed Admin"})
    page = visitor.get("/adrien/subscriptions").text
    assert users_listed(page) == [(ADMIN, "")]
    assert 'class="username">Renamed Admin</a>' in page
    assert "<span>Following</span>" in page


def test_subscribed_is_the_viewers_own_follow(dummy: Browser, admin: Browser) -> None:
    assert users_listed(dummy.get("/adrien/subscribers").text) == [(DUMMY, "")]
    assert users_listed(admin.get("/adrien/subscriptions").text) == [(ADMIN, "")]
    assert users_listed(dummy.get("/dummy/subscriptions").text) == [(ADRIEN, "true")]
    admin.get("/api/follow", {"action": "insert", "tId": DUMMY})
    assert users_listed(admin.get("/adrien/subscribers").text) == [(DUMMY, "true")]


@pytest.mark.parametrize(
    ("path", "who", "text"),
    [
        ("/dummy/subscribers", "dummy", "You have no subscribers yet"),
        ("/dummy/subscribers", None, "No subscribers yet"),
        ("/admin/subscriptions", None, "No subscriptions yet"),
        ("/admin/subscriptions", "admin", "You have no subscriptions yet"),
    ],
)
def test_empty_states(new_browser: Callable[[], Browser], path: str, who: str | None, text: str) -> None:
    browser = new_browser()
    if who:
        browser.login(who)
    page = browser.get(path).text
    assert f'<ul id="subscriptions"></ul><div class="emptyFeed">{text}</div>' in page


def test_a_page_holds_fifty_newest_first_then_load_more(crowd: str) -> None:
    visitor = Browser(crowd)
    reply = visitor.get(f"/u/{STAR}/subscribers")
    assert reply.status == 200, "a user without a handle is listed at /u/<id>"
    listed = users_listed(reply.text)
    assert [uid for uid, _ in listed] == FAN_IDS[::-1][:50]
    host = crowd.split("/")[2]
    next_url = f"http://{host}/openwhyd/u/{STAR}/subscribers?after=50&amp;wholePage=true"
    assert f'<a class="btnLoadMore" href="{next_url}">' in reply.text
    assert 'class="username">Fan 54</a><div class="userbio">bio of fan 54</div>' in reply.text
    assert "stale name" not in reply.text


def test_the_next_whole_page_and_the_fragment(crowd: str) -> None:
    visitor = Browser(crowd)
    whole = visitor.get(f"/u/{STAR}/subscribers", {"after": "50", "wholePage": "true"}).text
    assert whole.startswith("<!DOCTYPE html>") and 'id="userStats"' in whole
    assert [uid for uid, _ in users_listed(whole)] == FAN_IDS[4::-1]
    assert "btnLoadMore" not in whole
    fragment = visitor.get(f"/u/{STAR}/subscribers", {"after": "48", "limit": "2"}).text
    assert fragment.startswith('<ul id="subscriptions">') and "<html" not in fragment
    assert [uid for uid, _ in users_listed(fragment)] == FAN_IDS[6::-1]


def test_the_no_js_link_of_page_two_repeats_after_which_is_a_400(crowd: str) -> None:
    """The real quirk: `nextWholePageUrl` appends to the current URL."""
    visitor = Browser(crowd)
    page_two = visitor.get(f"/u/{STAR}/subscribers", {"after": "0", "wholePage": "true"}).text
    link = re.search(r'class="btnLoadMore" href="([^"]+)"', page_two)
    assert link is not None
    query = link.group(1).replace("&amp;", "&").split("?", 1)[1]
    assert query == "after=0&wholePage=true&after=50&wholePage=true"
    reply = visitor.get(f"/u/{STAR}/subscribers?{query}")
    assert reply.status == 400 and reply.json() == {"error": "invalid parameter value: after"}


@pytest.mark.parametrize(("after", "first"), [("junk", 54), ("-3", 54), ("53", 1), ("54", 0)])
def test_after_is_an_offset_bad_ones_count_as_zero(crowd: str, after: str, first: int) -> None:
    listed = users_listed(
        Browser(crowd).get(f"/u/{STAR}/subscribers", {"after": after, "wholePage": "1"}).text
    )
    assert listed[0][0] == FAN_IDS[first]


def test_no_load_more_when_paging_backwards(crowd: str) -> None:
    page = Browser(crowd).get(f"/u/{STAR}/subscribers", {"before": "x", "wholePage": "1"}).text
    assert len(users_listed(page)) == 50 and "btnLoadMore" not in page


def test_crowd_viewer_sees_whom_they_follow(crowd: str) -> None:
    fan = Browser(crowd)
    fan.get("/login", {"action": "login", "ajax": 1, "email": "fan0@example.org", "password": "admin"})
    listed = dict(users_listed(fan.get(f"/u/{STAR}/subscribers", {"after": "0", "wholePage": "1"}).text))
    assert listed[FAN5] == "true" and {flag for uid, flag in listed.items() if uid != FAN5} == {""}
    assert [uid for uid, _ in users_listed(fan.get(f"/u/{STAR}/subscriptions").text)] == [
        FAN_IDS[2],
        FAN_IDS[1],
    ]


# §3.2 /api/follow lists


def test_fetch_lists_by_path_and_action_get_and_post(visitor: Browser) -> None:
    expected = [{"uId": DUMMY, "uNm": "dummy"}]
    assert visitor.get(f"/api/follow/fetchFollowers/{ADRIEN}").json() == expected
    assert visitor.post(f"/api/follow/fetchFollowers/{ADRIEN}").json() == expected
    assert visitor.get("/api/follow", {"action": "fetchFollowers", "id": ADRIEN}).json() == expected
    assert visitor.get(f"/api/follow/fetchFollowing/{ADRIEN}").json() == [{"tId": ADMIN, "tNm": "admin"}]
    assert visitor.get("/api/follow/fetchFollowing/not-an-id").json() == []


def test_fetch_following_marks_whom_the_viewer_follows(dummy: Browser, visitor: Browser) -> None:
    """The reference's own example, with the demo's names."""
    dummy.get("/api/follow", {"action": "insert", "tId": ADMIN})
    reply = dummy.get(f"/api/follow/fetchFollowing/{DUMMY}", {"limit": "2", "isSubscr": "1"}).json()
    assert reply == [
        {"tId": ADMIN, "tNm": "admin", "isSubscribing": True},
        {"tId": ADRIEN, "tNm": "Adrien Joly", "isSubscribing": True},
    ]
    assert visitor.get(f"/api/follow/fetchFollowing/{DUMMY}", {"isSubscr": "1"}).json()[0] == {
        "tId": ADMIN,
        "tNm": "admin",
    }


def test_fetch_followers_pages_by_skip_and_limit(crowd: str) -> None:
    visitor = Browser(crowd)
    everyone = visitor.get(f"/api/follow/fetchFollowers/{STAR}", {"limit": "5000"}).json()
    assert [item["uId"] for item in everyone] == FAN_IDS[::-1]
    assert everyone[0] == {"uId": FAN_IDS[-1], "uNm": "stale name"}, "the names stored in the follows"
    assert len(visitor.get(f"/api/follow/fetchFollowers/{STAR}").json()) == 50
    page = visitor.get(f"/api/follow/fetchFollowers/{STAR}", {"skip": "50", "limit": "0"}).json()
    assert [item["uId"] for item in page] == FAN_IDS[4::-1]


# §3.3 /api/user/:id/subscribers|subscriptions


def test_user_api_lists_everyone_with_names_and_bios_from_the_users(crowd: str) -> None:
    listed = Browser(crowd).get(f"/api/user/{STAR}/subscribers").json()
    assert len(listed) == FANS
    assert listed[0] == {"id": FAN_IDS[-1], "name": "Fan 54", "bio": "bio of fan 54"}
    assert listed[1] == {"id": FAN_IDS[-2], "name": "Fan 53"}


def test_user_api_subscribed_is_relative_to_the_viewer(crowd: str) -> None:
    fan, star = Browser(crowd), Browser(crowd)
    fan.get("/login", {"action": "login", "ajax": 1, "email": "fan0@example.org", "password": "admin"})
    star.get("/login", {"action": "login", "ajax": 1, "email": "star@example.org", "password": "admin"})
    seen_by_fan = fan.get("/api/user", {"id": STAR, "action": "subscribers"}).json()
    assert [item["id"] for item in seen_by_fan if item.get("subscribed")] == [FAN5]
    assert all(item.get("subscribed") in (True, None) for item in seen_by_fan)
    own = star.get(f"/api/user/{STAR}/subscriptions").json()
    assert own == [
        {"id": FAN_IDS[2], "name": "Fan 02", "bio": "bio of fan 2", "subscribed": True},
        {"id": FAN_IDS[1], "name": "Fan 01", "subscribed": True},
    ]
    followers_seen_by_star = star.get(f"/api/user/{STAR}/subscribers").json()
    assert [item["id"] for item in followers_seen_by_star if item.get("subscribed")] == [
        FAN_IDS[2],
        FAN_IDS[1],
    ]
    assert all(
        "subscribed" not in item for item in Browser(crowd).get(f"/api/user/{STAR}/subscribers").json()
    )


def test_user_api_lists_by_id_as_sent(visitor: Browser) -> None:
    assert visitor.get(f"/api/user/{ADRIEN}/subscriptions").json() == [{"id": ADMIN, "name": "admin"}]
    assert visitor.get("/api/user/adrien/subscriptions").json() == []
    assert visitor.get(f"/api/user/{FAKE_ID}/subscribers").json() == []
    assert visitor.get("/api/user", {"action": "subscribers"}).json() == {"error": "user not found"}
