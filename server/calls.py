"""One way for both services to read a request and answer it.

A service reads each request into its own `Call` (this one, extended with what is its own), then
runs a plain synchronous controller of that call where it belongs: on the event loop when it is
quicker than handing it to a thread, else on a worker thread, or on an executor of the service's
(heavy's compile queue). Controllers never see Starlette's request and never await; the exceptions
a service raises for its refusals are answered in its own shape, wherever they were raised.
"""

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any, Self, TypeVar

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import Response

from server.clock import Clock


class TooLarge(Exception):
    """The body is bigger than the reader keeps. `size` is its length when known (declared, or
    counted to its end), else None; `drained` says whether it was read to its end, so the client
    will read the answer."""

    def __init__(self, size: int | None, *, drained: bool) -> None:
        super().__init__(f"the body is {'over the limit' if size is None else f'{size} bytes'}")
        self.size, self.drained = size, drained


async def read_body(request: Request, keep: int, drain: int = 0) -> bytes:
    """The body, when it is at most `keep` bytes; else raises `TooLarge`.

    A body over `keep` but within `drain` is still read to its end and dropped, so that the client,
    which sends it all before it reads, gets the refusal; one bigger than both is refused without
    reading further (or at all, when its Content-Length says so).
    """
    bound = max(keep, drain)
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > bound:
        raise TooLarge(int(declared), drained=False)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > bound:
            raise TooLarge(None, drained=False)
        if size <= keep:
            chunks.append(chunk)
    if size > keep:
        raise TooLarge(size, drained=True)
    return b"".join(chunks)


@dataclass(kw_only=True)
class Call:
    """One request as a controller sees it, the body aside: each service reads that its own way."""

    method: str
    path: dict[str, str]
    """The path parameters of the route."""
    url_path: str
    """The path asked for, with the prefix the service is mounted under."""
    query_string: str
    headers: Headers
    cookies: dict[str, str]
    root: str
    """The prefix the service is mounted under."""
    peer: str
    """The address the request came from as the server sees it (behind a proxy uvicorn trusts, the
    forwarded one); no header of the request sets it."""
    now: float
    """When the request was read, by the service's clock (seconds since the epoch)."""

    @classmethod
    def of(cls, request: Request, clock: Clock, **own: Any) -> Self:
        """`request` as this kind of call; `own` holds the fields a service's call adds."""
        return cls(
            method=request.method,
            path=dict(request.path_params),
            url_path=request.url.path,
            query_string=request.url.query,
            headers=request.headers,
            cookies=request.cookies,
            root=request.scope.get("root_path", ""),
            peer=request.client.host if request.client else "",
            now=clock.now(),
            **own,
        )


C = TypeVar("C", bound=Call)
Controller = Callable[[C], Response]
Runner = Callable[[Controller[C], C], Awaitable[Response]]
"""Where a controller runs: given it and its call, its answer."""
Answers = Mapping[type[Exception], Callable[[Any], Response]]
"""A service's answer to each of its exceptions (and to their subclasses)."""


async def on_loop(controller: Controller[C], call: C) -> Response:
    """For a controller that costs less than handing it to a thread: it blocks the loop meanwhile."""
    return controller(call)


async def in_worker_thread(controller: Controller[C], call: C) -> Response:
    """On one of the worker threads Starlette shares among every request of both services."""
    return await run_in_threadpool(controller, call)


def endpoint(
    read: Callable[[Request], Awaitable[C]],
    controller: Controller[C],
    run: Runner[C] = in_worker_thread,
    answers: Answers | None = None,
) -> Callable[[Request], Awaitable[Response]]:
    """A Starlette endpoint: `read` the request into a call, `run` `controller` on it, and answer
    the exceptions `answers` names, whether `read`, `run` or `controller` raised them.

    The controller's own exceptions are answered where it ran, so a runner that keeps answers
    keeps those too.
    """
    mapped = answers or {}

    def answering(call: C) -> Response:
        try:
            return controller(call)
        except Exception as error:
            answer = _answer_to(mapped, error)
            if answer is None:
                raise
            return answer

    async def serve(request: Request) -> Response:
        try:
            return await run(answering, await read(request))
        except Exception as error:
            answer = _answer_to(mapped, error)
            if answer is None:
                raise
            return answer

    return serve


def _answer_to(answers: Answers, error: Exception) -> Response | None:
    """The answer to `error` by the nearest of its classes `answers` names, or None when none is."""
    for kind in type(error).__mro__:
        if kind in answers:
            return answers[kind](error)
    return None
