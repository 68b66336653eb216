"""Test-only routes (reference §3.12), answering 403 unless the service runs in test mode."""

from collections.abc import Callable

from starlette.responses import Response

from server.openwhyd.responses import bad_request, forbidden, json_response
from server.openwhyd.web import Call


def _test_only(call: Call, action: Callable[[], None]) -> Response:
    if not call.service.settings.test_mode:
        return forbidden()
    if call.method != "POST":
        return bad_request()
    action()
    return json_response({"ok": True})


def reset(call: Call) -> Response:
    """Back to the seed (or demo) world: data wiped and reloaded, uploads deleted."""
    return _test_only(call, call.service.reset)


def refresh(call: Call) -> Response:
    """The real server re-reads its collections here; this one caches nothing."""
    return _test_only(call, lambda: None)
