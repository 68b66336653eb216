"""Transport conventions (reference §1, §10): parameter sources and encodings, 404s, headers,
and the absence of CORS."""

import logging

import pytest
from openwhyd_http import ADMIN, DUMMY, Browser

from server.openwhyd.store import users

NO_CACHE = "max-age=0,no-cache,no-store,post-check=0,pre-check=0"


def test_api_post_merges_query_path_and_body_with_the_body_winning(dummy: Browser) -> None:
    post = dummy.post(
        "/api/post", {"action": "insert", "name": "query"}, json_body={"eId": "/yt/merged", "name": "body"}
    ).json()
    assert post["eId"] == "/yt/merged" and post["name"] == "body"
    comment = dummy.post(f"/api/post/{post['_id']}/addComment", json_body={"text": "by path"})
    assert comment.json()["pId"] == post["_id"]


def test_unknown_body_types_parse_to_nothing(dummy: Browser) -> None:
    as_text = dummy.post("/api/post", raw=b"action=insert&eId=/yt/x", content_type="text/plain")
    assert (as_text.status, as_text.text) == (400, "BAD REQUEST")
    not_an_object = dummy.post("/api/post", raw=b'["insert"]', content_type="application/json")
    assert not_an_object.status == 400
    broken = dummy.post("/api/post", {"action": "insert"}, raw=b"{nope", content_type="application/json")
    assert broken.json() == {"error": "invalid parameter: eId or pId"}


def test_form_bracket_keys_nest(dummy: Browser) -> None:
    post = dummy.post(
        "/api/post",
        form={
            "action": "insert",
            "eId": "/yt/x",
            "pl[id]": "create",
            "pl[name]": "nested",
            "src[id]": "https://x",
        },
    ).json()
    assert post["pl"] == {"id": 0, "name": "nested"} and post["src"] == {"id": "https://x"}


def test_bracket_keys_that_name_no_list_slot_stay_keys(dummy: Browser) -> None:
    post = dummy.post(
        "/api/post",
        {"src[99999999999999999999999]": "x", "pl[" + "9" * 5000 + "]": "y"},
        form={"action": "insert", "eId": "/yt/odd", "name": "odd", "src[id]": "x", "src[²]": "y"},
    )
    assert post.status == 200 and post.json()["eId"] == "/yt/odd"


@pytest.mark.parametrize("path", ["/nothing/here/at/all", "//wp-content/dropdown.php"])
def test_unknown_paths_are_html_404s(visitor: Browser, path: str) -> None:
    reply = visitor.get(path)
    assert reply.status == 404 and reply.media_type == "text/html"


def test_unknown_paths_answer_json_when_json_is_wanted(visitor: Browser) -> None:
    for reply in [
        visitor.get("/nothing/here", {"format": "json"}),
        visitor.get("/nothing/here", headers={"Accept": "application/json"}),
    ]:
        assert reply.status == 404 and reply.json()["errorCode"] == 404
        assert reply.json()["error"].startswith("404 / not found")


def test_unknown_api_controllers_are_empty_404s(visitor: Browser) -> None:
    for method in ["GET", "POST"]:
        reply = visitor.request(method, "/api/nothing/at/all")
        assert (reply.status, reply.body) == (404, b"")


def test_wrong_methods_are_404_not_405(visitor: Browser) -> None:
    assert visitor.post("/adrien").status == 404
    assert visitor.request("DELETE", "/api/user").status == 404


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("TRACE", "/hot"),
        ("FOO", "/api/user"),
        ("PROPFIND", "/adrien"),
        ("GET", "/x/a%0d%0ab"),
        ("GET", "/x%0A/y"),
        ("POST", "/api/x%0a/y"),
    ],
)
def test_unknown_methods_and_unroutable_paths_get_the_404_page(
    visitor: Browser, method: str, path: str
) -> None:
    reply = visitor.request(method, path)
    assert reply.status == 404 and reply.media_type == "text/html" and "404 / not found" in reply.text
    as_json = visitor.request(method, path, {"format": "json"})
    assert as_json.status == 404 and as_json.json()["errorCode"] == 404


def test_no_cors_anywhere(visitor: Browser) -> None:
    preflight = visitor.request(
        "OPTIONS",
        "/api/user",
        headers={"Origin": "https://elsewhere.example", "Access-Control-Request-Method": "GET"},
    )
    assert preflight.status == 404
    for reply in [
        preflight,
        visitor.get("/hot", {"format": "json"}, headers={"Origin": "https://elsewhere.example"}),
    ]:
        assert not [name for name in reply.headers if name.lower().startswith("access-control")]


def test_every_answer_says_no_cache(visitor: Browser, dummy: Browser) -> None:
    for reply in [
        visitor.get("/adrien", {"format": "json"}),
        visitor.get("/nothing/x"),
        dummy.api_post(action="insert", eId="/yt/x"),
        visitor.get("/api/nothing"),
    ]:
        assert reply.headers["cache-control"] == NO_CACHE


def test_follow_path_form(dummy: Browser) -> None:
    assert dummy.get(f"/api/follow/get/{DUMMY}").json() == {}


def test_every_answer_says_nosniff(visitor: Browser, dummy: Browser) -> None:
    for reply in [
        visitor.get("/adrien", {"format": "json"}),
        visitor.get("/nothing/x"),
        visitor.request("TRACE", "/hot"),
        dummy.api_post(action="insert", eId="/yt/x"),
        visitor.get("/images/no_image.png"),
        visitor.get(f"/img/u/{DUMMY}"),
    ]:
        assert reply.headers["x-content-type-options"] == "nosniff"


def test_an_unexpected_failure_answers_in_its_routes_shape_and_logs_no_secret(
    own_service, tmp_path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The service alone (no outer app), with the user store broken under it."""
    browser = Browser(own_service(tmp_path))

    secret = "-".join(["never", "logged"])

    def broken(*args: object) -> None:
        raise RuntimeError(secret)

    monkeypatch.setattr(users, "find", broken)
    monkeypatch.setattr(users, "by_handle", broken)
    with caplog.at_level(logging.ERROR):
        api = browser.get("/api/user", {"id": ADMIN, "password": "hunter2"})
        page = browser.get("/adrien", {"password": "hunter2"})
        wanted_json = browser.get("/adrien", {"format": "json"})
    unexpected = "Unexpected error, please go back and try again later."
    assert (api.status, api.json()) == (500, {"error": unexpected})
    assert page.status == 500 and page.media_type == "text/html" and unexpected in page.text
    assert (wanted_json.status, wanted_json.json()) == (500, {"error": unexpected})
    for reply in (api, page, wanted_json):
        assert reply.headers["x-content-type-options"] == "nosniff"
        assert reply.headers["cache-control"] == NO_CACHE
    assert "GET '/openwhyd/api/user' failed with RuntimeError" in caplog.text
    assert secret not in caplog.text and "hunter2" not in caplog.text
