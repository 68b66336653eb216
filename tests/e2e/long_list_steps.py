"""A world with long lists, for the long-list tests and the list benchmark: "long", whose playlist 0
holds `tracks` tracks (newest first: "Tone 00001" first) and who posted nothing else, and "short",
the same with 50 tracks; served by `build.py serve --seed` on it. The tracks are the demo world's
synthesised tones, so any of them plays offline. Both passwords are "admin"."""

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from buildkit.serving import serving
from server.openwhyd.demo import AUDIO_URL, TRACKS
from server.openwhyd.ids import new_id

USER = "long"
PASSWORD_MD5 = "21232f297a57a5a743894a0e4a801fc3"
"""Of "admin", the demo world's password."""
PLAYLIST = "Ten thousand tones"
SHORT_USER = "short"
SHORT_TRACKS = 50
"""The baseline's playlist: the same screen with as many tracks as fit on a page or two."""
POSTED_BY = datetime(2026, 11, 1, tzinfo=UTC).timestamp()
"""When the newest track was shared, one second apart each: a fixed date, as the lists are ordered by
their ids' times and nothing shown depends on how long ago that was."""


def title(position: int) -> str:
    """The name of the track at `position` (1-based) of a list: zero-padded, so no name is the
    start of another."""
    return f"Tone {position:05d}"


def user_docs(handle: str, tracks: int, posted: float) -> tuple[dict, list[dict]]:
    uid = new_id(posted - 1000 * 86400)
    user = {
        "_id": uid,
        "name": handle.capitalize(),
        "handle": handle,
        "email": f"{handle}@example.org",
        "pwd": PASSWORD_MD5,
        "pl": [{"id": 0, "name": PLAYLIST}],
    }
    files = list(TRACKS)
    posts = [
        {
            "_id": new_id(posted - position),
            "uId": uid,
            "uNm": user["name"],
            "text": "",
            "name": title(position),
            "eId": f"/fi/{AUDIO_URL}{files[position % len(files)]}",
            "pl": {"id": 0, "name": PLAYLIST},
        }
        for position in range(1, tracks + 1)
    ]
    return user, posts


def write_world(folder: Path, tracks: int) -> None:
    """Seed files for "long" (`tracks` tracks) and "short" (`SHORT_TRACKS`)."""
    long_user, long_posts = user_docs(USER, tracks, POSTED_BY)
    short_user, short_posts = user_docs(SHORT_USER, SHORT_TRACKS, POSTED_BY)
    documents = {"user": [long_user, short_user], "post": long_posts + short_posts, "follow": []}
    for name, docs in documents.items():
        (folder / f"{name}.json").write_text(json.dumps(docs))


@contextmanager
def long_world(folder: Path, tracks: int = 10_000) -> Iterator[str]:
    """The base URL of a test-mode server on the long world, made in `folder`."""
    seed = folder / "seed"
    seed.mkdir()
    write_world(seed, tracks)
    with serving(
        folder / "data", "--seed", str(seed), "--test-mode", "--no-rate-limits", log=folder / "serve.log"
    ) as base:
        yield base
