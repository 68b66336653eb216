"""Two `serve` processes on one data folder or database, started together as a deployment's process
manager starts them (`--shared-database`; `serve --workers` gives its processes the same setting):
what one writes, the other answers at once, answers it kept for visitors included; failed sign-ins
through both count against one limit; a session made through one works through the other."""

from collections.abc import Callable, Iterator

import pytest
from openwhyd_http import ADMIN, ADMIN_MD5, Browser, Reply

from buildkit.serving import serving_together

REFUSED = {"error": "Too many login requests, please try again later"}


@pytest.fixture(scope="module")
def processes(
    tmp_path_factory: pytest.TempPathFactory, engine: str, new_database: Callable[[], str | None]
) -> Iterator[tuple[str, str]]:
    """Openwhyd's base URL through each process; the demo world goes on from test to test."""
    data = tmp_path_factory.mktemp("processes")
    database = new_database()
    options = ["--shared-database", "--no-rate-limits", *(["--database", database] if database else [])]
    options += ["--compile-workers", "0"]  # nothing to compile; and see test_serve_workers.py
    log = tmp_path_factory.getbasetemp() / f"processes-{engine}.log"
    with serving_together(data, 2, *options, log=log) as (first, second):
        yield first.base + "/openwhyd", second.base + "/openwhyd"


@pytest.fixture(autouse=True)
def demo_world() -> None:
    """In place of the suite's reset of the live server, which these tests do not use."""


def signed_in(base: str, who: str) -> Browser:
    browser = Browser(base)
    browser.login(who)
    return browser


def names(reply: Reply) -> list[str]:
    assert reply.status == 200, reply.text
    return [entry["name"] for entry in reply.json()]


def test_a_playlist_made_through_one_is_listed_through_the_other_at_once(processes: tuple[str, str]) -> None:
    a, b = processes
    visitor = Browser(b)
    before = names(visitor.get("/admin/playlists", {"format": "json"}))
    assert names(visitor.get("/admin/playlists", {"format": "json"})) == before, "kept for visitors"
    made = signed_in(a, "admin").post("/api/playlist", json_body={"action": "create", "name": "made on A"})
    assert made.json()["name"] == "made on A"
    assert names(visitor.get("/admin/playlists", {"format": "json"})) == [*before, "made on A"]


def test_a_track_posted_through_one_is_on_the_others_profile_and_hot_tracks(
    processes: tuple[str, str],
) -> None:
    a, b = processes
    visitor_a, visitor_b = Browser(a), Browser(b)
    profile = visitor_a.get("/admin", {"format": "json"}).json()
    assert visitor_a.get("/admin", {"format": "json"}).json() == profile
    hot = visitor_a.get("/hot", {"format": "json", "limit": 1000}).json()["tracks"]
    assert "/yt/across" not in [track["eId"] for track in hot]
    admin_b = signed_in(b, "admin")
    posted = admin_b.api_post(action="insert", eId="/yt/across", name="posted on B").json()
    assert visitor_a.get("/admin", {"format": "json"}).json()[0]["_id"] == posted["_id"]

    def ranked() -> dict:
        tracks = visitor_a.get("/hot", {"format": "json", "limit": 1000}).json()["tracks"]
        return next(track for track in tracks if track["eId"] == "/yt/across")

    assert (ranked()["nbR"], ranked()["nbL"]) == (1, 0)
    admin_b.api_post(action="toggleLovePost", pId=posted["_id"])
    assert ranked()["nbL"] == 1
    assert visitor_b.get(f"/c/{posted['_id']}", {"format": "json"}).json()["data"]["lov"] == [ADMIN]


def test_failed_sign_ins_through_both_count_against_one_limit(processes: tuple[str, str]) -> None:
    """Five wrong passwords for one account, alternately through each process; the sixth try, right
    or wrong, is refused through either."""

    def sign_in(base: str, md5: str) -> Reply:
        return Browser(base).get("/login", {"action": "login", "ajax": 1, "email": "dummy", "md5": md5})

    for attempt in range(5):
        assert sign_in(processes[attempt % 2], "0" * 32).json()["wrongPassword"] == 1
    for base in processes:
        refused = sign_in(base, ADMIN_MD5)
        assert (refused.status, refused.json()) == (429, REFUSED)
        assert refused.headers["ratelimit-remaining"] == "0"


def test_a_session_made_through_one_works_through_the_other(processes: tuple[str, str]) -> None:
    a, b = processes
    admin_a = signed_in(a, "admin")
    admin_b = Browser(b)
    admin_b.cookie = admin_a.cookie
    assert admin_b.get("/api/user").json()["_id"] == ADMIN
    admin_b.get("/login", {"action": "logout", "ajax": 1})
    assert admin_a.get("/api/user").json() == {"error": "user not logged in"}
