"""The service under other settings: rate limits on, test routes off, a `--seed` folder, and
data that survives a restart."""

import os
import sqlite3
import time
from pathlib import Path

import pytest
from openwhyd_http import ADMIN, ADRIEN, NEW_USER, Browser

from server.clock import Clock
from server.openwhyd import create_app, credentials
from server.openwhyd.seed import SeedError
from server.openwhyd.store import MIGRATIONS, users
from server.settings import Settings

OPENWHYD_FIXTURES = Path(
    os.environ.get("TONEARM_OPENWHYD_FIXTURES", Path(__file__).parents[3] / "server/openwhyd/demo/fixtures")
)
"""Real Openwhyd documents: the repo's copy, or another folder of them named by the variable."""


@pytest.fixture(scope="module")
def limited(own_service, tmp_path_factory: pytest.TempPathFactory) -> str:
    """Rate-limited services have a database each: services on one database count together."""
    return own_service(tmp_path_factory.mktemp("limited"), rate_limits=True)


def test_search_limit_answers_429_with_ratelimit_headers(limited: str) -> None:
    browser = Browser(limited)
    replies = [browser.get("/search", {"q": "x", "format": "json"}) for _ in range(41)]
    assert [reply.status for reply in replies[:40]] == [200] * 40
    assert replies[0].headers["ratelimit-limit"] == "40"
    assert replies[39].headers["ratelimit-remaining"] == "0"
    assert replies[40].status == 429
    assert replies[40].json() == {"error": "Too many search requests, please try again later"}
    assert replies[40].headers["ratelimit-policy"] == "40;w=60"


def test_limit_headers_count_down_on_pages_kept_for_visitors(own_service, tmp_path: Path) -> None:
    browser = Browser(own_service(tmp_path, rate_limits=True))
    replies = [browser.get("/adrien", {"format": "json"}) for _ in range(3)]
    assert [reply.headers.get_all("ratelimit-remaining") for reply in replies] == [["99"], ["98"], ["97"]]
    assert [len(reply.headers.get_all("cache-control")) for reply in replies] == [1, 1, 1]


def test_global_and_api_limits(limited: str) -> None:
    browser = Browser(limited)
    statuses = [browser.get("/api/user").status for _ in range(60)]
    assert statuses[:49] == [200] * 49 and 429 in statuses
    assert browser.get("/img/u/" + ADMIN).status == 307
    rejected = browser.get("/hot", {"format": "json"})
    assert rejected.status == 429
    assert rejected.json()["error"] in (
        "Too many requests, please try again later",
        "Too many API requests, please try again later",
    )


def test_failed_logins_answer_200_so_they_are_not_counted(own_service, tmp_path: Path) -> None:
    """By the real server's login limit, that is: this server's own limit on failed sign-ins is
    off here (tests/services/openwhyd/test_openwhyd_sign_in_limit.py)."""
    browser = Browser(own_service(tmp_path, rate_limits=True, sign_in_limits=None))
    replies = [browser.get("/login", {"ajax": 1, "email": "admin", "md5": "x"}) for _ in range(8)]
    assert {reply.status for reply in replies} == {200}


def test_limits_count_on_the_service_clock(own_service, tmp_path: Path) -> None:
    clock = Clock()
    browser = Browser(own_service(tmp_path, rate_limits=True, clock=clock))
    statuses = [browser.get("/search", {"q": "x", "format": "json"}).status for _ in range(41)]
    assert statuses[-2:] == [200, 429]
    clock.advance(30)
    assert browser.get("/search", {"q": "x", "format": "json"}).status == 429
    clock.advance(30)
    assert browser.get("/search", {"q": "x", "format": "json"}).status == 200


def test_test_routes_are_forbidden_outside_test_mode(own_service) -> None:
    base = own_service(test_mode=False, rate_limits=False)
    assert Browser(base).post("/testing/reset").status == 403
    assert Browser(base).post("/testing/clock", form={"advance": "60"}).status == 403


def test_test_routes_want_post(own_service) -> None:
    browser = Browser(own_service(test_mode=True, rate_limits=False))
    assert browser.get("/testing/reset").status == 400
    assert browser.post("/testing/refresh").json() == {"ok": True}


