"""Login, logout, signup and consent (reference §2), cookie and failure shapes included."""

import json
import re
from collections.abc import Callable
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

import pytest
from openwhyd_http import ADMIN, ADMIN_MD5, DUMMY, PASSWORD, Browser


def signup_token(browser: Browser) -> str:
    script = browser.get("/api/signup/rTk/7")
    assert script.media_type == "text/javascript"
    return script.text.split('value="')[1].split('"')[0]


@pytest.mark.parametrize(
    ("who", "secret"),
    [
        ("admin", {"md5": ADMIN_MD5}),
        ("test@openwhyd.org", {"md5": ADMIN_MD5}),
        ("  TEST@openwhyd.org ", {"password": PASSWORD}),
        ("dummy", {"password": PASSWORD, "md5": ADMIN_MD5}),
    ],
)
def test_login_by_email_or_handle_with_md5_or_password(visitor: Browser, who: str, secret: dict) -> None:
    reply = visitor.get("/login", {"action": "login", "ajax": 1, "email": who, **secret})
    assert reply.status == 200
    assert reply.json() == {"redirect": "/"}
    assert visitor.cookie


def test_login_by_post_body_json_or_form(new_browser: Callable[[], Browser]) -> None:
    by_json, by_form = new_browser(), new_browser()
    assert by_json.post(
        "/login", json_body={"action": "login", "ajax": True, "email": "admin", "md5": ADMIN_MD5}
    ).json() == {"redirect": "/"}
    assert by_form.post(
        "/login", form={"action": "login", "ajax": 1, "email": "dummy", "password": PASSWORD}
    ).json() == {"redirect": "/"}
    assert by_json.get("/api/user").json()["_id"] == ADMIN
    assert by_form.get("/api/user").json()["_id"] == DUMMY


def test_post_login_ignores_the_query(visitor: Browser) -> None:
    reply = visitor.post("/login", {"action": "login", "ajax": 1, "email": "admin", "password": PASSWORD})
    assert "ajax" not in reply.text and reply.media_type == "text/html"
    assert visitor.cookie is None


def test_session_cookie_attributes(visitor: Browser) -> None:
    reply = visitor.login("admin")
    cookie = reply.headers["set-cookie"]
    assert re.match(
        r"whydSid=s%3A[^;]+\.[^;]+; Path=/; Expires=[^;]+ GMT; HttpOnly; SameSite=Strict$", cookie
    ), cookie
    expires = parsedate_to_datetime(cookie.split("Expires=")[1].split(";")[0])
    lifetime = expires - parsedate_to_datetime(reply.headers["date"])
    assert abs(lifetime.days - 365) <= 1


def test_a_session_and_its_cookie_last_a_year_by_the_service_clock(visitor: Browser, service_clock) -> None:
    start = service_clock(at="2031-03-01T12:00:00Z")
    cookie = visitor.login("admin").headers["set-cookie"]
    expires = parsedate_to_datetime(cookie.split("Expires=")[1].split(";")[0])
    assert timedelta(days=365, seconds=-1) <= expires - start < timedelta(days=365, seconds=30)
    service_clock(advance=str(364 * 86400))
    assert visitor.get("/api/user").json()["_id"] == ADMIN
    service_clock(advance=str(2 * 86400))
    assert visitor.get("/api/user").json() == {"error": "user not logged in"}


