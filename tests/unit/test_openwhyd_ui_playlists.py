"""Choosing where a track goes, and moving tracks within a playlist."""

import pytest

from app.api.errors import BadRequest
from app.openwhyd.models import Playlist, PlaylistRef, Track
from app.ui.components.playlist_choice import PlaylistChoice, chosen_playlist
from app.ui.components.reorder import focus_after_move
from app.ui.screens.openwhyd.playlist import moved

MINE = (Playlist(0, "Road trip"), Playlist(3, "Night drive"))


def test_no_choice_is_no_playlist() -> None:
    assert chosen_playlist("", "", MINE) == PlaylistChoice()
    assert chosen_playlist("", "ignored", MINE) == PlaylistChoice()


def test_an_existing_playlist_is_found_by_its_number() -> None:
    assert chosen_playlist("3", "", MINE) == PlaylistChoice(existing=PlaylistRef(3, "Night drive"))


def test_a_new_playlist_needs_a_name() -> None:
    fresh = chosen_playlist("new", "  Fresh ", MINE)
    assert fresh == PlaylistChoice(new_name="Fresh")
    with pytest.raises(BadRequest, match="Name the new playlist"):
        chosen_playlist("new", " ", MINE)


def test_a_playlist_deleted_meanwhile_is_refused() -> None:
    with pytest.raises(BadRequest, match="does not exist any more"):
        chosen_playlist("7", "", MINE)


TRACKS = tuple(Track(id=name, eid="/yt/x", name=name) for name in "abcd")


@pytest.mark.parametrize(
    ("start", "end", "order"),
    [(0, 1, "bacd"), (1, 0, "bacd"), (0, 3, "bcda"), (3, 0, "dabc"), (2, 1, "acbd"), (2, 2, "abcd")],
)
def test_a_move_takes_a_track_out_and_puts_it_back_at_its_new_place(start: int, end: int, order: str) -> None:
    assert "".join(track.id for track in moved(TRACKS, start, end)) == order


def test_focus_stays_on_the_button_pressed_unless_it_is_now_disabled() -> None:
    assert focus_after_move(2, 1, 4) == "up"
    assert focus_after_move(1, 2, 4) == "down"
    assert focus_after_move(1, 0, 4) == "down"  # first now: "up" is disabled
    assert focus_after_move(2, 3, 4) == "up"  # last now: "down" is disabled
    assert focus_after_move(3, 0, 4) == "down"  # a drop to the top
