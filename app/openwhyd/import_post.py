"""Posting an import plan into a playlist, one track at a time, politely and never twice.

The service's rate limits (90 API calls a minute on the real server) answer 429 before anything is
done, so a refused call waits as long as the answer says and is sent again. A call that failed
without an answer (a timeout, a dropped connection, a 5xx) may have been done all the same: before
it is sent again, the newest track of one's profile tells whether it was. A run stops between two
tracks when cancelled, and a later run posts only what is not posted yet. Openwhyd shows a
playlist's unordered tracks newest first, so the run ends by putting the playlist in the file's
order after what it held before.
"""

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from app.api.errors import ApiError, AuthRequired, RateLimited, ServerError, TransportError
from app.openwhyd.import_plan import ImportPlan, PlannedTrack
from app.openwhyd.models import Playlist, PlaylistRef, Track, TrackPage
from app.openwhyd.paging import Sleep

T = TypeVar("T")

ATTEMPTS = 3
"""Tries of a call that got no answer before its track counts as failed."""
FAILURES_IN_A_ROW = 3
"""Failed tracks in a row after which the run stops: the service is down, or refuses them all."""
DEFAULT_WAIT = 10.0
"""Seconds to wait after a 429 that says nothing of when to come back."""
PAGE_SIZE = 100
CANCELLED = "Cancelled: the rest is not posted."


class ImportClient(Protocol):
    """What posting needs of the Openwhyd client (app/openwhyd/client.py)."""

    async def create_playlist(self, name: str) -> Playlist: ...
    async def user_playlists(self, user: str) -> list[Playlist]: ...
    async def add_track(self, track_eid: str, name: str, *, playlist: PlaylistRef | None = None) -> Track: ...
    async def my_tracks(self, *, limit: int = ...) -> TrackPage: ...
    def iter_playlist_tracks(
        self, user: str, playlist_id: int | str, *, page_size: int = ...
    ) -> AsyncIterator[Track]: ...
    async def reorder_playlist(self, playlist_id: int | str, post_ids: list[str]) -> None: ...


@dataclass
class ImportRun:
    """One import between its tries: the plan, where it goes (`playlist`, or a new one called
    `new_name` until it is made), what is posted (post ids by the track's index in the plan), what
    failed and why, and why the last try stopped early if it did."""

    plan: ImportPlan
    user_id: str
    playlist: PlaylistRef | None = None
    new_name: str = ""
    posted: dict[int, str] = field(default_factory=dict)
    failed: dict[int, str] = field(default_factory=dict)
    before: list[str] | None = None
    """The playlist's post ids, in order, before the first track was posted."""
    stopped: str = ""
    order_problem: str = ""
    running: bool = False
    cancelled: bool = False

    @property
    def total(self) -> int:
        return len(self.plan.tracks)

    @property
    def finished(self) -> bool:
        return len(self.posted) == self.total

    def to_post(self) -> list[tuple[int, PlannedTrack]]:
        return [(index, track) for index, track in enumerate(self.plan.tracks) if index not in self.posted]


Progress = Callable[[ImportRun, str], None]
"""Told after each step, with a sentence on what is happening (a wait, say) or ""."""


class _Stop(Exception):
    """Ends the run between two tracks, saying why."""


