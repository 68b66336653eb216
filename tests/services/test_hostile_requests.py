"""Hostile requests to every route of both services, signed in and out: odd methods, path segments
of unicode, %-escapes, NUL and huge numbers, odd query strings, garbage bodies and forged
credentials. Every one gets a proper answer: no 5xx, no dropped connection, the service's
documented error shape, `nosniff`, and nothing of the server's insides in the body.

The routes come from the services' own route tables, so a new route is covered the day it is added.
"""

import http.client
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.api.transport import UploadFile, encode_multipart
from server.heavy.routes import ROUTES as HEAVY_ROUTES
from server.openwhyd.app import ROUTES as OPENWHYD_ROUTES
from server.openwhyd.routes.playlist import ACTIONS as PLAYLIST_ACTIONS
from server.openwhyd.routes.post import ACTIONS as POST_ACTIONS

ADMIN = "000000000000000000000001"
DUMMY = "000000000000000000000002"
NEW_USER = "000000000000000000000003"
ADRIEN = "4d94501d1f78ac091dbc9b4d"
FAKE_ID = "a0000000000000000000000a"
MALLORY = "mallory"
"""The heavy user the signed-in requests speak for: whatever they create or revoke is theirs."""

OPENWHYD = [(path, methods) for path, methods, _ in OPENWHYD_ROUTES if not path.startswith("/testing")]
HEAVY = [(route.path, sorted(route.methods or ["GET"])) for route in HEAVY_ROUTES]
HEAVY_PREFIXES = ["/heavy", ""]
"""heavy answers under `/heavy` and, for the 2017 uploader, at the root (`/a`, `/h`)."""
PLACEHOLDER = re.compile(r"\{(\w+)(:\w+)?\}")
METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "FOO", "PROPFIND", "get"]
LEAKS = re.compile(rb'Traceback|File "|/work/|/tmp/|/home/')

NAMES = [
    *("action", "id", "_id", "pId", "uId", "uNm", "eId", "name", "text", "pl", "src", "ctx", "img"),
    *("format", "limit", "after", "before", "callback", "skip", "sinceId", "q", "context", "uid"),
    *("tId", "order", "handle", "email", "md5", "password", "ajax", "includeUser", "redirect"),
    *("logData", "thumbDims", "isSubscr", "includeSubscr", "countPosts", "countLikes", "n"),
    *("embedW", "wholePage", "sTk", "lnk_home", "pref", "cvrImg", "pwd", "oldPwd", "plId"),
    *("uidList", "remoteOnly", "localOnly", "bio", "loc", "genre", "rest", "lang"),
    *("file", "patch_file", "patch_name", "owner_name", "public", "release", "label", "tags"),
]
NUMBERS = ["0", "1", "-1", "1e999", "99999999999999999999", "9" * 5000, "²", "०१", "٣", "0x1f", " 1"]
WORDS = [
    *POST_ACTIONS,
    *PLAYLIST_ACTIONS,
    *("login", "logout", "forgot", "fetchFollowers", "fetchFollowing", "get", "subscribers"),
    *("subscriptions", "json", "links", "list", "create", "null", "true", "false", "latest"),
    *(FAKE_ID, ADMIN, DUMMY, ADRIEN, NEW_USER, "6106450aa1de931f401c43be", f"{ADMIN}_0"),
    *("demo", "sine", "arpeggio", MALLORY, "c/src", "web/local", "index.html", "archive.zip"),
    *("r2026.11", "dev", "abcdefghijkl", "x" * 300, "../openwhyd.sqlite3", "upload_data/../../x"),
    *("/日本", "https://x.example/日本.jpg", "javascript:alert(1)", "\x00", "a\x00b", "\r\n", "é🎵"),
    *NUMBERS,
]
ESCAPES = [
    *("%00", "a%00b", "%0d%0a", "%0A", "%ff%fe", "%C2%B2", "%", "%zz", "%4", "%2e%2e", ".."),
    *("%2F", "%5C", "%E6%97%A5%E6%9C%AC", "%ED%A0%80", "%F0%9F%8E%B5", "%25", "%3F", "%23"),
]
CONTENT_TYPES = [
    *("application/json", "application/x-www-form-urlencoded", "multipart/form-data"),
    *("multipart/form-data; boundary=x", "text/plain", "application/json; charset=latin1"),
    *("application/zip", "multipart/form-data; boundary=", "image/png", "text/é"),
]
ACCEPTS = ["*/*", "application/json", "text/html", "application/json, text/html", "\x7f?", ""]

