"""Test mode only (`serve --test-mode`): tokens for any user and a clock to move, so suites need
no shell access and never wait for time to pass."""

from starlette.responses import JSONResponse

from server import clock_moves
from server.heavy import accounts, documents, names
from server.heavy.responses import Refusal, reply
from server.heavy.timestamps import iso
from server.heavy.web import Call


def issue_token(call: Call) -> JSONResponse:
    """Form `name` (the user, created if new) and optional `label`."""
    name = call.form.text("name") or ""
    if not names.valid(name):
        raise Refusal(400, f"{name!r} is not a valid user name.")
    svc = call.service
    user = svc.store.ensure_user(name)
    token, value = accounts.issue_token(svc.store, svc.key, user, call.form.text("label") or "test")
    return reply({"data": documents.token_resource(token, value)})


def move_clock(call: Call) -> JSONResponse:
    """Moves the clock of the whole run (`advance`, `at` or `real`, see server/clock_moves.py);
    answers the new time as heavy writes its timestamps."""
    clock = call.service.clock
    try:
        clock_moves.move(clock, {name: call.form.text(name) for name in clock_moves.FIELDS})
    except clock_moves.BadMove as error:
        raise Refusal(400, str(error)) from error
    return reply({"meta": {"now": iso(clock.utcnow())}})
