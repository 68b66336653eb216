"""Logging in and out, signing up, forgetting a password."""

from collections.abc import Callable

import pytest
from openwhyd_demo_accounts import ADMIN, PASSWORD

from app.api.errors import AuthRequired, BadCredentials, BadRequest, NotFound
from app.api.transports.cpython import CpythonTransport
from app.openwhyd.client import OpenwhydClient


@pytest.mark.parametrize("login", ["admin", "test@openwhyd.org", "  TEST@openwhyd.org "])
async def test_login_by_handle_or_email_opens_a_session(visitor: OpenwhydClient, login: str) -> None:
    user = await visitor.login(login, PASSWORD)
    assert (user.id, user.handle) == (ADMIN, "admin")
    assert "whydSid" in {cookie.name for cookie in visitor.transport.cookies}
    assert (await visitor.me()).id == ADMIN


async def test_a_wrong_password_is_refused(visitor: OpenwhydClient) -> None:
    with pytest.raises(BadCredentials, match="password"):
        await visitor.login("admin", "wrong")
    with pytest.raises(AuthRequired):
        await visitor.me()


async def test_an_unknown_email_is_refused(visitor: OpenwhydClient) -> None:
    with pytest.raises(BadCredentials, match="email"):
        await visitor.login("nobody@example.org", PASSWORD)


async def test_logout_ends_the_session(admin: OpenwhydClient) -> None:
    await admin.logout()
    with pytest.raises(AuthRequired):
        await admin.me()


async def test_sessions_are_per_client(
    admin: OpenwhydClient, new_client: Callable[[], OpenwhydClient]
) -> None:
    with pytest.raises(AuthRequired):
        await new_client().me()
    assert (await admin.me()).id == ADMIN


async def test_transports_sharing_a_cookie_jar_share_the_session(openwhyd_url: str) -> None:
    signing_in = CpythonTransport(timeout=10)
    tab = OpenwhydClient(openwhyd_url, CpythonTransport(timeout=10, cookies=signing_in.cookies))
    await OpenwhydClient(openwhyd_url, signing_in).login("admin", PASSWORD)
    assert (await tab.me()).id == ADMIN


async def test_register_creates_a_logged_in_user(visitor: OpenwhydClient) -> None:
    user = await visitor.register("Test User", "test-user@openwhyd.org", "test-user")
    me = await visitor.me()
    assert (me.id, me.name, me.email) == (user.id, "Test User", "test-user@openwhyd.org")
    await visitor.logout()
    assert (await visitor.login("test-user@openwhyd.org", "test-user")).id == user.id


@pytest.mark.parametrize(
    ("email", "password", "message"),
    [
        ("new@openwhyd.org", "", "Please enter a password"),
        ("not-an-email", "secret", "email"),
        ("test@openwhyd.org", "secret", "already registered"),
        ("new@openwhyd.org", "abc", "between 4 and 32"),
    ],
)
async def test_register_reports_what_is_wrong(
    visitor: OpenwhydClient, email: str, password: str, message: str
) -> None:
    with pytest.raises(BadRequest, match=message):
        await visitor.register("New", email, password)
    with pytest.raises(AuthRequired):
        await visitor.me()


async def test_forgot_password_knows_only_registered_emails(visitor: OpenwhydClient) -> None:
    assert await visitor.forgot_password("test@openwhyd.org")
    with pytest.raises(NotFound):
        await visitor.forgot_password("nobody@example.org")
