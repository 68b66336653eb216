"""An import against the service with the real server's rate limits on: the client backs off on
each 429 for as long as the answer says (here by moving the service's clock instead of waiting),
and every track is posted once, in order."""

import asyncio
from pathlib import Path

from app.api.transports.cpython import CpythonTransport
from app.openwhyd.client import OpenwhydClient
from app.openwhyd.import_plan import ImportPlan, PlannedTrack
from app.openwhyd.import_post import ImportPoster, ImportRun
from server.clock import Clock

COUNT = 150
"""Past the API limit of 90 calls a minute, and the limit of 100 of any kind."""


def test_an_import_past_the_rate_limits_waits_and_posts_each_track_once(own_service, tmp_path: Path) -> None:
    clock = Clock()
    base = own_service(tmp_path, rate_limits=True, clock=clock)
    waits: list[str] = []

    async def sleep(seconds: float) -> None:
        clock.advance(seconds)

    async def run_import() -> tuple[ImportRun, list[tuple[str, str]]]:
        client = OpenwhydClient(base, CpythonTransport(timeout=10), page_delay=0)
        me = await client.login("admin", "admin")
        tracks = tuple(PlannedTrack(f"line {n}", f"/yt/limit{n:04d}", f"Track {n}") for n in range(COUNT))
        run = ImportRun(ImportPlan(tracks, (), "Limited", "M3U"), me.id, new_name="Limited")
        poster = ImportPoster(client, sleep, lambda run, saying: waits.append(saying) if saying else None)
        await poster.run(run)
        assert run.playlist is not None
        walk = client.iter_playlist_tracks(me.id, run.playlist.id, page_size=100)
        return run, [(track.eid, track.name) async for track in walk]

    run, listed = asyncio.run(run_import())
    assert run.finished and not run.failed and not run.stopped and not run.order_problem
    assert listed == [(f"/yt/limit{n:04d}", f"Track {n}") for n in range(COUNT)]
    assert waits and waits[0].startswith("The service asks to slow down: going on in ")
