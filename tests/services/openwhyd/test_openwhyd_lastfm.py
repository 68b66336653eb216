"""Last.fm (openwhyd-social §5) against a fake Last.fm on loopback: connecting an account, the
scrobble `/api/post` passes on, disconnecting, and Last.fm refusing or out of reach."""

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from fake_lastfm import KEY, SECRET, FakeLastFm, fake_lastfm
from openwhyd_http import ADMIN, Browser

from server.lastfm.settings import LastFmSettings

AUTH_PAGE = "https://last.example/api/auth"
FAILED = "Unable to connect openwhyd to last.fm. Please try again!"
CALLBACK = '<script src="/openwhyd/js/lastFmCallback.js"></script>'


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeLastFm]:
    with fake_lastfm() as running:
        yield running


@pytest.fixture(scope="module")
def service(
    own_service: Callable[..., str], fake: FakeLastFm, tmp_path_factory: pytest.TempPathFactory
) -> str:
    settings = LastFmSettings(fake.url, AUTH_PAGE, KEY, SECRET)
    return own_service(tmp_path_factory.mktemp("lastfm"), lastfm=settings)


def signed_in(base: str, who: str) -> Browser:
    browser = Browser(base)
    browser.login(who)
    return browser


def connect(browser: Browser, fake: FakeLastFm, name: str) -> Any:
    """Through Last.fm's auth page and back, as the popup goes; the page it ends on."""
    location = browser.get("/api/lastFm/connect").headers["location"]
    back = parse_qs(urlsplit(location).query)["cb"][0]
    assert back == browser.base + "/api/lastFm"
    return browser.get("/api/lastFm", {"token": fake.authorise(name)})


def post_named(browser: Browser, handle: str, name: str) -> str:
    tracks = browser.get(f"/{handle}", {"format": "json"}).json()
    return next(track["_id"] for track in tracks if track["name"] == name)


