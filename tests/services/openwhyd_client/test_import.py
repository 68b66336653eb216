"""A big import through the client against the live service: 300 tracks exported as M3U, imported
into a new playlist, listed back in the same order; then appended to, keeping what it held."""

from app.openwhyd.client import OpenwhydClient
from app.openwhyd.export import FORMATS, ListInfo
from app.openwhyd.import_formats import read_list
from app.openwhyd.import_plan import plan_import
from app.openwhyd.import_post import ImportPoster, ImportRun
from app.openwhyd.models import PlaylistRef, Track

COUNT = 300


async def no_wait(seconds: float) -> None:
    return None


async def import_into(
    client: OpenwhydClient, tracks: list[Track], playlist: PlaylistRef | None = None, new_name: str = ""
) -> ImportRun:
    """`tracks` exported as M3U, read back, planned and posted."""
    me = await client.me()
    text = FORMATS["M3U"].render(tracks, ListInfo("Big list", client.base_url + "/"))
    plan = plan_import(read_list("big.m3u8", text.encode()), client.base_url + "/")
    run = ImportRun(plan, me.id, playlist, new_name)
    await ImportPoster(client, no_wait, lambda run, saying: None).run(run)
    return run


async def listed(client: OpenwhydClient, user_id: str, playlist_id: int | str) -> list[tuple[str, str]]:
    return [(t.eid, t.name) async for t in client.iter_playlist_tracks(user_id, playlist_id, page_size=100)]


async def test_300_tracks_import_in_order_and_append_after_what_was_there(admin: OpenwhydClient) -> None:
    tracks = [Track(id=str(n), eid=f"/yt/track{n:05d}", name=f"Track {n}") for n in range(COUNT)]
    run = await import_into(admin, tracks, new_name="Big list")
    assert run.finished and not run.failed and not run.stopped and not run.order_problem
    me = await admin.me()
    assert run.playlist is not None
    assert await listed(admin, me.id, run.playlist.id) == [(t.eid, t.name) for t in tracks]
    assert next(p for p in await admin.user_playlists(me.id) if p.id == run.playlist.id).track_count == COUNT

    more = [Track(id="x", eid="/vi/123456", name="One more")]
    again = await import_into(admin, more, playlist=run.playlist)
    assert again.finished
    assert await listed(admin, me.id, run.playlist.id) == [(t.eid, t.name) for t in [*tracks, *more]]
