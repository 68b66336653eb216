"""Playlists: create, rename, reorder, image, delete, look up by global id, send."""

import io
import urllib.request
from urllib.error import HTTPError

import pytest
from openwhyd_demo_accounts import ADMIN, DUMMY
from PIL import Image

from app.api.errors import AuthRequired, BadRequest, NotFound
from app.openwhyd.client import OpenwhydClient
from app.openwhyd.notifications import SENT_PLAYLIST


def png(width: int = 32, height: int = 32) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), "teal").save(out, "PNG")
    return out.getvalue()


async def test_create_rename_and_delete(dummy: OpenwhydClient) -> None:
    created = await dummy.create_playlist("road trip")
    assert (created.id, created.name) == (0, "road trip")
    track = await dummy.add_track("/yt/XdJVWSqb4Ck", "Lullaby", playlist=created.ref)
    renamed = await dummy.rename_playlist(created.id, "long road")
    assert (renamed.id, renamed.name) == (0, "long road")
    assert (await dummy.track(track.id)).playlist.name == "long road"
    await dummy.delete_playlist(created.id)
    assert (await dummy.me()).playlists == ()
    assert (await dummy.track(track.id)).playlist is None
    with pytest.raises(NotFound):
        await dummy.delete_playlist(created.id)


async def test_renaming_a_missing_playlist_is_not_found(dummy: OpenwhydClient) -> None:
    with pytest.raises(NotFound):
        await dummy.rename_playlist(7, "ghost")


async def test_playlist_changes_need_a_session(visitor: OpenwhydClient) -> None:
    with pytest.raises(AuthRequired):
        await visitor.create_playlist("nope")


async def test_playlists_are_found_by_global_id(visitor: OpenwhydClient) -> None:
    [tones] = await visitor.playlists_by_id([f"{ADMIN}_0"])
    assert (tones.global_id, tones.name, tones.user_name, tones.track_count) == (
        f"{ADMIN}_0",
        "Offline tones",
        "admin",
        3,
    )


async def test_a_playlist_image_comes_from_an_upload(admin: OpenwhydClient) -> None:
    uploaded = await admin.upload_image("cover.png", png(), "image/png")
    playlist = await admin.set_playlist_image(0, uploaded.path)
    assert (playlist.id, playlist.name) == (0, "Offline tones")
    [listed] = await admin.user_playlists("admin")
    assert listed.image


async def test_uploads_take_images_only_and_need_a_session(
    admin: OpenwhydClient, visitor: OpenwhydClient
) -> None:
    uploaded = await admin.upload_image("a.png", png(400, 200), "image/png", thumb_sizes="100x")
    assert uploaded.mime == "image/png" and uploaded.path
    stored_url = f"{admin.base_url}/{uploaded.path}"
    urllib.request.urlopen(stored_url).close()
    await admin.delete_upload(uploaded.path)
    with pytest.raises(HTTPError, match="404"):
        urllib.request.urlopen(stored_url)
    with pytest.raises(BadRequest, match="image"):
        await admin.upload_image("notes.txt", b"just text", "text/plain")
    with pytest.raises(AuthRequired):
        await visitor.upload_image("a.png", png(), "image/png")


async def test_a_playlist_can_be_sent_to_users(admin: OpenwhydClient, dummy: OpenwhydClient) -> None:
    await admin.send_playlist(ADMIN, 0, [DUMMY])
    (sent,) = [item for item in await dummy.notifications() if item.kind == SENT_PLAYLIST]
    assert sent.target == f"#/u/{ADMIN}/playlists/0"
