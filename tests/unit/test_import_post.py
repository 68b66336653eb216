"""Posting an import: in the file's order, waiting out 429s, never posting a track twice, stopping
when cancelled or when the service keeps failing, and resuming where it stopped."""

import asyncio
import itertools
from collections.abc import AsyncIterator

from app.api.errors import AuthRequired, BadRequest, RateLimited, ServerError, Timeout
from app.openwhyd.import_plan import ImportPlan, PlannedTrack
from app.openwhyd.import_post import CANCELLED, ImportPoster, ImportRun
from app.openwhyd.models import Playlist, PlaylistRef, Track, TrackPage

ME = "u1"


class FakeService:
    """Openwhyd as the poster sees it. `script` maps a call's number (counting every call from 1)
    to what happens instead of a plain answer: an error raised before the call is done, or
    ("after", error): done, then the answer is lost."""

    def __init__(self, script: dict[int, object] | None = None, playlists: int = 0) -> None:
        self.script = script or {}
        self.calls = itertools.count(1)
        self.log: list[str] = []
        self.playlists = [Playlist(n, f"old {n}") for n in range(playlists)]
        self.posts: list[Track] = []
        self.order: dict[str, int] = {}
        self.ids = (f"p{n}" for n in itertools.count(1))

    def _call(self, name: str) -> Exception | None:
        self.log.append(name)
        happens = self.script.get(next(self.calls))
        if isinstance(happens, tuple):
            return happens[1]
        if isinstance(happens, Exception):
            raise happens
        return None

    async def create_playlist(self, name: str) -> Playlist:
        lost = self._call("create")
        self.playlists.append(Playlist(len(self.playlists), name))
        if lost:
            raise lost
        return self.playlists[-1]

    async def user_playlists(self, user: str) -> list[Playlist]:
        self._call("playlists")
        return list(self.playlists)

    async def add_track(self, track_eid: str, name: str, *, playlist: PlaylistRef | None = None) -> Track:
        lost = self._call("add")
        self.posts.append(Track(id=next(self.ids), eid=track_eid, name=name, playlist=playlist))
        if lost:
            raise lost
        return self.posts[-1]

    async def my_tracks(self, *, limit: int = 20) -> TrackPage:
        self._call("mine")
        return TrackPage(tuple(reversed(self.posts))[:limit], has_more=False)

    async def iter_playlist_tracks(
        self, user: str, playlist_id: int | str, *, page_size: int = 20
    ) -> AsyncIterator[Track]:
        self._call("read")
        for post in self.in_playlist(playlist_id):
            yield post

    async def reorder_playlist(self, playlist_id: int | str, post_ids: list[str]) -> None:
        self._call("order")
        self.order = {pid: n for n, pid in enumerate(post_ids)}

    def in_playlist(self, playlist_id: int | str) -> list[Track]:
        """As Openwhyd lists a playlist: unordered posts first, newest first, then by order."""
        mine = [post for post in self.posts if post.playlist and str(post.playlist.id) == str(playlist_id)]
        unordered = [post for post in reversed(mine) if post.id not in self.order]
        return unordered + sorted((p for p in mine if p.id in self.order), key=lambda p: self.order[p.id])


def plan(count: int) -> ImportPlan:
    tracks = tuple(PlannedTrack(f"line {n}", f"/yt/t{n}", f"Track {n}") for n in range(1, count + 1))
    return ImportPlan(tracks, (), "Imported", "M3U")


class Recorder:
    def __init__(self) -> None:
        self.slept: list[float] = []
        self.said: list[str] = []
        self.counts: list[int] = []

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)

    def progress(self, run: ImportRun, saying: str) -> None:
        self.counts.append(len(run.posted))
        if saying:
            self.said.append(saying)


def post(service: FakeService, run: ImportRun, recorder: Recorder | None = None) -> Recorder:
    recorder = recorder or Recorder()
    asyncio.run(ImportPoster(service, recorder.sleep, recorder.progress).run(run))
    return recorder


def names(service: FakeService, playlist_id: int | str) -> list[str]:
    return [post.name for post in service.in_playlist(playlist_id)]


def test_a_new_playlist_gets_every_track_in_the_files_order() -> None:
    service = FakeService(playlists=2)
    run = ImportRun(plan(3), ME, new_name="Imported")
    recorder = post(service, run)
    assert run.playlist == PlaylistRef(2, "Imported")
    assert names(service, 2) == ["Track 1", "Track 2", "Track 3"]
    assert run.finished and not run.failed and not run.stopped
    assert recorder.counts == [1, 2, 3, 3]
    assert service.log == ["playlists", "create", "add", "add", "add", "order"]


def test_appending_keeps_what_the_playlist_held_first() -> None:
    service = FakeService(playlists=1)
    old = ImportRun(plan(2), ME, playlist=PlaylistRef(0, "old 0"))
    post(service, old)
    run = ImportRun(
        ImportPlan((PlannedTrack("line 1", "/yt/new", "New"),), (), "x", "M3U"), ME, PlaylistRef(0, "old 0")
    )
    post(service, run)
    assert names(service, 0) == ["Track 1", "Track 2", "New"]