def test_include_user_has_counts_and_no_password_hash(visitor: Browser) -> None:
    reply = visitor.get(
        "/login", {"action": "login", "ajax": 1, "email": "admin", "md5": ADMIN_MD5, "includeUser": "true"}
    ).json()
    user = reply["user"]
    assert reply["redirect"] == "/"
    assert user["_id"] == user["id"] == ADMIN and user["mid"] == f"/u/{ADMIN}"
    assert {"nbSubscriptions", "nbSubscribers", "nbPosts", "nbLikes"} <= user.keys()
    assert "pwd" not in user and "md5" not in user
    assert ADMIN_MD5 not in json.dumps(reply) and "scrypt" not in json.dumps(reply)


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        (
            {"email": "nobody@example.org", "md5": ADMIN_MD5},
            {"error": "Are you sure? We don't recognize your email address!"},
        ),
        (
            {"email": "nobody", "md5": ADMIN_MD5},
            {"error": "Are you sure? We don't recognize your email address!"},
        ),
        (
            {"email": "admin", "md5": "0" * 32},
            {"wrongPassword": 1, "error": "Your password seems wrong... Try again!"},
        ),
        ({"email": "admin"}, {"error": "Please enter your password below:"}),
        ({}, {}),
    ],
)
def test_failures_echo_the_form_with_200_and_no_cookie(visitor: Browser, form: dict, expected: dict) -> None:
    sent = {"action": "login", "ajax": "1", **form}
    reply = visitor.get("/login", sent)
    assert reply.status == 200
    assert reply.json() == {**sent, **expected}
    assert "set-cookie" not in reply.headers


def test_failed_login_never_echoes_a_plain_password(visitor: Browser) -> None:
    reply = visitor.get("/login", {"ajax": 1, "email": "admin", "password": "not-it"}).json()
    assert reply["wrongPassword"] == 1 and "password" not in reply


def test_forgot_password(visitor: Browser) -> None:
    known = visitor.get("/login", {"action": "forgot", "ajax": 1, "email": "test@openwhyd.org"})
    assert known.json()["ok"] == "We just sent you an email to reset your password, wait for it!"
    unknown = visitor.get("/login", {"action": "forgot", "ajax": 1, "email": "x@y.org"})
    assert "recognize" in unknown.json()["error"]


def test_ajax_iframe_wraps_the_json_in_a_textarea(visitor: Browser) -> None:
    reply = visitor.get("/login", {"ajax": "iframe", "email": "admin", "md5": ADMIN_MD5})
    assert reply.media_type == "text/html"
    assert reply.text == '<html><body><textarea>{"redirect":"/"}</textarea></body></html>'


def test_login_without_ajax_is_a_200_page_that_redirects_by_script(visitor: Browser) -> None:
    """The real `redirectPage.html`, to the absolute URL (reference §2.2; security.api.tests.js)."""
    reply = visitor.post("/login", form={"email": "admin", "md5": ADMIN_MD5, "redirect": "/stream"})
    assert reply.status == 200 and reply.media_type == "text/html"
    url = f"{visitor.base}/stream"
    assert reply.text == (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">\n<html lang="en">\n  <head>\n'
        "    <title>Openwhyd is redirecting...</title>\n  </head>\n  <body>\n"
        f'    You are being redirected to: <a href="{url}">{url}</a>...\n    <script>\n'
        f"      setTimeout(() => {{\n        window.location.href = '{url}';\n      }}, 1000);\n"
        "    </script>\n  </body>\n</html>\n"
    )
    assert visitor.cookie


def test_login_redirect_page_escapes_as_mustache_does(visitor: Browser) -> None:
    """Even inside the script, as the real template does: `&` comes out as `&amp;`."""
    reply = visitor.post("/login", form={"email": "admin", "md5": ADMIN_MD5, "redirect": "/a?x=1&y=é"})
    assert f"window.location.href = '{visitor.base}/a?x=1&amp;y=%C3%A9';" in reply.text


def test_login_without_redirect_goes_home(visitor: Browser) -> None:
    reply = visitor.post("/login", form={"email": "admin", "md5": ADMIN_MD5, "redirect": ""})
    assert f"window.location.href = '{visitor.base}/';" in reply.text


