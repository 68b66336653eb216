"""Test-only routes (reference §3.12), answering 403 unless the service runs in test mode."""

from collections.abc import Callable

from starlette.responses import Response

from server import clock_moves
from server.openwhyd.pages.markup import iso
from server.openwhyd.params import text
from server.openwhyd.responses import bad_request, forbidden, json_response
from server.openwhyd.web import Call


def _test_only(call: Call, action: Callable[[], Response]) -> Response:
    if not call.service.settings.test_mode:
        return forbidden()
    if call.method != "POST":
        return bad_request()
    return action()


def _done(action: Callable[[], None]) -> Response:
    action()
    return json_response({"ok": True})


def reset(call: Call) -> Response:
    """Back to the seed (or demo) world and the machine's time: data wiped and reloaded, uploads
    deleted."""
    return _test_only(call, lambda: _done(call.service.reset))


def refresh(call: Call) -> Response:
    """The real server re-reads its collections here; this one caches nothing."""
    return _test_only(call, lambda: _done(lambda: None))


def clock(call: Call) -> Response:
    """Moves the clock of the whole run (`advance`, `at` or `real`, see server/clock_moves.py)
    and answers the new time, as JavaScript's `toISOString` writes it."""
    return _test_only(call, lambda: _move_clock(call))


def _move_clock(call: Call) -> Response:
    try:
        clock_moves.move(call.service.clock, {name: text(call.body.get(name)) for name in clock_moves.FIELDS})
    except clock_moves.BadMove as error:
        return json_response({"error": str(error)}, 400)
    return json_response({"ok": True, "now": iso(call.service.clock.now())})