class ImportPoster:
    def __init__(self, client: ImportClient, sleep: Sleep, progress: Progress) -> None:
        self.client, self.sleep, self.progress = client, sleep, progress

    async def run(self, run: ImportRun) -> None:
        """Post what `run` has not posted yet, then put the playlist in order."""
        run.running, run.cancelled, run.stopped = True, False, ""
        try:
            await self._post_all(run)
        except _Stop as stop:
            run.stopped = str(stop)
        finally:
            run.running = False
            if run.playlist is not None and run.posted:
                await self._put_in_order(run)
            self.progress(run, "")

    async def _post_all(self, run: ImportRun) -> None:
        playlist = await self._target(run)
        if run.before is None:
            walk = self.client.iter_playlist_tracks(run.user_id, playlist.id, page_size=PAGE_SIZE)
            run.before = await self._patiently(run, lambda: _ids(walk))
        in_a_row = 0
        for index, track in run.to_post():
            if run.cancelled:
                raise _Stop(CANCELLED)
            try:
                run.posted[index] = await self._post(run, track, playlist)
                run.failed.pop(index, None)
                in_a_row = 0
            except AuthRequired:
                raise _Stop("You were signed out: sign in again and resume the import.") from None
            except ApiError as error:
                run.failed[index] = error.message
                in_a_row += 1
                if in_a_row >= FAILURES_IN_A_ROW:
                    raise _Stop(
                        f"The service refused or did not answer {in_a_row} tracks in a row, so the import "
                        "stopped. Try again later: what is posted will not be posted again."
                    ) from None
            self.progress(run, "")

    async def _target(self, run: ImportRun) -> PlaylistRef:
        """The playlist to post into, made first if it is a new one."""
        if run.playlist is None:
            mine = await self._patiently(run, lambda: self.client.user_playlists(run.user_id))
            known = {str(playlist.id) for playlist in mine}

            async def made() -> str | None:
                now = await self.client.user_playlists(run.user_id)
                new = [p for p in now if str(p.id) not in known and p.name == run.new_name]
                return str(new[-1].id) if new else None

            created = await self._once(run, lambda: self.client.create_playlist(run.new_name), made)
            run.playlist = PlaylistRef(created if isinstance(created, str) else created.id, run.new_name)
            run.before = []
        return run.playlist

    async def _post(self, run: ImportRun, track: PlannedTrack, playlist: PlaylistRef) -> str:
        async def posted() -> str | None:
            newest = (await self.client.my_tracks(limit=1)).tracks
            if not newest:
                return None
            post = newest[0]
            ours = post.playlist is not None and str(post.playlist.id) == str(playlist.id)
            if (
                ours
                and (post.eid, post.name) == (track.eid, track.name)
                and post.id not in run.posted.values()
            ):
                return post.id
            return None

        added = await self._once(
            run, lambda: self.client.add_track(track.eid, track.name, playlist=playlist), posted
        )
        return added if isinstance(added, str) else added.id

    async def _once(
        self, run: ImportRun, call: Callable[[], Awaitable[T]], done: Callable[[], Awaitable[str | None]]
    ) -> T | str:
        """`call`, which must not be done twice: after a failure without an answer, `done` looks
        whether it was (the id it made), before it is sent again."""
        for attempt in range(1, ATTEMPTS + 1):
            try:
                return await self._patiently(run, call)
            except (ServerError, TransportError):
                made = await self._patiently(run, done)
                if made is not None:
                    return made
                if attempt == ATTEMPTS:
                    raise
                await self._wait(run, 2.0**attempt, "The service did not answer; trying again in {} s…")
        raise AssertionError("unreachable")

    async def _patiently(
        self, run: ImportRun, call: Callable[[], Awaitable[T]], *, cancellable: bool = True
    ) -> T:
        """`call`, sent again after each 429 once the wait it asks for is over."""
        while True:
            try:
                return await call()
            except RateLimited as limited:
                wait = max(1.0, limited.retry_after if limited.retry_after is not None else DEFAULT_WAIT)
                saying = "The service asks to slow down: going on in {} s…"
                await self._wait(run, wait + 1, saying, cancellable=cancellable)

    async def _wait(self, run: ImportRun, seconds: float, saying: str, *, cancellable: bool = True) -> None:
        """Wait a second at a time, saying how long is left; a cancel ends the run instead."""
        left = int(seconds + 0.999)
        while left > 0:
            if cancellable and run.cancelled:
                raise _Stop(CANCELLED)
            self.progress(run, saying.format(left))
            await self.sleep(1.0)
            left -= 1

    async def _put_in_order(self, run: ImportRun) -> None:
        assert run.playlist is not None
        order = [*(run.before or []), *(run.posted[index] for index in sorted(run.posted))]
        playlist_id = run.playlist.id
        run.order_problem = ""
        try:
            await self._patiently(
                run, lambda: self.client.reorder_playlist(playlist_id, order), cancellable=False
            )
        except ApiError as error:
            run.order_problem = (
                f"The tracks are posted, but their order could not be saved ({error.message})."
            )


async def _ids(walk: AsyncIterator[Track]) -> list[str]:
    return [track.id async for track in walk]
