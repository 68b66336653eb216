"""Profiles: reading one's own and others', editing, passwords, subscriptions, deletion."""

import pytest
from openwhyd_demo_accounts import ADMIN, DUMMY, PASSWORD

from app.api.errors import AuthRequired, BadCredentials, BadRequest, NotFound
from app.openwhyd.client import OpenwhydClient


async def test_a_public_profile_has_counts_but_no_private_fields(
    visitor: OpenwhydClient,
) -> None:
    for key in (DUMMY, "dummy"):
        dummy = await visitor.user(key)
        assert (dummy.id, dummy.handle, dummy.email) == (DUMMY, "dummy", None)
        assert dummy.post_count is not None and dummy.subscriber_count is not None
    with pytest.raises(NotFound):
        await visitor.user("nobody-here")


async def test_ones_own_profile_has_email_and_playlists(admin: OpenwhydClient) -> None:
    me = await admin.me()
    assert me.email == "test@openwhyd.org"
    assert [(p.name, p.user_id) for p in me.playlists] == [("Offline tones", ADMIN)]
    assert me.playlists[0].track_count == 3


async def test_is_subscribed_tells_whether_one_follows(admin: OpenwhydClient) -> None:
    assert (await admin.user(DUMMY)).is_subscribed is False
    await admin.follow(DUMMY)
    assert (await admin.user(DUMMY)).is_subscribed is True


async def test_update_profile_changes_the_given_fields(dummy: OpenwhydClient) -> None:
    me = await dummy.update_profile(
        name="Dummy Two",
        bio="I like noise",
        location="Paris",
        links={"home": "https://example.org", "tw": "someone"},
    )
    assert (me.name, me.bio, me.location) == ("Dummy Two", "I like noise", "Paris")
    assert dict(me.links) == {"home": "https://example.org", "tw": "someone"}
    assert (await dummy.me()).handle == "dummy"


async def test_a_new_handle_names_the_profile(dummy: OpenwhydClient) -> None:
    me = await dummy.update_profile(handle="dummy-two")
    assert me.handle == "dummy-two"
    assert (await dummy.profile_tracks("dummy-two")).tracks


@pytest.mark.parametrize("handle", ["ab", "12345", "admin", "stream", "Not Valid"])
async def test_bad_handles_are_refused(dummy: OpenwhydClient, handle: str) -> None:
    with pytest.raises(BadRequest):
        await dummy.update_profile(handle=handle)


async def test_changing_the_password_needs_the_current_one(
    dummy: OpenwhydClient, visitor: OpenwhydClient
) -> None:
    with pytest.raises(BadCredentials):
        await dummy.change_password("wrong", "new-secret")
    await dummy.change_password(PASSWORD, "new-secret")
    assert (await visitor.login("dummy", "new-secret")).id == DUMMY


async def test_profile_changes_need_a_session(visitor: OpenwhydClient) -> None:
    with pytest.raises(AuthRequired):
        await visitor.update_profile(bio="x")


async def test_subscriptions_and_subscribers_list_both_sides(admin: OpenwhydClient) -> None:
    await admin.follow(DUMMY)
    assert DUMMY in [user.id for user in await admin.subscriptions(ADMIN)]
    assert ADMIN in [user.id for user in await admin.subscribers(DUMMY)]


async def test_a_deleted_account_cannot_log_in(dummy: OpenwhydClient, visitor: OpenwhydClient) -> None:
    await dummy.delete_account()
    with pytest.raises(BadCredentials):
        await visitor.login("dummy", PASSWORD)