def test_the_clock_route_moves_the_services_clock_and_refuses_what_it_cannot_do(own_service) -> None:
    clock = Clock()
    browser = Browser(own_service(test_mode=True, rate_limits=False, clock=clock))
    moved = browser.post("/testing/clock", form={"at": "2031-03-01T12:00:00Z"}).json()
    assert moved["ok"] is True and moved["now"].startswith("2031-03-01T12:00:0")
    assert len(moved["now"]) == 24 and moved["now"][19] == "." and moved["now"].endswith("Z")
    assert clock.today().isoformat() == "2031-03-01"
    later = browser.post("/testing/clock", form={"advance": str(86400)}).json()["now"]
    assert later.startswith("2031-03-02T12:00:0") and clock.today().isoformat() == "2031-03-02"
    for form in (
        {},
        {"advance": "-1"},
        {"advance": "soon"},
        {"advance": "inf"},
        {"at": "tomorrow"},
        {"at": "2200-01-01T00:00:00Z"},
        {"advance": "1", "at": "2031-01-01"},
        {"real": "0"},
    ):
        reply = browser.post("/testing/clock", form=form)
        assert reply.status == 400 and list(reply.json()) == ["error"], form
    assert clock.today().isoformat() == "2031-03-02"
    assert browser.get("/testing/clock", {"advance": "1"}).status == 400
    assert browser.post("/testing/reset").json() == {"ok": True}
    assert abs(clock.now() - Clock().now()) < 60


def test_seed_folder_of_the_shared_fixtures(own_service, tmp_path: Path) -> None:
    browser = Browser(own_service(tmp_path, seed=OPENWHYD_FIXTURES, test_mode=True, rate_limits=False))
    assert len(browser.get("/adrien", {"format": "json"}).json()) == 21
    assert browser.get(f"/u/{ADMIN}", {"format": "json"}).json()[0]["uId"] == ADMIN
    assert browser.get("/admin", {"format": "json"}).status == 404
    assert browser.get("/api/user", {"id": ADRIEN, "includeSubscr": 1}).json()["nbSubscribers"] == 1
    browser.login("anewuser")
    assert browser.get("/api/user").json()["_id"] == NEW_USER
    assert Browser(browser.base).login("dummy@openwhyd.org").json() == {"redirect": "/"}
    browser.post("/testing/reset")
    assert len(browser.get("/all", {"format": "json", "limit": 100}).json()) == 21


def test_a_bad_seed_folder_is_refused(tmp_path: Path) -> None:
    """Without its users a folder is not a seed, nor with an array that is not JSON; a bad line of a
    one-document-a-line dump is only reported (test_openwhyd_legacy_seed.py)."""
    (tmp_path / "post.json").write_text("[]")
    with pytest.raises(SeedError):
        create_app(Settings(tmp_path / "data", seed=tmp_path))
    (tmp_path / "user.json").write_text("[{}")
    with pytest.raises(SeedError):
        create_app(Settings(tmp_path / "data", seed=tmp_path))


def test_data_survives_a_restart(own_service, tmp_path: Path) -> None:
    first = Browser(own_service(tmp_path, test_mode=True, rate_limits=False))
    first.login("admin")
    pid = first.api_post(action="insert", eId="/yt/kept", name="kept").json()["_id"]
    second = Browser(own_service(tmp_path, test_mode=True, rate_limits=False))
    names = [post["name"] for post in second.get("/admin", {"format": "json"}).json()]
    assert names.count("kept") == 1 and names.count("Tonearm Tones - C major chord") == 1
    assert second.get(f"/c/{pid}", {"format": "json"}).status == 200


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)  # the older code's SQLite file
def test_a_database_the_older_code_made_opens_with_its_secret_sessions_and_accounts(
    own_service, tmp_path: Path
) -> None:
    """The older code ran the same first schema script statement by statement, and recorded it in
    a `migrations` table of its own making."""
    folder = tmp_path / "data" / "openwhyd"
    folder.mkdir(parents=True)
    old = sqlite3.connect(folder / "openwhyd.sqlite3")
    old.executescript(MIGRATIONS[0].script("sqlite"))
    old.execute("PRAGMA journal_mode = WAL")
    old.execute("CREATE TABLE migrations (version INTEGER PRIMARY KEY, applied REAL NOT NULL)")
    old.execute("INSERT INTO migrations VALUES (1, 1700000000.5)")
    old.execute("INSERT INTO meta VALUES ('session', 'old secret'), ('signup', 'old'), ('world', 'loaded')")
    account = {"_id": ADRIEN, "name": "Old Timer", "handle": "oldtimer", "email": "old@example.org"}
    users.insert(old, account, credentials.hash_password(credentials.md5("old password")), time.time())
    old.execute("INSERT INTO sessions VALUES ('old-sid', ?, ?)", (ADRIEN, time.time() + 3600))
    old.commit()
    old.close()
    base = own_service(tmp_path / "data", rate_limits=False)
    returning = Browser(base)
    returning.cookie = credentials.cookie_value("old secret", "old-sid")
    assert returning.get("/api/user").json()["name"] == "Old Timer"
    Browser(base).login("oldtimer", "old password")
    check = sqlite3.connect(folder / "openwhyd.sqlite3")
    recorded = check.execute("SELECT * FROM migrations ORDER BY version").fetchall()
    assert recorded[0] == (1, 1700000000.5)
    assert [version for version, _ in recorded] == [migration.version for migration in MIGRATIONS]
