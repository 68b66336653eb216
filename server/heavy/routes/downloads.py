"""Target archives under `/h/`, built on first request, and the web player served from one.

These are not the JSON API, so refusals carry real HTTP statuses (the uploader raises on them
and prints the URL); bodies are still JSON, never an HTML error page.
"""

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from server.heavy import archive_responses
from server.heavy.records import Job, Patch
from server.heavy.responses import Refusal
from server.heavy.routes.common import service, viewer, visible_patch
from server.heavy.routes.jobs import find
from server.heavy.targets import WEB, TargetRefused

PLAYER_TYPES = {
    "html": "text/html",
    "js": "text/javascript",
    "json": "application/json",
    "wasm": "application/wasm",
}


async def archive(request: Request) -> Response:
    patch, job = await _patch_and_job(request)
    path = request.path_params["target"]
    key = await _archive_key(request, job, path)
    name = f"{patch.name}.{job.index}.{path.replace('/', '-')}.zip"
    try:
        return await run_in_threadpool(archive_responses.download, service(request).files, key, name)
    except FileNotFoundError as gone:
        raise Refusal(404, f"The {path} archive of job {job.key} is gone.", soft=False) from gone


async def web_player(request: Request) -> Response:
    """One file of the `web/local` archive, so a browser can open its page right here."""
    _, job = await _patch_and_job(request)
    name = request.path_params["file"]
    key = await _archive_key(request, job, WEB)
    content = await run_in_threadpool(archive_responses.member, service(request).files, key, name)
    if content is None:
        raise Refusal(404, f"The {WEB} build has no file {name!r}.", soft=False)
    return Response(content, media_type=PLAYER_TYPES.get(name.rpartition(".")[2]))


async def _patch_and_job(request: Request) -> tuple[Patch, Job]:
    try:
        patch = await visible_patch(request, await viewer(request))
        return patch, await find(request, patch)
    except Refusal as refusal:
        raise Refusal(refusal.status, refusal.detail, soft=False) from refusal


async def _archive_key(request: Request, job: Job, path: str) -> str:
    """Built already, or built now in the compile queue."""
    svc = service(request)
    try:
        built = await run_in_threadpool(svc.targets.built, job, path)
        if built is None:
            built = await svc.compiles.run(svc.targets.archive, job, path)
        return built
    except TargetRefused as refused:
        raise Refusal(refused.status, refused.detail, soft=False) from refused
