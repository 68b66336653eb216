"""From a Starlette request to a `Call`: the parameters as the real server parses them (§1.2),
the session, and the service; controllers are plain functions of a `Call`.
"""

from collections.abc import AsyncGenerator, Callable, Hashable
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Any
from urllib.parse import parse_qsl

from starlette.datastructures import Headers, UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request
from starlette.responses import Response

from server import calls
from server.database import Connection
from server.openwhyd import credentials
from server.openwhyd.params import form_fields, json_fields, query_params
from server.openwhyd.responses import json_response
from server.openwhyd.service import Service
from server.openwhyd.store import sessions, users

MAX_BODY = 8 * 1024 * 1024
MAX_FILE = 5 * 1024 * 1024


@dataclass(frozen=True)
class Upload:
    field: str
    filename: str
    content_type: str
    data: bytes


@dataclass(kw_only=True)
class Call(calls.Call):
    """One request as an Openwhyd controller sees it."""

    service: Service
    origin: str
    """`<scheme>://<host>` as the client asked for it: absolute URLs of this service start with it
    and `root`."""
    query: dict[str, Any]
    body: dict[str, Any]
    uploads: list[Upload] = field(default_factory=list)

    @property
    def client_ip(self) -> str:
        """The address nginx says the request came from (`X-Real-IP`), else the peer's."""
        return self.headers.get("x-real-ip") or self.peer

    @cached_property
    def session_id(self) -> str | None:
        return credentials.session_id(self.service.session_secret, self.cookies.get(credentials.COOKIE))

    @property
    def db(self) -> Connection:
        return self.service.store.db()

    @cached_property
    def params(self) -> dict[str, Any]:
        """Path parameters overridden by the query, as Express builds `reqParams`."""
        return {**self.path, **self.query}

    @cached_property
    def user(self) -> dict[str, Any] | None:
        """The logged-in user's document, when the session names a user who still exists."""
        uid = self.session_id and sessions.user_id(self.db, self.session_id, self.now)
        return users.get(self.db, uid) if uid else None

    @property
    def uid(self) -> str | None:
        return self.user["_id"] if self.user else None

    @property
    def me(self) -> dict[str, Any]:
        """The signed-in user's document, in code that runs once its route has checked there is one."""
        if self.user is None:
            raise NotSignedIn
        return self.user

    @property
    def my_id(self) -> str:
        return self.me["_id"]


class NotSignedIn(Exception):
    """A controller reached for the signed-in user where there is none: answered as the real
    server answers a request that needs a session."""


Controller = calls.Controller[Call]


async def _replay(body: bytes) -> AsyncGenerator[bytes, None]:
    yield body


async def _multipart(headers: Headers, body: bytes) -> tuple[dict[str, Any], list[Upload]]:
    parser = MultiPartParser(headers, _replay(body), max_part_size=MAX_FILE)
    try:
        form = await parser.parse()
    except MultiPartException:
        return {}, []
    fields, uploads = [], []
    for name, value in form.multi_items():
        if isinstance(value, UploadFile):
            data = await value.read()
            await value.close()
            uploads.append(Upload(name, value.filename or "", value.content_type or "", data))
        else:
            fields.append((name, value))
    return form_fields(fields), uploads


async def _body_fields(headers: Headers, body: bytes) -> tuple[dict[str, Any], list[Upload]]:
    """Like formidable: JSON, urlencoded and multipart bodies; any other type gives nothing."""
    kind = headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json":
        return json_fields(body), []
    if kind == "application/x-www-form-urlencoded":
        return form_fields(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)), []
    if kind == "multipart/form-data":
        return await _multipart(headers, body)
    return {}, []


async def read_call(service: Service, request: Request) -> Call:
    body = await calls.read_body(request, MAX_BODY)
    fields, uploads = await _body_fields(request.headers, body) if body else ({}, [])
    return Call.of(
        request,
        service.clock,
        service=service,
        origin=f"{request.url.scheme}://{request.url.netloc}",
        query=query_params(request.url.query),
        body=fields,
        uploads=uploads,
    )


def _too_large(error: calls.TooLarge) -> Response:
    return Response("Payload Too Large", 413, media_type="text/plain")


def _not_signed_in(error: NotSignedIn) -> Response:
    return json_response({"error": "user not logged in"})


ANSWERS: calls.Answers = {calls.TooLarge: _too_large, NotSignedIn: _not_signed_in}


def always(call: Call) -> bool:
    return True


def never(call: Call) -> bool:
    return False


def endpoint(
    service: Service, controller: Controller, shared: bool = False, quick: Callable[[Call], bool] = never
) -> Callable:
    """A Starlette endpoint that parses the request, then runs `controller`.

    A call `quick` says only reads and writes a few rows: it runs on the event loop, as handing
    it to a worker thread costs more than it does, and under load the thread then waits
    milliseconds for the GIL the loop holds; but while a worker thread's write is open (deleting
    an account takes a while), in a thread too, so that the loop never waits for the writers'
    lock. A `shared` one is quick too, for visitors: it answers every visitor without a session
    alike, so its answers to their GETs are kept until the next write. Everything else, logins
    (scrypt) and uploads (Pillow) included, runs in a worker thread.
    """

    async def run(answer: Controller, call: Call) -> Response:
        if shared and call.method == "GET" and call.session_id is None:
            return kept(answer, call, (call.origin, call.root, call.url_path, call.query_string))
        if quick(call) and not service.store.database.writing:
            return await calls.on_loop(answer, call)
        return await calls.in_worker_thread(answer, call)

    def kept(answer: Controller, call: Call, key: Hashable) -> Response:
        generation, answered = service.store.recall(key)
        if isinstance(answered, Response):
            return answered
        fresh = answer(call)
        service.store.keep(key, generation, fresh)
        return fresh

    return calls.endpoint(partial(read_call, service), controller, run, ANSWERS)
