"""What both services share to read a request and answer it: the bounded body reader, where a
controller runs, and how a service's exceptions become its answers."""

import asyncio
import threading
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.types import Message

from server import calls
from server.clock import Clock


def request(
    chunks: list[bytes], declared: int | None = None, path: str = "/x"
) -> tuple[Request, list[bytes]]:
    """A POST sending `chunks`, and the list of those the server has not read yet."""
    unread = list(chunks)
    headers = [] if declared is None else [(b"content-length", str(declared).encode())]

    async def receive() -> Message:
        if not unread:
            return {"type": "http.disconnect"}
        chunk = unread.pop(0)
        return {"type": "http.request", "body": chunk, "more_body": bool(unread)}

    scope = {
        "type": "http",
        "method": "POST",
        "path": "/x",
        "root_path": "",
        "query_string": b"a=1",
        "headers": [*headers, (b"cookie", b"token=t")],
        "client": ("10.0.0.9", 5000),
        "path_params": {"id": "7"},
    }
    return Request(scope, receive), unread


def read(req: Request, keep: int, drain: int = 0) -> bytes:
    return asyncio.run(calls.read_body(req, keep, drain))


def test_a_body_within_the_bound_is_read_whole() -> None:
    req, unread = request([b"abc", b"def"])
    assert read(req, keep=6) == b"abcdef"
    assert unread == []


def test_a_body_declared_too_large_is_refused_without_reading_it() -> None:
    req, unread = request([b"abc"], declared=100)
    with pytest.raises(calls.TooLarge) as refused:
        read(req, keep=10, drain=50)
    assert (refused.value.size, refused.value.drained) == (100, False)
    assert unread == [b"abc"]


def test_a_body_that_streams_past_the_bound_is_refused_where_it_crosses_it() -> None:
    req, unread = request([b"x" * 40, b"x" * 40, b"x" * 40, b"x" * 40])
    with pytest.raises(calls.TooLarge) as refused:
        read(req, keep=10, drain=100)
    assert (refused.value.size, refused.value.drained) == (None, False)
    assert unread == [b"x" * 40], "reading stops at the chunk that crosses the bound"


def test_a_body_over_what_is_kept_but_within_the_drain_is_read_to_its_end() -> None:
    req, unread = request([b"x" * 8, b"x" * 8, b"x" * 8])
    with pytest.raises(calls.TooLarge) as refused:
        read(req, keep=10, drain=100)
    assert (refused.value.size, refused.value.drained) == (24, True)
    assert unread == []


@dataclass(kw_only=True)
class Probe(calls.Call):
    """A service's own call, with what the controller saw."""

    ran_on: list[threading.Thread]


class Refused(Exception):
    pass


class RefusedHarder(Refused):
    pass


ANSWERS: calls.Answers = {
    Refused: lambda error: PlainTextResponse(f"refused: {error}", 409),
    KeyError: lambda error: PlainTextResponse("missing", 404),
}


def serve(
    controller: Callable[[Probe], Response],
    run: calls.Runner[Probe] = calls.in_worker_thread,
    read_error: Exception | None = None,
) -> tuple[Response, Probe]:
    """The answer of an endpoint for `controller`, and the call it read (whose reader raises
    `read_error`, if given)."""
    req, _ = request([b""])
    call = Probe.of(req, Clock(), ran_on=[])

    async def read(req: Request) -> Probe:
        if read_error is not None:
            raise read_error
        return call

    return asyncio.run(calls.endpoint(read, controller, run, ANSWERS)(req)), call


def where(call: Probe) -> Response:
    call.ran_on.append(threading.current_thread())
    return PlainTextResponse(f"{call.method} {call.path['id']} {call.query_string} {call.cookies['token']}")


def test_the_call_holds_what_was_asked() -> None:
    answer, call = serve(where)
    assert answer.body == b"POST 7 a=1 t"
    assert (call.peer, call.root, call.url_path) == ("10.0.0.9", "", "/x")


def test_a_controller_runs_in_a_worker_thread_by_default() -> None:
    _, call = serve(where)
    assert call.ran_on and call.ran_on[0] is not threading.main_thread()


def test_a_controller_runs_on_the_loop_when_asked() -> None:
    _, call = serve(where, calls.on_loop)
    assert call.ran_on == [threading.main_thread()]


def test_a_controller_runs_with_the_runner_given() -> None:
    used: list[Probe] = []

    async def elsewhere(controller: calls.Controller[Probe], call: Probe) -> Response:
        used.append(call)
        return await asyncio.to_thread(controller, call)

    answer, call = serve(where, elsewhere)
    assert used == [call] and answer.status_code == 200


def raising(error: Exception) -> Callable[[Probe], Response]:
    def controller(call: Probe) -> Response:
        raise error

    return controller


@pytest.mark.parametrize("run", [calls.on_loop, calls.in_worker_thread])
def test_a_controller_s_exception_is_answered_as_the_service_says(run: calls.Runner[Probe]) -> None:
    answer, _ = serve(raising(Refused("no")), run)
    assert (answer.status_code, answer.body) == (409, b"refused: no")


def test_a_subclass_is_answered_as_its_nearest_class() -> None:
    answer, _ = serve(raising(RefusedHarder("never")))
    assert (answer.status_code, answer.body) == (409, b"refused: never")


def test_the_reader_s_and_the_runner_s_exceptions_are_answered_too() -> None:
    answer, _ = serve(where, read_error=KeyError("x"))
    assert (answer.status_code, answer.body) == (404, b"missing")

    async def full(controller: calls.Controller[Probe], call: Probe) -> Response:
        raise Refused("busy")

    answer, call = serve(where, full)
    assert (answer.status_code, answer.body) == (409, b"refused: busy")
    assert call.ran_on == [], "the controller never ran"


def test_an_exception_the_service_does_not_name_goes_on_up() -> None:
    with pytest.raises(ValueError, match="bug"):
        serve(raising(ValueError("bug")))


def test_an_answer_is_kept_by_a_runner_that_keeps_answers() -> None:
    """A runner that keeps answers keeps the answers to exceptions too: they are made where the
    controller ran."""
    kept: list[Response] = []

    async def keeping(controller: calls.Controller[Probe], call: Probe) -> Response:
        kept.append(controller(call))
        return kept[-1]

    answer, _ = serve(raising(Refused("kept")), keeping)
    assert kept == [answer] and answer.status_code == 409
