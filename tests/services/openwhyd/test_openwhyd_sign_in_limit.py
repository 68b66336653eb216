"""Failed sign-ins are limited per account and per client address, on by default (the live server
runs with `--no-rate-limits` and keeps this limit); refusals are the real server's 429, and the
windows pass on the service's clock."""

from collections.abc import Callable
from pathlib import Path

from openwhyd_http import ADMIN_MD5, Browser, Reply

from server.settings import SignInLimits

REFUSED = {"error": "Too many login requests, please try again later"}
WINDOW = 15 * 60


def attempt(browser: Browser, who: str, md5: str = ADMIN_MD5) -> Reply:
    return browser.get("/login", {"action": "login", "ajax": 1, "email": who, "md5": md5})


def wrong(browser: Browser, who: str) -> Reply:
    reply = attempt(browser, who, "0" * 32)
    assert reply.status == 200, reply.text
    return reply


def test_five_wrong_passwords_lock_the_account_until_the_window_passes(
    visitor: Browser, service_clock: Callable
) -> None:
    for _ in range(5):
        assert wrong(visitor, "admin").json()["wrongPassword"] == 1
    refused = attempt(visitor, "admin")
    assert refused.status == 429 and refused.json() == REFUSED
    assert "set-cookie" not in refused.headers
    assert refused.headers["ratelimit-policy"] == f"5;w={WINDOW}"
    assert refused.headers["ratelimit-limit"] == "5" and refused.headers["ratelimit-remaining"] == "0"
    assert 0 < int(refused.headers["ratelimit-reset"]) <= WINDOW
    by_email = attempt(visitor, "test@openwhyd.org")
    assert by_email.status == 429, "the same account, named by its email"
    assert attempt(visitor, "dummy").json() == {"redirect": "/"}
    service_clock(advance=str(WINDOW - 10))
    assert attempt(visitor, "admin").status == 429
    service_clock(advance="10")
    assert attempt(visitor, "admin").json()["redirect"] == "/"


def test_the_login_page_form_is_refused_with_the_same_json(visitor: Browser) -> None:
    for _ in range(5):
        wrong(visitor, "admin")
    page = visitor.post("/login", form={"email": "admin", "password": "admin"})
    assert page.status == 429 and page.media_type == "application/json" and page.json() == REFUSED


def test_a_success_clears_the_accounts_failures(visitor: Browser) -> None:
    for _ in range(4):
        wrong(visitor, "admin")
    visitor.login("admin")
    for _ in range(4):
        wrong(visitor, "admin")
    assert attempt(visitor, "admin").json()["redirect"] == "/"


def test_twenty_failures_from_one_address_refuse_every_account_from_it(
    visitor: Browser, service_clock: Callable
) -> None:
    for number in range(16):
        reply = attempt(visitor, f"nobody{number}")
        assert reply.json()["error"] == "Are you sure? We don't recognize your email address!"
    for _ in range(3):
        wrong(visitor, "admin")
    visitor.login("dummy")
    wrong(visitor, "dummy")
    refused = attempt(visitor, "dummy")
    assert refused.status == 429 and refused.json() == REFUSED
    assert refused.headers["ratelimit-policy"] == f"20;w={WINDOW}"
    assert attempt(visitor, "nobody").status == 429
    service_clock(advance=str(WINDOW))
    assert attempt(visitor, "dummy").json()["redirect"] == "/"


def test_an_address_claimed_in_x_real_ip_does_not_escape_the_count(visitor: Browser) -> None:
    """(`X-Forwarded-For` is uvicorn's to trust, from a proxy on the loopback only.)"""
    for number in range(20):
        visitor.get(
            "/login",
            {"ajax": 1, "email": f"nobody{number}", "md5": ADMIN_MD5},
            headers={"X-Real-IP": f"10.0.0.{number}"},
        )
    assert attempt(visitor, "dummy").status == 429


def test_no_password_forgot_and_logout_are_not_failures(visitor: Browser) -> None:
    for _ in range(6):
        assert visitor.get("/login", {"ajax": 1, "email": "admin"}).json()["error"] == (
            "Please enter your password below:"
        )
        visitor.get("/login", {"action": "forgot", "ajax": 1, "email": "admin"})
        visitor.get("/login", {"action": "logout", "ajax": 1})
    assert attempt(visitor, "admin").json()["redirect"] == "/"


def test_the_limits_are_settings(own_service, tmp_path: Path) -> None:
    """On a database of its own: services on one database count their limits together."""
    browser = Browser(own_service(tmp_path, sign_in_limits=SignInLimits(per_account=2, per_address=3)))
    wrong(browser, "admin")
    wrong(browser, "admin")
    assert attempt(browser, "admin").status == 429
    wrong(browser, "dummy")
    assert attempt(browser, "dummy").status == 429
    unlimited = Browser(own_service(sign_in_limits=None))
    for _ in range(30):
        wrong(unlimited, "admin")
    assert attempt(unlimited, "admin").json()["redirect"] == "/"