def test_a_429_is_waited_out_as_long_as_it_says_then_sent_again() -> None:
    service = FakeService({3: RateLimited("Too many API requests", 429, retry_after=4)}, playlists=1)
    run = ImportRun(plan(2), ME, PlaylistRef(0, "old 0"))
    recorder = post(service, run)
    assert names(service, 0) == ["Track 1", "Track 2"]
    assert recorder.slept == [1.0] * 5
    assert recorder.said[0] == "The service asks to slow down: going on in 5 s…"
    assert run.failed == {}


def test_an_answer_lost_after_the_post_was_made_is_not_posted_again() -> None:
    service = FakeService({3: ("after", Timeout(30))}, playlists=1)
    run = ImportRun(plan(2), ME, PlaylistRef(0, "old 0"))
    post(service, run)
    assert names(service, 0) == ["Track 1", "Track 2"]
    assert service.log == ["read", "add", "add", "mine", "order"]


def test_a_post_that_was_not_made_is_sent_again() -> None:
    service = FakeService({2: Timeout(30), 4: ServerError("boom", 500)}, playlists=1)
    run = ImportRun(plan(1), ME, PlaylistRef(0, "old 0"))
    recorder = post(service, run)
    assert names(service, 0) == ["Track 1"]
    assert service.log == ["read", "add", "mine", "add", "mine", "add", "order"]
    assert recorder.slept == [1.0] * 6  # 2 s, then 4 s


def test_a_refused_track_is_reported_and_the_rest_posted() -> None:
    service = FakeService({3: BadRequest("invalid eId")}, playlists=1)
    run = ImportRun(plan(3), ME, PlaylistRef(0, "old 0"))
    post(service, run)
    assert names(service, 0) == ["Track 1", "Track 3"]
    assert run.failed == {1: "invalid eId"}
    assert not run.finished


def test_failures_in_a_row_stop_the_run_and_a_retry_posts_only_the_rest() -> None:
    refusals: dict[int, object] = {n: BadRequest("down") for n in range(3, 6)}
    service = FakeService(refusals, playlists=1)
    run = ImportRun(plan(5), ME, PlaylistRef(0, "old 0"))
    post(service, run)
    assert "3 tracks in a row" in run.stopped
    assert names(service, 0) == ["Track 1"]
    assert set(run.failed) == {1, 2, 3}
    post(service, run)
    assert names(service, 0) == ["Track 1", "Track 2", "Track 3", "Track 4", "Track 5"]
    assert run.finished and run.failed == {} and run.stopped == ""


def test_being_signed_out_stops_the_run_at_once() -> None:
    service = FakeService({3: AuthRequired()}, playlists=1)
    run = ImportRun(plan(3), ME, PlaylistRef(0, "old 0"))
    post(service, run)
    assert "signed out" in run.stopped
    assert len(run.posted) == 1


def test_a_cancel_stops_between_two_tracks_and_what_is_posted_is_in_order() -> None:
    service = FakeService(playlists=1)
    run = ImportRun(plan(5), ME, PlaylistRef(0, "old 0"))
    recorder = Recorder()

    def progress(current: ImportRun, saying: str) -> None:
        recorder.progress(current, saying)
        if len(current.posted) == 2:
            current.cancelled = True

    asyncio.run(ImportPoster(service, recorder.sleep, progress).run(run))
    assert run.stopped == CANCELLED
    assert names(service, 0) == ["Track 1", "Track 2"]


def test_a_cancel_ends_a_wait() -> None:
    service = FakeService({2: RateLimited("", 429, retry_after=60)}, playlists=1)
    run = ImportRun(plan(2), ME, PlaylistRef(0, "old 0"))
    recorder = Recorder()

    async def sleep(seconds: float) -> None:
        recorder.slept.append(seconds)
        run.cancelled = len(recorder.slept) >= 3

    asyncio.run(ImportPoster(service, sleep, recorder.progress).run(run))
    assert run.stopped == CANCELLED
    assert len(recorder.slept) == 3
    assert service.posts == []


def test_a_new_playlist_whose_answer_was_lost_is_made_once() -> None:
    service = FakeService({2: ("after", Timeout(30))}, playlists=1)
    run = ImportRun(plan(1), ME, new_name="Imported")
    post(service, run)
    assert [playlist.name for playlist in service.playlists] == ["old 0", "Imported"]
    assert run.playlist == PlaylistRef("1", "Imported")
    assert names(service, 1) == ["Track 1"]


def test_order_is_saved_even_through_429s_and_a_failure_to_save_it_is_said() -> None:
    service = FakeService({3: RateLimited("", 429, retry_after=1)}, playlists=1)
    run = ImportRun(plan(1), ME, PlaylistRef(0, "old 0"))
    post(service, run)
    assert service.log == ["read", "add", "order", "order"]
    failing = FakeService({3: BadRequest("nope")}, playlists=1)
    run = ImportRun(plan(1), ME, PlaylistRef(0, "old 0"))
    post(failing, run)
    assert run.order_problem == "The tracks are posted, but their order could not be saved (nope)."
