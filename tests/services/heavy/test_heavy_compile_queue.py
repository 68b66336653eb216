"""Compiles wait in a queue of their own: however many wait, other requests do not; past its bound,
a compile is refused as busy (503 with Retry-After, in the errors shape)."""

import asyncio
import dataclasses
import threading
from collections.abc import Awaitable, Callable

import httpx
import pytest
from heavy_http import SINE_PD, zip_of
from starlette.applications import Starlette

from server import heavy
from server.heavy import demo_world
from server.heavy.compile_queue import RETRY_AFTER, CompileQueue
from server.settings import Settings

Scenario = Callable[[httpx.AsyncClient, CompileQueue, str], Awaitable[None]]


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Starlette:
    return heavy.create_app(Settings(data_dir=tmp_path_factory.mktemp("data"), rate_limits=False))


def run(app: Starlette, queue: CompileQueue, scenario: Scenario) -> None:
    """`scenario(client, queue, demo's token)` against the app with `queue` as its compile queue."""
    service = app.state.service
    app.state.service = dataclasses.replace(service, compiles=queue)

    async def go() -> None:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t", timeout=30) as client:
            await scenario(client, queue, demo_world.token(service))

    try:
        asyncio.run(go())
    finally:
        app.state.service = service


def upload(token: str, **fields: str) -> dict:
    return {"headers": {"Authorization": f"Bearer {token}"}, "data": fields}


async def held(queue: CompileQueue, gate: threading.Event, count: int) -> list[asyncio.Task]:
    """`count` compiles that wait for `gate`, queued: each takes its place on its task's first step,
    which the tasks all take during one turn of the loop."""
    waiting = [asyncio.ensure_future(queue.run(gate.wait)) for _ in range(count)]
    await asyncio.sleep(0)
    return waiting


def test_requests_are_answered_while_45_compiles_wait(app: Starlette) -> None:
    async def scenario(client: httpx.AsyncClient, queue: CompileQueue, token: str) -> None:
        gate = threading.Event()
        waiting = await held(queue, gate, 45)
        try:
            ping = await asyncio.wait_for(client.get("/a/pingdb"), 5)
            job = await asyncio.wait_for(client.get("/a/jobs/demo/sine/latest"), 5)
        finally:
            gate.set()
        assert ping.status_code == 200 and ping.json() == {"meta": {"database": "ok"}}
        assert job.json()["data"]["id"] == "demo/sine/1"
        assert await asyncio.gather(*waiting) == [True] * 45

    run(app, CompileQueue(room=66), scenario)


def test_a_built_archive_is_downloaded_while_compiles_wait(app: Starlette) -> None:
    """Downloads run on the compile queue (their target may need building), but each request it
    takes gets a thread at once, so one whose target is built never waits behind compiles."""

    async def scenario(client: httpx.AsyncClient, queue: CompileQueue, token: str) -> None:
        gate = threading.Event()
        waiting = await held(queue, gate, 8)
        try:
            download = await asyncio.wait_for(client.get("/h/demo/sine/1/c/src/archive.zip"), 5)
        finally:
            gate.set()
        await asyncio.gather(*waiting)
        assert download.status_code == 200 and download.content.startswith(b"PK")

    run(app, CompileQueue(room=10), scenario)


def test_a_full_queue_refuses_compiles_as_busy_and_takes_them_again_once_it_drains(app: Starlette) -> None:
    async def scenario(client: httpx.AsyncClient, queue: CompileQueue, token: str) -> None:
        gate = threading.Event()
        waiting = await held(queue, gate, 2)
        files = {"file": ("archive.zip", zip_of({"_main.pd": SINE_PD}), "application/zip")}
        try:
            refused = await client.post("/a/patches/demo/sine/jobs", files=files, **upload(token))
            fields = {"owner_name": "demo", "name": "queued", "public": "true"}
            with_version = {"patch_file": files["file"]}
            new_patch = await client.post("/a/patches", files=with_version, **upload(token, **fields))
        finally:
            gate.set()
        await asyncio.gather(*waiting)
        for reply in (refused, new_patch):
            assert reply.status_code == 503
            assert reply.headers["retry-after"] == str(RETRY_AFTER)
            assert reply.json()["errors"][0]["status"] == "503"
            assert "queue is full" in reply.json()["errors"][0]["detail"]
        missing = (await client.get("/a/patches/demo/queued")).json()
        assert missing["errors"][0]["status"] == "404", "a patch whose first version is refused is not kept"
        accepted = await client.post("/a/patches/demo/sine/jobs", files=files, **upload(token))
        assert accepted.status_code == 200 and accepted.json()["errors"] == []
        assert accepted.json()["data"]["id"] == "demo/sine/2"

    run(app, CompileQueue(room=2), scenario)
