"""What the account screens do through the client: a new account's first steps, pictures, email."""

import io
import urllib.request

import pytest
from openwhyd_demo_accounts import DUMMY, PASSWORD
from PIL import Image

from app.api.errors import BadRequest
from app.openwhyd.client import OpenwhydClient


def png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), "orange").save(out, "PNG")
    return out.getvalue()


def image_size(url: str) -> tuple[int, int]:
    with urllib.request.urlopen(url) as response:
        return Image.open(io.BytesIO(response.read())).size


async def test_a_new_account_picks_a_handle_and_signs_in_with_it(visitor: OpenwhydClient) -> None:
    user = await visitor.register("Nova", "nova@example.org", "nova-pass")
    assert (user.name, user.handle) == ("Nova", None)
    me = await visitor.update_profile(handle="nova")
    assert (me.id, me.handle) == (user.id, "nova")
    await visitor.logout()
    assert (await visitor.login("nova", "nova-pass")).id == user.id


async def test_an_avatar_is_uploaded_shrunk_and_served(dummy: OpenwhydClient) -> None:
    me = await dummy.set_avatar("me.png", png(400, 300), "image/png")
    assert me.image and me.image.startswith("/uAvatarImg/")
    assert image_size(dummy.resource_url(me.image)) == (180, 135)
    assert image_size(dummy.user_image_url(DUMMY)) == (180, 135)  # the redirect follows the change


async def test_a_cover_is_set_then_removed(dummy: OpenwhydClient) -> None:
    me = await dummy.set_cover("cover.png", png(1200, 300), "image/png")
    assert me.cover_image and me.cover_image.startswith("/uCoverImg/")
    assert image_size(dummy.resource_url(me.cover_image)) == (960, 240)
    assert (await dummy.remove_cover()).cover_image is None


async def test_a_file_that_is_no_image_changes_no_picture(dummy: OpenwhydClient) -> None:
    before = (await dummy.me()).image
    with pytest.raises(BadRequest, match="Only images"):
        await dummy.set_avatar("notes.png", b"not a picture", "image/png")
    assert (await dummy.me()).image == before


async def test_the_email_changes_unless_someone_has_it(
    dummy: OpenwhydClient, visitor: OpenwhydClient
) -> None:
    assert (await dummy.update_profile(email="Dummy.New@Example.org")).email == "dummy.new@example.org"
    assert (await visitor.login("dummy.new@example.org", PASSWORD)).id == DUMMY
    with pytest.raises(BadRequest, match="This email already belongs to another user"):
        await dummy.update_profile(email="test@openwhyd.org")
    with pytest.raises(BadRequest, match="invalid"):
        await dummy.update_profile(email="not an email")
    assert (await dummy.me()).email == "dummy.new@example.org"


async def test_a_taken_handle_is_refused_with_the_servers_words(dummy: OpenwhydClient) -> None:
    with pytest.raises(BadRequest, match="This username is already taken"):
        await dummy.update_profile(handle="adrien")
    assert (await dummy.me()).handle == "dummy"
