"""Test mode only (`serve --test-mode`): tokens for any user and a clock to move, so suites need
no shell access and never wait for time to pass."""

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse

from server import clock_moves
from server.heavy import accounts, documents, names, uploads
from server.heavy.responses import Refusal, reply
from server.heavy.routes.common import service
from server.heavy.timestamps import iso


async def issue_token(request: Request) -> JSONResponse:
    """Form `name` (the user, created if new) and optional `label`."""
    form = await uploads.read_form(request)
    name = uploads.text(form, "name") or ""
    if not names.valid(name):
        raise Refusal(400, f"{name!r} is not a valid user name.")
    svc = service(request)
    user = await run_in_threadpool(svc.store.ensure_user, name)
    token, value = await run_in_threadpool(
        accounts.issue_token, svc.store, svc.key, user, uploads.text(form, "label") or "test"
    )
    return reply({"data": documents.token_resource(token, value)})


async def move_clock(request: Request) -> JSONResponse:
    """Moves the clock of the whole run (`advance`, `at` or `real`, see server/clock_moves.py);
    answers the new time as heavy writes its timestamps."""
    form = await uploads.read_form(request)
    clock = service(request).clock
    try:
        clock_moves.move(clock, {name: uploads.text(form, name) for name in clock_moves.FIELDS})
    except clock_moves.BadMove as error:
        raise Refusal(400, str(error)) from error
    return reply({"meta": {"now": iso(clock.utcnow())}})
