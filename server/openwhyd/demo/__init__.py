"""The world `serve` starts with when no `--seed` is given: the shared Openwhyd fixtures (copied
into `fixtures/`), the two test accounts of the real server's test database (§6.1) and a few
tracks whose audio the service synthesises and serves itself.
"""

from collections.abc import Callable
from pathlib import Path
from typing import Any

from server.database import Connection
from server.openwhyd import seed
from server.openwhyd.credentials import md5
from server.openwhyd.demo import tones
from server.openwhyd.names import normalise
from server.openwhyd.store import comments, posts, users
from server.settings import OPENWHYD_MOUNT
from server.whole_files import write_whole

FIXTURES = Path(__file__).parent / "fixtures"
ADMIN, DUMMY = "000000000000000000000001", "000000000000000000000002"
PASSWORD = "admin"
ACCOUNTS: list[dict[str, Any]] = [
    {
        "_id": ADMIN,
        "email": "test@openwhyd.org",
        "handle": "admin",
        "name": "admin",
        "pwd": md5(PASSWORD),
        "img": "/images/blank_user.gif",
        "consent": {"lang": "en"},
    },
    {
        "_id": DUMMY,
        "email": "dummy@openwhyd.org",
        "handle": "dummy",
        "name": "dummy",
        "pwd": md5(PASSWORD),
        "img": "/images/blank_user.gif",
        "consent": {"lang": "en"},
    },
]


def audio_url(root: str) -> str:
    """Where the service under `root` serves `audio/`: the `/fi/` eIds are root-relative URLs."""
    return f"{root}/audio/"


AUDIO_URL = audio_url(OPENWHYD_MOUNT)
"""The demo tracks' folder as `serve` (and so the tests) serves it."""

TRACKS: dict[str, tuple[str, Callable[[], bytes]]] = {
    "c-major-chord.wav": ("Tonearm Tones - C major chord", lambda: tones.chord(["C4", "E4", "G4"])),
    "a-minor-chord.wav": ("Tonearm Tones - A minor chord", lambda: tones.chord(["A3", "C4", "E4"])),
    "g-major-arpeggio.wav": (
        "Tonearm Tones - G major arpeggio",
        lambda: tones.arpeggio(["G4", "B4", "D5", "B4"]),
    ),
    "f-major-arpeggio.wav": (
        "Tonearm Tones - F major arpeggio",
        lambda: tones.arpeggio(["F4", "A4", "C5", "A4"]),
    ),
}
BANNER = [
    f"Openwhyd demo: log in as admin or dummy (handle or email), password {PASSWORD}",
]


def write_audio(folder: Path) -> None:
    """Synthesise the demo tracks' files once; later starts reuse them. Written whole, as another
    process may be serving them already."""
    folder.mkdir(parents=True, exist_ok=True)
    for filename, (_, synthesise) in TRACKS.items():
        if not (folder / filename).exists():
            write_whole(folder / filename, synthesise())


def without_remote_artwork(post: dict) -> dict:
    """The demo runs with no network: artwork hosted elsewhere (YouTube's thumbnails) could only
    show as a broken image, so a demo post keeps only artwork this service has. `--seed` data
    is loaded as it is."""
    return {key: value for key, value in post.items() if key != "img" or "//" not in str(value)}


def load(db: Connection, now: float, root: str) -> None:
    """Fill an empty database with the demo world, its own tracks shared `now` with the audio URLs
    of the service under `root`; the caller holds the write transaction."""
    world = seed.read(FIXTURES)
    documents = world.documents
    documents["post"] = [without_remote_artwork(post) for post in documents["post"]]
    by_id = {doc.get("_id"): doc for doc in documents["user"]}
    for account in ACCOUNTS:
        by_id[account["_id"]] = {**by_id.get(account["_id"], {}), **account}
    documents["user"] = list(by_id.values())
    seed.load(db, world, now)
    for account in ACCOUNTS:
        users.rename(db, account["_id"], account["name"], normalise(account["name"]))
    _post_tracks(db, now, audio_url(root))


def _post_tracks(db: Connection, now: float, audio: str) -> None:
    """Admin shares three tones in a playlist, dummy the fourth; a like and a comment follow.

    The tracks are dated a second before `now`: ids made within one second by different processes
    sort by their process part, so a visitor's first post must come in a later second to come first."""
    playlist = users.add_playlist(db, ADMIN, "Offline tones")
    pids = []
    for index, (filename, (name, _)) in enumerate(TRACKS.items()):
        author, author_name = (ADMIN, "admin") if index < 3 else (DUMMY, "dummy")
        doc: dict[str, Any] = {
            "uId": author,
            "uNm": author_name,
            "text": "",
            "name": name,
            "eId": f"/fi/{audio}{filename}",
        }
        if author == ADMIN:
            doc["pl"] = {"id": playlist["id"], "name": playlist["name"]}
        pids.append(posts.insert(db, doc, now - 1))
    posts.toggle_love(db, pids[0], DUMMY)
    comments.insert(db, {"pId": pids[0], "uId": DUMMY, "uNm": "dummy", "text": "so pure!"}, now)