unicode_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=12)
words = st.one_of(st.sampled_from(WORDS), unicode_text)
segments = st.one_of(
    words.map(lambda word: quote(word, safe="") or "x"),
    st.sampled_from(ESCAPES),
    st.lists(
        st.sampled_from(ESCAPES) | words.map(lambda word: quote(word, safe="")), min_size=2, max_size=4
    ).map("".join),
)
keys = st.one_of(
    st.sampled_from(NAMES),
    st.builds(
        lambda name, suffix: name + suffix,
        st.sampled_from(NAMES),
        st.sampled_from(["[]", "[id]", "[0]", "[25]", "[a][b]", "[", "]", "[][]", "[²]", "[99999999999]"]),
    ),
    unicode_text,
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | words,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(keys, inner, max_size=3),
    max_leaves=8,
)
pairs = st.lists(st.tuples(keys, words), max_size=8)


@dataclass(frozen=True)
class Reply:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def media_type(self) -> str:
        return (self.headers.get("content-type") or "").split(";")[0].strip()

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass(frozen=True)
class Hostile:
    """One request as it goes on the wire (the target is percent-encoded ASCII); `forged`
    credentials, when drawn, replace those of whoever sends it."""

    method: str
    target: str
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None
    forged: dict[str, str] | None = None

    def __str__(self) -> str:
        sent = {**self.headers, **(self.forged or {})}
        return f"{self.method} {self.target} {sent} {(self.body or b'')[:200]!r}"


def send(base: str, request: Hostile, credentials: dict[str, str] | None = None) -> Reply:
    """`request` over a fresh connection, no redirect followed; a dropped connection fails."""
    url = urlsplit(base)
    headers = {**request.headers, **(request.forged if request.forged is not None else credentials or {})}
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    try:
        connection.request(request.method, url.path + request.target, body=request.body, headers=headers)
        response = connection.getresponse()
        return Reply(response.status, response.headers, response.read())
    except (http.client.HTTPException, ConnectionError) as error:
        raise AssertionError(f"{request}: the connection closed with no answer ({error!r})") from error
    finally:
        connection.close()


def get_json(base: str, target: str, credentials: dict[str, str] | None = None) -> tuple[int, Any]:
    reply = send(base, Hostile("GET", target), credentials)
    return reply.status, reply.json()


def fill(template: str, draw: st.DrawFn) -> str:
    """The route's pattern with each placeholder replaced by odd segments (several for `:path`)."""

    def segment(match: re.Match) -> str:
        count = draw(st.integers(1, 3)) if match.group(2) == ":path" else 1
        return "/".join(draw(segments) for _ in range(count))

    return PLACEHOLDER.sub(segment, template)


def query(draw: st.DrawFn) -> str:
    """Odd pairs, often each key twice (so values arrive as lists), sometimes raw escapes after."""
    drawn = draw(pairs)
    if draw(st.booleans()):
        drawn += drawn
    text = urlencode(drawn)
    if draw(st.booleans()):
        text += "&" + "".join(draw(st.lists(st.sampled_from([*ESCAPES, "=", "&", "[", "]"]), max_size=6)))
    return "?" + text if text else ""


def body(draw: st.DrawFn) -> tuple[dict[str, str], bytes | None]:
    """Nothing, or garbage JSON, form, multipart (a file that starts like a patch, a zip or an
    image) or raw bytes under any content type."""
    kind = draw(st.sampled_from(["none", "json", "form", "multipart", "raw"]))
    if kind == "json":
        return {"Content-Type": "application/json"}, json.dumps(draw(json_values)).encode()
    if kind == "form":
        return {"Content-Type": "application/x-www-form-urlencoded"}, urlencode(draw(pairs)).encode()
    if kind == "multipart":
        start = draw(st.sampled_from([b"#N canvas 0 0 10 10 12;\n", b"PK\x03\x04", b"\x89PNG", b""]))
        upload = UploadFile(draw(keys) or "file", draw(words), start + draw(st.binary(max_size=64)))
        content_type, data = encode_multipart(tuple(draw(pairs)), (upload,))
        return {"Content-Type": content_type}, data
    if kind == "raw":
        return {"Content-Type": draw(st.sampled_from(CONTENT_TYPES))}, draw(st.binary(max_size=200))
    return {}, None


