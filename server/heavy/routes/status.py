"""Routes anyone may call: the database check and the release list."""

from starlette.responses import JSONResponse

from server.heavy import releases
from server.heavy.responses import reply
from server.heavy.web import Call


def pingdb(call: Call) -> JSONResponse:
    call.service.store.ping()
    return reply({"meta": {"database": "ok"}})


def release_list(call: Call) -> JSONResponse:
    """The releases out by the service's date, expired ones included."""
    return reply(releases.catalogue(call.service.clock.today()))
