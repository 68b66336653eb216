"""`/upload` (reference §3.10), image routes and fallbacks (§3.11), and the demo audio."""

import io
import wave

from openwhyd_http import ADMIN, DUMMY, FAKE_ID, Browser
from PIL import Image


def png(width: int = 400, height: int = 200) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def upload(user: Browser, data: bytes, **fields: str) -> dict:
    reply = user.post("/upload", form=fields, files={"file": ("cover.png", data, "image/png")})
    assert reply.status == 200 and reply.media_type == "text/plain", reply.text
    return reply.json()["file"]


THUMBNAIL = "https://i.ytimg.com/vi/jI3YrVfOksE/default.jpg"


def post_with_remote_artwork(user: Browser, **fields: object) -> dict:
    """The demo world has no remote artwork (it runs offline), so these tests post some."""
    body = {"action": "insert", "eId": "/yt/jI3YrVfOksE", "name": "Remote art", "img": THUMBNAIL}
    reply = user.post("/api/post", json_body={**body, **fields})
    assert reply.status == 200, reply.text
    return reply.json()


def test_the_demo_world_points_at_no_remote_artwork(visitor: Browser) -> None:
    posts = visitor.get("/adrien", {"format": "json", "limit": 100}).json()
    assert len(posts) == 21 and not any("//" in str(post.get("img", "")) for post in posts)


def test_upload_makes_thumbnails(admin: Browser) -> None:
    stored = upload(admin, png())
    assert stored["mime"] == "image/png" and set(stored) == {"mime", "path", "thumbs"}
    assert stored["path"] == stored["thumbs"]["180x"]
    assert stored["path"].startswith("upload_data/") and stored["path"].endswith("_180x.png")
    served = admin.get("/" + stored["path"])
    assert served.status == 200 and Image.open(io.BytesIO(served.body)).size == (180, 90)


def test_thumb_dims(admin: Browser) -> None:
    stored = upload(admin, png(), thumbDims="100x100,x50,bogus")
    assert list(stored["thumbs"]) == ["100x100", "x50"] and stored["path"] == stored["thumbs"]["x50"]
    size = Image.open(io.BytesIO(admin.get("/" + stored["thumbs"]["100x100"]).body)).size
    assert size == (100, 50)


def test_only_images_are_accepted(admin: Browser) -> None:
    reply = admin.post(
        "/upload",
        files={
            "doc": ("notes.txt", b"hello", "text/plain"),
            "fake": ("x.png", b"\x89PNG not really", "image/png"),
        },
    )
    assert reply.json() == {
        "doc": {"error": "Only images are supported for upload, for now."},
        "fake": {"error": "Only images are supported for upload, for now."},
    }


def test_upload_needs_login(visitor: Browser) -> None:
    reply = visitor.post("/upload", files={"file": ("a.png", png(), "image/png")})
    assert reply.status == 200 and reply.media_type == "text/html" and "Login" in reply.text


def test_upload_size_is_capped(admin: Browser) -> None:
    reply = admin.post("/upload", raw=b"x" * (9 * 1024 * 1024), content_type="multipart/form-data")
    assert reply.status == 413


def test_upload_delete(admin: Browser) -> None:
    stored = upload(admin, png())
    assert admin.post("/upload", form={"action": "delete", "id": stored["path"]}).json() == {}
    assert admin.get("/" + stored["path"]).status == 404


def test_avatar_from_upload(admin: Browser, visitor: Browser) -> None:
    stored = upload(admin, png())
    user = admin.post("/api/user", json_body={"img": stored["path"]}).json()
    assert user["img"].startswith("/uAvatarImg/")
    redirect = visitor.get(f"/img/u/{ADMIN}", {"size": "x"})
    assert redirect.status == 307 and redirect.headers["location"] == f"/openwhyd{user['img']}?size=x"
    assert visitor.get(user["img"]).body == admin.get(user["img"]).body
    assert Image.open(io.BytesIO(visitor.get(user["img"]).body)).size == (180, 90)
    assert visitor.get(f"/uAvatarImg/{ADMIN}").headers["location"] == f"/openwhyd{user['img']}"
    assert "error" in admin.post("/api/user", json_body={"img": "../../etc/passwd"}).json()


