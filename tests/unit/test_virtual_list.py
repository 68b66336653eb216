"""The arithmetic of long lists: which rows to have in the page for a scroll position, what to add
to the rows there, how big the next page is, and when to ask for it."""

import pytest

from app.ui.components.virtual_list import Paging, Window, additions, first_window, page_size, window

ROW = 70.0


def test_at_the_top_the_window_is_the_screen_and_the_overscan_below() -> None:
    assert window(ROW, 800, 0, 10_000, overscan=4) == Window(0, 16, 0.0, (10_000 - 16) * ROW)


def test_in_the_middle_the_spacers_stand_for_the_rows_left_out() -> None:
    shown = window(ROW, 800, 5_000 * ROW + 10, 10_000, overscan=4)
    assert (shown.start, shown.end) == (4_996, 5_016)
    assert shown.before == 4_996 * ROW and shown.after == (10_000 - 5_016) * ROW
    assert shown.before + (shown.end - shown.start) * ROW + shown.after == 10_000 * ROW


def test_at_the_end_the_window_stops_at_the_last_row() -> None:
    shown = window(ROW, 800, 9_990 * ROW, 10_000, overscan=4)
    assert (shown.start, shown.end, shown.after) == (9_986, 10_000, 0.0)


def test_a_list_off_screen_keeps_a_few_rows_at_its_nearest_edge() -> None:
    below = window(ROW, 800, -2_000, 10_000, overscan=4)  # starts further down the page
    assert (below.start, below.end) == (0, 5)
    above = window(ROW, 800, 20_000 * ROW, 10_000, overscan=4)  # scrolled past it
    assert (above.start, above.end) == (9_995, 10_000)


def test_a_list_starting_lower_on_screen_shows_only_what_reaches_the_screen() -> None:
    assert window(ROW, 800, -500, 10_000, overscan=0) == Window(0, 5, 0.0, 9_995 * ROW)


@pytest.mark.parametrize("count", [0, 1, 3])
def test_short_and_empty_lists(count: int) -> None:
    assert window(ROW, 800, 0, count) == Window(0, count, 0.0, 0.0)
    assert window(0, 800, 0, count) == Window(0, 0, 0.0, 0.0)  # not measured: nothing to place


def test_the_first_window_is_the_first_rows() -> None:
    assert first_window(100, 18) == Window(0, 18, 0.0, 0.0)
    assert first_window(5, 18) == Window(0, 5, 0.0, 0.0)


def test_additions_fill_in_above_and_below_what_stays() -> None:
    assert additions((10, 30), Window(5, 35, 0, 0)) == (range(5, 10), range(30, 35))
    assert additions((10, 30), Window(15, 40, 0, 0)) == (range(15, 15), range(30, 40))
    assert additions((10, 30), Window(12, 20, 0, 0)) == (range(12, 12), range(30, 20))
    assert not any(additions((10, 30), Window(10, 30, 0, 0)))


def test_additions_redraw_everything_when_nothing_stays() -> None:
    assert additions((0, 20), Window(5_000, 5_020, 0, 0)) == (range(0), range(5_000, 5_020))
    assert additions((5_000, 5_020), Window(0, 20, 0, 0)) == (range(0), range(0, 20))
    assert additions((0, 0), Window(0, 16, 0, 0)) == (range(0), range(0, 16))


def test_pages_grow_from_the_first_size_to_the_largest() -> None:
    sizes, loaded = [], 100
    while loaded < 10_000:
        sizes.append(page_size(loaded, 100, 1000))
        loaded += sizes[-1]
    assert sizes == [100, 200, 400, 800, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000]


def test_the_next_page_is_asked_for_near_the_end_one_request_at_a_time() -> None:
    paging = Paging("c1")
    assert not paging.wants_more(end=16, count=100, ahead=24)
    assert paging.wants_more(end=76, count=100, ahead=24)
    out = paging.started()
    assert out.loading and not out.wants_more(end=100, count=100, ahead=24)
    arrived = out.loaded("c2")
    assert arrived == Paging("c2") and arrived.wants_more(end=100, count=200, ahead=100)


def test_a_failed_page_waits_for_a_retry() -> None:
    failed = Paging("c1").started().failed("The service is resting.")
    assert failed.error == "The service is resting." and not failed.loading
    assert not failed.wants_more(end=100, count=100)
    retried = failed.started()
    assert retried.loading and retried.error is None and retried.cursor == "c1"


def test_paging_stops_at_the_end_and_when_a_cursor_does_not_move() -> None:
    assert Paging(None).complete and not Paging(None).wants_more(end=100, count=100)
    assert Paging("c1").started().loaded(None).complete
    assert Paging("c1").started().loaded("c1").complete  # a service ignoring the cursor
