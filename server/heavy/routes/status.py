"""Routes anyone may call: the database check and the release list."""

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse

from server.heavy import releases
from server.heavy.responses import reply
from server.heavy.routes.common import service


async def pingdb(request: Request) -> JSONResponse:
    await run_in_threadpool(service(request).store.ping)
    return reply({"meta": {"database": "ok"}})


async def release_list(request: Request) -> JSONResponse:
    """The releases out by the service's date, expired ones included."""
    return reply(releases.catalogue(service(request).clock.today()))
