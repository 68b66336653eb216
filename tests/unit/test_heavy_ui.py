"""What the studio's screens share: the restored session, sizes, dates and hvcc's messages."""

from datetime import UTC, datetime

from ui_state import app_state

from app.heavy.models import CompileMessage
from app.heavy.token import read_token
from app.ui.core.state import AppState
from app.ui.screens.heavy.studio import byte_size, message_text, moment, restore
from tests.unit.test_heavy_token import token as make_token

NOW = datetime(2026, 12, 6, 12, 0)


def state() -> AppState:
    return app_state(clock=NOW.replace(tzinfo=UTC).timestamp)


def test_a_remembered_token_signs_the_client_in_without_a_request() -> None:
    app_state = state()
    value = make_token({"name": "ada", "startDate": "2020-01-02T03:04:05.000006"})
    restore(app_state, value)
    assert app_state.session.heavy_token == read_token(value, NOW)
    assert app_state.services.heavy.token is app_state.session.heavy_token


def test_nothing_or_something_unreadable_remembered_leaves_everyone_signed_out() -> None:
    for remembered in ("", "not a token", make_token({"name": "ada", "startDate": "2999-01-01T00:00:00.0"})):
        app_state = state()
        restore(app_state, remembered)
        assert app_state.session.heavy_token is None and app_state.services.heavy.token is None


def test_sizes_and_moments_read_as_people_say_them() -> None:
    assert [byte_size(n) for n in (0, 1023, 1024, 52_940, 3 << 20)] == [
        "0 bytes",
        "1023 bytes",
        "1.0 KiB",
        "51.7 KiB",
        "3.0 MiB",
    ]
    assert moment("2026-11-24T00:13:37.123456") == "2026-11-24 00:13 UTC"
    assert moment(None) == "unknown" and moment("soon") == "soon"


def test_a_message_loses_the_place_it_names_apart() -> None:
    detail = '[fiddle~] in "_main.pd" @ (x:40, y:50): Don\'t know how to parse object "fiddle~".'
    placed = CompileMessage(detail, "2001", "fiddle~", "_main.pd", (40, 50))
    assert message_text(placed) == 'Don\'t know how to parse object "fiddle~".'
    unplaced = CompileMessage("There was an error while connecting two objects.", "2006")
    assert message_text(unplaced) == unplaced.detail
    elsewhere = CompileMessage("[osc~] in somewhere else", object="osc~", file="_main.pd", position=(1, 2))
    assert message_text(elsewhere) == elsewhere.detail