def test_connect_redirects_to_the_auth_page_with_the_key_and_the_way_back(service: str) -> None:
    admin = signed_in(service, "admin")
    reply = admin.get("/api/lastFm/connect")
    assert reply.status == 302
    location = urlsplit(reply.headers["location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == AUTH_PAGE + "/"
    assert parse_qs(location.query) == {"api_key": [KEY], "cb": [service + "/api/lastFm"]}
    assert SECRET not in reply.headers["location"]
    visitor = Browser(service)
    assert 'action="/openwhyd/login"' in visitor.get("/api/lastFm/connect").text
    assert 'action="/openwhyd/login"' in visitor.get("/api/lastFm", {"token": "t"}).text


def test_a_token_from_lastfm_connects_the_account(service: str, fake: FakeLastFm) -> None:
    admin = signed_in(service, "admin")
    page = connect(admin, fake, "rj")
    assert page.status == 200 and page.media_type == "text/html"
    assert page.text == f"Your last.fm account rj is now connected to openwhyd.{CALLBACK}"
    method, sent = fake.calls[-1]
    assert method == "GET" and sent["method"] == "auth.getSession" and sent["api_key"] == KEY
    own = admin.get("/api/user").json()["lastFm"]
    assert own["name"] == "rj" and fake.sessions[own["sk"]] == "rj"
    public = Browser(service).get("/api/user", {"id": ADMIN}).json()
    assert "lastFm" not in public and public["name"] == "admin"
    assert SECRET not in page.text


def test_the_callback_script_calls_the_opener(service: str) -> None:
    script = Browser(service).get("/js/lastFmCallback.js")
    assert script.status == 200 and script.media_type == "text/javascript"
    assert "window.opener.lastFmCallback()" in script.text


def test_a_token_lastfm_refuses_gives_the_real_failure_page(service: str, fake: FakeLastFm) -> None:
    dummy = signed_in(service, "dummy")
    page = dummy.get("/api/lastFm", {"token": "forged"})
    assert page.status == 200 and page.text == FAILED + CALLBACK
    assert "lastFm" not in dummy.get("/api/user").json()


def test_no_token_gets_the_failure_page_instead_of_a_hang(service: str) -> None:
    page = signed_in(service, "dummy").get("/api/lastFm")
    assert page.status == 200 and page.text == FAILED + CALLBACK


def test_scrobble_is_signed_and_answers_lastfm_s_reply(service: str, fake: FakeLastFm) -> None:
    admin = signed_in(service, "admin")
    connect(admin, fake, "rj")
    theirs = post_named(admin, "dummy", "Tonearm Tones - F major arpeggio")
    reply = admin.api_post(action="scrobble", pId=theirs, timestamp=1700000000, trackDuration=3)
    assert reply.status == 200
    assert reply.json()["scrobbles"]["@attr"] == {"accepted": 1, "ignored": 0}
    method, sent = fake.calls[-1]
    assert method == "POST"
    assert {name: sent[name] for name in ("method", "artist", "track", "timestamp", "chosenByUser")} == {
        "method": "track.scrobble",
        "artist": "Tonearm Tones",
        "track": "F major arpeggio",
        "timestamp": "1700000000",
        "chosenByUser": "false",
    }
    assert "trackDuration" not in sent and fake.sessions[sent["sk"]] == "rj"
    mine = post_named(admin, "admin", "Tonearm Tones - C major chord")
    admin.api_post(action="scrobble", pId=mine, timestamp=1700000100)
    assert fake.scrobbles()[-1]["chosenByUser"] == "true"


def test_scrobble_refusals(service: str, fake: FakeLastFm) -> None:
    admin = signed_in(service, "admin")
    connect(admin, fake, "rj")
    untitled = admin.api_post(action="insert", eId="/yt/aaaaaaaaaaa", name="No separator here").json()
    refused = admin.api_post(action="scrobble", pId=untitled["_id"], timestamp=1)
    assert refused.status == 400 and refused.json() == {"error": "unable to scrobble track"}
    assert admin.api_post(action="scrobble").json() == {"error": "invalid parameter: pId"}
    assert admin.api_post(action="scrobble", pId="nope").json() == {"error": "missing track"}
    never_connected = signed_in(service, "dummy")
    track = post_named(admin, "admin", "Tonearm Tones - C major chord")
    assert never_connected.api_post(action="scrobble", pId=track, timestamp=1).json() == {
        "error": "unable to scrobble track"
    }
    fake.sessions.clear()
    revoked = admin.api_post(action="scrobble", pId=track, timestamp=1)
    assert revoked.status == 400 and revoked.json()["error"] == 9


def test_disconnect_forgets_the_session_key(service: str, fake: FakeLastFm) -> None:
    admin = signed_in(service, "admin")
    connect(admin, fake, "rj")
    assert admin.get("/api/lastFm/disconnect").json() == {"error": "please send this action with POST"}
    assert admin.post("/api/lastFm/disconnect").json() == {"ok": 1}
    assert "lastFm" not in admin.get("/api/user").json()
    track = post_named(admin, "admin", "Tonearm Tones - C major chord")
    assert admin.api_post(action="scrobble", pId=track, timestamp=1).json() == {
        "error": "unable to scrobble track"
    }
    assert Browser(service).post("/api/lastFm/disconnect").json() == {"error": "user not logged in"}


def test_lastfm_out_of_reach(own_service: Callable[..., str], tmp_path: Path) -> None:
    closed = LastFmSettings("http://127.0.0.1:9/2.0/", AUTH_PAGE, KEY, SECRET, timeout=2)
    base = own_service(tmp_path, lastfm=closed)
    admin = signed_in(base, "admin")
    assert admin.get("/api/lastFm", {"token": "t"}).text == FAILED + CALLBACK


def test_without_a_key_lastfm_is_not_set_up(visitor: Browser, admin: Browser) -> None:
    """The real server answers its Last.fm route 404 with an empty body then; the connect page,
    ours, says why in the window it opens."""
    page = admin.get("/api/lastFm/connect")
    assert page.status == 200 and "Last.fm is not set up on this server." in page.text
    assert "lastFmCallback" not in page.text
    refused = admin.get("/api/lastFm", {"token": "t"})
    assert refused.status == 404 and refused.body == b""
    assert visitor.get("/api/lastFm").status == 404
