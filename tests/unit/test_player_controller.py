"""The player controller with fake adapters, clock and timers: what plays, what is logged, what skips."""

from player_harness import TRACKS, Harness

from app.player.controller import Change
from app.player.events import Ended, Failure, Paused, Playing, Progress
from app.player.playlog import CountPlay


def test_playing_a_list_loads_the_chosen_track_and_counts_one_play() -> None:
    h = Harness()
    h.player.play_list(TRACKS, 1)
    assert h.adapter.loaded == [TRACKS[1]]
    h.report(Playing(h.now, 200.0))
    h.report(Paused(h.now + 5))
    h.report(Playing(h.now + 9))
    assert h.sent == [CountPlay("p1", TRACKS[1].eid, 200.0)]
    assert h.player.playing and h.player.duration == 200.0


def test_progress_only_redraws_the_time() -> None:
    h = Harness()
    h.player.play_list(TRACKS)
    h.report(Playing(h.now, 100.0))
    h.changes.clear()
    h.report(Progress(h.now + 1, 1.0, 100.0))
    assert h.changes == [Change.PROGRESS] and h.player.position == 1.0


def test_the_end_of_a_track_plays_the_next_and_the_last_one_stops() -> None:
    h = Harness()
    h.player.play_list(TRACKS, 1)
    h.report(Playing(h.now, 10.0))
    h.report(Ended(h.now + 10))
    assert h.adapter.loaded[-1] == TRACKS[2]
    h.report(Ended(h.now + 20))
    assert not h.player.playing and h.adapter.commands[-1] == ("stop",)


def test_a_failing_track_is_logged_with_its_error_and_skipped() -> None:
    h = Harness()
    h.player.play_list(TRACKS)
    h.report(Failure(4, "fi", "MEDIA_ERR_SRC_NOT_SUPPORTED"))
    assert h.sent == [CountPlay("p0", TRACKS[0].eid, None, Failure(4, "fi", "MEDIA_ERR_SRC_NOT_SUPPORTED"))]
    assert h.adapter.loaded[-1] == TRACKS[1]
    assert h.player.problem == "Track 0 could not play: MEDIA_ERR_SRC_NOT_SUPPORTED. Skipped."


def test_a_track_that_does_not_start_in_time_is_skipped() -> None:
    h = Harness()
    h.player.play_list(TRACKS)
    h.advance(14)
    assert h.adapter.loaded == [TRACKS[0]]
    h.advance(2)
    assert h.adapter.loaded == [TRACKS[0], TRACKS[1]]
    assert h.sent[0].failure.code == "timeout"


def test_a_started_track_is_not_timed_out() -> None:
    h = Harness()
    h.player.play_list(TRACKS)
    h.report(Playing(h.now, 300.0))
    h.advance(60)
    assert h.adapter.loaded == [TRACKS[0]]


def test_reports_of_an_earlier_load_are_ignored() -> None:
    h = Harness()
    h.player.play_list(TRACKS)
    stale = h.adapter.listener
    h.player.next()
    stale(Ended(h.now))
    stale(Failure(1, "fi"))
    assert h.adapter.loaded == [TRACKS[0], TRACKS[1]] and h.sent == []


def test_previous_goes_back_early_and_restarts_later() -> None:
    h = Harness()
    h.player.play_list(TRACKS, 1)
    h.report(Playing(h.now, 100.0))
    h.report(Progress(h.now + 10, 10.0, 100.0))
    h.player.previous()
    assert h.adapter.commands[-1] == ("seek", 0.0) and h.adapter.loaded == [TRACKS[1]]
    h.report(Progress(h.now + 11, 1.0, 100.0))
    h.player.previous()
    assert h.adapter.loaded[-1] == TRACKS[0]


def test_sources_without_a_player_are_reported_and_skipped() -> None:
    h = Harness(unplayable={"p0"})
    h.player.play_list(TRACKS)
    assert h.adapter.loaded == [TRACKS[1]]
    assert h.sent[0].failure == Failure("unsupported", "yt", "no YouTube here")
    assert h.player.problem == "Track 0 could not play: no YouTube here. Skipped."


def test_a_queue_where_everything_fails_stops_instead_of_looping() -> None:
    h = Harness(unplayable={"p0", "p1", "p2"})
    h.player.cycle_repeat()
    h.player.play_list(TRACKS)
    assert len(h.sent) == 3 and not h.player.playing
    assert h.player.problem == "Track 2 could not play: no YouTube here."


def test_volume_and_mute_reach_the_adapter() -> None:
    h = Harness()
    h.player.play_list(TRACKS)
    h.player.set_volume(1.7)
    h.player.toggle_mute()
    assert h.adapter.commands[-2:] == [("volume", 1.0, False), ("volume", 1.0, True)]
    h.player.set_volume(0.3)
    assert h.adapter.commands[-1] == ("volume", 0.3, False)


def test_toggle_pauses_and_resumes() -> None:
    h = Harness()
    h.player.play_list(TRACKS)
    h.report(Playing(h.now, 10.0))
    h.player.toggle()
    h.report(Paused(h.now))
    h.player.toggle()
    assert [c for c in h.adapter.commands if c[0] in {"play", "pause"}] == [("pause",), ("play",)]


def test_adding_to_an_idle_player_starts_the_added_track() -> None:
    h = Harness()
    h.player.enqueue([TRACKS[2]])
    assert h.adapter.loaded == [TRACKS[2]]
    h.player.play_next([TRACKS[0]])
    assert h.adapter.loaded == [TRACKS[2]]  # something plays: the new one only waits its turn
    assert [entry.item for entry in h.player.queue.upcoming] == [TRACKS[0]]


def test_removing_the_playing_entry_plays_the_one_after_it() -> None:
    h = Harness()
    h.player.play_list(TRACKS, 0)
    h.player.remove(h.player.current.key)
    assert h.adapter.loaded == [TRACKS[0], TRACKS[1]]
    assert [entry.item for entry in h.player.queue.entries] == TRACKS[1:]


def test_the_next_track_of_the_same_source_goes_into_the_same_player_unstopped() -> None:
    h = Harness()
    h.player.play_list(TRACKS)
    h.report(Playing(h.now, 10.0))
    h.report(Ended(h.now + 10))
    h.player.next()
    assert h.adapter.loaded == [TRACKS[0], TRACKS[1], TRACKS[2]]
    assert ("stop",) not in h.adapter.commands


def test_a_skip_message_stays_with_the_skipped_track_until_the_next_one_plays() -> None:
    h = Harness()
    h.player.play_list(TRACKS)
    h.report(Failure(404, "fi", "the file is missing"))
    assert h.player.problem == "Track 0 could not play: the file is missing. Skipped."
    h.report(Paused(h.now))  # an autoplay refused: the message still tells why this one is on
    assert h.player.problem is not None
    h.report(Playing(h.now + 1, 10.0))
    assert h.player.problem is None


def test_at_the_end_of_the_list_the_last_track_keeps_its_times() -> None:
    h = Harness()
    h.player.play_list(TRACKS, 2)
    h.report(Playing(h.now, 10.0))
    h.report(Progress(h.now + 9.8, 9.8, 10.0))
    h.report(Ended(h.now + 10))
    assert not h.player.playing and h.adapter.commands[-1] == ("stop",)
    assert h.player.current.item == TRACKS[2]
    assert (h.player.position, h.player.duration) == (10.0, 10.0)