def test_absolute_redirect_to_this_service_is_accepted(new_browser: Callable[[], Browser]) -> None:
    visitor = new_browser()
    target = f"{visitor.base}/stream?x=1"
    reply = visitor.get("/login", {"ajax": 1, "email": "admin", "md5": ADMIN_MD5, "redirect": target})
    assert reply.json() == {"redirect": target}
    page = new_browser().post("/login", form={"email": "admin", "md5": ADMIN_MD5, "redirect": target})
    assert f"window.location.href = '{target}';" in page.text


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/",
        "javascript:alert(1)",
        "/<script>alert(1)</script>",
        "http://evil.example/openwhyd/stream",
        "ftp://{host}/openwhyd/stream",
        "http://{host}/elsewhere",
        "http://{host}/openwhyd@evil.example",
        "http://{host}/openwhyd/<script>alert(1)</script>",
    ],
)
def test_unsafe_redirects_are_refused(visitor: Browser, target: str) -> None:
    target = target.format(host=visitor.base.split("/")[2])
    reply = visitor.get("/login", {"ajax": 1, "email": "admin", "md5": ADMIN_MD5, "redirect": target})
    assert reply.json()["error"] == "Unsafe redirect target"
    assert visitor.cookie is None
    page = visitor.post("/login", form={"email": "admin", "md5": ADMIN_MD5, "redirect": target})
    assert "<script>alert" not in page.text and "evil.example" not in page.text


def test_logout_destroys_the_session(admin: Browser) -> None:
    assert admin.get("/stream", {"format": "json"}).status == 200
    reply = admin.get("/login", {"action": "logout", "ajax": 1})
    assert reply.json() == {"action": "logout", "ajax": "1"}
    stream = admin.get("/stream", {"format": "json"})
    assert stream.status == 401 and stream.json()["error"] == "Please login first"


def test_get_logout_is_a_page_not_a_redirect(admin: Browser) -> None:
    reply = admin.get("/logout")
    assert reply.status == 200
    assert "url=/openwhyd/login?action=logout" in reply.text
    assert admin.get("/api/user").json()["_id"] == ADMIN


def test_forged_or_tampered_cookies_are_anonymous(admin: Browser) -> None:
    admin.cookie = admin.cookie[:-3] + "abc"
    assert admin.get("/api/user").json() == {"error": "user not logged in"}
    admin.cookie = "s%3Anothing.at-all"
    assert admin.get("/api/user").json() == {"error": "user not logged in"}


def test_register_with_signup_token_logs_in(visitor: Browser) -> None:
    reply = visitor.post(
        "/register",
        json_body={
            "name": "Test User",
            "email": "Test-User@openwhyd.org",
            "password": "test-user",
            "sTk": signup_token(visitor),
            "ajax": 1,
            "includeUser": True,
        },
    )
    body = reply.json()
    assert body["redirect"] == "/" and body["uId"] == body["user"]["_id"]
    assert body["user"]["email"] == "test-user@openwhyd.org"
    assert body["user"]["img"] == "/images/blank_user.gif"
    assert "handle" not in body["user"] and "consent" not in body["user"] and "pwd" not in body["user"]
    assert visitor.get("/stream", {"format": "json"}).status == 200
    again = Browser(visitor.base)
    assert again.login("test-user@openwhyd.org", "test-user").json() == {"redirect": "/"}