def hostile(
    routes: list[tuple[str, list[str]]], prefixes: list[str], forged: list[dict[str, str]]
) -> st.SearchStrategy[Hostile]:
    @st.composite
    def build(draw: st.DrawFn) -> Hostile:
        template, methods = draw(st.sampled_from(routes))
        target = draw(st.sampled_from(prefixes)) + fill(template, draw) + query(draw)
        headers, data = body(draw)
        headers["Accept"] = draw(st.sampled_from(ACCEPTS))
        method = draw(st.sampled_from([*methods, *METHODS]))
        return Hostile(method, target, headers, data, draw(st.none() | st.sampled_from(forged)))

    return build()


def openwhyd_error_shape(reply: Reply) -> bool:
    """The real server's error answers (reference §1.1, §1.4, §3.11): `{error}` as JSON (some
    served as HTML, as `badRequest` does), the 404 page, an empty body, `BAD REQUEST` or
    `FORBIDDEN`, or an image placeholder."""
    if reply.body in (b"", b"BAD REQUEST", b"FORBIDDEN"):
        return True
    if reply.status == 404 and reply.media_type == "text/html":
        return b"404 / not found" in reply.body
    if reply.status == 404 and reply.media_type in ("image/png", "image/gif"):
        return True
    try:
        data = reply.json()
    except ValueError:
        return False
    return isinstance(data, dict) and isinstance(data.get("error"), str)


def heavy_error_shape(reply: Reply) -> bool:
    """`{"errors": [{"status", "detail"}, …]}` as JSON (reference §3.1)."""
    if reply.media_type != "application/json":
        return False
    data = reply.json()
    errors = data.get("errors") if isinstance(data, dict) else None
    return (
        isinstance(errors, list)
        and bool(errors)
        and all(isinstance(e.get("status"), str) and isinstance(e.get("detail"), str) for e in errors)
    )


def check(request: Hostile, reply: Reply, error_shape: Callable[[Reply], bool]) -> None:
    """No 5xx, `nosniff`, nothing of the server's insides, and an error in the service's shape."""
    assert reply.status < 500, f"{request} -> {reply.status} {reply.body[:300]!r}"
    assert reply.headers.get("x-content-type-options") == "nosniff", f"{request} -> {reply.headers}"
    leak = LEAKS.search(reply.body)
    assert leak is None, f"{request} -> {reply.status} shows {leak.group()!r}: {reply.body[:300]!r}"
    if request.method != "HEAD" and reply.status >= 400:
        assert error_shape(reply), f"{request} -> {reply.status} {reply.media_type} {reply.body[:300]!r}"


