"""Openwhyd's paths and the app's locations, written once: they agree with urllib, with the app's
router, and (under the MicroPython the widget runs) with themselves."""

import json
import random
from pathlib import Path
from urllib.parse import parse_qsl, quote, urlencode

import pytest
from micropython_node import needs_micropython, run_in_micropython

from app.openwhyd import paths
from app.ui.core.router import href, match

DUMMY_ID = "000000000000000000000002"


def test_user_paths_tell_ids_from_handles() -> None:
    assert paths.user_path(DUMMY_ID) == f"/u/{DUMMY_ID}"
    assert paths.user_path(DUMMY_ID.upper()) == f"/u/{DUMMY_ID.upper()}"
    assert paths.user_path("dummy") == "/dummy"
    assert paths.user_path("a b/c") == "/a%20b%2Fc"
    assert paths.playlist_path("dummy", 3) == "/dummy/playlist/3"
    assert paths.likes_path(DUMMY_ID) == f"/u/{DUMMY_ID}/likes"
    assert paths.hot_path("drum & bass") == "/hot/drum%20%26%20bass"
    assert paths.hot_path() == "/hot"


def test_a_playlist_is_named_and_found_across_users() -> None:
    assert paths.playlist_image_path("u1", 3) == "/img/playlist/u1_3"
    assert paths.playlist_owner(f"/u/{DUMMY_ID}/playlist/2") == DUMMY_ID
    assert paths.playlist_owner("/dummy/playlist/2") is None


@pytest.mark.parametrize("text", ["a-b_c.d~", "a b/c?d&e=f#", "café ♫", "%41", ""])
def test_quote_is_urllibs_with_nothing_safe(text: str) -> None:
    assert paths.quote(text) == quote(text, safe="")


@pytest.mark.parametrize("user", ["admin", DUMMY_ID, "jörg/x y"])
def test_the_widgets_links_open_the_apps_screens(user: str) -> None:
    assert paths.app_profile(user) == href("profile", user=user)
    assert paths.app_playlist(user, 2) == href("playlist", user=user, n="2")
    assert paths.app_likes(user) == href("profile-likes", user=user)
    assert paths.app_track("6b01") == href("track", id="6b01")
    assert href("hot") == paths.APP_HOT
    assert match(paths.app_playlist(user, 2)).params == {"user": user, "n": "2"}


@pytest.mark.parametrize(
    ("built", "read"),
    [
        (("admin", "0", False, ""), ("admin", "0", False)),
        (("a b&c", "", True, "https://openwhyd.org"), ("a b&c", "", True)),
        (("dummy", "", False, ""), ("dummy", "", False)),
    ],
)
def test_the_embed_url_reads_back_what_the_menu_wrote(built: tuple, read: tuple) -> None:
    params = dict(parse_qsl(urlencode(paths.embed_params(*built)), keep_blank_values=True))
    assert paths.embedded_list(params) == read
    assert paths.embedded_api(params) == (built[3] or paths.DEFAULT_OPENWHYD)


def test_a_bare_likes_flag_and_spaces_are_read_as_people_write_them() -> None:
    assert paths.embedded_list({"u": " admin ", "likes": ""}) == ("admin", "", True)
    assert paths.embedded_api({"api": "  "}) == "./openwhyd"


ANSWERS = """
import sys, json
sys.path.append("/")
import paths
print(json.dumps([[f(text) for f in (
    paths.quote, paths.user_path, paths.likes_path, paths.hot_path, paths.post_path, paths.app_profile,
    paths.app_track, paths.playlist_owner, lambda t: paths.playlist_path(t, 2),
    lambda t: paths.app_playlist(t, 2), lambda t: paths.embedded_list({"u": t, "pl": t}),
)] for text in json.load(open("/inputs.json"))]))
"""
"""Python run in MicroPython: each function's answer for each input, printed as JSON."""


def answers(text: str) -> list:
    return [
        paths.quote(text),
        paths.user_path(text),
        paths.likes_path(text),
        paths.hot_path(text),
        paths.post_path(text),
        paths.app_profile(text),
        paths.app_track(text),
        paths.playlist_owner(text),
        paths.playlist_path(text, 2),
        paths.app_playlist(text, 2),
        list(paths.embedded_list({"u": text, "pl": text})),
    ]


@needs_micropython
def test_micropython_gives_the_same_answers_as_cpython(tmp_path: Path) -> None:
    rng = random.Random(7)
    pieces = ["/", "u", "playlist", DUMMY_ID, "é", "♫", "%", " ", "?", "&", "#", "a", "0"]
    texts = ["", DUMMY_ID, "admin", *("".join(rng.choices(pieces, k=rng.randint(1, 6))) for _ in range(200))]
    (tmp_path / "inputs.json").write_text(json.dumps(texts))
    files = {"paths.py": paths.__file__, "inputs.json": tmp_path / "inputs.json"}
    printed = run_in_micropython(tmp_path, files, ANSWERS)
    assert json.loads(printed) == [answers(text) for text in texts]
