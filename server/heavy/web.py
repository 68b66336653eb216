"""From a Starlette request to a heavy `Call`, and the answers to the exceptions heavy raises;
controllers are plain functions of a `Call`.

The form is read with the request, before any controller runs, but a refusal of it (too large,
malformed) is raised only when a controller reads the form: after the checks that come first
(who is asking, which patch), as the uploader expects.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from server import calls
from server.digits import natural
from server.heavy import auth, releases, unzip
from server.heavy.compile_queue import Busy
from server.heavy.documents import Links
from server.heavy.rate_limits import RateLimited
from server.heavy.records import User
from server.heavy.responses import Refusal, refusal
from server.heavy.service import Service
from server.heavy.uploads import Form, read_form


@dataclass(kw_only=True)
class Call(calls.Call):
    """One request as a heavy controller sees it."""

    service: Service
    sent: Form | Exception
    """The form sent, or why it is refused."""

    @property
    def form(self) -> Form:
        if isinstance(self.sent, Exception):
            raise self.sent
        return self.sent

    @cached_property
    def viewer(self) -> User | None:
        """Who is asking, or None for a request with no token."""
        return auth.identify(self.headers, self.cookies, self.service.store, self.service.key)

    @cached_property
    def member(self) -> User:
        """Who is asking, where only a user may."""
        return auth.require(self.headers, self.cookies, self.service.store, self.service.key)

    @cached_property
    def links(self) -> Links:
        return Links(self.root)

    def number(self, name: str) -> int | None:
        """The number the path parameter `name` gives (a job, a token): ASCII digits a database row
        can hold, else None, which every route answers as a 404."""
        return natural(self.path[name])


Controller = calls.Controller[Call]


async def read_call(request: Request) -> Call:
    service: Service = request.app.state.service
    sent: Form | Exception
    try:
        sent = await read_form(request)
    except (Refusal, unzip.UploadTooLarge) as refused:
        sent = refused
    return Call.of(request, service.clock, service=service, sent=sent)


async def compiling(controller: Controller, call: Call) -> Response:
    """On the compile queue (see compile_queue.py), for a controller that may wait for a compile:
    it holds none of the worker threads that every other request of both services shares."""
    return await call.service.compiles.run(controller, call)


def _unauthorized(error: auth.Unauthorized) -> JSONResponse:
    return refusal(401, error.detail, soft=False, headers={"WWW-Authenticate": "Bearer"})


def _refused(error: Refusal) -> JSONResponse:
    return refusal(error.status, error.detail, soft=error.soft)


def _soft_refusal(error: Exception) -> JSONResponse:
    """For the service's own refusals, which carry the status that names their kind."""
    return refusal(getattr(error, "status", 400), str(error), soft=True)


def _busy(error: Busy) -> JSONResponse:
    """A hard 503: the 2017 uploader stops on it, where a soft refusal would read as a patch error."""
    return refusal(503, str(error), soft=False, headers={"Retry-After": str(error.retry_after)})


ANSWERS: calls.Answers = {
    auth.Unauthorized: _unauthorized,
    Refusal: _refused,
    unzip.UnsafeUpload: _soft_refusal,
    releases.ReleaseRefused: _soft_refusal,
    RateLimited: _soft_refusal,
    Busy: _busy,
}


def endpoint(controller: Controller, run: calls.Runner[Call] = calls.in_worker_thread) -> Callable:
    """A Starlette endpoint that reads the request, then runs `controller` with `run`."""
    return calls.endpoint(read_call, controller, run, ANSWERS)