HOSTILE = settings(
    max_examples=250,
    deadline=timedelta(seconds=10),
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def openwhyd(live_server: str) -> Iterator[str]:
    """The Openwhyd service's base URL, in its demo world before and after the test."""
    base = live_server + "/openwhyd"
    assert send(base, Hostile("POST", "/testing/reset")).status == 200
    yield base
    assert send(base, Hostile("POST", "/testing/reset")).status == 200


def sign_in(openwhyd: str, who: str) -> dict[str, str]:
    form = urlencode({"action": "login", "ajax": 1, "email": who, "password": "admin"})
    reply = send(openwhyd, Hostile("GET", f"/login?{form}"))
    cookie = next(c for c in reply.headers.get_all("set-cookie") or [] if c.startswith("whydSid="))
    return {"Cookie": cookie.split(";")[0]}


def openwhyd_snapshot(openwhyd: str) -> list[Any]:
    """What anyone can see of Openwhyd's data: every post, ranking, profile, playlist and follow."""
    seen: list[Any] = [get_json(openwhyd, "/all?format=json&limit=1000")]
    seen.append(get_json(openwhyd, "/hot?format=json&limit=1000"))
    for uid in (ADMIN, DUMMY, ADRIEN, NEW_USER):
        seen.append(get_json(openwhyd, f"/api/user?id={uid}&includeSubscr=1&countPosts=1&countLikes=1"))
        seen.append(get_json(openwhyd, f"/api/follow/fetchFollowers/{uid}"))
        seen.append(send(openwhyd, Hostile("GET", f"/u/{uid}/likes?format=json")).status)
    return seen


FORGED_SESSIONS = [{"Cookie": "whydSid=s%3Anope.nope"}, {"Cookie": "whydSid=%ff%00"}, {"Cookie": "whydSid"}]


def test_openwhyd_visitors_get_proper_answers_and_change_nothing(openwhyd: str) -> None:
    before = openwhyd_snapshot(openwhyd)

    @HOSTILE
    @given(hostile(OPENWHYD, [""], FORGED_SESSIONS))
    def run(request: Hostile) -> None:
        check(request, send(openwhyd, request), openwhyd_error_shape)

    run()
    assert openwhyd_snapshot(openwhyd) == before


def test_openwhyd_signed_in_users_get_proper_answers(openwhyd: str) -> None:
    """A request may sign dummy out or delete the account: then the world starts over."""
    session = sign_in(openwhyd, "dummy")

    @HOSTILE
    @given(hostile(OPENWHYD, [""], FORGED_SESSIONS))
    def run(request: Hostile) -> None:
        check(request, send(openwhyd, request, session), openwhyd_error_shape)
        if "error" in get_json(openwhyd, "/api/user", session)[1]:
            send(openwhyd, Hostile("POST", "/testing/reset"))
            session.update(sign_in(openwhyd, "dummy@openwhyd.org"))

    run()


def issue_token(live_server: str) -> dict[str, str]:
    form = urlencode({"name": MALLORY, "label": "hostile"}).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    reply = send(live_server, Hostile("POST", "/heavy/test/tokens", headers, form))
    return {"Authorization": f"Bearer {reply.json()['data']['attributes']['token']}"}


def forged_tokens(token: dict[str, str]) -> list[dict[str, str]]:
    return [
        {"Authorization": token["Authorization"] + "x"},
        {"Authorization": "Bearer a.b.c"},
        {"Authorization": "Basic bWFsbG9yeTp4"},
        {"Authorization": "Bearer"},
        {"Cookie": "token=%ff%00"},
        {"X-Heavy-Service-Token": "made.up.token"},
    ]


def heavy_snapshot(live_server: str, token: dict[str, str]) -> list[Any]:
    """What the demo user and mallory have: profiles, patches, jobs and tokens."""
    return [
        get_json(live_server, "/heavy/a/users/demo"),
        get_json(live_server, "/heavy/a/patches/demo/sine/jobs"),
        get_json(live_server, f"/heavy/a/users/{MALLORY}", token),
        get_json(live_server, f"/heavy/a/users/{MALLORY}/tokens", token),
    ]


def test_heavy_visitors_get_proper_answers_and_change_nothing(live_server: str) -> None:
    token = issue_token(live_server)
    before = heavy_snapshot(live_server, token)

    @HOSTILE
    @given(hostile(HEAVY, HEAVY_PREFIXES, forged_tokens(token)))
    def run(request: Hostile) -> None:
        check(request, send(live_server, request), heavy_error_shape)

    run()
    assert heavy_snapshot(live_server, token) == before


def test_heavy_signed_in_users_get_proper_answers(live_server: str) -> None:
    """A request may revoke mallory's own token: then mallory gets a new one."""
    token = issue_token(live_server)

    @HOSTILE
    @given(hostile(HEAVY, HEAVY_PREFIXES, forged_tokens(token)))
    def run(request: Hostile) -> None:
        check(request, send(live_server, request, token), heavy_error_shape)
        if send(live_server, Hostile("GET", f"/heavy/a/users/{MALLORY}/tokens"), token).status == 401:
            token.update(issue_token(live_server))

    run()
