"""Malformed parameters thrown at every route of the service's route table: never a 5xx, and a
visitor who is not logged in changes nothing."""

import json
import re
from typing import Any
from urllib.parse import quote, urlencode

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openwhyd_http import ADMIN, ADRIEN, DUMMY, FAKE_ID, NEW_USER, Browser

from server.openwhyd.app import ROUTES
from server.openwhyd.routes.playlist import ACTIONS as PLAYLIST_ACTIONS
from server.openwhyd.routes.post import ACTIONS as POST_ACTIONS

FUZZED_ROUTES = [(path, methods) for path, methods, _ in ROUTES if not path.startswith("/testing")]
PLACEHOLDER = re.compile(r"\{(\w+)(?::path)?\}")
NAMES = [
    "action",
    "id",
    "_id",
    "pId",
    "uId",
    "uNm",
    "eId",
    "name",
    "text",
    "pl",
    "src",
    "ctx",
    "img",
    "format",
    "limit",
    "after",
    "before",
    "callback",
    "skip",
    "sinceId",
    "q",
    "context",
    "uid",
    "tId",
    "order",
    "handle",
    "email",
    "md5",
    "password",
    "ajax",
    "includeUser",
    "redirect",
    "logData",
    "thumbDims",
    "isSubscr",
    "includeSubscr",
    "countPosts",
    "countLikes",
    "n",
    "embedW",
    "wholePage",
    "sTk",
    "lnk_home",
    "pref",
    "cvrImg",
    "pwd",
    "oldPwd",
    "plId",
    "uidList",
    "remoteOnly",
    "localOnly",
    "bio",
    "loc",
    "uid",
    "handle",
    "genre",
    "rest",
]
WORDS = [
    *POST_ACTIONS,
    *PLAYLIST_ACTIONS,
    "login",
    "logout",
    "forgot",
    "fetchFollowers",
    "fetchFollowing",
    "get",
    "subscribers",
    "subscriptions",
    "json",
    "links",
    "list",
    "create",
    "null",
    "true",
    "false",
    "0",
    "-1",
    "1e999",
    "999999999999999999999",
    "x" * 300,
    FAKE_ID,
    ADMIN,
    DUMMY,
    ADRIEN,
    NEW_USER,
    "6106450aa1de931f401c43be",
    f"{ADMIN}_0",
    "abcdefghijkl",
    "../openwhyd.sqlite3",
    "upload_data/../../x",
    "%00",
    "\x00",
    "é🎵",
]
CONTENT_TYPES = [
    "application/json",
    "application/x-www-form-urlencoded",
    "multipart/form-data",
    "multipart/form-data; boundary=x",
    "text/plain",
    "application/json; charset=latin1",
]

words = st.one_of(st.sampled_from(WORDS), st.text(max_size=12))
keys = st.one_of(
    st.sampled_from(NAMES),
    st.builds(
        lambda name, suffix: name + suffix,
        st.sampled_from(NAMES),
        st.sampled_from(["[]", "[id]", "[0]", "[25]", "[a][b]", "[", "]", "[][]"]),
    ),
    st.text(max_size=6),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | words,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(keys, inner, max_size=3),
    max_leaves=8,
)
pairs = st.lists(st.tuples(keys, words), max_size=8)


@st.composite
def requests(draw: st.DrawFn) -> dict[str, Any]:
    """One request: a route with odd path segments, an odd query (often with every key twice, so
    values arrive as lists) and an odd body."""
    template, methods = draw(st.sampled_from(FUZZED_ROUTES))
    path = PLACEHOLDER.sub(lambda _: quote(draw(words), safe="") or "x", template)
    method = draw(st.sampled_from([*methods, "PUT", "OPTIONS"]))
    query = draw(pairs)
    if draw(st.booleans()):
        query += query
    request: dict[str, Any] = {"method": method, "path": path, "query": query}
    body = draw(st.sampled_from(["none", "json", "form", "multipart", "raw"]))
    if body == "json":
        request["json_body"] = draw(json_values)
    elif body == "form":
        request["form"] = draw(pairs)
    elif body == "multipart":
        request["form"] = dict(draw(pairs))
        request["files"] = {draw(keys) or "file": ("a.png", draw(st.binary(max_size=64)), "image/png")}
    elif body == "raw":
        request["raw"] = draw(st.binary(max_size=200))
        request["content_type"] = draw(st.sampled_from(CONTENT_TYPES))
    return request


def send(browser: Browser, request: dict[str, Any]) -> None:
    request = dict(request)
    method, path, query = request.pop("method"), request.pop("path"), request.pop("query")
    target = path + ("?" + urlencode(query) if query else "")
    if "json_body" in request:
        request = {"raw": json.dumps(request["json_body"]).encode(), "content_type": "application/json"}
    reply = browser.request(method, target, **request)
    assert reply.status < 500, f"{method} {target} {request} -> {reply.status} {reply.text[:300]}"


def snapshot(browser: Browser) -> list[Any]:
    """What anyone can see of the data: every post, ranking, profile, playlist and follow."""
    seen: list[Any] = [
        browser.get("/all", {"format": "json", "limit": 1000}).json(),
        browser.get("/hot", {"format": "json", "limit": 1000}).json(),
    ]
    for uid in (ADMIN, DUMMY, ADRIEN, NEW_USER):
        seen.append(
            browser.get("/api/user", {"id": uid, "includeSubscr": 1, "countPosts": 1, "countLikes": 1}).json()
        )
        seen.append(browser.get(f"/api/follow/fetchFollowers/{uid}").json())
        seen.append(browser.get(f"/u/{uid}/likes", {"format": "json"}).status)
    return seen


FUZZ = settings(
    max_examples=250,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def test_visitors_get_no_5xx_and_change_nothing(visitor: Browser) -> None:
    before = snapshot(visitor)

    @FUZZ
    @given(requests())
    def run(request: dict[str, Any]) -> None:
        send(Browser(visitor.base), request)

    run()
    assert snapshot(visitor) == before


def test_logged_in_users_get_no_5xx(dummy: Browser) -> None:
    """A fuzzed request may log dummy out or delete the account: then the world starts over."""

    @FUZZ
    @given(requests())
    def run(request: dict[str, Any]) -> None:
        send(dummy, request)
        if "error" in dummy.get("/api/user").json():
            dummy.post("/testing/reset")
            dummy.login("dummy@openwhyd.org")

    run()