def test_unknown_avatar_is_the_blank_user_with_404(visitor: Browser) -> None:
    for path in [f"/img/u/{FAKE_ID}", "/uAvatarImg/nothing.png"]:
        reply = visitor.get(path)
        assert reply.status == 404 and reply.media_type == "image/gif"
    blank = visitor.get("/images/blank_user.gif")
    assert blank.status == 200 and blank.body == visitor.get(f"/img/u/{FAKE_ID}").body


def test_cover_upload_and_removal(dummy: Browser, visitor: Browser) -> None:
    stored = upload(dummy, png())
    cover = dummy.post("/api/user", json_body={"cvrImg": stored["path"]}).json()["cvrImg"]
    name = cover.rsplit("/", 1)[1]
    assert visitor.get(f"/img/userCover/{name}").status == 200
    assert visitor.get(cover).status == 200
    assert "cvrImg" not in dummy.post("/api/user", json_body={"cvrImg": "/images/blank.png"}).json()
    missing = visitor.get("/img/userCover/none.jpg")
    assert missing.status == 404 and missing.media_type == "image/png"


def test_post_images(admin: Browser, visitor: Browser) -> None:
    remote = visitor.get(f"/img/post/{post_with_remote_artwork(admin)['_id']}")
    assert remote.status == 307
    assert remote.headers["location"] == THUMBNAIL
    none = visitor.get(f"/img/post/{FAKE_ID}")
    assert none.status == 404 and none.media_type == "image/png"


def test_playlist_images(admin: Browser, visitor: Browser) -> None:
    assert visitor.get(f"/img/playlist/{ADMIN}_0").status == 404
    post_with_remote_artwork(admin, pl={"id": 0, "name": "Offline tones"})
    assert visitor.get(f"/img/playlist/{ADMIN}_0").headers["location"] == THUMBNAIL
    assert visitor.get(f"/img/playlist/{ADMIN}_0", {"localOnly": 1}).status == 404
    stored = upload(admin, png())
    entry = admin.post(
        "/api/playlist", json_body={"action": "update", "id": "0", "img": stored["path"]}
    ).json()
    assert entry == {"id": 0, "name": "Offline tones", "img": f"/uPlaylistImg/{ADMIN}_0.png"}
    assert visitor.get(f"/img/playlist/{ADMIN}_0").media_type == "image/png"
    assert visitor.get(entry["img"]).status == 200
    assert admin.post("/api/playlist", form={"action": "delete", "id": "0"}).text == "0"
    assert visitor.get(entry["img"]).status == 404


def test_remote_artwork_beyond_latin_1_redirects_percent_encoded(admin: Browser, visitor: Browser) -> None:
    post = post_with_remote_artwork(
        admin, img="https://x.example/日本.jpg", pl={"id": 0, "name": "Offline tones"}
    )
    for path in [f"/img/post/{post['_id']}", f"/img/playlist/{ADMIN}_0"]:
        reply = visitor.get(path)
        assert reply.status == 307 and reply.headers["location"] == "https://x.example/%E6%97%A5%E6%9C%AC.jpg"


def test_images_are_cacheable_and_api_is_not(visitor: Browser) -> None:
    assert visitor.get("/images/no_image.png").headers["cache-control"] == "public, max-age=3600"
    assert visitor.get("/api/user").headers["cache-control"] == (
        "max-age=0,no-cache,no-store,post-check=0,pre-check=0"
    )


def test_demo_audio_is_real_wav_that_supports_ranges(visitor: Browser) -> None:
    for post in visitor.get("/admin/playlist/0", {"format": "json"}).json():
        url = post["eId"].removeprefix("/fi/").removeprefix("/openwhyd")
        reply = visitor.get(url)
        assert reply.status == 200 and reply.media_type == "audio/x-wav"
        with wave.open(io.BytesIO(reply.body)) as sound:
            assert sound.getnframes() / sound.getframerate() >= 3
    part = visitor.get("/audio/c-major-chord.wav", headers={"Range": "bytes=0-99"})
    assert part.status == 206 and len(part.body) == 100
    assert visitor.get("/audio/../openwhyd.sqlite3").status == 404


def test_default_avatar_redirects_to_the_blank_user(visitor: Browser) -> None:
    for path in [f"/img/u/{DUMMY}", f"/img/user/{DUMMY}"]:
        assert visitor.get(path).headers["location"] == "/openwhyd/images/blank_user.gif"