def test_register_with_inviter_follows_both_ways(visitor: Browser) -> None:
    uid = visitor.post(
        "/register",
        form={
            "name": "Invitee",
            "email": "invitee@openwhyd.org",
            "password": "secret",
            "sTk": signup_token(visitor),
            "ajax": 1,
            "iBy": ADMIN,
        },
    ).json()["uId"]
    followers = visitor.get("/api/follow", {"action": "fetchFollowers", "id": ADMIN}).json()
    following = visitor.get("/api/follow", {"action": "fetchFollowing", "id": ADMIN}).json()
    assert {"uId": uid, "uNm": "Invitee"} in followers
    assert {"tId": uid, "tNm": "Invitee"} in following


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"sTk": None}, "Invalid sTk"),
        ({"sTk": "123.abc"}, "Non genuine signup request"),
        ({"sTk": "²³.abc"}, "Non genuine signup request"),
        ({"sTk": "9" * 5000 + ".abc"}, "Non genuine signup request"),
        ({"name": " "}, "Please enter your name"),
        ({"password": None}, "Please enter a password"),
        ({"email": None}, "Please enter your email"),
        ({"email": "not-an-email"}, "This email address is invalid"),
        ({"email": "TEST@openwhyd.org"}, "This email address is already registered on whyd"),
        ({"password": "abc"}, "Your password must be between 4 and 32 characters"),
        ({"password": "x" * 33}, "Your password must be between 4 and 32 characters"),
    ],
)
def test_register_errors(visitor: Browser, change: dict, error: str) -> None:
    form = {
        "name": "Someone",
        "email": "someone@openwhyd.org",
        "password": "secret",
        "sTk": signup_token(visitor),
        "ajax": 1,
        **change,
    }
    reply = visitor.post("/register", json_body={k: v for k, v in form.items() if v is not None})
    assert reply.status == 200
    assert reply.json() == {"error": error}
    assert visitor.cookie is None


def test_decoy_signup_token_is_refused(visitor: Browser) -> None:
    decoy = visitor.get("/api/signup/rTk/3").text.split('value="')[1].split('"')[0]
    reply = visitor.post(
        "/register",
        json_body={"name": "A", "email": "a@b.org", "password": "secret", "sTk": decoy, "ajax": 1},
    )
    assert reply.json() == {"error": "Non genuine signup request"}


def test_a_signup_token_lasts_ten_minutes_by_the_service_clock(visitor: Browser, service_clock) -> None:
    form = {"name": "Late", "email": "late@openwhyd.org", "password": "secret", "ajax": 1}
    stale = signup_token(visitor)
    service_clock(advance="601")
    refused = visitor.post("/register", json_body={**form, "sTk": stale})
    assert refused.json() == {"error": "Non genuine signup request"}
    accepted = visitor.post("/register", json_body={**form, "sTk": signup_token(visitor)})
    assert accepted.json()["redirect"] == "/"


def test_register_page_and_html_errors(visitor: Browser) -> None:
    assert visitor.get("/register").media_type == "text/html"
    page = visitor.post("/register", form={"name": "A"})
    assert page.media_type == "text/html" and "Invalid sTk" in page.text


def test_consent_redirects_same_site_only(admin: Browser, service_clock) -> None:
    before = service_clock(advance="0")
    good = admin.post("/consent", form={"lang": "fr", "redirect": "/stream"})
    after = service_clock(advance="0")
    assert good.status == 302 and good.headers["location"] == "/openwhyd/stream"
    consent = admin.get("/api/user").json()["consent"]
    assert consent["lang"] == "fr"
    # `new Date()` as JSON, to the millisecond
    stamp = datetime.fromisoformat(consent["date"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", consent["date"])
    assert before.replace(microsecond=before.microsecond // 1000 * 1000) <= stamp <= after
    assert admin.post("/consent", form={"lang": "en", "redirect": "https://evil.example"}).status == 403


def test_consent_accepts_this_services_absolute_url(admin: Browser) -> None:
    """security.api.tests.js: `${URL_PREFIX}/stream` is a 302 to itself; a disguised domain is not."""
    target = f"{admin.base}/stream"
    reply = admin.post("/consent", form={"lang": "en", "redirect": target})
    assert reply.status == 302 and reply.headers["location"] == target
    assert admin.post("/consent", form={"lang": "en", "redirect": f"{admin.base}@evil.example"}).status == 403


def test_consent_redirect_is_percent_encoded_as_express_does(admin: Browser) -> None:
    reply = admin.post("/consent", form={"lang": "en", "redirect": "/日本/%41%zz"})
    assert reply.status == 302 and reply.headers["location"] == "/openwhyd/%E6%97%A5%E6%9C%AC/%41%25zz"
