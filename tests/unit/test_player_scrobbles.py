"""The player scrobbles a track that ends by itself, for users who linked Last.fm, and never one
that is skipped, replaced or removed before its end."""

from player_harness import TRACKS, Harness

from app.player.events import Ended, Playing, Progress
from app.player.scrobbles import Scrobble


def scrobbled(h: Harness) -> list[Scrobble]:
    return [call for call in h.sent if isinstance(call, Scrobble)]


def test_a_track_that_ends_by_itself_is_scrobbled_and_the_next_one_plays() -> None:
    h = Harness(scrobbling=True)
    h.player.play_list(TRACKS)
    started = h.now
    h.report(Playing(started, 3.5))
    h.now += 3.5
    h.report(Ended(h.now))
    assert scrobbled(h) == [Scrobble("p0", int(started), 3.5)]
    assert h.adapter.loaded[-1] == TRACKS[1]


def test_a_skipped_track_is_not_scrobbled_however_long_it_played() -> None:
    h = Harness(scrobbling=True)
    h.player.play_list(TRACKS)
    h.report(Playing(h.now, 200.0))
    h.report(Progress(h.now + 190, 190.0, 200.0))
    h.player.next()
    h.player.jump_to(h.player.queue.entries[0].key)
    h.player.remove(h.player.queue.current_key)
    assert scrobbled(h) == []


def test_a_stale_end_of_a_skipped_track_is_not_scrobbled() -> None:
    h = Harness(scrobbling=True)
    h.player.play_list(TRACKS)
    h.report(Playing(h.now, 10.0))
    skipped = h.adapter.listener
    h.player.next()
    skipped(Ended(h.now + 10))
    assert scrobbled(h) == []


def test_without_last_fm_an_end_is_not_scrobbled() -> None:
    h = Harness()
    h.player.play_list(TRACKS)
    h.report(Playing(h.now, 10.0))
    h.report(Ended(h.now + 10))
    assert scrobbled(h) == []
